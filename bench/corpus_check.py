"""How realistic a generated corpus is for the corpus-level stages, against its truth.json.

    python bench/corpus_check.py CORPUS_DIR [--overlap] [--copies] [--stories] [--pairs 20000]

``CORPUS_DIR`` is what ``bench/generate.py`` wrote (with ``corpus/`` and ``truth.json``).
Articles are read as the pipeline reads them (:func:`marsad.ingest.read_path`), each mapped
back to its document (``id`` field of a JSON line, file name of a txt file).

* ``--overlap``: word 3-shingle statistics of the cleaned texts (words normalised with
  :func:`marsad.text.normalize.norm`, sentences from :func:`marsad.text.sentences.split_sentences`),
  over random pairs of originals (no planted copy): the share of pairs of *different*
  stories that share a whole sentence, or a sentence "copy link" as ``find_copies`` defines it
  (at least 4 shared 3-shingles covering half of the shorter sentence), and the article
  Jaccard of pairs of the *same* story (median, 95th percentile, share >= 0.2 and >= 0.5).
* ``--copies``: :func:`marsad.corpus.copies.find_copies` over all articles (``--no-translations``:
  the copy view only): pairs by kind,
  recall of the planted copies (an exact copy whose cleaned text is the same has the same
  article id: found by identity), precision against the planted pairs and against copy
  families (copies of one source copy each other), and the pairs of different stories.
* ``--stories``: :func:`marsad.corpus.stories.cluster_stories`: number of stories found and
  true, pairwise precision and recall (same-story pairs of documents), purity.

Prints one JSON object per part. Run by hand; not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))


def load(corpus: Path):
    from marsad.ingest import iter_files, read_path
    from marsad.records import Article

    arts, docs = [], []
    for f in iter_files([corpus / "corpus"]):
        if not isinstance(f, Path):
            continue
        for a in read_path(f):
            if isinstance(a, Article):
                arts.append(a)
                docs.append(a.extra.get("id") or Path(a.source_path).stem.split("_")[0])
    truth = json.loads((corpus / "truth.json").read_text("utf-8"))
    return arts, docs, truth


def _shingle_sents(text: str):
    from marsad.text.normalize import norm
    from marsad.text.sentences import split_sentences

    sents = []
    for s in split_sentences(text):
        w = norm(text[s.start:s.end]).split()
        w = [x.strip(".,،:؛«»\"()!?") for x in w]
        w = [x for x in w if x]
        sents.append((" ".join(w), {tuple(w[i:i + 3]) for i in range(len(w) - 2)}))
    return sents


def overlap(arts, docs, truth, n_pairs: int, seed: int = 1) -> dict:
    info = {d["doc"]: d for d in truth["docs"]}
    rng = random.Random(seed)
    orig = [i for i, d in enumerate(docs) if info[d]["kind"] == "original"]
    by_story = defaultdict(list)
    for i in orig:
        by_story[info[docs[i]]["story"]].append(i)
    cache: dict[int, list] = {}

    def sents(i):
        if i not in cache:
            cache[i] = _shingle_sents(arts[i].text)
        return cache[i]

    def compare(i, j):
        a, b = sents(i), sents(j)
        whole = bool({s for s, _ in a if len(s.split()) >= 5} & {s for s, _ in b if len(s.split()) >= 5})
        link = False
        for _, sa in a:
            if len(sa) < 1:
                continue
            for _, sb in b:
                sh = len(sa & sb)
                if sh >= 4 and sh >= 0.5 * min(len(sa), len(sb)):
                    link = True
                    break
            if link:
                break
        ua = set().union(*[s for _, s in a]) if a else set()
        ub = set().union(*[s for _, s in b]) if b else set()
        jac = len(ua & ub) / max(1, len(ua | ub))
        return whole, link, jac

    diff = same = 0
    d_whole = d_link = 0
    s_whole = s_link = 0
    s_jac = []
    tries = 0
    multi = [v for v in by_story.values() if len(v) >= 2]
    weights = [len(v) * (len(v) - 1) for v in multi]
    while (diff < n_pairs or same < n_pairs) and tries < 10 * n_pairs:
        tries += 1
        if diff < n_pairs:
            i, j = rng.sample(orig, 2)
            if info[docs[i]]["story"] != info[docs[j]]["story"]:
                w, l, _ = compare(i, j)
                diff += 1
                d_whole += w
                d_link += l
        if same < n_pairs and multi:
            grp = rng.choices(multi, weights)[0]
            i, j = rng.sample(grp, 2)
            w, l, jac = compare(i, j)
            same += 1
            s_whole += w
            s_link += l
            s_jac.append(jac)
        if len(cache) > 5000:
            cache.clear()
    s_jac.sort()
    return {"part": "overlap", "pairs_different_story": diff,
            "different_story_share_whole_sentence": round(d_whole / max(1, diff), 5),
            "different_story_share_copy_link": round(d_link / max(1, diff), 5),
            "pairs_same_story": same, "same_story_share_whole_sentence": round(s_whole / max(1, same), 4),
            "same_story_share_copy_link": round(s_link / max(1, same), 4),
            "same_story_jaccard_median": round(statistics.median(s_jac), 4) if s_jac else None,
            "same_story_jaccard_p95": round(s_jac[int(0.95 * (len(s_jac) - 1))], 4) if s_jac else None,
            "same_story_jaccard_ge_0.2": round(sum(x >= 0.2 for x in s_jac) / max(1, len(s_jac)), 4),
            "same_story_jaccard_ge_0.5": round(sum(x >= 0.5 for x in s_jac) / max(1, len(s_jac)), 4)}


def _families(truth) -> dict[str, str]:
    parent: dict[str, str] = {}

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x
    for d in truth["docs"]:
        if d.get("copy_of"):
            a, b = find(d["doc"]), find(d["copy_of"])
            if a != b:
                parent[a] = b
    return {d["doc"]: find(d["doc"]) for d in truth["docs"]}


def copies(arts, docs, truth, workers: int | None, translations: bool = True) -> dict:
    from marsad.corpus.copies import find_copies

    info = {d["doc"]: d for d in truth["docs"]}
    fam = _families(truth)
    t0, c0 = time.perf_counter(), time.process_time()
    pairs = find_copies(arts, workers=workers, translations=translations)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    docs_of: dict[str, list[str]] = defaultdict(list)
    for a, d in zip(arts, docs):
        docs_of[a.id].append(d)
    aid = {d: a.id for a, d in zip(arts, docs)}
    kinds = Counter(p.kind for p in pairs)
    found = {(p.a, p.b): p.kind for p in pairs}
    planted = [(d["doc"], d["copy_of"], d["kind"]) for d in truth["docs"] if d.get("copy_of")]
    rec = Counter()
    tot = Counter()
    missed = []
    for doc, src, kind in planted:
        tot[kind] += 1
        x, y = aid.get(doc), aid.get(src)
        if x is None or y is None:
            continue
        if x == y or tuple(sorted((x, y))) in found:
            rec[kind] += 1
        else:
            missed.append((doc, src, kind, info[doc].get("jaccard")))
    planted_ids = {tuple(sorted((aid[d], aid[s]))) for d, s, _ in planted if d in aid and s in aid}
    in_planted = in_family = diff_story = 0
    wrong = Counter()
    examples = []
    for (a, b), kind in found.items():
        da, db = docs_of[a][0], docs_of[b][0]
        if (a, b) in planted_ids:
            in_planted += 1
        if fam[da] == fam[db]:
            in_family += 1
        else:
            wrong[kind] += 1
            if len(examples) < 5:
                examples.append((da, db, kind))
        diff_story += info[da]["story"] != info[db]["story"]
    n = len(found)
    return {"part": "copies", "translations": translations, "articles": len(arts), "unique_ids": len(docs_of), "seconds": round(secs, 1),
            "cpu_s_parent": round(cpu, 1), "pairs": n, "pairs_by_kind": dict(kinds),
            "planted": dict(tot), "recall_by_kind": {k: round(rec[k] / tot[k], 3) for k in tot},
            "recall": round(sum(rec.values()) / max(1, sum(tot.values())), 4),
            "precision_planted_pairs": round(in_planted / max(1, n), 4),
            "precision_copy_families": round(in_family / max(1, n), 4),
            "pairs_outside_families_by_kind": dict(wrong), "pairs_of_different_stories": diff_story,
            "missed_examples": missed[:8], "false_examples": examples}


def stories(arts, docs, truth) -> dict:
    from marsad.corpus.stories import cluster_stories

    info = {d["doc"]: d for d in truth["docs"]}
    t0, c0 = time.perf_counter(), time.process_time()
    found = cluster_stories(arts)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    story_of = {}
    for s in found:
        for a in s.articles:
            story_of[a] = s.id
    pred = [story_of[a.id] for a in arts]
    gold = [info[d]["story"] for d in docs]
    cont = Counter(zip(gold, pred))
    c2 = lambda k: k * (k - 1) // 2  # noqa: E731
    tp = sum(c2(v) for v in cont.values())
    pp = sum(c2(v) for v in Counter(pred).values())
    gp = sum(c2(v) for v in Counter(gold).values())
    purity = sum(max(v for (g, p), v in cont.items() if p == q) for q in set(pred)) / len(arts)
    sizes = sorted(Counter(pred).values(), reverse=True)
    gsizes = sorted(Counter(gold).values(), reverse=True)
    return {"part": "stories", "articles": len(arts), "seconds": round(secs, 1), "cpu_s": round(cpu, 1),
            "stories_found": len(set(pred)), "stories_true": len(set(gold)),
            "pairwise_precision": round(tp / max(1, pp), 4), "pairwise_recall": round(tp / max(1, gp), 4),
            "purity": round(purity, 4), "largest_found": sizes[:5], "largest_true": gsizes[:5],
            "singletons_found": sum(1 for x in sizes if x == 1), "singletons_true": sum(1 for x in gsizes if x == 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--overlap", action="store_true")
    ap.add_argument("--copies", action="store_true")
    ap.add_argument("--stories", action="store_true")
    ap.add_argument("--pairs", type=int, default=20000, help="pairs sampled for --overlap (each kind)")
    ap.add_argument("--workers", type=int, default=None, help="find_copies workers (default: its own)")
    ap.add_argument("--no-translations", action="store_true", help="find_copies without its translation view")
    a = ap.parse_args()
    arts, docs, truth = load(a.corpus)
    print(json.dumps({"corpus": str(a.corpus), "articles": len(arts),
                      "mean_text_bytes": round(sum(len(x.text.encode()) for x in arts) / max(1, len(arts)))}),
          flush=True)
    if a.overlap:
        print(json.dumps(overlap(arts, docs, truth, a.pairs), ensure_ascii=False), flush=True)
    if a.copies:
        print(json.dumps(copies(arts, docs, truth, a.workers, not a.no_translations), ensure_ascii=False), flush=True)
    if a.stories:
        print(json.dumps(stories(arts, docs, truth), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
