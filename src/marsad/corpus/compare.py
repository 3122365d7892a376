"""Cross-source comparison: which source claims what figure for the same thing, and where they disagree.

Claims that measure the same thing are grouped into a :class:`Measure` (a row of the matrix):
same category, same *aspect* (sent or deployed / planned or pledged / total strength /
casualties / other mentions), same *owner* (whose troops: the country named with the counted
noun — "جندي أمريكي", "جنود من كوريا الشمالية" — or the subject of the clause — "كوريا الشمالية
تخطط لإرسال") and the same *increment* flag ("3000 جندي جديد" counts new arrivals, not the total).
Columns are sources: the entity the text attributes the figure to (resolved across articles,
so "المخابرات الكورية الجنوبية" and "جهاز المخابرات الوطنية (NIS)" are one column), or the
article's outlet when the figure is unattributed.

Within a row every pair of claims from different sources is classified:

* **agreement**: their intervals overlap once hedges are taken into account (``حوالي`` widens
  by 10 %, ``أكثر من`` / ``على الأقل`` open the upper bound, ``أقل من`` the lower);
* **contradiction**: they do not overlap and they refer to a comparable time (dates within
  :data:`SAME_TIME_DAYS`, or at least one date unknown — the user is told which);
* **change**: they do not overlap but their dates are far apart (the figure evolved).

Hand-written: this is domain logic over Marsad's own records; no library does it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Mapping, Sequence

from marsad.extract.claims import Claim
from marsad.extract.gazetteer import load_gazetteer
from marsad.text.normalize import norm

__all__ = ["ClaimRef", "Cell", "Finding", "Measure", "Comparison", "claim_refs", "compare", "interval",
           "SAME_TIME_DAYS", "APPROX_TOLERANCE"]

#: claims whose reference dates are this close describe the same moment (news figures move daily)
SAME_TIME_DAYS = 2
#: relative widening of an approximate figure ("حوالي 4000" = 3600..4400)
APPROX_TOLERANCE = 0.10

_ASPECTS = {"sent": "moved", "deployed": "moved", "supplied": "moved", "trained": "moved",
            "planned": "planned", "pledged": "planned", "strength": "strength", "displaced": "displaced",
            "arrested": "arrested", "rescued": "rescued"}
_ASPECT_LABELS = {"moved": ("أُرسلت أو نُشرت", "sent or deployed"),
                  "planned": ("مخطط لها أو موعودة", "planned or pledged"),
                  "strength": ("الحجم الإجمالي", "total strength"),
                  "displaced": ("النازحون", "displaced"),
                  "arrested": ("المعتقلون", "arrested"),
                  "rescued": ("الناجون المنقذون", "rescued"),
                  "casualties": ("", ""),
                  "killed": ("القتلى", "killed"),
                  "wounded": ("الجرحى", "wounded"),
                  "reported": ("أرقام أخرى", "other figures")}
_CATEGORY_LABELS = {"troops": ("الجنود", "troops"), "casualties": ("القتلى والجرحى", "casualties"),
                    "personnel": ("الأفراد", "personnel"), "munitions": ("الذخائر والقذائف", "munitions"),
                    "weapons": ("الأسلحة والمعدات", "weapons"), "containers": ("الحاويات", "containers"),
                    "visits": ("الزيارات", "visits"), "money": ("المبالغ", "money"), "other": ("أرقام أخرى", "other")}
# words next to a figure that make it a count of *new* arrivals rather than a total
_INCREMENT = frozenset(norm(w) for w in (
    "جديد", "جديدة", "الجديد", "الجديدة", "جدد", "الجدد", "إضافي", "إضافية", "الإضافي", "الإضافية", "إضافيين",
    "الإضافيين", "آخرين", "أخرى", "آخر", "حديثا", "حديثًا", "تعزيزات", "إضافة"))
# a place right after one of these is a destination or location, not the owner of the troops
#: categories that mix unrelated things: listed, never judged
_NO_VERDICT = frozenset({"other"})
_PREPOSITIONS = frozenset(norm(w) for w in ("إلى", "الى", "في", "على", "ضد", "مع", "نحو", "عبر", "داخل", "بين",
                                            "أجل", "لصالح", "جانب", "حرب"))
_LEADING_SOURCE_NOUNS = re.compile(r"^(?:تقارير|تقرير|تقديرات|تقدير|تقييم|تقييمات|معلومات|بيانات|بيان|أرقام)\s+(?:من\s+)?")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """A claim placed in the corpus: its article, resolved source, owner, aspect and date.

    ``evidence`` is the claim's span in the article's *raw* text (what the user opened).
    """

    article_id: str
    doc: str
    outlet: str | None
    published: str | None
    claim: Claim
    source_id: str
    source_label: str
    source_entity: str | None
    owner: str | None
    aspect: str
    increment: bool
    date: str | None
    evidence: tuple[int, int]

    @property
    def low(self) -> float:
        return interval(self.claim)[0]

    @property
    def high(self) -> float:
        return interval(self.claim)[1]

    def to_dict(self) -> dict[str, Any]:
        c = self.claim
        return {"article_id": self.article_id, "doc": self.doc, "outlet": self.outlet, "published": self.published,
                "source_id": self.source_id, "source": self.source_label, "source_entity": self.source_entity,
                "owner": self.owner, "aspect": self.aspect, "increment": self.increment, "date": self.date,
                "value_min": c.value_min, "value_max": c.value_max, "qualifier": c.qualifier, "category": c.category,
                "stance": c.stance, "text": c.text, "start": self.evidence[0], "end": self.evidence[1],
                "clean_start": c.start, "clean_end": c.end}


@dataclass(frozen=True, slots=True)
class Cell:
    """The claims of one source in one row, oldest first."""

    source_id: str
    source_label: str
    claims: tuple[ClaimRef, ...]

    @property
    def distinct(self) -> list[ClaimRef]:
        """One claim per distinct (value, hedge, date): copies of an article repeat it."""
        return _distinct(self.claims)


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str               # agreement | contradiction | change
    a: ClaimRef
    b: ClaimRef
    note: str

    @property
    def note_ar(self) -> str:
        """The finding in Arabic, for reports."""
        a, b = self.a, self.b
        if self.kind == "change":
            return f"{a.source_label}: {_fmt(a)} ({a.date}) ثم {_fmt(b)} ({b.date})"
        if self.kind == "agreement":
            return f"{_fmt(a)} ({a.source_label}) و{_fmt(b)} ({b.source_label}) متوافقان"
        when = "في الوقت نفسه" if a.date and b.date else "التاريخ غير معروف، فيُفترض أنهما متزامنان"
        return f"{_fmt(a)} ({a.source_label}) مقابل {_fmt(b)} ({b.source_label})، {when}"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "note": self.note, "note_ar": self.note_ar, "a": self.a.to_dict(),
                "b": self.b.to_dict()}


@dataclass(frozen=True, slots=True)
class Measure:
    """One row of the matrix: what is measured, the cells by source, and the findings."""

    key: str
    category: str
    aspect: str
    owner: str | None
    increment: bool
    label_ar: str
    label_en: str
    cells: tuple[Cell, ...]
    findings: tuple[Finding, ...]

    @property
    def claims(self) -> list[ClaimRef]:
        return sorted((r for c in self.cells for r in c.claims), key=_date_key)

    @property
    def contradictions(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "contradiction"]

    @property
    def disputed(self) -> set[int]:
        """``id()`` of the claims some contradiction involves (for marking them)."""
        return {id(f.a) for f in self.contradictions} | {id(f.b) for f in self.contradictions}

    @property
    def status(self) -> str:
        kinds = {f.kind for f in self.findings}
        for k in ("contradiction", "change", "agreement"):
            if k in kinds:
                return k
        return "single"

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "category": self.category, "aspect": self.aspect, "owner": self.owner,
                "increment": self.increment, "label_ar": self.label_ar, "label_en": self.label_en,
                "status": self.status,
                "cells": [{"source_id": c.source_id, "source": c.source_label, "claims": [r.to_dict() for r in c.claims]}
                          for c in self.cells],
                "evolution": [r.to_dict() for r in self.claims],
                "findings": [f.to_dict() for f in self.findings]}


@dataclass(frozen=True, slots=True)
class Comparison:
    measures: tuple[Measure, ...]
    sources: dict[str, str] = field(default_factory=dict)     # source id -> label, the matrix's columns

    def to_dict(self) -> dict[str, Any]:
        return {"sources": [{"id": k, "label": v} for k, v in self.sources.items()],
                "measures": [m.to_dict() for m in self.measures]}


# ------------------------------------------------------------------ intervals and time

def interval(c: Claim) -> tuple[float, float]:
    """The values a claim allows, its hedge taken into account."""
    lo = float(c.value_min) if c.value_min is not None else 0.0
    hi = float(c.value_max) if c.value_max is not None else float("inf")
    q = c.qualifier
    if q == "approx":
        return lo * (1 - APPROX_TOLERANCE), hi * (1 + APPROX_TOLERANCE)
    if q in ("at_least", "more_than", "vague"):
        return lo, float("inf")
    if q in ("at_most", "less_than"):
        return 0.0, hi if c.value_max is not None else lo
    return lo, hi


def _date(s: str | None) -> dt.date | None:
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        return None


def _date_key(r: ClaimRef) -> tuple[str, str, int]:
    return (r.date or "9999", r.doc, r.claim.start)


def _classify(a: ClaimRef, b: ClaimRef) -> Finding | None:
    (alo, ahi), (blo, bhi) = interval(a.claim), interval(b.claim)
    overlap = alo <= bhi and blo <= ahi
    da, db = _date(a.date), _date(b.date)
    if da and db and abs((da - db).days) > SAME_TIME_DAYS:
        return None                        # different moments: the evolution chart shows them, no verdict
    if overlap:
        return Finding("agreement", a, b, f"{_fmt(a)} ({a.source_label}) and {_fmt(b)} ({b.source_label}) are compatible")
    when = "at the same time" if da and db else "dates unknown, assumed comparable"
    return Finding("contradiction", a, b, f"{_fmt(a)} ({a.source_label}) vs {_fmt(b)} ({b.source_label}), {when}")


def _fmt(r: ClaimRef) -> str:
    c = r.claim
    f = lambda v: f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"   # noqa: E731
    if c.value_min is None:
        return "?"
    v = f(c.value_min) if c.value_max in (None, c.value_min) else f"{f(c.value_min)}–{f(c.value_max)}"
    return {"approx": "~", "at_least": "≥", "more_than": ">", "at_most": "≤", "less_than": "<", "vague": "≥"}.get(
        c.qualifier, "") + v


# ------------------------------------------------------------------ placing claims

def claim_refs(article: Any, claims: Sequence[Claim], mentions: Sequence[tuple[Any, str]],
               entity_names: Mapping[str, str], *, doc: str | None = None) -> list[ClaimRef]:
    """Place an article's claims in the corpus.

    Args:
        article: the :class:`~marsad.records.Article` the claims come from.
        claims: its claims (offsets into ``article.text``).
        mentions: ``(mention, entity_id)`` of the article, mentions in *raw-text* coordinates
            (as :func:`marsad.pipeline.article_mentions` gives them and ``resolve`` assigns them).
        entity_names: entity id -> display name.
    """
    from marsad.corpus.view import doc_name

    gaz = load_gazetteer()
    doc = doc or doc_name(article)
    out = []
    for c in claims:
        src_id, label, ent = _source(article, c, mentions, entity_names)
        aspect = _aspect(article.text, c)
        date = c.ref_date if c.ref_date_from == "text" else (c.ref_date or article.published)
        out.append(ClaimRef(article.id, doc, article.outlet, article.published, c, src_id, label, ent,
                            _owner(article.text, c, gaz), aspect, _increment(article.text, c), date,
                            article.raw_span(c.start, c.end)))
    return out


_KILLED = frozenset(norm(w) for w in ("قتيل", "قتيلا", "قتيلًا", "قتلى", "وفاة", "وفيات", "ضحية", "ضحايا", "جثة", "جثث",
                                        "جثمان", "شهيد", "شهداء", "قتيلاً"))
_WOUNDED = frozenset(norm(w) for w in ("جريح", "جريحا", "جرحى", "مصاب", "مصابا", "مصابين", "إصابة", "إصابات",
                                         "مصابون"))
_DISPLACED = frozenset(norm(w) for w in ("نازح", "نازحا", "نازحين", "النازحين", "نازحون", "مشرد", "مشردين",
                                          "المشردين", "لاجئ", "لاجئا", "لاجئين", "اللاجئين", "مهجر", "مهجرين"))
_WOUND_VERBS = re.compile(r"(?:جرح|أصيب|اصيب|إصاب|اصاب)")


def _aspect(text: str, c: Claim) -> str:
    """What the figure measures beyond its category: killed / wounded / both, sent or planned, ..."""
    pred = c.predicate or ""
    if c.category == "casualties":
        noun = norm(c.noun or "")
        noun = noun[2:] if noun.startswith("ال") else noun
        if noun in _KILLED or (noun + "ا") in _KILLED:
            return "killed"
        if noun in _WOUNDED or (noun + "ا") in _WOUNDED:
            return "wounded"
        if pred == "killed":
            near = text[c.end:min(c.sentence_end, c.end + 30)]
            return "casualties" if _WOUND_VERBS.search(near) else "killed"
        return "wounded" if pred == "wounded" else "casualties"
    if c.category == "troops" and not pred:
        return "moved"                       # troop figures without a verb describe a deployed force
    if c.category == "personnel":
        near = _WORD.findall(norm(text[max(c.sentence_start, c.number_start - 30):c.number_start]))[-3:]
        if any(w in _DISPLACED or w[1:] in _DISPLACED for w in near + [norm(c.noun or "")]):
            return "displaced"
    return _ASPECTS.get(pred, "reported")


def _source(article: Any, c: Claim, mentions: Sequence[tuple[Any, str]], names: Mapping[str, str]
            ) -> tuple[str, str, str | None]:
    if c.source is None:
        from marsad.corpus.view import doc_name

        who = article.outlet or doc_name(article)
        return f"self:{who}", f"{who} (دون نسبة)", None
    s, e = article.raw_span(c.source.start, c.source.end)
    inside = [(m, eid) for m, eid in mentions if m.start >= s and m.end <= e]
    if inside:
        rank = {"ORG": 0, "PER": 1, "LOC": 2}
        m, eid = min(inside, key=lambda t: (rank.get(t[0].type, 3), t[0].start))
        rest = article.raw_text[m.end:e].strip()
        if not (rest.startswith("و") and len(rest) > 3):        # "الاستخبارات الأمريكية والكورية ..." names several
            return eid, names.get(eid, m.text), eid
    text = _LEADING_SOURCE_NOUNS.sub("", c.source.text.strip())
    if text.startswith("لل") and text != c.source.text.strip():
        text = "ا" + text[1:]                               # "بيان للجيش الكيني" -> "الجيش الكيني"
    return f"text:{norm(text)}", text, None


#: categories where "whose" is meaningful (visits and other figures have no owner)
_OWNED = frozenset({"troops", "personnel", "casualties", "munitions", "weapons", "containers", "money"})


@lru_cache(maxsize=4)
def _countries(gaz: Any) -> dict[str, str]:
    """ISO code -> country entry id, so a capital ("بيونغ يانغ") stands for its country."""
    out: dict[str, str] = {}
    for e in gaz.entries.values():
        if e.type == "LOC" and e.country and e.source == "cldr":
            out.setdefault(e.country, e.id)
    return out


def _country_of(entry_id: str, gaz: Any) -> str:
    e = gaz.get(entry_id)
    if e is None or not e.country:
        return entry_id
    return _countries(gaz).get(e.country, entry_id)


@lru_cache(maxsize=4)
def _category_nouns() -> frozenset[str]:
    from marsad.extract.claims import load_lexicon

    return frozenset(load_lexicon().nouns)


def _owner(text: str, c: Claim, gaz: Any) -> str | None:
    """Whose troops or weapons: the country named with the counted noun, else the clause's subject.

    In order: a country right after a counted noun of the sentence ("جنود كوريا الشمالية",
    "القوات الكورية الشمالية", "جندي أمريكي", "جندي من كوريا الشمالية"), the nearest to the
    figure; else the first country before the figure that is neither governed by a preposition
    ("إلى روسيا", "لروسيا") nor inside the source phrase. Capitals stand for their country.
    """
    if c.category not in _OWNED:
        return None
    s0, s1 = c.sentence_start, c.sentence_end
    src = (c.source.start, c.source.end) if c.source else (0, 0)
    sent = text[s0:s1]
    nouns = _category_nouns()
    words = list(_WORD.finditer(sent))
    best: tuple[int, str] | None = None
    for m in gaz.find(sent):
        start = s0 + m.start
        if m.type != "LOC" or src[0] <= start < src[1]:
            continue
        prev = [w for w in words if w.end() <= m.start][-2:]
        if not prev:
            continue
        k = -1
        if norm(prev[-1].group()) in ("من",) and len(prev) == 2:
            k = -2
        noun = norm(prev[k].group())
        if any(f in nouns for f in (noun, noun[2:] if noun.startswith("ال") else noun)):
            dist = abs(start - c.number_start)
            if best is None or dist < best[0]:
                best = (dist, m.entry_id)
    if best:
        return _country_of(best[1], gaz)
    if c.category == "casualties":
        return None                          # who died is only read next to the noun, never from the clause
    for m in gaz.find(text[s0:c.number_start]):
        start = s0 + m.start
        if m.type != "LOC" or src[0] <= start < src[1]:
            continue
        if not _after_preposition(text, start, s0):
            return _country_of(m.entry_id, gaz)
    return None


def _after_preposition(text: str, start: int, floor: int) -> bool:
    """Is the name at ``start`` governed by a preposition ("إلى روسيا", "لروسيا", "في كورسك")?"""
    if start > floor and text[start - 1] in "لب" and (start - 1 == floor or not text[start - 2].isalpha()):
        return True
    if start > floor + 1 and text[start - 2:start] == "ال" and start > floor + 2 and text[start - 3] in "لب":
        return True
    words = _WORD.findall(text[max(floor, start - 12):start])
    return bool(words) and norm(words[-1]) in _PREPOSITIONS


def _increment(text: str, c: Claim) -> bool:
    """"3000 جندي جديد", "الجنود المنشورة حديثًا في حوالي 1000": a word of novelty within two words
    of the figure, in the same clause."""
    before = re.split(r"[،,.؛:]", text[max(c.sentence_start, c.number_start - 40):c.number_start])[-1]
    after = re.split(r"[،,.؛:]", text[c.end:min(c.sentence_end, c.end + 40)])[0]
    inside = text[c.start:c.end]
    words = (_WORD.findall(norm(before))[-2:] + _WORD.findall(norm(inside)) + _WORD.findall(norm(after))[:2])
    return any(w in _INCREMENT for w in words)


# ------------------------------------------------------------------ the matrix

def compare(refs: Iterable[ClaimRef], *, owner_names: Mapping[str, tuple[str, str]] | None = None,
            categories: Iterable[str] | None = None) -> Comparison:
    """Group claims into measures, build the cells by source and classify every cross-source pair.

    A claim whose owner is unknown joins the row of the most frequent owner of its
    (category, aspect, increment), so "الشمال سيرسل 12 ألف جندي" sits with North Korea's
    other troop figures; denied claims are left out of the matrix.
    """
    gaz = load_gazetteer()
    want = set(categories) if categories else None
    refs = [r for r in refs if r.claim.stance != "denied" and r.claim.value_min is not None
            and (want is None or r.claim.category in want)]
    owners: dict[tuple[str, str, bool], Counter] = defaultdict(Counter)
    for r in refs:
        if r.owner:
            owners[(r.claim.category, r.aspect, r.increment)][r.owner] += 1
    by_owner_of_cat: dict[str, Counter] = defaultdict(Counter)
    for (cat, _, _), cnt in owners.items():
        by_owner_of_cat[cat].update(cnt)
    unknown = Counter((r.claim.category, r.aspect, r.increment) for r in refs if r.owner is None)
    rows: dict[tuple[str, str, str | None, bool], list[ClaimRef]] = defaultdict(list)
    for r in refs:
        owner = r.owner
        if owner is None:
            k = (r.claim.category, r.aspect, r.increment)
            cnt = owners.get(k) or by_owner_of_cat.get(r.claim.category)
            if cnt:
                top, n = cnt.most_common(1)[0]
                # only when the known owners outweigh the unknown figures: a lone "جنود تونسيون"
                # must not claim every unattributed death toll
                owner = top if 2 * n >= unknown[k] else None
        rows[(r.claim.category, r.aspect, owner, r.increment)].append(r)
    measures = []
    sources: dict[str, str] = {}
    for (cat, aspect, owner, inc), items in rows.items():
        cells: dict[str, list[ClaimRef]] = defaultdict(list)
        for r in sorted(items, key=_date_key):
            cells[r.source_id].append(r)
            sources.setdefault(r.source_id, r.source_label)
        findings = []
        ids = list(cells)
        for i, sa in enumerate(ids if cat not in _NO_VERDICT else ()):
            for sb in ids[i + 1:]:
                for a in _distinct(cells[sa]):
                    for b in _distinct(cells[sb]):
                        if a.claim.qualifier == "vague" or b.claim.qualifier == "vague":
                            continue
                        f = _classify(a, b)
                        if f:
                            findings.append(f)
        for sid in ids if cat not in _NO_VERDICT else ():   # one source over time
            ds = [r for r in _distinct(cells[sid]) if r.claim.qualifier != "vague"]
            for a, b in zip(ds, ds[1:]):
                da, db = _date(a.date), _date(b.date)
                if da and db and da != db and interval(a.claim) != interval(b.claim):
                    findings.append(Finding("change", a, b, f"{a.source_label}: {_fmt(a)} ({a.date}) then "
                                                            f"{_fmt(b)} ({b.date})"))
        label_ar, label_en = _label(cat, aspect, owner, inc, gaz, owner_names)
        key = f"{cat}:{aspect}:{owner or '-'}:{'new' if inc else 'all'}"
        measures.append(Measure(key, cat, aspect, owner, inc, label_ar, label_en,
                                tuple(Cell(s, cells[s][0].source_label, tuple(cells[s])) for s in ids),
                                tuple(findings)))
    measures.sort(key=lambda m: (-len({r.source_id for r in m.claims}), -len(m.claims), m.key))
    return Comparison(tuple(measures), sources)


def _distinct(refs: Sequence[ClaimRef]) -> list[ClaimRef]:
    """One claim per distinct (value, hedge, date) of a source: copies of an article repeat it."""
    seen, out = set(), []
    for r in refs:
        k = (r.claim.value_min, r.claim.value_max, r.claim.qualifier, r.date)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def _label(cat: str, aspect: str, owner: str | None, inc: bool, gaz: Any,
           owner_names: Mapping[str, tuple[str, str]] | None) -> tuple[str, str]:
    cat_ar, cat_en = _CATEGORY_LABELS.get(cat, (cat, cat))
    asp_ar, asp_en = _ASPECT_LABELS.get(aspect, ("", ""))
    if cat == "casualties" and asp_ar:
        cat_ar, cat_en, asp_ar, asp_en = asp_ar, asp_en, "", ""
    own_ar = own_en = ""
    if owner:
        if owner_names and owner in owner_names:
            own_ar, own_en = owner_names[owner]
        elif gaz.get(owner) is not None:
            e = gaz.get(owner)
            own_ar, own_en = e.ar, e.en
        else:
            own_ar = own_en = owner
    ar = " ".join(p for p in (cat_ar + (" الجدد" if inc and cat in ("troops", "personnel") else
                                         " الإضافية" if inc else ""),
                              own_ar and f"({own_ar})", asp_ar and f"— {asp_ar}") if p)
    en = " ".join(p for p in ((("new " if inc else "") + cat_en), own_en and f"of {own_en}",
                              asp_en and f"— {asp_en}") if p)
    return ar, en
