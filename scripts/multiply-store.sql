-- Grows a small analysed SQLite store into a large one for the HTTP load test (docs/web.md): each of the
-- N original documents is copied 12,499 times with its claims and quotes, published on a day spread over
-- 2016–2019, under a new key and content hash. Copies keep title, outlet and facts but not text or
-- analysis JSON (ledger queries never read them), so 100k documents fit in a few hundred MB.
-- Usage: sqlite3 STORE.db < scripts/multiply-store.sql   (8 originals → 100,000 documents)
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
CREATE TEMP TABLE copies AS
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12499) SELECT i FROM n;
CREATE TEMP TABLE originals AS SELECT id FROM documents;
CREATE TEMP TABLE mapping AS
  SELECT o.id AS old_id, c.i AS copy, (SELECT max(id) FROM documents) + row_number() OVER (ORDER BY c.i, o.id) AS new_id
  FROM originals o CROSS JOIN copies c;
INSERT INTO documents (id, key, content_hash, title, outlet, published, language, source, text, annotations, ingested_at)
  SELECT m.new_id, 'copy:' || m.copy || ':' || d.key, d.content_hash || ':' || m.copy, d.title, d.outlet,
         date('2016-01-01', '+' || ((m.copy * 7 + d.id * 13) % 1461) || ' days'), d.language, NULL, '', '{}', d.ingested_at
  FROM mapping m JOIN documents d ON d.id = m.old_id;
INSERT INTO claims (document_id, start, end, text, measure, subject, subject_actor, subject_name, place, low, high, low_inclusive, high_inclusive,
                    approximate, qualifier, trend, time_from, time_until, claimant, claimant_actor, claimant_side, channel)
  SELECT m.new_id, c.start, c.end, c.text, c.measure, c.subject, c.subject_actor, c.subject_name, c.place, c.low, c.high, c.low_inclusive, c.high_inclusive,
         c.approximate, c.qualifier, c.trend, c.time_from, c.time_until, c.claimant, c.claimant_actor, c.claimant_side, c.channel
  FROM mapping m JOIN claims c ON c.document_id = m.old_id;
INSERT INTO quotes (document_id, start, end, kind, speaker, source, cue, channel, content, rule, speaker_actor)
  SELECT m.new_id, q.start, q.end, q.kind, q.speaker, q.source, q.cue, q.channel, q.content, q.rule, q.speaker_actor
  FROM mapping m JOIN quotes q ON q.document_id = m.old_id;
COMMIT;
ANALYZE;
SELECT (SELECT count(*) FROM documents) || ' documents, ' || (SELECT count(*) FROM claims) || ' claims, ' || (SELECT count(*) FROM quotes) || ' quotes';
