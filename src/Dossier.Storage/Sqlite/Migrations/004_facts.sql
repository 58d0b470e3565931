-- Entity mentions with their knowledge-base links, geoparsed places, coded events and the provenance chain of
-- every quote. Each row keeps its evidence: the document and the half-open UTF-16 offsets into documents.text.
CREATE TABLE mentions (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    text          TEXT NOT NULL,
    type          TEXT,                           -- PER | ORG | GPE | …; NULL for a link without a typed mention
    actor_id      TEXT,                           -- knowledge-base actor id, NULL when unlinked
    actor_name    TEXT,
    cameo         TEXT,
    cluster       TEXT,                           -- mentions of one referent in the document share it
    country       TEXT
);
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE INDEX mentions_document ON mentions(document_id);

CREATE TABLE places (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    text          TEXT NOT NULL,
    name          TEXT NOT NULL,                  -- the gazetteer's name
    country       TEXT,
    latitude      REAL NOT NULL,
    longitude     REAL NOT NULL
);
CREATE INDEX places_document ON places(document_id);

-- Coded events, read from the analysis JSON's "events" array.
CREATE TABLE events (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    text          TEXT NOT NULL,
    code          TEXT NOT NULL,                  -- CAMEO event code ("190")
    root          TEXT NOT NULL,                  -- its two-digit root ("19")
    name          TEXT NOT NULL,
    goldstein     REAL NOT NULL,
    quad_class    INTEGER NOT NULL,
    plover_event  TEXT,
    plover_mode   TEXT,
    source_actor  TEXT,
    source_cameo  TEXT,
    source_text   TEXT,
    target_actor  TEXT,
    target_cameo  TEXT,
    target_text   TEXT,
    place         TEXT,
    date          TEXT,
    negated       INTEGER NOT NULL,
    claimed_by    TEXT
);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_root ON events(root);
CREATE INDEX events_source ON events(source_actor);
CREATE INDEX events_target ON events(target_actor);

ALTER TABLE quotes ADD COLUMN speaker_actor TEXT;
CREATE INDEX quotes_speaker_actor ON quotes(speaker_actor);
CREATE INDEX claims_claimant_actor ON claims(claimant_actor);
CREATE INDEX documents_published ON documents(published, id);

-- How a quote reached the reader: speaker, then the channel they used, then the outlet (position 0, 1, 2).
CREATE TABLE quote_provenance (
    quote_id      INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    role          TEXT NOT NULL,                  -- speaker | channel | outlet
    name          TEXT NOT NULL,
    actor_id      TEXT,
    start         INTEGER,                        -- NULL for the outlet, which is metadata rather than text
    end           INTEGER,
    PRIMARY KEY (quote_id, position)
);
