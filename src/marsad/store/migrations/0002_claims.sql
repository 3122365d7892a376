-- Quantitative claims extracted from each article at ingest time.
-- start/end index the article's cleaned text; raw_start/raw_end its raw text.
CREATE TABLE claims (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    raw_start      INTEGER NOT NULL,
    raw_end        INTEGER NOT NULL,
    text           TEXT NOT NULL,
    value_min      REAL,
    value_max      REAL,
    qualifier      TEXT NOT NULL,
    category       TEXT NOT NULL,
    noun           TEXT,
    predicate      TEXT,
    actor          TEXT,
    stance         TEXT NOT NULL,
    ref_date       TEXT,
    ref_date_from  TEXT,
    source_text    TEXT,
    source_start   INTEGER,
    source_end     INTEGER,
    source_cue     TEXT,
    source_entity  TEXT,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL
);
CREATE INDEX claims_article ON claims(article_id);
CREATE INDEX claims_category ON claims(category);
