-- One row per (source, run): what the crawl asked for, what came back, and what became articles.
-- The gate adds articles_published / articles_quarantined when it decides.
with fetches as (
    select * from stg_fetches
),

candidates as (
    select count(*) as article_candidates from int_article_candidates
),

articles as (
    select count(*) as articles_extracted from int_articles_deduped
),

spider_skips as (  -- what the spider counted but never fetched (window, seen before, robots, off-site ...)
    select * from crawl_stats
)

select
    getvariable('source') as source,
    cast(getvariable('crawl_date') as date) as crawl_date,
    getvariable('run_id') as run_id,
    count(*) as requests,
    count(*) filter (where status between 200 and 299) as responses_2xx,
    count(*) filter (where status between 300 and 399) as responses_3xx,
    count(*) filter (where status between 400 and 499) as responses_4xx,
    count(*) filter (where status >= 500) as responses_5xx,
    coalesce(sum(bytes), 0) as bytes,
    count(*) filter (where error is not null) as errors,
    count(*) filter (where error ilike '%robots%') as robots_denied,
    count(*) filter (where extract_error is not null) as extract_errors,
    -- scalar subqueries, not joins: a partition with no fetches still gets its row, with zeros
    (select article_candidates from candidates) - (select articles_extracted from articles) as duplicates_skipped,
    (select articles_extracted from articles) as articles_extracted,
    (select skipped_out_of_window from spider_skips) as skipped_out_of_window,
    (select skipped_seen_before from spider_skips) as skipped_seen_before,
    (select skipped_duplicate_url from spider_skips) as skipped_duplicate_url,
    (select refused_robots from spider_skips) as refused_robots,
    (select refused_offsite from spider_skips) as refused_offsite,
    (select refused_blocked from spider_skips) as refused_blocked,
    (select refused_limits from spider_skips) as refused_limits,
    (select download_failures from spider_skips) as download_failures,
    (select retry_waits from spider_skips) as retry_waits,
    min(fetched_at) as started_at,
    max(fetched_at) as finished_at,
    coalesce(date_diff('millisecond', min(fetched_at), max(fetched_at)) / 1000.0, 0) as duration_s
from fetches
