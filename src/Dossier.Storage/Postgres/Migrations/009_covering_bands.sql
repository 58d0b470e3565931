-- Near-duplicate candidates are read as (band, hash) -> document_id, 32 bands for every new document, and a story copied
-- a hundred times matches a hundred rows per band: with the document in the index the engine answers from the index
-- alone instead of visiting the table once per matching row.
DROP INDEX minhash_bands_lookup;
CREATE INDEX minhash_bands_lookup ON minhash_bands(band, hash, document_id);

-- MinHash signatures move to a narrow table of their own. As the last column of documents, after the text and the
-- analysis JSON, reading a candidate's signature meant reading the whole row (SQLite keeps a long row in a chain of
-- overflow pages), and a copy of a story stored a hundred times has a hundred candidates. documents.minhash is no
-- longer written or read.
CREATE TABLE document_signatures (
    document_id   BIGINT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    minhash       BYTEA NOT NULL
);
INSERT INTO document_signatures (document_id, minhash) SELECT id, minhash FROM documents WHERE minhash IS NOT NULL;
