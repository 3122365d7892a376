"""Neural named-entity tagger, inference in numpy (no torch at run time).

A char-CNN + word-embedding + BiLSTM + CRF tagger trained by ``scripts/train_ner_nn.py``
(PyTorch, training only) on the same ANERcorp split as the CRF of :mod:`marsad.extract.ner`,
and exported to ``marsad/models/ner_nn.npz``. This module holds what training and run time
share -- turning :class:`~marsad.extract.ner.TokenInfo` tokens into model inputs
(:class:`Inputs`, :func:`encode`) -- and the numpy forward pass, Viterbi decoding and
forward-backward marginals (:class:`NeuralTagger`). The CRF tagger combines its own
marginals with these (``NerTagger``; see ``marsad/models/MODEL_CARD.md``).

Inputs of a token: the embedding of its clitic-stripped base (the training bases seen at
least twice; others share ``<unk>``), a char-CNN over its normalised form with the
proclitics (so ``ب`` / ``ل`` before a place show), an embedding of the stripped prefix, and
binary flags: token kind, article, the CRF's trigger-word lists
(:data:`marsad.extract.ner.TRIGGERS`), the gazetteer matches (``gz=CAT:B/I`` for each list of
the gazetteer the network was trained with) and a length bucket. The flag names are stored in
the model file (``flag_names``) and read from it (:attr:`Vocab.flags`), so a network trained
with other gazetteer lists (30 flags for five lists, 32 with ``org``) runs unchanged.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Sequence

import numpy as np

__all__ = ["Inputs", "encode", "NeuralTagger", "FLAG_NAMES", "flag_names", "NN_RESOURCE", "viterbi", "viterbi_batch", "marginals"]

NN_RESOURCE = "models/ner_nn.npz"
SHAPES = ("word", "number", "latin", "LATIN_CAP", "LATIN_UPPER", "punct", "mixed")
TRIGGER_FEATS = ("title", "name_part", "say", "org", "place")
GZ_CATS = ("given", "name", "name_tr", "place", "surname")  # the lists of the first network (30 flags)
LEN_BUCKETS = ("1", "2", "3", "4", "5", "6-7", "8+")


def flag_names(gz_categories: Sequence[str] = GZ_CATS) -> tuple[str, ...]:
    """The binary flags of a network trained with the gazetteer lists ``gz_categories``."""
    return (
        tuple("k=" + s for s in SHAPES) + ("art",) + tuple("trig=" + t for t in TRIGGER_FEATS)
        + tuple(f"gz={c}:{p}" for c in gz_categories for p in "BI") + tuple("len=" + b for b in LEN_BUCKETS)
    )


FLAG_NAMES = flag_names()  # the flags of a model file that does not list its own
MAX_CHARS = 20  # characters of a word seen by the char-CNN (longer words are cut in the middle)


class Inputs(NamedTuple):
    """Model inputs of one sentence (n tokens)."""

    words: np.ndarray  # (n,) int ids into the word vocabulary (0 = <pad>, 1 = <unk>)
    chars: np.ndarray  # (n, MAX_CHARS + 2) int ids (0 = <pad>, 1 = <unk>, 2 = <w>, 3 = </w>)
    prefix: np.ndarray  # (n,) int ids of the stripped proclitics (0 = none/unknown)
    flags: np.ndarray  # (n, len(vocab.flags)) float32 0/1


def _shape(info) -> str:
    text, kind = info.text, info.kind
    if kind == "latin" and text[:1].isupper():
        return "LATIN_CAP" if not text.isupper() or len(text) == 1 else "LATIN_UPPER"
    return kind


def _chars_of(norm: str) -> str:
    if len(norm) > MAX_CHARS:
        h = MAX_CHARS // 2
        norm = norm[:h] + norm[-h:]
    return norm


class Vocab(NamedTuple):
    words: dict[str, int]
    chars: dict[str, int]
    prefixes: dict[str, int]
    flags: tuple[str, ...] = FLAG_NAMES  # names of the binary input flags, in input order


@lru_cache(maxsize=8)
def _flag_index(names: tuple[str, ...]) -> dict[str, int]:
    return {f: i for i, f in enumerate(names)}


def encode(infos: Sequence, gz_tags: Sequence[Sequence[str]] | None, triggers: dict, vocab: Vocab) -> Inputs:
    """Inputs of one sentence of :class:`~marsad.extract.ner.TokenInfo` (``gz_tags``: the
    ``Gazetteer.tags`` of the sentence; ``triggers``: ``ner._trigger_table()``)."""
    n = len(infos)
    words = np.empty(n, dtype=np.int64)
    chars = np.zeros((n, MAX_CHARS + 2), dtype=np.int64)
    prefix = np.zeros(n, dtype=np.int64)
    flags = np.zeros((n, len(vocab.flags)), dtype=np.float32)
    wv, cv, pv = vocab.words, vocab.chars, vocab.prefixes
    flag_index = _flag_index(vocab.flags)
    for i, info in enumerate(infos):
        base, pre = info.base, info.prefix
        key = base if info.kind == "word" else "<NUM>" if info.kind == "number" else info.norm
        words[i] = wv.get(key, 1)
        cs = _chars_of(info.norm)
        chars[i, 0] = 2
        for j, c in enumerate(cs):
            chars[i, j + 1] = cv.get(c, 1)
        chars[i, len(cs) + 1] = 3
        prefix[i] = pv.get(pre, 0)
        row = flags[i]
        row[flag_index["k=" + _shape(info)]] = 1.0
        if pre.endswith("ال") or pre.endswith("لل") or (not pre and base.startswith("ال")):
            row[flag_index["art"]] = 1.0
        for t in triggers.get(base) or triggers.get(info.norm) or ():
            j = flag_index.get(t)
            if j is not None:
                row[j] = 1.0
        if gz_tags is not None:
            for g in gz_tags[i]:
                j = flag_index.get(g)
                if j is not None:
                    row[j] = 1.0
        L = len(base)
        row[flag_index["len=" + (str(L) if 1 <= L <= 5 else "1" if L < 1 else "6-7" if L <= 7 else "8+")]] = 1.0
    return Inputs(words, chars, prefix, flags)


# ---------------------------------------------------------------- numpy model

def _sigmoid(x: np.ndarray) -> np.ndarray:
    y = np.tanh(0.5 * x)
    y += 1.0
    y *= 0.5
    return y


def _lstm(xw: np.ndarray, w_hh: np.ndarray) -> np.ndarray:
    """LSTM directions run side by side over batches of sequences aligned so that padding comes
    after each sequence. ``xw``: (D, B, T, 4H) input projections with both biases added, one
    slice per direction; ``w_hh``: (D, 4H, H). Gates in torch order (i, f, g, o).
    Returns (D, B, T, H)."""
    D, B, T, H4 = xw.shape
    H = H4 // 4
    h = np.zeros((D, B, H), dtype=np.float32)
    c = np.zeros((D, B, H), dtype=np.float32)
    out = np.empty((D, B, T, H), dtype=np.float32)
    whT = np.ascontiguousarray(w_hh.transpose(0, 2, 1))  # (D, H, 4H)
    for t in range(T):
        g = xw[:, :, t] + h @ whT
        s = _sigmoid(g)
        c = s[..., H:2 * H] * c + s[..., :H] * np.tanh(g[..., 2 * H:3 * H])
        h = s[..., 3 * H:] * np.tanh(c)
        out[:, :, t] = h
    return out


def _logsumexp(a: np.ndarray, axis: int) -> np.ndarray:
    m = a.max(axis=axis, keepdims=True)
    return (m + np.log(np.exp(a - m).sum(axis=axis, keepdims=True))).squeeze(axis)


def viterbi(emissions: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    """Best label sequence of one sentence: ``emissions`` (n, L) scores, ``trans[i, j]`` the
    score of label j after label i."""
    n = emissions.shape[0]
    score = start + emissions[0]
    back = np.zeros((n, emissions.shape[1]), dtype=np.int64)
    for t in range(1, n):
        cand = score[:, None] + trans
        back[t] = cand.argmax(0)
        score = cand.max(0) + emissions[t]
    score = score + end
    best = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        best.append(int(back[t, best[-1]]))
    return best[::-1]


def _by_length(fn, items: Sequence[np.ndarray], batch: int = 48) -> list:
    """``fn`` over batches of items of similar length (less padding), results in input order."""
    order = sorted(range(len(items)), key=lambda i: len(items[i]))
    out: list = [None] * len(items)
    for k in range(0, len(order), batch):
        idx = order[k:k + batch]
        for i, r in zip(idx, fn([items[i] for i in idx])):
            out[i] = r
    return out


def viterbi_batch(emissions: Sequence[np.ndarray], trans: np.ndarray, start: np.ndarray, end: np.ndarray
                  ) -> list[list[int]]:
    """:func:`viterbi` of several sentences at once (padded batches of similar length)."""
    if len(emissions) > 48:
        return _by_length(lambda b: viterbi_batch(b, trans, start, end), emissions)
    if not len(emissions):
        return []
    lens = np.array([len(e) for e in emissions])
    B, T, L = len(emissions), int(lens.max()), trans.shape[0]
    em = np.zeros((B, T, L))
    for i, e in enumerate(emissions):
        em[i, :len(e)] = e
    score = start + em[:, 0]
    back = np.empty((B, T, L), dtype=np.int64)
    back[:, 0] = np.arange(L)
    keep = np.arange(L)
    for t in range(1, T):
        cand = score[:, :, None] + trans
        arg = cand.argmax(1)
        live = (t < lens)[:, None]
        back[:, t] = np.where(live, arg, keep)
        score = np.where(live, np.take_along_axis(cand, arg[:, None, :], 1)[:, 0] + em[:, t], score)
    score = score + end
    best = np.empty((B, T), dtype=np.int64)
    best[:, T - 1] = score.argmax(1)
    rows = np.arange(B)
    for t in range(T - 1, 0, -1):
        best[:, t - 1] = back[rows, t, best[:, t]]
    return [best[i, :n].tolist() for i, n in enumerate(lens)]


def marginals(emissions: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Per-token label marginals (n, L) of the linear-chain CRF (forward-backward, log space)."""
    n, L = emissions.shape
    alpha = np.empty((n, L))
    beta = np.empty((n, L))
    alpha[0] = start + emissions[0]
    for t in range(1, n):
        alpha[t] = _logsumexp(alpha[t - 1][:, None] + trans, 0) + emissions[t]
    beta[n - 1] = end
    for t in range(n - 2, -1, -1):
        beta[t] = _logsumexp(trans + (emissions[t + 1] + beta[t + 1])[None, :], 1)
    z = _logsumexp(alpha[n - 1] + end, 0)
    return np.exp(alpha + beta - z)


class NeuralTagger:
    """The exported network (``ner_nn.npz``): :meth:`emissions` of a batch of sentences,
    then :func:`viterbi` / :func:`marginals` with :attr:`trans`, :attr:`start`, :attr:`end`."""

    def __init__(self, path) -> None:
        with np.load(path, allow_pickle=False) as z:
            p = {k: z[k] for k in z.files}
        f32 = lambda k: p[k].astype(np.float32)  # noqa: E731  (stored as float16)
        self.labels: tuple[str, ...] = tuple(str(x) for x in p["labels"])
        self.vocab = Vocab(
            {str(w): i for i, w in enumerate(p["vocab_words"])},
            {str(c): i for i, c in enumerate(p["vocab_chars"])},
            {str(x): i for i, x in enumerate(p["vocab_prefixes"])},
            tuple(str(f) for f in p["flag_names"]) if "flag_names" in p else FLAG_NAMES,
        )
        self.word_emb = f32("word_emb")
        self.char_emb = f32("char_emb")
        self.prefix_emb = f32("prefix_emb")
        self.conv_w = f32("conv_w")  # (F, C, K) as torch Conv1d
        self.conv_b = f32("conv_b")
        self.w_ih = [f32("w_ih_f"), f32("w_ih_b")]
        self.w_hh = [f32("w_hh_f"), f32("w_hh_b")]
        self.b = [f32("b_ih_f") + f32("b_hh_f"), f32("b_ih_b") + f32("b_hh_b")]
        self.out_w = f32("out_w")
        self.out_b = f32("out_b")
        self.trans = f32("trans").astype(np.float64)
        self.start = f32("start").astype(np.float64)
        self.end = f32("end").astype(np.float64)
        F, C, K = self.conv_w.shape
        n_in = self.w_ih[0].shape[1]
        expected = self.word_emb.shape[1] + F + self.prefix_emb.shape[1] + len(self.vocab.flags)
        if n_in != expected:
            raise ValueError(f"{path}: the network reads {n_in} inputs a token, its vocabularies and "
                             f"{len(self.vocab.flags)} flags make {expected}")
        self._conv = self.conv_w.transpose(2, 1, 0).reshape(K * C, F)  # (K*C, F)

    def _char_vectors(self, chars: np.ndarray) -> np.ndarray:
        """Char-CNN word vectors (N, F): embedding, convolution (padding K//2), max over
        the word's characters, as in training."""
        N, W = chars.shape
        F, C, K = self.conv_w.shape
        pad = K // 2
        e = self.char_emb[chars]  # (N, W, C); id 0 is the zero <pad> vector
        e = np.pad(e, ((0, 0), (pad, pad), (0, 0)))
        win = np.concatenate([e[:, k:k + W] for k in range(K)], axis=2)  # (N, W, K*C)
        conv = win @ self._conv + self.conv_b  # (N, W, F)
        lengths = (chars != 0).sum(1)
        valid = np.arange(W)[None, :] < lengths[:, None]
        conv = np.where(valid[:, :, None], conv, -np.inf)
        return conv.max(1)

    def emissions(self, batch: Sequence[Inputs]) -> list[np.ndarray]:
        """Label scores (n_i, L) of each sentence of the batch."""
        lens = [len(x.words) for x in batch]
        B, T = len(batch), max(lens)
        allc = np.concatenate([x.chars for x in batch])
        # char-CNN once per distinct word form of the batch (news repeats its words)
        uniq, inv = np.unique(allc, axis=0, return_inverse=True)
        cv = self._char_vectors(uniq)[inv.ravel()]
        x = np.concatenate([
            self.word_emb[np.concatenate([b.words for b in batch])],
            cv,
            self.prefix_emb[np.concatenate([b.prefix for b in batch])],
            np.concatenate([b.flags for b in batch]),
        ], axis=1)
        starts = np.cumsum([0] + lens[:-1])
        pos = np.arange(T)[None, :]
        valid = pos < np.array(lens)[:, None]
        # token index of each (sentence, step): forward left-aligned, backward reversed in
        # place (the last token first), so that padding always comes after a sequence
        fwd = np.where(valid, starts[:, None] + pos, -1)
        bwd = np.where(valid, starts[:, None] + np.array(lens)[:, None] - 1 - pos, -1)
        N = x.shape[0]
        H = self.w_hh[0].shape[1]
        xw = np.stack([x @ self.w_ih[d].T + self.b[d] for d in range(2)])  # (2, N, 4H), per token
        xw = np.concatenate([xw, np.zeros((2, 1, 4 * H), dtype=np.float32)], axis=1)  # row N: padding
        hd = _lstm(np.stack([xw[0][fwd], xw[1][bwd]]), np.stack(self.w_hh))  # (2, B, T, H)
        h = np.zeros((N + 1, 2 * H), dtype=np.float32)  # row N: padding sink
        h[fwd.ravel(), :H] = hd[0].reshape(B * T, H)
        h[bwd.ravel(), H:] = hd[1].reshape(B * T, H)
        h = h[:N]
        em = (h @ self.out_w.T + self.out_b).astype(np.float64)
        return [em[a:a + n] for a, n in zip(starts, lens)]

    def decode(self, em: np.ndarray) -> list[str]:
        return [self.labels[i] for i in viterbi(em, self.trans, self.start, self.end)]

    def marginals(self, em: np.ndarray) -> np.ndarray:
        return marginals(em, self.trans, self.start, self.end)

    def emissions_batched(self, sents: Sequence[Inputs], batch: int = 48) -> list[np.ndarray]:
        """:meth:`emissions` of any number of sentences, in batches of similar length."""
        order = sorted(range(len(sents)), key=lambda i: len(sents[i].words))
        out: list[np.ndarray] = [None] * len(sents)  # type: ignore[list-item]
        for k in range(0, len(order), batch):
            idx = order[k:k + batch]
            for i, em in zip(idx, self.emissions([sents[i] for i in idx])):
                out[i] = em
        return out

    def marginals_batch(self, ems: Sequence[np.ndarray]) -> list[np.ndarray]:
        """:meth:`marginals` of several sentences at once (forward-backward over padded batches)."""
        if len(ems) > 48:
            return _by_length(self.marginals_batch, ems)
        if not ems:
            return []
        lens = np.array([len(e) for e in ems])
        B, T, L = len(ems), int(lens.max()), self.trans.shape[0]
        em = np.zeros((B, T, L))
        for i, e in enumerate(ems):
            em[i, :len(e)] = e
        # scaled forward-backward in probability space: per step, scores shifted by their
        # maximum and the vectors renormalised (exact up to rounding)
        et = np.exp(self.trans - self.trans.max())
        mx = em.max(2, keepdims=True)
        pe = np.exp(em - mx)  # (B, T, L)
        alpha = np.empty((B, T, L))
        beta = np.empty((B, T, L))
        a0 = np.exp(self.start - self.start.max()) * pe[:, 0]
        alpha[:, 0] = a0 / a0.sum(1, keepdims=True)
        for t in range(1, T):
            a = (alpha[:, t - 1] @ et) * pe[:, t]
            alpha[:, t] = a / a.sum(1, keepdims=True)
        pend = np.exp(self.end - self.end.max())
        beta[:, T - 1] = pend
        live = np.arange(T)[None, :] + 1 < lens[:, None]  # (B, T): t + 1 < n
        for t in range(T - 2, -1, -1):
            b = (pe[:, t + 1] * beta[:, t + 1]) @ et.T
            b /= b.sum(1, keepdims=True)
            beta[:, t] = np.where(live[:, t:t + 1], b, pend)
        m = alpha * beta
        m /= m.sum(2, keepdims=True)
        return [m[i, :n] for i, n in enumerate(lens)]
