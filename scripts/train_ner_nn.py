#!/usr/bin/env python3
"""Train the neural NER tagger (char-CNN + words + flags -> BiLSTM -> CRF) with PyTorch.

    OMP_NUM_THREADS=1 taskset -c 1 python scripts/train_ner_nn.py [--epochs N] [--seed S]
        [--export src/marsad/models/ner_nn.npz] [--report metrics.json]
        [--augment 1 --aug-source train|gz|mix --aug-prob 0.5 --aug-seed 1 --aug-clitics]

PyTorch is needed for training only (``pip install torch==2.13.0``, CPU build); the package
runs the exported weights in numpy (:mod:`marsad.extract.ner_nn`). Data and split are those of
``scripts/train_ner.py``: ANERcorp training file, first 90% of sentences train, last 10% dev
(never trained on; used to pick the epoch count and sizes, so the dev figures are somewhat
optimistic). The gazetteer flags use the shipped ``ner_gazetteer.json`` (or the one in
``--models``): one ``gz=CAT:B/I`` pair per list, the flag names stored in the exported file.

``--augment N`` (off by default; with it off the training is exactly the one before it): every
epoch, N fresh copies of the training split in which each PER/ORG/LOC mention is, with
probability ``--aug-prob``, replaced by another mention of the same type
(``train_ner.augment_mentions``, shared with the CRF script: the training split's own mentions,
the gazetteer's names, or both) are added to the original sentences.

After training, the weights are rounded to float16 and written to ``--export``; the script
checks that the numpy forward pass gives the same labels as torch on the dev split, and
scores: the network alone, the shipped CRF alone, and their combination (``NerTagger`` with
both files: the average of the two per-token marginals, decoded by Viterbi under BIO
constraints).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

from marsad.extract import ner_nn  # noqa: E402
from marsad.extract.ner import GAZETTEER_RESOURCE, Gazetteer, _trigger_table, token_info  # noqa: E402

import train_ner as T  # noqa: E402  (reading and scoring, shared with the CRF)

MODELS = REPO / "src" / "marsad" / "models"
LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")


def word_key(info) -> str:
    return info.base if info.kind == "word" else "<NUM>" if info.kind == "number" else info.norm


def build_vocab(train_infos, gz_categories, min_count: int = 2) -> ner_nn.Vocab:
    wc = Counter(word_key(i) for s in train_infos for i in s)
    cc = Counter(c for s in train_infos for i in s for c in ner_nn._chars_of(i.norm))
    pc = Counter(i.prefix for s in train_infos for i in s)
    words = ["<pad>", "<unk>"] + sorted(w for w, c in wc.items() if c >= min_count)
    chars = ["<pad>", "<unk>", "<w>", "</w>"] + sorted(c for c, n in cc.items() if n >= 2)
    prefixes = [""] + sorted(p for p in pc if p)
    return ner_nn.Vocab({w: i for i, w in enumerate(words)}, {c: i for i, c in enumerate(chars)},
                        {p: i for i, p in enumerate(prefixes)}, ner_nn.flag_names(gz_categories))


def norm_label(tag: str) -> str:
    if tag[:2] in ("B-", "I-") and tag[2:] in ("PER", "ORG", "LOC", "MISC"):
        return tag
    return "O"


class Net(nn.Module):
    def __init__(self, n_words, n_chars, n_prefix, n_flags, n_labels, wdim=64, cdim=24, cfilters=64, pdim=8,
                 hidden=128, dropout=0.5, kernel=3):
        super().__init__()
        self.word_emb = nn.Embedding(n_words, wdim, padding_idx=0)
        self.char_emb = nn.Embedding(n_chars, cdim, padding_idx=0)
        self.conv = nn.Conv1d(cdim, cfilters, kernel, padding=kernel // 2)
        self.prefix_emb = nn.Embedding(n_prefix, pdim)
        self.drop = nn.Dropout(dropout)
        self.lstm = nn.LSTM(wdim + cfilters + pdim + n_flags, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, n_labels)
        self.trans = nn.Parameter(torch.zeros(n_labels, n_labels))
        self.start = nn.Parameter(torch.zeros(n_labels))
        self.end = nn.Parameter(torch.zeros(n_labels))

    def emissions(self, words, chars, prefix, flags, lengths):
        B, Tn, W = chars.shape
        c = self.char_emb(chars.view(B * Tn, W)).transpose(1, 2)  # (BT, C, W)
        conv = self.conv(c)  # (BT, F, W)
        cmask = (chars.view(B * Tn, W) != 0).unsqueeze(1)
        conv = conv.masked_fill(~cmask, -1e4).max(2).values
        conv = torch.where(cmask.any(2), conv, torch.zeros_like(conv))
        x = torch.cat([self.word_emb(words), conv.view(B, Tn, -1), self.prefix_emb(prefix), flags], 2)
        x = self.drop(x)
        packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        h, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=Tn)
        return self.out(self.drop(h))

    def nll(self, em, tags, mask):
        """Negative log-likelihood of the CRF, summed over the batch."""
        B, Tn, L = em.shape
        maskf = mask.float()
        # gold score
        score = self.start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
        for t in range(1, Tn):
            s = self.trans[tags[:, t - 1], tags[:, t]] + em[:, t].gather(1, tags[:, t:t + 1]).squeeze(1)
            score = score + s * maskf[:, t]
        last = tags.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
        score = score + self.end[last]
        # partition
        alpha = self.start.unsqueeze(0) + em[:, 0]
        for t in range(1, Tn):
            nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans.unsqueeze(0), 1) + em[:, t]
            alpha = torch.where(mask[:, t:t + 1], nxt, alpha)
        z = torch.logsumexp(alpha + self.end.unsqueeze(0), 1)
        return (z - score).sum()


def to_batch(items, word_dropout: float = 0.0, rng=None):
    """Pad a list of (Inputs, label ids) into tensors."""
    lens = [len(x.words) for x, _ in items]
    B, Tn = len(items), max(lens)
    W = items[0][0].chars.shape[1]
    words = np.zeros((B, Tn), dtype=np.int64)
    chars = np.zeros((B, Tn, W), dtype=np.int64)
    prefix = np.zeros((B, Tn), dtype=np.int64)
    flags = np.zeros((B, Tn, items[0][0].flags.shape[1]), dtype=np.float32)
    tags = np.zeros((B, Tn), dtype=np.int64)
    for i, (x, y) in enumerate(items):
        n = lens[i]
        w = x.words.copy()
        if word_dropout and rng is not None:
            w[rng.random(n) < word_dropout] = 1
        words[i, :n], chars[i, :n], prefix[i, :n], flags[i, :n] = w, x.chars, x.prefix, x.flags
        if y is not None:
            tags[i, :n] = y
    mask = np.arange(Tn)[None, :] < np.array(lens)[:, None]
    return (torch.from_numpy(words), torch.from_numpy(chars), torch.from_numpy(prefix), torch.from_numpy(flags),
            torch.tensor(lens), torch.from_numpy(tags), torch.from_numpy(mask))


def predict_torch(net, data, batch_size=64):
    """Viterbi labels of each sentence with the torch model (eval mode)."""
    net.eval()
    trans, start, end = (p.detach().double().numpy() for p in (net.trans, net.start, net.end))
    out = []
    with torch.no_grad():
        for k in range(0, len(data), batch_size):
            items = [(x, None) for x in data[k:k + batch_size]]
            words, chars, prefix, flags, lens, _, _ = to_batch(items)
            em = net.emissions(words, chars, prefix, flags, lens).double().numpy()
            for i, n in enumerate(lens.tolist()):
                out.append([LABELS[j] for j in ner_nn.viterbi(em[i, :n], trans, start, end)])
    return out


def export(net, vocab: ner_nn.Vocab, path: Path) -> None:
    """Weights as float16 in a compressed npz, with the vocabularies and labels."""
    sd = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    inv = lambda d: np.array(sorted(d, key=d.get))  # noqa: E731
    arrays = {
        "labels": np.array(LABELS), "vocab_words": inv(vocab.words), "vocab_chars": inv(vocab.chars),
        "vocab_prefixes": inv(vocab.prefixes), "flag_names": np.array(vocab.flags),
        "word_emb": sd["word_emb.weight"], "char_emb": sd["char_emb.weight"], "prefix_emb": sd["prefix_emb.weight"],
        "conv_w": sd["conv.weight"], "conv_b": sd["conv.bias"],
        "w_ih_f": sd["lstm.weight_ih_l0"], "w_hh_f": sd["lstm.weight_hh_l0"],
        "b_ih_f": sd["lstm.bias_ih_l0"], "b_hh_f": sd["lstm.bias_hh_l0"],
        "w_ih_b": sd["lstm.weight_ih_l0_reverse"], "w_hh_b": sd["lstm.weight_hh_l0_reverse"],
        "b_ih_b": sd["lstm.bias_ih_l0_reverse"], "b_hh_b": sd["lstm.bias_hh_l0_reverse"],
        "out_w": sd["out.weight"], "out_b": sd["out.bias"],
        "trans": sd["trans"], "start": sd["start"], "end": sd["end"],
    }
    arrays = {k: (v.astype(np.float16) if v.dtype == np.float32 else v) for k, v in arrays.items()}
    np.savez_compressed(path, **arrays)


def round_fp16_(net) -> None:
    """Round the torch weights to float16 values, as exported (so torch and numpy compare)."""
    with torch.no_grad():
        for p in net.parameters():
            p.copy_(p.half().float())


# Sentences written for the tests (not from any corpus): tests/extract/test_ner_nn.py checks
# that the numpy forward pass gives the labels printed here by torch.
CHECK_SENTENCES = (
    "استقبل الرئيس التونسي قيس سعيد في قصر قرطاج وفدا من البنك الدولي برئاسة المدير الإقليمي.",
    "أعلنت شركة أرامكو السعودية ارتفاع أرباحها في الربع الثالث بحسب بيان صدر في الظهران.",
    "وقال مدرب نادي الأهلي المصري إن الفريق سيسافر إلى الدار البيضاء لمواجهة الوداد.",
    "التقى وزير الخارجية الأردني أيمن الصفدي نظيره الفرنسي في عمان لبحث الأوضاع في سوريا.",
)


def check_sentences(net, vocab, gz, trig) -> list[list[str]]:
    """Torch labels of :data:`CHECK_SENTENCES` (marsad's own tokenisation)."""
    from marsad.text.tokens import tokenize

    infos = [[token_info(t.text) for t in tokenize(s)] for s in CHECK_SENTENCES]
    return predict_torch(net, [ner_nn.encode(i, gz.tags(i), trig, vocab) for i in infos])


def stacked_inputs(train, dev, gz, models: Path, folds: int = 4):
    """Per-token CRF inputs for the stacking experiment: the first-pass CRF's marginals of
    :data:`LABELS` and the CRF's document flags (``doc=T``, ``doc~T``, ``docn=…`` of
    ``marsad.extract.ner.document_features``). On train they come from first passes trained
    on the other folds (same features as the shipped first pass: gazetteer, no clusters; c1
    0.05, c2 0.01), on dev from the shipped first pass."""
    import pycrfsuite

    from marsad.extract.ner import FIRST_PASS_NAME, _Featurizer, document_features, first_pass_probs

    feat = _Featurizer(gz, None)
    tr_inf, Xtr, Ytr = T.featurize(train, feat)
    dv_inf, Xdv, _ = T.featurize(dev, feat)
    doc_names = ["doc=PER", "doc=ORG", "doc=LOC", "doc~PER", "doc~ORG", "doc~LOC", "docn=1", "docn=2", "docn=3+"]
    doc_ix = {f: i for i, f in enumerate(doc_names)}

    def marg(tagger, X):
        known = set(tagger.labels())
        out, labs, probs = [], [], []
        for x in X:
            lab, pr = first_pass_probs(tagger, x)
            out.append(np.array([[tagger.marginal(lb, i) if lb in known else 0.0 for lb in LABELS]
                                 for i in range(len(x))], dtype=np.float32))
            labs.append(lab)
            probs.append(pr)
        return out, labs, probs

    def with_doc(infos, m, labs, probs):
        res = []
        for mm, sent in zip(m, document_features(infos, labs, probs)):
            d = np.zeros((len(sent), len(doc_names)), dtype=np.float32)
            for i, fs in enumerate(sent):
                for f in fs:
                    if f in doc_ix:
                        d[i, doc_ix[f]] = 1.0
            res.append(np.concatenate([mm, d], 1))
        return res

    n = len(Xtr)
    M: list = [None] * n
    LAB: list = [None] * n
    PR: list = [None] * n
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            lo, hi = k * n // folds, (k + 1) * n // folds
            tr = pycrfsuite.Trainer(verbose=False)
            for i in range(n):
                if not lo <= i < hi:
                    tr.append(Xtr[i], Ytr[i])
            tr.set_params(T.crf_params(0.05, 0.01, 200, 1))
            path = os.path.join(tmp, f"fold{k}.crfsuite")
            tr.train(path)
            tg = pycrfsuite.Tagger()
            tg.open(path)
            M[lo:hi], LAB[lo:hi], PR[lo:hi] = marg(tg, Xtr[lo:hi])
            print(f"stacking: first-pass fold {k + 1}/{folds}", flush=True)
    tg = pycrfsuite.Tagger()
    tg.open(str(models / FIRST_PASS_NAME))
    Md, LABd, PRd = marg(tg, Xdv)
    return with_doc(tr_inf, M, LAB, PR), with_doc(dv_inf, Md, LABd, PRd)


def evaluate(npz: Path, ext: Path, dev, models: Path) -> dict:
    """The shipped CRF alone vs the CRF + this network through ``NerTagger`` (the model files
    copied to temporary folders): dev (gold tokens as one document; text as score_ner.py writes
    it), AQMAR (text, the 28 files as one text) and tagging speed on SaudiNewsNet articles."""
    import shutil

    from marsad.extract.ner import FIRST_PASS_NAME, NerTagger

    scorer = T.load_scorer(ext)
    aq = []
    for p in sorted((ext / "aqmar").glob("*.txt")):
        if not p.name.upper().startswith("SOURCE"):
            aq += scorer.read_conll(str(p))
    Ydv = [[g for _, g in s] for s in dev]
    res = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("crf", "crf+nn"):
            d = Path(tmp) / name.replace("+", "_")
            d.mkdir()
            for f in ("ner_crf.crfsuite", FIRST_PASS_NAME, Path(GAZETTEER_RESOURCE).name):
                shutil.copyfile(models / f, d / f)
            if name == "crf+nn":
                shutil.copyfile(npz, d / "ner_nn.npz")
            tagger = NerTagger(d / "ner_crf.crfsuite")
            r = {
                "dev_tokens_document": T.score_labels(Ydv, tagger.tag_token_sentences([[t for t, _ in s] for s in dev])),
                "dev_text": T.score_text(tagger, scorer, dev),
                "aqmar_text": T.score_text(tagger, scorer, aq),
                "speed": T.benchmark(ext, d / "ner_crf.crfsuite"),
            }
            res[name] = r
            print(f"{name:7s} dev tokens {T.fmt(r['dev_tokens_document'])}")
            print(f"{name:7s} dev text   {T.fmt(r['dev_text'])}")
            print(f"{name:7s} AQMAR text {T.fmt(r['aqmar_text'])}")
            print(f"{name:7s} speed {r['speed']['tokens_per_s']:.0f} tokens/s over {r['speed']['texts']} articles, "
                  f"load {r['speed']['load_ms']:.0f} ms", flush=True)
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ext", type=Path, default=REPO.parent / "shared" / "ext")
    ap.add_argument("--models", type=Path, default=MODELS,
                    help="folder of the CRFs and ner_gazetteer.json to train with and combine with (default: the "
                         "shipped ones); the network's gazetteer flags follow that gazetteer's lists")
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--wdim", type=int, default=64)
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--word-dropout", type=float, default=0.05)
    ap.add_argument("--subsample", type=float, default=1.0, help="fraction of training sentences (exploring)")
    ap.add_argument("--export", type=Path, help="write the float16 weights here (.npz)")
    ap.add_argument("--save-dev", type=Path, help="write dev emissions/labels (npz) for ensembling experiments")
    ap.add_argument("--report", type=Path)
    ap.add_argument("--no-eval", action="store_true", help="skip scoring the CRF + network combination")
    T.add_augment_args(ap)
    ap.add_argument("--stacked", action="store_true",
                    help="experiment (not shipped): also feed the network the first-pass CRF's 9 label marginals "
                         "and the CRF's 9 document flags (jackknifed on train, 4 folds; the shipped first pass on dev)")
    a = ap.parse_args(argv)
    torch.set_num_threads(1)
    random.seed(a.seed)
    np.random.seed(a.seed)
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    t_start = time.time()

    sents = T.read_anercorp(a.ext / "anercorp-train" / "ANERCorp-train.txt")
    cut = len(sents) - len(sents) // 10
    train, dev = sents[:cut], sents[cut:]
    if a.subsample < 1.0:
        train = [s for s in train if rng.random() < a.subsample]
    gz = Gazetteer.from_json(a.models / Path(GAZETTEER_RESOURCE).name)
    trig = _trigger_table()
    tr_inf = [[token_info(t) for t, _ in s] for s in train]
    dv_inf = [[token_info(t) for t, _ in s] for s in dev]
    vocab = build_vocab(tr_inf, gz.categories)
    lab_id = {lab: i for i, lab in enumerate(LABELS)}
    Xtr = [ner_nn.encode(i, gz.tags(i), trig, vocab) for i in tr_inf]
    Ytr = [np.array([lab_id[norm_label(g)] for _, g in s]) for s in train]
    Xdv = [ner_nn.encode(i, gz.tags(i), trig, vocab) for i in dv_inf]
    Ydv = [[g for _, g in s] for s in dev]
    if a.stacked:
        assert a.subsample == 1.0
        Etr, Edv = stacked_inputs(train, dev, gz, a.models)
        Xtr = [x._replace(flags=np.concatenate([x.flags, e], 1)) for x, e in zip(Xtr, Etr)]
        Xdv = [x._replace(flags=np.concatenate([x.flags, e], 1)) for x, e in zip(Xdv, Edv)]
    aug_pools = aug_rng = None
    if a.augment:
        assert not a.stacked, "--augment with --stacked is not supported"
        gz_raw = json.loads((a.models / Path(GAZETTEER_RESOURCE).name).read_text("utf-8"))
        aug_pools = T.augmentation_pools(a.aug_source, train, gz_raw, a.aug_seed, people=a.aug_people)
        aug_rng = random.Random(a.aug_seed)  # its own generator: with --augment 0 the training draws are unchanged
        print("augmentation: " + ", ".join(f"{k} {len(v)}" for k, v in aug_pools.items() if not isinstance(v, dict))
              + f"{' (mix of train and gz)' if 'train' in aug_pools else ''}; {a.augment} copies an epoch, "
              f"p={a.aug_prob}, clitics {'kept' if a.aug_clitics else 'as drawn'}", flush=True)
    print(f"train {len(train)} sentences, dev {len(dev)}; vocab words {len(vocab.words)} chars {len(vocab.chars)} "
          f"prefixes {len(vocab.prefixes)}; {len(vocab.flags)} flags (gazetteer lists {', '.join(gz.categories)}); encoded in {time.time() - t_start:.0f}s", flush=True)

    net = Net(len(vocab.words), len(vocab.chars), len(vocab.prefixes), Xtr[0].flags.shape[1], len(LABELS),
              wdim=a.wdim, hidden=a.hidden, dropout=a.dropout)
    opt = torch.optim.Adam(net.parameters(), lr=a.lr)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda e: 1.0 / (1 + 0.05 * e))
    order = sorted(range(len(Xtr)), key=lambda i: len(Xtr[i].words))
    history = []
    for epoch in range(a.epochs):
        net.train()
        t0 = time.time()
        Xep, Yep, ep_order = Xtr, Ytr, order
        if a.augment:  # fresh augmented copies of the training split every epoch
            Xep, Yep = list(Xtr), list(Ytr)
            for _ in range(a.augment):
                aug = T.augment_mentions(train, aug_pools, a.aug_prob, aug_rng, keep_clitics=a.aug_clitics)
                for s in aug:
                    inf = [token_info(t) for t, _ in s]
                    Xep.append(ner_nn.encode(inf, gz.tags(inf), trig, vocab))
                    Yep.append(np.array([lab_id[norm_label(g)] for _, g in s]))
            ep_order = sorted(range(len(Xep)), key=lambda i: len(Xep[i].words))
        # batches of similar length, in random order
        batches = [ep_order[k:k + a.batch] for k in range(0, len(ep_order), a.batch)]
        rng.shuffle(batches)
        total = 0.0
        for b in batches:
            items = [(Xep[i], Yep[i]) for i in b]
            words, chars, prefix, flags, lens, tags, mask = to_batch(items, a.word_dropout, rng)
            em = net.emissions(words, chars, prefix, flags, lens)
            loss = net.nll(em, tags, mask) / len(b)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += loss.item() * len(b)
        sched.step()
        res = T.score_labels(Ydv, predict_torch(net, Xdv))
        history.append({"epoch": epoch + 1, "loss": round(total, 1), "dev": res, "seconds": round(time.time() - t0)})
        print(f"epoch {epoch + 1:2d} loss {total:9.1f} {time.time() - t0:4.0f}s  {T.fmt(res)}", flush=True)

    round_fp16_(net)
    pred_t = predict_torch(net, Xdv)
    res_t = T.score_labels(Ydv, pred_t)
    print(f"torch, float16 weights: {T.fmt(res_t)}")
    checks = None if a.stacked else check_sentences(net, vocab, gz, trig)
    print("torch labels of CHECK_SENTENCES:", json.dumps(checks))
    out = {"args": {k: str(v) for k, v in vars(a).items()}, "history": history, "dev_torch_fp16": res_t,
           "check_sentences": checks,
           "vocab": {"words": len(vocab.words), "chars": len(vocab.chars), "prefixes": len(vocab.prefixes)}}
    if a.export:
        export(net, vocab, a.export)
        nt = ner_nn.NeuralTagger(a.export)
        X2 = [ner_nn.encode(i, gz.tags(i), trig, nt.vocab) for i in dv_inf]
        if a.stacked:
            X2 = [x._replace(flags=np.concatenate([x.flags, e], 1)) for x, e in zip(X2, Edv)]
        pred_n = []
        ems = []
        for k in range(0, len(X2), 32):
            for em in nt.emissions(X2[k:k + 32]):
                ems.append(em)
                pred_n.append(nt.decode(em))
        same = sum(p == q for p, q in zip(pred_t, pred_n))
        print(f"exported {a.export} ({a.export.stat().st_size / 1e6:.2f} MB); numpy == torch labels on "
              f"{same}/{len(pred_t)} dev sentences")
        out["numpy_equal_sentences"] = [same, len(pred_t)]
        out["size_bytes"] = a.export.stat().st_size
        if a.save_dev:
            np.savez_compressed(a.save_dev, *ems)
    if a.export and not a.stacked and not a.no_eval:
        out["combined"] = evaluate(a.export, a.ext, dev, a.models)
    print(f"total {time.time() - t_start:.0f}s")
    if a.report:
        a.report.write_text(json.dumps(out, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
