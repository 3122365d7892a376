"""A short cited brief of a story: extractive, redundancy-aware, with the key figures.

Sentences of all the story's articles are scored by how central they are (cosine similarity
of their TF-IDF vector, over character n-grams of normalised text so re-translations and
clitics still meet, to the story's centroid) plus small bonuses for carrying a figure or
several named entities and for opening an article. Maximal Marginal Relevance then picks
them one by one, trading relevance against similarity to what is already picked, so five
outlets repeating one fact give one sentence. Each sentence is cited [outlet, date] and
entity names get their English rendering at first mention. The key figures follow, taken
from the cross-source comparison with their contradictions.

scikit-learn does the vectors; MMR itself is a few lines (no maintained package offers it
for arbitrary sentence sets without pulling in a neural model).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Iterable, Sequence

import numpy as np

from marsad.corpus.compare import Measure, _fmt
from marsad.text.normalize import norm
from marsad.text.sentences import split_sentences

__all__ = ["BriefSentence", "KeyFigure", "Brief", "make_brief"]

_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True, slots=True)
class BriefSentence:
    article_id: str
    doc: str
    outlet: str | None
    date: str | None
    start: int                 # span in the article's cleaned text
    end: int
    raw_start: int             # span in its raw text (evidence)
    raw_end: int
    text: str
    text_named: str            # the sentence with English names added at first mention
    citation: str
    score: float


@dataclass(frozen=True, slots=True)
class KeyFigure:
    key: str
    label_ar: str
    label_en: str
    status: str                # contradiction | change | agreement | single
    values: tuple[dict, ...]   # {value, source, date, doc, article_id, start, end}
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Brief:
    sentences: tuple[BriefSentence, ...]
    figures: tuple[KeyFigure, ...]
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "sentences": [asdict(s) for s in self.sentences],
                "figures": [asdict(f) for f in self.figures]}

    def to_text(self) -> str:
        """The brief as plain Arabic text (right-to-left readers render it as is)."""
        lines = [f"موجز من {self.articles} تقارير", ""]
        for s in self.sentences:
            lines.append(f"- {s.text_named} {s.citation}")
        if self.figures:
            lines += ["", "الأرقام الرئيسية"]
            for f in self.figures:
                vals = "؛ ".join(f"{v['value']} ({v['source']}، {v['date'] or 'دون تاريخ'})" for v in f.values)
                flag = {"contradiction": " — تناقض بين المصادر", "change": " — تغيّر مع الوقت"}.get(f.status, "")
                lines.append(f"- {f.label_ar}: {vals}{flag}")
        return "\n".join(lines) + "\n"


def _citation(outlet: str | None, doc: str, date: str | None) -> str:
    return f"[{outlet or doc}، {date[:10] if date else 'دون تاريخ'}]"


def _candidates(view: Any, ids: set[str] | None) -> list[dict[str, Any]]:
    from marsad.corpus.view import doc_name

    facts: dict[tuple[str, int], tuple] = {}
    for m in view.comparison.measures:
        for r in m.claims:
            facts[(r.article_id, r.claim.start)] = (m.key, r.claim.value_min, r.claim.value_max)
    out = []
    for an in view.analyses:
        a = an.article
        if ids is not None and a.id not in ids:
            continue
        claim_spans = [(c.start, c.end) for c in an.claims if c.category != "other"]
        ments = view.mentions.get(a.id, [])
        for i, s in enumerate(split_sentences(a.text)):
            words = s.text.split()
            if not 6 <= len(words) <= 70 or "\ufffd" in s.text or s.text.rstrip()[-1:] not in ".!؟?\"”»":
                continue
            rs, re_ = a.raw_span(s.start, s.end)
            n_ent = len({eid for m, eid in ments if rs <= m.start < re_})
            has_fig = any(s.start <= cs < s.end for cs, _ in claim_spans)
            fs = frozenset(facts[(a.id, c.start)] for c in an.claims
                           if s.start <= c.start < s.end and (a.id, c.start) in facts)
            out.append({"an": an, "doc": doc_name(a), "sent": s, "raw": (rs, re_), "pos": i, "facts": fs,
                        "bonus": 0.12 * has_fig + 0.04 * min(n_ent, 3) + (0.08 if i == 0 else 0.0)})
    return out


def _named(view: Any, cand: dict[str, Any], seen: set[str]) -> str:
    """The sentence (raw text) with " (English name)" after the first mention of each entity."""
    a = cand["an"].article
    rs, re_ = cand["raw"]
    inserts = []
    for m, eid in sorted(view.mentions.get(a.id, []), key=lambda t: t[0].start):
        if not (rs <= m.start and m.end <= re_) or eid in seen:
            continue
        e = view.entity(eid)
        # gazetteer entities only (a transliterated guess is no rendering), people and organisations
        if (e is None or eid.startswith("e_") or e.type not in ("PER", "ORG") or not e.name_en
                or _LATIN.search(m.text) or a.raw_text[m.end:m.end + 2].strip().startswith("(")):
            continue
        seen.add(eid)
        inserts.append((m.end, f" ({e.name_en})"))
    text = a.raw_text[rs:re_]
    for pos, add in sorted(inserts, reverse=True):
        text = text[: pos - rs] + add + text[pos - rs:]
    return " ".join(text.split())


def make_brief(view: Any, *, article_ids: Iterable[str] | None = None, k: int = 6, lambda_: float = 0.7,
               max_similarity: float = 0.55, figures: int = 6) -> Brief:
    """The brief of ``view`` (or of the articles ``article_ids``, e.g. one story).

    Args:
        k: sentences to pick.
        lambda_: MMR trade-off, 1 = relevance only, 0 = novelty only.
        max_similarity: a candidate this similar to a picked sentence is never picked.
        figures: how many key figures (measures) to list, most disputed first.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    ids = set(article_ids) if article_ids is not None else None
    cands = _candidates(view, ids)
    n_articles = len({c["an"].article.id for c in cands}) if ids is None else len(ids)
    picked: list[int] = []
    if cands:
        texts = [norm(c["sent"].text) for c in cands]
        vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=1)
        X = vec.fit_transform(texts)
        centroid = np.asarray(X.mean(axis=0)).ravel()
        cn = np.linalg.norm(centroid) or 1.0
        rel = (X @ centroid) / cn + np.array([c["bonus"] for c in cands])
        sim = (X @ X.T).toarray()
        known: set = set()
        while len(picked) < min(k, len(cands)):
            best, best_score = None, -1e9
            for i in range(len(cands)):
                if i in picked:
                    continue
                red = max((sim[i, j] for j in picked), default=0.0)
                if cands[i]["facts"] and cands[i]["facts"] <= known:
                    red = max(red, 0.9)              # its figures are already in the brief
                if red > max_similarity:
                    continue
                score = lambda_ * rel[i] - (1 - lambda_) * red
                if score > best_score:
                    best, best_score = i, score
            if best is None:
                break
            picked.append(best)
            known |= cands[best]["facts"]
        rel_of = {i: float(rel[i]) for i in picked}
    else:
        rel_of = {}
    order = sorted(picked, key=lambda i: (cands[i]["an"].article.published or "9999", cands[i]["doc"], cands[i]["pos"]))
    seen: set[str] = set()
    sents = []
    for i in order:
        c = cands[i]
        a = c["an"].article
        s = c["sent"]
        sents.append(BriefSentence(a.id, c["doc"], a.outlet, a.published, s.start, s.end, c["raw"][0], c["raw"][1],
                                   " ".join(a.raw_text[c["raw"][0]:c["raw"][1]].split()), _named(view, c, seen),
                                   _citation(a.outlet, c["doc"], a.published), round(rel_of[i], 4)))
    return Brief(tuple(sents), tuple(_figures(view.comparison.measures, ids, figures)), n_articles)


def _figures(measures: Sequence[Measure], ids: set[str] | None, limit: int) -> list[KeyFigure]:
    rank = {"contradiction": 0, "change": 1, "agreement": 2, "single": 3}
    out = []
    for m in measures:
        refs = [r for r in m.claims if ids is None or r.article_id in ids]
        if not refs or m.category in ("other", "visits"):
            continue
        vals, seen = [], set()
        for r in refs:
            key = (r.source_id, r.claim.value_min, r.claim.value_max, r.claim.qualifier, r.date)
            if key in seen or r.claim.qualifier == "vague":
                continue
            seen.add(key)
            vals.append({"value": _fmt(r), "source": r.source_label, "date": r.date, "doc": r.doc,
                         "article_id": r.article_id, "start": r.evidence[0], "end": r.evidence[1]})
        if not vals:
            continue
        findings = [f for f in m.findings if ids is None or (f.a.article_id in ids and f.b.article_id in ids)]
        kinds = {f.kind for f in findings}
        status = next((k for k in ("contradiction", "change", "agreement") if k in kinds), "single")
        notes = tuple(f.note for f in findings if f.kind in ("contradiction", "change"))
        out.append(KeyFigure(m.key, m.label_ar, m.label_en, status, tuple(vals), notes))
    out.sort(key=lambda f: (rank[f.status], -len({v["source"] for v in f.values})))
    return out[:limit]
