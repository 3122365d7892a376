from marsad.extract.quotes import extract_quotes

TEXT = ("قال وزير الداخلية سامي الحداد للصحفيين «لن نسمح بعودة الفوضى إلى الشوارع مهما كان الثمن».\n"
        "وأضاف: «الأجهزة الأمنية في حالة تأهب كامل».\n"
        "وأكدت المفوضية الأوروبية أن المساعدات ستصل خلال أسبوع.\n"
        "ويعتقد أن الأزمة ستطول.\n"
        "ووصف المتظاهرون القرار بأنه “الفرصة الأخيرة” للحوار، قال أحد المنظمين.")


def test_direct_indirect_and_continuation():
    qs = extract_quotes(TEXT)
    got = [(q.kind, q.speaker.text if q.speaker else None, q.text) for q in qs]
    assert got[0] == ("direct", "وزير الداخلية سامي الحداد", "لن نسمح بعودة الفوضى إلى الشوارع مهما كان الثمن")
    assert got[1] == ("direct", "وزير الداخلية سامي الحداد", "الأجهزة الأمنية في حالة تأهب كامل")
    assert qs[1].speaker.cue == "continuation"
    assert got[2] == ("indirect", "المفوضية الأوروبية", "المساعدات ستصل خلال أسبوع")
    assert all(q.text != "الأزمة ستطول" for q in qs)          # nobody is quoted in "ويعتقد أن"
    assert got[3] == ("direct", "أحد المنظمين", "الفرصة الأخيرة")
    for q in qs:
        assert TEXT[q.start:q.end] == q.text
        assert TEXT[q.speaker.start:q.speaker.end] == q.speaker.text
