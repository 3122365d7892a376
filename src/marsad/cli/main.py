"""The ``marsad`` command line (Typer). A thin shell: parse options, call library code, print."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any, List, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from marsad.ingest import IngestOptions, iter_files
from marsad.records import IngestError

app = typer.Typer(
    name="marsad",
    help="Marsad (مرصد): follow one developing story across many Arabic outlets.\n\n"
    "Ingest articles (txt, JSONL, HTML, RSS/Atom; any common Arabic encoding) into an embedded "
    "store, then list and inspect them. The store is a SQLite file in your user data folder, "
    "or --db PATH, or $MARSAD_DB; a postgresql:// URL there uses a shared PostgreSQL database.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
out = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False, soft_wrap=True)

# a str, not a Path: Path("postgresql://host/db") would lose the "//" of a URL
DbOption = typer.Option(None, "--db", help="SQLite database file, or a PostgreSQL URL (postgresql://user@host/db) "
                                           "(default: $MARSAD_DB or the user data folder).")
JsonOption = typer.Option(False, "--json", help="Machine-readable JSON instead of a table.")

_NUMBER_STYLE = {"count": "bold yellow", "year": "cyan", "date_part": "cyan", "duration": "cyan",
                 "calibre": "magenta", "measure": "magenta", "percentage": "green", "money": "green",
                 "ordinal": "dim", "fraction": "yellow"}


def _store(db: Optional[str]):
    from marsad.store import open_store
    from marsad.store.sqlite import StoreError

    try:
        return open_store(db)
    except StoreError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2)


def _print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str) + "\n")


def _ingest(paths: list[Path], store, opts: IngestOptions, quiet: bool):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from marsad.pipeline import ingest as run_ingest

    files = list(iter_files(paths))
    n = sum(1 for f in files if not isinstance(f, IngestError))
    show = not quiet and n > 1 and err.is_terminal
    with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, transient=True, disable=not show) as bar:
        task = bar.add_task("ingest", total=n)
        return run_ingest(files, store, opts, on_file=lambda _f: bar.advance(task))


@app.command()
def ingest(
    paths: List[Path] = typer.Argument(..., help="Files or folders (read recursively)."),
    db: Optional[str] = DbOption,
    encoding: Optional[str] = typer.Option(None, help="Force this encoding instead of detecting it (e.g. cp1256)."),
    outlet: Optional[str] = typer.Option(None, help="Outlet to record for articles that name none."),
    max_size: float = typer.Option(20.0, "--max-size", help="Largest single-article file, in MB."),
    as_json: bool = JsonOption,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Read articles into the store. Bad files are reported one per line; good ones are kept.

    Exit code 1 when any file or line failed.
    """
    opts = IngestOptions(encoding=encoding, outlet=outlet, max_bytes=int(max_size * 1024 * 1024))
    with _store(db) as store:
        rep = _ingest(paths, store, opts, quiet)
        total = store.count()
        where = store.path
    if as_json:
        _print_json({**rep.to_dict(), "total": total, "db": str(where)})
    else:
        for e in rep.errors:
            err.print(f"[red]error:[/red] {e}")
        out.print(f"{rep.files} files read: {rep.added} new articles, {rep.duplicates} already stored, "
                  f"{len(rep.errors)} errors. Store {where} holds {total} articles.")
    raise typer.Exit(0 if rep.ok else 1)


@app.command("list")
def list_(
    db: Optional[str] = DbOption,
    limit: int = typer.Option(50, help="At most this many rows."),
    outlet: Optional[str] = typer.Option(None, help="Only this outlet."),
    as_json: bool = JsonOption,
) -> None:
    """List stored articles, oldest first."""
    with _store(db) as store:
        rows = store.list_articles(limit=limit, outlet=outlet)
        total = store.count()
    if as_json:
        _print_json(rows)
        return
    t = Table(title=f"{total} articles", show_lines=False)
    for col in ("id", "published", "outlet", "title", "format", "encoding", "chars"):
        t.add_column(col, overflow="fold")
    for r in rows:
        head = r["title"] or r["head"].split("\n")[0]
        t.add_row(r["id"][:10], (r["published"] or "")[:10], r["outlet"] or "", head[:70],
                  r["format"], r["encoding"] or "", str(r["chars"]))
    out.print(t)


def _highlighted(text: str, numbers) -> Text:
    t = Text(text)
    for n in numbers:
        t.stylize(_NUMBER_STYLE.get(n.type, "bold"), n.start, n.end)
    return t


@app.command()
def show(
    article_id: str = typer.Argument(..., help="Article id or a unique prefix of it."),
    db: Optional[str] = DbOption,
    raw: bool = typer.Option(False, "--raw", help="Show the raw text with what cleaning removed."),
    as_json: bool = JsonOption,
) -> None:
    """Show one article: metadata, cleaned text with numbers highlighted, and its numbers."""
    from marsad.text.numbers import find_numbers

    with _store(db) as store:
        try:
            a = store.get_article(article_id)
        except KeyError as exc:
            err.print(f"[red]error:[/red] {exc.args[0]}")
            raise typer.Exit(2)
        seen = store.sightings(a.id)
    nums = find_numbers(a.text)
    if as_json:
        d = a.to_dict()
        d["numbers"] = [{**n.to_dict(), "raw_start": a.raw_span(n.start, n.end)[0],
                         "raw_end": a.raw_span(n.start, n.end)[1]} for n in nums]
        d["sightings"] = seen
        _print_json(d)
        return
    meta = Table.grid(padding=(0, 2))
    for k in ("id", "title", "outlet", "published", "author", "dateline", "url", "format", "encoding", "source_path"):
        v = getattr(a, k)
        if v:
            meta.add_row(k, str(v) + (f"  (from {a.published_from})" if k == "published" and a.published_from else ""))
    if a.extra.get("section"):
        meta.add_row("section", a.extra["section"])
    if len(seen) > 1:
        meta.add_row("seen", f"{len(seen)} times: " + ", ".join(s["source_path"] or s["url"] or "?" for s in seen))
    out.print(meta)
    out.rule()
    if raw:
        t = Text(a.raw_text)
        for s, e, _rule in a.removed:
            t.stylize("strike dim red", s, e)
        out.print(t)
    else:
        out.print(_highlighted(a.text, nums))
    out.rule()
    if a.removed:
        out.print("removed by cleaning: " + ", ".join(sorted({r for _, _, r in a.removed})))
    t = Table(title=f"{len(nums)} numeric expressions")
    for col in ("text", "type", "hedge", "value"):
        t.add_column(col)
    for n in nums:
        val = f"{n.value_min:g}" if n.value_min == n.value_max and n.value_min is not None else f"{n.value_min}–{n.value_max}"
        t.add_row(n.text, n.type, n.hedge, val)
    out.print(t)


@app.command()
def numbers(
    files: List[Path] = typer.Argument(..., help="Text files to scan (any encoding Marsad reads)."),
    jsonl: bool = typer.Option(False, "--jsonl", help="One JSON object per numeric expression."),
) -> None:
    """List every numeric expression in files: span, value or range, type and hedge.

    Offsets are into the file's text as decoded (no cleaning), so they point at the evidence.
    """
    from marsad.ingest.decode import DecodeError, decode_file
    from marsad.text.numbers import find_numbers

    failed = False
    for path in files:
        try:
            text = decode_file(path).text
        except (DecodeError, OSError) as exc:
            err.print(f"[red]error:[/red] {path}: {exc}")
            failed = True
            continue
        for n in find_numbers(text):
            rec = {"doc": path.name, **n.to_dict()}
            if jsonl:
                sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            else:
                out.print(f"{path.name}\t{n.start}-{n.end}\t{n.type}\t{n.hedge}\t{n.value_min}..{n.value_max}\t{n.text}")
    raise typer.Exit(1 if failed else 0)


def _fmt(v: float | int) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,}"


def _claim_record(doc: str, a, c) -> dict:
    """A claim as printed: spans into the article's raw text (the file as read), with evidence."""
    rs, re_ = a.raw_span(c.start, c.end)
    d = c.to_dict()
    d.update(doc=doc, article_id=a.id, start=rs, end=re_, text=a.raw_text[rs:re_],
             clean_start=c.start, clean_end=c.end, outlet=a.outlet, published=a.published)
    if c.source is not None:
        ss, se = a.raw_span(c.source.start, c.source.end)
        d["source"] = {**d["source"], "start": ss, "end": se, "text": a.raw_text[ss:se]}
    d["sentence"] = a.text[c.sentence_start:c.sentence_end]
    return d


def _stored_claim_record(r: dict) -> dict:
    d = {k: r[k] for k in ("article_id", "text", "value_min", "value_max", "qualifier", "category", "noun", "predicate",
                           "actor", "stance", "ref_date", "ref_date_from", "outlet", "published")}
    d.update(doc=(r["source_path"] or r["article_id"]).rsplit("/", 1)[-1], start=r["raw_start"], end=r["raw_end"],
             clean_start=r["start"], clean_end=r["end"])
    for k in ("value_min", "value_max"):
        if d[k] is not None and float(d[k]).is_integer():
            d[k] = int(d[k])
    d["source"] = None if r["source_text"] is None else {
        "text": r["source_text"], "cue": r["source_cue"], "entity_id": r["source_entity"]}
    return d


@app.command()
def claims(
    files: List[Path] = typer.Argument(None, help="Article files to read (no store needed). Omit to list stored claims."),
    db: Optional[str] = DbOption,
    jsonl: bool = typer.Option(False, "--jsonl", help="One JSON object per claim."),
    category: Optional[str] = typer.Option(None, help="Only this category (troops, casualties, personnel, munitions, "
                                                       "weapons, containers, visits, money, other)."),
    source: Optional[str] = typer.Option(None, help="Only claims whose source contains this text (spelling-insensitive)."),
    article: Optional[str] = typer.Option(None, help="Only this stored article (id or prefix)."),
) -> None:
    """Quantitative claims: value or range, hedge, what is counted, who says it, when, evidence.

    With FILES, the files are read and analysed directly; offsets are into each file's text.
    Without FILES, the claims stored at ingest time are listed (--db).
    """
    from marsad.pipeline import analyse_claims
    from marsad.text.normalize import norm as _norm

    rows = []
    if files:
        for doc, a in _read_articles(files):
            for c in analyse_claims(a):
                if category and c.category != category:
                    continue
                if source and (c.source is None or _norm(source) not in _norm(c.source.text)):
                    continue
                rows.append(_claim_record(doc, a, c))
    else:
        with _store(db) as store:
            try:
                rows = [_stored_claim_record(r) for r in store.claims(category=category, source=source, article=article)]
            except KeyError as exc:
                err.print(f"[red]error:[/red] {exc.args[0]}")
                raise typer.Exit(2)
    if jsonl:
        for rec in rows:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
        return
    t = Table(title=f"{len(rows)} claims")
    for col in ("doc", "value", "hedge", "what", "source", "stance", "date", "evidence"):
        t.add_column(col, overflow="fold")
    for r in rows:
        src = r["source"]["text"] if r["source"] else "(the article)"
        t.add_row(r["doc"][:24], _value(r["value_min"], r["value_max"]), r["qualifier"],
                  f"{r['category']}: {r['noun'] or ''}", src, r["stance"], r["ref_date"] or "", r["text"])
    out.print(t)


def _value(lo, hi) -> str:
    if lo is None:
        return "?"
    return _fmt(lo) if hi == lo else f"{_fmt(lo)}–{_fmt(hi)}" if hi is not None else f"≥{_fmt(lo)}"


def _read_articles(files: List[Path]):
    """(file name, article) for every article in ``files``; bad items are reported on stderr."""
    from marsad.ingest import read_path

    for f in iter_files(files):                      # folders are walked, like ingest does
        if isinstance(f, IngestError):
            err.print(f"[red]error:[/red] {f}")
            continue
        for a in read_path(f):
            if isinstance(a, IngestError):
                err.print(f"[red]error:[/red] {a}")
                continue
            yield Path(f).name, a


def _stored_articles(db: Optional[str]):
    with _store(db) as store:
        arts = list(store.iter_articles())
    return [((a.source_path or a.id).rsplit("/", 1)[-1], a) for a in arts]


@app.command()
def entities(
    files: List[Path] = typer.Argument(None, help="Article files to read (no store needed). Omit to list the store's entities."),
    db: Optional[str] = DbOption,
    jsonl: bool = typer.Option(False, "--jsonl", help="One JSON object per mention (with FILES) or per entity."),
    type_: Optional[str] = typer.Option(None, "--type", help="Only PER, ORG or LOC."),
    no_ner: bool = typer.Option(False, "--no-ner", help="Gazetteer and rules only, without the statistical tagger."),
) -> None:
    """People, organisations and places: one entity per real thing, whatever the spelling.

    With FILES, every mention is listed with its entity id (one id space across all files of
    the call; offsets into each file's text). Without FILES, the store's entities are listed
    with their spellings and mention counts.
    """
    from marsad.extract.entities import resolve
    from marsad.pipeline import article_mentions

    docs = list(_read_articles(files)) if files else _stored_articles(db)
    triples = [(f"{doc}#{a.id}", a.raw_text, article_mentions(a, use_ner=not no_ner)) for doc, a in docs]
    ents, assigned = resolve(triples)
    by_id = {e.id: e for e in ents}
    arts = {f"{doc}#{a.id}": (doc, a) for doc, a in docs}
    if files:
        for key, m, eid in assigned:
            if type_ and m.type != type_:
                continue
            doc, a = arts[key]
            rs, re_ = m.start, m.end
            e = by_id[eid]
            rec = {"doc": doc, "start": rs, "end": re_, "text": a.raw_text[rs:re_], "type": e.type,
                   "entity_id": eid, "canonical": e.name_ar, "canonical_en": e.name_en, "wikidata": e.wikidata,
                   "via": m.via, "article_id": a.id}
            if jsonl:
                sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            else:
                out.print(f"{doc}\t{rs}-{re_}\t{e.type}\t{eid}\t{rec['text']}")
        return
    rows = [e for e in ents if not type_ or e.type == type_]
    if jsonl:
        for e in rows:
            sys.stdout.write(json.dumps({"entity_id": e.id, "type": e.type, "name_ar": e.name_ar, "name_en": e.name_en,
                                         "wikidata": e.wikidata, "spellings": list(e.spellings), "mentions": e.mentions},
                                        ensure_ascii=False) + "\n")
        return
    t = Table(title=f"{len(rows)} entities in {len(docs)} articles")
    for col in ("id", "type", "name", "English", "wikidata", "mentions", "spellings"):
        t.add_column(col, overflow="fold")
    for e in rows:
        t.add_row(e.id, e.type, e.name_ar, e.name_en, e.wikidata or "", str(e.mentions), " / ".join(e.spellings))
    out.print(t)


@app.command()
def quotes(
    files: List[Path] = typer.Argument(None, help="Article files to read. Omit to use the store."),
    db: Optional[str] = DbOption,
    jsonl: bool = typer.Option(False, "--jsonl", help="One JSON object per quote."),
) -> None:
    """Who said what: direct quotations and indirect speech with their speakers."""
    from marsad.extract.entities import resolve
    from marsad.extract.quotes import extract_quotes
    from marsad.pipeline import article_mentions

    docs = list(_read_articles(files)) if files else _stored_articles(db)
    triples = [(f"{doc}#{a.id}", a.raw_text, article_mentions(a)) for doc, a in docs]
    ents, assigned = resolve(triples)
    names = {e.id: e for e in ents}
    rows = []
    for doc, a in docs:
        mentions = [(m, eid) for key, m, eid in assigned if key == f"{doc}#{a.id}"]
        for q in extract_quotes(a.text):
            rs, re_ = a.raw_span(q.start, q.end)
            d = q.to_dict()
            d.update(doc=doc, article_id=a.id, start=rs, end=re_, text=a.raw_text[rs:re_], outlet=a.outlet,
                     published=a.published)
            if q.speaker is not None:
                ss, se = a.raw_span(q.speaker.start, q.speaker.end)
                eid = next((eid for m, eid in mentions if m.start < se and ss < m.end
                            and names[eid].type in ("PER", "ORG")), None)
                d["speaker"].update(start=ss, end=se, text=a.raw_text[ss:se])
                d["speaker_entity"] = eid
                d["speaker_name"] = names[eid].name_ar if eid else q.speaker.text
            rows.append(d)
    if jsonl:
        for d in rows:
            sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
        return
    t = Table(title=f"{len(rows)} quotes")
    for col in ("doc", "kind", "speaker", "quote"):
        t.add_column(col, overflow="fold")
    for d in rows:
        t.add_row(d["doc"][:24], d["kind"], d.get("speaker_name") or "?", d["text"])
    out.print(t)


def examples_dir() -> Path:
    """The bundled example corpus (``examples/`` at the top of the source tree)."""
    import marsad

    return Path(marsad.__file__).resolve().parents[2] / "examples"


@app.command()
def demo(
    path: Optional[Path] = typer.Option(None, help="Corpus to use instead of the bundled examples."),
    db: Optional[Path] = typer.Option(None, "--db", help="Keep the demo store here (default: a temporary file)."),
    report: Optional[Path] = typer.Option(None, "--report", help="Also write the HTML report here."),
) -> None:
    """Ingest the bundled example corpus into a fresh store and show who claims how many of what."""
    from collections import Counter

    from marsad.extract.claims import extract_claims
    from marsad.store.sqlite import SQLiteStore
    from marsad.text.numbers import find_numbers

    corpus = path or examples_dir()
    if not corpus.exists():
        err.print(f"[red]error:[/red] example corpus not found at {corpus}; pass --path")
        raise typer.Exit(2)
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(db or Path(tmp) / "demo.db")
        out.print(f"Marsad demo: ingesting {corpus} into {store.path}")
        rep = _ingest([corpus], store, IngestOptions(), quiet=False)
        for e in rep.errors:
            err.print(f"[red]error:[/red] {e}")
        arts = list(store.iter_articles())
        store.close()
    t = Table(title=f"{len(arts)} articles from {rep.files} files ({rep.duplicates} exact copies, {len(rep.errors)} errors)")
    for col in ("id", "published", "outlet", "format", "encoding", "numbers", "title"):
        t.add_column(col, no_wrap=col != "title", overflow="ellipsis", max_width=60 if col == "title" else None)
    by_type: Counter[str] = Counter()
    rows = []
    for a in arts:
        nums = find_numbers(a.text)
        by_type.update(n.type for n in nums)
        t.add_row(a.id[:8], (a.published or "")[:10], a.outlet or "?", a.format, a.encoding or "",
                  str(len(nums)), (a.title or a.text.split("\n")[0])[:60])
        for c in extract_claims(a.text, published=a.published, numbers=nums, article_id=a.id):
            rows.append((c, a))
    out.print(t)
    out.print("numeric expressions by type: " + ", ".join(f"{k} {v}" for k, v in by_type.most_common()))
    cleaned = Counter(r for a in arts for _, _, r in a.removed)
    if cleaned:
        out.print("cleaning removed: " + ", ".join(f"{k} ×{v}" for k, v in cleaned.most_common()))
    order = ["casualties", "troops", "personnel", "munitions", "weapons", "containers", "visits", "money", "other"]
    ct = Table(title=f"{len(rows)} claims: who says how many of what")
    for col in ("what", "value", "hedge", "source", "outlet", "date", "evidence"):
        ct.add_column(col, overflow="fold")
    for c, a in sorted(rows, key=lambda r: (order.index(r[0].category), r[0].ref_date or "", r[1].id)):
        val = _value(c.value_min, c.value_max)
        src = c.source.text if c.source else "(the article)"
        ct.add_row(f"{c.category}: {c.noun or ''}", val, c.qualifier, src + (" [denied]" if c.stance == "denied" else ""),
                   a.outlet or "?", c.ref_date or "", c.text)
    out.print(ct)
    from marsad.extract.entities import resolve
    from marsad.pipeline import article_mentions

    ents, _ = resolve([(a.id, a.raw_text, article_mentions(a)) for a in arts])
    et = Table(title="who is mentioned: one entity per real person, organisation or place, all spellings")
    for col in ("type", "name", "English", "mentions", "spellings"):
        et.add_column(col, overflow="fold")
    for e in [e for e in ents if e.mentions > 1 or len(e.spellings) > 1][:20]:
        et.add_row(e.type, e.name_ar, e.name_en, str(e.mentions), " / ".join(e.spellings))
    out.print(et)
    from marsad.corpus.view import build_view
    from marsad.pipeline import analyse

    view = build_view([analyse(a) for a in arts])
    disputed = [m for m in view.comparison.measures if m.contradictions]
    dt_ = Table(title=f"{len(disputed)} figures where sources contradict each other (marsad compare for all)")
    for col in ("what is measured", "figures by source and date"):
        dt_.add_column(col, overflow="fold")
    for m in disputed:
        vals = "; ".join(f"{_value(r.claim.value_min, r.claim.value_max)} {r.claim.qualifier} "
                         f"({r.source_label}, {r.date or '?'})" for r in m.claims if r.claim.qualifier != "vague")
        dt_.add_row(f"{m.label_en}\n{m.label_ar}", vals)
    out.print(dt_)
    if report:
        from marsad.corpus.report import render_report

        report.write_text(render_report(view, title="مرصد: زلزال قرطالة (أمثلة)" if path is None else None,
                                        **_corpus.report_parts(view)), encoding="utf-8")
        out.print(f"HTML report written to {report}")
    out.print("Next: marsad ingest PATH, marsad list, marsad show ID, marsad claims, marsad entities, "
              "marsad quotes, marsad compare, marsad brief, marsad report --html FILE (see marsad --help).")
    raise typer.Exit(0 if rep.ok else 1)


from marsad.cli import corpus as _corpus  # noqa: E402  (corpus and serve commands register on the same app)
from marsad.cli import serve as _serve  # noqa: E402

_corpus.register(app)
_serve.register(app)
