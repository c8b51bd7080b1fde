"""Which URLs belong to a source: its allowed host names, and ports, which Scrapy's own offsite check ignores.

Scrapy compares host names only, so on a test or demo site (127.0.0.1 with a port) every other local server would
count as "on site". An allowed domain may name a port ("127.0.0.1:8123"); one without a port allows the default
web ports and the port of the source's home page, so "127.0.0.1" with home http://127.0.0.1:8123/ means port 8123.
Subdomains of an allowed domain are allowed, as in Scrapy.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from newscorpus.sources import Source

_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class AllowedHost:
    host: str
    ports: frozenset[int]

    def covers(self, host: str, port: int) -> bool:
        return (host == self.host or host.endswith("." + self.host)) and port in self.ports


@dataclass(frozen=True)
class SiteScope:
    allowed: tuple[AllowedHost, ...]

    @classmethod
    def from_source(cls, source: Source) -> SiteScope:
        home = urlsplit(source.home)
        home_port = _effective_port(home.scheme, home.port)
        portless_ports = frozenset({*_DEFAULT_PORTS.values(), *([home_port] if home_port else [])})
        allowed = []
        for domain in source.allowed_domains:
            parsed = urlsplit("//" + domain.strip().lower())
            if not parsed.hostname:
                raise ValueError(f"source {source.id}: allowed domain {domain!r} has no host name")
            ports = frozenset({parsed.port}) if parsed.port else portless_ports
            allowed.append(AllowedHost(parsed.hostname, ports))
        return cls(tuple(allowed))

    @property
    def host_names(self) -> list[str]:
        """Host names only, for Scrapy's `allowed_domains` (which rejects entries with ports)."""
        return sorted({a.host for a in self.allowed})

    def allows(self, url: str) -> bool:
        try:
            parsed = urlsplit(url)
            port = _effective_port(parsed.scheme, parsed.port)
        except ValueError:  # a malformed port in a scraped link
            return False
        host = (parsed.hostname or "").lower()
        if not host or port is None:
            return False
        return any(a.covers(host, port) for a in self.allowed)


def _effective_port(scheme: str, port: int | None) -> int | None:
    return port if port is not None else _DEFAULT_PORTS.get(scheme.lower())
