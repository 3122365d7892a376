"""Reference dates of statements, resolved against the article's publication date.

A sentence's figure refers to the date the sentence names ("في 2 يوليو", "يوم الأحد",
"أمس", "في 27 فبراير 2025") or, when it names none, to the article's date. This small
resolver covers what claims need; weekday names are resolved to the latest such day on or
before publication ("يوم الأحد" in a Wednesday article is three days earlier), which
dateparser does not do for Arabic.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from marsad.ingest.dates import find_normalized_date, month_table, weekday_table
from marsad.text.normalize import normalize

__all__ = ["resolve_ref_date", "article_date"]


def article_date(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    months = "|".join(re.escape(m) for m in sorted(month_table(), key=len, reverse=True))
    days = "|".join(re.escape(d) for d in sorted(weekday_table(), key=len, reverse=True))
    day_month = re.compile(rf"(?<!\d)(?P<day>[0-3]?\d)\s+(?P<month>{months})(?!\w)(?!\s*,?\s*(19|20)\d\d)")
    weekday = re.compile(rf"(?<!\w)(يوم\s+)?(?P<wd>{days})(?!\w)(\s+(?P<last>الماضي|المنصرم|الفائت))?")
    relative = re.compile(r"(?<!\w)(?P<rel>امس|اليوم|البارحه|اول امس)(?!\w)")
    return day_month, weekday, relative


def resolve_ref_date(sentence: str, published: str | None, *, normalized: str | None = None) -> tuple[str | None, str]:
    """``(iso_date, how)`` where ``how`` is ``text``, ``article`` or ``none``.

    ``normalized``: the sentence already normalised (``marsad.text.normalize``), when the
    caller has it; trailing punctuation may be left out.
    """
    pub = article_date(published)
    n = normalize(sentence).text if normalized is None else normalized
    full = find_normalized_date(n)
    if full:
        return full[0], "text"
    if pub is None:
        return None, "none"
    day_month, weekday, relative = _res()
    m = day_month.search(n)
    if m:
        month = month_table()[m["month"]]
        try:
            d = dt.date(pub.year, month, int(m["day"]))
        except ValueError:
            d = None
        if d is not None:
            if d > pub + dt.timedelta(days=31):
                d = d.replace(year=pub.year - 1)
            return d.isoformat(), "text"
    m = weekday.search(n)
    if m:
        wd = weekday_table()[m["wd"]]
        back = (pub.weekday() - wd) % 7
        if back == 0 and m["last"]:
            back = 7
        return (pub - dt.timedelta(days=back)).isoformat(), "text"
    m = relative.search(n)
    if m:
        delta = {"امس": 1, "البارحه": 1, "اول امس": 2, "اليوم": 0}[m["rel"]]
        return (pub - dt.timedelta(days=delta)).isoformat(), "text"
    return pub.isoformat(), "article"
