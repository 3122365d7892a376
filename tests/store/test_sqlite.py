import sqlite3

import pytest

from marsad.ingest import read_path
from marsad.pipeline import ingest
from marsad.records import IngestError
from marsad.store.sqlite import SQLiteStore, StoreError, _migrations

TEXT_A = "قالت وزارة الصحة إن عدد المصابين بلغ 310 أشخاص، بينهم 45 طفلًا، في حصيلة غير نهائية."
TEXT_B = "أفاد الهلال الأحمر بأن أكثر من ألفي أسرة نزحت من القرى المتضررة خلال يومين."


def test_migrations_and_wal(tmp_path):
    s = SQLiteStore(tmp_path / "m.db")
    assert s.schema_version == _migrations()[-1][0] >= 1
    assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    s.close()
    assert SQLiteStore(tmp_path / "m.db").migrate() == _migrations()[-1][0]  # idempotent


def test_newer_schema_refused(tmp_path):
    p = tmp_path / "n.db"
    c = sqlite3.connect(p)
    c.execute("PRAGMA user_version = 999")
    c.close()
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(p)


def test_not_a_database(tmp_path):
    p = tmp_path / "x.db"
    p.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a Marsad database"):
        SQLiteStore(p)


def test_round_trip_and_reingest_is_noop(tmp_path, write):
    write("in/a.txt", TEXT_A)
    write("in/b.txt", TEXT_B)
    write("in/copy_of_a.txt", "\n" + TEXT_A + "\n")
    s = SQLiteStore(tmp_path / "s.db")
    r1 = ingest([tmp_path / "in"], s)
    assert (r1.files, r1.added, r1.duplicates, r1.errors) == (3, 2, 1, [])
    r2 = ingest([tmp_path / "in"], s)
    assert (r2.added, r2.duplicates) == (0, 3)
    assert s.count() == 2
    a = next(x for x in read_path(tmp_path / "in/a.txt"))
    got = s.get_article(a.id[:6])
    assert got == a.__class__(**{**{k: getattr(a, k) for k in a.__slots__}, "extra": got.extra})
    assert got.offsets == a.offsets
    assert len(s.sightings(a.id)) == 2  # a.txt and copy_of_a.txt


def test_bad_file_does_not_lose_stored_articles(tmp_path, write):
    s = SQLiteStore(tmp_path / "s.db")
    ingest([write("a.txt", TEXT_A)], s)
    write("mix/good.txt", TEXT_B)
    write("mix/bad.txt", b"\x00\x01binary\x02" * 20)
    write("mix/empty.txt", "")
    write("mix/lines.jsonl", '{"text": "%s"}\n{oops\n' % TEXT_B.replace("ألفي", "ثلاثة آلاف"))
    rep = ingest([tmp_path / "mix"], s)
    assert rep.added == 2 and len(rep.errors) == 3
    assert {e.path.rsplit("/", 1)[-1] for e in rep.errors} == {"bad.txt", "empty.txt", "lines.jsonl"}
    assert s.count() == 3
    assert len(s.errors()) == 3


def test_failed_batch_rolls_back(tmp_path, write):
    s = SQLiteStore(tmp_path / "s.db")
    (a,) = read_path(write("a.txt", TEXT_A))
    (b,) = read_path(write("b.txt", TEXT_B))

    def items():
        yield a
        raise RuntimeError("crash in the middle of a file")

    with pytest.raises(RuntimeError):
        s.add_batch(items())
    assert s.count() == 0
    s.add_batch([b, IngestError("x", "bad")])
    assert s.count() == 1


def test_unknown_id(tmp_path):
    s = SQLiteStore(tmp_path / "s.db")
    with pytest.raises(KeyError):
        s.get_article("ffff")
