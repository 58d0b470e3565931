-- Documents: one row per distinct text (content hash); every later fact points into `text` by offsets.
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL UNIQUE,           -- where it was first read from (path, URL) or its id
    content_hash  TEXT NOT NULL UNIQUE,           -- SHA-256 of the text, hex: re-ingesting the same text changes nothing
    title         TEXT,
    outlet        TEXT,
    published     TEXT,                           -- YYYY-MM-DD
    language      TEXT,
    source        TEXT,
    text          TEXT NOT NULL,
    annotations   TEXT NOT NULL,                  -- the analysis as the documented JSON contract (docs/json-format.md)
    ingested_at   TEXT NOT NULL
);

-- Other places the same text was read from (syndicated copies saved under several names).
CREATE TABLE document_sources (
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    key           TEXT NOT NULL UNIQUE
);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2');

CREATE TABLE quotes (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start         INTEGER NOT NULL,               -- UTF-16 offsets into documents.text, half-open
    end           INTEGER NOT NULL,
    kind          TEXT NOT NULL,                  -- direct | indirect | mixed
    speaker       TEXT,                           -- resolved speaker name as written
    source        TEXT,                           -- the speaker as written where attributed
    cue           TEXT,
    channel       TEXT,
    content       TEXT NOT NULL,
    rule          TEXT NOT NULL
);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE INDEX quotes_document ON quotes(document_id);
