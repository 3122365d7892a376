"""The REST API (FastAPI) and the app that also serves the web pages; see :mod:`marsad.api.app`."""

from marsad.api.app import create_app

__all__ = ["create_app"]
