"""The two readings the extraction tests assert on most: whom a credit line names, and the day a page is dated."""

from __future__ import annotations

from newscorpus.extract.bylines import read_byline
from newscorpus.extract.fields import ArticleFields


def authors_of(line: str, *, at_start: bool = True) -> list[str] | None:
    """The writers a credit line names; None when the line is no credit at all."""
    byline = read_byline(line, at_start=at_start)
    return None if byline is None else byline.authors


def published_day(article: ArticleFields) -> str | None:
    """The publication day as the extractor dated it (its own offset's calendar day), ISO-formatted."""
    return None if article.published_at is None else article.published_at.date().isoformat()
