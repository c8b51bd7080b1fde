-- One row per article: several URLs of one canonical page collapse to one; within the partition a body that is
-- word-for-word another article's (same content_hash) is kept once, the earliest published copy winning; and an
-- article or body already published in another partition (yesterday's story still in today's feed) is not
-- published again. A rerun of this partition replaces it, so its own earlier rows do not count.
-- Articles without a body (content_hash NULL) are not duplicates of each other; the gate judges them.
with one_row_per_article as (
    select *
    from int_article_candidates
    qualify row_number() over (partition by article_id order by fetched_at, url) = 1
),

one_row_per_body as (
    select *
    from one_row_per_article
    qualify content_hash is null or row_number() over (
        partition by content_hash
        order by published_at nulls last, canonical_url
    ) = 1
),

published_elsewhere as (
    select article_id, content_hash
    from published_articles
    where not (source = getvariable('source') and crawl_date = cast(getvariable('crawl_date') as date))
),

not_published_before as (
    -- two anti-joins rather than one with OR, which DuckDB could only run as a nested loop
    select b.*
    from one_row_per_body as b
    where not exists (select 1 from published_elsewhere as p where p.article_id = b.article_id)
      and not exists (select 1 from published_elsewhere as p where p.content_hash = b.content_hash)
)

select * from not_published_before
