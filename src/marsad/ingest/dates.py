"""Publication dates: from metadata strings, or from a dateline near the top of the text.

Metadata dates (ISO 8601, RFC 822 in feeds, "2026-03-14 10:00") are parsed with
python-dateutil. Dates written in Arabic at the head of an article ("الأحد 15 مارس 2026",
"15 آذار/مارس 2026", "2026/3/15") are read with a small grammar over the calendar words in
``marsad/lexicon/ar/dates.json``: dateparser can read many of these, but it is slow to search
free text and returns no offsets, which the text-date fallback needs to report where it looked.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from functools import lru_cache
from importlib import resources

from dateutil import parser as dateutil_parser

from marsad.text.normalize import norm, normalize

__all__ = ["parse_meta_date", "find_text_date", "find_normalized_date", "month_table", "weekday_table"]


@lru_cache(maxsize=1)
def month_table() -> dict[str, int]:
    data = json.loads(resources.files("marsad.lexicon.ar").joinpath("dates.json").read_text("utf-8"))
    return {norm(k): v for k, v in data["months"].items()}


@lru_cache(maxsize=1)
def weekday_table() -> dict[str, int]:
    data = json.loads(resources.files("marsad.lexicon.ar").joinpath("dates.json").read_text("utf-8"))
    return {norm(k): v for k, v in data["weekdays"].items()}


@lru_cache(maxsize=1)
def _date_res() -> tuple[re.Pattern, re.Pattern]:
    names = sorted(month_table(), key=len, reverse=True)
    month = "(?P<month>" + "|".join(re.escape(n) for n in names) + r")(\s*/\s*(" + "|".join(re.escape(n) for n in names) + "))?"
    worded = re.compile(r"(?<!\d)(?P<day>[0-3]?\d)\s*(من\s+)?" + month + r"\s*,?\s*(?P<year>(19|20)\d\d)(?!\d)", re.IGNORECASE)
    numeric = re.compile(r"(?<!\d)((?P<y1>(19|20)\d\d)[/.-](?P<m1>[01]?\d)[/.-](?P<d1>[0-3]?\d)|(?P<d2>[0-3]?\d)[/.-](?P<m2>[01]?\d)[/.-](?P<y2>(19|20)\d\d))(?!\d)")
    return worded, numeric


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


_PLAIN_ISO = re.compile(r"\d{4}-\d\d-\d\d[t ]\d\d:\d\d:\d\d(?:z|[+-]\d\d:\d\d)?")


def parse_meta_date(value: object) -> str | None:
    """ISO form of a metadata date, or ``None`` when it is not a date."""
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    s = str(value).strip()
    if not s:
        return None
    s_ascii = normalize(s).text  # Arabic-Indic digits
    try:
        return email.utils.parsedate_to_datetime(s_ascii).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    if _PLAIN_ISO.fullmatch(s_ascii):
        # what dateutil returns for these (most JSON feeds), ten times faster
        try:
            return dt.datetime.fromisoformat(s_ascii.upper()).isoformat()
        except ValueError:
            pass
    found = find_text_date(s, head_chars=len(s))
    if found and not re.match(r"^\d{4}-\d", s_ascii):
        return found[0]
    try:
        t = dateutil_parser.parse(s_ascii)
    except (ValueError, OverflowError):
        return None
    if t.hour == t.minute == t.second == 0 and t.tzinfo is None and len(s_ascii) <= 10:
        return t.date().isoformat()
    try:
        return t.isoformat()
    except ValueError:                  # an impossible offset ("+24:00"): keep the local time without it
        return t.replace(tzinfo=None).isoformat()


def find_text_date(text: str, head_chars: int = 400) -> tuple[str, int, int] | None:
    """First full date in the first ``head_chars`` characters: ``(iso, start, end)`` into ``text``."""
    n = normalize(text[:head_chars])
    found = find_normalized_date(n.text)
    if found is None:
        return None
    s, e = n.span_to_src(found[1], found[2])
    return found[0], s, e


_YEAR = re.compile(r"(?:19|20)\d\d")


def find_normalized_date(ntext: str) -> tuple[str, int, int] | None:
    """:func:`find_text_date` on text already normalised (offsets into ``ntext``)."""
    if not _YEAR.search(ntext):                       # a full date has a year; most sentences none
        return None
    worded, numeric = _date_res()
    best = None
    m = worded.search(ntext)
    if m:
        iso = _iso(int(m["year"]), month_table()[m["month"].lower()], int(m["day"]))
        if iso:
            best = (m.start(), m.end(), iso)
    m2 = numeric.search(ntext)
    if m2 and (best is None or m2.start() < best[0]):
        y, mo, d = (m2["y1"], m2["m1"], m2["d1"]) if m2["y1"] else (m2["y2"], m2["m2"], m2["d2"])
        iso = _iso(int(y), int(mo), int(d))
        if iso:
            best = (m2.start(), m2.end(), iso)
    return None if best is None else (best[2], best[0], best[1])
