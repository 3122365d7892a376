"""Template rendering, Arabic labels, and the annotated article text.

Autoescaping is on for every template: text from the wild (titles, article text, outlet
names, URLs) is only ever inserted as escaped text, attribute values included; the only
markup pages contain is the templates' own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable
from urllib.parse import urlencode, urlsplit

from fastapi import Request
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.responses import HTMLResponse

from marsad.api.service import BadRequest
from marsad.web import TEMPLATES_DIR, nav_items

__all__ = ["render", "annotate", "fmt_value", "opt_date", "opt_str", "LABELS"]

CATEGORY = {"casualties": "ضحايا", "troops": "قوات وجنود", "personnel": "أفراد", "munitions": "ذخائر",
            "weapons": "أسلحة", "containers": "حاويات", "visits": "زيارات", "money": "أموال", "other": "أخرى"}
STANCE = {"asserted": "يقرّره المقال", "reported": "منقول عن مصدر", "denied": "منفيّ", "planned": "مخطَّط"}
TYPE = {"PER": "شخص", "ORG": "مؤسسة", "LOC": "مكان"}
QUALIFIER = {"exact": "", "approx": "نحو", "more_than": "أكثر من", "less_than": "أقل من", "at_least": "على الأقل",
             "at_most": "على الأكثر", "vague": "تقدير مبهم"}
LABELS = {"category": CATEGORY, "stance": STANCE, "type": TYPE, "qualifier": QUALIFIER}

_env = Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)), autoescape=select_autoescape(default=True),
                   trim_blocks=True, lstrip_blocks=True)


def _fmt(v: float | int) -> str:
    v = float(v)
    return f"{int(v):,}" if v.is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


def fmt_value(lo: Any, hi: Any = None, qualifier: str | None = None) -> str:
    """A claim's value as read: "نحو 4,000", "25,000 إلى 30,000", "أكثر من 1,000", "100 فأكثر"."""
    if lo is None:
        core = "؟"
    elif hi is None:
        core = _fmt(lo) + " فأكثر"
    elif hi == lo:
        core = _fmt(lo)
    else:
        core = f"{_fmt(lo)} إلى {_fmt(hi)}"      # words, not a dash: no doubt about the order in RTL
    q = QUALIFIER.get(qualifier or "exact", "")
    if not q:
        return core
    if qualifier == "vague":
        return f"{core} ({q})"
    return f"{core} {q}" if qualifier in ("at_least", "at_most") else f"{q} {core}"


def label(kind: str, key: Any) -> str:
    return LABELS.get(kind, {}).get(key, key or "") if key is not None else ""


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) URL, else ``None`` (never a ``javascript:`` link)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def first_line(text: str | None, n: int = 90) -> str:
    """The first line of ``text``, cut at a word near ``n`` characters: the title of an untitled article."""
    line = (text or "").strip().split("\n", 1)[0].strip()
    if len(line) <= n:
        return line
    cut = line.rfind(" ", 0, n)
    return line[:cut if cut > n // 2 else n] + "…"


def evidence(c: dict, width: int = 110) -> dict:
    """A claim's sentence cut to about ``width`` characters each side of the figure, which is marked."""
    sent = c.get("sentence") or ""
    s, e = c["start"] - c["sentence_start"], c["end"] - c["sentence_start"]
    if not (0 <= s <= e <= len(sent)):
        return {"text": c.get("text") or "", "highlights": [], "pre": False, "post": False}
    a, b = max(0, s - width), min(len(sent), e + width)
    if a > 0:
        sp = sent.find(" ", a, s)
        a = sp + 1 if sp >= 0 else a
    if b < len(sent):
        sp = sent.rfind(" ", e, b)
        b = sp if sp > 0 else b
    return {"text": sent[a:b], "highlights": [(s - a, e - a)], "pre": a > 0, "post": b < len(sent)}


def short_date(v: str | None) -> str:
    return (v or "")[:10]


def page_url(request: Request, **changes: Any) -> str:
    params = {k: v for k, v in request.query_params.items() if v != ""}
    for k, v in changes.items():
        if v is None:
            params.pop(k, None)
        else:
            params[k] = str(v)
    return request.url.path + ("?" + urlencode(params) if params else "")


_env.globals.update(fmt_value=fmt_value, label=label, safe_url=safe_url, short_date=short_date, first_line=first_line, evidence=evidence,
                    CATEGORY=CATEGORY,
                    TYPE=TYPE)


def render(request: Request, name: str, ctx: dict[str, Any], *, status: int = 200, active: str | None = None,
           headers: dict | None = None) -> HTMLResponse:
    tpl = _env.get_template(name)
    html = tpl.render(request=request, nav=nav_items(), active=active, page_url=lambda **kw: page_url(request, **kw),
                      write_requires_token=bool(getattr(request.app.state, "settings", None)
                                                and request.app.state.settings.token), **ctx)
    return HTMLResponse(html, status_code=status, headers=headers)


# ---------------------------------------------------------------- form values

def opt_str(v: str | None, max_len: int = 300) -> str | None:
    v = (v or "").strip()
    return v[:max_len] or None


def opt_date(v: str | None, name: str) -> dt.date | None:
    """An ``<input type=date>`` value: empty is no filter, anything but YYYY-MM-DD is a 422."""
    v = (v or "").strip()
    if not v:
        return None
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        raise BadRequest(f"{name}: not a date (YYYY-MM-DD): {v[:40]!r}", f"query.{name}") from None


def opt_choice(v: str | None, choices: Iterable[str], name: str) -> str | None:
    v = (v or "").strip()
    if not v:
        return None
    if v not in choices:
        raise BadRequest(f"{name}: unknown value {v[:40]!r}", f"query.{name}")
    return v


# ---------------------------------------------------------------- annotated article text

def claim_title(c: dict) -> str:
    parts = [f"الرقم: {fmt_value(c['value_min'], c['value_max'], c['qualifier'])}",
             f"الفئة: {label('category', c['category'])}" + (f" ({c['noun']})" if c.get("noun") else "")]
    src = c.get("source")
    if src:
        who = src["text"] + (f" ← {src['entity_name']}" if src.get("entity_name") and src["entity_name"] != src["text"] else "")
        parts.append(f"المصدر: {who}")
    else:
        parts.append("المصدر: المقال نفسه")
    parts.append(f"الموقف: {label('stance', c['stance'])}")
    if c.get("ref_date"):
        parts.append(f"التاريخ: {c['ref_date']}")
    return " · ".join(parts)


def entity_title(m: dict) -> str:
    return f"{m['name_ar']} — {m['name_en']} ({label('type', m['type'])})"


def annotate(text: str, claims: list[dict], entities: list[dict],
             hits: list[tuple[int, int]] = ()) -> list[dict[str, Any]]:
    """Cut ``text`` into segments at every span boundary; each segment says what covers it.

    A segment dict: ``text``; ``claim`` (id of the claim covering it), ``anchor`` (set on the
    first segment of each claim), ``source`` (claim ids whose source phrase covers it),
    ``entity`` (the mention dict), ``hit`` (a search hit), and ``title``/``cls`` ready for the
    template. Overlapping spans are fine: segments are flat.
    """
    spans: list[tuple[int, int, str, Any]] = []
    for c in claims:
        spans.append((c["start"], c["end"], "claim", c))
        s = c.get("source")
        if s and s.get("start") is not None and s.get("end") is not None:
            spans.append((s["start"], s["end"], "source", c))
    for m in entities:
        if m.get("start") is not None:
            spans.append((m["start"], m["end"], "entity", m))
    for s, e in hits:
        spans.append((s, e, "hit", None))
    n = len(text)
    spans = [(max(0, s), min(n, e), k, o) for s, e, k, o in spans if s < e and s < n]
    cuts = sorted({0, n, *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    starts: dict[int, list] = {}
    for sp in spans:
        starts.setdefault(sp[0], []).append(sp)
    active: list = []
    anchored: set[int] = set()
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active = [sp for sp in active if sp[1] > a] + starts.get(a, [])
        seg: dict[str, Any] = {"text": text[a:b], "claim": None, "anchor": None, "source": [], "entity": None,
                               "hit": False}
        titles, cls = [], []
        for s, e, kind, obj in active:
            if kind == "claim" and seg["claim"] is None:
                seg["claim"] = obj["id"]
                if obj["id"] not in anchored:
                    anchored.add(obj["id"])
                    seg["anchor"] = f"c{obj['id']}"
                titles.append(claim_title(obj))
                cls.append("claim")
                if obj["stance"] == "denied":
                    cls.append("denied")
            elif kind == "source":
                seg["source"].append(obj["id"])
                if "src" not in cls:
                    cls.append("src")
                    titles.append(f"مصدر الرقم {fmt_value(obj['value_min'], obj['value_max'], obj['qualifier'])}")
            elif kind == "entity" and seg["entity"] is None:
                seg["entity"] = obj
                cls += ["ent", "ent-" + obj["type"]]
                titles.append(entity_title(obj))
            elif kind == "hit":
                seg["hit"] = True
                cls.append("hit")
        seg["title"] = "\n".join(titles)
        seg["cls"] = " ".join(cls)
        out.append(seg)
    return out
