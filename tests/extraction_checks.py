"""What the extraction tests share: the two readings they assert on most (whom a credit line names, the day a page
is dated) and a plain story page to put a header under a headline on."""

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


def story_page(lang: str, headline: str, header: str, *, head: str = "", paragraphs: list[str] | None = None) -> str:
    """An article page: the headline in an <h1>, the `header` under it, then the story's paragraphs."""
    story = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs or [])
    return (
        f"<html lang='{lang}'><head>{head}<title>{headline}</title></head><body><main><article><h1>{headline}</h1>"
        f"{header}{story}</article></main></body></html>"
    )
