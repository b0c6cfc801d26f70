-- Leases on outbox and inbox rows: which instance works on a row, and until when. One SQLite instance always holds
-- them itself; the columns keep the delivery SQL the same as on PostgreSQL, where instances share the rows.
ALTER TABLE chat_outbox ADD COLUMN lease_owner TEXT;
ALTER TABLE chat_outbox ADD COLUMN lease_until TEXT;
ALTER TABLE slack_inbox ADD COLUMN lease_owner TEXT;
ALTER TABLE slack_inbox ADD COLUMN lease_until TEXT;
