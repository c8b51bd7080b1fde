"""Which setting or flag a failing path came from. "[Errno 2] No such file or directory: '/proc/nc/raw'" leaves the
operator guessing; "NEWSCORPUS_DATA=/proc/nc: ..." says what to change. Used by the CLI for an OSError that reached
the command line: the path it names is matched against the command's path flags and the environment settings."""

from __future__ import annotations

import errno
import os
from pathlib import Path

# errors that mean "this path cannot be used as configured": fix the setting, a retry will not help (exit 2)
_CONFIG_ERRNOS = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.EACCES, errno.EPERM, errno.EROFS})


def _settings() -> list[tuple[str, Path]]:
    """(how to name it, the path it resolves to), the most specific first."""
    from newscorpus import settings

    named: list[tuple[str, Path]] = []
    remote_root = os.environ.get("NEWSCORPUS_DATA", "").startswith("s3://")
    for name, resolve in (
        ("NEWSCORPUS_CATALOG", settings.catalog_file),
        ("NEWSCORPUS_LOCAL_DIR", settings.data_root),
    ):
        if os.environ.get(name) and (remote_root or name != "NEWSCORPUS_LOCAL_DIR"):  # LOCAL_DIR serves s3 roots
            named.append((f"{name}={os.environ[name]}", resolve()))
    for name, default, resolve in (
        ("NEWSCORPUS_SOURCES", "./sources.yaml", settings.sources_file),
        ("NEWSCORPUS_DATA", "./data", settings.data_root),
    ):
        value = os.environ.get(name)
        if not (value or "").startswith("s3://"):  # an s3:// root is no local path an OSError could name
            named.append((f"{name}={value}" if value else f"{name} (default {default})", resolve()))
    return named


def _related(path: Path, configured: Path) -> bool:
    """The failing path is the configured one, inside it, or one of the folders it needs (a missing parent)."""
    return path == configured or configured in path.parents or path in configured.parents


def path_origin(filename: str | os.PathLike[str], flags: dict[str, str | None]) -> str | None:
    """`--output /x` or `NEWSCORPUS_DATA=/x` for the flag or setting `filename` belongs to, or None."""
    path = Path(os.path.abspath(filename))
    for flag, value in flags.items():
        if value and value != "-" and _related(path, Path(os.path.abspath(value))):
            return f"{flag} {value}"
    for origin, configured in _settings():
        if _related(path, configured):
            return origin
    return None


def explain_os_error(exc: OSError, flags: dict[str, str | None]) -> tuple[int, str] | None:
    """(exit code, one-line message naming the flag or setting) for an OSError about a path we were told to use;
    None when the path is not one of them (the caller reports the error as it is)."""
    if exc.filename is None:
        return None
    origin = path_origin(exc.filename, flags)
    if origin is None:
        return None
    if isinstance(exc, IsADirectoryError) and origin.startswith("NEWSCORPUS_SOURCES="):
        return 2, f"{origin}: is a directory, expected a YAML file (the source registry)"
    reason = exc.strerror or type(exc).__name__
    where = "" if origin.endswith(f" {exc.filename}") or origin.endswith(f"={exc.filename}") else f" ({exc.filename})"
    code = 2 if exc.errno in _CONFIG_ERRNOS else 1
    advice = "; point it at a path this user can create and write" if code == 2 else ""
    return code, f"{origin}: {reason}{where}{advice}"
