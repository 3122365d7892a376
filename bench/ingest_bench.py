"""Ingest throughput: the example corpus repeated to about N articles (default 5,000).

    python bench/ingest_bench.py [--articles 5000] [--keep DIR]

Each copy of each example file gets one distinct sentence appended to every article, so no
copy is a duplicate of another (the store would otherwise skip them). Reports files,
articles, seconds, articles/s and peak resident memory (ru_maxrss) of this process, then
the per-article cost of the text stages over the stored articles (sentences, numbers, claims).
Run by hand; not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from marsad.ingest import read_path  # noqa: E402
from marsad.pipeline import ingest  # noqa: E402
from marsad.records import Article  # noqa: E402
from marsad.extract.claims import extract_claims  # noqa: E402
from marsad.store.sqlite import SQLiteStore  # noqa: E402
from marsad.text.numbers import find_numbers  # noqa: E402
from marsad.text.sentences import split_sentences  # noqa: E402


def variant(path: Path, k: int, out: Path) -> None:
    """Write copy ``k`` of ``path`` into ``out`` with a distinct sentence per article."""
    mark = f"وأضاف مراسلنا في التحديث رقم {k} أن المتابعة مستمرة."
    raw = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        lines = []
        for line in raw.decode("utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                obj["text"] += "\n" + mark
                lines.append(json.dumps(obj, ensure_ascii=False))
        out.write_text("\n".join(lines), encoding="utf-8")
    elif suffix in (".xml", ".rss"):
        out.write_text(raw.decode("utf-8").replace("</description>", f" {mark}</description>"), encoding="utf-8")
    elif suffix in (".html", ".htm"):
        out.write_text(raw.decode("utf-8").replace("</article>", f"<p>{mark}</p></article>"), encoding="utf-8")
    else:
        enc = "cp1256" if "cp1256" in path.name else "utf-8"
        out.write_text(raw.decode(enc) + "\n" + mark + "\n", encoding=enc)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--keep", type=Path, help="write the corpus and store here instead of a temp dir")
    a = ap.parse_args()
    files = [p for p in sorted((REPO / "examples").rglob("*")) if p.is_file() and p.suffix != ".md"]
    per_copy = sum(sum(isinstance(x, Article) for x in read_path(p)) for p in files)
    copies = max(1, round(a.articles / per_copy))
    tmp = a.keep or Path(tempfile.mkdtemp(prefix="marsad-bench-"))
    corpus = tmp / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for k in range(copies):
        for p in files:
            variant(p, k, corpus / f"{k:05d}_{p.name}")
    store = SQLiteStore(tmp / "bench.db")
    t0 = time.perf_counter()
    rep = ingest([corpus], store)
    dt = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = store.count()
    arts = list(store.iter_articles())
    store.close()
    print(json.dumps({"stage": "ingest", "files": rep.files, "articles": n, "errors": len(rep.errors),
                      "seconds": round(dt, 2), "articles_per_s": round(n / dt, 1), "peak_rss_mb": round(peak_mb, 1)}))
    kb = sum(len(x.text.encode("utf-8")) for x in arts) / 1024
    for name, fn in (("sentences", lambda x: split_sentences(x.text)), ("numbers", lambda x: find_numbers(x.text)),
                     ("claims", lambda x: extract_claims(x.text, published=x.published))):
        t0 = time.perf_counter()
        for x in arts:
            fn(x)
        dt = time.perf_counter() - t0
        print(json.dumps({"stage": name, "articles": len(arts), "seconds": round(dt, 2),
                          "articles_per_s": round(len(arts) / dt, 1), "ms_per_kb": round(dt * 1000 / kb, 3)}))
    if not a.keep:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
