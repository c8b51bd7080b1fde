"""Where things live. One environment variable per decision, read at call time so tests can override them."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
TRANSFORMS_DIR = REPO_ROOT / "transforms"
EXPECTATIONS_DIR = REPO_ROOT / "expectations"

USER_AGENT = "newscorpus/0.1 (+https://github.com/newscorpus/newscorpus; research corpus crawler)"


def data_root() -> Path:
    """The storage root (NEWSCORPUS_DATA, default ./data); every zone lives under it."""
    return Path(os.environ.get("NEWSCORPUS_DATA", "data")).resolve()


def sources_file() -> Path:
    """The source registry (NEWSCORPUS_SOURCES, default sources.yaml at the repository root)."""
    return Path(os.environ.get("NEWSCORPUS_SOURCES", REPO_ROOT / "sources.yaml")).resolve()
