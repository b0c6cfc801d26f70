-- Signed Slack requests already accepted, so that the same signed request sent again (a replay) is refused on any
-- instance. A row is kept only while its timestamp is inside Slack's five-minute window; expired rows are deleted as
-- new ones arrive.
CREATE TABLE slack_requests_seen (
    request_key TEXT PRIMARY KEY,
    expires_at  TEXT NOT NULL
);

CREATE INDEX slack_requests_seen_by_expiry ON slack_requests_seen (expires_at);
