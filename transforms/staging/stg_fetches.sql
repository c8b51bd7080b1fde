-- One row per URL fetched in this run. When a crawl was retried the URL appears in several crawl logs:
-- the latest attempt wins, so a retry never doubles a page.
with all_attempts as (
    select * from extracted
),

ranked_attempts as (
    select
        *,
        row_number() over (
            partition by url
            order by fetched_at desc nulls last, warc_file desc nulls last, warc_offset desc nulls last
        ) as attempt_rank
    from all_attempts
)

select * exclude (attempt_rank)
from ranked_attempts
where attempt_rank = 1
