-- The durable work queue (PostgreSQL): see the SQLite script. Runners claim with FOR UPDATE SKIP LOCKED, so two
-- instances never run the same job.
CREATE TABLE jobs (
    id          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        TEXT    NOT NULL,
    key         TEXT,
    lane        TEXT,
    payload     TEXT    NOT NULL,
    state       TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'set-aside', 'cancelled', 'dropped')),
    due_at      TEXT    NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    refusals    INTEGER NOT NULL DEFAULT 0,
    runs        INTEGER NOT NULL DEFAULT 0,
    progress    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    lease_owner TEXT,
    lease_until TEXT,
    created_at  TEXT    NOT NULL,
    finished_at TEXT
);

CREATE UNIQUE INDEX jobs_by_key ON jobs (key);
CREATE INDEX jobs_due ON jobs (due_at, id) WHERE state = 'pending';
CREATE INDEX jobs_lane_head ON jobs (lane, id) WHERE state = 'pending';
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE state <> 'pending';

CREATE TABLE job_runners (
    owner   TEXT PRIMARY KEY,
    seen_at TEXT NOT NULL
);

INSERT INTO jobs (kind, key, lane, payload, due_at, attempts, progress, last_error, created_at)
SELECT 'chat.deliver', 'chat:' || platform || ':' || entry_id, 'chat:' || platform || ':' || incident_number,
       json_build_object('platform', platform, 'entry', entry_id)::text, next_attempt_at, attempts, steps_done, last_error, next_attempt_at
FROM chat_outbox WHERE state = 'pending' ORDER BY id;

INSERT INTO jobs (kind, key, payload, due_at, attempts, last_error, created_at)
SELECT 'slack.' || kind, 'slack:event:' || id, payload, next_attempt_at, attempts, last_error, received_at
FROM slack_inbox WHERE state = 'pending' ORDER BY received_at;

DROP TABLE chat_outbox;
DROP TABLE slack_inbox;
