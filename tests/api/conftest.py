"""Fixtures for the REST API tests: apps over a fresh store or over the bundled examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from .apidata import json_articles



REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


def pytest_configure(config):
    # Starlette's TestClient warns that it will move from httpx to httpx2; not ours to fix
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx`")

@pytest.fixture
def make_client(tmp_path):
    """``make_client(**create_app_kwargs)`` -> TestClient over a fresh store in tmp_path."""
    from fastapi.testclient import TestClient

    from marsad.api import create_app

    def _make(db: Path | None = None, raise_server_exceptions: bool = True, **kw):
        app = create_app(db or tmp_path / "api.db", **kw)
        return TestClient(app, raise_server_exceptions=raise_server_exceptions)

    return _make


@pytest.fixture
def client(make_client):
    return make_client()


@pytest.fixture(scope="session")
def loaded(tmp_path_factory):
    """A client whose store holds ART_A, ART_B and ART_C (posted as JSON); tests only read it."""
    from fastapi.testclient import TestClient

    from marsad.api import create_app

    client = TestClient(create_app(tmp_path_factory.mktemp("loaded") / "loaded.db"))
    r = client.post("/api/articles", json={"articles": json_articles()})
    assert r.status_code == 201, r.text
    return client


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory):
    """A store with the bundled example corpus (read-only for the tests that use it)."""
    from marsad.pipeline import ingest
    from marsad.store import SQLiteStore

    path = tmp_path_factory.mktemp("examples") / "examples.db"
    with SQLiteStore(path) as s:
        rep = ingest([EXAMPLES], s)
    assert rep.ok and rep.added >= 9
    return path


@pytest.fixture(scope="session")
def examples_client(examples_db):
    from fastapi.testclient import TestClient

    from marsad.api import create_app

    return TestClient(create_app(examples_db), raise_server_exceptions=False)
