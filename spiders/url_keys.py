"""One spelling per page for "have we fetched this already?": tracking parameters never make a URL new.

The same rules as transforms/macros/canonical_url.sql (which gives articles their ids), so the crawler's seen and
duplicate checks and the corpus agree on what "the same URL" is: scheme and host lower-cased, default ports,
fragments, tracking parameters (utm_*, fbclid, gclid, ...) and a trailing slash dropped.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

TRACKING_PARAMETER = re.compile(r"^(utm_[a-z_]+|fbclid|gclid|dclid|mc_cid|mc_eid|_ga|cmpid|ocid)$", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def without_tracking(url: str) -> str:
    """The URL with tracking parameters and the fragment removed, otherwise as written: what the crawler asks for."""
    parts = urlsplit(url)
    kept = [p for p in parts.query.split("&") if p and not TRACKING_PARAMETER.match(p.split("=", 1)[0])]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "&".join(kept), ""))


def url_key(url: str) -> str:
    """The seen/duplicate key: without_tracking plus lower-cased scheme and host, no default port, no trailing '/'."""
    return tracking_free_key(without_tracking(url.strip()))


def tracking_free_key(url: str) -> str:
    """url_key of a URL that without_tracking has already cleaned (the spider has it at hand for every link)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((scheme, netloc, path, parts.query, ""))
