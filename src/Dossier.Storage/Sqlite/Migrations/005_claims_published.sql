-- The ledger is read by measure and date: keep each claim's publication date beside it (a copy of its document's),
-- so "fighters, newest/oldest first" and date ranges are index range scans instead of joins over every document.
ALTER TABLE claims ADD COLUMN published TEXT;
UPDATE claims SET published = (SELECT d.published FROM documents d WHERE d.id = claims.document_id);
CREATE INDEX claims_measure_published ON claims(measure, published);
CREATE INDEX claims_published ON claims(published);
