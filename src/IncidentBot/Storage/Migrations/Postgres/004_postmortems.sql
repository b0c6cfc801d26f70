-- Postmortems: the kind of each action item, and every export of every draft.
ALTER TABLE action_items ADD COLUMN kind TEXT CHECK (kind IN ('prevent', 'detect', 'mitigate'));

-- One row per draft version and place it went to: format is md, html or docx (a file in the export folder, with
-- the SHA-256 of the bytes written, so a file people edited afterwards is recognised and kept), confluence (the
-- incident's page, with the version number we wrote) or confluence_draft (a child page written beside a page
-- people edited).
CREATE TABLE postmortem_versions (
    incident_number    INTEGER NOT NULL REFERENCES incidents (number),
    version            INTEGER NOT NULL,
    format             TEXT    NOT NULL CHECK (format IN ('md', 'html', 'docx', 'confluence', 'confluence_draft')),
    hash               TEXT    NOT NULL,
    path               TEXT    NOT NULL,
    confluence_page_id TEXT,
    confluence_version INTEGER,
    created_at         TEXT    NOT NULL,
    PRIMARY KEY (incident_number, version, format)
);
