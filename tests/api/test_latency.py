"""Search latency over the bundled example corpus, through the whole API stack (TestClient).

Prints p50/p95; fails only if search is grossly slow (p95 over a second).
"""

from __future__ import annotations

import statistics
import time

QUERIES = ["قرطالة", "زلزال", "الهلال الأحمر", "لارسن", "جوستاف لارسون", "وزارة الصحة", '"وزارة الصحة"', "تونس",
           "قتلى", "مساعدات", "الأمم المتحدة", "منظمة الصحة العالمية", "نازحين", "1600", "مليون دولار", "قسنطينه",
           "أوتشا", "رويترز", "الجيش التونسي", "ضحايا الزلزال"]


def search_latencies(client, rounds: int = 3) -> list[float]:
    client.get("/api/search", params={"q": QUERIES[0]})        # warm: entity index, caches
    out = []
    for _ in range(rounds):
        for q in QUERIES:
            t = time.perf_counter()
            r = client.get("/api/search", params={"q": q})
            out.append(time.perf_counter() - t)
            assert r.status_code == 200, (q, r.text)
    return out


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def test_search_latency(examples_client, capsys):
    lat = search_latencies(examples_client)
    p50, p95 = p(lat, 50) * 1000, p(lat, 95) * 1000
    with capsys.disabled():
        print(f"\n[marsad] /api/search over the examples: p50 {p50:.1f} ms, p95 {p95:.1f} ms ({len(lat)} requests)")
    assert p95 < 1000
