-- One MinHash signature (64 buckets) and 16 LSH band hashes per article of this partition.
-- The CTEs are MATERIALIZED on purpose: DuckDB would otherwise inline a list column into the lambdas that index
-- it, recomputing the whole list for every element (quadratic in the body length).
with word_hashes as materialized (
    select article_id, list_transform(body_words(body), w -> hash(w)) as hashes
    from int_articles_deduped
),

shingles as (
    select article_id, unnest(word_shingle_hashes(hashes)) as shingle
    from word_hashes
    where len(hashes) > 0
),

bucket_minimums as (
    select article_id, shingle % 64 as bucket, min(shingle // 64) as minimum
    from shingles
    group by article_id, bucket
),

filled_buckets as materialized (
    select article_id, list(bucket order by bucket) as buckets, list(minimum order by bucket) as minimums
    from bucket_minimums
    group by article_id
),

signatures as materialized (
    select article_id, list_transform(range(0, 64), b -> minimums[list_position(buckets, b)]) as signature
    from filled_buckets
)

select
    article_id,
    signature,
    list_transform(range(0, 16), band -> hash(signature[band * 4 + 1:band * 4 + 4])) as band_hashes
from signatures
