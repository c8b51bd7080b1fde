"""A staged Arrow table turned into the pandas frame GX validates (GX 1.24 has no DuckDB or Arrow data source).

Two adjustments make the expectations mean what the suites say:
- an empty list (no authors, no tags) becomes null, so "coverage" expectations count it as missing;
- a timestamp without a time zone is read as UTC (the design stores UTC), so it compares with the tz-aware
  `max_published_at` instead of raising "cannot compare tz-naive and tz-aware".

And some per-row facts are added as 0/1 columns named `gate_*`, so that a share of the partition is the column's
mean and GX's `expect_column_mean_to_be_between` bounds it with the observed share in its report:
- `gate_exact_duplicate`: the row's content_hash is shared with another row of the partition (the dedup step
  keeps one copy per body, so any share above 0 means it broke);
- `gate_near_duplicate`: the row's near_dup_cluster is shared with another row of the partition. Measurable only
  after the run's clustering step; copies across sources or of earlier days (wire stories) are legitimate and not
  counted, the same outlet publishing near-identical bodies under many URLs on one day is what this catches (and
  an extractor that reads the same page furniture for every article makes every body alike);
- `gate_flag_<flag>`: the extractor set that quality flag (short, teaser, non_article).
A derived column is only added when the columns it is computed from exist: otherwise the expectation on it fails
as a missing column, which blocks, as a missing source column would.
Only the frame being validated changes; the staged Parquet is untouched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

SHARED_VALUE_COLUMNS = {"gate_exact_duplicate": "content_hash", "gate_near_duplicate": "near_dup_cluster"}
FLAGS = ("short", "teaser", "non_article")


def validation_frame(table: pa.Table) -> pd.DataFrame:
    import pyarrow as pa
    import pyarrow.compute as pc

    columns = []
    for column in table.columns:
        kind = column.type
        if pa.types.is_list(kind) or pa.types.is_large_list(kind):
            empty = pc.equal(pc.list_value_length(column), 0)
            column = pc.if_else(empty, pa.scalar(None, kind), column)
        elif pa.types.is_timestamp(kind) and kind.tz is None:
            column = column.cast(pa.timestamp(kind.unit, tz="UTC"))
        columns.append(column)
    frame = pa.Table.from_arrays(columns, names=table.column_names).to_pandas()
    return _with_row_facts(frame)


def _with_row_facts(frame: pd.DataFrame) -> pd.DataFrame:
    for derived, column in SHARED_VALUE_COLUMNS.items():
        if column in frame.columns:
            values = frame[column]
            frame[derived] = (values.notna() & values.duplicated(keep=False)).astype("int64")
    if "quality_flags" in frame.columns:
        flags = frame["quality_flags"]
        for flag in FLAGS:
            frame[f"gate_flag_{flag}"] = flags.map(lambda value, flag=flag: _has(value, flag)).astype("int64")
    return frame


def _has(value: object, flag: str) -> bool:
    if value is None or isinstance(value, float):  # null list (NaN in an object column)
        return False
    return flag in list(value)
