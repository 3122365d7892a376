-- Articles as ingested; the id is a hash of the normalised content.
CREATE TABLE articles (
    id             TEXT PRIMARY KEY,
    title          TEXT,
    outlet         TEXT,
    url            TEXT,
    author         TEXT,
    published      TEXT,
    published_from TEXT,
    dateline       TEXT,
    format         TEXT NOT NULL,
    encoding       TEXT,
    source_path    TEXT,
    source_line    INTEGER,
    raw_text       TEXT NOT NULL,
    text           TEXT NOT NULL,
    offsets        TEXT NOT NULL,   -- JSON [[dst_start, src_start, length], ...] cleaned -> raw
    removed        TEXT NOT NULL,   -- JSON [[raw_start, raw_end, rule], ...]
    extra          TEXT NOT NULL,   -- JSON object of fields kept from the input
    ingested_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);

-- Every time an article was seen: the same content from another file, URL or outlet is a
-- sighting of the same article (an exact copy), not a new article.
CREATE TABLE sightings (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source_path TEXT NOT NULL DEFAULT '',
    source_line INTEGER NOT NULL DEFAULT 0,
    url         TEXT,
    outlet      TEXT,
    published   TEXT,
    seen_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (article_id, source_path, source_line)
);

-- Inputs that could not be read, so a user can see what was skipped and why.
CREATE TABLE ingest_errors (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    path     TEXT NOT NULL,
    line     INTEGER,
    reason   TEXT NOT NULL,
    seen_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
