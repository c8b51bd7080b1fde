"""The extract stage: completed crawls of one partition (WARC + crawl log) → one staging Parquet file.

One row per attempted fetch, so the pages table can account for every request (errors included); article fields
are filled for the responses that look like articles. A page the extractor chokes on becomes a row with
`extract_error` set: a counted rejection, never a lost page and never a crashed partition.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import logging
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from newscorpus import progress
from newscorpus.crawl import CRAWL_LOG_NAME, STATS_NAME, SUCCESS_MARKER
from newscorpus.extract import extract_article
from newscorpus.partitions import Partition
from newscorpus.schemas import EXTRACTED_SCHEMA
from newscorpus.sources import Source
from newscorpus.storage import Storage

log = logging.getLogger(__name__)

# The columns the extractor fills: everything from is_article on (the fetch columns come from the crawl log).
ARTICLE_FIELDS = EXTRACTED_SCHEMA.names[EXTRACTED_SCHEMA.get_field_index("is_article") :]


@dataclass(frozen=True)
class ExtractResult:
    partition: Partition
    path: str
    pages: int
    article_candidates: int
    articles: int
    extract_errors: int

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.partition.to_dict(),
            "path": self.path,
            "pages": self.pages,
            "article_candidates": self.article_candidates,
            "articles": self.articles,
            "extract_errors": self.extract_errors,
        }


# The crawler stops downloads at 10 MiB, but a WARC keeps bodies as received: a small gzip bomb stays small on disk
# and would inflate here. Read at most this much decompressed; a larger body is a recorded rejection.
MAX_BODY_BYTES = 10 * 1024 * 1024


# A page that makes the parser run away (a crafted page, a pathological regex) is cut off after this long and
# recorded; the partition goes on.
PAGE_TIME_LIMIT_S = 30.0


@contextlib.contextmanager
def _page_time_limit(seconds: float):
    """SIGALRM-based limit, as in the batch workers; only the main thread can take signals, so elsewhere (a task
    runner thread) extraction runs unlimited and the task's own execution_timeout is the backstop."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    from newscorpus.extract.page_job import PageTimeout

    def _raise(signum, frame):  # noqa: ARG001
        raise PageTimeout

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class BodyTooLarge(ValueError):
    """A response body that decompresses past MAX_BODY_BYTES."""


def _read_responses(store: Storage, warc_file: str) -> dict[int, bytes | BodyTooLarge]:
    """HTTP bodies of a WARC's response records, keyed by record offset (what the crawl log points at)."""
    from warcio.archiveiterator import ArchiveIterator

    bodies: dict[int, bytes | BodyTooLarge] = {}
    with io.BufferedReader(store.open_input(warc_file), buffer_size=1 << 20) as stream:
        records = ArchiveIterator(stream)
        for record in records:
            if record.rec_type == "response":
                # read before get_record_offset(), which skips to the record's end
                body = record.content_stream().read(MAX_BODY_BYTES + 1)
                offset = records.get_record_offset()
                if len(body) > MAX_BODY_BYTES:
                    body = BodyTooLarge(f"body decompresses past {MAX_BODY_BYTES} bytes; not extracted")
                bodies[offset] = body
    return bodies


def _crawl_log(lines: list[str], crawl_dir: str) -> Iterator[dict[str, Any]]:
    """The crawl log's entries (read whole through the storage layer); an unreadable line is skipped, not fatal."""
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                log.warning("%s line %d: unreadable crawl-log line skipped", crawl_dir, number)


def _timestamp(value: Any) -> dt.datetime | None:
    if not value:
        return None
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC)
    parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)


def _is_html(content_type: str | None) -> bool:
    return bool(content_type) and ("html" in content_type.lower() or "xml+xhtml" in content_type.lower())


def _page_row(entry: dict[str, Any], partition: Partition) -> dict[str, Any]:
    return {
        "source": partition.source,
        "crawl_date": partition.crawl_date,
        "run_id": partition.run_id,
        "url": entry.get("url"),
        "final_url": entry.get("final_url") or entry.get("url"),
        "status": entry.get("status"),
        "fetched_at": _timestamp(entry.get("fetched_at")),
        "content_type": entry.get("content_type"),
        "charset": entry.get("charset"),
        "bytes": entry.get("bytes"),
        "body_sha256": entry.get("body_sha256"),
        "warc_file": entry.get("warc_file"),
        "warc_offset": entry.get("warc_offset"),
        "discovered_via": entry.get("discovered_via"),
        "is_article_candidate": bool(entry.get("is_article_candidate")),
        "error": entry.get("error"),
        "extract_error": None,
        "is_article": False,
    }


def _extract_fields(body: bytes, row: dict[str, Any], source: Source) -> dict[str, Any]:
    fields = extract_article(
        body,
        row["final_url"] or row["url"],
        rules=source.extraction,
        timezone=source.timezone,
        crawl_date=row["crawl_date"],
        default_language=source.language,
    ).to_dict()
    extracted = {name: fields.get(name) for name in ARTICLE_FIELDS}
    for name in ("published_at", "modified_at"):
        extracted[name] = _timestamp(extracted[name])
    return extracted


def extract_partition(
    source: Source,
    partition: Partition,
    data_root: Path | str,
    *,
    page_time_limit_s: float = PAGE_TIME_LIMIT_S,
) -> ExtractResult:
    """Turn every completed crawl of the partition's run into `staging/<run_id>/extracted/...`; raw/ and staging/
    are read and written through the storage layer (a local folder or s3://)."""
    store = Storage.at(data_root)
    crawl_dirs = _completed_crawls(store, partition)
    if not crawl_dirs:
        raise FileNotFoundError(
            f"no completed crawl for {partition.hive_path} run {partition.run_id} under {store.uri('raw')}; "
            "run the crawl stage first"
        )
    rows: list[dict[str, Any]] = []
    for crawl_dir in crawl_dirs:
        bodies: dict[str, dict[int, bytes]] = {}
        lines = store.read_text(f"{crawl_dir}/{CRAWL_LOG_NAME}").splitlines()
        entries = _crawl_log(lines, crawl_dir)
        for entry in progress.track(entries, f"extract {partition.source}", total=len(lines), unit="pages"):
            row = _page_row(entry, partition)
            rows.append(row)
            wanted = row["status"] == 200 and row["is_article_candidate"] and _is_html(row["content_type"])
            if not wanted or row["warc_file"] is None or row["warc_offset"] is None:
                continue
            if row["warc_file"] not in bodies:
                bodies[row["warc_file"]] = _read_responses(store, row["warc_file"])
            body = bodies[row["warc_file"]].get(row["warc_offset"])
            if body is None:
                row["extract_error"] = f"no response record at offset {row['warc_offset']} of {row['warc_file']}"
                continue
            if isinstance(body, BodyTooLarge):
                row["extract_error"] = str(body)
                continue
            from newscorpus.extract.page_job import PageTimeout

            try:
                with _page_time_limit(page_time_limit_s):
                    row.update(_extract_fields(body, row, source))
            except PageTimeout:
                log.warning("extraction of %s cut off after %g s", row["url"], page_time_limit_s)
                row["extract_error"] = f"timeout after {page_time_limit_s:g}s"
            except Exception as exc:  # one bad page is a recorded rejection, not a failed partition
                log.warning("extraction failed for %s: %r", row["url"], exc)
                row["extract_error"] = f"{type(exc).__name__}: {exc}"[:500]
    table = pa.Table.from_pylist(rows, schema=EXTRACTED_SCHEMA)
    store.write_table(partition.staging_key("extracted"), table)
    store.write_table(partition.staging_key("crawl_stats"), _crawl_stats(store, crawl_dirs))
    candidates = sum(1 for r in rows if r["is_article_candidate"])
    articles = sum(1 for r in rows if r["is_article"])
    errors = sum(1 for r in rows if r["extract_error"])
    log.info(
        "extracted %s: %d pages, %d article candidates, %d articles, %d extraction errors",
        partition.hive_path,
        len(rows),
        candidates,
        articles,
        errors,
    )
    return ExtractResult(
        partition, store.uri(partition.staging_key("extracted")), len(rows), candidates, articles, errors
    )


# What the spider skipped or refused never reaches the crawl log as a fetch; its stats.json counts it, and the
# crawl_runs mart reports these columns (summed over the run's completed crawls).
CRAWL_STAT_COLUMNS = {
    "skipped_out_of_window": ("newscorpus/skipped/window", "newscorpus/skipped/window_sitemap"),
    "skipped_seen_before": ("newscorpus/skipped/seen",),
    "skipped_duplicate_url": ("newscorpus/skipped/dupe",),
    "refused_robots": ("newscorpus/failures/robots",),
    "refused_offsite": ("newscorpus/failures/offsite",),
    "refused_blocked": ("newscorpus/failures/blocked",),
    "refused_limits": ("newscorpus/failures/limit", "newscorpus/limits/redirect_loop"),
    "download_failures": ("newscorpus/failures/download",),
    "retry_waits": ("newscorpus/retry/waits",),
}


def _crawl_stats(store: Storage, crawl_dirs: list[str]) -> pa.Table:
    totals = dict.fromkeys(CRAWL_STAT_COLUMNS, 0)
    for crawl_dir in crawl_dirs:
        key = f"{crawl_dir}/{STATS_NAME}"
        stats = json.loads(store.read_text(key)) if store.exists(key) else {}
        for column, names in CRAWL_STAT_COLUMNS.items():
            totals[column] += sum(int(stats.get(name, 0) or 0) for name in names)
    return pa.Table.from_pylist([totals], schema=pa.schema([(c, pa.int64()) for c in CRAWL_STAT_COLUMNS]))


def _completed_crawls(store: Storage, partition: Partition) -> list[str]:
    """Keys of the partition run's crawl directories that carry _SUCCESS, oldest first (names start with the
    time); a crawl that crashed, is still running or is still being copied to the bucket has none."""
    markers = store.list_files(partition.raw_key, f"crawl=*/{SUCCESS_MARKER}")
    return sorted(key.rsplit("/", 1)[0] for key in markers if key.count("/") == partition.raw_key.count("/") + 2)
