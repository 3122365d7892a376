"""Storage of articles and everything extracted from them.

SQLite by default (one file); PostgreSQL for shared deployments when the target is a URL
(``postgresql://...`` or ``postgres://...``). Both have the same schema and behaviour; see
:class:`marsad.store.base.Store`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.store.sqlite import BatchResult, SQLiteStore, StoreError, default_db_path

if TYPE_CHECKING:
    from marsad.store.base import Store
    from marsad.store.postgres import PostgresStore

__all__ = ["SQLiteStore", "PostgresStore", "BatchResult", "StoreError", "default_db_path", "open_store",
           "is_postgres_url"]

_URL_PREFIXES = ("postgresql://", "postgres://")


def is_postgres_url(target: Any) -> bool:
    """Is ``target`` a PostgreSQL URL (``postgresql://`` or ``postgres://``)?"""
    return isinstance(target, str) and target.startswith(_URL_PREFIXES)


def open_store(target: str | Path | None = None) -> "Store":
    """The store at ``target``, else at ``$MARSAD_DB``, else the default SQLite file.

    A ``postgresql://`` or ``postgres://`` URL opens a :class:`PostgresStore`; anything
    else is a SQLite file path.
    """
    if target is None or target == "":
        target = os.environ.get("MARSAD_DB") or None
    if isinstance(target, Path) and str(target).startswith(("postgresql:/", "postgres:/")):
        raise StoreError(f"{target}: a PostgreSQL URL was turned into a file path (its '//' is lost); "
                         "pass it as a string")
    if is_postgres_url(target):
        from marsad.store.postgres import PostgresStore

        return PostgresStore(target)  # type: ignore[arg-type]
    return SQLiteStore(target or default_db_path())


def __getattr__(name: str) -> Any:
    if name == "PostgresStore":  # imported lazily: psycopg is an optional dependency
        from marsad.store.postgres import PostgresStore

        return PostgresStore
    raise AttributeError(name)
