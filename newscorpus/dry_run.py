"""A dry run of the gate: the same suites, parameters and baseline as a real gate, and nothing written that a reader
of the corpus could see.

A dry run (the DAG's `dry_run` param) crawls, extracts, transforms and validates as usual, so its raw WARC, staging
tables and Data Docs pages exist, but it never writes under `published/` or `quarantine/`, never touches the catalog
and emits no asset event. Its verdict is the returned dict (the gate task's XCom, read by `summarize`) and a
`dry_run.json` beside the staged tables, so an operator sees what a real run would have published or quarantined.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from newscorpus.partitions import Partition
from newscorpus.sources import Source

log = logging.getLogger(__name__)

DRY_RUN_BANNER = "DRY RUN: nothing is published, quarantined or added to the catalog"


def dry_run_gate(source: Source, partition: Partition, staged_tables: dict[str, str], root: str) -> dict[str, Any]:
    """Validate the staged partition exactly as gate_and_publish would, and only report what it would do."""
    from newscorpus.publish import reports_dir
    from newscorpus.quality import gate_parameters, suite_tables, validate_partition
    from newscorpus.quality.baselines import trailing_baseline
    from newscorpus.storage import Storage

    store = Storage.at(root)
    checked = [table for table in suite_tables() if table in staged_tables]
    missing = [table for table in checked if not store.exists(staged_tables[table])]
    if missing or not checked:
        raise FileNotFoundError(
            f"{partition.hive_path}: staged table(s) missing: {', '.join(missing or suite_tables())}; run transform"
        )
    tables = {table: store.read_table(staged_tables[table]) for table in checked}
    baseline = trailing_baseline(store, source.id, partition.crawl_date)
    result = validate_partition(
        tables,
        source=partition.source,
        crawl_date=partition.crawl_date,
        run_id=partition.run_id,
        parameters=gate_parameters(source, partition.crawl_date, baseline),
        reports_dir=reports_dir(store),
    )
    verdict = "would publish" if result.passed else "would quarantine"
    outcome = {
        **partition.to_dict(),
        "dry_run": True,
        "published": False,
        "passed": result.passed,
        "articles": tables["articles"].num_rows if "articles" in tables else 0,
        "location": None,
        "summary": result.summary(),
        "report_path": result.report_path,
        "verdict": verdict,
    }
    store.write_text(
        f"staging/{partition.run_id}/dry_run/{partition.hive_path}/dry_run.json",
        json.dumps({**outcome, "validation": result.to_dict()}, indent=2, default=str),
    )
    (log.info if result.passed else log.error)(
        "%s. %s %s (%d articles):\n%s", DRY_RUN_BANNER, verdict, partition.hive_path, outcome["articles"],
        result.summary(),
    )  # fmt: skip
    return outcome
