"""Request guards: body size limit, same-origin writes, bearer token, security headers.

* Bodies of write requests larger than the upload limit are refused with 413, from the
  ``Content-Length`` header when there is one and while reading otherwise.
* A write request a browser sends from another site (``Origin`` not this host, or
  ``Sec-Fetch-Site: cross-site``) is refused with 403: a web page the user visits cannot post
  into a Marsad running on their machine.
* When a token is configured (``MARSAD_API_TOKEN``; required by ``marsad serve`` on a
  non-loopback address), writes need ``Authorization: Bearer <token>`` (or the token field of
  the upload form).
* Every response carries a strict Content-Security-Policy (scripts and styles from this
  server only, no inline script), ``nosniff``, and a referrer only for this server (with
  ``no-referrer`` Chromium sends ``Origin: null`` on form posts, which the origin check refuses).
"""

from __future__ import annotations

import hmac
import json
from urllib.parse import urlsplit

__all__ = ["BodyTooLarge", "GuardMiddleware", "HeadersMiddleware", "check_token", "AuthError", "is_loopback"]

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY")]
_UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class BodyTooLarge(Exception):
    def __init__(self, limit: int):
        super().__init__(f"request body larger than {limit} bytes")
        self.limit = limit


class AuthError(Exception):
    pass


def is_loopback(host: str) -> bool:
    import ipaddress

    h = host.strip("[]")
    if h == "localhost":
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


def check_token(expected: str | None, authorization: str | None, form_token: str | None = None) -> None:
    """Raise :class:`AuthError` unless no token is configured or the request carries it."""
    if not expected:
        return
    given = None
    if authorization and authorization[:7].lower() == "bearer ":
        given = authorization[7:].strip()
    elif form_token:
        given = form_token.strip()
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise AuthError("this server requires a token for writes: send 'Authorization: Bearer <MARSAD_API_TOKEN>'")


async def _send_json(send, status: int, message: str) -> None:
    body = json.dumps({"error": message, "details": []}, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class GuardMiddleware:
    """Size limit and same-origin check for write requests (pure ASGI)."""

    def __init__(self, app, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in _UNSAFE:
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        origin = headers.get("origin")
        if headers.get("sec-fetch-site") == "cross-site" or (
                origin is not None and (origin == "null" or urlsplit(origin).netloc != headers.get("host", ""))):
            return await _send_json(send, 403, "cross-site write refused: post from this server's own pages")
        cl = headers.get("content-length")
        if cl is not None:
            if not cl.isdigit():
                return await _send_json(send, 400, "bad Content-Length header")
            if int(cl) > self.max_body:
                return await _send_json(send, 413, f"request body larger than {self.max_body} bytes")
        seen = 0
        limit = self.max_body

        async def counting_receive():
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return msg

        return await self.app(scope, counting_receive, send)


class HeadersMiddleware:
    """Security headers on every HTTP response (pure ASGI)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(msg):
            if msg["type"] == "http.response.start":
                have = {k.lower() for k, _ in msg.get("headers", [])}
                msg = {**msg, "headers": [*msg.get("headers", []), *(h for h in _HEADERS if h[0] not in have)]}
            await send(msg)

        return await self.app(scope, receive, send_with_headers)
