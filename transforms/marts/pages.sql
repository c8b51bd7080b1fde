-- The pages table: one row per attempted fetch of this run, errors included, so every request is accounted for.
select
    url,
    final_url,
    status,
    fetched_at,
    content_type,
    charset,
    bytes,
    body_sha256,
    coalesce(is_article, false) as is_article,
    warc_file,
    warc_offset,
    source,
    crawl_date,
    run_id,
    coalesce(error, case when extract_error is not null then 'extract: ' || extract_error end) as error
from stg_fetches
order by fetched_at nulls last, url
