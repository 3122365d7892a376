"""Turn the bytes of a file into text, recording which encoding was used and why.

Order of decisions (the first that applies wins, and its name is recorded):

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32);
2. refusal of binary data (known magic numbers such as PDF/ZIP/PNG, NUL or control bytes),
   after recognising UTF-16 without a BOM by its pattern of NUL (or 0x06, Arabic) bytes;
3. strict UTF-8;
4. charset-normalizer restricted to the encodings Arabic sites actually use
   (Windows-1256, ISO-8859-6, UTF-16 without BOM) plus Latin fall-backs, and only when it is
   confident; otherwise an error: Marsad never guesses silently.

A caller that knows better passes ``encoding=`` and that is used as is (strictly).
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

__all__ = ["Decoded", "DecodeError", "decode_bytes", "decode_file", "DEFAULT_MAX_BYTES"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # a single article file larger than this is not an article

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = {
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive (or a .docx/.xlsx)",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
    b"\xd0\xcf\x11\xe0": "MS Office document",
    b"Rar!": "RAR archive",
}
_CONTROL_BYTES = [c for c in range(32) if c not in (9, 10, 12, 13)] + [127]
_CANDIDATES = ["cp1256", "iso8859_6", "utf_16_le", "utf_16_be", "cp1252", "latin_1"]


class DecodeError(ValueError):
    """The bytes are not text Marsad can read; the message says why."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str       # codec name used, e.g. "utf-8", "utf-8-sig", "cp1256"
    detected_by: str    # "bom" | "utf-8" | "detector" | "caller"


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes on every other position of mostly-ASCII/Arabic text."""
    n = min(len(data), 4096) // 2 * 2
    if n < 4:
        return None
    even_zero = data[0:n:2].count(0) / (n / 2)
    odd_zero = data[1:n:2].count(0) / (n / 2)
    if odd_zero > 0.3 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.3 and odd_zero < 0.05:
        return "utf-16-be"
    # Arabic in UTF-16: high bytes 0x06 on one parity
    even6 = data[0:n:2].count(6) / (n / 2)
    odd6 = data[1:n:2].count(6) / (n / 2)
    if odd6 > 0.3 and even_zero < 0.05 and data.count(0) > 0:
        return "utf-16-le"
    if even6 > 0.3 and odd_zero < 0.05 and data.count(0) > 0:
        return "utf-16-be"
    return None


def _plausible(text: str) -> bool:
    """Does decoded text look like prose (some spaces, few control characters)?"""
    head = text[:4096]
    if not head.strip():
        return False
    if len(head) > 40 and not any(c.isspace() for c in head):
        return False
    bad = sum(1 for c in head if unicodedata.category(c) in ("Cc", "Co", "Cn", "Cs") and c not in "\t\n\r\f")
    return bad <= len(head) * 0.01


def decode_bytes(data: bytes, *, encoding: str | None = None) -> Decoded:
    """Decode ``data``; raise :class:`DecodeError` with a readable reason when it is not text."""
    if not data.strip():
        raise DecodeError("empty file")
    if encoding:
        try:
            return Decoded(data.decode(encoding), encoding, "caller")
        except (UnicodeDecodeError, LookupError) as exc:
            raise DecodeError(f"cannot decode as {encoding}: {exc}") from None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"byte-order mark says {enc} but the bytes are not: {exc.reason} at byte {exc.start}") from None
            return Decoded(text, enc, "bom")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise DecodeError(f"binary file ({what}), not text")
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            text16 = data.decode(utf16)
        except UnicodeDecodeError:
            text16 = ""
        if _plausible(text16):
            return Decoded(text16, utf16, "detector")
    if b"\x00" in data[:65536]:
        raise DecodeError("binary file (contains NUL bytes), not text")
    head = data[:65536]
    controls = sum(head.count(bytes([c])) for c in _CONTROL_BYTES)
    if controls > len(head) * 0.05:
        raise DecodeError("binary file (many control bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:262144], cp_isolation=_CANDIDATES).best()
    if best is None or best.chaos > 0.3:
        raise DecodeError("undecodable bytes: not UTF-8 and no Arabic or Latin encoding fits; pass --encoding")
    enc = best.encoding
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"looks like {enc} but byte {exc.start} does not decode; pass --encoding") from None
    return Decoded(text, enc, "detector")


def decode_file(path: str | Path, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Read and decode one file, refusing files over ``max_bytes`` before reading them."""
    p = Path(path)
    size = p.stat().st_size
    if size > max_bytes:
        raise DecodeError(
            f"file too large ({size / 1048576:.1f} MB > {max_bytes / 1048576:.0f} MB limit for one article); "
            "split it or raise --max-size"
        )
    return decode_bytes(p.read_bytes(), encoding=encoding)
