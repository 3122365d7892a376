"""Scoring of claims against gold, with the semantics of ../shared/tools/score.py.

A predicted claim matches a gold claim of the same document when their spans overlap and
their values agree (any value for an optional gold claim). F1 over non-optional gold;
qualifier, category and source accuracy over the matched claims.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_DIAC = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def snorm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").lower()
    return " ".join(re.findall(r"\w+", _DIAC.sub("", s).translate(_ALEF)))


def close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def source_ok(g: dict, psrc: str | None) -> bool:
    ps = snorm(psrc)
    if not g["source"]:
        return ps == ""
    if not ps:
        return False
    return any((a := snorm(x)) and (a in ps or (len(ps) >= 3 and ps in a)) for x in g["source_aliases"] + [g["source"]])


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    qual: int = 0
    cat: int = 0
    src: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def ratio(self, k: int) -> float:
        return k / self.tp if self.tp else 1.0

    def summary(self) -> str:
        return (f"F1={self.f1:.3f} P={self.precision:.3f} R={self.recall:.3f} qualifier={self.ratio(self.qual):.3f} "
                f"category={self.ratio(self.cat):.3f} source={self.ratio(self.src):.3f} tp={self.tp} fp={self.fp} fn={self.fn}")


def score(gold: list[dict], pred: list[dict], sc: Score | None = None, label: str = "") -> Score:
    """``gold``/``pred`` of one document: dicts with start, end, value_min, value_max, ..."""
    sc = sc or Score()
    used: set[int] = set()
    for p in sorted(pred, key=lambda p: p["start"]):
        hit = None
        for i, g in enumerate(gold):
            if i in used or p["start"] >= g["end"] or p["end"] <= g["start"]:
                continue
            if g.get("optional") or (close(p["value_min"], g["value_min"]) and close(p["value_max"], g["value_max"])):
                hit = i
                break
        if hit is None:
            sc.fp += 1
            sc.misses.append(f"FP  {label} {p['text']!r} {p['value_min']}..{p['value_max']}")
            continue
        used.add(hit)
        g = gold[hit]
        if g.get("optional"):
            continue
        sc.tp += 1
        sc.qual += p["qualifier"] == g["qualifier"]
        sc.cat += p["category"] == g["category"]
        ok = source_ok(g, p["source"])
        sc.src += ok
        for what, good in (("QUAL", p["qualifier"] == g["qualifier"]), ("CAT", p["category"] == g["category"]), ("SRC", ok)):
            if not good:
                sc.misses.append(f"{what} {label} {g['evidence']!r}: gold {g[{'QUAL': 'qualifier', 'CAT': 'category', 'SRC': 'source'}[what]]!r} "
                                 f"got {p[{'QUAL': 'qualifier', 'CAT': 'category', 'SRC': 'source'}[what]]!r}")
    for i, g in enumerate(gold):
        if i not in used and not g.get("optional"):
            sc.fn += 1
            sc.misses.append(f"FN  {label} {g['evidence']!r} {g['value_min']}..{g['value_max']}")
    return sc
