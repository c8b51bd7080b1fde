"""Text fingerprints for deduplication, as vectorised DuckDB functions over whole Arrow batches of bodies.

Why Python and not SQL: per word, DuckDB's regular expressions and list lambdas cost about a microsecond, and a
million news articles hold some 400 million words; numpy does the same work on the raw UTF-8 bytes of a batch in
a few passes. The SQL models still say what is computed (`transforms/intermediate/`); these are the functions
they call, registered by the runner (`newscorpus.transform`):

- `normalized_text_hash(body)`: SHA-256 (hex) of the body lower-cased with its white space collapsed, the key
  of exact duplicates.
- `minhash_signature(body)`: one-permutation MinHash of the body's word 5-gram shingles: 64 buckets chosen by the
  top 6 bits of a shingle's 64-bit hash, each keeping the smallest remaining 58 bits (NULL when no shingle fell
  in it). Words are runs of ASCII letters and digits or of non-ASCII bytes (UTF-8 letters), lower-cased; a body
  with fewer than five words is one shingle; a body with no words has no signature (NULL).
"""

from __future__ import annotations

import hashlib

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

BUCKETS = 64
SHINGLE_WORDS = 5
_VALUE_BITS = 64 - 6  # the top 6 bits pick the bucket
_VALUE_MASK = np.uint64((1 << _VALUE_BITS) - 1)
_EMPTY = np.uint64(np.iinfo(np.uint64).max)
_BASE = 0x100000001B3  # odd, so it has an inverse modulo 2**64
_BASE_INVERSE = pow(_BASE, -1, 1 << 64)
# odd multipliers that weigh the five words of a shingle differently, so word order matters
_SHINGLE_WEIGHTS = [np.uint64(w) for w in (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                                           0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD)]  # fmt: skip

_LOWER = np.arange(256, dtype=np.uint8)
_LOWER[ord("A") : ord("Z") + 1] += 32
_IS_WORD = np.zeros(256, dtype=bool)
for _lo, _hi in (("0", "9"), ("a", "z"), ("A", "Z")):
    _IS_WORD[ord(_lo) : ord(_hi) + 1] = True
_IS_WORD[0x80:] = True


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: every input bit reaches every output bit (in place on a fresh array)."""
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


class _Powers:
    """BASE**i and BASE**-i modulo 2**64 for i < n, grown on demand (uint64 arithmetic wraps, which is the mod)."""

    def __init__(self) -> None:
        self.up = np.ones(1, dtype=np.uint64)
        self.down = np.ones(1, dtype=np.uint64)

    def upto(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        if len(self.up) < n:
            size = max(n, 2 * len(self.up))
            with np.errstate(over="ignore"):
                self.up = np.cumprod(np.full(size, _BASE, dtype=np.uint64)) * np.uint64(_BASE_INVERSE)
                self.down = np.cumprod(np.full(size, _BASE_INVERSE, dtype=np.uint64)) * np.uint64(_BASE)
        return self.up[:n], self.down[:n]


_POWERS = _Powers()


def _utf8(bodies: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The bytes of every body, the offset where each starts (and the end), and which bodies are NULL."""
    if isinstance(bodies, pa.ChunkedArray):
        bodies = bodies.combine_chunks()
    null = bodies.is_null().to_numpy(zero_copy_only=False)
    bodies = pc.fill_null(bodies.cast(pa.large_string()), "")
    offsets = np.frombuffer(bodies.buffers()[1], dtype=np.int64)[bodies.offset : bodies.offset + len(bodies) + 1]
    data = np.frombuffer(bodies.buffers()[2], dtype=np.uint8)[offsets[0] : offsets[-1]]
    return data, offsets - offsets[0], null


def _word_hashes(data: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A 64-bit hash per word and the body (row) it belongs to, in text order.

    A word's hash is a polynomial hash of its lower-cased bytes, taken from running sums over the whole batch
    (sum of byte * BASE**position between its ends, times BASE**-start), then mixed."""
    rows = len(offsets) - 1
    if len(data) == 0:
        return np.empty(0, np.uint64), np.empty(0, np.int64)
    is_word = _IS_WORD[data]
    previous = np.empty_like(is_word)
    previous[0] = False
    previous[1:] = is_word[:-1]
    following = np.empty_like(is_word)
    following[-1] = False
    following[:-1] = is_word[1:]
    body_starts = offsets[:-1][offsets[:-1] < len(data)]
    previous[body_starts] = False  # a word never runs from one body into the next
    body_ends = offsets[1:][offsets[1:] > 0] - 1
    following[body_ends] = False
    starts = np.flatnonzero(is_word & ~previous)
    ends = np.flatnonzero(is_word & ~following)
    up, down = _POWERS.upto(len(data))
    with np.errstate(over="ignore"):
        running = np.zeros(len(data) + 1, dtype=np.uint64)
        np.cumsum((_LOWER[data].astype(np.uint64) + np.uint64(1)) * up, out=running[1:])
        hashes = _mix((running[ends + 1] - running[starts]) * down[starts])
    row_of_word = np.searchsorted(offsets, starts, side="right") - 1
    assert row_of_word.max(initial=0) < rows
    return hashes, row_of_word


def minhash_signatures(bodies: pa.Array) -> pa.Array:
    """The 64-bucket one-permutation MinHash signature of each body (see the module docstring)."""
    data, offsets, null = _utf8(bodies)
    rows = len(offsets) - 1
    hashes, row_of_word = _word_hashes(data, offsets)
    words_per_row = np.bincount(row_of_word, minlength=rows)
    n = len(hashes)
    padded_hashes = np.concatenate([hashes, np.zeros(SHINGLE_WORDS - 1, np.uint64)])
    padded_rows = np.concatenate([row_of_word, np.full(SHINGLE_WORDS - 1, -1)])
    with np.errstate(over="ignore"):
        shingles = np.zeros(n, dtype=np.uint64)
        for j, weight in enumerate(_SHINGLE_WEIGHTS):
            same_body = padded_rows[j : j + n] == row_of_word  # a short body's last shingle is padded with 0
            shingles += np.where(same_body, padded_hashes[j : j + n], np.uint64(0)) * weight
    full = padded_rows[SHINGLE_WORDS - 1 : SHINGLE_WORDS - 1 + n] == row_of_word
    first_word = np.ones(n, dtype=bool)
    first_word[1:] = row_of_word[1:] != row_of_word[:-1]
    keep = full | (first_word & (words_per_row[row_of_word] < SHINGLE_WORDS))
    shingles = _mix(shingles[keep])
    keys = row_of_word[keep] * BUCKETS + (shingles >> np.uint64(_VALUE_BITS)).astype(np.int64)
    signature = np.full(rows * BUCKETS, _EMPTY, dtype=np.uint64)
    np.minimum.at(signature, keys, shingles & _VALUE_MASK)
    values = pa.array(signature, mask=signature == _EMPTY)
    no_words = null | (words_per_row == 0)
    list_offsets = pa.array(np.arange(0, (rows + 1) * BUCKETS, BUCKETS, dtype=np.int32))
    return pa.ListArray.from_arrays(list_offsets, values, mask=pa.array(no_words))


def normalized_text_hashes(bodies: pa.Array) -> pa.Array:
    """SHA-256 (hex) of each body lower-cased with runs of white space made one space and the ends trimmed."""
    return pa.array(
        [None if b is None else hashlib.sha256(" ".join(b.lower().split()).encode()).hexdigest()
         for b in bodies.to_pylist()],  # fmt: skip
        type=pa.string(),
    )


def register(con: duckdb.DuckDBPyConnection) -> None:
    """Make the fingerprints callable from the connection's SQL."""
    con.create_function(
        "normalized_text_hash", normalized_text_hashes, ["VARCHAR"], "VARCHAR", type="arrow", null_handling="special"
    )
    con.create_function(
        "minhash_signature", minhash_signatures, ["VARCHAR"], "UBIGINT[]", type="arrow", null_handling="special"
    )
