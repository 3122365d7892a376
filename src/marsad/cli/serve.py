"""``marsad serve``: the web page and REST API over a store, on 127.0.0.1:8000 by default."""

from __future__ import annotations

import os
from typing import Optional

import typer

__all__ = ["register", "serve"]


def serve(
    db: Optional[str] = typer.Option(None, "--db", help="SQLite database file or postgresql:// URL "
                                                        "(default: $MARSAD_DB or the user data folder)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on. Anything but loopback needs $MARSAD_API_TOKEN."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
) -> None:
    """Serve the web page and the REST API (OpenAPI at /api/openapi.json).

    Listens on 127.0.0.1 unless told otherwise. On any other address, uploads need the token in
    $MARSAD_API_TOKEN (header 'Authorization: Bearer ...'), and the server refuses to start
    without it. When $MARSAD_API_TOKEN is set, uploads need it on loopback too.
    """
    import uvicorn

    from marsad.api import create_app
    from marsad.api.security import is_loopback
    from marsad.cli.main import err
    from marsad.store import default_db_path
    from marsad.store.sqlite import StoreError

    token = os.environ.get("MARSAD_API_TOKEN") or None
    loopback = is_loopback(host)
    if not loopback and not token:
        err.print(f"[red]error:[/red] refusing to listen on {host} without a token: set MARSAD_API_TOKEN "
                  "(uploads will need 'Authorization: Bearer <token>'), or use --host 127.0.0.1")
        raise typer.Exit(2)
    path = db or os.environ.get("MARSAD_DB") or default_db_path()
    try:
        app = create_app(path, token=token, allowed_hosts=None if not loopback else
                         ("127.0.0.1", "localhost", "::1", "[::1]"), warm=True)
    except StoreError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2)
    shown = f"[{host}]" if ":" in host else host
    err.print(f"Marsad: http://{shown}:{port}/  (store {path}; writes {'need the token' if token else 'open'}; Ctrl+C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
