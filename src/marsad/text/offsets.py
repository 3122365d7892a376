"""Offset maps: where each character of a derived text came from in its source text.

Every transformation Marsad applies to text (cleaning an article, normalising it for
matching) returns the new text together with an :class:`OffsetMap`, so that anything
found in the derived text can be shown as evidence in the original.

The map is stored as aligned blocks ``(dst_start, src_start, length)``: for ``0 <= k <
length``, derived character ``dst_start + k`` comes from source character ``src_start + k``.
Derived positions not covered by a block (there are none for the maps Marsad builds) fall
back to the nearest preceding block. This is the "opcode blocks" idea of RapidFuzz's
``Opcodes``: compact, and exact for the common case of long unchanged runs.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable, Sequence

__all__ = ["OffsetMap"]

_INF = float("inf")


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Map positions of a derived text back to its source text.

    Args:
        blocks: aligned runs ``(dst_start, src_start, length)`` sorted by ``dst_start``.
        dst_len: length of the derived text.
        src_len: length of the source text.

    Example:
        >>> m = OffsetMap.from_positions([0, 1, 3, 4], src_len=5)
        >>> m.span_to_src(1, 3)
        (1, 4)
    """

    blocks: tuple[tuple[int, int, int], ...]
    dst_len: int
    src_len: int

    @classmethod
    def identity(cls, n: int) -> "OffsetMap":
        return cls(((0, 0, n),) if n else (), n, n)

    @classmethod
    def from_positions(cls, positions: Sequence[int], src_len: int) -> "OffsetMap":
        """Build from one source index per derived character (``len(positions) == dst_len``)."""
        blocks: list[tuple[int, int, int]] = []
        for d, s in enumerate(positions):
            if blocks:
                bd, bs, bl = blocks[-1]
                if bd + bl == d and bs + bl == s:
                    blocks[-1] = (bd, bs, bl + 1)
                    continue
            blocks.append((d, s, 1))
        return cls(tuple(blocks), len(positions), src_len)

    @classmethod
    def from_blocks(cls, blocks: Iterable[Sequence[int]], dst_len: int, src_len: int) -> "OffsetMap":
        bl = tuple((int(a), int(b), int(c)) for a, b, c in blocks)
        for (d0, _, l0), (d1, _, _) in zip(bl, bl[1:]):
            if d1 < d0 + l0:
                raise ValueError(f"overlapping offset blocks at derived position {d1}")
        return cls(bl, dst_len, src_len)

    def to_src(self, pos: int) -> int:
        """Source index of derived character ``pos`` (``pos == dst_len`` maps to the end)."""
        if pos < 0 or pos > self.dst_len:
            raise IndexError(f"position {pos} outside 0..{self.dst_len}")
        if pos == self.dst_len:
            if not self.blocks:
                return self.src_len
            d, s, n = self.blocks[-1]
            return s + n if d + n == pos else self.src_len
        i = bisect_right(self.blocks, (pos, _INF, 0)) - 1
        if i < 0:
            return 0
        d, s, n = self.blocks[i]
        return s + min(pos - d, n - 1) if pos >= d + n else s + (pos - d)

    def span_to_src(self, start: int, end: int) -> tuple[int, int]:
        """Map the half-open derived span ``[start, end)`` to the smallest covering source span."""
        if start > end:
            raise ValueError(f"bad span {start}..{end}")
        b = self.blocks
        if len(b) == 1 and 0 <= start and end <= self.dst_len and b[0] == (0, 0, self.dst_len):
            return start, end      # one run over the whole text: the identity (the common case)
        if start == end:
            p = self.to_src(start)
            return p, p
        return self.to_src(start), self.to_src(end - 1) + 1

    def then(self, outer: "OffsetMap") -> "OffsetMap":
        """Compose: ``self`` maps C->B and ``outer`` maps B->A; the result maps C->A.

        Works block by block: each run of ``self`` is cut where ``outer``'s runs change.
        """
        out: list[tuple[int, int, int]] = []
        ob = outer.blocks
        starts = [b[0] for b in ob]
        for d, s, n in self.blocks:
            k = 0
            while k < n:
                pos = s + k
                i = bisect_right(starts, pos) - 1
                if i >= 0 and ob[i][0] <= pos < ob[i][0] + ob[i][2]:
                    od, os_, on = ob[i]
                    take = min(n - k, od + on - pos)
                    _append(out, d + k, os_ + (pos - od), take)
                else:
                    take = 1
                    _append(out, d + k, outer.to_src(pos), 1)
                k += take
        return OffsetMap(tuple(out), self.dst_len, outer.src_len)

    def to_list(self) -> list[list[int]]:
        return [list(b) for b in self.blocks]


def _append(blocks: list[tuple[int, int, int]], d: int, s: int, n: int) -> None:
    """Append a run, merging it with the previous one when they are contiguous."""
    if blocks:
        bd, bs, bn = blocks[-1]
        if bd + bn == d and bs + bn == s:
            blocks[-1] = (bd, bs, bn + n)
            return
    blocks.append((d, s, n))
