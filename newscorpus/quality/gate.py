"""validate_partition: run the committed suites over one staged (source, crawl_date) partition.

The verdict is computed here from each expectation's `meta.severity`, not from GX's overall success: a failed
warning must still let the partition through, and GX counts it as a failure like any other.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newscorpus.quality.checkpoints import table_checkpoint
from newscorpus.quality.data_docs import validation_page
from newscorpus.quality.frames import validation_frame
from newscorpus.quality.outcomes import outcome_from_result
from newscorpus.quality.parameters import partition_parameters
from newscorpus.quality.project import open_project
from newscorpus.quality.results import ExpectationOutcome, GateResult
from newscorpus.quality.suites import load_suite, required_parameters, suite_document, suite_tables

if TYPE_CHECKING:
    import pyarrow as pa

# Path separators, and HTML's special characters: GX writes the run name unescaped into the breadcrumb of each page
# and into the index's table data, which its JavaScript renders as HTML. Airflow's run ids never contain them.
_UNSAFE_IN_RUN_NAME = re.compile(r"[/\\<>&\"']")


def run_name(source: str, crawl_date: datetime.date, run_id: str) -> str:
    """The GX run name: it is a directory in the result store and the label in the Data Docs index."""
    label = f"source={source} crawl_date={crawl_date.isoformat()} run_id={run_id}"
    return _UNSAFE_IN_RUN_NAME.sub("_", label)


def validate_partition(
    tables: dict[str, pa.Table],
    *,
    source: str,
    crawl_date: datetime.date,
    run_id: str,
    parameters: dict[str, Any],
    reports_dir: Path,
) -> GateResult:
    """Validate every given table that has a suite; store the results and update their Data Docs pages.

    Tables without a suite are skipped, but a call in which no table has one is an error: a gate that checked
    nothing must not let a partition through. A `$PARAMETER` the suites need and the caller did not give is an
    error too (see gate_parameters for the per-source values).
    """
    from great_expectations.core.run_identifier import RunIdentifier

    checked = [table for table in suite_tables() if table in tables]
    if not checked:
        raise ValueError(f"none of the tables {sorted(tables)} has a suite (suites exist for {suite_tables()})")
    expectation_parameters = partition_parameters(parameters, source=source, crawl_date=crawl_date)
    needed = set().union(*(required_parameters(suite_document(table)) for table in checked))
    missing = sorted(needed - set(expectation_parameters))
    if missing:
        raise ValueError(f"parameters missing for the quality gate: {', '.join(missing)}")

    run = RunIdentifier(run_name=run_name(source, crawl_date, run_id), run_time=datetime.datetime.now(datetime.UTC))
    outcomes: list[ExpectationOutcome] = []
    report_pages: dict[str, str] = {}
    with open_project(reports_dir) as context:
        for table in checked:
            checkpoint = table_checkpoint(context, load_suite(table))
            result = checkpoint.run(
                batch_parameters={"dataframe": validation_frame(tables[table])},
                expectation_parameters=expectation_parameters,
                run_id=run,
            )
            for result_id, suite_result in result.run_results.items():
                outcomes.extend(outcome_from_result(table, r.to_json_dict()) for r in suite_result.results)
                page = validation_page(context, result_id)
                if page:
                    report_pages[table] = page
    return GateResult.from_outcomes(
        outcomes, source=source, crawl_date=crawl_date, run_id=run_id, report_pages=report_pages
    )
