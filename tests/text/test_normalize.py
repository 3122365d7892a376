import pytest
from hypothesis import given, strategies as st

from marsad.text.normalize import norm, normalize
from marsad.text.offsets import OffsetMap


@pytest.mark.parametrize("src, expected", [
    ("أعلنت وزارةُ الدفاعِ", "اعلنت وزاره الدفاع"),          # hamza alef, ta marbuta, harakat
    ("إسرائيل وآسيا والٱتحاد", "اسراييل واسيا والاتحاد"),    # hamza below, madda, wasla, ya-hamza
    ("مستشفى الهدى", "مستشفي الهدي"),                          # alef maqsura
    ("مؤتمر", "موتمر"),                                        # waw hamza
    ("الـــقـــوات", "القوات"),                                 # tatweel
    ("٣٠٬٠٠٠ جندي", "30,000 جندي"),                            # Arabic-Indic digits, Arabic thousands sign
    ("۱۲۳۴", "1234"),                                           # Persian digits
    ("30،000", "30,000"),                                       # Arabic comma as thousands separator
    ("٢٫٥٪", "2.5%"),                                           # decimal sign, percent
    ("لماذا؟ نعم؛ لا", "لماذا? نعم; لا"),                       # Arabic question mark, semicolon
    ("«قال» “هذا”", '"قال" "هذا"'),                             # quotes
    ("CNN وGUR", "cnn وgur"),                                   # Latin lower-cased
    ("ﻻ ﺑﺪ", "لا بد"),                                          # presentation forms (NFKC)
    ("\u200fقال\u200e \u200bإن", "قال ان"),                     # directional marks, zero-width space
    ("كوريا — الشمالية", "كوريا - الشماليه"),                   # dashes
])
def test_normalize_text(src, expected):
    assert normalize(src).text == expected


def test_keep_case_option():
    assert normalize("CNN أعلنت", lower=False).text == "CNN اعلنت"


def test_offsets_point_back_to_original():
    src = "قالَ المتحدثُ إنّ ٣٠٬٠٠٠ جنديٍّ وصلوا"
    n = normalize(src)
    i = n.text.index("30,000")
    s, e = n.span_to_src(i, i + len("30,000"))
    assert src[s:e] == "٣٠٬٠٠٠"
    j = n.text.index("جندي")
    s, e = n.span_to_src(j, j + 4)
    assert src[s:e] == "جندي"            # the trailing tanwin and shadda are not part of the span
    k = n.text.index("قال")
    assert n.span_to_src(k, k + 3) == (0, 3)  # "قالَ": the fatha after the span is left out


def test_ligature_expansion_maps_both_letters_to_one_source_char():
    n = normalize("ﻻ")
    assert n.text == "لا"
    assert n.span_to_src(0, 2) == (0, 1)
    assert n.span_to_src(1, 2) == (0, 1)


def test_norm_is_idempotent():
    s = "الْقُوَّاتُ الكوريّة الشماليّة في «كورسك» ٣٠،٠٠٠"
    assert norm(norm(s)) == norm(s)


_ARABIC = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةـًٌٍَُِّْ٠١٢٣٤٥٦٧٨٩،؛؟ \n«»ﻻﺍ\u200f")), max_size=60)


@given(_ARABIC)
def test_every_normalised_char_maps_into_the_source(src):
    n = normalize(src)
    assert n.map.dst_len == len(n.text)
    for i in range(len(n.text)):
        s, e = n.span_to_src(i, i + 1)
        assert 0 <= s < e <= len(src)
        assert norm(src[s:e]) != "" or n.text[i] == ""
    # spans are monotone
    starts = [n.span_to_src(i, i + 1)[0] for i in range(len(n.text))]
    assert starts == sorted(starts)


def test_offset_map_compose_and_blocks():
    inner = OffsetMap.from_positions([0, 2, 3], src_len=4)      # C -> B
    outer = OffsetMap.from_positions([1, 2, 3, 5], src_len=6)   # B -> A
    both = inner.then(outer)
    assert [both.to_src(i) for i in range(3)] == [1, 3, 5]
    assert both.to_src(3) == 6
    assert OffsetMap.from_positions([0, 1, 2, 5, 6], 7).blocks == ((0, 0, 3), (3, 5, 2))
    with pytest.raises(ValueError):
        OffsetMap.from_blocks([(0, 0, 3), (2, 5, 1)], 3, 6)
    with pytest.raises(IndexError):
        OffsetMap.identity(3).to_src(4)
