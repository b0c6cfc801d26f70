-- Leases on outbox rows: which instance is delivering a row, and until when. One SQLite instance always holds them
-- itself; the columns keep the delivery SQL the same as on PostgreSQL, where instances share the outbox.
ALTER TABLE chat_outbox ADD COLUMN lease_owner TEXT;
ALTER TABLE chat_outbox ADD COLUMN lease_until TEXT;
