-- The byline's author(s) as the page, feed or JSON line gave them (NULL for plain text without a sidecar).
ALTER TABLE documents ADD COLUMN author TEXT;
