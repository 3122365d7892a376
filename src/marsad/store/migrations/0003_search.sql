-- Full-text search (SQLite FTS5) over each article's title and cleaned text.
-- What is indexed is not the text itself but one term per token: the normalised,
-- clitic-light base form ("وبيونغ" -> "بيونغ", "بالعاصمة" -> "عاصمه"), so a query processed
-- the same way finds every inflected and differently written occurrence. The table is
-- contentless: snippets are cut from the article's own text, never from the index.
CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 2');

-- One row per indexed article; its id is the search_fts rowid. version is the indexing
-- scheme (SQLiteStore.SEARCH_VERSION): rows of an older scheme are re-indexed on open.
CREATE TABLE search_docs (
    id         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
    version    INTEGER NOT NULL
);

-- Every indexed Arabic term with its phonetic key (marsad.extract.translit), so a query term
-- is expanded to the transliteration variants the corpus holds ("بيونج" -> "بيونغ").
CREATE TABLE search_terms (
    term TEXT PRIMARY KEY,
    pkey TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX search_terms_pkey ON search_terms(pkey);
