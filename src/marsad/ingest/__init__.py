"""Reading articles: decoding, format readers, cleaning, publication dates."""

from marsad.ingest.readers import IngestOptions, article_id, iter_files, make_article, read_path

__all__ = ["IngestOptions", "article_id", "iter_files", "make_article", "read_path"]
