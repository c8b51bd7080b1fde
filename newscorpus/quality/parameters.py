"""The `$PARAMETER` values the suites leave to the caller, because they differ per source or per partition.

Where each comes from:
- the source registry (sources.yaml): min_articles, min_words, language, lookback_days (the run's window),
  max_row_drop and max_coverage_drop (how far below its own baseline a source may fall);
- the source's trailing baseline of published partitions (quality/baselines.py): articles a day, coverage of
  dates / bylines / images, the median body length, and the usual shares of near duplicates and of flagged rows;
- the suite itself (`meta.thresholds` of expectations/articles.json): the bounds a source without history starts
  from, and how far from its baseline a source may move. They are reviewed with the expectations they feed, not
  buried in code.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from newscorpus.quality.baselines import COVERED_FIELDS, SHARE_SQL, Baseline
from newscorpus.quality.suites import suite_thresholds

if TYPE_CHECKING:
    from newscorpus.sources import Source

# Articles may carry a publication time a little past the crawl date: the crawl of a day runs after it ends, and
# outlets east of UTC are already in the next day. Further in the future is a time zone or parsing bug. The same
# margin widens the window at its old end (an outlet west of UTC, a story updated after midnight).
PUBLISHED_AT_MARGIN = datetime.timedelta(days=1)
_DATETIME_PARAMETERS = ("max_published_at", "min_published_at")


def max_published_at(crawl_date: datetime.date, margin: datetime.timedelta = PUBLISHED_AT_MARGIN) -> datetime.datetime:
    """The end of the crawl date (UTC) plus the margin."""
    day_end = datetime.datetime.combine(crawl_date + datetime.timedelta(days=1), datetime.time(), datetime.UTC)
    return day_end + margin


def min_published_at(
    crawl_date: datetime.date, lookback_days: int, margin: datetime.timedelta = PUBLISHED_AT_MARGIN
) -> datetime.datetime:
    """The start of the run's window: a run for day D takes articles dated D - lookback_days .. D (UTC), less the
    margin."""
    window_start = crawl_date - datetime.timedelta(days=max(0, lookback_days))
    return datetime.datetime.combine(window_start, datetime.time(), datetime.UTC) - margin


def gate_parameters(source: Source, crawl_date: datetime.date, baseline: Baseline | None = None) -> dict[str, Any]:
    """The parameters for one source's partition: from its entry in the source registry, from its trailing
    baseline of published partitions (a sudden drop in articles or in date/byline/image coverage fails, and so
    does a body length or a share of copies / flagged rows far from its usual), and from the suite's thresholds."""
    thresholds = suite_thresholds("articles")
    baseline = baseline or Baseline(0, 0.0, {})
    history = baseline.partitions > 0
    floor = int(baseline.mean_articles * (1 - source.max_row_drop)) if history else 0
    parameters: dict[str, Any] = {
        "min_articles": max(source.min_articles, floor),
        "min_words": source.min_words,
        "languages": [source.language],
        "max_published_at": max_published_at(crawl_date),
        "min_published_at": min_published_at(crawl_date, source.lookback_days),
    }
    for name in COVERED_FIELDS:
        usual = baseline.coverage.get(name, 0.0) if history else 0.0
        parameters[f"min_{name}_coverage"] = round(max(0.0, usual - source.max_coverage_drop), 4)
    if history and baseline.median_words > 0:
        usual_median = baseline.median_words
        parameters["min_median_words"] = max(
            source.min_words, round(usual_median * (1 - thresholds["median_words_drop"]))
        )
        parameters["max_median_words"] = round(usual_median * (1 + thresholds["median_words_rise"]))
    else:
        parameters["min_median_words"] = source.min_words
        parameters["max_median_words"] = thresholds["max_median_words"]
    parameters["max_median_words"] = max(parameters["max_median_words"], parameters["min_median_words"])
    for name in SHARE_SQL:
        default = thresholds[f"max_{name}_share"]
        usual = baseline.shares.get(name, 0.0) if history else 0.0
        parameters[f"max_{name}_share"] = round(min(1.0, max(default, usual + thresholds["share_margin"])), 4)
    return parameters


def partition_parameters(parameters: dict[str, Any], *, source: str, crawl_date: datetime.date) -> dict[str, Any]:
    """The caller's parameters completed with what the partition itself fixes.

    `partition_source` always comes from the partition (a caller cannot make a partition accept another source's
    rows); `max_published_at` defaults from the crawl date; both ends of the published_at window, when they crossed
    a JSON boundary (XCom) as ISO strings, are turned back into UTC datetimes, because a string would not compare
    with a timestamp column.
    """
    merged = {"max_published_at": max_published_at(crawl_date), **parameters, "partition_source": [source]}
    for name in _DATETIME_PARAMETERS:
        if name in merged:
            merged[name] = _utc_datetime(merged[name], name)
    return merged


def _utc_datetime(value: Any, name: str) -> datetime.datetime:
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    elif isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time())
    if not isinstance(value, datetime.datetime):
        raise TypeError(f"{name} must be a datetime or an ISO string, got {value!r}")
    return value.replace(tzinfo=datetime.UTC) if value.tzinfo is None else value.astimezone(datetime.UTC)
