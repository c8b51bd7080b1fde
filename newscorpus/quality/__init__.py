"""The quality gate: Great Expectations checks a staged (source, crawl_date) partition before it is published.

Importing this package stays cheap (GX is imported inside the functions that need it, it takes seconds), and it
quiets the `great_expectations` logger first: GX logs hundreds of INFO lines while it registers its expectations,
which would bury the task log of every Airflow run that validates a partition.
"""

from __future__ import annotations

import logging

_gx_logger = logging.getLogger("great_expectations")
if _gx_logger.level == logging.NOTSET:  # leave a level someone configured on purpose alone
    _gx_logger.setLevel(logging.WARNING)

from newscorpus.quality.data_docs import build_data_docs  # noqa: E402
from newscorpus.quality.gate import validate_partition  # noqa: E402
from newscorpus.quality.parameters import gate_parameters  # noqa: E402
from newscorpus.quality.results import ExpectationOutcome, GateResult  # noqa: E402
from newscorpus.quality.suites import load_suite, suite_tables  # noqa: E402

__all__ = [
    "ExpectationOutcome",
    "GateResult",
    "build_data_docs",
    "gate_parameters",
    "load_suite",
    "suite_tables",
    "validate_partition",
]
