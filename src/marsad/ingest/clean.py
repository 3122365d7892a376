"""Remove what is not the article, keeping a map from the cleaned text back to the raw text.

The rules are data (``marsad/lexicon/ar/cleaning.json``, documented there); this module only
applies them, line by line, in a fixed cascade:

1. a leading outlet line (``سي إن إن`` followed by a line ``—``) and a leading dateline at the
   start of the first body line (``CNN -``, ``الخرطوم - (أ ف ب) -``, ``رويترز —``) go to
   ``outlet``/``dateline``;
2. a byline (``كتب: ...``) goes to ``author``;
3. boilerplate lines (subscription and "read more" prompts, social follow lines, share widgets,
   comment counters, "Continue reading", "زر الذهاب إلى الأعلى", "contact the author" footers,
   copyright) are dropped;
4. a headline printed twice is kept once; a short label printed before it (a section name)
   goes to ``section``.

Nothing is rewritten inside a kept line, so offsets stay exact: the result carries an
:class:`~marsad.text.offsets.OffsetMap` into the raw text and the list of dropped spans with
the rule that dropped each.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.ingest.dates import find_text_date, weekday_table
from marsad.text.normalize import norm, normalize
from marsad.text.offsets import OffsetMap

__all__ = ["Cleaned", "CleaningRules", "clean_text", "load_rules"]

_LINE_RE = re.compile(r"[^\n]*\n|[^\n]+$")
_SENT_END = tuple(".!?؟…:\"»”")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    regex: re.Pattern
    max_words: int | None = None

    def match(self, normed_line: str, nwords: int | None = None) -> re.Match | None:
        """Search the rule in a normalised line; ``nwords``, the line's word count (exact up
        to :data:`_WORD_CAP`), saves counting again for every rule."""
        mw = self.max_words
        if mw is not None:
            if nwords is None:
                # more than mw words <=> splitting at most mw times leaves mw + 1 pieces (stops early)
                nwords = len(normed_line.split(None, mw))
            if nwords > mw:
                return None
        return self.regex.search(normed_line)


_WORD_CAP = 64     # rules' max_words must stay below this (checked when the rules load)


@dataclass(frozen=True, slots=True)
class CleaningRules:
    drop_lines: tuple[Rule, ...]
    byline: tuple[Rule, ...]
    dateline: tuple[Rule, ...]
    outlet_line: tuple[Rule, ...]
    outlets: dict[str, str]
    masthead_max_words: int
    masthead_labels: re.Pattern
    media_words: frozenset[str]

    def outlet_for(self, text: str) -> str | None:
        """Canonical outlet named in ``text`` (a dateline or outlet line), if any."""
        n = re.sub(r"[^\w\s]", " ", norm(text))
        words = n.split()
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                hit = self.outlets.get(" ".join(words[i : i + size]))
                if hit:
                    return hit
        return None


def _compile(items: list[dict]) -> tuple[Rule, ...]:
    out = []
    for it in items:
        pat = normalize(it["pattern"], lower=False).text
        mw = it.get("max_words")
        if mw is not None and mw >= _WORD_CAP:
            raise ValueError(f"cleaning rule {it['name']!r}: max_words must be below {_WORD_CAP}")
        out.append(Rule(it["name"], re.compile(pat, re.IGNORECASE), mw))
    return tuple(out)


@lru_cache(maxsize=1)
def load_rules() -> CleaningRules:
    """The shipped rules, compiled once (pure: same file, same rules)."""
    data = json.loads(resources.files("marsad.lexicon.ar").joinpath("cleaning.json").read_text("utf-8"))
    outlets = {norm(k): v for k, v in data["outlets"].items() if not k.startswith("_")}
    mh = data["masthead"]
    labels = "|".join(re.escape(norm(x)) for x in sorted(mh["labels"], key=len, reverse=True))
    return CleaningRules(
        _compile(data["drop_lines"]), _compile(data["byline"]), _compile(data["dateline"]),
        _compile(data["outlet_line"]), outlets, mh["max_words"],
        re.compile(rf"(?<!\w)({labels})(?!\w)", re.IGNORECASE), frozenset(norm(w) for w in mh["media_words"]),
    )


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    map: OffsetMap                               # cleaned text -> raw text
    removed: tuple[tuple[int, int, str], ...]   # raw spans dropped, with the rule name
    author: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    section: str | None = None
    title: str | None = None
    published: str | None = None                # ISO date from a masthead line


@dataclass(slots=True)
class _Line:
    start: int      # raw offset of the first character
    end: int        # raw offset after the line's content (before the newline)
    text: str
    normed: str
    keep_from: int = 0   # raw offset where the kept part starts (after a dateline)
    drop: str | None = None
    nwords: int = 0      # words of ``normed``, counted up to _WORD_CAP + 1


def _lines(raw: str) -> list[_Line]:
    # normalisation is character by character and keeps line breaks (a test checks), so the
    # lines of the normalised text are the normalised lines: one pass over the text
    normed_lines = norm(raw).split("\n")
    out = []
    for m, normed in zip(_LINE_RE.finditer(raw), normed_lines):
        body = m.group().rstrip("\r\n")
        normed = normed.strip()
        out.append(_Line(m.start(), m.start() + len(body), body, normed,
                         nwords=len(normed.split(None, _WORD_CAP))))
    return out


def clean_text(raw: str, *, rules: CleaningRules | None = None, title: str | None = None) -> Cleaned:
    """Clean one article's raw text; ``title`` (from metadata) helps drop repeated headlines."""
    rules = rules or load_rules()
    lines = _lines(raw)
    author = outlet = dateline = section = None
    content = [ln for ln in lines if ln.normed]

    published = publisher = None
    # 1. an outlet line near the top (optionally followed by a dash-only line), masthead lines
    for i, ln in enumerate(content[:3]):
        if outlet is None and any(r.match(ln.normed, ln.nwords) for r in rules.outlet_line):
            outlet = rules.outlet_for(ln.text)
            dateline = ln.text.strip(" -–—\t")
            ln.drop = "outlet_line"
            if i + 1 < len(content) and re.fullmatch(r"[-–—_]+", content[i + 1].normed):
                content[i + 1].drop = "outlet_line"
    for ln in content[:5]:
        if ln.drop:
            continue
        mh = _masthead(ln, rules)
        if mh:
            ln.drop = "masthead"
            published = published or mh[0]
            publisher = publisher or mh[1]

    # 2./3. bylines and boilerplate
    for ln in content:
        if ln.drop:
            continue
        for r in rules.byline:
            m = r.match(ln.normed, ln.nwords)
            if m and author is None:
                author = _orig_group(ln, m, "author")
                ln.drop = r.name
                break
        if ln.drop:
            continue
        for r in rules.drop_lines:
            if r.match(ln.normed, ln.nwords):
                ln.drop = r.name
                break

    body = [ln for ln in content if not ln.drop]
    # 4. repeated headline and section label
    seen: dict[str, int] = {}
    head_idx = None
    for i, ln in enumerate(body[:8]):
        if ln.normed in seen and len(ln.normed.split()) <= 40:
            ln.drop = "repeated_headline"
            head_idx = seen[ln.normed] if head_idx is None else head_idx
        else:
            seen.setdefault(ln.normed, i)
    if title:
        nt = norm(title).strip()
        hits = [ln for ln in body if ln.normed == nt and not ln.drop]
        for ln in hits[1:]:
            ln.drop = "repeated_headline"
        if hits and head_idx is None:
            head_idx = body.index(hits[0])
    if head_idx:
        pre = [ln for ln in body[:head_idx] if not ln.drop]
        if pre and all(len(ln.normed.split()) <= 4 and not ln.normed.endswith(_SENT_END) for ln in pre):
            section = " / ".join(ln.text.strip() for ln in pre)
            for ln in pre:
                ln.drop = "section_label"

    body = [ln for ln in content if not ln.drop]
    # 1b. dateline at the start of the first body line (or of the line after a short headline)
    for ln in body[:3]:
        if dateline is not None:
            break
        for r in rules.dateline:
            m = r.regex.search(ln.normed)
            if m and m.end() < len(ln.normed):
                dl = _orig_prefix(ln, m.end())
                dateline = dl.strip(" -–—\t")
                outlet = outlet or rules.outlet_for(dateline)
                ln.keep_from = ln.start + len(dl)
                break

    title_out = title
    if title_out is None:
        first = next((ln for ln in content if not ln.drop), None)
        if first is not None and first.keep_from == 0 and len(first.text) <= 250 and not first.normed.endswith(_SENT_END):
            title_out = first.text.strip()
    text, omap, removed = _assemble(raw, lines)
    # the publisher named in a masthead is the outlet; an agency in a dateline is its source
    return Cleaned(text, omap, removed, author, publisher or outlet, dateline, section, title_out, published)


_MASTHEAD_JUNK = re.compile(r"\b\d{1,2}:\d{2}(:\d{2})?\b|\b(ص|م|am|pm|gmt|utc)\b|[|/\\:,;()\[\]•·*-]", re.IGNORECASE)
_PIECES = re.compile(r"\s*[|:\-–—•·]\s*")


def _masthead(ln: _Line, rules: CleaningRules) -> tuple[str, str | None] | None:
    """``(iso_date, outlet)`` when ``ln`` only carries a date, a time, labels and an outlet name."""
    if len(ln.normed.split()) > rules.masthead_max_words:
        return None
    found = find_text_date(ln.text, head_chars=len(ln.text))
    if not found:
        return None
    iso, s, e = found
    rest = ln.text[:s] + " | " + ln.text[e:]
    rest_n = _MASTHEAD_JUNK.sub(" ", rules.masthead_labels.sub(" ", norm(rest)))
    weekdays = weekday_table()
    words = [w for w in rest_n.split() if w not in weekdays and w != "يوم"]
    if not words:
        return iso, None
    named = words[0] in rules.media_words or (len(words) <= 3 and _PIECES.search(rest.strip(" |")))
    if len(words) <= 5 and named:
        for piece in _PIECES.split(rest):
            if piece and norm(piece).split()[:1] == words[:1]:
                return iso, piece.strip()
    return None


def _orig_prefix(ln: _Line, normed_end: int) -> str:
    """Raw prefix of ``ln`` covering its first ``normed_end`` normalised characters."""
    n = normalize(ln.text)
    lead = len(n.text) - len(n.text.lstrip())
    _, e = n.span_to_src(0, min(normed_end + lead, len(n.text)))
    return ln.text[:e]


def _orig_group(ln: _Line, m: re.Match, group: str) -> str:
    n = normalize(ln.text)
    lead = len(n.text) - len(n.text.lstrip())
    s, e = n.span_to_src(m.start(group) + lead, m.end(group) + lead)
    return ln.text[s:e].strip()


def _assemble(raw: str, lines: list[_Line]) -> tuple[str, OffsetMap, tuple[tuple[int, int, str], ...]]:
    """Join kept line parts with single newlines (blank lines between paragraphs kept once)."""
    pieces: list[str] = []
    blocks: list[tuple[int, int, int]] = []
    removed: list[tuple[int, int, str]] = []
    dst = 0
    pending_break: int | None = None  # raw offset of the newline that would separate lines
    blank_seen = False
    for i, ln in enumerate(lines):
        if ln.drop or not ln.normed:
            if ln.drop:
                removed.append((ln.start, ln.end, ln.drop))
            elif pieces:
                blank_seen = True
            continue
        s = max(ln.keep_from, ln.start)
        if ln.keep_from > ln.start:
            removed.append((ln.start, ln.keep_from, "dateline"))
        # strip trailing spaces of the line, leading spaces too
        seg = raw[s : ln.end]
        lstrip = len(seg) - len(seg.lstrip())
        seg = seg.strip()
        s += lstrip
        if pieces and pending_break is not None:
            sep = "\n\n" if blank_seen else "\n"
            pieces.append(sep)
            for k in range(len(sep)):
                blocks.append((dst + k, pending_break, 1))
            dst += len(sep)
        pieces.append(seg)
        blocks.append((dst, s, len(seg)))
        dst += len(seg)
        pending_break = ln.end if ln.end < len(raw) else ln.end - 1
        blank_seen = False
    merged: list[tuple[int, int, int]] = []
    for b in blocks:
        if merged and merged[-1][0] + merged[-1][2] == b[0] and merged[-1][1] + merged[-1][2] == b[1]:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + b[2])
        else:
            merged.append(b)
    return "".join(pieces), OffsetMap(tuple(merged), dst, len(raw)), tuple(removed)
