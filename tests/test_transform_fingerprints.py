"""The vectorised fingerprints the SQL models call: MinHash signatures and the exact-duplicate hash."""

from __future__ import annotations

import hashlib

import duckdb
import pyarrow as pa
from test_near_duplicates import SAME_TOPIC, WIRE

from newscorpus import fingerprints
from newscorpus.settings import TRANSFORMS_DIR

NEAR_DUP_THRESHOLD = 0.5  # transforms/cross_partition/near_dup_matches.sql


def _similarity(a: str, b: str) -> float:
    """Through the SQL macro the models use, on signatures from the registered function."""
    with duckdb.connect() as con:
        fingerprints.register(con)
        con.execute((TRANSFORMS_DIR / "macros" / "minhash.sql").read_text())
        return con.execute(
            "select signature_similarity(minhash_signature($a), minhash_signature($b))", {"a": a, "b": b}
        ).fetchone()[0]


def test_a_wire_copy_scores_above_the_threshold_and_another_story_far_below() -> None:
    wire = "\n\n".join(WIRE)
    copy = "\n\n".join(["Jakarta (ANTARA) - Rusia tawarkan mediasi.", *WIRE[1:], "Pewarta: Seseorang\nEditor: Lain"])
    assert 0.6 <= _similarity(wire, copy) <= 0.9  # about 0.7: a changed first line and other boilerplate
    assert _similarity(wire, "\n\n".join(SAME_TOPIC)) < 0.1  # the same topic, another story: about 0
    assert NEAR_DUP_THRESHOLD < 0.6


def test_a_signature_does_not_depend_on_its_batch_case_or_punctuation() -> None:
    wire = "\n\n".join(WIRE)
    alone = fingerprints.minhash_signatures(pa.array([wire])).to_pylist()[0]
    batch = ["Satu dua.", None, "", wire, "tiga empat lima enam tujuh delapan", wire.upper().replace(",", " ;")]
    signatures = fingerprints.minhash_signatures(pa.array(batch)).to_pylist()
    assert signatures[3] == alone == signatures[5]
    assert signatures[1] is None and signatures[2] is None  # no words, no signature
    assert len(alone) == fingerprints.BUCKETS and sum(v is not None for v in alone) > 40
    # a short body is one shingle: one filled bucket, and the same words in another order differ
    short = fingerprints.minhash_signatures(pa.array(["satu dua", "dua satu", "satu  DUA!"])).to_pylist()
    assert sum(v is not None for v in short[0]) == 1 and short[0] != short[1] and short[0] == short[2]


def test_the_exact_duplicate_hash_ignores_case_and_white_space_only() -> None:
    hashes = fingerprints.normalized_text_hashes(
        pa.array(["Banjir  di\nJakarta ", "banjir di jakarta", "Banjir di Jakarta.", None])
    ).to_pylist()
    assert hashes[0] == hashes[1] == hashlib.sha256(b"banjir di jakarta").hexdigest()
    assert hashes[2] != hashes[1] and hashes[3] is None
