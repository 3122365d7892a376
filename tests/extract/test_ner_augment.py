"""Mention-replacement augmentation of the NER training scripts (scripts/train_ner.py)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def T(train_ner):
    return train_ner


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


def test_people_list_joins_the_person_pool_only_when_asked(T):
    gz = {"place": ["باريس"], "org": ["حزب الله"], "given": ["أحمد"], "surname": ["زكي"],
          "name_tr": ["جون سميث"], "per": ["فلاديمير بوتين", "زيدان"]}
    plain = T.augmentation_pools("gz", SENTS, gz, seed=0)
    assert ("فلاديمير", "بوتين") not in plain["PER"]
    people = T.augmentation_pools("gz", SENTS, gz, seed=0, people=True)
    assert ("فلاديمير", "بوتين") in people["PER"] and ("زيدان",) in people["PER"]
    assert people["PER"][: len(plain["PER"])] == plain["PER"]  # the other draws are unchanged
    assert people["LOC"] == plain["LOC"] and people["ORG"] == plain["ORG"]


DOC = [
    [("قال", "O"), ("الرئيس", "O"), ("إميل", "B-PER"), ("لحود", "I-PER"), ("في", "O"), ("بيروت", "B-LOC"), (".", "O")],
    [("وأضاف", "O"), ("لحود", "B-PER"), ("أن", "O"), ("لبنان", "B-LOC"), ("بخير", "O"), (".", "O")],
    [("وقال", "O"), ("ولحود", "B-PER"), ("من", "O"), ("بيروت", "B-LOC"), ("إن", "O"), ("إميل", "B-PER"),
     ("لحود", "I-PER"), ("باق", "O"), (".", "O")],
]
DOC_POOLS = {"PER": [("جورج", "بوش"), ("زيدان",), ("ساركوزي",)], "LOC": [("باريس",), ("القاهرة",)], "ORG": []}


def _mentions(T, sent):
    return [(" ".join(t for t, _ in sent[a:b]), typ) for a, b, typ in T.gold_spans([g for _, g in sent])]


def test_doc_augmentation_keeps_a_name_consistent_within_a_document(T):
    for seed in range(20):
        aug = T.augment_mentions_doc(DOC, DOC_POOLS, 1.0, random.Random(seed))
        m = [_mentions(T, s) for s in aug]
        full, city = m[0][0][0], m[0][1][0]
        surname = full.split()[-1]
        assert full != "إميل لحود" and city != "بيروت"
        assert m[2][2] == (full, "PER")  # the full name again: the same replacement
        assert m[1][0] == (surname, "PER")  # the surname alone follows the full name's surname
        assert m[2][0] == ("و" + surname, "PER")  # ... keeping its own proclitic
        assert m[2][1] == (city, "LOC")  # a repeated place: the same replacement
        for orig, new in zip(DOC, aug):  # words outside the names unchanged
            assert [t for t, g in new if g == "O"] == [t for t, g in orig if g == "O"]
    # prob 0: a copy; and a name kept once is kept at its later occurrences
    assert T.augment_mentions_doc(DOC, DOC_POOLS, 0.0, random.Random(1)) == DOC
    for seed in range(20):
        m = [_mentions(T, s) for s in T.augment_mentions_doc(DOC, DOC_POOLS, 0.5, random.Random(seed))]
        if m[0][0][0] == "إميل لحود":
            assert m[1][0][0] == "لحود" and m[2][0][0] == "ولحود" and m[2][2][0] == "إميل لحود"
        else:
            assert m[1][0][0] == m[0][0][0].split()[-1] and m[2][2][0] == m[0][0][0]


def test_doc_augmentation_draws_afresh_after_the_window(T):
    gap = [[("لا", "O"), ("أسماء", "O"), (".", "O")]] * 3
    sents = [DOC[0]] + gap + [DOC[0]]
    seen = set()
    for seed in range(30):
        aug = T.augment_mentions_doc(sents, DOC_POOLS, 1.0, random.Random(seed), window=2)
        seen.add((_mentions(T, aug[0])[1][0], _mentions(T, aug[-1])[1][0]))
        aug = T.augment_mentions_doc(sents, DOC_POOLS, 1.0, random.Random(seed), window=4)
        assert _mentions(T, aug[0]) == _mentions(T, aug[-1])
    assert any(a != b for a, b in seen)  # 4 sentences apart, window 2: two documents
