"""DuckDB extensions loaded from their PyPI packages, never from the network: the machines that run the pipeline
(and CI) reach PyPI but not DuckDB's extension repository."""

from __future__ import annotations

import importlib
from pathlib import Path

import duckdb


def extension_path(name: str) -> Path:
    """The extension binary shipped by the duckdb-extension-<name> wheel for the running DuckDB version."""
    package = importlib.import_module(f"duckdb_extension_{name}")
    path = Path(package.__file__).parent / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
    if not path.exists():
        raise RuntimeError(
            f"{path} missing: duckdb-extension-{name} must match duckdb {duckdb.__version__} (see constraints.txt)"
        )
    return path


def load(con: duckdb.DuckDBPyConnection, name: str) -> None:
    con.execute(f"LOAD '{extension_path(name)}'")
