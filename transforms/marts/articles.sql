-- The articles table of the corpus, one partition's worth. first_seen_at survives reruns: an article that was
-- published before keeps the moment it was first seen. Syndicated copies share a near_dup_cluster,
-- assigned once every partition of the run is staged (transforms/cross_partition/).
with deduped_articles as (
    select * from int_articles_deduped
),

bodies as (
    select extracted_row, body
    from extracted
),

first_sightings as (
    select article_id, min(first_seen_at) as first_seen_at
    from published_articles
    group by article_id
)

select
    a.article_id,
    a.source,
    a.url,
    a.canonical_url,
    a.title,
    a.lead,
    b.body,
    a.authors,
    a.editors,
    a.agency,
    a.published_at,
    a.modified_at,
    a.tz_offset,
    a.section,
    a.tags,
    a.language,
    a.word_count,
    a.image_url,
    a.image_caption,
    a.dateline,
    a.content_hash,
    a.article_id as near_dup_cluster,  -- a placeholder: cross_partition/near_dup_clusters.sql assigns it
    a.quality_flags,
    coalesce(f.first_seen_at, a.fetched_at) as first_seen_at,
    a.crawl_date,
    a.run_id,
    a.warc_file,
    a.warc_offset
from deduped_articles as a
inner join bodies as b using (extracted_row)
left join first_sightings as f using (article_id)
order by a.published_at nulls last, a.article_id
