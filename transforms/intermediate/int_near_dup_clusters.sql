-- A near_dup_cluster per article. A copy of something already published joins that cluster, so ids are stable
-- across runs and days; otherwise a group of copies within the partition is named for its smallest article_id
-- (one hop: copies of a wire story each match the others directly).
with matches as (
    select * from int_near_dup_matches
),

published_cluster_per_article as (
    select article_id, min(other_cluster) as cluster
    from matches
    where other_cluster is not null
    group by article_id
),

partition_neighbours as (
    select s.article_id, m.other_article_id
    from int_article_signatures as s
    left join matches as m on m.article_id = s.article_id and m.other_cluster is null
),

partition_clusters as (
    select
        n.article_id,
        least(n.article_id, coalesce(min(n.other_article_id), n.article_id)) as cluster,
        -- a neighbour in this partition may already belong to a published cluster: follow it
        min(p.cluster) as neighbour_published_cluster
    from partition_neighbours as n
    left join published_cluster_per_article as p on p.article_id = n.other_article_id
    group by n.article_id
)

select
    c.article_id,
    coalesce(own.cluster, c.neighbour_published_cluster, c.cluster) as near_dup_cluster
from partition_clusters as c
left join published_cluster_per_article as own using (article_id)
