"""Settings and per-request store access shared by the API routers and the web pages."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from fastapi import Request

from marsad.api.uploads import UploadLimits
from marsad.store import open_store
from marsad.store.base import SearchableStore

__all__ = ["Settings", "settings", "open_db", "LOOPBACK_HOSTS"]

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "testserver")


@dataclass(frozen=True, slots=True)
class Settings:
    db: Path | str                                            # a SQLite file, or a PostgreSQL URL
    token: str | None = None                                  # writes need it when set
    allowed_hosts: tuple[str, ...] | None = LOOPBACK_HOSTS    # Host headers accepted (None: any)
    limits: UploadLimits = field(default_factory=UploadLimits)


def settings(request: Request) -> Settings:
    return request.app.state.settings


@contextmanager
def open_db(request: Request) -> Iterator[SearchableStore]:
    """A store for this request, opened and closed in the calling thread (SQLite connections
    belong to the thread that opened them; opening one costs about a millisecond; a
    PostgreSQL connection a few)."""
    store = open_store(settings(request).db)
    try:
        yield store
    finally:
        store.close()
