"""A scripted HTTP server for crawler tests: each path answers with a function of the request and its count.

Unlike conftest's serve_directory (static files), a route here can fail first and succeed later, sleep, stream a
body of any size, redirect or send any header, which is what the crawler's retry, timeout and size rules need.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Hit:
    path: str
    at: float  # time.monotonic()
    user_agent: str


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # sleep before answering
    stream_bytes: int = 0  # instead of body: this many bytes of filler, chunk by chunk, no Content-Length


Route = Callable[[int], Reply]  # called with how many times this path was asked for (1 = first time)


@dataclass
class ScriptedSite:
    url: str  # "http://127.0.0.1:PORT" (no trailing slash)
    routes: dict[str, Route]
    hits: list[Hit] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, path: str) -> int:
        return sum(1 for hit in self.hits if hit.path == path)

    def times(self, path: str) -> list[float]:
        return [hit.at for hit in self.hits if hit.path == path]


def html(text: str, charset: str | None = "utf-8") -> Reply:
    content_type = f"text/html; charset={charset}" if charset else "text/html"
    return Reply(body=text.encode("utf-8"), headers={"Content-Type": content_type})


def fixed(reply: Reply) -> Route:
    return lambda _count: reply


class _Handler(BaseHTTPRequestHandler):
    site: ScriptedSite
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = self.path
        with self.site.lock:
            self.site.hits.append(Hit(path, time.monotonic(), self.headers.get("User-Agent", "")))
            count = self.site.count(path)
        route = self.site.routes.get(path)
        reply = route(count) if route else Reply(404, b"<html><body>not here</body></html>")
        if reply.delay_s:
            time.sleep(reply.delay_s)
        try:
            self.send_response(reply.status)
            headers = {"Content-Type": "text/html; charset=utf-8", **reply.headers}
            for name, value in headers.items():
                self.send_header(name, value)
            if reply.stream_bytes:
                self.send_header("Connection", "close")
                self.end_headers()
                chunk = b"x" * 65536
                sent = 0
                while sent < reply.stream_bytes:
                    self.wfile.write(chunk)
                    sent += len(chunk)
                return
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the crawler hung up (timeout, size cap): what the test is about

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_script(routes: dict[str, Route]) -> Iterator[ScriptedSite]:
    site = ScriptedSite(url="", routes=routes)
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    site.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
