import codecs

import pytest

from marsad.ingest.decode import DecodeError, decode_bytes, decode_file

TEXT = ("أعلن محافظ الولاية يوم الاثنين أن فرق الإنقاذ انتشلت نحو 120 ناجيًا من تحت الأنقاض، "
        "وقال إن «الوضع ما زال صعبًا» في القرى الجبلية المعزولة.")


@pytest.mark.parametrize("enc, expected, how", [
    ("utf-8", "utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig", "bom"),
    ("utf-16", "utf-16", "bom"),
    ("utf-16-le", "utf-16-le", "detector"),
    ("utf-16-be", "utf-16-be", "detector"),
    ("cp1256", "cp1256", "detector"),
])
def test_encodings_detected_and_recorded(enc, expected, how):
    d = decode_bytes(TEXT.encode(enc))
    assert d.text.lstrip("\ufeff") == TEXT
    assert (d.encoding, d.detected_by) == (expected, how)


def test_iso_8859_6_detected():
    text = "اعلن المحافظ ان فرق الانقاذ انتشلت 120 ناجيا من تحت الانقاض وقال ان الوضع صعب في القرى الجبلية المعزولة"
    d = decode_bytes(text.encode("iso8859_6"))
    assert d.text == text and d.encoding == "iso8859_6"


def test_caller_encoding_is_used_strictly():
    assert decode_bytes(TEXT.encode("cp1256"), encoding="cp1256").detected_by == "caller"
    with pytest.raises(DecodeError, match="cannot decode as utf-8"):
        decode_bytes(TEXT.encode("cp1256"), encoding="utf-8")


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"  \n\t\n", "empty file"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    (bytes(range(256)) * 8, "binary"),
    (b"\x01\x02\x03\x04\x05\x06\x07abc", "binary"),
])
def test_bad_bytes_rejected_with_reason(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)


def test_huge_file_refused_before_reading(tmp_path):
    p = tmp_path / "big.txt"
    with open(p, "wb") as f:
        f.seek(100 * 1024 * 1024)
        f.write(b"x")
    with pytest.raises(DecodeError, match=r"too large \(100\.0 MB"):
        decode_file(p)


def test_broken_bom_reported():
    with pytest.raises(DecodeError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00")
