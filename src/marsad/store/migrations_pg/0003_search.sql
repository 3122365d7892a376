-- Full-text search (PostgreSQL only). Both columns are computed in Python at insert time
-- by marsad.store.postgres.search_document (the same code builds the queries):
--   search_text  the normalised, clitic-stripped token bases of title and text, in order;
--   search_vec   a tsvector over them with three tiers per token at one position:
--                weight A the normalised word, B its clitic-free base, C its
--                transliteration-folded base (ج غ ق ك گ -> ك ...), so that ts_rank ranks
--                exact spellings above variants and phrase queries still work.
-- Rows stored before this migration are filled in by PostgresStore.reindex_search().
ALTER TABLE articles ADD COLUMN search_text TEXT;
ALTER TABLE articles ADD COLUMN search_vec TSVECTOR;
CREATE INDEX articles_search ON articles USING GIN (search_vec);
