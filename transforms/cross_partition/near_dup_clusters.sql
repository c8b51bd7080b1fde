-- A near_dup_cluster for every article of this run. A copy of something already published joins that cluster, so
-- ids carry over from day to day; otherwise copies within the run are named for the smallest article_id among an
-- article and its matches (one hop: copies of a wire story each match the others directly). Because the whole run
-- is clustered at once and its own earlier rows are ignored, a rerun of the same date gives the same ids.
with matches as (
    select * from near_dup_matches
),

published_cluster_per_article as (
    select article_id, min(other_cluster) as cluster
    from matches
    where other_cluster is not null
    group by article_id
),

run_neighbours as (
    select r.article_id, m.other_article_id
    from run_signatures as r
    left join matches as m on m.article_id = r.article_id and m.other_cluster is null
),

run_clusters as (
    select
        n.article_id,
        least(n.article_id, coalesce(min(n.other_article_id), n.article_id)) as cluster,
        -- a neighbour in this run may already belong to a published cluster: follow it
        min(p.cluster) as neighbour_published_cluster
    from run_neighbours as n
    left join published_cluster_per_article as p on p.article_id = n.other_article_id
    group by n.article_id
)

select
    c.article_id,
    coalesce(own.cluster, c.neighbour_published_cluster, c.cluster) as near_dup_cluster
from run_clusters as c
left join published_cluster_per_article as own using (article_id)
