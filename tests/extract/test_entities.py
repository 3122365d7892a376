"""Entities: mentions from the gazetteer and rules, and resolution across documents."""

from marsad.extract.entities import find_mentions, resolve

DOC_A = ("التقى وزير الخارجية الروسي سيرغي لافروف نظيره الصيني في بكين، بينما زار سيرجي شويغو بيونغ يانغ "
         "حيث استقبله الزعيم الكوري الشمالي كيم جونغ أون. وقال لافروف إن موسكو لن تتراجع.")
DOC_B = ("أعلن المتحدث باسم الكرملين ديمتري بيسكوف أن شويجو عاد إلى موسكو، وأكد أن بيونج يانج وموسكو "
         "ستوقعان اتفاقًا جديدًا. وفي سيول، قال وزير الدفاع كيم يونغ هيون إن جهاز المخابرات الوطنية (NIS) "
         "يتابع الوضع، فيما نقلت Dmitry Peskov تصريحات عن Pyongyang.")
DOC_C = ("وصل المبعوث الأممي غوستاف لارسن إلى ولاية قرطالة، وقال لارسن إن المساعدات غير كافية. "
         "وأضاف السيد لارسن أن الأمم المتحدة ستطلق نداء جديدًا.")
DOC_D = "وأكد جوستاف لارسن في جنيف أن NIS لا علاقة لها بالملف، فيما قال غوستاف بيترسون إن الأرقام دقيقة."


def _resolved(*docs):
    triples = [(f"d{i}", t, find_mentions(t, use_ner=False)) for i, t in enumerate(docs)]
    ents, assigned = resolve(triples)
    return ents, {(d, m.text): eid for d, m, eid in assigned}


def test_spans_and_types():
    ms = find_mentions(DOC_A, use_ner=False)
    for m in ms:
        assert DOC_A[m.start:m.end] == m.text
    got = {m.text: m.type for m in ms}
    assert got["سيرغي لافروف"] == "PER" and got["بكين"] == "LOC" and got["بيونغ يانغ"] == "LOC"
    assert got["كيم جونغ أون"] == "PER" and got["موسكو"] == "LOC"


def test_spellings_merge_and_lookalikes_do_not():
    ents, ids = _resolved(DOC_A, DOC_B)
    assert ids[("d0", "سيرجي شويغو")] == ids[("d1", "شويجو")]
    assert ids[("d0", "بيونغ يانغ")] == ids[("d1", "بيونج يانج")] == ids[("d1", "Pyongyang")]
    assert ids[("d0", "سيرغي لافروف")] == ids[("d0", "لافروف")]
    assert ids[("d0", "سيرغي لافروف")] != ids[("d0", "سيرجي شويغو")]          # shared first name
    assert ids[("d0", "كيم جونغ أون")] != ids[("d1", "كيم يونغ هيون")]       # shared family name
    assert ids[("d1", "ديمتري بيسكوف")] == ids[("d1", "Dmitry Peskov")]     # Arabic and Latin script
    assert ids[("d1", "جهاز المخابرات الوطنية")] == ids[("d1", "NIS")]
    ent = {e.id: e for e in ents}[ids[("d0", "سيرجي شويغو")]]
    assert {"سيرجي شويغو", "شويجو"} <= set(ent.spellings) and ent.type == "PER"


def test_unknown_names_resolve_by_rules_and_keys():
    ents, ids = _resolved(DOC_C, DOC_D)
    envoy = ids[("d0", "غوستاف لارسن")]
    assert ids[("d0", "لارسن")] == envoy                      # short form in the same document
    assert ids[("d1", "جوستاف لارسن")] == envoy               # another spelling, another document
    assert ids.get(("d1", "غوستاف بيترسون")) not in (None, envoy)   # same first name, another person
    e = {x.id: x for x in ents}[envoy]
    assert e.type == "PER" and e.name_en


def test_clitics_are_outside_spans():
    text = "وصل الوفد لسيول ثم توجه بالطائرة إلى بموسكو والكرملين."
    got = [m.text for m in find_mentions(text, use_ner=False)]
    assert "سيول" in got and "موسكو" in got
    assert all(not t.startswith(("ل", "ب", "و")) or t in ("لكرملين",) for t in got if t != "الكرملين")
