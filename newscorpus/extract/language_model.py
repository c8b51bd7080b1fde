"""The language identifier's model, loaded from an uncompressed copy kept in the user's cache.

py3langid ships its model LZMA-compressed (4.5 MB, 68 MB unpacked). Unpacking takes about 0.8 s of CPU on every
process start, which is most of a small batch's start-up: `newscorpus extract` on a hundred pages paid it before
the first page. The unpacked arrays are therefore written once to `$XDG_CACHE_HOME/newscorpus/` (default
`~/.cache/newscorpus/`, or `NEWSCORPUS_CACHE_DIR`), keyed by the packaged model's size and mtime so an upgrade of
py3langid gets a fresh copy, and later starts read them in about 0.2 s. The copy is written to a temporary file
and renamed, so a concurrent start never reads half a file; a damaged copy is replaced. When the cache cannot be
written (a read-only home), the model is loaded from the package as before: the cache only ever saves time.
"""

from __future__ import annotations

import logging
import lzma
import os
import shutil
import tempfile
import time
from array import array
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

CACHE_DIR_ENV = "NEWSCORPUS_CACHE_DIR"
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
_TYPECODES = {2: "H", 4: "I", 8: "L"}
_ABANDONED_AFTER_S = 3600  # unpacking takes about a second: an older partial file has no writer left

log = logging.getLogger(__name__)


def load_identifier() -> LanguageIdentifier:
    """py3langid's identifier with normalised probabilities, from the cached model when one can be used."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier  # late: numpy and the model are heavy

    packaged = Path(MODEL_DIR) / MODEL_FILE
    for attempt in range(2):
        try:
            cached = _cached_copy(packaged)
        except Exception as exc:  # noqa: BLE001 - an unwritable cache only costs time
            log.debug("language model cache not written (%s); unpacking the packaged model", exc)
            break
        try:
            return _from_arrays(LanguageIdentifier, cached)
        except Exception as exc:  # noqa: BLE001 - a damaged copy is unpacked again, once
            log.debug("language model cache %s unreadable (%s)", cached, exc)
            if attempt == 0:
                cached.unlink(missing_ok=True)
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def cache_dir() -> Path:
    explicit = os.environ.get(CACHE_DIR_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newscorpus"


def _cached_copy(packaged: Path) -> Path:
    """The unpacked model's path, unpacking it first when this version of it is not cached yet."""
    stat = packaged.stat()
    cached = cache_dir() / f"langid-model-{stat.st_size}-{stat.st_mtime_ns}.npz"
    if cached.is_file():
        return cached
    cached.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_parts(cached.parent)
    with tempfile.NamedTemporaryFile(dir=cached.parent, prefix=cached.name, suffix=".part", delete=False) as tmp:
        try:
            with lzma.open(packaged) as source:
                shutil.copyfileobj(source, tmp, length=1 << 20)
            tmp.close()
            os.replace(tmp.name, cached)
        except BaseException:
            Path(tmp.name).unlink(missing_ok=True)
            raise
    return cached


def _remove_abandoned_parts(directory: Path) -> None:
    """Half-written copies of a process killed while unpacking (68 MB each), once no live writer can own them."""
    cutoff = time.time() - _ABANDONED_AFTER_S
    for part in directory.glob("langid-model-*.part"):
        try:
            if part.stat().st_mtime < cutoff:
                part.unlink()
        except OSError:
            pass


def _from_arrays(identifier_class: type[LanguageIdentifier], path: Path) -> LanguageIdentifier:
    import numpy as np

    with np.load(path, allow_pickle=False) as data:
        arrays = {name: data[name] for name in _ARRAYS}
    return identifier_class(
        np.asarray(arrays["ptc"]),
        np.asarray(arrays["pc"]),
        arrays["classes"].tolist(),
        _stdlib_array(arrays["nextmove"]),
        arrays["out_feat"].tolist(),
        norm_probs=True,
        tk_row=_stdlib_array(arrays["nextmove_row"]),
    )


def _stdlib_array(values: object) -> array:
    """The identifier walks its state machine with plain indexing, which is fastest on a stdlib array."""
    import numpy as np

    contiguous = np.ascontiguousarray(values)
    out = array(_TYPECODES[contiguous.dtype.itemsize])
    out.frombytes(memoryview(contiguous).cast("B"))
    return out
