-- One MinHash signature (64 buckets) and 16 LSH band hashes per article of this partition that has words.
-- MATERIALIZED on purpose: DuckDB would otherwise inline the signature into the band lambdas that index it,
-- recomputing it for every band.
with article_bodies as (
    select a.article_id, e.body
    from int_articles_deduped as a
    inner join extracted as e using (extracted_row)
),

signatures as materialized (
    select article_id, minhash_signature(body) as signature
    from article_bodies
)

select article_id, signature, band_hashes(signature) as band_hashes
from signatures
where signature is not null
