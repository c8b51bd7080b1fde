"""The article record one HTML page turns into: the `articles` columns that come from the page itself.

Provenance columns (source, warc_file, run_id, ...) and corpus-level ones (content_hash, near_dup_cluster) are added
by the stages that know them; keeping them out of here lets extraction stay a pure function of (html, url, rules).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, Literal

# timeout / extract_error are set only by the batch door (batch.py) on the line of a page it could not extract.
QualityFlag = Literal[
    "short", "teaser", "boilerplate_heavy", "non_article", "no_date", "no_title", "timeout", "extract_error"
]
QUALITY_FLAGS: tuple[QualityFlag, ...] = (
    "short",
    "teaser",
    "boilerplate_heavy",
    "non_article",
    "no_date",
    "no_title",
    "timeout",
    "extract_error",
)


@dataclass
class ArticleFields:
    """What one page says about its article; every field may be empty, flags say why."""

    title: str | None = None
    lead: str | None = None
    body: str = ""  # clean paragraphs joined by a blank line
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    agency: str | None = None  # wire service credited, never a person
    published_at: datetime | None = None  # timezone-aware, UTC
    modified_at: datetime | None = None  # timezone-aware, UTC
    tz_offset: str | None = None  # offset the page stated, or the source's zone implied: "+07:00"
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    word_count: int = 0
    image_url: str | None = None
    image_caption: str | None = None
    dateline: str | None = None  # place the story was filed from, e.g. "MOSKOW"
    quality_flags: list[QualityFlag] = field(default_factory=list)
    is_article: bool = False
    canonical_link: str | None = None  # what <link rel=canonical> names; not an article field of design.md

    def to_dict(self, *, json_safe: bool = False) -> dict[str, Any]:
        """Plain values. `json_safe` renders timestamps as ISO 8601 strings for JSON lines output, written in the
        page's own offset ("2023-05-19T10:15:00+07:00"): the same instant as the UTC value, but a reader (or a
        checker comparing calendar days) sees the date the page printed, not the UTC day it falls on."""
        data = asdict(self)
        if json_safe:
            local = timezone(_offset(self.tz_offset)) if self.tz_offset else UTC
            for key in ("published_at", "modified_at"):
                value = data[key]
                data[key] = value.astimezone(local).isoformat() if value is not None else None
        return data


def _offset(text: str) -> timedelta:
    sign = -1 if text.startswith("-") else 1
    hours, _, minutes = text.lstrip("+-").partition(":")
    return sign * timedelta(hours=int(hours), minutes=int(minutes or 0))
