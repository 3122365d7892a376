"""Dump every per-article output of a corpus, to check that a speed-up changed nothing.

    python bench/outputs_dump.py CORPUS_DIR OUT.jsonl [--limit N] [--no-ner]
    diff <(python bench/outputs_dump.py ... before) <(... after)

One JSON line per article and stage (article id, cleaned text hash, numbers, sentences, claims,
claims with linked sources as the pipeline stores them, mentions with and without the tagger,
quotes), in a stable order. Run before and after a performance change and ``cmp`` the files.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from marsad.extract.claims import extract_claims  # noqa: E402
from marsad.extract.entities import find_mentions  # noqa: E402
from marsad.extract.quotes import extract_quotes  # noqa: E402
from marsad.ingest import iter_files, read_path  # noqa: E402
from marsad.pipeline import analyse_claims, article_mentions  # noqa: E402
from marsad.records import Article  # noqa: E402
from marsad.text.numbers import find_numbers  # noqa: E402
from marsad.text.sentences import split_sentences  # noqa: E402


def plain(x):
    if dataclasses.is_dataclass(x):
        return {f.name: plain(getattr(x, f.name)) for f in dataclasses.fields(x)}
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    if isinstance(x, dict):
        return {str(k): plain(v) for k, v in x.items()}
    return x


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--no-ner", action="store_true")
    a = ap.parse_args()
    n = 0
    with a.out.open("w", encoding="utf-8") as fh:
        for f in iter_files([a.corpus]):
            if not isinstance(f, Path):
                continue
            for it in read_path(f):
                if not isinstance(it, Article):
                    fh.write(json.dumps({"error": str(it)}, ensure_ascii=False) + "\n")
                    continue
                d = plain(it)
                d.pop("offsets")
                d["offsets"] = it.offsets.to_list()
                rec = {"article": d,
                       "sentences": plain(split_sentences(it.text)),
                       "numbers": plain(find_numbers(it.text)),
                       "claims": plain(extract_claims(it.text, published=it.published, article_id=it.id)),
                       "claims_linked": plain(analyse_claims(it)),
                       "mentions": plain(find_mentions(it.text, use_ner=False)),
                       "quotes": plain(extract_quotes(it.text))}
                if not a.no_ner:
                    rec["mentions_ner"] = plain(find_mentions(it.text, use_ner=True))
                    rec["article_mentions"] = plain(article_mentions(it))
                for k, v in rec.items():
                    fh.write(json.dumps({"id": it.id, "stage": k, "v": v}, ensure_ascii=False, default=str,
                                        sort_keys=True) + "\n")
                n += 1
                if a.limit and n >= a.limit:
                    print(json.dumps({"articles": n, "out": str(a.out)}))
                    return
    print(json.dumps({"articles": n, "out": str(a.out), "sha256": hashlib.sha256(a.out.read_bytes()).hexdigest()[:16]}))


if __name__ == "__main__":
    main()
