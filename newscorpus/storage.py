"""One storage layer for the shared zones (raw/, staging/, published/, quarantine/): a local folder or an S3 prefix.

Every read and write of those zones goes through `Storage`, built on pyarrow.fs, so the pipeline runs the same on a
laptop (`NEWSCORPUS_DATA=data`) and on a cluster whose workers share a bucket (`NEWSCORPUS_DATA=s3://bucket/prefix`).
The S3 endpoint and credentials come from the standard environment variables (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID,
AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION); nothing secret lives in code or in the files we write.

Paths given to a Storage are keys relative to its root ("published/articles/source=s/..."), or full locations
(an absolute local path, an s3:// URI) as returned by `uri()`. Single-object writes are atomic on both backends:
locally a temporary name in the same folder then os.replace, on S3 a single PUT (an object appears whole or not at
all). That is the only atomic step the commit protocol of `newscorpus.commits` relies on.
"""

from __future__ import annotations

import fnmatch
import io
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

S3_SCHEME = "s3://"


class StorageError(ValueError):
    """A storage root that cannot be used (an unsupported scheme, a bucket-less URI)."""


def is_remote(root: str | Path) -> bool:
    return str(root).startswith(S3_SCHEME)


def _s3_settings() -> dict[str, str]:
    """The S3 connection as the AWS SDKs read it from the environment."""
    return {
        "endpoint": os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL", ""),
        "key_id": os.environ.get("AWS_ACCESS_KEY_ID", ""),
        "secret": os.environ.get("AWS_SECRET_ACCESS_KEY", ""),
        "session_token": os.environ.get("AWS_SESSION_TOKEN", ""),
        "region": os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1",
    }


def _s3_filesystem() -> pafs.S3FileSystem:
    settings = _s3_settings()
    kwargs: dict[str, object] = {"region": settings["region"]}
    if settings["key_id"]:
        kwargs.update(access_key=settings["key_id"], secret_key=settings["secret"])
        if settings["session_token"]:
            kwargs["session_token"] = settings["session_token"]
    if settings["endpoint"]:
        endpoint = urlsplit(settings["endpoint"])
        kwargs.update(endpoint_override=endpoint.netloc or endpoint.path, scheme=endpoint.scheme or "https")
        kwargs["force_virtual_addressing"] = False
    return pafs.S3FileSystem(**kwargs)


def _sql_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@dataclass(frozen=True)
class ListedFile:
    """One file of a listing: its key, size in bytes and modification time (on S3 the object's LastModified; None
    where the filesystem does not say)."""

    key: str
    size: int
    mtime_ns: int | None


@dataclass(frozen=True)
class Storage:
    """The storage root: `root` is what a user would write (an absolute path or s3://bucket/prefix)."""

    root: str
    fs: pafs.FileSystem = field(compare=False, repr=False)
    base: str  # the root as a path of `fs`: /abs/path or bucket/prefix

    @classmethod
    def at(cls, root: str | Path | Storage) -> Storage:
        """A Storage for a root given as a local path, an s3:// URI, or a Storage (returned as is)."""
        if isinstance(root, Storage):
            return root
        text = str(root)
        if is_remote(text):
            base = text[len(S3_SCHEME) :].strip("/")
            if not base or base.startswith("/"):
                raise StorageError(f"{text!r}: an S3 storage root needs a bucket, e.g. s3://bucket/prefix")
            return cls(S3_SCHEME + base, _s3_filesystem(), base)
        if "://" in text:
            raise StorageError(f"{text!r}: storage roots are local paths or s3://bucket/prefix")
        local = str(Path(text).resolve())
        return cls(local, pafs.LocalFileSystem(), local)

    @property
    def is_remote(self) -> bool:
        return is_remote(self.root)

    # -- names -------------------------------------------------------------------------------------------------

    def path(self, key: str | Path) -> str:
        """The path of `key` on `fs`; a full location (absolute path, s3:// URI) is accepted as well."""
        text = str(key)
        if text.startswith(S3_SCHEME):
            return text[len(S3_SCHEME) :]
        if not self.is_remote and text.startswith("/"):
            return text
        return f"{self.base}/{text.lstrip('/')}"

    def uri(self, key: str | Path) -> str:
        """The location of `key` as DuckDB and people read it: an absolute local path or an s3:// URI."""
        path = self.path(key)
        return S3_SCHEME + path if self.is_remote else path

    def key(self, location: str | Path) -> str:
        """The key (relative to the root) of a full location under this root."""
        return self._key_of(self.path(location))

    def _key_of(self, path: str) -> str:
        if not (path == self.base or path.startswith(self.base + "/")):
            raise StorageError(f"{path} is not under the storage root {self.root}")
        return path[len(self.base) :].lstrip("/")

    # -- reading -----------------------------------------------------------------------------------------------

    def exists(self, key: str | Path) -> bool:
        return self.fs.get_file_info(self.path(key)).type == pafs.FileType.File

    def read_bytes(self, key: str | Path) -> bytes:
        with self.fs.open_input_stream(self.path(key), compression=None) as stream:
            return stream.read()

    def read_text(self, key: str | Path) -> str:
        return self.read_bytes(key).decode("utf-8")

    def open_input(self, key: str | Path) -> pa.NativeFile:
        """A seekable file, for readers that jump around (WARC offsets, Parquet footers)."""
        return self.fs.open_input_file(self.path(key))

    def read_table(self, key: str | Path) -> pa.Table:
        return pq.read_table(self.path(key), filesystem=self.fs)

    def list_files(self, prefix: str, pattern: str | None = None, *, hidden: bool = False) -> list[str]:
        """Keys of the files under `prefix` (recursively), sorted; `pattern` is an fnmatch over the key below it.

        Names starting with "." are skipped unless `hidden`: they are temporary files of a write in progress."""
        return [entry.key for entry in self.list_entries(prefix, pattern, hidden=hidden)]

    def list_entries(self, prefix: str, pattern: str | None = None, *, hidden: bool = False) -> list[ListedFile]:
        """`list_files` with each file's size and modification time, which the same listing returns (one LIST per
        thousand keys on S3): enough to tell a file from the version read before without a request per file."""
        selector = pafs.FileSelector(self.path(prefix), recursive=True, allow_not_found=True)
        found = []
        for info in self.fs.get_file_info(selector):
            if info.type != pafs.FileType.File or (info.base_name.startswith(".") and not hidden):
                continue
            key = self._key_of(info.path)
            below = key[len(prefix.rstrip("/")) + 1 :]
            if pattern is None or fnmatch.fnmatchcase(below, pattern):
                found.append(ListedFile(key, info.size, info.mtime_ns))
        return sorted(found, key=lambda entry: entry.key)

    # -- writing -----------------------------------------------------------------------------------------------

    def _put(self, key: str | Path, write) -> None:
        """Write an object whole or not at all: local temp + os.replace, or one S3 PUT. Bytes go through as they
        are (pyarrow would otherwise gzip a key ending in .gz a second time)."""
        target = self.path(key)
        if self.is_remote:
            with self.fs.open_output_stream(target, compression=None) as out:
                write(out)
            return
        parent, name = os.path.split(target)
        os.makedirs(parent, exist_ok=True)
        temporary = os.path.join(parent, f".{name}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            with self.fs.open_output_stream(temporary, compression=None) as out:
                write(out)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def write_bytes(self, key: str | Path, data: bytes) -> None:
        self._put(key, lambda out: out.write(data))

    def write_text(self, key: str | Path, text: str) -> None:
        self.write_bytes(key, text.encode("utf-8"))

    def write_table(self, key: str | Path, table: pa.Table, **options: object) -> None:
        """Parquet, zstd unless told otherwise."""
        options.setdefault("compression", "zstd")
        buffer = io.BytesIO()
        pq.write_table(table, buffer, **options)
        self.write_bytes(key, buffer.getvalue())

    def copy(self, source: str | Path, target: str | Path) -> None:
        """Copy one object within the storage (atomic at the target)."""
        if self.is_remote:
            self.fs.copy_file(self.path(source), self.path(target))
            return

        def write(out: pa.NativeFile) -> None:
            with self.fs.open_input_stream(self.path(source), compression=None) as stream:
                while chunk := stream.read(1 << 22):
                    out.write(chunk)

        self._put(target, write)

    def upload(self, local: Path, key: str | Path) -> None:
        """Copy a local file into the storage (atomic at the target)."""

        def write(out: pa.NativeFile) -> None:
            with open(local, "rb") as stream:
                while chunk := stream.read(1 << 22):
                    out.write(chunk)

        self._put(key, write)

    def delete(self, key: str | Path) -> None:
        try:
            self.fs.delete_file(self.path(key))
        except FileNotFoundError:
            pass

    def delete_prefix(self, prefix: str) -> None:
        """Remove everything under `prefix` (a folder locally)."""
        path = self.path(prefix)
        if self.fs.get_file_info(path).type == pafs.FileType.NotFound:
            return
        if self.is_remote:
            self.fs.delete_dir_contents(path, missing_dir_ok=True)  # S3 folders are only key prefixes
        else:
            shutil.rmtree(path, ignore_errors=True)

    def scratch(self, key: str | Path) -> str:
        """Where a writer that names its own output (DuckDB COPY) writes `key` before `commit_scratch` makes it
        visible: a hidden temporary name beside it (never listed, never read by anyone else)."""
        folder, _, name = self.path(key).rpartition("/")
        if not self.is_remote:
            os.makedirs(folder, exist_ok=True)
        temporary = f"{folder}/.{name}.{uuid.uuid4().hex[:8]}.tmp"
        return S3_SCHEME + temporary if self.is_remote else temporary

    def commit_scratch(self, scratch: str, key: str | Path) -> str:
        """Make the file written at `scratch` visible under `key` in one step; returns its location (uri).
        Locally a rename; on S3 a server-side copy (atomic at the target) and the scratch object deleted."""
        if self.is_remote:
            self.fs.copy_file(self.path(scratch), self.path(key))
            self.delete(scratch)
        else:
            os.replace(scratch, self.path(key))
        return self.uri(key)

    # -- DuckDB ------------------------------------------------------------------------------------------------

    def configure_duckdb(self, con: duckdb.DuckDBPyConnection) -> None:
        """Let `con` read and write this root: nothing to do locally; on S3 load httpfs (offline, from its PyPI
        package) and create a temporary secret from the AWS_* environment (it lives only in this connection)."""
        if not self.is_remote:
            return
        from newscorpus import duckdb_extensions

        duckdb_extensions.load(con, "httpfs")
        settings = _s3_settings()
        options = ["TYPE s3", f"REGION {_sql_literal(settings['region'])}"]
        if settings["key_id"]:
            options += [f"KEY_ID {_sql_literal(settings['key_id'])}", f"SECRET {_sql_literal(settings['secret'])}"]
            if settings["session_token"]:
                options.append(f"SESSION_TOKEN {_sql_literal(settings['session_token'])}")
        if settings["endpoint"]:
            endpoint = urlsplit(settings["endpoint"])
            options += [
                f"ENDPOINT {_sql_literal(endpoint.netloc or endpoint.path)}",
                "URL_STYLE 'path'",
                f"USE_SSL {'true' if endpoint.scheme == 'https' else 'false'}",
            ]
        bucket = self.base.split("/", 1)[0]
        options.append(f"SCOPE {_sql_literal(S3_SCHEME + bucket)}")
        con.execute(f"CREATE OR REPLACE SECRET newscorpus_storage ({', '.join(options)})")


def from_env() -> Storage:
    """The storage root the settings name (NEWSCORPUS_DATA)."""
    from newscorpus.settings import storage_root

    return Storage.at(storage_root())


def shared(local_root: Path | str) -> Storage:
    """The storage whose local side is `local_root`: the s3:// root when NEWSCORPUS_DATA names one, else the local
    folder itself. For code that runs on the local side (the crawler) but reads or writes shared zones."""
    store = from_env()
    return store if store.is_remote else Storage.at(local_root)


def upload_run_directory(local_dir: Path) -> str | None:
    """Copy a finished local crawl directory (…/raw/source=S/…/crawl=…) into the storage root under the same
    raw/… key, when that root is remote; the completion marker `_SUCCESS` goes last so readers never take a
    half-copied crawl for a finished one. Returns the remote location, or None when the root is local (no-op)."""
    store = from_env()
    if not store.is_remote:
        return None
    local_dir = Path(local_dir).resolve()
    parts = local_dir.parts
    starts = [i for i in range(len(parts) - 1) if parts[i] == "raw" and parts[i + 1].startswith("source=")]
    if not starts:
        raise StorageError(f"{local_dir} is not a crawl directory under raw/source=…")
    relative = "/".join(parts[starts[-1] :])
    files = sorted(p for p in local_dir.rglob("*") if p.is_file() and not p.name.startswith("."))
    files.sort(key=lambda p: p.name == "_SUCCESS")
    for path in files:
        store.upload(path, f"{relative}/{path.relative_to(local_dir).as_posix()}")
    return store.uri(relative)
