-- Counting once: a quote repeated across documents (same speaker, near-identical words) and an event reported by
-- several documents (same actors, root code, place, within days) share a cluster id: the id of the first row seen.
ALTER TABLE quotes ADD COLUMN speaker_key TEXT;       -- the speaker's actor id, else their surname in lower case
ALTER TABLE quotes ADD COLUMN cluster_id INTEGER;
CREATE INDEX quotes_speaker_key ON quotes(speaker_key);
CREATE INDEX quotes_cluster ON quotes(cluster_id);
UPDATE quotes SET cluster_id = id;

ALTER TABLE events ADD COLUMN match_key TEXT;         -- root|source|target|place|negated: events that may be one
ALTER TABLE events ADD COLUMN cluster_id INTEGER;
CREATE INDEX events_match_key ON events(match_key);
CREATE INDEX events_cluster ON events(cluster_id);
UPDATE events SET cluster_id = id;

CREATE INDEX document_links_other ON document_links(other_id);
