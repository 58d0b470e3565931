-- Numeric claims, one row per claim, with the interval, its binding and its evidence offsets.
CREATE TABLE claims (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start           INTEGER NOT NULL,             -- UTF-16 offsets into documents.text, half-open
    end             INTEGER NOT NULL,
    text            TEXT NOT NULL,
    measure         TEXT,
    subject         TEXT,
    subject_actor   TEXT,                         -- knowledge-base actor id of the subject, when linked
    subject_name    TEXT,                         -- its canonical name
    place           TEXT,
    low             REAL,                         -- NULL: unbounded below
    high            REAL,                         -- NULL: unbounded above
    low_inclusive   INTEGER NOT NULL,
    high_inclusive  INTEGER NOT NULL,
    approximate     INTEGER NOT NULL,
    qualifier       TEXT NOT NULL,
    trend           TEXT,
    time_from       TEXT,
    time_until      TEXT,
    claimant        TEXT,                         -- the quoted speaker; NULL when the outlet states it itself
    claimant_actor  TEXT,                         -- knowledge-base actor id of the claimant, when linked
    claimant_side   TEXT,                         -- the claimant's country (alpha-3), when known
    channel         TEXT
);
CREATE INDEX claims_measure ON claims(measure, place);
CREATE INDEX claims_document ON claims(document_id);
