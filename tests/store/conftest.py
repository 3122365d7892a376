"""Store fixtures: ``store`` runs a test against SQLite and PostgreSQL.

PostgreSQL comes from ``$MARSAD_TEST_PG`` (a URL; ``.ci/run`` starts a server and sets it)
or, when that is unset, from a throwaway server this file starts once per session with the
local PostgreSQL binaries (``initdb``/``pg_ctl``, on a unix socket in a temporary folder,
as the ``postgres`` user when running as root). When neither is possible the PostgreSQL
cases are skipped with the reason. Each test gets a fresh schema of its own.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest

PG_ENV = "MARSAD_TEST_PG"
PG_SKIP_ENV = "MARSAD_TEST_PG_SKIP"  # set by .ci/run with the reason it could not start a server


def _pg_bindir() -> str | None:
    """A folder with ``initdb``, ``pg_ctl`` and ``postgres`` (PATH first, then Debian's layout)."""
    cands = []
    initdb = shutil.which("initdb")
    if initdb:
        cands.append(str(Path(initdb).resolve().parent))
    cands += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: [int(x) for x in p.split("/")[-2].split(".")
                                                                         if x.isdigit()], reverse=True)
    for d in cands:
        if all(os.access(os.path.join(d, b), os.X_OK) for b in ("initdb", "pg_ctl", "postgres")):
            return d
    return None


class _Server:
    """A throwaway PostgreSQL cluster on a unix socket (no TCP port, nothing to clash with)."""

    def __init__(self, bindir: str):
        self.bindir = bindir
        self.dir = tempfile.mkdtemp(prefix="marsad-pg-")  # short: unix socket paths are limited
        self.data = os.path.join(self.dir, "data")
        self.prefix: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            import pwd

            try:
                pw = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root and there is no 'postgres' user to run the server as") from None
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
            runuser = shutil.which("runuser")
            self.prefix = [runuser, "-u", "postgres", "--"] if runuser else None  # type: ignore[assignment]
            if self.prefix is None:
                self.prefix = ["su", "postgres", "-s", "/bin/sh", "-c"]

    def _run(self, *args: str) -> None:
        cmd = [os.path.join(self.bindir, args[0]), *args[1:]]
        if self.prefix and self.prefix[0] == "su":
            import shlex

            cmd = [*self.prefix, shlex.join(cmd)]
        else:
            cmd = [*self.prefix, *cmd]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if r.returncode:
            raise RuntimeError(f"{args[0]} failed: {(r.stderr or r.stdout).strip()[-500:]}")

    def start(self) -> str:
        self._run("initdb", "-D", self.data, "-U", "marsad", "-A", "trust", "-E", "UTF8", "--no-sync",
                  "--locale=C")
        opts = f"-k {self.dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", self.data, "-l", os.path.join(self.dir, "server.log"), "-w", "-t", "60",
                  "-o", opts, "start")
        import psycopg

        with psycopg.connect(f"postgresql:///postgres?host={quote(self.dir)}&user=marsad", autocommit=True) as c:
            c.execute("CREATE DATABASE marsad_test")
        return f"postgresql:///marsad_test?host={quote(self.dir)}&user=marsad"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", self.data, "-m", "immediate", "stop")
        except Exception:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server():
    """URL of a PostgreSQL database for tests (see the module docstring), or skip."""
    try:
        import psycopg
    except ImportError:
        pytest.skip("PostgreSQL tests skipped: psycopg is not installed (pip install 'marsad[postgres]')")
    url = os.environ.get(PG_ENV)
    if url:
        try:
            psycopg.connect(url, connect_timeout=10).close()
        except psycopg.Error as exc:
            pytest.fail(f"${PG_ENV}={url} is set but the server cannot be reached: {exc}")
        yield url
        return
    if os.environ.get(PG_SKIP_ENV):
        pytest.skip(f"PostgreSQL tests skipped: {os.environ[PG_SKIP_ENV]}")
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip(f"PostgreSQL tests skipped: no PostgreSQL server binaries (initdb, pg_ctl) on PATH or in "
                    f"/usr/lib/postgresql/*/bin, and ${PG_ENV} is not set (install PostgreSQL or set "
                    f"{PG_ENV}=postgresql://...)")
    try:
        server = _Server(bindir)
    except RuntimeError as exc:
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    try:
        url = server.start()
    except Exception as exc:  # noqa: BLE001 - any failure to start is a reason to skip
        server.stop()
        pytest.skip(f"PostgreSQL tests skipped: could not start a throwaway server with {bindir}: {exc}")
    try:
        yield url
    finally:
        server.stop()


def _with_search_path(url: str, schema: str) -> str:
    opt = quote(f"-csearch_path={schema}", safe="")
    return url + ("&" if "?" in url else "?") + f"options={opt}"


@pytest.fixture
def pg_url(pg_server):
    """A URL whose tables live in a fresh schema, dropped after the test."""
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_server, autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {schema}")
    yield _with_search_path(pg_server, schema)
    with psycopg.connect(pg_server, autocommit=True) as c:
        c.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgres"])
def store_factory(request, tmp_path):
    """``make()`` opens (again) the same store of the parametrised kind."""
    opened = []
    if request.param == "sqlite":
        from marsad.store.sqlite import SQLiteStore

        def make():
            opened.append(SQLiteStore(tmp_path / "s.db"))
            return opened[-1]
    else:
        url = request.getfixturevalue("pg_url")
        from marsad.store.postgres import PostgresStore

        def make():
            opened.append(PostgresStore(url))
            return opened[-1]
    make.kind = request.param  # type: ignore[attr-defined]
    yield make
    for s in opened:
        try:
            s.close()
        except Exception:
            pass


@pytest.fixture
def store(store_factory):
    return store_factory()


@pytest.fixture(scope="session")
def load_examples():
    """``load(store)`` stores ``examples/`` as :func:`marsad.pipeline.ingest` does (one batch
    per file, claims of new articles), reading and analysing the files once per session."""
    from marsad.ingest import iter_files, read_path
    from marsad.pipeline import analyse_claims
    from marsad.records import Article, IngestError

    examples = Path(__file__).resolve().parents[2] / "examples"
    batches = []
    for f in iter_files([examples]):
        items = [f] if isinstance(f, IngestError) else list(read_path(f))
        batches.append((items, {a.id: analyse_claims(a) for a in items if isinstance(a, Article)}))

    def load(store):
        for items, claims in batches:
            store.add_batch(items, claims)
        return store

    return load
