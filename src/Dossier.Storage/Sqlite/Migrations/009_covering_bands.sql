-- Near-duplicate candidates are read as (band, hash) -> document_id, 32 bands for every new document, and a story copied
-- a hundred times matches a hundred rows per band: with the document in the index the engine answers from the index
-- alone instead of visiting the table once per matching row.
DROP INDEX minhash_bands_lookup;
CREATE INDEX minhash_bands_lookup ON minhash_bands(band, hash, document_id);

-- A new quote is compared with the speaker's 500 most recent quotes in other documents, grouped by wording: with the
-- wording in the index, those are one backward run through the index rather than 500 visits to the table. (PostgreSQL
-- keeps its plain index: its index entries are limited to about 2,700 bytes, which a long quote can exceed.)
DROP INDEX quotes_speaker_key;
CREATE INDEX quotes_speaker_key ON quotes(speaker_key, id, cluster_id, document_id, content);

-- MinHash signatures move to a narrow table of their own. As the last column of documents, after the text and the
-- analysis JSON, reading a candidate's signature meant reading the whole row (SQLite keeps a long row in a chain of
-- overflow pages), and a copy of a story stored a hundred times has a hundred candidates. documents.minhash is no
-- longer written or read.
CREATE TABLE document_signatures (
    document_id   INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    minhash       BLOB NOT NULL
);
INSERT INTO document_signatures (document_id, minhash) SELECT id, minhash FROM documents WHERE minhash IS NOT NULL;
