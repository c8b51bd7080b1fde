"""What the gate decided about one partition, in plain Python that the publish step and the DAG can use without GX."""

from __future__ import annotations

import datetime
import json
from dataclasses import asdict, dataclass, field
from typing import Any

BLOCKING = "blocking"
WARNING = "warning"
SEVERITIES = (BLOCKING, WARNING)


@dataclass(frozen=True)
class ExpectationOutcome:
    """One expectation checked against one table; `observed` and `details` are JSON-safe."""

    table: str
    expectation: str  # the GX expectation type, e.g. expect_column_values_to_be_unique
    column: str | None  # the column, or the columns joined by ", " for multi-column expectations
    severity: str  # BLOCKING or WARNING
    success: bool
    observed: Any
    details: dict[str, Any] = field(default_factory=dict)

    def describe(self) -> str:
        """One line a person can act on: where, what, what was seen, how bad."""
        target = f"{self.expectation}({self.column})" if self.column else self.expectation
        return f"{self.table}: {target} observed {_observed_text(self)} [{self.severity}]"


@dataclass(frozen=True)
class GateResult:
    source: str
    crawl_date: datetime.date
    run_id: str
    passed: bool  # True iff no BLOCKING expectation failed
    outcomes: list[ExpectationOutcome]
    evaluated: int
    failed_blocking: list[ExpectationOutcome]
    warnings: list[ExpectationOutcome]  # failed WARNING expectations: published anyway, but reported
    report_path: str | None  # the Data Docs page of the first validated table (articles when given)
    report_pages: dict[str, str] = field(default_factory=dict)  # table -> its Data Docs validation page

    @classmethod
    def from_outcomes(
        cls,
        outcomes: list[ExpectationOutcome],
        *,
        source: str,
        crawl_date: datetime.date,
        run_id: str,
        report_pages: dict[str, str],
    ) -> GateResult:
        """Derive the verdict from the outcomes, so passed / failed_blocking / warnings can never disagree."""
        failed_blocking = [o for o in outcomes if not o.success and o.severity == BLOCKING]
        return cls(
            source=source,
            crawl_date=crawl_date,
            run_id=run_id,
            passed=not failed_blocking,
            outcomes=list(outcomes),
            evaluated=len(outcomes),
            failed_blocking=failed_blocking,
            warnings=[o for o in outcomes if not o.success and o.severity == WARNING],
            report_path=next(iter(report_pages.values()), None),
            report_pages=dict(report_pages),
        )

    def summary(self) -> str:
        """The failed expectations, blocking first, one per line; the verdict line when nothing failed."""
        failed = self.failed_blocking + self.warnings
        if not failed:
            return f"{self.source} {self.crawl_date.isoformat()}: all {self.evaluated} expectations passed"
        return "\n".join(outcome.describe() for outcome in failed)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict, written as validation.json next to a quarantined partition."""
        document = asdict(self)
        document["crawl_date"] = self.crawl_date.isoformat()
        json.dumps(document)  # fail here, naming nothing downstream, if an observed value slipped through unconverted
        return document


def _observed_text(outcome: ExpectationOutcome) -> str:
    error = outcome.details.get("error")
    if error:
        return f"an error: {error}"
    observed = outcome.observed
    if isinstance(observed, dict) and "unexpected_count" in observed:
        count, rows = observed["unexpected_count"], observed.get("element_count") or 0
        text = f"{count} of {rows} rows unexpected" + (f" ({100 * count / rows:.0f}%)" if rows else "")
        sample: list[Any] = []
        for value in observed.get("sample") or []:
            if value is not None and value not in sample:
                sample.append(value)
        return f"{text}, e.g. {sample!r}" if sample else text
    return "n/a" if observed is None else json.dumps(observed, default=str)
