-- One MinHash signature (64 buckets) and 16 LSH band hashes per article of this partition.
with article_words as (
    select article_id, body_words(body) as words
    from int_articles_deduped
),

shingles as (
    select article_id, unnest(word_shingle_hashes(list_transform(words, w -> hash(w)))) as shingle
    from article_words
    where len(words) > 0
),

bucket_minimums as (
    select article_id, shingle % 64 as bucket, min(shingle // 64) as minimum
    from shingles
    group by article_id, bucket
),

signatures as (
    select
        article_id,
        list_transform(range(0, 64), b -> map_extract_value(map(list(bucket), list(minimum)), b)) as signature
    from bucket_minimums
    group by article_id
)

select
    article_id,
    signature,
    list_transform(range(0, 16), band -> hash(signature[band * 4 + 1:band * 4 + 4])) as band_hashes
from signatures
