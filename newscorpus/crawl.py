"""Crawl one source into the raw zone: run the Scrapy `news` spider in a subprocess and mark the result complete.

A subprocess per crawl because Twisted's reactor cannot be restarted inside one Python process (Airflow's
`dags test` and pytest run many crawls in one process). The raw zone is append-only: every crawl writes a new
directory

    <data_root>/raw/source=<id>/crawl_date=<YYYY-MM-DD>/run_id=<run_id>/crawl=<UTC timestamp>-<short uuid>/
        responses-00000.warc.gz   every response (robots.txt, redirects, errors too), gzip per record
        crawl-log.jsonl           one line per response landed and per request that failed
        stats.json                Scrapy's statistics and finish reason
        _SUCCESS                  written last, by this module, only when the crawl finished and landed something

so a retry or a rerun never touches what an earlier crawl landed. Readers must ignore directories without
_SUCCESS (a crawl that crashed or is still running).

The crawler connects to public addresses only (see spiders.network_policy). A site on loopback or a private network
(the demo site, test servers, an intranet mirror) must be allowed explicitly, with CIDR networks or host names in
`crawl_source(allowed_networks=...)` or the comma-separated environment variable NEWSCORPUS_ALLOWED_NETWORKS
(both are used); they reach Scrapy as its NEWSCORPUS_ALLOWED_NETWORKS setting.
"""

from __future__ import annotations

import json
import logging
import os
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO

from newscorpus.settings import REPO_ROOT
from newscorpus.sources import SOURCE_ID, Source

logger = logging.getLogger(__name__)

CRAWL_LOG_NAME = "crawl-log.jsonl"
STATS_NAME = "stats.json"
SUCCESS_MARKER = "_SUCCESS"
WARC_GLOB = "responses-*.warc.gz"

ALLOWED_NETWORKS_ENV = "NEWSCORPUS_ALLOWED_NETWORKS"  # also the name of the Scrapy setting it feeds
BLOCKED_ERROR_PREFIX = "blocked: "

RUN_ID = re.compile(r"^[A-Za-z0-9_.:+-]+$")
_LOG_TAIL_LINES = 60
_KILL_GRACE_S = 15.0
# "finished", or stopped by one of the caps we set (CLOSESPIDER_PAGECOUNT) or an operator may set.
_NORMAL_FINISH_REASONS = {
    "finished",
    "closespider_pagecount",
    "closespider_pagecount_no_item",
    "closespider_itemcount",
    "closespider_timeout",
    "closespider_timeout_no_item",
}


class CrawlError(RuntimeError):
    """The crawl failed, timed out or landed nothing; the message ends with the tail of Scrapy's log."""


@dataclass(frozen=True)
class CrawlResult:
    source: str
    crawl_date: date
    run_id: str
    crawl_dir: str  # absolute
    warc_files: list[str]  # absolute, in write order
    crawl_log: str  # absolute
    stats: dict
    responses: int  # crawl-log lines with a status
    errors: int  # crawl-log lines with an error
    blocked: int  # crawl-log lines refused by the request guard ("blocked: ..."), counted in errors too
    duration_s: float


def validate_run_id(run_id: str) -> str:
    """run_id becomes a directory name, so it must not be able to climb out of its partition."""
    if not isinstance(run_id, str) or not RUN_ID.match(run_id) or ".." in run_id:
        raise ValueError(f"run_id must match {RUN_ID.pattern} and must not contain '..', got {run_id!r}")
    return run_id


def partition_dir(data_root: Path, source_id: str, crawl_date: date, run_id: str) -> Path:
    """The directory that holds every crawl of one source, date and run."""
    if isinstance(crawl_date, datetime) or not isinstance(crawl_date, date):
        raise TypeError(f"crawl_date must be a datetime.date, got {crawl_date!r}")
    if not SOURCE_ID.match(source_id):
        raise ValueError(f"source id must match {SOURCE_ID.pattern}, got {source_id!r}")
    return (
        Path(data_root)
        / "raw"
        / f"source={source_id}"
        / f"crawl_date={crawl_date.isoformat()}"
        / f"run_id={validate_run_id(run_id)}"
    )


def find_crawls(data_root: Path, source_id: str, crawl_date: date, run_id: str) -> list[Path]:
    """The completed crawl directories of a partition and run, oldest first (their names start with the time)."""
    parent = partition_dir(data_root, source_id, crawl_date, run_id)
    if not parent.is_dir():
        return []
    return sorted(d for d in parent.glob("crawl=*") if d.is_dir() and (d / SUCCESS_MARKER).is_file())


def crawl_source(
    source: Source,
    *,
    crawl_date: date,
    run_id: str,
    data_root: Path,
    extra_settings: dict[str, str] | None = None,
    timeout_s: float | None = None,
    allowed_networks: Iterable[str] = (),
) -> CrawlResult:
    """Crawl `source` into a new raw-zone directory and return what landed; raises CrawlError on failure.

    allowed_networks: CIDR networks ("127.0.0.1/32") and host names ("localhost") the crawler may reach although
    they are not public; added to those in the NEWSCORPUS_ALLOWED_NETWORKS environment variable.
    """
    data_root = Path(data_root).resolve()
    allowed = resolve_allowed_networks(allowed_networks)
    crawl_dir = _new_crawl_dir(partition_dir(data_root, source.id, crawl_date, run_id))
    command = _scrapy_command(
        source, crawl_dir, data_root, {ALLOWED_NETWORKS_ENV: ",".join(allowed)}, extra_settings or {}
    )
    logger.info("Crawling %s into %s", source.id, crawl_dir)
    started = time.monotonic()
    return_code, log_tail = _run_streaming(command, source.id, timeout_s)
    duration_s = time.monotonic() - started
    tail = "".join(log_tail)
    if return_code is None:
        raise CrawlError(f"crawl of {source.id} timed out after {timeout_s} s and was killed\n{tail}")
    if return_code != 0:
        raise CrawlError(f"crawl of {source.id} failed (scrapy exit code {return_code})\n{tail}")

    stats_path = crawl_dir / STATS_NAME
    stats = json.loads(stats_path.read_text(encoding="utf-8")) if stats_path.is_file() else {}
    finish_reason = stats.get("finish_reason")
    if not _finished_normally(finish_reason):
        raise CrawlError(f"crawl of {source.id} did not finish normally (finish reason {finish_reason!r})\n{tail}")
    crawl_log = crawl_dir / CRAWL_LOG_NAME
    responses, errors, blocked = _count_log_lines(crawl_log)
    if responses == 0:
        raise CrawlError(f"crawl of {source.id} landed no response at all{_blocked_hint(blocked)}\n{tail}")
    if blocked:
        logger.warning("Crawl of %s: %s", source.id, _blocked_hint(blocked).strip(" :"))
    warc_files = sorted(str(p) for p in crawl_dir.glob(WARC_GLOB))
    _write_success_marker(crawl_dir, responses=responses, errors=errors)
    logger.info("Crawled %s: %d responses, %d errors in %.1f s", source.id, responses, errors, duration_s)
    return CrawlResult(
        source=source.id,
        crawl_date=crawl_date,
        run_id=run_id,
        crawl_dir=str(crawl_dir),
        warc_files=warc_files,
        crawl_log=str(crawl_log),
        stats=stats,
        responses=responses,
        errors=errors,
        blocked=len(blocked),
        duration_s=duration_s,
    )


def resolve_allowed_networks(allowed_networks: Iterable[str] = ()) -> list[str]:
    """The entries passed in, then those of the environment variable, without blanks or repeats.

    Raises ValueError for a single string (it would be read letter by letter) and for an entry that is neither a
    network nor a host name.
    """
    if isinstance(allowed_networks, str):
        raise ValueError("allowed_networks must be a list of networks or host names, not one string")
    from_env = os.environ.get(ALLOWED_NETWORKS_ENV, "").split(",")
    entries = [str(e).strip() for e in [*allowed_networks, *from_env] if str(e).strip()]
    if any("," in e for e in entries):
        raise ValueError(f"allowed_networks entries must not contain commas: {entries!r}")
    from spiders.network_policy import NetworkPolicy  # the spider's own parser: a typo fails here, not mid-crawl

    NetworkPolicy.from_entries(entries)
    return list(dict.fromkeys(entries))


def _blocked_hint(blocked: list[str]) -> str:
    """Names the setting, since the usual cause is a local or private site that was not allowed."""
    if not blocked:
        return ""
    return (
        f": {len(blocked)} request(s) refused as non-public addresses or unsafe URLs, e.g. {blocked[0]!r}; "
        f"to crawl a local or private site, allow it in {ALLOWED_NETWORKS_ENV} (environment variable, comma-"
        f"separated, or crawl_source(allowed_networks=[...])), e.g. 127.0.0.1/32"
    )


def _write_success_marker(crawl_dir: Path, *, responses: int, errors: int) -> None:
    """Written under a temporary name and renamed, so the marker appears whole or not at all."""
    summary = {"finished_at": datetime.now(UTC).isoformat(), "responses": responses, "errors": errors}
    temporary = crawl_dir / f".{SUCCESS_MARKER}.tmp"
    temporary.write_text(json.dumps(summary) + "\n", encoding="utf-8")
    os.replace(temporary, crawl_dir / SUCCESS_MARKER)


def _finished_normally(finish_reason: object) -> bool:
    """Scrapy exits 0 even when a crawl was shut down, cancelled or closed on errors; only these mean "done"."""
    return finish_reason in _NORMAL_FINISH_REASONS


def _new_crawl_dir(parent: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    crawl_dir = parent / f"crawl={stamp}-{uuid.uuid4().hex[:8]}"
    crawl_dir.mkdir(parents=True, exist_ok=False)
    return crawl_dir


def _scrapy_command(
    source: Source, crawl_dir: Path, data_root: Path, guard_settings: dict[str, str], extra_settings: dict[str, str]
) -> list[str]:
    politeness = source.politeness
    settings = {
        **guard_settings,
        "DOWNLOAD_DELAY": str(politeness.download_delay),
        "CONCURRENT_REQUESTS_PER_DOMAIN": str(politeness.concurrency),
        "AUTOTHROTTLE_ENABLED": str(politeness.autothrottle),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": str(float(politeness.concurrency)),
        "NEWSCORPUS_DATA_ROOT": str(data_root),
    }
    if source.max_pages > 0:  # Scrapy reads 0 as "no cap"
        settings["CLOSESPIDER_PAGECOUNT"] = str(source.max_pages)
    settings.update({key: str(value) for key, value in extra_settings.items()})
    command = [
        sys.executable, "-m", "scrapy", "crawl", "news",
        "-a", f"source_json={json.dumps(source.to_dict())}",
        "-a", f"output_dir={crawl_dir}",
    ]  # fmt: skip
    for key, value in settings.items():
        command += ["-s", f"{key}={value}"]
    return command


def _run_streaming(command: list[str], source_id: str, timeout_s: float | None) -> tuple[int | None, deque[str]]:
    """Run Scrapy, forwarding its log line by line to our logger; None as exit code means it was killed."""
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="spiders.settings", PYTHONUNBUFFERED="1")
    tail: deque[str] = deque(maxlen=_LOG_TAIL_LINES)
    process = subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
        start_new_session=True,  # its own process group, so a timeout kills Scrapy and anything it started
    )
    assert process.stdout is not None
    reader = threading.Thread(target=_forward_log, args=(process.stdout, source_id, tail), daemon=True)
    reader.start()
    try:
        return_code: int | None = process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        return_code = None
    except BaseException:
        _kill_group(process)
        raise
    reader.join(timeout=_KILL_GRACE_S)
    return return_code, tail


def _forward_log(stream: IO[str], source_id: str, tail: deque[str]) -> None:
    for line in stream:
        tail.append(line)
        logger.info("[scrapy %s] %s", source_id, line.rstrip())


def _kill_group(process: subprocess.Popen[str]) -> None:
    """SIGTERM lets Scrapy close its files; SIGKILL follows if it does not stop within the grace period."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=_KILL_GRACE_S)
            return
        except subprocess.TimeoutExpired:
            continue


def _count_log_lines(crawl_log: Path) -> tuple[int, int, list[str]]:
    """Responses, errors, and the "url: error" of each blocked request."""
    responses = errors = 0
    blocked: list[str] = []
    if not crawl_log.is_file():
        return 0, 0, blocked
    with crawl_log.open(encoding="utf-8") as lines:
        for raw in lines:
            if not raw.strip():
                continue
            line = json.loads(raw)
            responses += line.get("status") is not None
            error = line.get("error")
            errors += error is not None
            if error and error.startswith(BLOCKED_ERROR_PREFIX):
                blocked.append(f"{line.get('final_url') or line.get('url')}: {error}")
    return responses, errors, blocked
