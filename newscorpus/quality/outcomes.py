"""Turns GX validation results into ExpectationOutcome rows.

Works on the JSON form of a result (`ExpectationValidationResult.to_json_dict()`), so everything kept is JSON-safe
and this module never imports GX. The observed value is what a person needs to see first: the metric for aggregate
expectations (row count, proportion), or the count and a few examples of offending values for row-wise ones.
"""

from __future__ import annotations

from typing import Any

from newscorpus.quality.results import BLOCKING, ExpectationOutcome

SAMPLE_SIZE = 5  # offending values shown in the outcome; the full partial list stays in the Data Docs


def outcome_from_result(table: str, result: dict[str, Any]) -> ExpectationOutcome:
    """One outcome from one `ExpectationValidationResult.to_json_dict()`."""
    config = result.get("expectation_config") or {}
    kwargs = config.get("kwargs") or {}
    metrics = result.get("result") or {}
    error = exception_message(result.get("exception_info") or {})
    details: dict[str, Any] = {"kwargs": kwargs, "result": metrics}
    if error:
        details["error"] = error
    return ExpectationOutcome(
        table=table,
        expectation=config.get("type", "unknown"),
        column=_column(kwargs),
        severity=(config.get("meta") or {}).get("severity", BLOCKING),
        success=bool(result.get("success")),
        observed=None if error else observed_value(metrics),
        details=details,
    )


def observed_value(metrics: dict[str, Any]) -> Any:
    mismatched = (metrics.get("details") or {}).get("mismatched")
    if isinstance(mismatched, dict):  # column-set expectations: which columns are missing says more than all of them
        return mismatched
    if "observed_value" in metrics:
        return metrics["observed_value"]
    if "unexpected_count" in metrics:
        return {
            "element_count": metrics.get("element_count"),
            "unexpected_count": metrics["unexpected_count"],
            "sample": (metrics.get("partial_unexpected_list") or [])[:SAMPLE_SIZE],
        }
    return None


def exception_message(exception_info: dict[str, Any]) -> str | None:
    """The first error GX caught while checking; None when the check ran.

    GX reports a failed metric (e.g. a missing column) as {metric id: {"raised_exception": True, ...}} and an
    expectation that failed itself as one flat {"raised_exception": True, ...}; both mean the check did not run.
    """
    candidates = [exception_info] + [v for v in exception_info.values() if isinstance(v, dict)]
    for info in candidates:
        if info.get("raised_exception") in (True, "True"):
            message = str(info.get("exception_message") or "unknown error").strip()
            return message.splitlines()[0] if message else "unknown error"
    return None


def _column(kwargs: dict[str, Any]) -> str | None:
    if isinstance(kwargs.get("column"), str):
        return kwargs["column"]
    if isinstance(kwargs.get("column_list"), list):
        return ", ".join(str(c) for c in kwargs["column_list"])
    return None
