"""Serves a rendered demo site: one HTTP server per outlet on 127.0.0.1, each on a port the OS picks.

Separate ports (rather than one server with virtual hosts) give every outlet its own origin, so robots.txt,
allowed_domains and per-source crawl settings behave as they would against real sites. The handler is a strict
static-file server: real 404s with the outlet's own 404 page, no directory listings, correct Content-Types, and no
request log on stderr (requests go to this module's logger at DEBUG).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import urllib.parse
from collections.abc import Iterator
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from newscorpus.demo_site.content import OUTLETS
from newscorpus.demo_site.origin import ORIGIN_PLACEHOLDER

logger = logging.getLogger(__name__)

_CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".jpg": "image/jpeg",
}
_FEED_NAMES = {"rss.xml"}
_ABSOLUTE_URL_SUFFIXES = {".xml", ".txt"}  # formats that need absolute URLs, written with ORIGIN_PLACEHOLDER


def _content_type(path: Path) -> str:
    if path.name in _FEED_NAMES:
        return "application/rss+xml"
    return _CONTENT_TYPES.get(path.suffix, "application/octet-stream")


class _OutletServer(ThreadingHTTPServer):
    """One outlet's site; knows its directory and the origin it answers on."""

    daemon_threads = True

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir.resolve()
        super().__init__(("127.0.0.1", 0), _StaticSiteHandler)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request: object, client_address: object) -> None:
        # A client hanging up mid-response is normal for crawlers; keep it off stderr.
        logger.debug("demo site: error while serving %s", client_address, exc_info=True)


class _StaticSiteHandler(BaseHTTPRequestHandler):
    server: _OutletServer
    server_version = "newscorpus-demo"
    sys_version = ""

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def log_message(self, format: str, *args: object) -> None:
        logger.debug("demo site %s: %s", self.server.origin, format % args)

    def _resolve(self) -> Path | None:
        """The file for the request path, or None. Paths without a file map to <path>/index.html; no listings."""
        url_path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        parts = [part for part in url_path.split("/") if part]
        if any(part in (".", "..") or "\\" in part or "\x00" in part for part in parts):
            return None
        candidate = self.server.site_dir.joinpath(*parts)
        if not url_path.endswith("/") and candidate.is_file():
            return candidate
        index = candidate / "index.html"
        return index if index.is_file() else None

    def _respond(self, *, send_body: bool) -> None:
        path = self._resolve()
        status = HTTPStatus.OK
        if path is None:
            status, path = HTTPStatus.NOT_FOUND, self.server.site_dir / "404.html"
        body = path.read_bytes()
        if path.suffix in _ABSOLUTE_URL_SUFFIXES:
            body = body.replace(ORIGIN_PLACEHOLDER.encode(), self.server.origin.encode())
        self.send_response(status)
        self.send_header("Content-Type", _content_type(path))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)


@contextlib.contextmanager
def serve_site(root: Path) -> Iterator[dict[str, str]]:
    """Serve root/<outlet>/ (from render_site) while the block runs; yields {outlet: "http://127.0.0.1:PORT"}.

    All servers are shut down and their sockets closed on exit, also when the block raises.
    """
    running: list[tuple[_OutletServer, threading.Thread]] = []
    try:
        urls: dict[str, str] = {}
        for outlet_id in OUTLETS:
            site_dir = Path(root) / outlet_id
            if not (site_dir / "404.html").is_file():
                raise FileNotFoundError(f"{site_dir}: no rendered site here (run render_site first)")
            server = _OutletServer(site_dir)
            thread = threading.Thread(
                target=server.serve_forever, kwargs={"poll_interval": 0.1}, name=f"demo-site-{outlet_id}", daemon=True
            )
            thread.start()
            running.append((server, thread))
            urls[outlet_id] = server.origin
        yield urls
    finally:
        for server, thread in running:
            server.shutdown()
            server.server_close()
            thread.join()
