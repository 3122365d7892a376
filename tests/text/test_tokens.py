"""Tokenisation and safe proclitic stripping."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.normalize import norm
from marsad.text.tokens import Token, match_forms, tokenize


def check_invariants(text: str, tokens: list[Token]) -> None:
    prev_end = 0
    for t in tokens:
        assert t.text == text[t.start : t.end]
        assert t.start >= prev_end and t.end > t.start
        assert t.norm == norm(t.text)
        assert t.kind in ("word", "number", "latin", "punct")
        assert t.prefix + t.base == t.norm
        prev_end = t.end


def only(text: str) -> Token:
    toks = tokenize(text)
    check_invariants(text, toks)
    assert len(toks) == 1, toks
    return toks[0]


def parts(text: str) -> list[tuple[str, str]]:
    toks = tokenize(text)
    check_invariants(text, toks)
    return [(t.text, t.kind) for t in toks]


# (word, expected base, expected prefix)
CLITICS = [
    # stripped
    pytest.param("وقال", "قال", "و", id="wa-verb"),
    pytest.param("وأضاف", "اضاف", "و", id="wa-hamza"),
    pytest.param("والحكومة", "حكومه", "وال", id="wal"),
    pytest.param("بالعاصمة", "عاصمه", "بال", id="bal"),
    pytest.param("وبالعاصمة", "عاصمه", "وبال", id="wabal"),
    pytest.param("فبالتالي", "تالي", "فبال", id="fabal"),
    pytest.param("فالحرب", "حرب", "فال", id="fal"),
    pytest.param("كالعادة", "عاده", "كال", id="kal"),
    pytest.param("للرئيس", "رييس", "لل", id="lil"),
    pytest.param("وللمرة", "مره", "ولل", id="walil"),
    pytest.param("فللشعب", "شعب", "فلل", id="falil"),
    pytest.param("الاتفاق", "اتفاق", "ال", id="article-before-alef"),
    pytest.param("الولايات", "ولايات", "ال", id="article-before-waw"),
    pytest.param("اليد", "يد", "ال", id="article-two-letter-stem"),
    pytest.param("لروسيا", "روسيا", "ل", id="li-name"),
    pytest.param("بشكل", "شكل", "ب", id="bi-noun"),
    pytest.param("وبسبب", "سبب", "وب", id="wabi"),
    pytest.param("ولذلك", "ذلك", "ول", id="wali"),
    pytest.param("لأوكرانيا", "اوكرانيا", "ل", id="li-before-hamza"),
    pytest.param("وبوتين", "بوتين", "و", id="wa-then-name-kept"),
    pytest.param("لبوتين", "بوتين", "ل", id="li-then-name-kept"),
    pytest.param("وكوريا", "كوريا", "و", id="wa-korea"),
    pytest.param("ووزير", "وزير", "و", id="double-waw"),
    pytest.param("واستمرار", "استمرار", "و", id="wasl-istif"),
    pytest.param("لاجتماع", "اجتماع", "ل", id="wasl-ifti"),
    pytest.param("باتفاق", "اتفاق", "ب", id="wasl-assimilated"),
    pytest.param("فأضاف", "اضاف", "ف", id="fa-before-hamza"),
    pytest.param("كأنه", "انه", "ك", id="ka-before-hamza"),
    pytest.param("وبريطانيا", "بريطانيا", "و", id="stop-at-listed-stem"),
    pytest.param("لليبيا", "ليبيا", "ل", id="li-libya-not-article"),
    pytest.param("للجنة", "لجنه", "ل", id="three-lams"),
    pytest.param("والتي", "التي", "و", id="wa-relative"),
    pytest.param("وَقَالَ", "قال", "و", id="diacritics"),
    pytest.param("الـحرب", "حرب", "ال", id="tatweel"),
    pytest.param("بالحل", "حل", "بال", id="bal-two-letter-stem"),
    pytest.param("للحد", "حد", "لل", id="lil-two-letter-stem"),
    pytest.param("لليل", "ليل", "ل", id="three-lams-listed"),
    pytest.param("ويقول", "يقول", "و", id="wa-imperfect-verb"),
    # kept whole
    pytest.param("بوتين", "بوتين", "", id="putin"),
    pytest.param("لافروف", "لافروف", "", id="lavrov"),
    pytest.param("كيم", "كيم", "", id="kim"),
    pytest.param("ولاية", "ولايه", "", id="wilaya"),
    pytest.param("فلاديمير", "فلاديمير", "", id="vladimir"),
    pytest.param("وزير", "وزير", "", id="wazir"),
    pytest.param("وزارة", "وزاره", "", id="wizara"),
    pytest.param("وكالة", "وكاله", "", id="wakala"),
    pytest.param("كوريا", "كوريا", "", id="korea"),
    pytest.param("كييف", "كييف", "", id="kyiv"),
    pytest.param("واشنطن", "واشنطن", "", id="washington"),
    pytest.param("فرنسا", "فرنسا", "", id="france-bare-fa"),
    pytest.param("فلسطين", "فلسطين", "", id="palestine"),
    pytest.param("كبير", "كبير", "", id="bare-ka"),
    pytest.param("كانت", "كانت", "", id="kanat"),
    pytest.param("بكين", "بكين", "", id="beijing"),
    pytest.param("لبنان", "لبنان", "", id="lebanon"),
    pytest.param("ألمانيا", "المانيا", "", id="germany-hamza"),
    pytest.param("المانيا", "المانيا", "", id="germany-no-hamza"),
    pytest.param("الذي", "الذي", "", id="relative-pronoun"),
    pytest.param("الله", "الله", "", id="allah"),
    pytest.param("بأن", "بان", "", id="too-short"),
    pytest.param("لها", "لها", "", id="li-pronoun"),
    pytest.param("والده", "والده", "", id="walid-father"),
    pytest.param("واتساب", "واتساب", "", id="whatsapp"),
    pytest.param("باليستية", "باليستيه", "", id="ballistic"),
    pytest.param("لـ", "ل", "", id="lone-clitic-tatweel"),
    pytest.param("ويليام", "ويليام", "", id="listed-name-in-wy"),
    pytest.param("وفقا", "وفقا", "", id="wifqan"),
    pytest.param("لكنها", "لكنها", "", id="lakinnaha"),
    pytest.param("ليكون", "ليكون", "", id="li-yaa-kept"),
]


@pytest.mark.parametrize("word, base, prefix", CLITICS)
def test_clitic_stripping(word: str, base: str, prefix: str) -> None:
    t = only(word)
    assert (t.kind, t.base, t.prefix) == ("word", base, prefix)


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("30،000 جندي", [("30،000", "number"), ("جندي", "word")], id="arabic-comma-thousands"),
        pytest.param("٣٠٬٠٠٠", [("٣٠٬٠٠٠", "number")], id="arabic-indic-thousands"),
        pytest.param("1.2 مليون", [("1.2", "number"), ("مليون", "word")], id="decimal"),
        pytest.param("٤٫٥٪", [("٤٫٥", "number"), ("٪", "punct")], id="arabic-decimal-percent"),
        pytest.param("3.5%", [("3.5", "number"), ("%", "punct")], id="percent"),
        pytest.param("10-12", [("10", "number"), ("-", "punct"), ("12", "number")], id="range"),
        pytest.param("عام 2020،", [("عام", "word"), ("2020", "number"), ("،", "punct")], id="trailing-comma"),
        pytest.param("2020م", [("2020", "number"), ("م", "word")], id="year-era"),
        pytest.param("۱۴۰۳", [("۱۴۰۳", "number")], id="persian-digits"),
        pytest.param("CNN وGUR", [("CNN", "latin"), ("و", "word"), ("GUR", "latin")], id="latin-after-waw"),
        pytest.param("U.S. S-400", [("U.S.", "latin"), ("S-400", "latin")], id="acronyms"),
        pytest.param("O'Brien Pyöngjang", [("O'Brien", "latin"), ("Pyöngjang", "latin")], id="latin-words"),
        pytest.param("كوفيد-19", [("كوفيد", "word"), ("-", "punct"), ("19", "number")], id="arabic-hyphen-number"),
        pytest.param("قال: «نعم»؟!", [("قال", "word"), (":", "punct"), ("«", "punct"), ("نعم", "word"), ("»", "punct"), ("؟", "punct"), ("!", "punct")], id="punctuation"),
        pytest.param("انتظر...", [("انتظر", "word"), ("...", "punct")], id="dot-run"),
        pytest.param("#روسيا", [("#", "punct"), ("روسيا", "word")], id="hashtag"),
        pytest.param("Привет мир", [("Привет", "latin"), ("мир", "latin")], id="other-script"),
    ],
)
def test_token_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert parts(text) == expected


def test_number_norm() -> None:
    assert [t.norm for t in tokenize("٣٠٬٠٠٠ و30،000 و٢٫٥")] == ["30,000", "و", "30,000", "و", "2.5"]


def test_latin_norm_lowercase_and_no_prefix() -> None:
    t = only("Business")
    assert (t.norm, t.base, t.prefix, t.kind) == ("business", "business", "", "latin")


def test_offsets_with_diacritics_tatweel_and_marks() -> None:
    text = "\u200fقالَ  وزيرُ الخارجيـــة،\u200f إنّ ٣٠٬٠٠٠ جنديٍّ وصلوا."
    toks = tokenize(text)
    check_invariants(text, toks)
    assert [t.text for t in toks] == ["قالَ", "وزيرُ", "الخارجيـــة", "،", "إنّ", "٣٠٬٠٠٠", "جنديٍّ", "وصلوا", "."]
    kh = toks[2]
    start = text.index("الخارجيـــة")
    assert (kh.start, kh.end) == (start, start + 11)
    assert (kh.norm, kh.base, kh.prefix) == ("الخارجيه", "خارجيه", "ال")


def test_presentation_forms_fall_back_per_token() -> None:
    text = "ﻻ يمكن ﺑﺎﻟﺤﺮﺏ"  # not NFKC: lam-alef ligature and presentation forms
    toks = tokenize(text)
    check_invariants(text, toks)
    assert [(t.norm, t.base, t.prefix) for t in toks] == [("لا", "لا", ""), ("يمكن", "يمكن", ""), ("بالحرب", "حرب", "بال")]


def test_repeated_word_same_analysis() -> None:
    toks = tokenize("وقال الوزير وقال")
    assert toks[0].base == toks[2].base == "قال" and toks[0].start != toks[2].start


def test_sentence_of_news() -> None:
    text = "وأكد وزير الخارجية لنظيره الفرنسي أن بلاده ستواصل دعم كييف بالأسلحة."
    toks = tokenize(text)
    check_invariants(text, toks)
    assert [(t.base, t.prefix) for t in toks if t.kind == "word"] == [
        ("اكد", "و"),
        ("وزير", ""),
        ("خارجيه", "ال"),
        ("نظيره", "ل"),
        ("فرنسي", "ال"),
        ("ان", ""),
        ("بلاده", ""),
        ("ستواصل", ""),
        ("دعم", ""),
        ("كييف", ""),
        ("اسلحه", "بال"),
    ]


def test_empty_and_whitespace() -> None:
    assert tokenize("") == []
    assert tokenize(" \n\t\u200f ") == []


# --- match_forms


@pytest.mark.parametrize(
    "word, forms",
    [
        pytest.param("وبالعاصمة", ("وبالعاصمه", "بالعاصمه", "العاصمه", "عاصمه"), id="levels"),
        pytest.param("للولايات", ("للولايات", "الولايات", "ولايات", "لولايات"), id="article-restored"),
        pytest.param("لليبيا", ("لليبيا", "الليبيا", "ليبيا"), id="listed-stem-after-li"),
        pytest.param("كيم", ("كيم",), id="nothing-to-strip"),
        pytest.param("بوتين", ("بوتين", "وتين"), id="unsafe-candidate-last"),
        pytest.param("فقال", ("فقال", "قال"), id="bare-fa-candidate"),
        pytest.param("وزير", ("وزير",), id="listed-stem"),
    ],
)
def test_match_forms(word: str, forms: tuple[str, ...]) -> None:
    t = only(word)
    got = match_forms(t)
    assert got == forms
    assert got[0] == t.norm and t.base in got


def test_match_forms_non_words() -> None:
    assert match_forms(only("CNN")) == ("cnn",)
    assert match_forms(only("٣٠٬٠٠٠")) == ("30,000",)


def test_token_is_frozen() -> None:
    with pytest.raises(AttributeError):
        only("قال").base = "x"  # type: ignore[misc]


TEXT = st.lists(
    st.sampled_from(
        list("وفبلكال قيمرتن أإآءئؤةى ًٌٍَُِّْ ـ 0123456789٠١٢٣ .,،٬٫%-«»“” \n\u200f\u200c ABCxyz ﻻﺍ")
        + ["بوتين", "للرئيس", "وبالعاصمة", "لليبيا"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=80, deadline=None)
@given(TEXT)
def test_invariants_on_random_text(text: str) -> None:
    toks = tokenize(text)
    check_invariants(text, toks)
    for t in toks:
        forms = match_forms(t)
        assert forms[0] == t.norm and t.base in forms
        alone = tokenize(t.text)  # the whole-text fast path agrees with a token on its own
        if len(alone) == 1:
            assert (alone[0].norm, alone[0].base, alone[0].prefix, alone[0].kind) == (t.norm, t.base, t.prefix, t.kind)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_word_token_strings_are_the_non_punct_tokens(text: str) -> None:
    from marsad.text.tokens import token_strings, word_token_strings

    assert word_token_strings(text) == [t for t in token_strings(text) if t[1] != "punct"]


def test_word_token_strings_on_real_articles() -> None:
    """The seeds and the bundled examples: every non-punctuation token, same text and kind."""
    from pathlib import Path

    from marsad.text.tokens import token_strings, word_token_strings

    root = Path(__file__).resolve().parents[2]
    files = sorted((root.parent / "shared" / "seeds").glob("*.txt")) + sorted((root / "examples").rglob("*.txt"))
    assert len(files) >= 5
    for f in files:
        text = f.read_text("utf-8", errors="replace")
        want = [t for t in token_strings(text) if t[1] != "punct"]
        assert want
        assert word_token_strings(text) == want, f.name
