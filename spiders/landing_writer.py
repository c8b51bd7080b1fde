"""The landing process: writes what the crawl fetched to the WARC files and the crawl log, off the crawler's core.

Started by spiders.landing.Landing as `python -m spiders.landing_writer CONFIG_JSON` with a pipe on its stdin. The
crawler sends one frame per event (a 4-byte big-endian length, then a marshal-encoded tuple): a fetched exchange
(its request and response as Scrapy had them: URL, headers as a dict of bytes, body as received), or a crawl-log
line already serialised (a failure). For an exchange this process builds the HTTP records, digests them, writes
them gzip-compressed through RotatingWarcWriter, then appends the crawl-log line that points at the response
record: the log never names a record that is not on disk. Compression and digests are most of what landing a
page costs; here they run beside Scrapy's reactor instead of inside it.

The process owns the crawl log and the WARC files for its crawl. It ignores SIGINT and SIGTERM (the crawler decides
when the crawl ends and then closes the pipe), and on end of input it writes what it has received, closes the
current WARC file under its final name and exits 0. Any error (a full disk, a read-only directory) is printed to
stderr and ends it with exit code 1; the crawler sees the broken pipe or the exit code and fails the crawl.
"""

from __future__ import annotations

import functools
import hashlib
import json
import marshal
import signal
import struct
import sys
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import BinaryIO, NamedTuple
from urllib.parse import urlsplit

from spiders.crawl_log import CrawlLogLine, CrawlLogWriter, utc_timestamp
from spiders.warc_files import HttpExchange, RotatingWarcWriter

FRAME_HEAD = struct.Struct(">I")
EXCHANGE = 0  # frame kinds: (EXCHANGE, *FetchedExchange) or (LOG_LINE, json text)
LOG_LINE = 1
_ARCHIVABLE_PROTOCOLS = {"HTTP/1.0", "HTTP/1.1"}
SECRET_REQUEST_HEADERS = frozenset({"authorization", "cookie", "proxy-authorization"})
REDACTED = "[redacted]"


class FetchedExchange(NamedTuple):
    """What the crawler hands over for one response, as Scrapy held it (sent as a plain tuple: marshal)."""

    url: str  # the response's
    first_url: str  # the URL first asked for (before redirects)
    request_url: str
    method: str
    fetched_at: float  # Unix time
    request_headers: dict[bytes, list[bytes]]
    protocol: str | None
    status: int
    response_headers: dict[bytes, list[bytes]]
    body: bytes  # as received, still content-encoded
    ip_address: str | None
    discovered_via: str
    is_article_candidate: bool


def write_frame(stream: BinaryIO, record: tuple) -> None:
    payload = marshal.dumps(record)
    stream.write(FRAME_HEAD.pack(len(payload)) + payload)


def read_frames(stream: BinaryIO):  # noqa: ANN201 (an iterator of tuples)
    while head := stream.read(FRAME_HEAD.size):
        if len(head) < FRAME_HEAD.size:
            raise EOFError("the crawler's pipe ended inside a frame header")
        (size,) = FRAME_HEAD.unpack(head)
        payload = stream.read(size)
        if len(payload) < size:
            raise EOFError("the crawler's pipe ended inside a frame")
        yield marshal.loads(payload)


class LandingWriter:
    """Turns frames into WARC records and crawl-log lines (the body of the landing process, callable in-process)."""

    def __init__(self, config: dict) -> None:
        output_dir = Path(config["output_dir"])
        self._warc = RotatingWarcWriter(output_dir, warcinfo=config["warcinfo"], max_bytes=config["max_bytes"])
        self._log = CrawlLogWriter(output_dir / config["crawl_log_name"])
        self._data_root = Path(config["data_root"])
        self._relative_names: dict[Path, str] = {}

    def handle(self, frame: tuple) -> None:
        if frame[0] == LOG_LINE:
            self._log.append_text(frame[1])
        else:
            self.land(FetchedExchange(*frame[1:]))

    def land(self, fetched: FetchedExchange) -> None:
        moment = datetime.fromtimestamp(fetched.fetched_at, UTC)
        location = self._warc.write_exchange(_exchange(fetched, moment))
        media_type, charset = _content_type(fetched.response_headers)
        self._log.append(
            CrawlLogLine(
                url=fetched.first_url,
                final_url=fetched.url,
                status=fetched.status,
                fetched_at=utc_timestamp(moment),
                content_type=media_type,
                charset=charset,
                bytes=len(fetched.body),
                body_sha256=hashlib.sha256(fetched.body).hexdigest(),
                warc_file=self._relative_name(location.path),
                warc_offset=location.offset,
                warc_length=location.length,
                discovered_via=fetched.discovered_via,
                is_article_candidate=fetched.is_article_candidate,
            )
        )

    def close(self) -> None:
        self._warc.close()
        self._log.close()

    def _relative_name(self, path: Path) -> str:
        """warc_file for the crawl log, computed once per file (resolving paths costs system calls)."""
        if path not in self._relative_names:
            self._relative_names[path] = _relative_to(path, self._data_root)
        return self._relative_names[path]


def _exchange(fetched: FetchedExchange, fetched_at: datetime) -> HttpExchange:
    split = urlsplit(fetched.request_url)
    target = (split.path or "/") + (f"?{split.query}" if split.query else "")
    request_headers = [(name, _redacted(name, value)) for name, value in _header_pairs(fetched.request_headers)]
    if b"Host" not in fetched.request_headers:  # Scrapy's Headers normalise names, so this covers every spelling
        request_headers.insert(0, ("Host", split.netloc))
    return HttpExchange(
        url=fetched.url,
        fetched_at=fetched_at,
        request_line=f"{fetched.method} {target} HTTP/1.1",  # Scrapy's HTTP handler always asks in HTTP/1.1
        request_headers=request_headers,
        protocol=fetched.protocol if fetched.protocol in _ARCHIVABLE_PROTOCOLS else "HTTP/1.1",
        status=fetched.status,
        reason=_reason(fetched.status),
        response_headers=_archived_response_headers(fetched.response_headers),
        body=fetched.body,
        ip_address=fetched.ip_address,
    )


def _redacted(name: str, value: str) -> str:
    """Credentials the crawler sent (cookies a site set, auth from settings) must not land in the raw zone."""
    return REDACTED if name.lower() in SECRET_REQUEST_HEADERS else value


def _archived_response_headers(headers: dict[bytes, list[bytes]]) -> list[tuple[str, str]]:
    """Response headers as received, except Transfer-Encoding: Scrapy has already de-chunked the body, and a
    reader that saw "chunked" would try to de-chunk it again."""
    archived = []
    for name, value in _header_pairs(headers):
        if name.lower() == "transfer-encoding":
            name = "X-Archive-Orig-Transfer-Encoding"
        archived.append((name, value))
    return archived


def _header_pairs(headers: dict[bytes, list[bytes]]) -> list[tuple[str, str]]:
    """Header bytes as text, one character per byte (Scrapy keeps headers as bytes)."""
    return [(name.decode("latin-1"), value.decode("latin-1")) for name, values in headers.items() for value in values]


@functools.lru_cache(maxsize=256)
def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _content_type(headers: dict[bytes, list[bytes]]) -> tuple[str | None, str | None]:
    values = headers.get(b"Content-Type")
    if not values:
        return None, None
    media_type, _, params = values[-1].decode("latin-1").partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip().strip("\"'")
    return media_type.strip().lower() or None, charset


def _relative_to(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def main(argv: list[str]) -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    writer = LandingWriter(json.loads(argv[0]))
    for frame in read_frames(sys.stdin.buffer):
        writer.handle(frame)
    # Only after a clean end of input: after an error the current file keeps its .open name, and
    # newscorpus.crawl cuts it back to its last whole record before anything reads it.
    writer.close()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception as exc:  # noqa: BLE001 (report any failure to the crawler, in one line, then exit 1)
        print(f"newscorpus landing process failed: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        sys.exit(1)
