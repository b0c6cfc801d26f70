-- Incidents, their append-only timeline and their action items (PostgreSQL).
-- Instants are ISO-8601 UTC text with milliseconds, as in SQLite, so they sort as text and the SQL stays common.
CREATE TABLE incidents (
    number          INTEGER PRIMARY KEY,
    title           TEXT    NOT NULL,
    severity        INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 4),
    status          TEXT    NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
    is_private      BOOLEAN NOT NULL DEFAULT FALSE,
    is_drill        BOOLEAN NOT NULL DEFAULT FALSE,
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
    id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
CREATE FUNCTION timeline_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'timeline entries are append-only';
END
$$;

CREATE TRIGGER timeline_entries_append_only BEFORE UPDATE OR DELETE ON timeline_entries
FOR EACH ROW EXECUTE FUNCTION timeline_entries_append_only();

CREATE TABLE action_items (
    id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_number INTEGER NOT NULL REFERENCES incidents (number),
    text            TEXT    NOT NULL,
    owner           TEXT,
    due             TEXT,
    is_done         BOOLEAN NOT NULL DEFAULT FALSE,
    created_by      TEXT    NOT NULL,
    created_at      TEXT    NOT NULL
);

CREATE INDEX action_items_by_incident ON action_items (incident_number, id);
