"""Engines: where the per-article stages run.

The per-article stages (read, clean, claims, mentions, quotes: :func:`marsad.pipeline.analyse`)
are pure functions of one file or article, so they can run anywhere; the corpus stages
(:func:`marsad.corpus.view.build_view`) then run once on the gathered analyses. Two engines:

* ``local``: in this process, in order;
* ``dask``: on a Dask cluster through ``dask.bag`` — a :class:`~dask.distributed.LocalCluster`
  of worker *processes* by default (both cores used), or any running scheduler given as
  ``tcp://host:8786``. Files are read by the workers, so on a real cluster the paths must be
  visible to every worker (a shared or network file system, or the same copy on each node),
  and every worker needs Marsad installed (``pip install marsad[dask]``).

Both engines give the same analyses in the same order, so the view is identical (tested).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from marsad.ingest import iter_files, read_path
from marsad.pipeline import Analysis, analyse
from marsad.records import Article, IngestError

__all__ = ["ENGINES", "EngineResult", "analyse_files", "analyse_articles", "dask_client"]

ENGINES = ("local", "dask")


@dataclass(slots=True)
class EngineResult:
    analyses: list[Analysis]
    errors: list[IngestError] = field(default_factory=list)
    engine: str = "local"
    workers: int = 1


def _read_and_analyse(path: str, use_ner: bool) -> list[Analysis | IngestError]:
    """One file: every article analysed, every bad item kept as an error (runs on a worker)."""
    out: list[Analysis | IngestError] = []
    for it in read_path(Path(path)):
        out.append(it if isinstance(it, IngestError) else analyse(it, use_ner=use_ner))
    return out


def _analyse_batch(articles: Sequence[Article], use_ner: bool) -> list[Analysis]:
    return [analyse(a, use_ner=use_ner) for a in articles]


def dask_client(scheduler: str | None = None, workers: int = 2):
    """A client on ``scheduler``, or on a new LocalCluster of ``workers`` single-threaded processes.

    Single-threaded processes because the stages are pure Python: threads would share one GIL.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:                           # pragma: no cover - depends on the install
        raise RuntimeError("the dask engine needs Dask: pip install 'marsad[dask]'") from exc
    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=40)
    return Client(cluster)


def analyse_files(paths: Iterable[str | Path], *, engine: str = "local", scheduler: str | None = None,
                  workers: int = 2, use_ner: bool = True, client: Any = None) -> EngineResult:
    """Read and analyse every article under ``paths`` with ``engine``; errors are collected."""
    files, errors = [], []
    for f in iter_files(paths):
        (errors if isinstance(f, IngestError) else files).append(f)
    if engine == "local":
        items = [it for f in files for it in _read_and_analyse(str(f), use_ner)]
        n = 1
    elif engine == "dask":
        import dask.bag as db

        own = client is None
        client = client or dask_client(scheduler, workers)
        try:
            n = max(1, len(client.scheduler_info().get("workers", {})))
            bag = db.from_sequence([str(f) for f in files], npartitions=max(1, min(len(files), n * 4)))
            items = bag.map(_read_and_analyse, use_ner).flatten().compute(scheduler=client)
        finally:
            if own:
                _close(client)
    else:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    analyses = [it for it in items if isinstance(it, Analysis)]
    errors += [it for it in items if isinstance(it, IngestError)]
    return EngineResult(_dedupe(analyses), errors, engine, n)


def analyse_articles(articles: Sequence[Article], *, engine: str = "local", scheduler: str | None = None,
                     workers: int = 2, use_ner: bool = True, client: Any = None) -> EngineResult:
    """Analyse articles already read (e.g. from a store) with ``engine``."""
    if engine == "local":
        return EngineResult(_analyse_batch(articles, use_ner), [], engine, 1)
    if engine != "dask":
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    import dask.bag as db

    own = client is None
    client = client or dask_client(scheduler, workers)
    try:
        n = max(1, len(client.scheduler_info().get("workers", {})))
        bag = db.from_sequence(list(articles), npartitions=max(1, min(len(articles), n * 4)))
        analyses = bag.map_partitions(_analyse_batch, use_ner).compute(scheduler=client)
    finally:
        if own:
            _close(client)
    return EngineResult(list(analyses), [], engine, n)


def _dedupe(analyses: list[Analysis]) -> list[Analysis]:
    """The same content read twice (a copy in two files) is one article, as in the store."""
    seen, out = set(), []
    for an in analyses:
        if an.article.id not in seen:
            seen.add(an.article.id)
            out.append(an)
    return out


def _close(client: Any) -> None:
    cluster = getattr(client, "cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()
