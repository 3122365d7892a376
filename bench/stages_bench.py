"""Per-stage throughput and peak memory of Marsad over a corpus, and the cost curve across sizes.

    python bench/stages_bench.py --sizes 1000 10000          # generate (if missing) and measure
    python bench/stages_bench.py --corpus DIR [--stages numbers,claims]
    python bench/stages_bench.py --saudinewsnet              # real text: ../shared/ext/saudinewsnet

Corpora come from ``bench/generate.py`` (``/tmp/marsad-bench/corpus-N`` unless ``--root``);
``--saudinewsnet`` unzips the SaudiNewsNet JSON files into the same temporary root (they are
read from ``shared/ext`` and never copied into the repository).

Every stage is one entry of :data:`STAGES` (name, what it needs, the callable it measures).
A stage whose module or function does not exist yet (copies, stories, store search are being
built) prints ``not available`` with what is missing; to add it, change its entry.

Each stage runs in its own forked process, so its peak resident memory (``VmHWM``, reset at
the fork) is its own:

* ``files`` stages (the whole pipeline into a SQLite file on disk) and ``store`` stages
  (copies, stories, search over that store) are forked from a lean parent;
* then the parent reads the whole corpus (the ``ingest`` stage: read, decode, clean, in this
  process, so its peak includes holding every article) and forks the ``articles`` stages,
  whose peak therefore includes the corpus in memory (``base_rss_mb`` tells how much).

Throughput is per CPU second of the stage's process (``time.process_time``: user + system),
which is what "articles/s per core" means and stays meaningful when other work shares the
machine; wall seconds are recorded too. Search latencies are wall-clock.

Each stage is warmed up on a few articles first (loading lexicons and models), outside the
timing. Results are printed as JSON lines, appended to ``ROOT/results.jsonl`` and summed up as
a Markdown table (articles/s per size, peak RSS, and the cost ratio between consecutive sizes:
1.0 is linear). Run by hand; not part of the test suite.
"""

from __future__ import annotations

import argparse
import importlib
import json
import multiprocessing as mp
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parents[1]
# --src DIR measures another source tree (e.g. `git archive OLD src | tar -x -C /tmp/old`)
_SRC = next((sys.argv[i + 1] for i, a in enumerate(sys.argv[:-1]) if a == "--src"), str(REPO / "src"))
sys.path.insert(0, _SRC)
sys.path.insert(0, str(REPO / "bench"))

DEFAULT_ROOT = Path(tempfile.gettempdir()) / "marsad-bench"
WARMUP = 3


# ------------------------------------------------------------------ context and helpers

@dataclass
class Ctx:
    corpus: Path                      # folder of input files
    work: Path                        # scratch folder for stores
    files: list[Path] = field(default_factory=list)
    articles: list = field(default_factory=list)
    db: Path | None = None            # the store the pipeline stage wrote

    def store(self):
        from marsad.store.sqlite import SQLiteStore

        return SQLiteStore(self.db)


def _target(spec: str) -> Callable:
    """``"package.module:function"`` or ``"package.module:Class.method"`` -> the object; raises if missing."""
    mod, _, attr = spec.partition(":")
    obj: Any = importlib.import_module(mod)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj


def _proc_kb(key: str) -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass


def _peak_mb() -> float:
    kb = _proc_kb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(kb / 1024, 1)


# ------------------------------------------------------------------ stages

def run_pipeline(ctx: Ctx, fn: Callable) -> dict:
    from marsad.store.sqlite import SQLiteStore

    db = ctx.work / "pipeline.db"
    for p in (db, db.with_suffix(".db-wal"), db.with_suffix(".db-shm")):
        p.unlink(missing_ok=True)
    store = SQLiteStore(db)
    rep = fn([ctx.corpus], store)
    n = store.count()
    claims = store.conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    store.close()
    return {"items": rep.added + rep.duplicates, "added": rep.added, "duplicates": rep.duplicates,
            "stored": n, "claims": claims, "errors": len(rep.errors), "db_mb": round(db.stat().st_size / 2**20, 1)}


def run_store_writes(ctx: Ctx, fn: Callable) -> dict:
    """Articles (no claims) grouped by input file, one transaction per file, into a fresh file."""
    from itertools import groupby

    from marsad.store.sqlite import SQLiteStore

    db = ctx.work / "writes.db"
    for p in (db, db.with_suffix(".db-wal"), db.with_suffix(".db-shm")):
        p.unlink(missing_ok=True)
    store = SQLiteStore(db)
    added = 0
    for _, group in groupby(ctx.articles, key=lambda a: a.source_path):
        added += fn(store, list(group)).added
    store.close()
    return {"items": len(ctx.articles), "added": added}


def per_article(call: Callable[[Callable, Any], Any]) -> Callable[[Ctx, Callable], dict]:
    def run(ctx: Ctx, fn: Callable) -> dict:
        out = 0
        for a in ctx.articles:
            r = call(fn, a)
            out += len(r) if hasattr(r, "__len__") else 1
        return {"items": len(ctx.articles), "records": out}
    return run


SEARCH_QUERIES = ["شويغو", "بيونغ يانغ", "قوات الدعم السريع", "الفاشر", "الحديدة", "صواريخ", "نازح",
                  "كيم جونغ أون", "خاركيف", "وزارة الدفاع", "مجموعة فاغنر", "البحر الأحمر", "قتلى", "شحنة أسلحة",
                  "بحسب مصادر أمنية", "زيلينسكي", "المخابرات الوطنية", "باماكو", "مساعدات", "جندي"]


def run_search(ctx: Ctx, fn: Callable) -> dict:
    store = ctx.store()
    lat = []
    for rep in range(5):
        for q in SEARCH_QUERIES:
            t0 = time.perf_counter()
            fn(store, q)
            lat.append((time.perf_counter() - t0) * 1000)
    store.close()
    lat.sort()
    return {"items": len(lat), "unit": "queries", "p50_ms": round(statistics.median(lat), 2),
            "p95_ms": round(lat[int(len(lat) * 0.95) - 1], 2), "max_ms": round(lat[-1], 2)}


def run_corpus_stage(ctx: Ctx, fn: Callable) -> dict:
    store = ctx.store()
    res = fn(store)
    n = store.count()
    store.close()
    return {"items": n, "records": len(res) if hasattr(res, "__len__") else None}


@dataclass(frozen=True)
class Stage:
    name: str
    needs: str                        # files | store | articles
    target: str                       # "module:callable" measured; missing -> not available
    run: Callable[[Ctx, Callable], dict]
    call: Callable | None = None      # for per-article stages: how to call the target on one article
    note: str = ""


def copies_of_store(store) -> list:
    """find_copies over every stored article (both views; forked workers from 2,000 articles on)."""
    from marsad.corpus.copies import find_copies

    return find_copies(list(store.iter_articles()))


def copy_view_of_store(store) -> list:
    """find_copies over every stored article's text, copy view only (exact, near, partial
    copies; no re-translation view), as ``marsad copies --db ... --no-translations`` reads them."""
    from marsad.corpus.copies import find_copies

    return find_copies(list(store.iter_texts()), translations=False)


def stories_of_store(store) -> list:
    """cluster_stories over every stored article (entities by the gazetteer and rules)."""
    from marsad.corpus.stories import cluster_stories

    return cluster_stories(list(store.iter_articles()))


def _claims(fn, a):
    return fn(a.text, published=a.published)


# One entry per stage ("module:callable"; run_corpus_stage calls it with the pipeline's store).
STAGES: list[Stage] = [
    Stage("pipeline", "files", "marsad.pipeline:ingest", run_pipeline,
          note="marsad.pipeline.ingest into a SQLite file: read, decode, clean, claims (+ gazetteer links), store"),
    Stage("copies", "store", "__main__:copies_of_store", run_corpus_stage,
          note="find_copies over the pipeline's store (reading it included; 2 forked workers: see wall seconds)"),
    Stage("copies_only", "store", "__main__:copy_view_of_store", run_corpus_stage,
          note="find_copies(translations=False) over the pipeline's store: copies without the re-translation view"),
    Stage("stories", "store", "__main__:stories_of_store", run_corpus_stage,
          note="cluster_stories over the pipeline's store (reading it and finding entities included)"),
    Stage("search", "store", "marsad.store.sqlite:SQLiteStore.search", run_search,
          note="store search, 20 queries x 5, latency per query"),
    # "ingest" is measured in the parent process while it loads the corpus (see the docstring)
    Stage("store_writes", "articles", "marsad.store.sqlite:SQLiteStore.add_batch", run_store_writes,
          note="articles and sightings (no claims), one transaction per input file"),
    Stage("sentences", "articles", "marsad.text.sentences:split_sentences",
          per_article(lambda fn, a: fn(a.text))),
    Stage("numbers", "articles", "marsad.text.numbers:find_numbers", per_article(lambda fn, a: fn(a.text))),
    Stage("claims", "articles", "marsad.extract.claims:extract_claims", per_article(_claims),
          note="includes sentences and numbers"),
    Stage("claims_linked", "articles", "marsad.pipeline:analyse_claims", per_article(lambda fn, a: fn(a)),
          note="what the pipeline runs: claims + gazetteer mentions to link sources"),
    Stage("entities", "articles", "marsad.extract.entities:find_mentions",
          per_article(lambda fn, a: fn(a.text, use_ner=False)), note="gazetteer + rules, no NER"),
    Stage("entities_ner", "articles", "marsad.extract.entities:find_mentions",
          per_article(lambda fn, a: fn(a.text, use_ner=True)), note="gazetteer + rules + CRF and neural tagger"),
    Stage("quotes", "articles", "marsad.extract.quotes:extract_quotes", per_article(lambda fn, a: fn(a.text))),
]
STAGE_NAMES = ["ingest"] + [s.name for s in STAGES]


def _child(stage: Stage, ctx: Ctx, conn) -> None:
    try:
        fn = _target(stage.target)
        if stage.needs == "articles" and ctx.articles:
            warm = Ctx(ctx.corpus, ctx.work, articles=ctx.articles[:WARMUP], db=ctx.db)
            wdir = ctx.work / "warmup"
            wdir.mkdir(exist_ok=True)
            warm.work = wdir
            stage.run(warm, fn)
        _reset_peak()
        base = round(_proc_kb("VmRSS") / 1024, 1)
        t0, c0, k0 = time.perf_counter(), time.process_time(), os.times()
        res = stage.run(ctx, fn)
        secs, cpu, k1 = time.perf_counter() - t0, time.process_time() - c0, os.times()
        kids = (k1.children_user - k0.children_user) + (k1.children_system - k0.children_system)
        # CPU of the stage's own worker processes counts too (copies forks two); their peak
        # RSS is not in VmHWM: it is reported apart, as the largest child's
        res.update(seconds=round(secs, 3), cpu_s=round(cpu + kids, 3), peak_rss_mb=_peak_mb(), base_rss_mb=base)
        if kids:
            res.update(children_cpu_s=round(kids, 3),
                       children_peak_rss_mb=round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1))
        conn.send(res)
    except BaseException as exc:  # report, never hang the parent
        import traceback

        conn.send({"error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()[-2000:]})
    finally:
        conn.close()


def measure_best(stage: Stage, ctx: Ctx, repeat: int) -> dict:
    """``measure`` ``repeat`` times and keep the run with the least CPU time.

    The timeit convention: on a shared (virtual) machine noise only ever adds time, so the
    fastest run is the best estimate of the code's own cost. Every run's CPU seconds are
    kept in ``cpu_runs`` so the spread stays visible.
    """
    runs = [measure(stage, ctx) for _ in range(max(1, repeat))]
    ok = [r for r in runs if "cpu_s" in r]
    if not ok:
        return runs[0]
    best = min(ok, key=lambda r: r["cpu_s"])
    if len(runs) > 1:
        best = {**best, "cpu_runs": [r.get("cpu_s") for r in runs]}
    return best


def measure(stage: Stage, ctx: Ctx) -> dict:
    try:
        _target(stage.target)
    except (ImportError, AttributeError) as exc:
        return {"available": False, "why": f"{stage.target} not found ({type(exc).__name__}: {exc})"}
    if stage.needs == "store" and not (ctx.db and ctx.db.exists()):
        return {"available": False, "why": "needs the pipeline stage's store"}
    fork = mp.get_context("fork")
    parent, child = fork.Pipe(duplex=False)
    p = fork.Process(target=_child, args=(stage, ctx, child))
    p.start()
    child.close()
    res = parent.recv() if parent.poll(None) else {"error": "no result"}
    p.join()
    return res


def load_corpus(ctx: Ctx) -> dict:
    """The ingest stage: read, decode and clean every file (no store), in this process."""
    from marsad.ingest import iter_files, read_path
    from marsad.records import Article

    _reset_peak()
    base = round(_proc_kb("VmRSS") / 1024, 1)
    t0, c0 = time.perf_counter(), time.process_time()
    files = [f for f in iter_files([ctx.corpus]) if isinstance(f, Path)]
    errors = 0
    for f in files:
        for it in read_path(f):
            if isinstance(it, Article):
                ctx.articles.append(it)
            else:
                errors += 1
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    ctx.files = files
    return {"items": len(ctx.articles), "files": len(files), "errors": errors, "seconds": round(secs, 3),
            "cpu_s": round(cpu, 3), "peak_rss_mb": _peak_mb(), "base_rss_mb": base}


# ------------------------------------------------------------------ runs

def bench_corpus(corpus: Path, label: str, wanted: list[str], root: Path, results: Path,
                 repeat: int = 1) -> list[dict]:
    work = root / f"work-{label}"
    work.mkdir(parents=True, exist_ok=True)
    ctx = Ctx(corpus=corpus, work=work)
    nbytes = sum(f.stat().st_size for f in corpus.rglob("*") if f.is_file())
    rows = []

    def emit(name: str, res: dict) -> None:
        st = next((s for s in STAGES if s.name == name), None)
        row = {"corpus": label, "stage": name, **res}
        if "cpu_s" in res and res.get("items"):
            row["per_s"] = round(res["items"] / res["cpu_s"], 1) if res["cpu_s"] else None   # per CPU second
        if st and st.note:
            row["note"] = st.note
        rows.append(row)
        line = json.dumps(row, ensure_ascii=False)
        print(line if res.get("available", True) else f"{label} {name}: not available ({res['why']})", flush=True)
        with results.open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")

    if "pipeline" not in wanted and (work / "pipeline.db").exists():
        ctx.db = work / "pipeline.db"          # the store of an earlier pipeline run
    for st in STAGES:
        if st.needs in ("files", "store") and st.name in wanted:
            res = measure_best(st, ctx, repeat)
            if st.name == "pipeline" and "error" not in res:
                ctx.db = work / "pipeline.db"
            emit(st.name, res)
    if any(s.needs == "articles" and s.name in wanted for s in STAGES) or "ingest" in wanted:
        res = load_corpus(ctx)
        res["input_mb"] = round(nbytes / 2**20, 1)
        emit("ingest", res)
        for st in STAGES:
            if st.needs == "articles" and st.name in wanted:
                emit(st.name, measure_best(st, ctx, repeat))
    return rows


def ensure_corpus(n: int, root: Path, seed: int) -> Path:
    out = root / f"corpus-{n}"
    if not (out / "manifest.json").exists():
        import generate

        t0 = time.perf_counter()
        m = generate.generate(out, n, seed=seed)
        print(json.dumps({"generated": str(out), "seconds": round(time.perf_counter() - t0, 1), **m},
                         ensure_ascii=False), flush=True)
    return out / "corpus"


def saudinewsnet(root: Path) -> Path:
    src = REPO.parent / "shared" / "ext" / "saudinewsnet"
    if not src.exists():
        src = Path("/work/shared/ext/saudinewsnet")
    out = root / "saudinewsnet"
    if not out.exists():
        out.mkdir(parents=True)
        for z in sorted(src.glob("*.zip")):
            with zipfile.ZipFile(z) as zf:
                zf.extractall(out)
    return out


def table(rows: list[dict]) -> str:
    labels = list(dict.fromkeys(r["corpus"] for r in rows))
    lines = ["| stage | " + " | ".join(f"{lb} per CPU s | {lb} CPU s | {lb} peak RSS MB" for lb in labels)
             + " | cost ratio |",
             "|---|" + "---|---|---|" * len(labels) + "---|"]
    for name in STAGE_NAMES:
        cells, secs = [], []
        for lb in labels:
            r = next((x for x in rows if x["corpus"] == lb and x["stage"] == name), None)
            if r is None:
                cells += ["", "", ""]
                secs.append(None)
            elif not r.get("available", True):
                cells += ["not available", "", ""]
                secs.append(None)
            elif "error" in r:
                cells += ["error", "", ""]
                secs.append(None)
            else:
                unit = r.get("unit", "articles")
                extra = f" (p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms)" if "p95_ms" in r else ""
                cells += [f"{r.get('per_s')}{'' if unit == 'articles' else ' ' + unit}{extra}",
                          str(r["cpu_s"]), str(r["peak_rss_mb"])]
                secs.append((r["cpu_s"], r["items"]))
        ratios = []
        for a, b in zip(secs, secs[1:]):
            if a and b and a[0] and a[1]:
                ratios.append(f"{(b[0] / b[1]) / (a[0] / a[1]):.2f}")
        if any(cells):
            lines.append(f"| {name} | " + " | ".join(cells) + f" | {' / '.join(ratios)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="*", default=[], help="generated corpus sizes to measure")
    ap.add_argument("--corpus", type=Path, action="append", default=[], help="an existing folder of inputs")
    ap.add_argument("--saudinewsnet", action="store_true", help="also measure the SaudiNewsNet real articles")
    ap.add_argument("--stages", default=",".join(STAGE_NAMES), help="comma-separated: " + ",".join(STAGE_NAMES))
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="corpora, stores and results (not the repo)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=1,
                    help="run each stage N times and report the run with the least CPU time (all kept)")
    ap.add_argument("--src", help="measure this source tree instead of the repository's src/ (before/after)")
    a = ap.parse_args(argv)
    wanted = [s.strip() for s in a.stages.split(",") if s.strip()]
    unknown = set(wanted) - set(STAGE_NAMES)
    if unknown:
        ap.error(f"unknown stages: {', '.join(sorted(unknown))}")
    a.root.mkdir(parents=True, exist_ok=True)
    results = a.root / "results.jsonl"
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    print(json.dumps({"commit": commit, "src": _SRC, "python": platform.python_version(), "cpus": os.cpu_count(),
                      "machine": platform.machine(), "loadavg": os.getloadavg()}), flush=True)
    runs = [(ensure_corpus(n, a.root, a.seed), f"{n // 1000}k" if n % 1000 == 0 else str(n)) for n in a.sizes]
    runs += [(c, c.name) for c in a.corpus]
    if a.saudinewsnet:
        runs.append((saudinewsnet(a.root), "saudinewsnet"))
    if not runs:
        ap.error("give --sizes, --corpus or --saudinewsnet")
    rows = []
    for corpus, label in runs:
        rows += bench_corpus(corpus, label, wanted, a.root, results, a.repeat)
    print()
    print(table(rows))


if __name__ == "__main__":
    main()
