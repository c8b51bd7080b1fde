"""The demo's source registry (sources.yaml beside this file) and the environment it needs.

sources.yaml names each outlet's base URL as ${NEWSCORPUS_DEMO_<OUTLET>_URL}, because ports are only known once
serve_site has started; newscorpus.sources expands the variables when the file is loaded.
"""

from __future__ import annotations

from pathlib import Path

from newscorpus.demo_site.content import OUTLETS

SOURCES_YAML = Path(__file__).with_name("sources.yaml")


def url_variable(outlet_id: str) -> str:
    """The environment variable sources.yaml reads an outlet's base URL from."""
    return f"NEWSCORPUS_DEMO_{outlet_id.upper()}_URL"


# The crawler refuses loopback and private addresses unless told otherwise; the demo site is on loopback, so the
# demo (and only the demo) allows exactly that address.
DEMO_ALLOWED_NETWORKS = "127.0.0.1/32"


def demo_env(urls: dict[str, str]) -> dict[str, str]:
    """Environment variables for a serve_site() result: each outlet's base URL, e.g.
    {"NEWSCORPUS_DEMO_KORANKOTA_URL": "http://..."}, and NEWSCORPUS_ALLOWED_NETWORKS letting the crawler reach it."""
    missing = set(OUTLETS) - set(urls)
    if missing:
        raise ValueError(f"no URL for outlet(s): {', '.join(sorted(missing))}")
    env = {url_variable(outlet_id): urls[outlet_id].rstrip("/") for outlet_id in OUTLETS}
    return {**env, "NEWSCORPUS_ALLOWED_NETWORKS": DEMO_ALLOWED_NETWORKS}
