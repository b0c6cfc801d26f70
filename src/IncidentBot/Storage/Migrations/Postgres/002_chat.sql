-- Chat rooms, the outbox of what the bot must still say on each platform, and Slack's inbound work (PostgreSQL).
CREATE TABLE rooms (
    incident_number INTEGER NOT NULL REFERENCES incidents (number),
    platform        TEXT    NOT NULL,
    room_id         TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    link            TEXT,
    created_at      TEXT    NOT NULL,
    PRIMARY KEY (incident_number, platform)
);

CREATE UNIQUE INDEX rooms_by_platform_id ON rooms (platform, room_id);

-- Delivered in id order per (platform, incident). An instance works on a queue's head only while it holds the
-- lease; a lease left by an instance that died expires and another instance takes the row over.
CREATE TABLE chat_outbox (
    id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform        TEXT    NOT NULL,
    incident_number INTEGER NOT NULL REFERENCES incidents (number),
    entry_id        BIGINT  NOT NULL REFERENCES timeline_entries (id),
    state           TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    steps_done      INTEGER NOT NULL DEFAULT 0,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT,
    delivered_at    TEXT,
    lease_owner     TEXT,
    lease_until     TEXT
);

CREATE INDEX chat_outbox_pending ON chat_outbox (state, platform, incident_number, id);

CREATE TABLE slack_inbox (
    id              TEXT    PRIMARY KEY,
    kind            TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    received_at     TEXT    NOT NULL,
    state           TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT
);

CREATE INDEX slack_inbox_pending ON slack_inbox (state, next_attempt_at);
