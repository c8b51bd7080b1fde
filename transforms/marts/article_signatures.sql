-- MinHash signatures of the published articles, published beside them so that later partitions can be matched
-- against the whole corpus without re-reading every body. Not a table for readers; the catalog does not show it.
select
    s.article_id,
    s.article_id as near_dup_cluster,  -- a placeholder: cross_partition/near_dup_clusters.sql assigns it
    s.signature,
    s.band_hashes,
    getvariable('source') as source,
    cast(getvariable('crawl_date') as date) as crawl_date
from int_article_signatures as s
order by s.article_id
