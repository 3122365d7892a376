"""Corpus commands: ``compare`` and ``brief`` (the view across articles)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table
from rich.text import Text

__all__ = ["register", "load_view"]


def load_view(files: Optional[List[Path]], db: Optional[Path], *, use_ner: bool = True):
    """The corpus view of ``files`` (read directly) or of the store."""
    from marsad.cli.main import _read_articles, _stored_articles
    from marsad.corpus.view import build_view
    from marsad.pipeline import analyse

    docs = list(_read_articles(files)) if files else _stored_articles(db)
    return build_view([analyse(a, use_ner=use_ner) for _, a in docs])


_STATUS_STYLE = {"contradiction": "bold red", "change": "yellow", "agreement": "green", "single": "dim"}


def register(app: typer.Typer) -> None:
    from marsad.cli.main import DbOption, JsonOption, _print_json, out

    @app.command()
    def compare(
        files: List[Path] = typer.Argument(None, help="Article files to read. Omit to use the store."),
        db: Optional[Path] = DbOption,
        json_: bool = JsonOption,
        category: Optional[str] = typer.Option(None, help="Only this category (troops, casualties, ...)."),
        all_rows: bool = typer.Option(False, "--all", help="Also rows with a single source."),
        no_ner: bool = typer.Option(False, "--no-ner", help="Gazetteer and rules only, without the tagger."),
    ) -> None:
        """What each source claims for the same thing: a matrix of figures by source, with
        contradictions (incompatible figures at a comparable time) apart from agreement and
        from change over time."""
        view = load_view(files, db, use_ner=not no_ner)
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
            disputed = {id(f.a) for f in m.contradictions} | {id(f.b) for f in m.contradictions}
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
    def brief(
        files: List[Path] = typer.Argument(None, help="Article files to read. Omit to use the store."),
        db: Optional[Path] = DbOption,
        json_: bool = JsonOption,
        sentences: int = typer.Option(6, "--sentences", "-k", help="How many sentences."),
        no_ner: bool = typer.Option(False, "--no-ner", help="Gazetteer and rules only, without the tagger."),
    ) -> None:
        """A short cited brief in Arabic: the most central non-redundant sentences, each cited
        [outlet, date], then the key figures and their contradictions."""
        from marsad.corpus.brief import make_brief

        view = load_view(files, db, use_ner=not no_ner)
        b = make_brief(view, k=sentences)
        if json_:
            _print_json(b.to_dict())
            return
        sys.stdout.write(b.to_text())


def _fmt_ref(r) -> str:
    from marsad.corpus.compare import _fmt

    return _fmt(r)
