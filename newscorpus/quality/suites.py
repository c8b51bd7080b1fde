"""The committed suites, expectations/<table>.json, read into GX ExpectationSuites.

The JSON files are written and reviewed by hand, in GX's own suite form, so the loader checks what GX cannot know:
every expectation says whether its failure blocks publishing (`meta.severity`), and every `$PARAMETER` it uses can
be listed up front so a caller that forgot one gets a clear error instead of GX's mid-validation exception.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newscorpus import settings
from newscorpus.quality.results import BLOCKING, SEVERITIES, WARNING

if TYPE_CHECKING:
    import great_expectations as gx

# GX's own severity levels, set from ours so the Data Docs show the same verdict the gate acts on.
_GX_SEVERITY = {BLOCKING: "critical", WARNING: "warning"}


class SuiteError(ValueError):
    """A committed suite file that the gate cannot use; the message names the file and the expectation."""


def suites_dir() -> Path:
    return settings.EXPECTATIONS_DIR


def suite_tables() -> list[str]:
    """The tables that have a committed suite, articles first (it decides the partition's report page)."""
    names = sorted(path.stem for path in suites_dir().glob("*.json"))
    return sorted(names, key=lambda name: name != "articles")


def suite_document(table: str) -> dict[str, Any]:
    """The suite JSON of one table, checked for what the gate relies on."""
    path = suites_dir() / f"{table}.json"
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SuiteError(f"{path}: no suite for table {table!r}") from exc
    except json.JSONDecodeError as exc:
        raise SuiteError(f"{path}: not valid JSON: {exc}") from exc
    if document.get("name") != table:
        raise SuiteError(f"{path}: suite name must be {table!r}, got {document.get('name')!r}")
    expectations = document.get("expectations")
    if not isinstance(expectations, list) or not expectations:
        raise SuiteError(f"{path}: 'expectations' must be a non-empty list")
    for index, expectation in enumerate(expectations):
        severity = (expectation.get("meta") or {}).get("severity")
        if severity not in SEVERITIES:
            raise SuiteError(
                f"{path}: expectations[{index}] ({expectation.get('type')}): meta.severity must be one of "
                f"{', '.join(SEVERITIES)}, got {severity!r}"
            )
    return document


def suite_thresholds(table: str) -> dict[str, float]:
    """The numbers in a suite's `meta.thresholds`: the starting bounds and tolerances the gate's per-source
    parameters are computed from (see quality/parameters.py). Each must be a number >= 0."""
    document = suite_document(table)
    thresholds = (document.get("meta") or {}).get("thresholds") or {}
    path = suites_dir() / f"{table}.json"
    if not isinstance(thresholds, dict):
        raise SuiteError(f"{path}: meta.thresholds must be a mapping of names to numbers")
    for name, value in thresholds.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise SuiteError(f"{path}: meta.thresholds.{name} must be a number >= 0, got {value!r}")
    return dict(thresholds)


def required_parameters(document: dict[str, Any]) -> set[str]:
    """The `$PARAMETER` names a suite document refers to."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("$PARAMETER"), str):
                found.add(value["$PARAMETER"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for expectation in document["expectations"]:
        walk(expectation.get("kwargs"))
    return found


def load_suite(table: str) -> gx.ExpectationSuite:
    """The committed suite of `table` as a GX ExpectationSuite, not yet bound to any data context.

    Every expectation catches its own exceptions: a column missing from the partition must fail that expectation
    (and block the partition), never crash the gate.
    """
    import great_expectations as gx

    document = suite_document(table)
    expectations = []
    for expectation in document["expectations"]:
        expectation = dict(expectation)
        expectation["kwargs"] = {**expectation.get("kwargs", {}), "catch_exceptions": True}
        expectation["severity"] = _GX_SEVERITY[expectation["meta"]["severity"]]
        expectations.append(expectation)
    return gx.ExpectationSuite(name=document["name"], expectations=expectations, meta=document.get("meta"))
