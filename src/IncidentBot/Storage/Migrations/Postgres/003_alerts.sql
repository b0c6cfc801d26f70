-- Alert notifications received on /webhooks/alerts/{source}, and the current state of each alert.
-- A notification is named by (source, fingerprint, status, starts_at): a redelivery hits the unique constraint and is
-- stored once, whichever instance receives it.
CREATE TABLE alerts (
    id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source          TEXT    NOT NULL,
    fingerprint     TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('firing', 'resolved')),
    starts_at       TEXT    NOT NULL,
    ends_at         TEXT,
    detected_at     TEXT,
    title           TEXT    NOT NULL,
    level           TEXT    NOT NULL CHECK (level IN ('info', 'warning', 'error', 'critical')),
    labels          TEXT    NOT NULL,
    description     TEXT,
    runbook_url     TEXT,
    source_url      TEXT,
    group_key       TEXT    NOT NULL,
    received_at     TEXT    NOT NULL,
    decision        TEXT    CHECK (decision IN ('opened', 'joined', 'resolved', 'ignored', 'unmatched')),
    incident_number INTEGER REFERENCES incidents (number),
    UNIQUE (source, fingerprint, status, starts_at)
);

CREATE INDEX alerts_by_incident ON alerts (incident_number, id);
CREATE INDEX alerts_opened ON alerts (received_at) WHERE decision = 'opened';

-- One row per alert (source, fingerprint): the incident it belongs to now and whether it still fires.
CREATE TABLE alert_states (
    source          TEXT    NOT NULL,
    fingerprint     TEXT    NOT NULL,
    incident_number INTEGER NOT NULL REFERENCES incidents (number),
    group_key       TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('firing', 'resolved')),
    updated_at      TEXT    NOT NULL,
    PRIMARY KEY (source, fingerprint)
);

CREATE INDEX alert_states_by_group ON alert_states (group_key, incident_number);
CREATE INDEX alert_states_by_incident ON alert_states (incident_number, status);
