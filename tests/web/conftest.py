"""Fixtures for the web page tests: a TestClient, a live server and the browser."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from .webdata import CHROMIUM, CHROMIUM_ARGS


def pytest_configure(config):
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx`")


@pytest.fixture
def web(tmp_path):
    from fastapi.testclient import TestClient

    from marsad.api import create_app

    c = TestClient(create_app(tmp_path / "web.db"))
    c.headers["accept"] = "text/html"
    return c


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """``(base_url, db_path)`` of a real server (uvicorn in a thread) over a fresh store."""
    import uvicorn

    from marsad.api import create_app

    db = tmp_path_factory.mktemp("live") / "live.db"
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=server.run, daemon=True)
    t.start()
    deadline = time.time() + 10
    while not server.started:
        if time.time() > deadline:
            raise RuntimeError("test server did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}", db
    server.should_exit = True
    t.join(5)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(locale="ar", viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(10_000)
    yield pg
    ctx.close()
