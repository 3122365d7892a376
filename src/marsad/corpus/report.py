"""One self-contained, right-to-left HTML report of a corpus view, readable offline.

Everything is inline: CSS in a ``<style>`` block, charts as SVG drawn here (a bar per figure
by source and date, a timeline of events), no script or font from the network. All text from
articles goes through Jinja2's autoescaping, so a ``<script>`` inside an article is shown, never
run. The charts are hand-drawn SVG because a chart library would mean either JavaScript from a
CDN or a large vendored file for two simple chart types.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Sequence

from markupsafe import Markup

from marsad.corpus.compare import Measure, _fmt, interval

__all__ = ["render_report", "figure_svg", "timeline_svg", "highlight"]

_PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f",
            "#bcbd22")


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, select_autoescape

    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    src = resources.files("marsad.corpus").joinpath("templates/report.html").read_text(encoding="utf-8")
    return env.from_string(src)


def _esc(s: Any) -> str:
    return html.escape(str(s), quote=True)


def _num(v: float) -> str:
    if v >= 1e6:
        return f"{v / 1e6:.3g} مليون"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}"


# ------------------------------------------------------------------ charts

def figure_svg(m: Measure, *, width: int = 760) -> Markup:
    """A bar per distinct figure of the measure, oldest first: the range a claim allows (hedges
    widen it; an open upper bound runs to the edge with an arrow), coloured by source."""
    rows, seen = [], set()
    for r in m.claims:
        if r.claim.qualifier == "vague":
            continue
        key = (r.source_id, r.claim.value_min, r.claim.value_max, r.claim.qualifier, r.date)
        if key not in seen:
            seen.add(key)
            rows.append(r)
    if not rows:
        return Markup("")
    lo_hi = [interval(r.claim) for r in rows]
    finite = [v for lo, hi in lo_hi for v in (lo, hi) if v != float("inf")]
    step = _nice_step(max(finite) * 1.08 or 1.0)
    top = step * 4
    sources = list(dict.fromkeys(r.source_id for r in rows))
    label_w, pad, row_h = 360, 14, 24
    plot_w = width - label_w - 2 * pad
    height = pad * 2 + row_h * len(rows) + 22
    x = lambda v: pad + plot_w * (min(v, top) / top)  # noqa: E731
    disputed = m.disputed
    out = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           f'xmlns="http://www.w3.org/2000/svg" aria-label="{_esc(m.label_ar)}">']
    for t in range(5):
        v = top * t / 4
        out.append(f'<line x1="{x(v):.1f}" y1="{pad}" x2="{x(v):.1f}" y2="{height - 22}" class="grid"/>')
        out.append(f'<text x="{x(v):.1f}" y="{height - 6}" class="tick" text-anchor="middle">{_esc(_num(v))}</text>')
    for i, (r, (lo, hi)) in enumerate(zip(rows, lo_hi)):
        y = pad + i * row_h + row_h / 2
        color = _PALETTE[sources.index(r.source_id) % len(_PALETTE)]
        cls = "bar disputed" if id(r) in disputed else "bar"
        x0, x1 = x(lo), x(hi)
        if x1 - x0 < 4:
            out.append(f'<circle cx="{x0:.1f}" cy="{y:.1f}" r="5" fill="{color}" class="{cls}"><title>'
                       f'{_esc(_fmt(r))} — {_esc(r.source_label)} ({_esc(r.date or "دون تاريخ")})</title></circle>')
        else:
            out.append(f'<rect x="{x0:.1f}" y="{y - 6:.1f}" width="{x1 - x0:.1f}" height="12" rx="3" fill="{color}" '
                       f'class="{cls}"><title>{_esc(_fmt(r))} — {_esc(r.source_label)} '
                       f'({_esc(r.date or "دون تاريخ")})</title></rect>')
            if hi == float("inf"):
                out.append(f'<path d="M{x1:.1f},{y - 8:.1f} L{x1 + 8:.1f},{y:.1f} L{x1:.1f},{y + 8:.1f} z" fill="{color}"/>')
        src = r.source_label if len(r.source_label) <= 30 else r.source_label[:29] + "…"
        label = f"{_fmt(r)} · {src} · {r.date or 'دون تاريخ'}"
        out.append(f'<text x="{width - pad}" y="{y + 4:.1f}" class="label" text-anchor="start" '
                   f'direction="rtl">{_esc(label)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def _nice_step(top: float) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) so four steps cover ``top``."""
    import math

    raw = top / 4
    mag = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for m in (1, 2, 2.5, 5, 10):
        if m * mag >= raw:
            return m * mag
    return 10 * mag


def _d(s: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def timeline_svg(entries: Sequence[dict[str, Any]], *, width: int = 760) -> Markup:
    """Events on a time axis: a bar over each event's date range (a dot for one day), labelled.

    ``entries``: dicts with ``label``, ``date_min``, ``date_max`` (ISO) and ``kind``.
    """
    dated = [e for e in entries if _d(e.get("date_min"))]
    if not dated:
        return Markup("")
    d0 = min(_d(e["date_min"]) for e in dated)
    d1 = max(_d(e.get("date_max") or e["date_min"]) for e in dated)
    span = max((d1 - d0).days, 1)
    label_w, pad, row_h = 320, 14, 26
    plot_w = width - label_w - 2 * pad
    height = pad * 2 + row_h * len(dated) + 24
    x = lambda d: pad + plot_w * ((d - d0).days / span)  # noqa: E731
    kinds = list(dict.fromkeys(e.get("kind") or "" for e in dated))
    out = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           f'xmlns="http://www.w3.org/2000/svg" aria-label="الخط الزمني">']
    for t in range(5):
        d = d0 + dt.timedelta(days=round(span * t / 4))
        out.append(f'<line x1="{x(d):.1f}" y1="{pad}" x2="{x(d):.1f}" y2="{height - 24}" class="grid"/>')
        out.append(f'<text x="{x(d):.1f}" y="{height - 6}" class="tick" text-anchor="middle">{d.isoformat()}</text>')
    for i, e in enumerate(sorted(dated, key=lambda e: (e["date_min"], e.get("date_max") or ""))):
        y = pad + i * row_h + row_h / 2
        a, b = _d(e["date_min"]), _d(e.get("date_max") or e["date_min"])
        color = _PALETTE[kinds.index(e.get("kind") or "") % len(_PALETTE)]
        tip = f'{e["label"]} ({e["date_min"]}{" – " + e["date_max"] if e.get("date_max") not in (None, e["date_min"]) else ""})'
        if (b - a).days < 1:
            out.append(f'<circle cx="{x(a):.1f}" cy="{y:.1f}" r="6" fill="{color}"><title>{_esc(tip)}</title></circle>')
        else:
            out.append(f'<rect x="{x(a):.1f}" y="{y - 6:.1f}" width="{max(x(b) - x(a), 4):.1f}" height="12" rx="3" '
                       f'fill="{color}" opacity="0.75"><title>{_esc(tip)}</title></rect>')
        out.append(f'<text x="{width - pad}" y="{y + 4:.1f}" class="label" direction="rtl">'
                   f'{_esc(str(e["label"])[:60])}</text>')
    out.append("</svg>")
    return Markup("".join(out))


# ------------------------------------------------------------------ article text

@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    cls: str
    title: str
    anchor: str | None = None


def highlight(text: str, spans: Iterable[_Span]) -> Markup:
    """``text`` escaped, with every span wrapped in ``<span class=...>`` (nested spans merge
    their classes on the overlapping segment); claim spans carry an id for evidence links."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        cover = [s for s in spans if s.start <= a and b <= s.end]
        seg = _esc(text[a:b]).replace("\n", "<br>")
        if not cover:
            out.append(seg)
            continue
        cls = " ".join(dict.fromkeys(s.cls for s in cover))
        title = " | ".join(dict.fromkeys(s.title for s in cover if s.title))
        anchor = next((s.anchor for s in cover if s.anchor and s.start == a), None)
        ida = f' id="{_esc(anchor)}"' if anchor else ""
        out.append(f'<span class="{_esc(cls)}" title="{_esc(title)}"{ida}>{seg}</span>')
    return Markup("".join(out))


def _article_spans(view: Any, an: Any) -> list[_Span]:
    a = an.article
    spans = []
    for m, eid in view.mentions.get(a.id, []):
        e = view.entity(eid)
        name = f"{e.name_ar} · {e.name_en}" if e and e.name_en else (e.name_ar if e else m.text)
        spans.append(_Span(m.start, m.end, f"ent ent-{m.type}", f"{m.type}: {name}"))
    for i, c in enumerate(an.claims):
        rs, re_ = a.raw_span(c.start, c.end)
        src = c.source.text if c.source else "المقال نفسه"
        spans.append(_Span(rs, re_, "claim", f"{c.category}: {c.text} — المصدر: {src}", f"c-{a.id[:10]}-{c.start}"))
    return spans


# ------------------------------------------------------------------ the page

def render_report(view: Any, *, title: str | None = None, brief: Any = None, stories: Sequence[Any] | None = None,
                  timeline: Sequence[dict[str, Any]] | None = None, copies: Sequence[dict[str, Any]] | None = None,
                  quality: dict[str, Any] | None = None, all_rows: bool = False) -> str:
    """The report as one HTML string.

    Args:
        view: a :class:`~marsad.corpus.view.CorpusView`.
        brief: a :class:`~marsad.corpus.brief.Brief` (made here when omitted).
        timeline: entries as dicts (``label``, ``date_min``, ``date_max``, ``kind``, ``cites``).
        copies: passage links as dicts (``a_doc``, ``a_text``, ``b_doc``, ``b_text``, ``kind``, ``score``).
        quality: article id -> ``{"score": float, "flags": [{"kind", "text", "note"}]}``.
        all_rows: include measures given by a single source in the matrix.
    """
    from marsad.corpus.brief import make_brief
    from marsad.corpus.view import doc_name

    brief = brief or make_brief(view)
    measures = [m for m in view.comparison.measures if all_rows or len(m.cells) > 1 or m.findings]
    measures = [m for m in measures if m.category != "other"] or measures
    sources = list(dict.fromkeys(c.source_id for m in measures for c in m.cells))
    labels = {c.source_id: c.source_label for m in measures for c in m.cells}
    matrix = []
    for m in measures:
        disputed = m.disputed
        cells = {c.source_id: [{"value": _fmt(r), "date": r.date or "", "doc": r.doc, "disputed": id(r) in disputed,
                                "anchor": f"c-{r.article_id[:10]}-{r.claim.start}", "evidence": r.claim.text}
                               for r in c.distinct] for c in m.cells}
        matrix.append({"m": m, "cells": [cells.get(s, []) for s in sources], "svg": figure_svg(m)})
    arts = []
    for an in view.analyses:
        a = an.article
        q = (quality or {}).get(a.id)
        arts.append({"a": a, "doc": doc_name(a), "html": highlight(a.raw_text, _article_spans(view, an)), "q": q,
                     "claims": len(an.claims), "anchor": f"a-{a.id[:10]}"})
    dates = sorted(a.published[:10] for a in view.articles if a.published)
    ents = sorted(view.entities, key=lambda e: (-e.mentions, e.name_ar))
    return _template().render(
        title=title or "تقرير مرصد", brief=brief, matrix=matrix, sources=[labels[s] for s in sources],
        stories=stories or [], timeline=timeline or [], timeline_svg=timeline_svg(timeline or []),
        copies=copies or [], entities=ents, articles=arts, n_articles=len(view.analyses),
        date_span=(dates[0], dates[-1]) if dates else None,
        n_contradictions=sum(1 for m in view.comparison.measures if m.contradictions),
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
