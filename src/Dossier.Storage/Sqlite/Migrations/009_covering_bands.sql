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
