ALTER TABLE documents ADD COLUMN minhash BYTEA;

CREATE TABLE minhash_bands (
    band          INTEGER NOT NULL,
    hash          BIGINT NOT NULL,
    document_id   BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX minhash_bands_lookup ON minhash_bands(band, hash);
CREATE INDEX minhash_bands_document ON minhash_bands(document_id);

CREATE TABLE document_links (
    document_id   BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    other_id      BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    similarity    DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (document_id, other_id, kind)
);
CREATE INDEX document_links_other ON document_links(other_id);
