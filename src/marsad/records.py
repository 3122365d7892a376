"""The records that flow between Marsad's stages: small, typed, immutable."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from marsad.text.offsets import OffsetMap

__all__ = ["Article", "ArticleText", "IngestError"]


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from a file, feed entry or JSON line.

    ``raw_text`` is the text as decoded (for HTML, the main text trafilatura extracted),
    ``text`` the cleaned article and ``offsets`` the map from ``text`` back to ``raw_text``:
    anything found at ``text[s:e]`` is shown as evidence at ``raw_text[offsets.span_to_src(s, e)]``.
    ``id`` is a hash of the normalised content, so the same article read twice (or copied
    verbatim by another outlet) has the same id.
    """

    id: str
    text: str
    raw_text: str
    offsets: OffsetMap
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None          # ISO 8601 date or datetime
    published_from: str | None = None     # "metadata" | "text" | None
    dateline: str | None = None           # place/agency line the text opened with
    source_path: str | None = None
    source_line: int | None = None        # line (JSONL) or entry (feed) number, 1-based
    format: str = "txt"                   # txt | jsonl | json | html | feed
    encoding: str | None = None
    removed: tuple[tuple[int, int, str], ...] = ()  # raw spans cleaning dropped, with the rule name
    extra: dict[str, Any] = field(default_factory=dict)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Span in ``raw_text`` of the cleaned-text span ``[start, end)``."""
        return self.offsets.span_to_src(start, end)

    def to_dict(self, *, with_text: bool = True) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in self.__slots__ if k not in ("offsets", "removed")}
        d["removed"] = [list(r) for r in self.removed]
        if not with_text:
            d.pop("text")
            d.pop("raw_text")
        else:
            d["offsets"] = self.offsets.to_list()
        return d


@dataclass(frozen=True, slots=True)
class ArticleText:
    """A stored article's cleaned text and what names it, for corpus stages that read only
    the text (:func:`marsad.corpus.copies.find_copies`): without the raw text and its offset
    map, about half the memory of an :class:`Article` (a 100,000-article corpus is held in
    memory whole)."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    source_path: str | None = None
    source_line: int | None = None
    format: str = "txt"


@dataclass(frozen=True, slots=True)
class IngestError:
    """One input Marsad could not read, with where and why."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
