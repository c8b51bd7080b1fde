"""Crawl one source into the raw zone: run the Scrapy `news` spider in a subprocess and mark the result complete.

A subprocess per crawl because Twisted's reactor cannot be restarted inside one Python process (Airflow's
`dags test` and pytest run many crawls in one process). The raw zone is append-only: every crawl writes a new
directory

    <data_root>/raw/source=<id>/crawl_date=<YYYY-MM-DD>/run_id=<run_id>/crawl=<UTC timestamp>-<short uuid>/
        responses-00000.warc.gz   every response (robots.txt, redirects, errors too), gzip per record; written as
                                  responses-00000.warc.gz.open and renamed when closed (rotation at a size)
        crawl-log.jsonl           one line per response landed and per request that failed
        scrapy.log                Scrapy's whole log, every attempt of this crawl (a resumed one appends)
        stats.json                Scrapy's statistics and finish reason, with every skip counted
                                  (newscorpus/skipped/{window,window_sitemap,seen,dupe}, newscorpus/failures/*)
        manifest.json             the WARC files with their records, bytes and sha256, written when the crawl is done
        _SUCCESS                  written last, by this module, only when the crawl finished and landed something

so a rerun never touches what an earlier crawl landed. Readers must ignore directories without _SUCCESS (a crawl
that crashed or is still running). finalize_landed_crawl() is the one place where a crawl directory becomes final.

Incremental and resumable:
- The spider gets the run's logical date (its window is crawl_date - lookback_days .. crawl_date) and a file of
  URLs not to fetch: the pages published for this source by earlier partitions (crawl_date before this one, status
  2xx, read with DuckDB from published/pages), plus what an interrupted attempt of this crawl already landed.
- A crawl that was killed (its directory has no _SUCCESS but has the Scrapy JOBDIR `jobdir/`) is resumed, in the
  same directory, by the next crawl_source call for that partition and run: its unfinished WARC file is cut back
  to the last whole record and renamed, crawl-log lines beyond that are dropped, and the pages it landed are not
  fetched again. After a graceful stop (SIGTERM; stats.json written) Scrapy's queue in jobdir/ carries on; after
  a hard kill the queue cannot be trusted, so jobdir/ is started afresh and the crawl log alone says what landed.

The crawler connects to public addresses only (see spiders.network_policy). A site on loopback or a private network
(the demo site, test servers, an intranet mirror) must be allowed explicitly, with CIDR networks or host names in
`crawl_source(allowed_networks=...)` or the comma-separated environment variable NEWSCORPUS_ALLOWED_NETWORKS
(both are used); they reach Scrapy as its NEWSCORPUS_ALLOWED_NETWORKS setting.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO

from newscorpus.settings import REPO_ROOT
from newscorpus.sources import SOURCE_ID, Source

logger = logging.getLogger(__name__)

CRAWL_LOG_NAME = "crawl-log.jsonl"
STATS_NAME = "stats.json"
SCRAPY_LOG_NAME = "scrapy.log"
SUCCESS_MARKER = "_SUCCESS"
MANIFEST_NAME = "manifest.json"
JOBDIR_NAME = "jobdir"  # Scrapy's JOBDIR: pending requests and seen fingerprints of an unfinished crawl
WARC_GLOB = "responses-*.warc.gz"
OPEN_WARC_GLOB = "responses-*.warc.gz.open"

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
    manifest: dict = field(default_factory=dict)  # manifest.json: files, records, bytes, sha256
    resumed: bool = False  # this call carried on an interrupted crawl of the same partition and run


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
    skip_published: bool = True,
) -> CrawlResult:
    """Crawl `source` into a raw-zone directory and return what landed; raises CrawlError on failure.

    A new directory, unless an interrupted crawl of the same partition and run is waiting to be resumed.
    allowed_networks: CIDR networks ("127.0.0.1/32") and host names ("localhost") the crawler may reach although
    they are not public; added to those in the NEWSCORPUS_ALLOWED_NETWORKS environment variable.
    skip_published: do not fetch article URLs that earlier partitions of this source already published.
    """
    if not (source.feeds or source.sitemaps or source.sections or source.dated_index):
        raise CrawlError(  # Scrapy would start from nothing, finish at once and "land no response at all"
            f"source {source.id} has nowhere to start: give it discovery.feeds, discovery.sitemaps, "
            "discovery.sections or discovery.dated_index in the registry (README: Add a source in five minutes)"
        )
    data_root = Path(data_root).resolve()
    allowed = resolve_allowed_networks(allowed_networks)
    parent = partition_dir(data_root, source.id, crawl_date, run_id)
    crawl_dir = _interrupted_crawl(parent)
    resumed = crawl_dir is not None
    if crawl_dir is None:
        crawl_dir = _new_crawl_dir(parent)
    else:
        logger.info("Resuming the interrupted crawl %s", crawl_dir)
        _prepare_resume(crawl_dir)
    with tempfile.TemporaryDirectory(prefix="newscorpus-seen-") as scratch:
        seen_file = Path(scratch) / "seen-urls.txt"
        seen = published_urls(data_root, source.id, before=crawl_date) if skip_published else set()
        seen |= landed_urls(crawl_dir)
        seen_file.write_text("".join(f"{url}\n" for url in sorted(seen)), encoding="utf-8")
        command = _scrapy_command(
            source,
            crawl_dir,
            data_root,
            {ALLOWED_NETWORKS_ENV: ",".join(allowed)},
            extra_settings or {},
            crawl_date=crawl_date,
            seen_file=seen_file,
        )
        logger.info("Crawling %s into %s (%d URLs known already)", source.id, crawl_dir, len(seen))
        started = time.monotonic()
        return_code, log_tail = _run_streaming(command, source.id, timeout_s, crawl_dir / SCRAPY_LOG_NAME)
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
    manifest = finalize_landed_crawl(crawl_dir, responses=responses, errors=errors)
    warc_files = sorted(str(p) for p in crawl_dir.glob(WARC_GLOB))
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
        manifest=manifest,
        resumed=resumed,
    )


def finalize_landed_crawl(crawl_dir: Path, *, responses: int, errors: int) -> dict:
    """Make a finished crawl directory final: WARC files closed and named, manifest.json, then _SUCCESS.

    Called once the spider has exited normally. Anything still named .open (a writer that did not get to close)
    is cut back to whole records and renamed; the manifest lists every WARC file with its record count, size and
    sha256; Scrapy's job state (jobdir/) is dropped, since a finished crawl is never resumed; the marker comes last.
    Returns the manifest.
    """
    from spiders.warc_files import recover_open_warc

    for open_file in sorted(crawl_dir.glob(OPEN_WARC_GLOB)):
        recover_open_warc(open_file)
    manifest = build_manifest(crawl_dir)
    _write_atomically(crawl_dir / MANIFEST_NAME, json.dumps(manifest, indent=2) + "\n")
    shutil.rmtree(crawl_dir / JOBDIR_NAME, ignore_errors=True)
    _write_success_marker(crawl_dir, responses=responses, errors=errors)
    # an s3:// storage root gets the finished directory (raw/…/crawl=… → same key; _SUCCESS last); a local root: no-op
    from newscorpus import storage  # here, not at the top: the spider process imports this module for its constants

    storage.upload_run_directory(crawl_dir)
    return manifest


def build_manifest(crawl_dir: Path) -> dict:
    """Every WARC file of the crawl: name, records (by type), bytes, sha256; and the totals.

    Records are counted with FastWARC (C++; the WARC-Type header of each record, as written): it reads a file
    about six times faster than warcio, and this pass over everything landed is part of every crawl's time.
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    files = []
    for path in sorted(crawl_dir.glob(WARC_GLOB)):
        digest = hashlib.sha256()
        with path.open("rb") as stream:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                digest.update(chunk)
        by_type: dict[str, int] = {}
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream, record_types=WarcRecordType.any_type, parse_http=False):
                record_type = str(record.headers.get("WARC-Type"))
                by_type[record_type] = by_type.get(record_type, 0) + 1
        files.append(
            {
                "name": path.name,
                "records": sum(by_type.values()),
                "records_by_type": dict(sorted(by_type.items())),
                "bytes": path.stat().st_size,
                "sha256": digest.hexdigest(),
            }
        )
    return {
        "files": files,
        "records": sum(f["records"] for f in files),
        "bytes": sum(f["bytes"] for f in files),
        "created_at": datetime.now(UTC).isoformat(),
    }


def published_urls(data_root: Path, source_id: str, *, before: date) -> set[str]:
    """URLs (asked for and final) of 2xx pages that partitions of `source_id` dated before `before` published.

    Read with DuckDB from published/pages/source=<id>/crawl_date=*/; an absent table is an empty set. Earlier
    partitions only, so a rerun of a date (or a backfill of an older one) still fetches its own pages.
    """
    from newscorpus import storage
    from newscorpus.commits import committed_files

    store = storage.shared(data_root)  # exactly the committed files, on local disk or S3
    files = [store.uri(key) for key in committed_files(store, "pages", source=source_id, before=before)]
    if not files:
        return set()
    import duckdb

    with duckdb.connect() as con:
        store.configure_duckdb(con)
        rows = con.execute(
            """
            select distinct u from (
                select unnest([url, final_url]) as u,
                       cast(regexp_extract(filename, 'crawl_date=([0-9]{4}-[0-9]{2}-[0-9]{2})', 1) as date) as day,
                       status
                from read_parquet(?, filename = true, union_by_name = true)
            )
            where u is not null and status between 200 and 299 and day < ?
            """,
            [files, before],
        ).fetchall()
    return {row[0] for row in rows}


def landed_urls(crawl_dir: Path) -> set[str]:
    """URLs an earlier attempt of this crawl got a 2xx for (resume: not fetched again)."""
    urls: set[str] = set()
    log_path = crawl_dir / CRAWL_LOG_NAME
    if not log_path.is_file():
        return urls
    for line in _read_log(log_path):
        status = line.get("status")
        if status is not None and 200 <= status < 300:
            urls.update(u for u in (line.get("url"), line.get("final_url")) if u)
    return urls


def _interrupted_crawl(parent: Path) -> Path | None:
    """The newest crawl directory of this partition and run that never finished but kept its job state."""
    if not parent.is_dir():
        return None
    waiting = [d for d in parent.glob("crawl=*") if not (d / SUCCESS_MARKER).exists() and (d / JOBDIR_NAME).is_dir()]
    return max(waiting, default=None)


def _prepare_resume(crawl_dir: Path) -> None:
    """Make an interrupted crawl directory consistent before the next attempt writes to it.

    WARC files still .open are cut to their last whole record and renamed; crawl-log lines that point past what
    was kept (or are cut off themselves) are dropped, so every line that remains names a readable record. The
    attempt's stats.json is kept as stats.attempt-N.json. Scrapy's queue in jobdir/ is kept only after a graceful
    stop. Otherwise (killed hard: no stats.json; or failed, e.g. warc_write_failed) it may be half written or lack
    requests Scrapy had taken from it whose pages never landed: it is removed, the spider discovers the site again
    and the crawl log alone says what landed (those URLs are skipped).
    """
    from spiders.warc_files import recover_open_warc

    kept: dict[str, int] = {}
    for open_file in sorted(crawl_dir.glob(OPEN_WARC_GLOB)):
        final, size = recover_open_warc(open_file)
        kept[final.name] = size
    log_path = crawl_dir / CRAWL_LOG_NAME
    if log_path.is_file():
        lines = []
        for line in _read_log(log_path):
            name = Path(line["warc_file"]).name if line.get("warc_file") else None
            if name in kept and line["warc_offset"] + line["warc_length"] > kept[name]:
                continue
            lines.append(json.dumps(line, ensure_ascii=False, separators=(",", ":")))
        _write_atomically(log_path, "".join(f"{line}\n" for line in lines))
    stats = crawl_dir / STATS_NAME
    finish_reason = _finish_reason(stats)
    if stats.is_file():
        attempt = len(list(crawl_dir.glob("stats.attempt-*.json"))) + 1
        os.replace(stats, crawl_dir / f"stats.attempt-{attempt}.json")
    if finish_reason != _GRACEFUL_STOP:
        shutil.rmtree(crawl_dir / JOBDIR_NAME, ignore_errors=True)
        (crawl_dir / JOBDIR_NAME).mkdir()


# Scrapy's finish reason after SIGTERM/SIGINT: it let every request it had started finish (and land) first, so its
# queue in jobdir/ holds exactly what is left to fetch.
_GRACEFUL_STOP = "shutdown"


def _finish_reason(stats: Path) -> str | None:
    try:
        return json.loads(stats.read_text(encoding="utf-8")).get("finish_reason")
    except (OSError, ValueError, AttributeError):
        return None


def _read_log(log_path: Path) -> list[dict]:
    """Whole JSON lines only: the last line of a killed crawl's log may be cut off."""
    lines = []
    with log_path.open(encoding="utf-8") as stream:
        for raw in stream:
            try:
                lines.append(json.loads(raw))
            except json.JSONDecodeError:
                continue
    return lines


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


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
    (crawl_dir / JOBDIR_NAME).mkdir()  # there from the start, so a crawl killed at any moment can be resumed
    return crawl_dir


def _scrapy_command(
    source: Source,
    crawl_dir: Path,
    data_root: Path,
    guard_settings: dict[str, str],
    extra_settings: dict[str, str],
    *,
    crawl_date: date | None = None,
    seen_file: Path | None = None,
) -> list[str]:
    politeness = source.politeness
    settings = {
        **guard_settings,
        "JOBDIR": str(crawl_dir / JOBDIR_NAME),
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
    if crawl_date is not None:
        command += ["-a", f"crawl_date={crawl_date.isoformat()}"]
    if seen_file is not None:
        command += ["-a", f"seen_file={seen_file}"]
    for key, value in settings.items():
        command += ["-s", f"{key}={value}"]
    return command


def _run_streaming(
    command: list[str], source_id: str, timeout_s: float | None, log_file: Path
) -> tuple[int | None, deque[str]]:
    """Run Scrapy, forwarding its log line by line to our logger and appending it to `log_file` (kept with the crawl:
    the Airflow task log rotates away and the CLI shows it only with -v); None as exit code means it was killed."""
    # SCRAPY_SETTINGS_MODULE names what scrapy.cfg names, so no scrapy.cfg is needed (an installed wheel has none).
    # cwd is the folder that holds our packages (the checkout, or site-packages): `python -m` puts it first on
    # sys.path, so a `spiders` folder in the caller's directory cannot stand in for ours. Scrapy writes nothing
    # there: every path the crawl uses is absolute.
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
    log = log_file.open("a", encoding="utf-8")
    log.write(f"--- newscorpus: scrapy started {datetime.now(UTC).isoformat(timespec='seconds')}\n")
    reader = threading.Thread(target=_forward_log, args=(process.stdout, source_id, tail, log), daemon=True)
    reader.start()
    try:
        return_code: int | None = process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        return_code = None
    except BaseException:
        _kill_group(process)
        raise
    finally:
        reader.join(timeout=_KILL_GRACE_S)
        log.close()
    return return_code, tail


def _forward_log(stream: IO[str], source_id: str, tail: deque[str], log: IO[str]) -> None:
    for line in stream:
        tail.append(line)
        if not log.closed:  # closed when Scrapy outlived its kill grace: the rest still reaches our logger
            log.write(line)
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
