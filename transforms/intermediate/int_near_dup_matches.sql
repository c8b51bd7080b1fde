-- Near-duplicate pairs: this partition's articles against each other and against everything already published.
-- Candidates share at least one LSH band; a pair is kept when the signatures agree on at least half their buckets
-- (an estimate of the Jaccard similarity of the 5-word shingle sets).
with this_partition as (
    select article_id, signature, band_hashes
    from int_article_signatures
),

published_elsewhere as (
    select article_id, signature, band_hashes, near_dup_cluster
    from published_signatures
    where article_id not in (select article_id from this_partition)
),

all_signatures as (
    select article_id, signature, band_hashes, cast(null as varchar) as near_dup_cluster from this_partition
    union all
    select article_id, signature, band_hashes, near_dup_cluster from published_elsewhere
),

this_partition_bands as (
    select article_id, unnest(range(16)) as band, unnest(band_hashes) as band_hash
    from this_partition
),

all_bands as (
    select article_id, unnest(range(16)) as band, unnest(band_hashes) as band_hash
    from all_signatures
),

candidate_pairs as (
    select distinct t.article_id, a.article_id as other_article_id
    from this_partition_bands as t
    inner join all_bands as a on t.band = a.band and t.band_hash = a.band_hash
    where t.article_id <> a.article_id
),

scored_pairs as (
    select
        c.article_id,
        c.other_article_id,
        other.near_dup_cluster as other_cluster,
        signature_similarity(this.signature, other.signature) as similarity
    from candidate_pairs as c
    inner join this_partition as this on this.article_id = c.article_id
    inner join all_signatures as other on other.article_id = c.other_article_id
)

select *
from scored_pairs
where similarity >= 0.5
