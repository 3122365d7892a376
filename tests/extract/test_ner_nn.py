"""The neural NER tagger's numpy inference (marsad.extract.ner_nn) and its combination with the CRF.

The sentences are written for these tests (not taken from the training corpora or the seeds).
EXPECTED holds the labels that torch gave for them at training time (``scripts/train_ner_nn.py``
prints them as "torch labels of CHECK_SENTENCES"): the numpy forward pass must reproduce them.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
from importlib.resources import files

import numpy as np
import pytest

from marsad.extract import ner_nn
from marsad.extract.ner import NerTagger, load_tagger, token_info
from marsad.text.tokens import tokenize

CHECK_SENTENCES = (
    "استقبل الرئيس التونسي قيس سعيد في قصر قرطاج وفدا من البنك الدولي برئاسة المدير الإقليمي.",
    "أعلنت شركة أرامكو السعودية ارتفاع أرباحها في الربع الثالث بحسب بيان صدر في الظهران.",
    "وقال مدرب نادي الأهلي المصري إن الفريق سيسافر إلى الدار البيضاء لمواجهة الوداد.",
    "التقى وزير الخارجية الأردني أيمن الصفدي نظيره الفرنسي في عمان لبحث الأوضاع في سوريا.",
)
EXPECTED: dict[str, list[list[str]]] = {
    "ner_nn.npz": [
        ["O", "O", "O", "B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O"],
        ["O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O", "O", "O", "O", "B-LOC", "O"],
        ["O", "O", "O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "O", "B-LOC", "I-LOC", "O", "B-ORG", "O"],
        ["O", "O", "O", "O", "B-PER", "I-PER", "O", "O", "O", "B-LOC", "O", "O", "O", "B-LOC", "O"],
    ],
}


def _nets() -> list[tuple[str, ner_nn.NeuralTagger]]:
    folder = files("marsad").joinpath("models")
    return [(t.name, ner_nn.NeuralTagger(t)) for t in sorted(folder.iterdir(), key=lambda t: t.name)
            if t.name.startswith("ner_nn") and t.name.endswith(".npz")]


@pytest.fixture(scope="module")
def nets():
    got = _nets()
    assert got, "no neural NER model ships"
    return got


def _inputs(net, sentence):
    tagger = load_tagger()
    infos = [token_info(t.text) for t in tokenize(sentence)]
    gz = tagger._feat.gazetteer
    return ner_nn.encode(infos, gz.tags(infos), tagger._feat._triggers, net.vocab)


def test_numpy_labels_equal_torch_labels(nets):
    for name, net in nets:
        assert name in EXPECTED, f"no stored torch labels for {name}"
        got = [net.decode(em) for em in net.emissions([_inputs(net, s) for s in CHECK_SENTENCES])]
        assert got == EXPECTED[name]


def test_batching_does_not_change_emissions(nets):
    _, net = nets[0]
    xs = [_inputs(net, s) for s in CHECK_SENTENCES]
    together = net.emissions(xs)
    batched = net.emissions_batched(xs, batch=3)
    for x, a, b in zip(xs, together, batched):
        alone = net.emissions([x])[0]
        assert a.shape == (len(x.words), len(net.labels))
        np.testing.assert_allclose(a, alone, atol=1e-5)
        np.testing.assert_allclose(b, alone, atol=1e-5)


def test_crf_marginals_and_viterbi_against_brute_force():
    rng = np.random.default_rng(0)
    L, n = 3, 4
    em, trans, start, end = rng.normal(size=(n, L)), rng.normal(size=(L, L)), rng.normal(size=L), rng.normal(size=L)
    scores = {}
    for seq in itertools.product(range(L), repeat=n):
        s = start[seq[0]] + end[seq[-1]] + sum(em[i, y] for i, y in enumerate(seq))
        s += sum(trans[a, b] for a, b in zip(seq, seq[1:]))
        scores[seq] = s
    z = np.log(sum(np.exp(v) for v in scores.values()))
    brute = np.zeros((n, L))
    for seq, v in scores.items():
        for i, y in enumerate(seq):
            brute[i, y] += np.exp(v - z)
    np.testing.assert_allclose(ner_nn.marginals(em, trans, start, end), brute, atol=1e-9)
    assert tuple(ner_nn.viterbi(em, trans, start, end)) == max(scores, key=scores.get)


def test_batched_viterbi_equals_single():
    rng = np.random.default_rng(2)
    L = 5
    trans, start, end = rng.normal(size=(L, L)), rng.normal(size=L), rng.normal(size=L)
    ems = [rng.normal(size=(k, L)) for k in (1, 7, 4, 7, 2)]
    assert ner_nn.viterbi_batch(ems, trans, start, end) == [ner_nn.viterbi(e, trans, start, end) for e in ems]


def test_batched_marginals_equal_single(nets):
    _, net = nets[0]
    rng = np.random.default_rng(1)
    L = len(net.labels)
    ems = [rng.normal(size=(k, L)) for k in (1, 5, 3)]
    for a, e in zip(net.marginals_batch(ems), ems):
        np.testing.assert_allclose(a, net.marginals(e), atol=1e-9)
        np.testing.assert_allclose(a.sum(1), 1.0, atol=1e-9)


def test_shipped_tagger_combines_crf_and_networks():
    tagger = load_tagger()
    assert tagger._nets, "the shipped tagger should use the neural networks"
    crf_only = NerTagger(neural=False)
    assert not crf_only._nets
    text = "وقال وزير الخارجية الأردني أيمن الصفدي في عمان إن الأردن يدعم الحل السياسي."
    got = {(s.text, s.type) for s in tagger.tag(text)}
    assert ("أيمن الصفدي", "PER") in got and ("عمان", "LOC") in got and ("الأردن", "LOC") in got
    spans, probs = tagger.tag_detailed(text)
    assert spans == tagger.tag(text)
    assert all(0.0 <= s.score <= 1.0 for s in spans)
    assert all(0.0 <= p <= 1.0 for _, _, p in probs)


def test_package_never_imports_torch():
    code = (
        "import sys\n"
        "from marsad.extract.entities import find_mentions\n"
        "find_mentions('قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن الحوار ضروري.')\n"
        "from marsad.extract.ner import load_tagger\n"
        "assert load_tagger()._nets\n"
        "assert 'torch' not in sys.modules, 'torch imported'\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]


def test_flags_follow_the_model_file(nets):
    """The gazetteer flags a network reads are those stored in its file (one B/I pair per list
    it was trained with), and every list of the shipped gazetteer is among them."""
    tagger = load_tagger()
    for _, net in nets:
        flags = net.vocab.flags
        assert flags == ner_nn.flag_names(tuple(sorted({f[3:-2] for f in flags if f.startswith("gz=")})))
        assert {f"gz={c}:B" for c in tagger._feat.gazetteer.categories} <= set(flags)
        x = _inputs(net, CHECK_SENTENCES[0])
        assert x.flags.shape[1] == len(flags)


def test_flag_count_mismatch_is_an_error(tmp_path):
    src = files("marsad").joinpath("models").joinpath("ner_nn.npz")
    with np.load(src, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    arrays["flag_names"] = np.array(list(arrays["flag_names"]) + ["gz=x:B", "gz=x:I"])  # two flags too many
    p = tmp_path / "ner_nn_bad.npz"
    np.savez_compressed(p, **arrays)
    with pytest.raises(ValueError, match="flags"):
        ner_nn.NeuralTagger(p)
