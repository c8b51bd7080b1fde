-- Fetched pages that the extractor read as articles, keyed by their canonical URL, with the exact-duplicate key
-- of their body. <link rel=canonical> is trusted only when it stays on the host the page was served from.
with article_fetches as (
    select *
    from stg_fetches
    where status = 200
      and is_article
      and extract_error is null
      and coalesce(final_url, url) is not null
),

split_urls as materialized (
    -- each URL split once; everything below reads the parts
    select
        *,
        url_parts(coalesce(final_url, url)) as page_url_parts,
        url_parts(canonical_link) as canonical_link_parts
    from article_fetches
),

chosen_urls as (
    select
        * exclude (page_url_parts, canonical_link_parts),
        case
            when canonical_link is not null
             and lower(canonical_link_parts.authority) = lower(page_url_parts.authority)
            then canonical_link_parts
            else page_url_parts
        end as chosen_url_parts
    from split_urls
),

with_canonical as (
    select * exclude (chosen_url_parts), canonical_url_from_parts(chosen_url_parts) as canonical_url
    from chosen_urls
),

bodies as (
    select extracted_row, body
    from extracted
)

select
    substr(sha256(c.canonical_url), 1, 20) as article_id,
    c.canonical_url,
    normalized_text_hash(b.body) as content_hash,
    c.*
from with_canonical as c
inner join bodies as b using (extracted_row)
