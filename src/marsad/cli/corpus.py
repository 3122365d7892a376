"""Corpus commands: ``compare`` and ``brief`` (the view across articles)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table
from rich.text import Text

__all__ = ["register", "load_view"]


def load_view(files: Optional[List[Path]], db: Optional[str], *, use_ner: bool = True, story: Optional[str] = None):
    """The corpus view of ``files`` (read directly) or of the store; of one story when ``story`` is given."""
    from marsad.cli.main import _read_articles, _stored_articles, err
    from marsad.corpus.view import build_view, ranked_stories, story_articles
    from marsad.pipeline import analyse

    arts = [a for _, a in (list(_read_articles(files)) if files else _stored_articles(db))]
    if story:      # only the story's articles go through the stages; stories need the articles alone
        try:
            keep = set(story_articles(ranked_stories(arts), story))
        except KeyError as exc:
            err.print(f"[red]error:[/red] {exc.args[0]}")
            raise typer.Exit(2)
        arts = [a for a in arts if a.id in keep]
    return build_view([analyse(a, use_ner=use_ner) for a in arts])


StoryOption = typer.Option(None, "--story", help="Only this story (id, id prefix, or its number in `marsad stories`).")


def report_parts(view) -> dict:
    """The optional report sections computed from the view (stories, timeline, copies, quality)."""
    return {"timeline": view.timeline_rows(), "copies": view.copy_rows(), "stories": view.story_rows(),
            "quality": {an.article.id: an.quality.to_dict() for an in view.analyses if an.quality is not None}}


_STATUS_STYLE = {"contradiction": "bold red", "change": "yellow", "agreement": "green", "single": "dim"}


def register(app: typer.Typer) -> None:
    from marsad.cli.main import DbOption, JsonOption, _print_json, out

    @app.command()
    def compare(
        files: List[Path] = typer.Argument(None, help="Article files to read. Omit to use the store."),
        db: Optional[str] = DbOption,
        json_: bool = JsonOption,
        category: Optional[str] = typer.Option(None, help="Only this category (troops, casualties, ...)."),
        all_rows: bool = typer.Option(False, "--all", help="Also rows with a single source."),
        story: Optional[str] = StoryOption,
        no_ner: bool = typer.Option(False, "--no-ner", help="Gazetteer and rules only, without the tagger."),
    ) -> None:
        """What each source claims for the same thing: a matrix of figures by source, with
        contradictions (incompatible figures at a comparable time) apart from agreement and
        from change over time."""
        view = load_view(files, db, use_ner=not no_ner, story=story)
        measures = [m for m in view.comparison.measures if (not category or m.category == category)
                    and (all_rows or len(m.cells) > 1)]
        if json_:
            d = view.comparison.to_dict()
            keep = {m.key for m in measures}
            d["measures"] = [m for m in d["measures"] if m["key"] in keep]
            _print_json(d)
            return
        if not measures:
            out.print("No figure is given by more than one source (use --all to see every row).")
            return
        for m in measures:
            t = Table(title=Text(f"{m.label_ar}  ·  {m.label_en}  ·  {m.status}", style=_STATUS_STYLE[m.status]),
                      title_justify="left", show_lines=False)
            for col in ("source", "value", "date", "article", "evidence"):
                t.add_column(col, overflow="fold")
            disputed = m.disputed
            for c in m.cells:
                for r in c.claims:
                    style = "red" if id(r) in disputed else None
                    t.add_row(c.source_label, Text(_fmt_ref(r), style=style), r.date or "?", r.doc, r.claim.text)
            out.print(t)
            for f in m.findings:
                if f.kind != "agreement":
                    out.print(Text(f"  {f.kind}: {f.note}", style=_STATUS_STYLE[f.kind]))
            out.print()

    @app.command()
    def analyze(
        files: List[Path] = typer.Argument(None, help="Files or folders to analyse. Omit to analyse the store."),
        db: Optional[str] = DbOption,
        engine: str = typer.Option("local", help="local (this process) or dask (a Dask cluster)."),
        scheduler: Optional[str] = typer.Option(None, help="Dask scheduler address (tcp://host:8786); "
                                                           "default: a LocalCluster on this machine."),
        workers: int = typer.Option(2, help="Worker processes of the LocalCluster."),
        out_path: Optional[Path] = typer.Option(None, "--out", help="Write the whole view as JSON here."),
        no_ner: bool = typer.Option(False, "--no-ner", help="Gazetteer and rules only, without the tagger."),
    ) -> None:
        """Run every stage over a corpus: the per-article stages on the chosen engine, then the
        corpus stages (entities across articles, comparison) on the gathered results."""
        import json
        import time

        from marsad.cli.main import _stored_articles, err
        from marsad.corpus.view import build_view
        from marsad.engine import ENGINES, analyse_articles, analyse_files

        if engine not in ENGINES:
            err.print(f"[red]error:[/red] unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
            raise typer.Exit(2)
        t0 = time.perf_counter()
        try:
            if files:
                res = analyse_files(files, engine=engine, scheduler=scheduler, workers=workers, use_ner=not no_ner)
            else:
                res = analyse_articles([a for _, a in _stored_articles(db)], engine=engine, scheduler=scheduler,
                                       workers=workers, use_ner=not no_ner)
        except OSError as exc:
            err.print(f"[red]error:[/red] cannot reach the Dask scheduler {scheduler}: {exc}")
            raise typer.Exit(2)
        t1 = time.perf_counter()
        view = build_view(res.analyses)
        t2 = time.perf_counter()
        for e in res.errors:
            err.print(f"[red]error:[/red] {e}")
        n = len(res.analyses)
        m = view.comparison.measures
        out.print(f"{n} articles analysed on {res.engine} ({res.workers} worker{'s' if res.workers > 1 else ''}) "
                  f"in {t1 - t0:.1f} s ({n / max(t1 - t0, 1e-9):.0f} articles/s); corpus stages {t2 - t1:.1f} s")
        out.print(f"{len(view.entities)} entities, {len(view.refs)} claims, {len(m)} measures, "
                  f"{sum(1 for x in m if x.contradictions)} with contradictions, {len(res.errors)} errors")
        if out_path:
            out_path.write_text(json.dumps(view.to_dict(), ensure_ascii=False, indent=1, default=str),
                                encoding="utf-8")
            out.print(f"view written to {out_path}")
        if res.errors:
            raise typer.Exit(1)

    @app.command()
    def report(
        files: List[Path] = typer.Argument(None, help="Article files or folders. Omit to use the store."),
        db: Optional[str] = DbOption,
        html_path: Path = typer.Option(..., "--html", help="Write the report to this HTML file."),
        title: Optional[str] = typer.Option(None, help="Report title (default: the main story's label)."),
        all_rows: bool = typer.Option(False, "--all", help="Also figures given by a single source."),
        story: Optional[str] = StoryOption,
        no_ner: bool = typer.Option(False, "--no-ner", help="Gazetteer and rules only, without the tagger."),
    ) -> None:
        """One self-contained right-to-left HTML report: brief, claims matrix with contradictions,
        charts of each figure by source and date, timeline, copies, entities and the articles
        with their claims and entities highlighted. Opens offline in any browser."""
        from marsad.corpus.report import render_report

        view = load_view(files, db, use_ner=not no_ner, story=story)
        html_path.write_text(render_report(view, title=title, all_rows=all_rows, **report_parts(view)),
                             encoding="utf-8")
        out.print(f"report written to {html_path} ({len(view.analyses)} articles, "
                  f"{sum(1 for m in view.comparison.measures if m.contradictions)} figures in contradiction)")

    @app.command()
    def timeline(
        files: List[Path] = typer.Argument(None, help="Article files or folders. Omit to use the store."),
        db: Optional[str] = DbOption,
        json_: bool = JsonOption,
        story: Optional[str] = StoryOption,
        no_ner: bool = typer.Option(False, "--no-ner", help="Gazetteer and rules only, without the tagger."),
    ) -> None:
        """What happened when: meetings, visits, talks, agreements, deployments, attacks, launches
        and casualty reports, dated against each article's publication date (ranges when the text
        is vague: "الخريف الماضي", "في أواخر فبراير"), each citing the articles that report it."""
        view = load_view(files, db, use_ner=not no_ner, story=story)
        if json_:
            _print_json([t.to_dict() for t in view.timeline])
            return
        t = Table(title=f"{len(view.timeline)} events in {len(view.analyses)} articles")
        for col in ("date", "dated by", "event", "reported by"):
            t.add_column(col, overflow="fold")
        for row in view.timeline_rows():
            when = row["date_min"] or (f"«{row['when_text']}» (unresolved: no publication date)" if row["when_text"] else "?")
            if row["date_max"] and row["date_max"] != row["date_min"]:
                when += f" – {row['date_max']}"
            t.add_row(when, row["dated_by"], row["label"], ", ".join(c["doc"] for c in row["cites"]))
        out.print(t)

    @app.command()
    def stories(
        files: List[Path] = typer.Argument(None, help="Article files or folders. Omit to use the store."),
        db: Optional[str] = DbOption,
        json_: bool = JsonOption,
        no_ner: bool = typer.Option(False, "--no-ner", help="Gazetteer and rules only, without the tagger."),
    ) -> None:
        """Stories: articles clustered as they arrive (an article joins a story or opens one),
        each with a label, its key entities and its date span. Use a story's number or id with
        --story on compare, timeline, brief and report."""
        view = load_view(files, db, use_ner=not no_ner)
        rows = view.story_rows()
        if json_:
            _print_json([{**s.to_dict(), "docs": r["docs"]} for s, r in zip(view.stories, rows)])
            return
        t = Table(title=f"{len(rows)} stories in {len(view.analyses)} articles")
        for col in ("#", "id", "label", "articles", "key entities", "dates"):
            t.add_column(col, overflow="fold")
        for i, r in enumerate(rows, 1):
            span = (r["date_min"] or "?") + (f" – {r['date_max']}" if r["date_max"] and r["date_max"] != r["date_min"] else "")
            t.add_row(str(i), r["id"], r["label"], f"{r['articles']}: " + ", ".join(r["docs"][:6]),
                      "، ".join(r["entities"][:6]), span)
        out.print(t)

    @app.command()
    def copies(
        files: List[Path] = typer.Argument(None, help="Article files or folders. Omit to use the store."),
        db: Optional[str] = DbOption,
        json_: bool = JsonOption,
        translations: bool = typer.Option(
            True, "--translations/--no-translations",
            help="Also look for re-translations and rewrites of one source (about 30 articles a "
                 "second); without, exact, near and partial copies only (over 1,000 a second)."),
    ) -> None:
        """Which reports copy or re-translate each other, passage by passage: exact and near
        copies (MinHash over word shingles) and re-translations of one source (character
        n-grams, shared names and numbers)."""
        from marsad.cli.main import _read_articles, _store
        from marsad.corpus.copies import find_copies
        from marsad.corpus.view import doc_name

        if files:
            arts = [a for _, a in _read_articles(files)]
        else:                               # the text is all copies read: half the memory of whole articles
            with _store(db) as store:
                arts = list(store.iter_texts())
        pairs = find_copies(arts, translations=translations)
        names = {a.id: doc_name(a) for a in arts}
        if json_:
            _print_json([{**p.to_dict(), "a_doc": names.get(p.a), "b_doc": names.get(p.b)} for p in pairs])
            return
        by_id = {a.id: a for a in arts}
        t = Table(title=f"{len(pairs)} pairs of reports that repeat each other ({len(arts)} articles)")
        for col in ("kind", "score", "article A: passage", "article B: passage"):
            t.add_column(col, overflow="fold")
        for p in pairs:
            for link in p.passages[:4]:
                ta = " ".join(by_id[link.a].text[link.a_start:link.a_end].split())
                tb = " ".join(by_id[link.b].text[link.b_start:link.b_end].split())
                t.add_row(f"{p.kind}/{link.kind}", f"{link.score:.2f}", f"{names[link.a]} [{link.a_start}:{link.a_end}] {ta[:160]}",
                          f"{names[link.b]} [{link.b_start}:{link.b_end}] {tb[:160]}")
        out.print(t)

    @app.command()
    def brief(
        files: List[Path] = typer.Argument(None, help="Article files to read. Omit to use the store."),
        db: Optional[str] = DbOption,
        json_: bool = JsonOption,
        sentences: int = typer.Option(6, "--sentences", "-k", help="How many sentences."),
        story: Optional[str] = StoryOption,
        no_ner: bool = typer.Option(False, "--no-ner", help="Gazetteer and rules only, without the tagger."),
    ) -> None:
        """A short cited brief in Arabic: the most central non-redundant sentences, each cited
        [outlet, date], then the key figures and their contradictions."""
        from marsad.corpus.brief import make_brief

        view = load_view(files, db, use_ner=not no_ner, story=story)
        b = make_brief(view, k=sentences)
        if json_:
            _print_json(b.to_dict())
            return
        sys.stdout.write(b.to_text())


def _fmt_ref(r) -> str:
    from marsad.corpus.compare import _fmt

    return _fmt(r)
