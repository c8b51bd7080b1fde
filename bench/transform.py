"""Benchmark: staging → published tables + catalog, on synthetic extraction output.

    .venv/bin/python bench/transform.py [--articles 1000000] [--partitions 1]

Generates extracted pages shaped like the extract stage's output (bodies of realistic length drawn from a
Zipf-like vocabulary, 5% exact and 5% near duplicates planted across partitions), then times what the pipeline
does after extraction: every SQL model of transforms/ (near-duplicate clustering included), the publish of each
partition, and the catalog refresh with its full-text index. The baseline printed beside it is the same work
without the near-duplicate models, so the cost of clustering is visible.
Last line: one JSON object {"articles", "seconds", "articles_per_s", "peak_rss_mb", "near_dup_recall", ...}.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newscorpus.catalog import refresh_catalog  # noqa: E402
from newscorpus.partitions import DATA_FILE, PUBLISHED_TABLES, Partition  # noqa: E402
from newscorpus.schemas import EXTRACTED_SCHEMA  # noqa: E402
from newscorpus.transform import cluster_near_duplicates, run_models  # noqa: E402

DAY = dt.date(2026, 11, 20)
VOCABULARY = 60_000

GENERATE = """
with originals as (
    select
        i,
        'src' || (i % $partitions) as source,
        -- log-normal-ish length: most bodies 250-700 words, a long tail
        cast(greatest(60, least(3000, exp(5.9 + 0.45 * (random() + random() + random() - 1.5) * 2))) as int)
            as n_words
    from range($originals) as t(i)
),
bodies as (
    select i, source,
        array_to_string(list_transform(range(n_words),
            x -> 'w' || cast(floor(exp(random() * ln($vocabulary))) as int)), ' ') as body
    from originals
),
exact_copies as (
    select i + $originals as i, 'src' || ((i + 1) % $partitions) as source, body, i as copy_of, 'exact' as kind
    from bodies where i % 20 = 0
),
near_copies as (
    select i + 2 * $originals as i, 'src' || ((i + 1) % $partitions) as source,
        'KOTA - Kalimat pembuka yang berbeda dari versi aslinya. ' || substr(body, 60)
            || ' Baca juga: berita lain. Redaktur: Seseorang.' as body,
        i as copy_of, 'near' as kind
    from bodies where i % 20 = 1
),
everything as (
    select i, source, body, null as copy_of, 'original' as kind from bodies
    union all select * from exact_copies
    union all select * from near_copies
)
select
    source, $day::date as crawl_date, 'bench' as run_id,
    'https://' || source || '.example/berita/' || i as url,
    'https://' || source || '.example/berita/' || i as final_url,
    200 as status, timestamptz '2026-11-20 05:00:00+00' + to_seconds(i % 80000) as fetched_at,
    'text/html; charset=utf-8' as content_type, 'utf-8' as charset, strlen(body) * 2 as bytes,
    md5(body) as body_sha256, 'raw/bench.warc.gz' as warc_file, i * 1000 as warc_offset, 'sitemap' as discovered_via,
    true as is_article_candidate, null as error, null as extract_error, true as is_article, null as canonical_link,
    'Judul berita ' || i as title, left(body, 200) as lead, body, ['Penulis ' || (i % 500)] as authors,
    ['Redaktur ' || (i % 50)] as editors, null as agency,
    timestamptz '2026-11-20 01:00:00+00' + to_seconds(i % 70000) as published_at, null as modified_at,
    '+07:00' as tz_offset, 'Nasional' as section, ['tag'] as tags, 'id' as language,
    len(string_split(body, ' ')) as word_count, null as image_url, null as image_caption, 'KOTA' as dateline,
    [] as quality_flags,
    i, copy_of, kind
from everything
"""


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(root: Path, articles: int, partitions: int) -> Path:
    """Writes staging/bench/extracted/source=S/crawl_date=D/data.parquet per partition, and the planted pairs."""
    originals = int(articles / 1.1)
    columns = ", ".join(f"cast({f.name} as {_duck_type(f.type)}) as {f.name}" for f in EXTRACTED_SCHEMA)
    with duckdb.connect() as con:
        con.execute("set preserve_insertion_order = false")
        sql = GENERATE
        for name, value in {"$partitions": partitions, "$originals": originals, "$vocabulary": VOCABULARY,
                            "$day": f"'{DAY}'"}.items():  # fmt: skip
            sql = sql.replace(name, str(value))
        con.execute(f"create table generated as {sql}")
        for p in range(partitions):
            out = Partition(f"src{p}", DAY, "bench").staging_dir(root, "extracted")
            out.mkdir(parents=True)
            con.execute(
                f"copy (select {columns} from generated where source = 'src{p}') to '{out / DATA_FILE}' "
                "(format parquet, compression zstd)"
            )
        pairs = root / "planted_pairs.parquet"
        con.execute(
            f"copy (select 'https://' || c.source || '.example/berita/' || c.i as copy_url, "
            f"'https://' || o.source || '.example/berita/' || o.i as original_url, c.kind "
            f"from generated c join generated o on o.i = c.copy_of) to '{pairs}' (format parquet)"
        )
        total = con.sql("select count(*) from generated").fetchone()[0]
    print(f"generated {total:,} extracted articles in {partitions} partition(s)", file=sys.stderr)
    return pairs


def _duck_type(arrow_type) -> str:
    import pyarrow as pa

    if pa.types.is_list(arrow_type):
        return "varchar[]"
    return {
        "string": "varchar", "date32[day]": "date", "int32": "integer", "int64": "bigint", "bool": "boolean",
        "timestamp[us, tz=UTC]": "timestamptz",
    }[str(arrow_type)]  # fmt: skip


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class _Steps:
    """Wall and CPU seconds per step: on a shared machine CPU time is the figure that compares between runs."""

    def __init__(self) -> None:
        self.seconds: dict[str, dict[str, float]] = {}
        self._wall, self._cpu = time.perf_counter(), _cpu_seconds()

    def done(self, step: str) -> None:
        wall, cpu = time.perf_counter(), _cpu_seconds()
        self.seconds[step] = {"wall": round(wall - self._wall, 1), "cpu": round(cpu - self._cpu, 1)}
        print(f"  {step}: {wall - self._wall:.1f} s wall, {cpu - self._cpu:.1f} s cpu", file=sys.stderr)
        self._wall, self._cpu = wall, cpu


STEPS = _Steps()


def run_pipeline(root: Path, partitions: int, transforms_dir: Path) -> float:
    """Transform and publish every partition, then refresh the catalog; returns the seconds it took."""
    global STEPS
    STEPS = _Steps()
    started = time.perf_counter()
    staged = [Partition(f"src{p}", DAY, "bench") for p in range(partitions)]
    for partition in staged:
        run_models(partition, root, transforms_dir=transforms_dir)
    STEPS.done("transform")
    if (transforms_dir / "cross_partition").exists():
        cluster_near_duplicates(staged, root, transforms_dir=transforms_dir)
        STEPS.done("near_dup_clustering")
    for partition in staged:
        for table in PUBLISHED_TABLES:  # the gate's atomic publish (validation is benchmarked on its own)
            source = partition.staging_dir(root, table) / DATA_FILE
            if source.exists():
                target = partition.published_dir(root, table) / DATA_FILE
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
    STEPS.done("publish")
    refresh_catalog(root)
    STEPS.done("catalog_and_search_index")
    return time.perf_counter() - started


def near_dup_recall(root: Path, pairs: Path) -> float:
    with duckdb.connect() as con:
        return (
            con.sql(
                f"""
            with articles as (
                select url, near_dup_cluster from read_parquet('{root}/published/articles/*/*/*.parquet')
            )
            select avg((a.near_dup_cluster = b.near_dup_cluster)::int)
            from read_parquet('{pairs}') p
            join articles a on a.url = p.copy_url
            join articles b on b.url = p.original_url
            where p.kind = 'near'
            """
            ).fetchone()[0]
            or 0.0
        )


def _without_near_dups(transforms: Path, target: Path) -> Path:
    """A copy of transforms/ whose models skip MinHash: the baseline."""
    shutil.copytree(transforms, target)
    (target / "intermediate" / "int_article_signatures.sql").unlink()
    (target / "marts" / "article_signatures.sql").unlink()
    shutil.rmtree(target / "cross_partition")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--partitions", type=int, default=1)
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()
    transforms = Path(__file__).resolve().parent.parent / "transforms"
    with tempfile.TemporaryDirectory(prefix="bench-transform-") as tmp:
        work = Path(tmp)
        baseline = None
        if not args.skip_baseline:
            base_root = work / "baseline"
            generate(base_root, args.articles, args.partitions)
            base_transforms = _without_near_dups(transforms, work / "transforms-baseline")
            baseline = run_pipeline(base_root, args.partitions, base_transforms)
            shutil.rmtree(base_root)
            print(f"baseline (no near-dup models): {baseline:.1f} s", file=sys.stderr)
        root = work / "full"
        pairs = generate(root, args.articles, args.partitions)
        rss_before = _peak_rss_mb()
        cpu_before = _cpu_seconds()
        seconds = run_pipeline(root, args.partitions, transforms)
        cpu_seconds = _cpu_seconds() - cpu_before
        steps = STEPS.seconds
        refresh_catalog(root)  # nothing new published: the search index is incremental, so this is cheap
        STEPS.done("catalog_refresh_with_nothing_new")
        steps["catalog_refresh_with_nothing_new"] = STEPS.seconds["catalog_refresh_with_nothing_new"]
        recall = near_dup_recall(root, pairs)
        with duckdb.connect() as con:
            published = con.sql(
                f"select count(*) from read_parquet('{root}/published/articles/*/*/*.parquet')"
            ).fetchone()[0]
    result = {
        "articles": args.articles,
        "partitions": args.partitions,
        "published_articles": published,
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu_seconds, 1),
        "steps": steps,
        "articles_per_s": round(args.articles / seconds),
        "peak_rss_mb": round(_peak_rss_mb()),
        "peak_rss_mb_before_timed_run": round(rss_before),
        "near_dup_recall": round(recall, 4),
        "baseline_seconds_without_near_dup": round(baseline, 1) if baseline is not None else None,
        "cpus": os.cpu_count(),
    }
    print(
        f"{args.articles:,} articles: {seconds:.1f} s ({result['articles_per_s']:,}/s), peak RSS "
        f"{result['peak_rss_mb']} MB, near-dup recall {recall:.3f}"
        + (f"; without near-dup models {baseline:.1f} s" if baseline is not None else "")
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
