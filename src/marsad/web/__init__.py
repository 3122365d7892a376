"""The web pages: server-rendered Jinja2 templates (right to left, Arabic), light JavaScript,
everything served from this package (no CDN, no network at run time).

One router per resource, each module with ``router`` and ``NAV`` (its entry in the navigation
bar, or ``None``). To add a page (stories, matrix, timeline, brief): write
``web/<name>.py`` with ``router`` and ``NAV = ("/<name>", "label", "key")``, a template that
``{% extends "base.html" %}``, and add the module to ``PAGES`` below; the nav bar follows.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

__all__ = ["include_web", "PAGES", "nav_items", "STATIC_DIR", "TEMPLATES_DIR"]

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
TEMPLATES_DIR = HERE / "templates"


def _pages():
    from marsad.web import apidoc, articles, brief, claims, entities, matrix, search, stories, timeline, upload

    return [articles, stories, brief, matrix, timeline, claims, entities, search, upload, apidoc]


PAGES: list = []


def nav_items() -> list[tuple[str, str, str]]:
    """``(path, label, key)`` of the navigation bar, in page order."""
    return [m.NAV for m in PAGES if getattr(m, "NAV", None)]


def include_web(app: FastAPI) -> None:
    if not PAGES:
        PAGES.extend(_pages())
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for mod in PAGES:
        app.include_router(mod.router)
