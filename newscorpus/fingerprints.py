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

# byte → (lower-cased byte + 1), the digit a byte adds to a word's polynomial hash
_CODE = np.arange(1, 257, dtype=np.uint64)
_CODE[ord("A") : ord("Z") + 1] += 32
_IS_WORD = np.zeros(256, dtype=np.int8)
for _lo, _hi in (("0", "9"), ("a", "z"), ("A", "Z")):
    _IS_WORD[ord(_lo) : ord(_hi) + 1] = 1
_IS_WORD[0x80:] = 1


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
            size = 1 << max(n - 1, 1 << 20).bit_length()
            with np.errstate(over="ignore"):
                self.up = np.cumprod(np.full(size, _BASE, dtype=np.uint64)) * np.uint64(_BASE_INVERSE)
                self.down = np.cumprod(np.full(size, _BASE_INVERSE, dtype=np.uint64)) * np.uint64(_BASE)
        return self.up[:n], self.down[:n]


_POWERS = _Powers()


def _utf8(bodies: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The bytes of every body with one space between bodies, where each body starts (and the end), and which
    bodies are NULL."""
    if isinstance(bodies, pa.ChunkedArray):
        bodies = bodies.combine_chunks()
    null = bodies.is_null().to_numpy(zero_copy_only=False)
    bodies = pc.fill_null(bodies.cast(pa.large_string()), "")
    offsets = np.frombuffer(bodies.buffers()[1], dtype=np.int64)[bodies.offset : bodies.offset + len(bodies) + 1]
    data = np.frombuffer(bodies.buffers()[2], dtype=np.uint8)[offsets[0] : offsets[-1]]
    offsets = offsets - offsets[0]
    separated = np.insert(data, offsets[1:-1], ord(" "))  # so that no word runs from one body into the next
    return separated, offsets + np.arange(len(offsets)), null


def _word_hashes(data: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A 64-bit hash per word, in text order, and the number of words of each body.

    A word's hash is a polynomial hash of its lower-cased bytes, taken from running sums over the whole batch
    (sum of byte * BASE**position between its ends, times BASE**-start), then mixed."""
    edges = np.diff(_IS_WORD[data], prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)  # one past the last byte
    up, down = _POWERS.upto(len(data) + 1)
    with np.errstate(over="ignore"):
        running = np.empty(len(data) + 1, dtype=np.uint64)
        running[0] = 0
        digits = _CODE[data]
        digits *= up[: len(data)]
        np.cumsum(digits, out=running[1:])
        hashes = _mix((running[ends] - running[starts]) * down[starts])
    words_per_row = np.diff(np.searchsorted(starts, offsets))
    return hashes, words_per_row


def minhash_signatures(bodies: pa.Array) -> pa.Array:
    """The 64-bucket one-permutation MinHash signature of each body (see the module docstring)."""
    data, offsets, null = _utf8(bodies)
    rows = len(offsets) - 1
    hashes, words_per_row = _word_hashes(data, offsets)
    first_word = np.concatenate([[0], np.cumsum(words_per_row)])
    row_of_word = np.repeat(np.arange(rows), words_per_row)
    n = len(hashes)
    span = SHINGLE_WORDS - 1
    with np.errstate(over="ignore"):
        # every run of five consecutive words of the batch; those that cross a body boundary are dropped below
        shingles = hashes[: max(n - span, 0)] * _SHINGLE_WEIGHTS[0]
        for j in range(1, SHINGLE_WORDS):
            shingles += hashes[j : n - span + j] * _SHINGLE_WEIGHTS[j]
        keep = row_of_word[: len(shingles)] == row_of_word[span:]
        shingle_rows = row_of_word[: len(shingles)][keep]
        shingles = shingles[keep]
        short = np.flatnonzero((words_per_row > 0) & (words_per_row < SHINGLE_WORDS))
        if len(short):  # a body of one to four words is one shingle of all its words
            extra = np.zeros(len(short), dtype=np.uint64)
            for j in range(span):
                present = words_per_row[short] > j
                index = np.minimum(first_word[short] + j, n - 1)
                extra += np.where(present, hashes[index], np.uint64(0)) * _SHINGLE_WEIGHTS[j]
            shingles = np.concatenate([shingles, extra])
            shingle_rows = np.concatenate([shingle_rows, short])
    shingles = _mix(shingles)
    keys = shingle_rows * BUCKETS + (shingles >> np.uint64(_VALUE_BITS)).astype(np.int64)
    signature = np.full(rows * BUCKETS, _EMPTY, dtype=np.uint64)
    np.minimum.at(signature, keys, shingles & _VALUE_MASK)
    values = pa.array(signature, mask=signature == _EMPTY)
    no_words = null | (words_per_row == 0)
    list_offsets = pa.array(np.arange(0, (rows + 1) * BUCKETS, BUCKETS, dtype=np.int32))
    return pa.ListArray.from_arrays(list_offsets, values, mask=pa.array(no_words))


def normalized_text_hashes(bodies: pa.Array) -> pa.Array:
    """SHA-256 (hex) of each body lower-cased with runs of white space made one space and the ends trimmed."""
    return pa.array(
        [
            None if b is None else hashlib.sha256(" ".join(b.lower().split()).encode()).hexdigest()
            for b in bodies.to_pylist()
        ],  # fmt: skip
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
