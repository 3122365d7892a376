"""Storage of articles and everything extracted from them (SQLite by default)."""

from marsad.store.sqlite import SQLiteStore, default_db_path, open_store

__all__ = ["SQLiteStore", "default_db_path", "open_store"]
