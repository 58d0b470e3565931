-- Near-duplicate detection: a MinHash signature per document, its LSH band hashes, and the links found.
ALTER TABLE documents ADD COLUMN minhash BLOB;

CREATE TABLE minhash_bands (
    band          INTEGER NOT NULL,
    hash          INTEGER NOT NULL,
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX minhash_bands_lookup ON minhash_bands(band, hash);

-- document_id was stored after other_id and shares most of its text (containment = similarity).
CREATE TABLE document_links (
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    other_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,                  -- near-duplicate
    similarity    REAL NOT NULL,
    PRIMARY KEY (document_id, other_id, kind)
);
