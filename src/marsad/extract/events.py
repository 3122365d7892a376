"""Date expressions and events (meetings, visits, deployments, agreements...) with their dates.

Dates
    :func:`find_dates` finds the date expressions of a text and resolves each to an inclusive
    range of days ``[date_min, date_max]`` against the article's publication date, keeping
    the uncertainty the words carry: "في يونيو" is a month, "الخريف الماضي" a season, "قبل
    أشهر" anything from two months to a year back. Without a publication date, relative
    expressions are kept with ``date_min = date_max = None`` and a symbolic ``value``
    (``XXXX-06``, ``-1W``) rather than invented.

    Hand-written rules, not dateparser (installed, and used by nobody here at run time):
    dateparser returns one ``datetime`` per string, never a range, so "في يونيو" becomes the
    21st of June and "الأسبوع الماضي" the day a week back; it gives no offsets and is slow to
    search free text; and for the Arabic of this project it misses most of what news uses.
    Measured with dateparser 1.5 (``languages=["ar"]``, ``PREFER_DATES_FROM="past"``;
    ``tests/extract/test_events.py::test_dateparser_coverage`` keeps this list honest):

    * it reads (12 of the 34 expressions of the test): "في 2 يوليو", "٢٧ فبراير ٢٠٢٥",
      "الأحد" (bare), "أمس", "اليوم", "الأسبوع الماضي", "هذا الأسبوع", "الشهر الماضي",
      "في يونيو", "في عام 2023", "قبل أسبوعين", "قبل 3 أيام", "سبتمبر 2024" - each as one day;
    * it does not read: "يوم الأحد", "الأحد الماضي", "أمس الخميس", "مساء الجمعة", "أول أمس",
      "حزيران" and the other Levantine months, "15 آذار/مارس 2026", "في أواخر/أوائل فبراير",
      "منتصف فبراير", the seasons ("الخريف الماضي", "الصيف الماضي"), "العام الماضي", "هذا
      العام", "منذ ثلاثة أشهر", "منذ أسبوعين", "قبل أشهر", "مؤخرا", "خلال الأيام الأخيرة",
      "في الأيام المقبلة", "الأسبوع المقبل".

    Conventions (each tested):

    * a weekday ("يوم الأحد", "الأحد") is the latest such day on or before publication (the
      same day counts), or the next one when a future verb or cue precedes it ("سيلتقي ...
      يوم الأحد", "من المقرر"); "الأحد الماضي" is the latest Sunday *strictly before* the
      publication day (one to seven days back), not "Sunday of the previous week": Arabic
      newswire uses "الماضي" for the most recent past occurrence ("الثلاثاء الماضي" in a
      Thursday article is two days earlier); "الأحد المقبل" is one to seven days ahead;
    * "في 2 يوليو" takes the publication year unless that puts it more than 31 days after
      publication (then the year before), as :mod:`marsad.extract.when` does for claims;
    * a month alone ("في يونيو") is the latest such month that starts on or before
      publication; "يونيو الماضي" the latest one before the publication month;
      "أوائل/منتصف/أواخر" are the thirds of a month (1-10, 11-20, 21-end), of a year
      (Jan-Apr, May-Aug, Sep-Dec) or of a season (its three months);
    * weeks: Arab outlets start the week on Saturday, Sunday or Monday, translated wires on
      Monday; "الأسبوع الماضي" is the union of the previous week under the three
      conventions (nine days), "هذا الأسبوع" likewise for the current week;
    * seasons are meteorological, northern hemisphere (spring = March-May, summer =
      June-August, autumn = September-November, winter = December-February, named by the
      year of its December); "الخريف الماضي" is the latest autumn that ended before
      publication, "في الصيف" the latest that started on or before it;
    * "قبل/منذ N أيام|أسابيع|أشهر|سنوات": N days back exactly; N weeks +/- 3 days; N months
      +/- 15 days; N years +/- half a year; with no number ("قبل أيام", "منذ أشهر") the
      ``vague_ago`` ranges of ``events.json``; "خلال الأيام الأخيرة" and "مؤخرا" are the days
      up to publication (``last_n_default`` and ``recent``);
    * "في اليوم السابق/التالي/نفسه" is anaphoric: one day before/after (or the same as) the
      nearest day-precise date earlier in the text (``how="anaphoric"``).

Events
    :func:`extract_events` finds event triggers per sentence (``events.json``: words of each
    kind, looked up with proclitics, pronoun suffixes and the future prefix stripped, with
    required context so that "أرسل" is a deployment only near troops and "إطلاق" is no
    launch in "وقف إطلاق النار"). Kinds: meeting, visit, talks, agreement, ceasefire
    (ceasefire talks and deals), deployment, attack, launch, casualty_report, exercise.
    Triggers of one kind in a sentence are one event unless dated apart. Dates:

    * a date belongs to the nearest trigger of its sentence (Arabic puts the time after the
      verb, so a date before a trigger counts as farther); another trigger shares it when
      the date frames the sentence ("خلال زيارة بوتين ... في يونيو، ..."), when the owner sits
      inside the trigger's clause ("معاهدة تم التوصل إليها في قمة العام الماضي"), or when it
      is a sibling kind (a visit and its meeting, an attack and its dead) not cut off by a
      relative clause or another event;
    * a date followed by "أن/إن" before the trigger ("قالت ... يوم الأحد إن كيم التقى...")
      dates the report: it only bounds the event (the week up to it);
    * a date inside a "منذ ..." phrase dates that phrase ("منذ تنصيب ترامب في يناير");
    * an undated definite trigger ("خلال الزيارة", "زيارته") takes the date of the event it
      names earlier in the article; other undated events are placed in the week up to
      publication (``date_source="publication"``), the usual reading of undated news; with
      no publication date they stay undated.

    Events are ``reported``, ``planned`` ("زيارة محتملة", "سيزور", "من المقرر"),
    ``possible`` ("ما إذا", "إمكانية") or ``negated`` ("نفت", "لمنع"), from cue words in the
    clause before the trigger or right after it. Participants are gazetteer ids when known
    (a bare "كيم" is the Kim the article named in full before it), else the normalised name;
    media and the sources of a report are left out; ``persons`` are those that are people.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterable, Sequence

from marsad.ingest.dates import month_table, weekday_table
from marsad.text.normalize import norm, normalize

__all__ = ["DateMention", "Event", "find_dates", "extract_events", "event_kinds", "kind_label"]

Day = dt.date
ONE = dt.timedelta(days=1)
_HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: half-open span of the text, and the inclusive range of days it names.

    ``granularity``: day | days | week | month | month_part | season | season_part | year |
    year_part | years | approx. ``how``: absolute (the text says it all), relative (resolved
    against publication), anaphoric (against an earlier date of the text) or unresolved
    (relative with no publication date: ``date_min``/``date_max`` are ``None``). ``value``
    is a TIMEX3-like value: ``2025-03-21``, ``2025-W12``, ``2024-06``, ``2024-SU``,
    ``2025-02/late``, an interval ``2025-01-01/2025-03-21``, or symbolic when unresolved
    (``XXXX-06``, ``XXXX-WXX-7``, ``-1W``, ``-3M~``).
    """

    start: int
    end: int
    text: str
    date_min: str | None
    date_max: str | None
    granularity: str
    how: str
    value: str

    @property
    def resolved(self) -> bool:
        return self.date_min is not None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Event:
    """An event reported by one article: the trigger span, its kind, date, participants, place.

    ``date`` is the date expression the event was dated by (``None`` when none was);
    ``date_min``/``date_max`` the range the event is placed in, and ``date_source`` how it was
    chosen: ``text`` (a date in the sentence), ``coref`` (the date of the same event earlier in
    the article), ``report`` (bounded by the date the sentence's report was made),
    ``publication`` (no date: the week up to publication) or ``none`` (nothing to go on).
    """

    article_id: str | None
    start: int
    end: int
    text: str
    kind: str
    sentence_start: int
    sentence_end: int
    date: DateMention | None
    date_min: str | None
    date_max: str | None
    date_source: str
    participants: tuple[str, ...]    # gazetteer ids, else normalised names
    place: str | None
    status: str                      # reported | planned | possible | negated
    granularity: str | None = None
    persons: tuple[str, ...] = ()    # the participants that are persons

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["participants"] = list(self.participants)
        d["persons"] = list(self.persons)
        return d


# ---------------------------------------------------------------- lexicon

@dataclass(frozen=True, slots=True)
class _Kind:
    name: str
    label: str
    triggers: dict[tuple[str, ...], str]      # normalised word sequence -> surface
    requires: frozenset[str]
    requires_for: dict[str, frozenset[str]]
    not_after: frozenset[str]
    absorbs: frozenset[str]
    window: int


@dataclass(frozen=True, slots=True)
class _Lex:
    dates: dict[str, Any]
    kinds: tuple[_Kind, ...]
    first_words: dict[str, tuple[tuple[_Kind, tuple[str, ...]], ...]]
    planned_before: frozenset[str]
    planned_after: frozenset[str]
    possible_before: frozenset[str]
    negated_before: frozenset[str]
    status_window: int


def _alt(words: Iterable[str]) -> str:
    """Regex alternation of normalised words, longest first (spaces match any whitespace)."""
    ws = sorted({norm(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws) + ")"


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    raw = json.loads(resources.files("marsad.lexicon.ar").joinpath("events.json").read_text("utf-8"))
    kinds = []
    first: dict[str, list[tuple[_Kind, tuple[str, ...]]]] = {}
    for name, d in raw["events"].items():
        k = _Kind(
            name=name, label=d["label"],
            triggers={tuple(norm(t).split()): t for t in d["triggers"]},
            requires=frozenset(norm(w) for w in d.get("requires", ())),
            requires_for={norm(w): frozenset(norm(x) for x in v) for w, v in d.get("requires_for", {}).items()},
            not_after=frozenset(norm(w) for w in d.get("not_after", ())),
            absorbs=frozenset(d.get("absorbs", ())),
            window=int(d.get("window", 6)),
        )
        kinds.append(k)
        for seq in k.triggers:
            first.setdefault(seq[0], []).append((k, seq))
    st = raw["status"]
    nset = lambda xs: frozenset(norm(x) for x in xs)  # noqa: E731
    return _Lex(raw["dates"], tuple(kinds),
                {w: tuple(sorted(v, key=lambda kv: -len(kv[1]))) for w, v in first.items()},
                nset(st["planned_before"]), nset(st["planned_after"]), nset(st["possible_before"]),
                nset(st["negated_before"]), int(st["window"]))


def event_kinds() -> tuple[str, ...]:
    return tuple(k.name for k in _lex().kinds)


def kind_label(kind: str) -> str:
    """Arabic label of an event kind ("visit" -> "زيارة")."""
    for k in _lex().kinds:
        if k.name == kind:
            return k.label
    return kind


# ---------------------------------------------------------------- calendar helpers

def _month_end(y: int, m: int) -> Day:
    return Day(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: Day, n: int) -> Day:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return Day(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _part_of_month(y: int, m: int, part: str) -> tuple[Day, Day]:
    if part == "early":
        return Day(y, m, 1), Day(y, m, 10)
    if part == "mid":
        return Day(y, m, 11), Day(y, m, 20)
    return Day(y, m, 21), _month_end(y, m)


def _part_of_year(y: int, part: str) -> tuple[Day, Day]:
    m0 = {"early": 1, "mid": 5, "late": 9}[part]
    return Day(y, m0, 1), _month_end(y, m0 + 3)


def _season(y: int, season: str, part: str | None = None) -> tuple[Day, Day]:
    """Season named by the year of its first month (winter 2024 = Dec 2024 - Feb 2025)."""
    m0 = _lex().dates["season_months"][season]
    start = Day(y, m0, 1)
    if part:
        start = _add_months(start, {"early": 0, "mid": 1, "late": 2}[part])
        return start, _add_months(start, 1) - ONE
    return start, _add_months(start, 3) - ONE


def _weeks(pub: Day, k: int, part: str | None = None) -> tuple[Day, Day]:
    """Week ``k`` relative to publication's (0 this, -1 last), union of Sat/Sun/Mon-start
    weeks; ``part`` early/mid/late keeps days 1-3, 3-5 or 5-7 of each."""
    starts = [pub - dt.timedelta(days=(pub.weekday() - s) % 7) for s in (0, 6, 5)]
    first, last = {None: (0, 6), "early": (0, 2), "mid": (2, 4), "late": (4, 6)}[part]
    return (min(starts) + dt.timedelta(days=first, weeks=k), max(starts) + dt.timedelta(days=last, weeks=k))


# ---------------------------------------------------------------- date rules

_R = tuple  # (granularity, lo: Day | None, hi: Day | None, value, how)


def _num(s: str | None) -> int | None:
    if not s:
        return None
    if s.isdigit():
        return int(s)
    return _numbers().get(s)


@lru_cache(maxsize=1)
def _numbers() -> dict[str, int]:
    return {norm(k): v for k, v in _lex().dates["numbers"].items()}


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, Any]]:
    d = _lex().dates
    n = lambda xs: {norm(x) for x in xs}  # noqa: E731
    mod = {w: "past" for w in n(d["past"])} | {w: "current" for w in n(d["current"])} | {w: "next" for w in n(d["next"])}
    return {
        "mod": mod,
        "parts": {norm(k): v for k, v in d["parts"].items()},
        "periods": {norm(k): v for k, v in d["periods"].items()},
        "seasons": {norm(k): v for k, v in d["seasons"].items()} | {norm(k)[2:]: v for k, v in d["seasons"].items()},
        "units": {norm(k): tuple(v) for k, v in d["units"].items()},
        "day_words": {norm(k): v for k, v in d["day_words"].items()},
        "recent": {norm(k): v for k, v in d["recent"].items()},
        "anaphoric": {norm(k): v for k, v in d["anaphoric"].items()},
        "future": n(d["future_cues"]),
        "next_adj": n(d["next_adj"]),
        "ordinal_days": {norm(k): v for k, v in d["ordinal_days"].items()},
    }


def _unit_key(u: str) -> tuple[str, int | None]:
    t = _tables()["units"]
    if u in t:
        return t[u][0], t[u][1]
    if u.endswith("ا") and u[:-1] in t:          # accusative: "شهرا", "يوما", "عاما"
        return t[u[:-1]][0], None
    return t[u][0], t[u][1]


def _yearref(m: re.Match, pub: Day | None) -> tuple[int | None, bool]:
    """Year given by a "من العام الماضي" / "هذا العام" tail: (year, present)."""
    if not m.groupdict().get("yr"):
        return None, False
    if pub is None:
        return None, True
    mod = _tables()["mod"].get(m["yrmod"] or "", "current")
    return pub.year + {"past": -1, "current": 0, "next": 1}[mod], True


def _day_of(m: re.Match) -> int:
    if m["day"]:
        return int(m["day"])
    return _tables()["ordinal_days"][re.sub(r"\s+", " ", m["oday"])]


def _h_full(m: re.Match, pub: Day | None) -> _R | None:
    y, mo, d = int(m["year"]), month_table()[m["month"]], _day_of(m)
    try:
        day = Day(y, mo, d)
    except ValueError:
        return None
    return "day", day, day, day.isoformat(), "absolute"


def _h_numeric(m: re.Match, pub: Day | None) -> _R | None:
    if m["y1"]:
        y, mo, d = int(m["y1"]), int(m["m1"]), int(m["d1"])
    else:
        y, mo, d = int(m["y2"]), int(m["m2"]), int(m["d2"])
    try:
        day = Day(y, mo, d)
    except ValueError:
        return None
    return "day", day, day, day.isoformat(), "absolute"


def _h_day_month(m: re.Match, pub: Day | None) -> _R | None:
    mo, d = month_table()[m["month"]], _day_of(m)
    if not 1 <= d <= 31:
        return None
    y, _ = _yearref(m, pub)
    if pub is None:
        return "day", None, None, f"XXXX-{mo:02d}-{d:02d}", "unresolved"
    if y is None:
        y = pub.year
        try:
            if Day(y, mo, d) > pub + dt.timedelta(days=31):
                y -= 1
        except ValueError:
            pass
    try:
        day = Day(y, mo, d)
    except ValueError:
        return None
    return "day", day, day, day.isoformat(), "relative"


def _month_year_for(mo: int, pub: Day, mod: str | None) -> int:
    if mod == "past":
        return pub.year if mo < pub.month else pub.year - 1
    if mod == "next":
        return pub.year if mo > pub.month else pub.year + 1
    return pub.year if mo <= pub.month else pub.year - 1


def _h_month(m: re.Match, pub: Day | None) -> _R | None:
    """Month alone, with a part ("أواخر فبراير") and/or a year ("يونيو 2024")."""
    mo = month_table()[m["month"]]
    part = _tables()["parts"].get(m["part"]) if m.groupdict().get("part") else None
    mod = _tables()["mod"].get(m["mod"]) if m.groupdict().get("mod") else None
    if m.groupdict().get("year"):
        y, how = int(m["year"]), "absolute"
    else:
        if not (part or mod or m.groupdict().get("cue") or m.groupdict().get("x") or m.groupdict().get("shahr")
                or m.groupdict().get("month2") or m.groupdict().get("yr")):
            return None
        if m["month"].isascii() and not part:
            return None                       # "May", "Mar": too ambiguous without a year
        y, _ = _yearref(m, pub)
        how = "relative"
        if pub is None:
            value = f"XXXX-{mo:02d}" + (f"/{part}" if part else "") + (f"-{mod}" if mod else "")
            return ("month_part" if part else "month"), None, None, value, "unresolved"
        if y is None:
            y = _month_year_for(mo, pub, mod)
    if part:
        lo, hi = _part_of_month(y, mo, part)
        return "month_part", lo, hi, f"{y}-{mo:02d}/{part}", how
    return "month", Day(y, mo, 1), _month_end(y, mo), f"{y}-{mo:02d}", how


def _h_weekday(m: re.Match, pub: Day | None) -> _R | None:
    wd = weekday_table()[m["wd"]]
    mod = _tables()["mod"].get(m["mod"]) if m["mod"] else None
    if m["wd"] == "الاثنين" and not (m["yawm"] or m["dp"] or m["lead"] or mod):
        before = m.string[max(0, m.start() - 12):m.start()].split()
        if before and before[-1] in ("بين", "كلا", "هذين", "ان", "الطرفين", "من"):
            return None                       # "كلا الاثنين": both, not Monday
    if pub is None:
        return "day", None, None, f"XXXX-WXX-{wd + 1}" + ({"past": "-past", "next": "-next"}.get(mod or "", "")), "unresolved"
    if mod == "next" or (mod is None and _future_before(m.string, m.start())):
        ahead = (wd - pub.weekday()) % 7
        if mod == "next" and ahead == 0:
            ahead = 7
        day = pub + dt.timedelta(days=ahead)
    else:
        back = (pub.weekday() - wd) % 7
        if mod == "past" and back == 0:
            back = 7
        day = pub - dt.timedelta(days=back)
    if m["dp"] in ("ليله", "ليل"):       # "ليلة الاثنين": Sunday night by tradition, Monday night for some
        return "days", day - ONE, day, f"{(day - ONE).isoformat()}/{day.isoformat()}", "relative"
    return "day", day, day, day.isoformat(), "relative"


_FUTURE_VERB = re.compile(r"^(?:[وف]?)س[يتن]\w{2,}$")


def _future_before(text: str, pos: int, words: int = 12) -> bool:
    """A future verb ("سيلتقي", "ستعقد") or cue ("من المقرر") in the clause before ``pos``."""
    head = re.split(r"[,.;:!?\n]", text[max(0, pos - 120):pos])[-1]
    before = re.findall(r"\w+", head)[-words:]
    fut = _tables()["future"]
    return any(_is_future_verb(w) or w in fut for w in before)


_NOT_FUTURE = ("سيا", "سيط", "سير", "سيد", "سين", "ستا", "ستر", "سته", "ستي", "سنو", "سنه", "سني")


def _is_future_verb(word: str) -> bool:
    """"سيلتقي", "وستعقد": the future prefix on an imperfect verb (not "سيارة", "سنوات", "سيرجي")."""
    w = word[1:] if word[:1] in "وف" and len(word) > 5 else word
    return len(w) >= 5 and bool(_FUTURE_VERB.match(w)) and not w.startswith(_NOT_FUTURE)


def _h_dayword(m: re.Match, pub: Day | None) -> _R | None:
    delta = _tables()["day_words"][re.sub(r"\s+", " ", m["dw"])]
    if pub is None:
        return "day", None, None, f"{delta:+d}D" if delta else "PRESENT_REF", "unresolved"
    day = pub + dt.timedelta(days=delta)
    return "day", day, day, day.isoformat(), "relative"


def _h_period(m: re.Match, pub: Day | None) -> _R | None:
    """"الأسبوع الماضي", "هذا الشهر", "العام المقبل", "أواخر العام الماضي"."""
    per = _tables()["periods"][m["per"]]
    mod = _tables()["mod"].get(m["mod"] or "", "current") if m["mod"] else ("current" if (m["this"] or m["part"]) else None)
    if mod is None:
        return None
    part = _tables()["parts"].get(m["part"]) if m["part"] else None
    k = {"past": -1, "current": 0, "next": 1}[mod]
    if pub is None:
        gran = f"{per}_part" if part and per != "week" else per
        return gran, None, None, f"{k:+d}{per[0].upper()}" + (f"/{part}" if part else ""), "unresolved"
    if per == "week":
        lo, hi = _weeks(pub, k, part)
        iso = (pub + dt.timedelta(weeks=k)).isocalendar()
        return "week", lo, hi, f"{iso[0]}-W{iso[1]:02d}" + (f"/{part}" if part else ""), "relative"
    if per == "month":
        first = _add_months(pub.replace(day=1), k)
        if part:
            lo, hi = _part_of_month(first.year, first.month, part)
            return "month_part", lo, hi, f"{first.year}-{first.month:02d}/{part}", "relative"
        return "month", first, _month_end(first.year, first.month), f"{first.year}-{first.month:02d}", "relative"
    y = pub.year + k
    if part:
        lo, hi = _part_of_year(y, part)
        return "year_part", lo, hi, f"{y}/{part}", "relative"
    return "year", Day(y, 1, 1), Day(y, 12, 31), str(y), "relative"


def _h_season(m: re.Match, pub: Day | None) -> _R | None:
    season = _tables()["seasons"][m["season"]]
    if not m["season"].startswith("ال") and not (m["year"] or m["yr"]):
        return None                           # "صيف 2024", "صيف العام الماضي"; bare "ربيع" is a name
    if not (m["lead"] or m["mod"] or m["this"] or m["part"] or m["year"] or m["yr"]):
        return None                           # "الصيف" as a subject is no date
    code = _lex().dates["season_codes"][season]
    part = _tables()["parts"].get(m["part"]) if m["part"] else None
    gran = "season_part" if part else "season"
    suffix = f"/{part}" if part else ""
    if m["year"]:
        y = int(m["year"])
        lo, hi = _season(y, season, part)
        return gran, lo, hi, f"{y}-{code}{suffix}", "absolute"
    mod = _tables()["mod"].get(m["mod"]) if m["mod"] else ("current" if m["this"] else None)
    if m["yr"]:
        if pub is None:
            return gran, None, None, f"XXXX-{code}{suffix}", "unresolved"
        y, _ = _yearref(m, pub)
        lo, hi = _season(y, season, part)
        return gran, lo, hi, f"{y}-{code}{suffix}", "relative"
    if pub is None:
        return gran, None, None, f"XXXX-{code}{suffix}" + (f"-{mod}" if mod else ""), "unresolved"
    insts = [(y, *_season(y, season)) for y in range(pub.year - 2, pub.year + 2)]
    if mod == "past":
        y = max(y for y, lo, hi in insts if hi < pub)
    elif mod == "next":
        y = min(y for y, lo, hi in insts if lo > pub)
    elif mod == "current":
        cur = [y for y, lo, hi in insts if lo <= pub <= hi]
        y = cur[0] if cur else pub.year
    else:
        y = max(y for y, lo, hi in insts if lo <= pub)
    lo, hi = _season(y, season, part)
    return gran, lo, hi, f"{y}-{code}{suffix}", "relative"


def _h_year(m: re.Match, pub: Day | None) -> _R | None:
    y = int(m["year"])
    if not 1900 <= y <= 2100:
        return None
    part = _tables()["parts"].get(m["part"]) if m["part"] else None
    if not (m["yw"] or part):
        # "في 2023" alone: only when nothing counted follows ("في 2000 جندي" is a number)
        if not m["lead"] or not re.match(r"\s*(?:[,.;:)\-]|$|و\s|\s*م(?!\w))", m.string[m.end():m.end() + 3]):
            return None
    if part:
        lo, hi = _part_of_year(y, part)
        return "year_part", lo, hi, f"{y}/{part}", "absolute"
    return "year", Day(y, 1, 1), Day(y, 12, 31), str(y), "absolute"


def _h_year_range(m: re.Match, pub: Day | None) -> _R | None:
    y1, s2 = int(m["y1"]), m["y2"]
    y2 = int(s2) if len(s2) == 4 else (y1 // 100) * 100 + int(s2)
    if not (1900 <= y1 < y2 <= 2100 and y2 - y1 <= 30):
        return None
    return "years", Day(y1, 1, 1), Day(y2, 12, 31), f"{y1}/{y2}", "absolute"


def _h_ago(m: re.Match, pub: Day | None) -> _R | None:
    unit, count = _unit_key(m["unit"])
    n = _num(m["n"]) if m["n"] else None
    vague = bool(m["vague"]) or (n is None and count is None)
    if not vague:
        n = n or count or 1
        if n > 100:
            return None
    if pub is None:
        gran = "day" if unit == "day" and not vague else "approx"
        return gran, None, None, (f"-{unit[0].upper()}~" if vague else f"-{n}{unit[0].upper()}~"), "unresolved"
    if vague:
        near, far = _lex().dates["vague_ago"][unit]
        lo, hi = pub - dt.timedelta(days=far), pub - dt.timedelta(days=near)
    elif unit == "hour":
        lo, hi = pub - ONE, pub
    elif unit == "day":
        lo = hi = pub - dt.timedelta(days=n)
        return "day", lo, hi, lo.isoformat(), "relative"
    elif unit == "week":
        c = pub - dt.timedelta(weeks=n)
        lo, hi = c - dt.timedelta(days=3), c + dt.timedelta(days=3)
    elif unit == "month":
        c = _add_months(pub, -n)
        lo, hi = c - dt.timedelta(days=15), min(pub, c + dt.timedelta(days=15))
    else:
        c = Day(pub.year - n, pub.month, min(pub.day, 28))
        lo, hi = c - dt.timedelta(days=182), min(pub, c + dt.timedelta(days=182))
    return "approx", lo, hi, f"{lo.isoformat()}/{hi.isoformat()}", "relative"


def _h_last_n(m: re.Match, pub: Day | None) -> _R | None:
    """"خلال الأيام الأخيرة", "الأشهر الثلاثة الماضية", "الـ 24 ساعة الماضية": up to publication;
    "في الأيام المقبلة": from the day after."""
    u = m["u1"] or m["u2"] or m["u3"]
    unit, count = _unit_key(u)
    n = _num(m["n1"] or m["n2"] or m["n3"])
    adj = re.sub(r"\s+", " ", m["adj"])
    if m["u3"] and count == 1 and n is None and adj not in ("الاخير", "الاخيره"):
        return None                          # "السنة الماضية" is the previous year (period rule)
    if n is None:
        n = count
    ahead = adj in _tables()["next_adj"]
    if pub is None:
        return "days", None, None, (f"REF/+{n or ''}{unit[0].upper()}" if ahead else f"-{n or ''}{unit[0].upper()}/REF"), "unresolved"
    if n is None:
        days = _lex().dates["last_n_default"][unit]
    else:
        days = {"hour": max(1, -(-n // 24)), "day": n, "week": 7 * n, "month": 0, "year": 0}[unit]
    sign = 1 if ahead else -1
    far = pub + sign * dt.timedelta(days=days)
    if unit in ("month", "year") and n is not None:
        far = _add_months(pub, sign * n * (12 if unit == "year" else 1))
    lo, hi = (pub + ONE, far) if ahead else (far, pub)
    return "days", lo, hi, f"{lo.isoformat()}/{hi.isoformat()}", "relative"


def _h_recent(m: re.Match, pub: Day | None) -> _R | None:
    days = _tables()["recent"][re.sub(r"\s+", " ", m["rec"])]
    if pub is None:
        return "approx", None, None, f"-{days}D/REF", "unresolved"
    lo = pub - dt.timedelta(days=days)
    return "approx", lo, pub, f"{lo.isoformat()}/{pub.isoformat()}", "relative"


def _h_anaphoric(m: re.Match, pub: Day | None) -> _R | None:
    return "day", None, None, "ANAPHORIC", "anaphoric"   # resolved in find_dates


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, re.Pattern, Callable[[re.Match, Day | None], _R | None]], ...]:
    d = _lex().dates
    t = _tables()
    months = _alt(month_table())
    month_x = rf"(?P<month>{months})(?:\s*[/(]\s*(?P<month2>{months})(?:\s*\))?)?"
    wd = _alt(weekday_table())
    past, cur, nxt = _alt(d["past"]), _alt(d["current"]), _alt(d["next"])
    mods = _alt(d["past"] + d["current"] + d["next"])
    this = _alt(d["this"])
    parts = _alt(d["parts"])
    year_w = _alt(d["year_words"])
    lead = r"(?P<lead>(?:[وف]?(?:في|خلال|منذ|حتى|طوال|بحلول))\s+)?"
    yr = rf"(?:\s+(?P<yr>(?:من\s+)?(?:{this}\s+(?:العام|السنه)|(?:العام|السنه)\s+(?P<yrmod>{mods}))))?"
    day = rf"(?:(?P<day>[0-3]?\d)(?!\d)\s*(?:من\s+)?|(?P<oday>{_alt(d['ordinal_days'])})\s+من\s+)"
    year = r"(?P<year>(?:19|20)\d\d)(?!\d)"
    era = r"(?:\s*م(?!\w))?"
    b, e = r"(?<!\w)", r"(?!\w)"
    units = _alt(list(d["units"]) + [u + "ا" for u, (_, c) in d["units"].items() if c == 1 and not u.endswith("ة")])
    nums = _alt(d["numbers"])
    vague = _alt(d["vague_numbers"])
    recent_adj = _alt(d["recent_adj"] + d["next_adj"])
    last_lead = _alt(d["last_n_lead"])
    cue_in, cue_out = _alt(d["month_cues"]["in_span"]), _alt(d["month_cues"]["before"])
    day_parts = _alt(d["day_parts"])
    numeric = (r"(?<![\d/.-])(?:(?P<y1>(?:19|20)\d\d)[/.-](?P<m1>[01]?\d)[/.-](?P<d1>[0-3]?\d)"
               r"|(?P<d2>[0-3]?\d)[/.-](?P<m2>[01]?\d)[/.-](?P<y2>(?:19|20)\d\d))(?![\d/])")
    day_of_week = rf"(?:يوم\s+)?(?:{wd}\s*,?\s*)?"
    season = rf"(?P<season>{_alt(list(t['seasons']))}){e}(?!\s+العربي)"
    ago_stop = rf"(?!\s*(?:\d|{wd}{e}|من\s|على\s|ال))"     # "قبل يوم الجمعة", "منذ عام 2022", "قبل أسبوعين من"
    last_unit = (rf"(?:ال\s*(?P<n1>\d+)\s+(?P<u1>{units})|(?P<n2>\d+)\s+(?P<u2>{units})"
                 rf"|ال(?P<u3>{units})(?:\s+ال(?P<n3>{nums}))?)")
    rules = [
        ("full", rf"{b}{lead}{day_of_week}{day}(?:شهر\s+)?{month_x}\s*,?\s*(?:{year_w}\s+)?{year}{era}", _h_full),
        ("numeric", numeric, _h_numeric),
        ("month_year", rf"{b}{lead}(?:(?P<part>{parts})\s+)?(?:(?P<shahr>شهر)\s+)?{month_x}\s*,?\s*(?:من\s+)?"
                       rf"(?:{year_w}\s+)?{year}{era}", _h_month),
        ("day_month", rf"{b}{lead}{day_of_week}{day}(?:شهر\s+)?{month_x}{e}{yr}", _h_day_month),
        ("part_month", rf"{b}{lead}(?P<part>{parts})\s+(?:(?P<shahr>شهر)\s+)?{month_x}{e}(?:\s+(?P<mod>{mods}){e})?{yr}", _h_month),
        ("month", rf"{b}(?:(?P<cue>{cue_in}\s+)|(?P<x>{cue_out}\s+))?(?:(?P<shahr>شهر)\s+)?{month_x}{e}"
                  rf"(?:\s+(?P<mod>{mods}){e})?{yr}", _h_month),
        ("anaphoric", rf"{b}(?:في\s+)?(?P<ana>{_alt(d['anaphoric'])}){e}", _h_anaphoric),
        ("weekday", rf"{b}{lead}(?:(?P<dp>{day_parts})\s+)?(?P<yawm>يوم\s+)?(?P<wd>{wd}){e}(?:\s+(?P<mod>{past}|{nxt}){e})?",
         _h_weekday),
        ("dayword", rf"{b}{lead}(?:{day_parts}\s+)?(?:يوم\s+)?(?P<dw>{_alt(d['day_words'])}){e}"
                    rf"(?!\s+{_alt(d['not_today'])}{e})(?:\s+{wd}{e})?", _h_dayword),
        ("recent", rf"{b}(?P<rec>{_alt(d['recent'])}){e}", _h_recent),
        ("season", rf"{b}{lead}(?:(?P<part>{parts})\s+)?(?:فصل\s+)?(?:(?P<this>{this})\s+)?{season}"
                   rf"(?:\s*,?\s*(?:{year_w}\s+)?{year}|\s+(?P<mod>{mods}){e})?{yr}", _h_season),
        ("period", rf"{b}{lead}(?:(?P<part>{parts})\s+)?(?:(?P<this>{this})\s+)?(?P<per>{_alt(d['periods'])}){e}"
                   rf"(?:\s+(?P<mod>{past}|{cur}|{nxt}){e})?", _h_period),
        ("year_range", r"(?<![\d/.-])(?P<y1>(?:19|20)\d\d)\s*[-–]\s*(?P<y2>\d\d(?:\d\d)?)(?![\d/.-])", _h_year_range),
        ("year", rf"{b}{lead}(?:(?P<part>{parts})\s+)?(?:(?P<yw>{year_w})\s+)?{year}{era}", _h_year),
        ("ago", rf"{b}(?:[وف]?(?:قبل|منذ))\s+(?:(?P<vague>{vague})\s+|(?P<n>\d+|{nums})\s+)?(?P<unit>{units}){e}{ago_stop}",
         _h_ago),
        ("last_n", rf"{b}(?:{last_lead}\s+)?{last_unit}{e}\s+(?P<adj>{recent_adj}){e}", _h_last_n),
    ]
    return tuple((name, re.compile(rx), h) for name, rx, h in rules)


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """Date expressions of ``text``, resolved against ``published`` (ISO date or ``None``).

    Example:
        >>> [(d.text, d.date_min, d.date_max) for d in find_dates("التقيا يوم الأحد في جنيف", "2025-03-19")]
        [('يوم الأحد', '2025-03-16', '2025-03-16')]
        >>> find_dates("في أواخر فبراير", "2025-03-21")[0].date_max
        '2025-02-28'
        >>> d = find_dates("الأسبوع الماضي", None)[0]
        >>> (d.date_min, d.how, d.value)
        (None, 'unresolved', '-1W')
    """
    pub = _pub_day(published)
    n = normalize(text)
    cands: list[tuple[int, int, int, _R]] = []
    for prio, (name, rx, handler) in enumerate(_rules()):
        for m in rx.finditer(n.text):
            r = handler(m, pub)
            if r is None:
                continue
            s = m.end("x") if m.groupdict().get("x") else m.start()
            cands.append((s, m.end(), prio, r))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int, _R]] = []
    for s, e, _, r in cands:
        if all(e <= ts or s >= te for ts, te, _ in taken):
            taken.append((s, e, r))
    taken.sort(key=lambda c: c[0])
    out: list[DateMention] = []
    for s, e, (gran, lo, hi, value, how) in taken:
        if how == "anaphoric":
            lo, hi, value, how = _anaphoric(n.text[s:e], out, text, n.span_to_src(s, e)[0])
        os_, oe = n.span_to_src(s, e)
        while oe < len(text) and text[oe] in _HARAKAT + "\u0640":   # the original's final diacritics
            oe += 1
        out.append(DateMention(os_, oe, text[os_:oe], lo and lo.isoformat(), hi and hi.isoformat(), gran, how, value))
    return out


def _anaphoric(expr: str, before: Sequence[DateMention], text: str, pos: int) -> tuple[Day | None, Day | None, str, str]:
    table = _tables()["anaphoric"]
    key = re.sub(r"^في\s+", "", re.sub(r"\s+", " ", expr))
    delta = table.get(key, 0)
    for d in reversed(before):
        if d.granularity == "day" and d.date_min and pos - d.end < 500:
            day = Day.fromisoformat(d.date_min) + dt.timedelta(days=delta)
            return day, day, day.isoformat(), "anaphoric"
    return None, None, f"REF{delta:+d}D", "unresolved"


def _pub_day(published: str | None) -> Day | None:
    if not published:
        return None
    try:
        return Day.fromisoformat(published[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------- events

_SPEECH = frozenset(norm(w) for w in (
    "قال قالت قالوا ذكر ذكرت أعلن أعلنت أكد أكدت أفاد أفادت نقلت نقل وفقا وفقًا حسب بحسب كتبت كتب "
    "أوضح أوضحت صرح صرحت أشار أشارت أضاف أضافت تقول يقول أبلغ أبلغت أخبر أخبرت نسبت عن لدى").split())
_THAT = frozenset(norm(w) for w in "أن إن أنه إنه أنها إنها أنهم إنهم بأن بأنه بأنها".split())
_CLAUSE_PUNCT = frozenset(",;:.!?()\"«»-–—،؛؟")
# kinds that report one occasion together: a visit and the meeting held during it; an accord and
# its ceasefire; an attack, the rockets it fired and the dead it left
GROUPS = {"meeting": "encounter", "visit": "encounter", "talks": "encounter",
          "agreement": "accord", "ceasefire": "accord",
          "attack": "violence", "launch": "violence", "casualty_report": "violence"}
_DEFAULT_DAYS = 7
_GRAN_RANK = {"day": 0, "days": 1, "week": 1, "approx": 2, "month_part": 2, "month": 3, "season_part": 3,
              "season": 4, "year_part": 4, "year": 5, "years": 6}
_PRONOUN_END = re.compile(r"(?:ه|ها|هم|هما)$")


def _group(kind: str) -> str:
    return GROUPS.get(kind, kind)


@dataclass(frozen=True, slots=True)
class _Trig:
    i: int            # first token index
    j: int            # one past the last token
    kind: _Kind
    form: str
    status: str
    definite: bool    # "الزيارة", "زيارته": refers to an event named before
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _M:
    start: int
    end: int
    surface: str
    type: str
    key: str


class _Doc:
    """One article's tokens (with their look-up forms), dates and entity mentions."""

    def __init__(self, text: str, dates: Sequence[DateMention]):
        from marsad.text.tokens import tokenize
        self.text = text
        self.toks = tokenize(text)
        self.starts = [t.start for t in self.toks]
        self._forms: dict[int, tuple[str, ...]] = {}
        self.mentions = _mentions(text, self.toks, dates)
        self.per_tokens = {k for m in self.mentions if m.type == "PER" for k in self.token_range(m.start, m.end)}

    def token_range(self, start: int, end: int) -> range:
        from bisect import bisect_left, bisect_right
        return range(bisect_right(self.starts, start) - 1, bisect_left(self.starts, end))

    def forms(self, k: int) -> tuple[str, ...]:
        f = self._forms.get(k)
        if f is None:
            t = self.toks[k]
            f = self._forms[k] = _forms(t) if t.kind == "word" else (t.norm,)
        return f

    def window(self, lo: int, hi: int) -> set[str]:
        out: set[str] = set()
        for k in range(max(lo, 0), min(hi, len(self.toks))):
            out.update(self.forms(k))
        return out


def _forms(tok) -> tuple[str, ...]:
    return _word_forms(tok.text)


@lru_cache(maxsize=1 << 16)
def _word_forms(word: str) -> tuple[str, ...]:
    """Look-up forms of a word: the clitic-stripped forms of :mod:`marsad.text.tokens`, then
    without the accusative alef ("اتفاقًا"), a pronoun suffix ("زيارته" -> "زياره",
    "لقاؤهما" -> "لقاء"; a final ``ه`` only when it is one, never a ``ة``: "دفعة" is not
    "دفع") or the future prefix ("سيزور" -> "يزور")."""
    from marsad.text.tokens import word_forms
    base = word_forms(word)
    out = list(base)
    ends_ha = word.rstrip(_HARAKAT).endswith("ه")
    for f in base:
        if f.endswith("ا") and len(f) >= 4:
            out.append(f[:-1])
        for suf in ("هما", "هم", "ها", "ه"):
            if f.endswith(suf) and len(f) - len(suf) >= 3 and (suf != "ه" or ends_ha):
                r = f[: -len(suf)]
                out.append(r)
                if r.endswith("ت"):
                    out.append(r[:-1] + "ه")
                if r[-1] in "وي":
                    out.append(r[:-1] + "ء")
        if _is_future_verb(f):
            out.append(f[1:])
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=1 << 16)
def _clitic_forms(word: str) -> tuple[str, ...]:
    from marsad.text.tokens import word_forms
    return word_forms(word)


def _find_triggers(doc: _Doc, s0: int, s1: int, lex: _Lex) -> list[_Trig]:
    """Event triggers among the tokens ``[s0, s1)`` of one sentence, longest match first."""
    toks = doc.toks
    found: list[_Trig] = []
    i = s0
    while i < s1:
        t = toks[i]
        if t.kind != "word":
            i += 1
            continue
        hit = None
        for f in doc.forms(i):
            for kind, seq in lex.first_words.get(f, ()):
                j = i + 1
                for w in seq[1:]:
                    if j >= s1 or w not in doc.forms(j):
                        break
                    j += 1
                else:
                    if _kind_ok(doc, kind, f, i, j, s0, s1):
                        rank = (j - i, -lex.kinds.index(kind))
                        if hit is None or rank > hit[0]:
                            hit = (rank, j, kind, f)
        if hit is None:
            i += 1
            continue
        _, j, kind, f = hit
        bare = t.norm[len(t.prefix):]
        definite = ("ال" in t.prefix or t.prefix.endswith("لل") or f not in _clitic_forms(t.text)
                    or (bool(_PRONOUN_END.search(bare)) and t.text.rstrip(_HARAKAT)[-1:] == "ه"))
        found.append(_Trig(i, j, kind, f, _status(doc, i, j, s0, s1, f, lex), definite, t.start, toks[j - 1].end))
        i = j
    # a ceasefire absorbs the agreement/talks words around it ("اتفاق وقف إطلاق النار")
    return [tr for tr in found
            if not any(o is not tr and tr.kind.name in o.kind.absorbs and abs(o.i - tr.i) <= o.kind.window for o in found)]


def _kind_ok(doc: _Doc, kind: _Kind, form: str, i: int, j: int, s0: int, s1: int) -> bool:
    """The kind's context holds: no cancelling word before, a required word nearby."""
    if i > s0 and set(doc.forms(i - 1)) & kind.not_after:
        return False
    if form in kind.requires_for:
        need = kind.requires_for[form]
    elif kind.requires:
        need = kind.requires
    else:
        return True
    if not need:
        return True
    lo, hi = max(s0, i - kind.window), min(s1, j + kind.window)
    if "@per" in need and any(k in doc.per_tokens for k in range(lo, hi) if not i <= k < j):
        return True
    return bool((doc.window(lo, i) | doc.window(j, hi)) & need)


def _status(doc: _Doc, i: int, j: int, s0: int, s1: int, form: str, lex: _Lex) -> str:
    """reported | planned | possible | negated, from the future prefix and cue words."""
    t = doc.toks[i]
    bare = t.norm[len(t.prefix):] if t.prefix in ("و", "ف") else t.norm
    if _is_future_verb(bare) and bare[1:] == form:
        return "planned"
    after = [k for k in range(j, min(s1, j + 3)) if doc.toks[k].kind == "word"]
    if doc.window(j, min(s1, j + 2)) & lex.planned_after or any(_is_future_verb(doc.toks[k].norm) for k in after):
        return "planned"
    before: set[str] = set()
    k = i - 1
    while k >= s0 and i - k <= lex.status_window:
        tk = doc.toks[k]
        if tk.kind == "punct" and tk.norm in _CLAUSE_PUNCT:
            break
        before.update(doc.forms(k))
        if tk.kind == "word" and _is_future_verb(tk.norm):
            before.add("سوف")
        k -= 1
    if before & lex.negated_before:
        return "negated"
    if before & lex.possible_before:
        return "possible"
    if before & lex.planned_before:
        return "planned"
    return "reported"


@lru_cache(maxsize=1)
def _media_words() -> tuple[str, ...]:
    raw = json.loads(resources.files("marsad.lexicon.ar").joinpath("events.json").read_text("utf-8"))
    return tuple(norm(w) for w in raw["media_words"])


def _is_media(m: _M) -> bool:
    from marsad.extract.gazetteer import load_gazetteer
    if m.type != "ORG":
        return False
    e = load_gazetteer().get(m.key)
    names = norm(m.surface) + " " + (norm(e.en) + " " + norm(e.ar) if e else "")
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", names) for w in _media_words())


def _mentions(text: str, toks, dates: Sequence[DateMention]) -> list[_M]:
    """Entity mentions keyed by gazetteer id, else by normalised name.

    Beyond :func:`~marsad.extract.entities.find_mentions`: a bare "كيم" is the person the
    article named in full before it whose gazetteer entry lists "كيم" as an ambiguous short
    form; a name the entity rules ran on into a date or a word ("الجبهة الشرقية الأحد
    الماضي", "هانس بيرغمان بالاتفاق") is cut at the date, or keyed by the shorter name of the
    article it starts with; a lone family name is the full name given earlier; countries named
    only by a demonym ("مسؤول روسي") count as LOC mentions.
    """
    from bisect import bisect_left, bisect_right
    from marsad.extract.entities import find_mentions
    from marsad.extract.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    starts = [t.start for t in toks]
    raw: list[tuple[int, int, str, str, str | None]] = []
    for m in find_mentions(text, use_ner=False):
        if m.type not in ("PER", "ORG", "LOC"):
            continue
        s, e, surf = m.start, m.end, m.surface
        if m.entry_id is None:
            cut = min((d.start for d in dates if s < d.start < e), default=None)
            if m.type == "PER":       # "هانس بيرغمان بالاتفاق", "... سيزور العاصمة": a clitic or a verb ends the name
                for t in toks[bisect_left(starts, s):bisect_left(starts, e)]:
                    if t.kind == "word" and ((t.prefix and t.prefix != "ال") or _is_future_verb(t.norm)):
                        cut = t.start if cut is None else min(cut, t.start)
                        break
            if cut is not None:
                surf = text[s:cut].rstrip(" ،,")
                e = s + len(surf)
                if not surf:
                    continue
        raw.append((s, e, surf, m.type, m.entry_id))
    spans = [(s, e) for s, e, *_ in raw]
    coref: dict[str, list[tuple[int, str]]] = {}
    for s, _, _, typ, eid in raw:
        entry = gaz.get(eid) if typ == "PER" and eid else None
        for f in (entry.coref if entry else ()):
            coref.setdefault(norm(f), []).append((s, eid))
    if coref:
        covered = sorted(spans)
        for tok in toks:
            if tok.kind != "word" or not set(_clitic_forms(tok.text)) & coref.keys():
                continue
            k = bisect_right(covered, (tok.start, 1 << 60)) - 1
            if k >= 0 and covered[k][0] <= tok.start < covered[k][1]:
                continue
            for f in _clitic_forms(tok.text):
                if f in coref:
                    prior = [(s, eid) for s, eid in coref[f] if s < tok.start]
                    if prior:
                        raw.append((tok.start, tok.end, tok.text, "PER", max(prior)[1]))
                    break
    for g in gaz.find(text):
        if g.via == "demonym" and not any(s < g.end and g.start < e for s, e in spans):
            raw.append((g.start, g.end, g.text, "LOC", g.entry_id))
    names = {tuple(norm(surf).split()) for _, _, surf, typ, eid in raw if typ == "PER" and eid is None}
    full: dict[str, str] = {}
    out: list[_M] = []
    for s, e, surf, typ, eid in sorted(raw):
        key = eid
        if key is None:
            words = tuple(norm(surf).split())
            if typ == "PER":
                shorter = [n for n in names if 2 <= len(n) < len(words) and words[:len(n)] == n]
                if shorter:
                    words = min(shorter, key=len)
            key = " ".join(words)
            if typ == "PER" and len(words) == 1 and words[0] in full:
                key = full[words[0]]
            elif typ == "PER" and len(words) > 1:
                full[words[-1]] = key
        out.append(_M(s, e, surf, typ, key))
    return out


def _is_country(key: str) -> bool:
    from marsad.extract.gazetteer import load_gazetteer
    e = load_gazetteer().get(key)
    return bool(e and e.type == "LOC" and e.source == "cldr")


def extract_events(article, *, published: str | None = None) -> list[Event]:
    """Events reported in ``article`` (an :class:`~marsad.records.Article`), in text order.

    ``published`` overrides ``article.published`` (for articles whose date is known from
    elsewhere). In a sentence, several triggers of one kind are one event unless their
    status or date differ. Dates are attached as :func:`_usable_dates` says; undated events
    as :func:`_undated` says.
    """
    from bisect import bisect_left
    from dataclasses import replace
    from marsad.text.sentences import split_sentences

    text = article.text
    pub = published if published is not None else article.published
    pub_day = _pub_day(pub)
    lex = _lex()
    dates = find_dates(text, pub)
    doc = _Doc(text, dates)
    events: list[Event] = []
    forms: list[str] = []
    for sent in split_sentences(text):
        s0, s1 = bisect_left(doc.starts, sent.start), bisect_left(doc.starts, sent.end)
        sdates = [d for d in dates if sent.start <= d.start and d.end <= sent.end]
        smentions = [m for m in doc.mentions if sent.start <= m.start and m.end <= sent.end]
        trigs = _find_triggers(doc, s0, s1, lex)
        for tr, date, source in _one_per_event(doc, trigs, [_pick_date(doc, tr, trigs, sdates, sent.start) for tr in trigs]):
            a, b = tr.start, tr.end
            participants, place = _participants(doc, a, b, tr.kind.name, smentions)
            persons = tuple(dict.fromkeys(m.key for m in smentions if m.type == "PER" and m.key in participants))
            ev = Event(article.id, a, b, text[a:b], tr.kind.name, sent.start, sent.end, date, None, None,
                       "none", tuple(participants), place, tr.status, persons=persons)
            if date is not None and date.resolved:
                lo, hi, gran = date.date_min, date.date_max, date.granularity
                if source == "report":
                    lo, gran = (Day.fromisoformat(hi) - dt.timedelta(days=_DEFAULT_DAYS)).isoformat(), "days"
                ev = replace(ev, date_min=lo, date_max=hi, date_source=source, granularity=gran)
            elif date is not None:
                ev = replace(ev, date_source=source, granularity=date.granularity)   # no publication date
            if source != "text":
                ev = _undated(ev, tr.form, tr.definite, list(zip(events, forms)), pub_day)
            events.append(ev)
            forms.append(tr.form)
    return events


_CONNECTIVES = frozenset(norm(w) for w in "منذ بعد قبل حتى ومنذ وبعد وقبل".split())


def _owns(doc: _Doc, tr: _Trig, d: DateMention, trigs: Sequence[_Trig]) -> bool:
    """``d`` is nearer to ``tr`` than to any other trigger of the sentence."""
    return min(trigs, key=lambda o: (_score(doc, d, o.start, o.end), o.start)) is tr


def _one_per_event(doc: _Doc, trigs: Sequence[_Trig], dated: Sequence[tuple[DateMention | None, str]]):
    """The triggers of one sentence that are distinct events, with their dates.

    Triggers of one kind are one event ("قُتل ... وأصيب", "هجوم شنته", "حصيلة ضحايا") and the
    event takes the date any of them has, unless both are dated differently ("بالاتفاق ...
    اتفاق نيروبي الموقع في يوليو") and not coordinated ("مقتل ثلاثة أشخاص وإصابة تسعة": the
    first one's date), a temporal connective stands between them ("أول محادثات منذ انهيار
    مفاوضات عام 2023"), or one is an undated definite noun not right next to a dated one that
    owns its date (it names an earlier event; "الهجوم الذي شنته ... يوم الأحد" is one)."""
    kept: list[list] = []                       # [trigger, date, source]
    for tr, (date, source) in zip(trigs, dated):
        same = None
        for k in kept:
            o = k[0]
            if o.kind.name != tr.kind.name:
                continue
            if date is not None and k[1] is not None:
                if date.value == k[1].value or tr.i - o.j <= 3:     # "مقتل ثلاثة أشخاص وإصابة تسعة"
                    same = k
                    break
                continue
            if any(t.norm in _CONNECTIVES for t in doc.toks[o.j:tr.i]):
                continue
            far = abs(tr.i - o.i) > 2
            if far and ((date is None and tr.definite and k[1] is not None and _owns(doc, o, k[1], trigs))
                        or (k[1] is None and o.definite and date is not None and _owns(doc, tr, date, trigs))):
                continue
            same = k
            break
        if same is None:
            kept.append([tr, date, source])
        elif same[1] is None and date is not None:
            same[1], same[2] = date, source
    return [tuple(k) for k in kept]


def _undated(ev: Event, form: str, definite: bool, earlier: Sequence[tuple[Event, str]], pub: Day | None) -> Event:
    """Date an event its sentence does not date.

    A definite trigger ("خلال الزيارة", "زيارته", "الاجتماع") is the event named before it in
    the article: the nearest earlier reported event with the same trigger word, else of the
    same kind, else of the same group (visit/meeting/talks; agreement/ceasefire;
    attack/launch/casualties) with a participant in common when both have any. It takes that
    event's date, or lack of one. Otherwise the event is bounded by the date of its report
    when the sentence gives one, else placed in the week up to publication.
    """
    from dataclasses import replace
    if definite:
        def shares(o: Event) -> bool:
            return not ev.participants or not o.participants or bool(set(ev.participants) & set(o.participants))
        prior = [(o, f) for o, f in reversed(earlier) if o.status == "reported"]
        for test in (lambda o, f: f == form and o.kind == ev.kind, lambda o, f: o.kind == ev.kind,
                     lambda o, f: _group(o.kind) == _group(ev.kind) and shares(o)):
            hit = next((o for o, f in prior if test(o, f)), None)
            if hit is not None:
                return replace(ev, date=hit.date, date_min=hit.date_min, date_max=hit.date_max,
                               date_source="coref" if hit.date_source in ("text", "coref") else hit.date_source,
                               granularity=hit.granularity)
    if ev.date is not None or pub is None:   # bounded by the date of the report, or nothing to go on
        return ev
    return replace(ev, date_min=(pub - dt.timedelta(days=_DEFAULT_DAYS)).isoformat(), date_max=pub.isoformat(),
                   date_source="publication", granularity="days")


def _score(doc: _Doc, d: DateMention, a: int, b: int) -> float:
    """How far date ``d`` is from a trigger at ``[a, b)``: characters, plus 60 per clause
    break between, plus 30 per step of coarseness (at equal distance a day beats a year:
    "this year's sixth test, on the same day"); a date before the trigger counts half as far
    again plus 20 (Arabic puts the time after the verb: "نشر ... خلال الأيام الأخيرة")."""
    lo, hi = (d.end, a) if d.end <= a else (b, d.start)
    between = doc.text[lo:hi]
    dist = len(between) + 60 * sum(between.count(c) for c in ",،;؛") + 30 * _GRAN_RANK.get(d.granularity, 3)
    return dist * 1.5 + 20 if d.end <= a else dist


def _pick_date(doc: _Doc, tr: _Trig, trigs: Sequence[_Trig], sdates: Sequence[DateMention], s_start: int
               ) -> tuple[DateMention | None, str]:
    """The date of trigger ``tr`` among the sentence's dates: the nearest (:func:`_score`) of
    those it may use.

    A date belongs to the trigger nearest to it; another trigger may use it only as
    :func:`_shares_date` says ("رحب بالاتفاق، مذكرًا بأن اتفاق نيروبي الموقع في يوليو": July is
    Nairobi's, not the new agreement's). A
    date inside a "منذ ..." phrase dates that phrase ("منذ تنصيب ترامب في يناير"). A date
    followed by "أن/إن" before the trigger dates the report of the event ("قالت الوزارة يوم
    الأحد إن ..."): it is used, as ``report``, only when nothing else dates it.
    """
    from bisect import bisect_left
    text = doc.text
    a, b = tr.start, tr.end
    best: tuple[float, DateMention, str] | None = None
    for d in sdates:
        between = text[d.end:a] if d.end <= a else text[b:d.start]
        if d.start >= b and re.search(r"(?<!\w)منذ(?!\w)", between):
            continue
        if (d.start >= b and re.match(r"[وف]?منذ\s", d.text) and d.granularity != "approx"
                and len(re.findall(r"\w+", between)) > 2):
            continue                  # "تنهي نزاعا استمر منذ عام 2021": since when the other verb holds
        head = text[max(0, d.start - 40):d.start]
        since = list(re.finditer(r"(?<!\w)منذ\s+\S", head))
        if since and not re.search(r"[,،;؛.]", head[since[-1].start():]) and not (d.start - 40 + since[-1].start() < a < d.start):
            continue                  # "منذ الحرب الكورية 1950-53" dates the war
        owner = min(trigs, key=lambda o: (_score(doc, d, o.start, o.end), o.start))
        if owner is not tr and not _shares_date(doc, d, tr, owner, trigs, s_start):
            continue
        score = _score(doc, d, a, b)
        kind = "text"
        if d.end <= a:
            k = bisect_left(doc.starts, d.end)
            nxt = [t for t in doc.toks[k:k + 3] if t.kind == "word"][:2]
            if any(t.norm in _THAT for t in nxt):
                kind, score = "report", score + 10_000
        if best is None or score < best[0]:
            best = (score, d, kind)
    if best is None:
        return None, "none"
    return best[1], best[2]


_RELATIVE = frozenset(norm(w) for w in "الذي التي الذين اللذين اللتين اللواتي".split())
_FRAME = frozenset(norm(w) for w in "خلال وخلال أثناء وأثناء هامش".split())


def _shares_date(doc: _Doc, d: DateMention, tr: _Trig, owner: _Trig, trigs: Sequence[_Trig], s_start: int) -> bool:
    """May ``tr`` use date ``d``, which is nearer to the trigger ``owner``?

    * the date frames the sentence: the owner opens it after "خلال/أثناء" ("خلال زيارة بوتين
      ... في يونيو، تعهدت الدولتان ... كجزء من اتفاق");
    * the owner is embedded in ``tr``'s clause after it, with no clause break or temporal
      connective between ("معاهدة ... تم التوصل إليها في قمة العام الماضي"; not "ويأتي الهجوم
      بعد أن أرسل الجيش تعزيزات في أواخر مارس");
    * or the owner is another kind of the same group with nothing but its own kind between,
      and does not open a relative clause that ends before ``tr`` ("وصل ... أمس الأربعاء ...
      والتقى": the meeting shares the visit's day; "الذي زار العاصمة الأسبوع الماضي، عقد
      اجتماعات": it does not).
    """
    text = doc.text
    before = [t for t in doc.toks[max(0, owner.i - 2):owner.i] if t.kind == "word"]
    if before and before[-1].norm in _FRAME and not re.search(r"[,،;؛:]", text[s_start:owner.start]) \
            and owner.start < tr.start:
        comma = re.search(r"[,،]", text[owner.end:tr.start])
        if comma and d.end <= owner.end + comma.start():
            return True
    if owner.start > tr.end and d.start >= owner.end:
        span = text[tr.end:d.start]
        if not re.search(r"[,،;؛:]", span) and not any(t.norm in _CONNECTIVES for t in doc.toks[tr.j:owner.i]) \
                and all(o is owner or o.kind.name == owner.kind.name for o in trigs if tr.end <= o.start < d.start):
            return True
    a, b = tr.start, tr.end
    lo, hi = (d.end, a) if d.end <= a else (b, d.start)
    inside = [o for o in trigs if o is not tr and o is not owner and lo <= o.start < hi]
    return not (_group(owner.kind.name) != _group(tr.kind.name) or owner.kind.name == tr.kind.name
                or any(o.kind.name != owner.kind.name for o in inside)
                or (_relative(doc, owner) and re.search(r"[,،;؛]", text[min(d.end, a):max(d.start, b)])))


def _relative(doc: _Doc, tr: _Trig) -> bool:
    """The trigger opens a relative clause ("الذي زار العاصمة الأسبوع الماضي"): its date is its own."""
    words = [t for t in doc.toks[max(0, tr.i - 3):tr.i] if t.kind == "word"][-2:]
    return any(t.norm in _RELATIVE for t in words)


def _participants(doc: _Doc, a: int, b: int, kind: str, smentions: Sequence[_M]) -> tuple[list[str], str | None]:
    """Who takes part (persons, organisations, countries within 100 characters of the trigger,
    else anywhere in the sentence; minus media and those only cited as the source of the
    report) and where (the first place after the trigger in the same clause, after
    "في/إلى/لـ/بـ", or a visit's object)."""
    from bisect import bisect_right
    text, toks, starts = doc.text, doc.toks, doc.starts
    place = None
    for m in smentions:
        if m.type != "LOC" or m.start < b or m.start - b > 80:
            continue
        if any(c in _CLAUSE_PUNCT for c in text[b:m.start]):
            break
        k = bisect_right(starts, m.start) - 1
        glued = text[toks[k].start:m.start] if toks[k].start < m.start else ""
        prev = toks[k - 1].norm if k > 0 and not glued else ""
        if prev in ("في", "الى") or glued in ("ل", "ب", "وب", "ول", "لل", "وال") or (kind == "visit" and m.start - b < 25):
            place = m.key
            break
    people = _people(doc, a, b, smentions, place, 100)
    return (people or _people(doc, a, b, smentions, place, 10 ** 6)), place


def _people(doc: _Doc, a: int, b: int, smentions: Sequence[_M], place: str | None, reach: int) -> list[str]:
    from bisect import bisect_left
    toks, starts = doc.toks, doc.starts
    people: list[str] = []
    for m in smentions:
        if m.key == place or max(m.start - b, a - m.end) > reach or _is_media(m):
            continue
        k = bisect_left(starts, m.start)
        prev = [q for q in range(max(0, k - 2), k) if toks[q].kind == "word"]
        if prev and set(doc.forms(prev[-1])) & _SPEECH and (m.type != "PER" or m.end <= a):
            continue              # the source of the report, not a participant
        if m.type == "LOC" and not _is_country(m.key):
            continue
        if m.key not in people:
            people.append(m.key)
    return people
