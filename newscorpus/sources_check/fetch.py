"""One bounded, honest HTTP GET for `sources check`: our real User-Agent, a time limit, a size cap, and the crawler's
network policy applied to every hop.

Why not Scrapy: a check makes a handful of sequential requests from the command line, and starting a Twisted
reactor for that is heavier than the check itself. The rules are the crawler's, though: the address every
connection goes to is resolved once, checked with spiders.network_policy (NEWSCORPUS_ALLOWED_NETWORKS), and then
connected to directly (no second lookup that could be rebound); only http and https; redirects re-checked hop by hop
and capped at 5; bodies capped after decompression.
"""

from __future__ import annotations

import http.client
import os
import socket
import ssl
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from newscorpus.settings import USER_AGENT
from spiders.network_policy import SETTING, NetworkPolicy, parse_address

MAX_REDIRECTS = 5
_CHUNK = 64 * 1024


@dataclass
class Fetched:
    """What one GET (after redirects) gave; `error` is set when there was no usable HTTP answer."""

    url: str
    final_url: str
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    truncated: bool = False  # the body went past the cap and was cut
    error: str | None = None  # "refused: ...", "timeout: ...", "connection: ...", "redirects: ..."
    redirects: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def policy_from_environment() -> NetworkPolicy:
    """The crawler's policy with the operator's exceptions (NEWSCORPUS_ALLOWED_NETWORKS, comma-separated)."""
    return NetworkPolicy.from_entries(os.environ.get(SETTING, "").split(","))


def fetch(url: str, policy: NetworkPolicy, *, timeout: float = 15.0, max_bytes: int = 10 * 1024 * 1024) -> Fetched:
    """GET `url` following up to MAX_REDIRECTS redirects; never raises for network trouble (see Fetched.error)."""
    started = time.monotonic()
    deadline = started + timeout
    result = Fetched(url=url, final_url=url)
    current = url
    seen = {url}
    try:
        for _ in range(MAX_REDIRECTS + 1):
            status, headers, body, truncated = _get_once(current, policy, deadline, max_bytes)
            location = headers.get("location")
            if status in (301, 302, 303, 307, 308) and location:
                target = urljoin(current, location)
                if target in seen:
                    result.error = f"redirects: loop back to {target}"
                    return result
                seen.add(target)
                result.redirects.append(target)
                current = result.final_url = target
                continue
            result.status, result.headers, result.body, result.truncated = status, headers, body, truncated
            return result
        result.error = f"redirects: more than {MAX_REDIRECTS}"
        return result
    except _Refused as exc:
        result.error = f"refused: {exc}"
    except TimeoutError as exc:
        result.error = f"timeout: no complete answer within {timeout:g} s ({exc or 'timed out'})"
    except (OSError, http.client.HTTPException, ssl.SSLError) as exc:
        kind = "" if type(exc) is OSError else f"{type(exc).__name__}: "
        result.error = f"connection: {kind}{exc}"
    finally:
        result.seconds = round(time.monotonic() - started, 3)
    return result


class _Refused(Exception):
    """The URL may not be fetched: scheme, or an address outside the network policy."""


def _get_once(
    url: str, policy: NetworkPolicy, deadline: float, max_bytes: int
) -> tuple[int, dict[str, str], bytes, bool]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _Refused(f"only http(s) URLs are fetched, not {url!r}")
    host = parts.hostname
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = _checked_address(host, port, policy)
    remaining = max(deadline - time.monotonic(), 0.1)
    if parts.scheme == "https":
        connection: http.client.HTTPConnection = _PinnedHTTPSConnection(address, host, port, timeout=remaining)
    else:
        connection = _PinnedHTTPConnection(address, host, port, timeout=remaining)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    try:
        connection.request(
            "GET",
            path,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "*/*",
                "Accept-Encoding": "gzip, deflate",
                "Connection": "close",
            },
        )
        response = connection.getresponse()
        headers = {k.lower(): v for k, v in response.getheaders()}
        raw, truncated = _read_capped(response, max_bytes, deadline)
    finally:
        connection.close()
    body, cut = _decoded(raw, headers.get("content-encoding", ""), max_bytes)
    return response.status, headers, body, truncated or cut


def _checked_address(host: str, port: int, policy: NetworkPolicy) -> str:
    literal = parse_address(host)
    if literal is not None:
        why = policy.literal_refusal(literal)
        if why:
            raise _Refused(why)
        return str(literal)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise OSError(f"cannot resolve {host}: {exc}") from exc
    addresses = [parse_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
    addresses = [a for a in addresses if a is not None]
    why = policy.resolved_refusal(host, addresses)
    if why:
        raise _Refused(why)
    if not addresses:
        raise OSError(f"{host} resolves to no address")
    ipv4 = [a for a in addresses if a.version == 4]
    return str((ipv4 or addresses)[0])


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the address that was checked, whatever the name would resolve to now."""

    def __init__(self, address: str, host: str, port: int, *, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, address: str, host: str, port: int, *, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # certificate checked for the name


def _read_capped(response: http.client.HTTPResponse, max_bytes: int, deadline: float) -> tuple[bytes, bool]:
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError("the body was still arriving")
        chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
        if not chunk:
            return b"".join(chunks), False
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            return b"".join(chunks)[:max_bytes], True


def _decoded(raw: bytes, encoding: str, max_bytes: int) -> tuple[bytes, bool]:
    """Undo gzip/deflate (the header's, or a .gz sitemap's own) without letting a bomb past max_bytes."""
    encoding = encoding.strip().lower()
    if encoding in ("gzip", "x-gzip") or raw[:2] == b"\x1f\x8b":
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decompressor = zlib.decompressobj()
    else:
        return raw, False
    try:
        body = decompressor.decompress(raw, max_bytes + 1)
    except zlib.error:
        return raw, False  # not really compressed: judged as it is
    if len(body) > max_bytes:
        return body[:max_bytes], True
    return body, False
