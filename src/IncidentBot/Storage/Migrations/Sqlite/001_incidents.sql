-- Incidents, their append-only timeline and their action items.
-- Instants are ISO-8601 UTC text with milliseconds, so they sort as text.
CREATE TABLE incidents (
    number          INTEGER PRIMARY KEY,
    title           TEXT    NOT NULL,
    severity        INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 4),
    status          TEXT    NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
    is_private      INTEGER NOT NULL DEFAULT 0,
    is_drill        INTEGER NOT NULL DEFAULT 0,
    declared_by     TEXT    NOT NULL,
    commander       TEXT,
    scribe          TEXT,
    comms           TEXT,
    started_at      TEXT    NOT NULL,
    detected_at     TEXT    NOT NULL,
    declared_at     TEXT    NOT NULL,
    acknowledged_at TEXT,
    mitigated_at    TEXT,
    resolved_at     TEXT,
    updated_at      TEXT    NOT NULL
);

CREATE INDEX incidents_open ON incidents (status, number);

CREATE TABLE timeline_entries (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_number INTEGER NOT NULL REFERENCES incidents (number),
    at              TEXT    NOT NULL,
    actor           TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    source_key      TEXT,
    link            TEXT
);

CREATE INDEX timeline_by_incident ON timeline_entries (incident_number, id);
CREATE UNIQUE INDEX timeline_source_key ON timeline_entries (incident_number, source_key) WHERE source_key IS NOT NULL;

-- Timeline entries are append-only: the database refuses to change or drop one.
CREATE TRIGGER timeline_entries_no_update BEFORE UPDATE ON timeline_entries
BEGIN SELECT RAISE(ABORT, 'timeline entries are append-only'); END;
CREATE TRIGGER timeline_entries_no_delete BEFORE DELETE ON timeline_entries
BEGIN SELECT RAISE(ABORT, 'timeline entries are append-only'); END;

CREATE TABLE action_items (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_number INTEGER NOT NULL REFERENCES incidents (number),
    text            TEXT    NOT NULL,
    owner           TEXT,
    due             TEXT,
    is_done         INTEGER NOT NULL DEFAULT 0,
    created_by      TEXT    NOT NULL,
    created_at      TEXT    NOT NULL
);

CREATE INDEX action_items_by_incident ON action_items (incident_number, id);
