-- Near-duplicate pairs among the articles of this run (every partition it staged, so outlets that carried the
-- same wire story today see each other) and against everything already published. Candidates share at least one
-- LSH band; a pair is kept when the signatures agree on at least half their buckets (an estimate of the Jaccard
-- similarity of the 5-word shingle sets).
with run_articles as (
    select article_id, signature, band_hashes
    from run_signatures
),

published_elsewhere as (
    -- the partitions this run rebuilds do not count: their old rows are about to be replaced
    select article_id, signature, band_hashes, near_dup_cluster
    from published_signatures
    where article_id not in (select article_id from run_articles)
),

all_signatures as (
    select article_id, signature, band_hashes, cast(null as varchar) as near_dup_cluster from run_articles
    union all
    select article_id, signature, band_hashes, near_dup_cluster from published_elsewhere
),

run_bands as (
    select article_id, unnest(range(16)) as band, unnest(band_hashes) as band_hash
    from run_articles
),

all_bands as (
    select article_id, unnest(range(16)) as band, unnest(band_hashes) as band_hash
    from all_signatures
),

candidate_pairs as (
    select distinct r.article_id, a.article_id as other_article_id
    from run_bands as r
    inner join all_bands as a on r.band = a.band and r.band_hash = a.band_hash
    where r.article_id <> a.article_id
),

scored_pairs as (
    select
        c.article_id,
        c.other_article_id,
        other.near_dup_cluster as other_cluster,
        signature_similarity(this.signature, other.signature) as similarity
    from candidate_pairs as c
    inner join run_articles as this on this.article_id = c.article_id
    inner join all_signatures as other on other.article_id = c.other_article_id
)

select *
from scored_pairs
where similarity >= 0.5
