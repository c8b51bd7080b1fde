-- Fetched pages that the extractor read as articles, keyed by their canonical URL.
-- <link rel=canonical> is trusted only when it stays on the host the page was served from.
with article_fetches as (
    select *
    from stg_fetches
    where status = 200
      and is_article
      and extract_error is null
),

with_canonical as (
    select
        *,
        canonical_url(
            case
                when canonical_link is not null
                 and url_host(canonical_link)
                     = url_host(coalesce(final_url, url))
                then canonical_link
                else coalesce(final_url, url)
            end
        ) as canonical_url
    from article_fetches
)

select
    substr(sha256(canonical_url), 1, 20) as article_id,
    canonical_url,
    normalized_text_hash(body) as content_hash,
    *
from with_canonical
