"""The local and Dask engines give exactly the same view of the example corpus."""

from __future__ import annotations

import json

import pytest

from conftest import EXAMPLES
from marsad.corpus.view import build_view
from marsad.engine import analyse_articles, analyse_files


def _dump(view) -> str:
    return json.dumps(view.to_dict(), ensure_ascii=False, sort_keys=True, default=str)


@pytest.fixture(scope="module")
def client():
    pytest.importorskip("dask.distributed")
    from marsad.engine import dask_client

    c = dask_client(workers=2)
    yield c
    c.close()
    if getattr(c, "cluster", None) is not None:
        c.cluster.close()


def test_dask_localcluster_matches_local_engine(client):
    local = analyse_files([EXAMPLES], engine="local", use_ner=False)
    dist = analyse_files([EXAMPLES], engine="dask", use_ner=False, client=client)
    assert dist.workers == 2 and dist.engine == "dask"
    assert [a.article.id for a in dist.analyses] == [a.article.id for a in local.analyses]
    assert len(local.analyses) >= 9
    v_local, v_dist = build_view(local.analyses), build_view(dist.analyses)
    assert _dump(v_local) == _dump(v_dist)
    assert v_local.refs and v_local.entities and v_local.comparison.measures


def test_dask_on_articles_matches_local(client):
    arts = [an.article for an in analyse_files([EXAMPLES], use_ner=False).analyses]
    a = analyse_articles(arts, engine="local", use_ner=False)
    b = analyse_articles(arts, engine="dask", use_ner=False, client=client)
    assert _dump(build_view(a.analyses)) == _dump(build_view(b.analyses))


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown engine"):
        analyse_files([EXAMPLES], engine="spark")


def test_bad_files_become_errors_on_both_engines(tmp_path, client):
    (tmp_path / "ok.txt").write_text("عنوان\nقال المتحدث إن 300 جندي وصلوا إلى المدينة.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    for kw in ({"engine": "local"}, {"engine": "dask", "client": client}):
        res = analyse_files([tmp_path], use_ner=False, **kw)
        assert len(res.analyses) == 1 and len(res.errors) == 1
        assert "empty.txt" in str(res.errors[0])
