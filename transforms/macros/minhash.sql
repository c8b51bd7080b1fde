-- Near-duplicate signatures. `minhash_signature(body)` is a vectorised function (newscorpus/fingerprints.py,
-- registered by the runner): one-permutation MinHash over word 5-gram shingles, 64 buckets, NULL for an empty
-- bucket. LSH banding groups the 64 buckets into 16 bands of 4: two texts become candidates when one band is
-- identical. Tuned so that copies sharing ~60% of their shingles are nearly always candidates, and unrelated
-- texts on the same topic (<10% shared) almost never are; see tests/test_near_duplicates.py.

create or replace macro band_hashes(signature) as
    list_transform(range(0, 16), band -> hash(signature[band * 4 + 1:band * 4 + 4]));

-- similarity of two signatures: the share of buckets, filled in either, that hold the same minimum
create or replace macro signature_similarity(a, b) as
    list_sum(list_transform(range(1, 65), i -> coalesce((a[i] = b[i])::int, 0)))
    / greatest(list_sum(list_transform(range(1, 65), i -> (a[i] is not null or b[i] is not null)::int)), 1);
