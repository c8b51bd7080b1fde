"""The `$PARAMETER` values the suites leave to the caller, because they differ per source or per partition."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from newscorpus.quality.baselines import COVERED_FIELDS, Baseline

if TYPE_CHECKING:
    from newscorpus.sources import Source

# Articles may carry a publication time a little past the crawl date: the crawl of a day runs after it ends, and
# outlets east of UTC are already in the next day. Further in the future is a time zone or parsing bug.
PUBLISHED_AT_MARGIN = datetime.timedelta(days=1)


def max_published_at(crawl_date: datetime.date, margin: datetime.timedelta = PUBLISHED_AT_MARGIN) -> datetime.datetime:
    """The end of the crawl date (UTC) plus the margin."""
    day_end = datetime.datetime.combine(crawl_date + datetime.timedelta(days=1), datetime.time(), datetime.UTC)
    return day_end + margin


def gate_parameters(source: Source, crawl_date: datetime.date, baseline: Baseline | None = None) -> dict[str, Any]:
    """The parameters for one source's partition: from its entry in the source registry, and from its trailing
    baseline of published partitions (a sudden drop in articles or in date/byline/image coverage fails)."""
    baseline = baseline or Baseline(0, 0.0, {})
    history = baseline.partitions > 0
    floor = int(baseline.mean_articles * (1 - source.max_row_drop)) if history else 0
    parameters = {
        "min_articles": max(source.min_articles, floor),
        "min_words": source.min_words,
        "languages": [source.language],
        "max_published_at": max_published_at(crawl_date),
    }
    for name in COVERED_FIELDS:
        usual = baseline.coverage.get(name, 0.0) if history else 0.0
        parameters[f"min_{name}_coverage"] = round(max(0.0, usual - source.max_coverage_drop), 4)
    return parameters


def partition_parameters(parameters: dict[str, Any], *, source: str, crawl_date: datetime.date) -> dict[str, Any]:
    """The caller's parameters completed with what the partition itself fixes.

    `partition_source` always comes from the partition (a caller cannot make a partition accept another source's
    rows); `max_published_at` defaults from the crawl date and, when it crossed a JSON boundary (XCom) as an ISO
    string, is turned back into a UTC datetime, because a string would not compare with a timestamp column.
    """
    merged = {"max_published_at": max_published_at(crawl_date), **parameters, "partition_source": [source]}
    merged["max_published_at"] = _utc_datetime(merged["max_published_at"])
    return merged


def _utc_datetime(value: Any) -> datetime.datetime:
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    elif isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time())
    if not isinstance(value, datetime.datetime):
        raise TypeError(f"max_published_at must be a datetime or an ISO string, got {value!r}")
    return value.replace(tzinfo=datetime.UTC) if value.tzinfo is None else value.astimezone(datetime.UTC)
