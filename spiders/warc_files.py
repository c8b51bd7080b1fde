"""Writing HTTP exchanges to rotating, gzip-per-record WARC files, with FastWARC's record writer.

Each record is its own gzip member, so a reader can seek to a record's offset and decompress just that record;
the offset and length returned for the response record are what the crawl log stores. Files are created, never
reopened or overwritten (the raw zone is append-only), and each starts with a warcinfo record describing the crawl.

A file is written as responses-NNNNN.warc.gz.open and renamed to responses-NNNNN.warc.gz when it is closed
(rotation or the end of the crawl), so a reader that globs for *.warc.gz never sees a file still growing. Offsets
in the crawl log name the final file. A crawl killed mid-file leaves an .open file behind: newscorpus.crawl
cuts it back to its last whole record and renames it before the crawl resumes (recover_open_warc below).

Records are built and serialised by FastWARC (WARC/1.1, record ids, headers) and compressed one gzip member per
record, by FastWARC's compressor for large records and by zlib for small ones (see _write). The block and payload
digests (sha1, base32, as warcio writes them) are computed here with hashlib and
handed to it: FastWARC 2.0's own checksum_data=True path costs 35-60 us per record, more than the compressed write
itself. warcio's ArchiveIterator (which the extract stage reads with) and FastWARC's both read the files, and the
tests check every digest with warcio.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from fastwarc.stream_io import GzipWriter
from fastwarc.warc import WarcRecord, WarcRecordType
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date

WARC_NAME_TEMPLATE = "responses-{index:05d}.warc.gz"
WARC_NAME = re.compile(r"^responses-(\d{5,})\.warc\.gz$")
OPEN_SUFFIX = ".open"
DEFAULT_MAX_BYTES = 1_000_000_000
# zlib's default. warcio uses 9, which on real news pages (about 260 KB of HTML) costs 5.8 ms of CPU per page
# against 3.6 ms at 6, for files 0.7% smaller. FastWARC's gzip at 6: 2.9 ms per such page (zlib.compress: 4.5 ms).
GZIP_LEVEL = 6
# FastWARC compresses into this buffer and hands it to the file object when full or at the end of each record.
_GZIP_BUFFER = 64 * 1024
# Records smaller than this (uncompressed) are compressed with zlib rather than FastWARC (see _write).
_SMALL_RECORD_BYTES = 32 * 1024
_GZIP_WBITS = 16 + zlib.MAX_WBITS  # zlib's gzip container


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
        self._gzip: GzipWriter | None = None
        self.paths: list[Path] = []

    def write_exchange(self, exchange: HttpExchange) -> RecordLocation:
        """Write the response record, then the request record pointing at it; return where the response lies.

        Both records carry WARC-Date, WARC-Target-URI, block and payload digests (sha1, base32, as warcio writes
        them); the response has WARC-IP-Address when known, the request WARC-Concurrent-To the response's id.
        """
        self._current()
        assert self._file is not None and self._gzip is not None
        # warcio's date format (microseconds, Z); it wants a naive UTC datetime, an aware one gives "+00:00Z".
        warc_date = datetime_to_iso_date(exchange.fetched_at.astimezone(UTC).replace(tzinfo=None), use_micros=True)
        status_line = f"{exchange.status} {exchange.reason}".rstrip()
        response_head = _http_head(f"{exchange.protocol} {status_line}", exchange.response_headers)
        if response_head is None:
            response_head = StatusAndHeaders(
                status_line, exchange.response_headers, protocol=exchange.protocol
            ).to_ascii_bytes()
        request_head = _http_head(exchange.request_line, exchange.request_headers)
        if request_head is None:
            request_head = StatusAndHeaders(
                exchange.request_line, exchange.request_headers, is_http_request=True
            ).to_ascii_bytes()
        response = _http_record(
            WarcRecordType.response, exchange.url, warc_date, response_head, exchange.body, exchange.ip_address
        )
        request = _http_record(WarcRecordType.request, exchange.url, warc_date, request_head, b"")
        request.headers.append("WARC-Concurrent-To", str(response.record_id))
        offset = self._file.tell()
        self._write(response)
        length = self._file.tell() - offset
        self._write(request)
        self._file.flush()
        return RecordLocation(self.paths[-1], offset, length)

    def close(self) -> None:
        """Close the current file and give it its final name."""
        if self._file is not None:
            assert self._gzip is not None
            self._gzip.close()  # after finish() it writes nothing more, and it leaves the file it wraps open
            self._file.close()
            self._file = self._gzip = None
            final = self.paths[-1]
            os.replace(_open_name(final), final)

    def _write(self, record: WarcRecord) -> None:
        """One record, one gzip member: finish() ends the member, and the next write starts a new one.

        A small record (every request record, short pages) is compressed with zlib instead: FastWARC's compressor
        costs about 85 us to set up per member, 10x zlib's, while on a large page its compression itself is twice
        as fast as zlib's. Both write standard gzip members; digests are set already (see the module docstring).
        """
        assert self._gzip is not None and self._file is not None
        serialised = io.BytesIO()
        record.write(serialised)
        block = serialised.getvalue()
        if len(block) < _SMALL_RECORD_BYTES:
            compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, _GZIP_WBITS)
            self._file.write(compressor.compress(block) + compressor.flush())
        else:
            self._gzip.write(block)
            self._gzip.finish()

    def _current(self) -> None:
        if self._file is None or self._file.tell() >= self._max_bytes:
            self._rotate()

    def _rotate(self) -> None:
        self.close()
        self._index += 1
        path = self._directory / WARC_NAME_TEMPLATE.format(index=self._index)
        self._directory.mkdir(parents=True, exist_ok=True)
        if path.exists():
            raise FileExistsError(f"{path} already landed; the raw zone is append-only")
        self._file = _open_name(path).open("xb")  # "x": never overwrite a landed file
        self._gzip = GzipWriter(self._file, compression_level=GZIP_LEVEL, buffer_size=_GZIP_BUFFER, fsspec_args=False)
        self.paths.append(path)
        warcinfo = WarcRecord()
        warcinfo.init_headers(WarcRecordType.warcinfo)
        warcinfo.headers.append("WARC-Filename", path.name)
        warcinfo.headers.append("Content-Type", "application/warc-fields")
        fields = "".join(f"{key}: {value}\r\n" for key, value in self._warcinfo.items()).encode("utf-8")
        warcinfo.headers.append("WARC-Block-Digest", _sha1_label(fields))
        warcinfo.set_bytes_content(fields)
        self._write(warcinfo)
        self._file.flush()


def _http_record(
    record_type: WarcRecordType, uri: str, warc_date: str, http_head: bytes, payload: bytes, ip: str | None = None
) -> WarcRecord:
    """A response or request record (application/http; msgtype=..., set by FastWARC): HTTP head, then payload.

    The payload digest is over the HTTP body as received (for a request: nothing), the block digest over the
    whole block, both as warcio computes them.
    """
    block = http_head + payload
    record = WarcRecord()
    record.init_headers(record_type)  # WARC/1.1, WARC-Type, a fresh <urn:uuid:...> WARC-Record-ID
    headers = record.headers
    headers.set("WARC-Date", warc_date)
    headers.append("WARC-Target-URI", uri)
    if ip:
        headers.append("WARC-IP-Address", ip)
    headers.append("WARC-Payload-Digest", _sha1_label(payload) if payload else _EMPTY_SHA1)
    headers.append("WARC-Block-Digest", _sha1_label(block))
    record.set_bytes_content(block)
    record.is_http = True
    return record


def _sha1_label(data: bytes) -> str:
    """The digest label warcio writes and checks: "sha1:<base32>"."""
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


_EMPTY_SHA1 = _sha1_label(b"")  # the payload digest of every request record


def _http_head(first_line: str, headers: list[tuple[str, str]]) -> bytes | None:
    """The HTTP header block as warcio writes it, or None when it is not plain ASCII.

    For None the caller lets warcio's StatusAndHeaders encode it: it percent-encodes non-ASCII values (RFC 8187),
    and the archive keeps doing exactly that.
    """
    text = first_line + "\r\n" + "".join(f"{name}: {value}\r\n" for name, value in headers) + "\r\n"
    try:
        return text.encode("ascii")
    except UnicodeEncodeError:
        return None


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
