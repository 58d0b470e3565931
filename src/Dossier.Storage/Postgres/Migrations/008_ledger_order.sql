-- The ledger is read in (published NULLS FIRST, document, offset) order, usually for one measure, LIMIT n: indexes that
-- carry the whole order (with PostgreSQL's NULLS FIRST spelled out, as ascending indexes put NULLs last) let the engine
-- stop after n rows instead of sorting every claim of the measure. place is only matched with LIKE '%…%', so
-- claims(measure, place) only covered that filter: place, the subject (for "about") and the claimant
-- ride at the end of the new indexes instead.
DROP INDEX claims_measure;
DROP INDEX claims_measure_published;
DROP INDEX claims_published;
CREATE INDEX claims_measure_ledger ON claims(measure, published NULLS FIRST, document_id, start, place, subject, subject_name);
CREATE INDEX claims_ledger ON claims(published NULLS FIRST, document_id, start, place, claimant, claimant_actor);
