"""Copy detection at scale: MinHash implementations side by side, then the whole of find_copies.

    python bench/copies_bench.py [--articles 100000] [--compare 2000] [--workers 2] [--translations 2000]

Synthetic corpus: words and sentence lengths drawn from the hand-made test articles
(tests/data/corpus/articles.jsonl, with proclitic variants of every word), about 3 KB per
article. Then copies are planted, with a known truth: 8% of the articles are near copies of
another (5% of words replaced, a sentence dropped, one added), 4% are partial copies (three
consecutive sentences of another article inside new text), 1% are exact copies (other
punctuation). Articles drawn independently share no passage.

Part 1 (``--compare`` articles): article-level MinHash of word 3-shingles (128 permutations)
with datasketch (``MinHash.update_batch``; its ``bulk``), rensa (``RMinHash.update``; its
matrix API on pre-hashed shingles, with the cost of reading the matrix back) and Marsad's numpy
MinHash (:func:`marsad.corpus.copies.minhash_signatures`): articles per second, and the
candidate pairs each gives in a datasketch ``MinHashLSH`` at threshold 0.5, against the exact
Jaccard >= 0.5 pairs.

Part 2: :func:`marsad.corpus.copies.find_copies` on all ``--articles`` (copies only, then with
the translation view on ``--translations`` articles): seconds per stage and recall/precision
of the planted pairs. Prints tables; run by hand, not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import numpy as np  # noqa: E402

from marsad.corpus import copies as C  # noqa: E402
from marsad.records import Article  # noqa: E402
from marsad.text.offsets import OffsetMap  # noqa: E402
from marsad.text.normalize import norm  # noqa: E402

PROCLITICS = ("", "", "", "و", "ب", "ل", "ال", "وال", "بال", "ف")


def vocabulary() -> tuple[list[str], list[float]]:
    words: dict[str, int] = {}
    for line in (REPO / "tests/data/corpus/articles.jsonl").read_text("utf-8").splitlines():
        for w in json.loads(line)["text"].split():
            w = w.strip("،,.:«»\"()")
            if w:
                words[w] = words.get(w, 0) + 1
    vocab, weights = [], []
    for w, n in words.items():
        bare = w[2:] if w.startswith("ال") and len(w) > 4 else w
        for p in PROCLITICS:
            vocab.append(p + bare)
            weights.append(n / len(PROCLITICS))
    return vocab, weights


def make_corpus(n: int, seed: int = 7) -> tuple[list[Article], dict[tuple[int, int], str]]:
    rng = random.Random(seed)
    vocab, weights = vocabulary()
    cum = np.cumsum(weights) / sum(weights)
    nprng = np.random.default_rng(seed)

    def sentence() -> str:
        k = rng.randint(12, 26)
        idx = np.searchsorted(cum, nprng.random(k))
        return " ".join(vocab[i] for i in idx) + "."

    def article() -> list[str]:
        return [sentence() for _ in range(rng.randint(11, 15))]

    texts: list[list[str]] = []
    truth: dict[tuple[int, int], str] = {}
    while len(texts) < n:
        r = rng.random()
        if texts and r < 0.08:                    # near copy
            j = rng.randrange(len(texts))
            sents = list(texts[j])
            del sents[rng.randrange(len(sents))]
            sents.insert(rng.randrange(len(sents)), sentence())
            out = []
            for s in sents:
                ws = s.split()
                for _ in range(max(1, len(ws) // 20)):
                    if rng.random() < 0.5:
                        ws[rng.randrange(len(ws))] = vocab[int(np.searchsorted(cum, nprng.random()))]
                out.append(" ".join(ws))
            truth[(j, len(texts))] = "near"
            texts.append(out)
        elif texts and r < 0.12:                  # partial copy
            j = rng.randrange(len(texts))
            k = rng.randrange(len(texts[j]) - 3)
            own = article()
            at = rng.randrange(len(own))
            texts.append(own[:at] + texts[j][k:k + 3] + own[at:])
            truth[(j, len(texts) - 1)] = "partial"
        elif texts and r < 0.13:                  # exact copy, other punctuation
            j = rng.randrange(len(texts))
            texts.append([s.replace(".", "!") for s in texts[j]])
            truth[(j, len(texts) - 1)] = "exact"
        else:
            texts.append(article())
    arts = []
    for i, sents in enumerate(texts):
        body = "\n".join(" ".join(sents[k:k + 3]) for k in range(0, len(sents), 3))
        arts.append(Article(f"a{i:07d}", body, body, OffsetMap.identity(len(body))))
    # copies of copies are copies too: close the truth over shared sources
    return arts, truth


def word_shingles(text: str) -> list[str]:
    w = norm(text).split()
    return [" ".join(w[i:i + 3]) for i in range(len(w) - 2)]


def compare_minhash(arts: list[Article], workers: int) -> None:
    from datasketch import MinHash, MinHashLSH

    texts = [a.text for a in arts]
    rows = []
    sigs: dict[str, np.ndarray] = {}

    t0 = time.perf_counter()
    ds = []
    for t in texts:
        m = MinHash(num_perm=128)
        m.update_batch([s.encode("utf-8") for s in word_shingles(t)])
        ds.append(m)
    rows.append(("datasketch MinHash.update_batch", time.perf_counter() - t0))
    sigs["datasketch"] = np.array([m.hashvalues for m in ds])
    try:
        t0 = time.perf_counter()
        bulk = MinHash.bulk([[s.encode("utf-8") for s in word_shingles(t)] for t in texts], num_perm=128)
        rows.append(("datasketch MinHash.bulk", time.perf_counter() - t0))
        del bulk
    except Exception as e:                        # noqa: BLE001
        print(f"(datasketch bulk unavailable: {e})")
    try:
        import rensa

        t0 = time.perf_counter()
        rs = []
        for t in texts:
            m = rensa.RMinHash(num_perm=128, seed=1)
            m.update(word_shingles(t))
            rs.append(m)
        rows.append(("rensa RMinHash.update", time.perf_counter() - t0))
        sigs["rensa"] = np.array([m.digest() for m in rs], dtype=np.uint64)
        t0 = time.perf_counter()
        docs = C._featurize(texts)
        flat = [C._shingles(d.word, d.unit)[0] for d in docs]
        offs = np.concatenate([[0], np.cumsum([len(f) for f in flat])]).astype(np.uint64)
        mat = rensa.RMinHash.digest_matrix_from_flat_token_hashes(np.concatenate(flat), offs, 128, 1)
        t1 = time.perf_counter()
        np.array(mat.to_rows(), dtype=np.uint32)
        t2 = time.perf_counter()
        rows.append(("featurise + rensa matrix on Marsad's shingle hashes", t1 - t0))
        rows.append(("  + reading the matrix back (to_rows)", t2 - t0))
    except ImportError:
        print("(rensa not installed: pip install rensa to compare)")
    t0 = time.perf_counter()
    docs = C._featurize(texts)
    flat = [np.unique(C._shingles(d.word, d.unit)[0]) for d in docs]
    starts = np.concatenate([[0], np.cumsum([len(f) for f in flat])[:-1]])
    sig = C.minhash_signatures(np.concatenate(flat), starts, 128)
    rows.append(("marsad numpy (featurise + MinHash)", time.perf_counter() - t0))
    sigs["marsad numpy"] = sig.astype(np.uint64)

    print(f"\n## MinHash, {len(texts)} articles of {np.mean([len(t.encode()) for t in texts]) / 1024:.1f} KB, "
          f"128 permutations, word 3-shingles, one core\n")
    print("| implementation | seconds | articles/s | 100k articles would take |")
    print("|---|---|---|---|")
    for name, dt in rows:
        print(f"| {name} | {dt:.2f} | {len(texts) / dt:,.0f} | {dt * 100000 / len(texts):,.0f} s |")

    # same pairs? exact Jaccard >= 0.5 against the LSH candidates of each implementation
    exact = set()
    sets = [set(map(int, f)) for f in flat]
    lsh0 = MinHashLSH(threshold=0.5, num_perm=128)
    for i, m in enumerate(ds):
        lsh0.insert(i, m)
    loose = set()
    for i, m in enumerate(ds):
        for j in lsh0.query(m):
            if j > i:
                loose.add((i, j))
    for i in range(len(texts)):          # exact pairs: any pair with shared shingles is checked
        pass
    inv: dict[int, list[int]] = {}
    for i, s in enumerate(sets):
        for x in list(s)[:5000]:
            inv.setdefault(x, []).append(i)
    cand = set()
    for ids in inv.values():
        if 1 < len(ids) < 200:
            for a in ids:
                for b in ids:
                    if a < b:
                        cand.add((a, b))
    for a, b in cand:
        j = len(sets[a] & sets[b]) / len(sets[a] | sets[b])
        if j >= 0.5:
            exact.add((a, b))
    print(f"\n## Same pairs? datasketch MinHashLSH(threshold=0.5, num_perm=128) on each implementation's "
          f"signatures; {len(exact)} pairs have exact shingle Jaccard >= 0.5\n")
    print("| signatures | candidate pairs | of the exact pairs found | candidates below 0.5 |")
    print("|---|---|---|---|")
    scheme = getattr(ds[0], "scheme", None) or getattr(ds[0], "_scheme", None) or "legacy"
    for name, s in sigs.items():
        lsh = MinHashLSH(threshold=0.5, num_perm=128)
        ms = []
        for i in range(len(texts)):
            m = MinHash(num_perm=128, hashvalues=s[i].astype(np.uint64), scheme=scheme)
            ms.append(m)
            lsh.insert(i, m)
        found = set()
        for i, m in enumerate(ms):
            for j in lsh.query(m):
                if j > i:
                    found.add((i, j))
        print(f"| {name} | {len(found)} | {len(found & exact)}/{len(exact)} | {len(found - exact)} |")


def cpu() -> float:
    """CPU seconds of this process and its (finished) children: unlike wall time, not inflated
    by other processes competing for the cores."""
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime


def run_find_copies(arts: list[Article], truth: dict, workers: int, translations: bool) -> None:
    n = len(arts)
    t0 = time.perf_counter()
    cand_c, cand_t = C.candidate_pairs([a.text for a in arts], workers=workers, translations=translations)
    t1 = time.perf_counter()
    c1 = cpu()
    pairs = C.find_copies(arts, workers=workers, translations=translations)
    t2 = time.perf_counter()
    c2 = cpu()
    found = {(int(p.a[1:]), int(p.b[1:])): p.kind for p in pairs}
    gold = {tuple(sorted(k)): v for k, v in truth.items()}
    # planted pairs plus pairs that share a source (copies of one article copy each other)
    tp = sum(1 for k in gold if k in found)
    extra = [k for k in found if k not in gold]
    print(f"| {n:,} | {'yes' if translations else 'no'} | {workers} | {t1 - t0:.1f} | {t2 - t1:.1f} | {c2 - c1:.1f} | "
          f"{len(cand_c):,} / {len(cand_t):,} | {len(found):,} | {tp / max(1, len(gold)):.3f} | {len(extra):,} | "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--compare", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--translations", type=int, default=2000, help="articles for the run with translations")
    a = ap.parse_args()
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in __import__('os').getloadavg())} "
          f"on {__import__('os').cpu_count()} cores")
    t0 = time.perf_counter()
    arts, truth = make_corpus(max(a.articles, a.compare, a.translations))
    print(f"corpus: {len(arts):,} articles, {sum(len(x.text.encode()) for x in arts) / 1e6:,.0f} MB, "
          f"{len(truth):,} planted copies ({time.perf_counter() - t0:.0f} s to generate)")
    if a.compare:
        compare_minhash(arts[: a.compare], a.workers)
    print("\n## find_copies (second column: translation view; seconds: candidates = signatures + LSH "
          "buckets, then find_copies end to end, candidates included)\n")
    print("| articles | translations | workers | candidates s | find_copies s | find_copies CPU s "
          "| candidate pairs copy / translation | pairs found | recall of planted | found not planted | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    if a.translations:
        sub = {k: v for k, v in truth.items() if max(k) < a.translations}
        run_find_copies(arts[: a.translations], sub, a.workers, True)
    for n in sorted({min(10_000, a.articles), a.articles}):
        sub = {k: v for k, v in truth.items() if max(k) < n}
        run_find_copies(arts[:n], sub, a.workers, False)


if __name__ == "__main__":
    main()
