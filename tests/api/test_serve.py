"""``marsad serve``: loopback by default, a token required anywhere else."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from marsad.cli.main import app

runner = CliRunner()


@pytest.fixture
def started(monkeypatch):
    """Capture what ``uvicorn.run`` would serve instead of serving it."""
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.delenv("MARSAD_API_TOKEN", raising=False)
    return calls


def test_serve_defaults_to_loopback(started, tmp_path):
    r = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.db")])
    assert r.exit_code == 0, r.output
    (web, kw), = started
    assert (kw["host"], kw["port"]) == ("127.0.0.1", 8000)
    assert web.state.settings.token is None and "127.0.0.1" in web.state.settings.allowed_hosts
    assert "http://127.0.0.1:8000/" in r.output
    assert "serve" in runner.invoke(app, ["--help"]).output


def test_serve_refuses_other_hosts_without_token(started, tmp_path):
    r = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.db"), "--host", "0.0.0.0", "--port", "9001"])
    assert r.exit_code == 2 and "MARSAD_API_TOKEN" in r.output
    assert started == []


def test_serve_on_other_hosts_with_token(started, tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_API_TOKEN", "tok")
    r = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.db"), "--host", "0.0.0.0", "--port", "9001"])
    assert r.exit_code == 0, r.output
    (web, kw), = started
    assert (kw["host"], kw["port"]) == ("0.0.0.0", 9001)
    assert web.state.settings.token == "tok" and web.state.settings.allowed_hosts is None


def test_serve_bad_database(started, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 50)
    r = runner.invoke(app, ["serve", "--db", str(bad)])
    assert r.exit_code == 2 and "not a Marsad database" in r.output


def test_loopback_detection():
    from marsad.api.security import is_loopback

    assert all(map(is_loopback, ["127.0.0.1", "localhost", "::1", "[::1]", "127.1.2.3"]))
    assert not any(map(is_loopback, ["0.0.0.0", "192.168.1.5", "::", "example.com", ""]))
