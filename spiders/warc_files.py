"""Writing HTTP exchanges to rotating, gzip-per-record WARC files.

Each record is its own gzip member, so a reader can seek to a record's offset and decompress just that record;
the offset and length returned for the response record are what the crawl log stores. Files are created, never
reopened or overwritten (the raw zone is append-only), and each starts with a warcinfo record describing the crawl.

A file is written as responses-NNNNN.warc.gz.open and renamed to responses-NNNNN.warc.gz when it is closed
(rotation or the end of the crawl), so a reader that globs for *.warc.gz never sees a file still growing. Offsets
in the crawl log name the final file. A crawl killed mid-file leaves an .open file behind: newscorpus.crawl
cuts it back to its last whole record and renames it before the crawl resumes (recover_open_warc below).
"""

from __future__ import annotations

import os
import re
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import IO

from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.warcwriter import WARCWriter

WARC_NAME_TEMPLATE = "responses-{index:05d}.warc.gz"
WARC_NAME = re.compile(r"^responses-(\d{5,})\.warc\.gz$")
OPEN_SUFFIX = ".open"
DEFAULT_MAX_BYTES = 1_000_000_000


@dataclass(frozen=True)
class HttpExchange:
    """One request and the response it got, as plain data (no Scrapy types), ready to be archived."""

    url: str
    fetched_at: datetime  # timezone-aware
    request_line: str  # "GET /path?q HTTP/1.1"
    request_headers: list[tuple[str, str]]
    protocol: str  # "HTTP/1.1"
    status: int
    reason: str
    response_headers: list[tuple[str, str]]
    body: bytes  # as received, still content-encoded
    ip_address: str | None = None


@dataclass(frozen=True)
class RecordLocation:
    path: Path
    offset: int
    length: int


class RotatingWarcWriter:
    """Appends exchanges to responses-NNNNN.warc.gz in `directory`, starting a new file once one passes max_bytes."""

    def __init__(self, directory: Path, *, warcinfo: dict[str, str], max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self._directory = directory
        self._warcinfo = warcinfo
        self._max_bytes = max_bytes
        self._index = _last_index(directory)  # a resumed crawl goes on after the files already there
        self._file: IO[bytes] | None = None
        self._writer: WARCWriter | None = None
        self.paths: list[Path] = []

    def write_exchange(self, exchange: HttpExchange) -> RecordLocation:
        """Write the response record, then the request record pointing at it; return where the response lies."""
        file, writer = self._current()
        # warcio wants a naive UTC datetime here; an aware one would come out as "...+00:00Z".
        warc_date = datetime_to_iso_date(exchange.fetched_at.astimezone(UTC).replace(tzinfo=None), use_micros=True)
        warc_headers = {"WARC-Date": warc_date}
        if exchange.ip_address:
            warc_headers["WARC-IP-Address"] = exchange.ip_address
        response = writer.create_warc_record(
            exchange.url,
            "response",
            payload=BytesIO(exchange.body),
            length=len(exchange.body),
            warc_headers_dict=warc_headers,
            http_headers=StatusAndHeaders(
                f"{exchange.status} {exchange.reason}".rstrip(), exchange.response_headers, protocol=exchange.protocol
            ),
        )
        request = writer.create_warc_record(
            exchange.url,
            "request",
            payload=BytesIO(b""),
            length=0,
            warc_headers_dict={
                "WARC-Date": warc_date,
                "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
            },
            http_headers=StatusAndHeaders(exchange.request_line, exchange.request_headers, is_http_request=True),
        )
        offset = file.tell()
        writer.write_record(response)
        length = file.tell() - offset
        writer.write_record(request)
        file.flush()
        return RecordLocation(self.paths[-1], offset, length)

    def close(self) -> None:
        """Close the current file and give it its final name."""
        if self._file is not None:
            self._file.close()
            self._file = None
            self._writer = None
            final = self.paths[-1]
            os.replace(_open_name(final), final)

    def _current(self) -> tuple[IO[bytes], WARCWriter]:
        if self._file is None or self._file.tell() >= self._max_bytes:
            self._rotate()
        assert self._file is not None and self._writer is not None
        return self._file, self._writer

    def _rotate(self) -> None:
        self.close()
        self._index += 1
        path = self._directory / WARC_NAME_TEMPLATE.format(index=self._index)
        self._directory.mkdir(parents=True, exist_ok=True)
        if path.exists():
            raise FileExistsError(f"{path} already landed; the raw zone is append-only")
        self._file = _open_name(path).open("xb")  # "x": never overwrite a landed file
        self._writer = WARCWriter(self._file, gzip=True, warc_version="1.1")
        self._writer.write_record(self._writer.create_warcinfo_record(path.name, self._warcinfo))
        self._file.flush()
        self.paths.append(path)


def _open_name(path: Path) -> Path:
    return path.with_name(path.name + OPEN_SUFFIX)


def _last_index(directory: Path) -> int:
    """The highest NNNNN among responses-NNNNN.warc.gz[.open] in directory, -1 if none."""
    if not directory.is_dir():
        return -1
    indexes = [
        int(match.group(1)) for p in directory.iterdir() if (match := WARC_NAME.match(p.name.removesuffix(OPEN_SUFFIX)))
    ]
    return max(indexes, default=-1)


def whole_records_end(path: Path) -> int:
    """Byte offset just after the last whole gzip member (= record: one member per record) of a WARC file.

    A member counts only once zlib has seen its end and its CRC; warcio itself reads a cut-off member without
    complaint, so it cannot tell a whole record from the front half of one.
    """
    data = memoryview(path.read_bytes())
    end = 0
    while end < len(data):
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            member.decompress(data[end:])  # output is one record (bodies are capped by DOWNLOAD_MAXSIZE)
        except zlib.error:
            break
        if not member.eof:
            break
        end = len(data) - len(member.unused_data)
    return end


def recover_open_warc(open_path: Path) -> tuple[Path, int]:
    """Cut an .open file left by a killed crawl back to its last whole record and give it its final name.

    Returns (final path, bytes kept). A file with no whole record at all (not even its warcinfo) is removed and
    (final path, 0) returned.
    """
    final = open_path.with_name(open_path.name.removesuffix(OPEN_SUFFIX))
    keep = whole_records_end(open_path)
    if keep == 0:
        open_path.unlink()
        return final, 0
    with open_path.open("r+b") as stream:
        stream.truncate(keep)
    os.replace(open_path, final)
    return final, keep
