-- One row per article: several URLs of one canonical page collapse to one, and within the partition a body that
-- is word-for-word another article's (same content_hash) is kept once, the earliest published copy winning.
with one_row_per_article as (
    select *
    from int_article_candidates
    qualify row_number() over (partition by article_id order by fetched_at, url) = 1
),

one_row_per_body as (
    select *
    from one_row_per_article
    qualify row_number() over (
        partition by content_hash
        order by published_at nulls last, canonical_url
    ) = 1
)

select * from one_row_per_body
