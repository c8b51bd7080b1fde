-- Near-duplicate signatures, computed in SQL. Word 5-gram shingles are hashed from per-word integer hashes
-- (string work per shingle is what makes MinHash slow; integers are nearly free), then one-permutation MinHash:
-- each shingle falls in one of 64 buckets by its hash, and a bucket keeps its smallest value. LSH banding groups
-- the 64 buckets into 16 bands of 4: two texts become candidates when one band is identical.
-- Tuned so that copies sharing ~60% of their shingles are nearly always candidates, and unrelated texts on the
-- same topic (<10% shared) almost never are; see tests/test_near_duplicates.py.

create or replace macro body_words(body) as
    list_filter(string_split(regexp_replace(lower(coalesce(body, '')), '[^[:alnum:]]+', ' ', 'g'), ' '), w -> w <> '');

create or replace macro word_shingle_hashes(words) as
    list_transform(
        range(1, greatest(len(words) - 3, 1) + 1),
        k -> hash(words[k], words[k + 1], words[k + 2], words[k + 3], words[k + 4])
    );

-- similarity of two signatures: the share of buckets, filled in either, that hold the same minimum
create or replace macro signature_similarity(a, b) as
    list_sum(list_transform(range(1, 65), i -> coalesce((a[i] = b[i])::int, 0)))
    / greatest(list_sum(list_transform(range(1, 65), i -> (a[i] is not null or b[i] is not null)::int)), 1);
