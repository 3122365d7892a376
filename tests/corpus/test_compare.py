"""Cross-source comparison on a hand-made corpus with known contradictions, and on the seeds."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from conftest import REPO, SEEDS
from marsad.corpus.compare import ClaimRef, interval
from marsad.corpus.view import build_view
from marsad.extract.claims import extract_claims
from marsad.ingest import read_path
from marsad.pipeline import analyse
from marsad.text.normalize import norm

DATA = REPO / "tests" / "data" / "compare"


@lru_cache(maxsize=1)
def _view():
    arts = list(read_path(DATA / "articles.jsonl"))
    return build_view([analyse(a, use_ner=False) for a in arts])


def _truth() -> dict:
    return json.loads((DATA / "truth.json").read_text(encoding="utf-8"))


def _is(src_key: str, cell_id: str, label: str) -> bool:
    return src_key == cell_id or norm(src_key) in norm(label)


def _triples_pred(view) -> set[tuple[str, str, float]]:
    out = set()
    for m in view.comparison.measures:
        if m.category in ("troops", "casualties", "personnel"):
            for c in m.cells:
                for r in c.claims:
                    out.add((m.key, c.source_id + "|" + c.source_label, float(r.claim.value_min)))
    return out


def _match(truth_key: str, truth_src: str, value: float, pred: set) -> tuple | None:
    for t in pred:
        sid, label = t[1].split("|", 1)
        if t[0] == truth_key and _is(truth_src, sid, label) and t[2] == value:
            return t
    return None


def test_measure_cells_precision_recall():
    view = _view()
    pred = _triples_pred(view)
    gold = [(m["key"], src, float(v)) for m in _truth()["measures"] for src, vals in m["cells"].items() for v in vals]
    hits = {_match(k, s, v, pred) for k, s, v in gold} - {None}
    recall = len(hits) / len(gold)
    precision = len(hits) / len(pred)
    assert recall == 1.0, sorted(pred)
    assert precision >= 0.9, sorted(pred - hits)


def _pairs(view, kind: str) -> list[tuple[str, str, str, str]]:
    out = []
    for m in view.comparison.measures:
        for f in m.findings:
            if f.kind == kind:
                out.append((m.key, f.a.source_id + "|" + f.a.source_label, f.b.source_id + "|" + f.b.source_label, f.note))
    return out


@pytest.mark.parametrize("kind,truth_key", [("contradiction", "contradictions"), ("change", "changes"),
                                            ("agreement", "agreements")])
def test_findings_match_truth(kind, truth_key):
    view = _view()
    pred = _pairs(view, kind)
    gold = _truth()[truth_key]

    def hit(g, p):
        (ia, la), (ib, lb) = p[1].split("|", 1), p[2].split("|", 1)
        return p[0] == g[0] and ((_is(g[1], ia, la) and _is(g[2], ib, lb)) or
                                 (kind != "change" and _is(g[1], ib, lb) and _is(g[2], ia, la)))

    found = [g for g in gold if any(hit(g, p) for p in pred)]
    assert len(found) == len(gold), pred
    correct = [p for p in pred if any(hit(g, p) for g in gold)]
    assert len(correct) / max(1, len(pred)) >= 0.75, pred


def test_denied_figures_stay_out_of_the_matrix():
    view = _view()
    values = {r.claim.value_min for m in view.comparison.measures for r in m.claims}
    for v in _truth()["excluded_values"]:
        assert v not in values


def test_other_countries_troops_are_another_row():
    keys = {m.key for m in _view().comparison.measures}
    assert "troops:moved:kenya:all" in keys and "troops:moved:ethiopia:all" in keys


def test_contradiction_note_names_both_sources_and_time():
    notes = [n for k, a, b, n in _pairs(_view(), "contradiction") if k.startswith("casualties")]
    assert notes and "40" in notes[0] and "65" in notes[0] and "same time" in notes[0]


def test_interval_widens_hedges():
    text = "قتل حوالي 4000 جندي وأصيب أكثر من 500 آخرين."
    cs = extract_claims(text)
    assert interval(cs[0]) == pytest.approx((3600, 4400))
    assert interval(cs[1])[1] == float("inf")


def test_owner_from_demonym_and_construct():
    text = ("وأكد المسؤول أن أكثر من 25000 جندي أمريكي يتمركزون في المنطقة. "
            "وقدرت الصحيفة عدد جنود كوريا الشمالية المنتشرين بنحو 11000 جندي.")
    arts = [a for a in read_path_text(text)]
    view = build_view([analyse(a, use_ner=False) for a in arts])
    owners = {r.claim.value_min: r.owner for r in view.refs}
    assert owners[25000] == "usa"
    assert owners[11000] == "north_korea"


def read_path_text(text: str):
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "owner.txt"
        p.write_text("خبر\n" + text, encoding="utf-8")
        return list(read_path(p))


def test_seed_matrix_shows_troop_figures_side_by_side_with_contradictions():
    if not SEEDS.is_dir():
        pytest.skip(f"seeds not found in {SEEDS}")
    arts = [a for p in sorted(SEEDS.glob("*.txt")) for a in read_path(p)]
    view = build_view([analyse(a, use_ner=False) for a in arts])
    rows = {m.key: m for m in view.comparison.measures}
    moved = rows["troops:moved:north_korea:all"]
    values = {(r.doc[:3], r.claim.value_min) for r in moved.claims}
    assert {("001", 11000), ("002", 1500), ("004", 10000)} <= values
    assert len(moved.cells) >= 3 and moved.contradictions
    planned = rows["troops:planned:north_korea:all"]
    assert {r.claim.value_min for r in planned.claims} >= {25000, 10000, 12000}
    assert planned.status == "contradiction"
    casualties = rows["casualties:casualties:north_korea:all"]
    assert {r.claim.value_min for r in casualties.claims} == {6000, 4000} and casualties.contradictions
    # US troops in South Korea and new arrivals are not mixed with the deployment totals
    assert "troops:moved:usa:all" in rows
    assert {r.claim.value_min for r in rows["troops:moved:north_korea:new"].claims} >= {3000}
    # the NIS is one column whatever the spelling ("جهاز المخابرات الوطنية (NIS)", "المخابرات الكورية الجنوبية")
    nis = [r for m in view.comparison.measures for r in m.claims if r.source_entity == "nis"]
    assert {r.doc[:3] for r in nis} >= {"001", "002"}


def test_claimref_dict_round_trip_is_json():
    view = _view()
    d = view.comparison.to_dict()
    json.dumps(d, ensure_ascii=False)
    assert d["measures"][0]["cells"] and isinstance(view.refs[0], ClaimRef)
