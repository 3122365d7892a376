-- Full-text search, second scheme: the same terms and queries as the SQLite store
-- (marsad.store.searchterms), so both stores answer a query with the same articles and
-- the same matched terms.
--   search_vec    a tsvector of the index terms of title and text, one per token at its
--                 position (title weight A, then a gap, then the text), computed in Python
--                 by marsad.store.postgres.search_document; NULL means "not indexed yet"
--                 (PostgresStore.ensure_search_index fills those in, found by the partial
--                 index below). The old three-tier vectors are emptied here and rebuilt.
--   search_terms  every indexed term with its phonetic key (marsad.extract.translit), so a
--                 query term is expanded to the spelling variants the corpus holds.
-- search_text (the previous scheme's copy of the normalised text) is no longer used.
ALTER TABLE articles DROP COLUMN search_text;
UPDATE articles SET search_vec = NULL;
CREATE INDEX articles_search_pending ON articles(id) WHERE search_vec IS NULL;

CREATE TABLE search_terms (
    term TEXT COLLATE "C" PRIMARY KEY,
    pkey TEXT COLLATE "C" NOT NULL
);
CREATE INDEX search_terms_by_key ON search_terms(pkey);  -- (search_terms_pkey names the primary key)
