"""A staged Arrow table turned into the pandas frame GX validates (GX 1.24 has no DuckDB or Arrow data source).

Two adjustments make the expectations mean what the suites say:
- an empty list (no authors, no tags) becomes null, so "coverage" expectations count it as missing;
- a timestamp without a time zone is read as UTC (the design stores UTC), so it compares with the tz-aware
  `max_published_at` instead of raising "cannot compare tz-naive and tz-aware".
Only the frame being validated changes; the staged Parquet is untouched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa


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
    return pa.Table.from_arrays(columns, names=table.column_names).to_pandas()
