"""Shared fixtures. ``../shared`` sits beside the repository (seeds, gold, external data)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = REPO / "examples"


def seed(prefix: str) -> Path:
    """The seed article whose file name starts with ``prefix`` (skips when ../shared is absent)."""
    hits = sorted(SEEDS.glob(prefix + "*.txt")) if SEEDS.is_dir() else []
    if not hits:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return hits[0]


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path: ``write("a.txt", "نص")`` or bytes."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding=encoding)
        return p

    return _write


@pytest.fixture(scope="session")
def train_ner():
    """``scripts/train_ner.py`` loaded as a module (the NER training helpers; needs python-crfsuite)."""
    import importlib.util

    pytest.importorskip("pycrfsuite")
    spec = importlib.util.spec_from_file_location("_marsad_train_ner", REPO / "scripts" / "train_ner.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
