"""The pipeline's steps as plain functions of JSON-safe values: what each Airflow task calls, and what the CLI and
the tests call without Airflow. Each step takes the previous step's result dict and returns its own.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from newscorpus.partitions import Partition, parse_date
from newscorpus.settings import data_root, sources_file, storage_root
from newscorpus.sources import Source, load_sources, source_from_dict

log = logging.getLogger(__name__)


def list_sources(source_ids: list[str] | None = None) -> list[dict[str, Any]]:
    """The enabled sources to run (all of them, or the ones named); an unknown name is an error, not a no-op, and a
    disabled one says it is disabled and why (the registry ships every real outlet off, so that is the usual case)."""
    registry = load_sources(sources_file(), include_disabled=True)
    sources = [s for s in registry if s.enabled]
    if source_ids:
        unknown = sorted(set(source_ids) - {s.id for s in sources})
        if unknown:
            raise ValueError(f"unknown or disabled source(s): {', '.join(unknown)}; {_not_runnable(unknown, registry)}")
        sources = [s for s in sources if s.id in set(source_ids)]
    if not sources:
        raise ValueError(f"{sources_file()}: no enabled source to run{_disabled_hint(registry)}")
    return [s.to_dict() for s in sources]


def _not_runnable(source_ids: list[str], registry: list[Source]) -> str:
    """Why each named source cannot run, and which ones can."""
    by_id = {s.id: s for s in registry}
    reasons = []
    for source_id in source_ids:
        source = by_id.get(source_id)
        if source is None:
            reasons.append(f"{source_id} is not in {sources_file()}")
        else:
            reasons.append(f"{source_id} is disabled: {source.disabled_reason or 'enabled: false'}")
    enabled = sorted(s.id for s in registry if s.enabled)
    return "; ".join(reasons) + f"; enabled: {', '.join(enabled) or 'none'}{_disabled_hint(registry)}"


def _disabled_hint(registry: list[Source]) -> str:
    disabled = sum(not s.enabled for s in registry)
    return f" ({disabled} disabled: newscorpus sources --all)" if disabled else ""


def plan(
    source_ids: list[str] | None,
    crawl_date: str | dt.date,
    run_id: str,
    *,
    lookback_days: int | None = None,
    dry_run: bool = False,
) -> list[dict[str, Any]]:
    """One job per partition of the run: the DAG's `plan` task. `lookback_days`, when given, replaces every
    source's own window for this run (crawl and gate both read it from the job's source)."""
    day = parse_date(crawl_date)
    if lookback_days is not None and (isinstance(lookback_days, bool) or int(lookback_days) < 0):
        raise ValueError(f"lookback_days must be an integer >= 0, got {lookback_days!r}")
    jobs = []
    for source in list_sources(source_ids):
        if lookback_days is not None:
            source = {**source, "lookback_days": int(lookback_days)}
        jobs.append({"source": source, "crawl_date": day.isoformat(), "run_id": run_id, "dry_run": bool(dry_run)})
    window = "each source's lookback_days" if lookback_days is None else f"lookback_days={lookback_days}"
    log.info(
        "%splanned %d partition(s) for %s (%s): %s",
        "DRY RUN (nothing will be published): " if dry_run else "",
        len(jobs), day, window, ", ".join(job["source"]["id"] for job in jobs),
    )  # fmt: skip
    return jobs


def crawl(
    source: dict[str, Any], crawl_date: str | dt.date, run_id: str, timeout_s: float | None = None
) -> dict[str, Any]:
    from newscorpus import progress
    from newscorpus.crawl import CrawlError, crawl_source, partition_dir
    from newscorpus.crawl_failure import short_crawl_error

    src = source_from_dict(source)
    partition = Partition(src.id, parse_date(crawl_date), run_id)
    folder = partition_dir(data_root(), src.id, partition.crawl_date, run_id)
    fetched = progress.new_crawl_log(folder)
    try:
        with progress.poll(f"crawl {src.id}", fetched, total=src.max_pages, unit="fetches"):
            result = crawl_source(
                src, crawl_date=partition.crawl_date, run_id=run_id, data_root=data_root(), timeout_s=timeout_s
            )
    except CrawlError as exc:  # one line; Scrapy's log tail goes to a file beside the crawl's stats
        raise CrawlError(short_crawl_error(str(exc), folder)) from None
    return {
        "source": source,
        "partition": partition.to_dict(),
        "crawl_dir": result.crawl_dir,
        "responses": result.responses,
        "errors": result.errors,
    }


def extract(crawled: dict[str, Any]) -> dict[str, Any]:
    from newscorpus.stage import extract_partition

    source = source_from_dict(crawled["source"])
    partition = Partition.from_dict(crawled["partition"])
    result = extract_partition(source, partition, storage_root())
    return {"source": crawled["source"], "partition": partition.to_dict(), "extracted": result.to_dict()}


def transform(extracted: dict[str, Any]) -> dict[str, Any]:
    from newscorpus.transform import run_models

    partition = Partition.from_dict(extracted["partition"])
    result = run_models(partition, storage_root())
    return {
        "source": extracted["source"],
        "partition": partition.to_dict(),
        "staged": result.tables,
        "rows": result.rows,
    }


def cluster(transformed: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Near-duplicate clusters across every partition of the run (a fan-in step); passes the results through."""
    from newscorpus.transform import cluster_near_duplicates

    partitions = [Partition.from_dict(t["partition"]) for t in transformed]
    cluster_near_duplicates(partitions, storage_root())
    return list(transformed)


def gate(transformed: dict[str, Any], *, dry_run: bool = False) -> dict[str, Any]:
    """Validate and publish, or quarantine and raise GateFailed naming the failed expectations.

    A dry run validates the same way and only reports what it would do (newscorpus.dry_run); it does not raise, so
    `summarize` can list every partition's verdict."""
    from newscorpus.publish import GateFailed, gate_and_publish

    source: Source = source_from_dict(transformed["source"])
    partition = Partition.from_dict(transformed["partition"])
    if dry_run:
        from newscorpus.dry_run import dry_run_gate

        return dry_run_gate(source, partition, transformed["staged"], storage_root())
    outcome = gate_and_publish(source, partition, transformed["staged"], storage_root())
    if not outcome.published:
        raise GateFailed(
            f"{partition.hive_path} (run {partition.run_id}) failed its quality gate and was quarantined in "
            f"{outcome.location}:\n{outcome.summary}"
        )
    return outcome.to_dict()


class PartitionsNotPublished(RuntimeError):
    """Some planned partitions were not published; the message says which and why, so the run fails legibly."""


def announce(outcomes: list[dict[str, Any]], *, dry_run: bool = False) -> list[dict[str, Any]]:
    """The partitions this run published, for the asset event of the published corpus; empty when there are none
    (the DAG task then skips, so no event tells downstream DAGs about data that did not change)."""
    if dry_run:
        log.info("DRY RUN: nothing was published, no asset event")
        return []
    published = [
        {"source": o["source"], "crawl_date": o["crawl_date"], "run_id": o["run_id"], "articles": o.get("articles")}
        for o in outcomes
        if o and o.get("published")
    ]
    log.info("published this run: %s", ", ".join(f"{p['source']}/{p['crawl_date']}" for p in published) or "nothing")
    return published


def summarize_dry_run(jobs: list[dict[str, Any]], outcomes: list[dict[str, Any]]) -> dict[str, Any]:
    """What a real run would have done, per partition; raise when any partition would not have been published."""
    from newscorpus.dry_run import DRY_RUN_BANNER

    verdicts = {o["source"]: o for o in outcomes if o}
    lines, problems = [], 0
    for job in jobs:
        source_id = job["source"]["id"]
        outcome = verdicts.get(source_id)
        if outcome is None:
            problems += 1
            lines.append(f"source={source_id}/crawl_date={job['crawl_date']}: failed before its gate (see its logs)")
            continue
        problems += not outcome["passed"]
        detail = "" if outcome["passed"] and "warning" not in outcome["summary"] else f"\n{outcome['summary']}"
        lines.append(
            f"source={source_id}/crawl_date={job['crawl_date']}: {outcome['verdict']} "
            f"({outcome['articles']} articles){detail}"
        )
    report = f"{DRY_RUN_BANNER}.\n" + "\n".join(lines)
    if problems:
        raise PartitionsNotPublished(f"{problems} of {len(jobs)} partition(s) would not be published.\n{report}")
    log.info("%s", report)
    return {"dry_run": True, "published": [], "would_publish": sorted(verdicts)}


def summarize(jobs: list[dict[str, Any]], outcomes: list[dict[str, Any]], *, dry_run: bool = False) -> dict[str, Any]:
    """Compare what was planned with what was published; raise naming each partition that did not make it."""
    if dry_run:
        return summarize_dry_run(jobs, outcomes)
    published = {o["source"] for o in outcomes if o.get("published")}
    problems = []
    for job in jobs:
        partition = Partition(job["source"]["id"], parse_date(job["crawl_date"]), job["run_id"])
        if partition.source in published:
            continue
        from newscorpus.storage import Storage

        store = Storage.at(storage_root())
        report = f"{partition.quarantine_key}/validation.json"
        if store.exists(report):
            import json

            summary = json.loads(store.read_text(report)).get("summary", "")
            problems.append(f"{partition.hive_path}: quarantined in {store.uri(partition.quarantine_key)}\n{summary}")
        else:
            problems.append(f"{partition.hive_path}: failed before its gate (see that source's task logs)")
    if problems:
        raise PartitionsNotPublished(
            f"{len(problems)} of {len(jobs)} partition(s) not published:\n" + "\n".join(problems)
        )
    return {"published": sorted(published)}


def refresh_catalog() -> str:
    from newscorpus.catalog import refresh_catalog as refresh

    return str(refresh(storage_root()))


def build_reports() -> str:
    """The GX Data Docs (returned: their index.html) and the corpus report beside them (reports/corpus/)."""
    from newscorpus.quality import build_data_docs
    from newscorpus.report import NoCorpus, build_report

    docs = build_data_docs(data_root() / "reports")
    try:
        build_report(data_root())
    except NoCorpus as exc:  # nothing published yet: the Data Docs still say why
        log.warning("corpus report skipped: %s", exc)
    return str(docs)


def run_all(
    crawl_date: dt.date, run_id: str, source_ids: list[str] | None = None, *, dry_run: bool = False
) -> dict[str, Any]:
    """Every stage for one date without Airflow (the `newscorpus run` command); one source failing its gate does
    not stop the others, and the result says which partitions were published, which quarantined (`quarantined`:
    true) and which failed before a verdict (only `error`: a crawl, a task or the storage broke).

    A dry run crawls, extracts, transforms and validates as usual and reports each partition's verdict, but
    publishes and quarantines nothing and leaves the catalog and the corpus report as they were (newscorpus.dry_run).
    """
    from newscorpus.publish import GateFailed

    outcomes: dict[str, Any] = {}
    transformed = []
    for source in list_sources(source_ids):
        try:
            transformed.append(transform(extract(crawl(source, crawl_date, run_id))))
        except Exception as exc:  # reported per source below; the other sources still publish
            log.error("source %s failed: %s", source["id"], exc)
            outcomes[source["id"]] = {"published": False, "error": f"{type(exc).__name__}: {exc}"}
    for staged in cluster(transformed):
        try:
            outcomes[staged["source"]["id"]] = gate(staged, dry_run=dry_run)
        except GateFailed as exc:  # a verdict, not a breakage: the caller tells the two apart (exit 3 vs 1)
            log.error("source %s was quarantined: %s", staged["source"]["id"], exc)
            outcomes[staged["source"]["id"]] = {"published": False, "quarantined": True, "error": f"GateFailed: {exc}"}
        except Exception as exc:
            log.error("source %s failed: %s", staged["source"]["id"], exc)
            outcomes[staged["source"]["id"]] = {"published": False, "error": f"{type(exc).__name__}: {exc}"}
    if dry_run:
        from newscorpus.dry_run import DRY_RUN_BANNER

        log.warning(DRY_RUN_BANNER)
        return {"dry_run": True, "partitions": outcomes, "data_root": str(Path(data_root()))}
    catalog = refresh_catalog()
    reports = build_reports()
    return {"partitions": outcomes, "catalog": catalog, "reports": reports, "data_root": str(Path(data_root()))}
