"""Mention-replacement augmentation of the NER training scripts (scripts/train_ner.py)."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def T():
    pytest.importorskip("pycrfsuite")
    spec = importlib.util.spec_from_file_location("_marsad_train_ner", REPO / "scripts" / "train_ner.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


SENTS = [
    [("وقال", "O"), ("الرئيس", "O"), ("إميل", "B-PER"), ("لحود", "I-PER"), ("في", "O"), ("وبيروت", "B-LOC"),
     ("إن", "O"), ("حزب", "B-ORG"), ("الله", "I-ORG"), ("لم", "O"), ("يرد", "O"), (".", "O")],
    [("زار", "O"), ("بوش", "B-PER"), ("القاهرة", "B-LOC"), ("و", "O"), ("عمان", "B-LOC"), (".", "O")],
    [("لا", "O"), ("أسماء", "O"), ("هنا", "O"), (".", "O")],
]


def test_pool_holds_the_gold_mentions_by_type(T):
    pools = T.mention_pool(SENTS)
    assert pools["PER"] == [("إميل", "لحود"), ("بوش",)]
    assert pools["ORG"] == [("حزب", "الله")]
    assert sorted(pools["LOC"]) == sorted([("وبيروت",), ("القاهرة",), ("عمان",)])


def test_probability_zero_copies_and_one_replaces_every_mention(T):
    pools = T.mention_pool(SENTS)
    assert T.augment_mentions(SENTS, pools, 0.0, random.Random(1)) == SENTS
    for _ in range(20):
        aug = T.augment_mentions(SENTS, pools, 1.0, random.Random(_))
        for orig, new in zip(SENTS, aug):
            # the words outside the names are unchanged, in order; labels are well formed
            assert [t for t, g in new if g == "O"] == [t for t, g in orig if g == "O"]
            spans = T.gold_spans([g for _, g in new])
            assert [s[2] for s in spans] == [s[2] for s in T.gold_spans([g for _, g in orig])]
            for a, b, typ in spans:
                assert tuple(t for t, _ in new[a:b]) in pools[typ]
        assert aug[2] == SENTS[2]


def test_same_seed_same_copy(T):
    pools = T.mention_pool(SENTS)
    a = T.augment_mentions(SENTS, pools, 0.5, random.Random(7))
    b = T.augment_mentions(SENTS, pools, 0.5, random.Random(7))
    assert a == b


def test_clitics_follow_the_replaced_token(T):
    assert T.swap_clitics("وباريس", "بلندن") == "ولندن"
    assert T.swap_clitics("لبوش", "القاهرة") == "للقاهرة"  # ل + article
    assert T.swap_clitics("بالعراق", "وسوريا") == "بسوريا"  # the article stays with its word
    assert T.swap_clitics("القاهرة", "عمان") == "عمان"


def test_gazetteer_and_mixed_pools(T):
    gz = {"place": ["باريس", "نيو يورك"], "org": ["حزب الله"], "given": ["أحمد"], "surname": ["زكي"],
          "name_tr": ["جون سميث"]}
    pools = T.augmentation_pools("gz", SENTS, gz, seed=0)
    assert ("نيو", "يورك") in pools["LOC"] and ("جون", "سميث") in pools["PER"] and ("أحمد", "زكي") in pools["PER"]
    mixed = T.augmentation_pools("mix", SENTS, gz, seed=0)
    aug = T.augment_mentions(SENTS, mixed, 1.0, random.Random(3), keep_clitics=True)
    assert [t for t, g in aug[0] if g == "O"] == [t for t, g in SENTS[0] if g == "O"]
