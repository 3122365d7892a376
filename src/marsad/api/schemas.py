"""Request and response models of the REST API (they make the OpenAPI schema).

Offsets: ``start``/``end`` index an article's cleaned ``text`` (what ``GET /api/articles/{id}``
returns), half-open; ``raw_start``/``raw_end`` index the text as read from the file.
"""

from __future__ import annotations

from typing import Generic, Literal, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")

CATEGORIES = ("casualties", "troops", "personnel", "munitions", "weapons", "containers", "visits", "money", "other")
Category = Literal["casualties", "troops", "personnel", "munitions", "weapons", "containers", "visits", "money", "other"]
EntityType = Literal["PER", "ORG", "LOC"]

# limits, shared by the API and the pages
MAX_PER_PAGE = 100
MAX_PAGE = 100_000
MAX_QUERY_CHARS = 300
MAX_TEXT_CHARS = 1_000_000      # one article posted as JSON
MAX_JSON_ARTICLES = 100


class Page(BaseModel, Generic[T]):
    total: int = Field(description="Items matching the filters, over all pages.")
    page: int
    per_page: int
    items: list[T]


class ArticleSummary(BaseModel):
    id: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    format: str
    encoding: Optional[str] = None
    source_path: Optional[str] = None
    chars: int
    head: str = Field(description="The first characters of the cleaned text.")
    sightings: int = Field(description="How many times this exact text was ingested (copies).")
    claims: int


class Sighting(BaseModel):
    source_path: Optional[str] = None
    source_line: Optional[int] = None
    url: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    seen_at: Optional[str] = None


class EntityMention(BaseModel):
    start: Optional[int] = Field(None, description="Cleaned-text offset; null for a mention in a line cleaning removed.")
    end: Optional[int] = None
    raw_start: int
    raw_end: int
    text: str
    entity_id: str
    type: str
    name_ar: str
    name_en: str
    via: str


class ClaimSource(BaseModel):
    text: str
    start: Optional[int] = None
    end: Optional[int] = None
    cue: Optional[str] = None
    entity_id: Optional[str] = None
    entity_name: Optional[str] = None


class Claim(BaseModel):
    id: int
    article_id: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    text: str
    value_min: Optional[float] = None
    value_max: Optional[float] = None
    qualifier: str
    category: str
    noun: Optional[str] = None
    predicate: Optional[str] = None
    actor: Optional[str] = None
    stance: str
    ref_date: Optional[str] = None
    ref_date_from: Optional[str] = None
    source: Optional[ClaimSource] = Field(None, description="Who the text attributes the figure to; null: the article itself.")
    sentence: str
    sentence_start: int
    entities: list[str] = Field(default_factory=list, description="Entities mentioned in the claim's sentence.")
    outlet: Optional[str] = None
    published: Optional[str] = None
    title: Optional[str] = None
    article_head: Optional[str] = Field(None, description="The first characters of the article's text.")


class Quote(BaseModel):
    start: int
    end: int
    text: str
    kind: str
    speaker: Optional[str] = None
    speaker_entity: Optional[str] = None


class ArticleDetail(BaseModel):
    id: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None
    published_from: Optional[str] = None
    dateline: Optional[str] = None
    format: str
    encoding: Optional[str] = None
    source_path: Optional[str] = None
    text: str = Field(description="The cleaned text; every span of this response indexes it.")
    sightings: list[Sighting]
    claims: list[Claim]
    entities: list[EntityMention]
    quotes: list[Quote]


class EntitySummary(BaseModel):
    id: str
    type: str
    name_ar: str
    name_en: str
    wikidata: Optional[str] = None
    spellings: list[str]
    mentions: int
    articles: int


class Spelling(BaseModel):
    text: str
    count: int


class ArticleRef(BaseModel):
    id: str
    title: Optional[str] = None
    head: str = ""
    outlet: Optional[str] = None
    published: Optional[str] = None
    mentions: int = 0


class MentionInContext(BaseModel):
    article_id: str
    start: Optional[int] = None
    end: Optional[int] = None
    text: str
    before: str
    after: str


class EntityDetail(EntitySummary):
    spelling_counts: list[Spelling]
    article_list: list[ArticleRef]
    mention_list: list[MentionInContext]
    claims_as_source: int = Field(description="Claims attributed to this entity (see /api/claims?entity=...&role=source).")


class Snippet(BaseModel):
    start: int = Field(description="Offset of the snippet in the article's cleaned text.")
    end: int
    text: str = Field(description="The original text of the article, unchanged.")
    highlights: list[tuple[int, int]] = Field(description="Hits, as offsets into `text`.")


class SearchHit(BaseModel):
    id: str
    title: Optional[str] = None
    head: str = Field(description="The first characters of the cleaned text.")
    outlet: Optional[str] = None
    published: Optional[str] = None
    score: float = Field(description="BM25 (lower is better).")
    exact: bool = Field(description="Holds the words as typed (not only spelling variants).")
    title_highlights: list[tuple[int, int]]
    snippets: list[Snippet]
    hits: int = Field(description="Matching words in the text.")


class SearchPage(Page[SearchHit]):
    query: str
    terms: list[str] = Field(description="Index terms searched: the query's words (normalised, clitics removed) "
                                         "and the spelling variants found in the corpus.")
    entities: list[EntitySummary] = Field(description="Entities whose name matches the query.")


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    title: Optional[str] = Field(None, max_length=1000)
    outlet: Optional[str] = Field(None, max_length=300)
    url: Optional[str] = Field(None, max_length=2000)
    author: Optional[str] = Field(None, max_length=300)
    published: Optional[str] = Field(None, max_length=64, description="ISO 8601 date or datetime, or RFC 822.")


class ArticlesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_JSON_ARTICLES)


class UploadedArticle(BaseModel):
    id: str
    title: Optional[str] = None
    head: str = Field(description="The first characters of the cleaned text.")
    outlet: Optional[str] = None
    published: Optional[str] = None
    source: str
    new: bool
    claims: int


class UploadReport(BaseModel):
    files: int
    added: int
    duplicates: int
    articles: list[UploadedArticle]


class ErrorDetail(BaseModel):
    where: str
    message: str


class Error(BaseModel):
    error: str
    details: list[ErrorDetail] = Field(default_factory=list)


class Stats(BaseModel):
    articles: int
    claims: int
    entities: Optional[int] = None
    outlets: list[str]
    categories: dict[str, int]
    write_requires_token: bool
