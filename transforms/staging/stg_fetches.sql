-- One row per URL fetched in this run. When a crawl was retried the URL appears in several crawl logs:
-- the latest attempt wins, so a retry never doubles a page.
-- The body stays behind in `extracted` (models that need it join it back on extracted_row): copying megabytes of
-- text from table to table is what made this pipeline slow.
with attempts as (
    select extracted_row, url, fetched_at, warc_file, warc_offset
    from extracted
),

latest_attempts as (
    select extracted_row
    from attempts
    qualify url is null or row_number() over (  -- rows without a URL are not attempts at one page
        partition by url
        order by fetched_at desc nulls last, warc_file desc nulls last, warc_offset desc nulls last
    ) = 1
)

select * exclude (body)
from extracted
where extracted_row in (select extracted_row from latest_attempts)
