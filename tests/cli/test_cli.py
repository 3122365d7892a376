import json

from typer.testing import CliRunner

from marsad.cli.main import app

from conftest import SEEDS, seed

runner = CliRunner()

TEXT = ("ذكرت وكالة الأنباء الرسمية يوم الثلاثاء أن نحو 2500 عنصر من فرق الإغاثة وصلوا إلى المنطقة، "
        "فيما قال مسؤول محلي إن عددهم لا يتجاوز 1800.")


def run(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_help_lists_commands():
    r = run("--help")
    assert r.exit_code == 0
    for cmd in ("ingest", "list", "show", "demo", "numbers"):
        assert cmd in r.output


def test_ingest_list_show_json(tmp_path, write):
    db = tmp_path / "s.db"
    write("in/a.txt", "وصول فرق الإغاثة\n\n" + TEXT)
    r = run("ingest", tmp_path / "in", "--db", db, "--json")
    assert r.exit_code == 0
    rep = json.loads(r.output)
    assert (rep["added"], rep["total"], rep["errors"]) == (1, 1, [])
    rows = json.loads(run("list", "--db", db, "--json").output)
    assert rows[0]["title"] == "وصول فرق الإغاثة"
    shown = json.loads(run("show", rows[0]["id"][:6], "--db", db, "--json").output)
    assert shown["text"].endswith("1800.")
    nums = {n["text"]: n for n in shown["numbers"]}
    assert nums["نحو 2500"]["hedge"] == "approx" and nums["نحو 2500"]["type"] == "count"
    for n in shown["numbers"]:
        assert shown["raw_text"][n["raw_start"]:n["raw_end"]] == shown["text"][n["start"]:n["end"]]


def test_ingest_mixed_folder_reports_each_bad_file_and_exits_1(tmp_path, write):
    db = tmp_path / "s.db"
    write("mix/good.txt", TEXT)
    write("mix/empty.txt", "")
    write("mix/bin.dat", b"\x00\xff" * 100)
    write("mix/bad.jsonl", '{"text": "' + TEXT + '"}\nnot json\n')
    big = tmp_path / "mix" / "huge.txt"
    with open(big, "wb") as f:
        f.truncate(100 * 1024 * 1024)
    r = runner.invoke(app, ["ingest", str(tmp_path / "mix"), "--db", str(db)])
    assert r.exit_code == 1
    err = r.stderr if hasattr(r, "stderr") else r.output
    for name, why in [("empty.txt", "empty file"), ("bin.dat", "binary"), ("bad.jsonl:2", "not valid JSON"),
                      ("huge.txt", "too large")]:
        assert name in err and why in err
    assert "1 already stored" in r.output  # the JSONL line repeats good.txt
    assert json.loads(run("list", "--db", db, "--json").output)[0]["chars"] > 0


def test_show_unknown_id(tmp_path):
    r = runner.invoke(app, ["show", "abcdef", "--db", str(tmp_path / "s.db")])
    assert r.exit_code == 2 and "no article" in (r.stderr if hasattr(r, "stderr") else r.output)


def test_numbers_jsonl(tmp_path, write):
    p = write("n.txt", TEXT)
    r = run("numbers", p, "--jsonl")
    items = [json.loads(x) for x in r.output.splitlines()]
    assert {(i["text"], i["value_min"], i["hedge"]) for i in items} >= {("نحو 2500", 2500, "approx")}
    for i in items:
        assert TEXT[i["start"]:i["end"]] == i["text"] and i["doc"] == "n.txt"


def test_demo_runs_on_bundled_examples(tmp_path):
    r = run("demo", "--db", tmp_path / "demo.db")
    assert r.exit_code == 0, r.output
    assert "9 articles from 7 files" in r.output
    assert "cp1256" in r.output and "feed" in r.output and "html" in r.output


def test_seeds_ingest_and_show(tmp_path):
    seed("004")
    db = tmp_path / "s.db"
    r = run("ingest", SEEDS, "--db", db, "--json")
    assert json.loads(r.output)["added"] == 5
    rows = json.loads(run("list", "--db", db, "--json").output)
    by_file = {r["source_path"].rsplit("/", 1)[-1][:3]: r["id"] for r in rows}
    s4 = json.loads(run("show", by_file["004"], "--db", db, "--json").output)
    assert "اشترك" not in s4["text"] and "Continue reading" not in s4["text"]
    s3 = json.loads(run("show", by_file["003"], "--db", db, "--json").output)
    assert "Kommentare" not in s3["text"]
    r2 = run("ingest", SEEDS, "--db", db, "--json")
    assert json.loads(r2.output)["added"] == 0 and json.loads(r2.output)["total"] == 5


def test_copies_with_and_without_translations():
    # 002 and 003 carry two Arabic translations of one CNN passage, and no sentence in the same words
    files = [seed(k) for k in ("002", "003")]
    both = json.loads(run("copies", *files, "--json").output)
    assert [p["kind"] for p in both] == ["translation"]
    assert {both[0]["a_doc"], both[0]["b_doc"]} == {f.name for f in files}
    assert json.loads(run("copies", *files, "--json", "--no-translations").output) == []


def test_copies_from_the_store_equal_copies_from_the_files(tmp_path):
    """Without FILES, copies reads the stored texts only (``iter_texts``): the same pairs,
    passages and document names as from the files themselves."""
    from conftest import EXAMPLES

    db = tmp_path / "s.db"
    run("ingest", EXAMPLES, "--db", db, "--json")
    from_store = json.loads(run("copies", "--db", db, "--json").output)
    from_files = json.loads(run("copies", EXAMPLES, "--json").output)
    assert len(from_store) >= 3 and "near" in {p["kind"] for p in from_store}
    key = lambda p: (p["a"], p["b"])  # noqa: E731
    assert sorted(from_store, key=key) == sorted(from_files, key=key)
