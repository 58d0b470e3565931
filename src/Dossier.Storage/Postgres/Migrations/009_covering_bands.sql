-- Near-duplicate candidates are read as (band, hash) -> document_id, 32 bands for every new document, and a story copied
-- a hundred times matches a hundred rows per band: with the document in the index the engine answers from the index
-- alone instead of visiting the table once per matching row.
DROP INDEX minhash_bands_lookup;
CREATE INDEX minhash_bands_lookup ON minhash_bands(band, hash, document_id);
