"""Near-duplicate clustering (MinHash + LSH in SQL) and exact dedup against what is already published."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newscorpus.partitions import DATA_FILE, PUBLISHED_TABLES, Partition
from newscorpus.schemas import EXTRACTED_SCHEMA
from newscorpus.transform import cluster_near_duplicates, run_models

DAY = dt.date(2026, 11, 20)
WIRE = [
    "Pemerintah Rusia menyatakan siap menjadi penengah dalam perundingan antara Armenia dan Azerbaijan mengenai "
    "pembukaan kembali jalur transportasi di kawasan Kaukasus Selatan yang telah lama terputus akibat konflik.",
    "Menteri Luar Negeri Rusia Sergei Lavrov mengatakan kedua negara telah menyepakati sejumlah prinsip dasar, "
    "tetapi masih banyak rincian teknis yang harus dibahas oleh tim perunding dalam beberapa pekan mendatang.",
    "Menurut Lavrov, jalur kereta api dan jalan raya yang melintasi wilayah perbatasan dapat dibuka secara "
    "bertahap apabila kedua pihak sepakat mengenai mekanisme pemeriksaan barang dan penumpang di pos lintas batas.",
    "Armenia dan Azerbaijan telah berperang dua kali dalam tiga dekade terakhir untuk memperebutkan wilayah "
    "Nagorno-Karabakh, dan hubungan kedua negara tetap tegang meskipun gencatan senjata telah disepakati.",
    "Perdana Menteri Armenia Nikol Pashinyan menyatakan negaranya terbuka terhadap usulan tersebut selama "
    "kedaulatan dan keamanan warga di wilayah perbatasan tetap terjamin oleh semua pihak yang terlibat.",
    "Pertemuan lanjutan para menteri luar negeri direncanakan berlangsung di Moskow pada akhir bulan ini dengan "
    "melibatkan perwakilan dari kedua negara serta pengamat dari sejumlah organisasi internasional.",
]
SAME_TOPIC = [
    "Armenia dan Azerbaijan kembali saling tuding soal pelanggaran gencatan senjata di perbatasan, sementara "
    "Rusia meminta kedua pihak menahan diri dan kembali ke meja perundingan secepatnya.",
    "Kementerian Pertahanan Azerbaijan menyebut pos militernya ditembaki dari arah Armenia pada malam hari, "
    "tuduhan yang dibantah oleh juru bicara pemerintah di Yerevan dalam keterangan tertulis.",
    "Pengamat hubungan internasional menilai ketegangan baru ini dapat menghambat pembicaraan damai yang "
    "dijadwalkan berlangsung bulan depan, terutama terkait pembukaan jalur transportasi lintas batas.",
    "Warga desa di sekitar garis perbatasan dilaporkan mengungsi sementara ke kota terdekat karena khawatir "
    "bentrokan bersenjata akan meluas dalam beberapa hari ke depan.",
]


def _row(source: str, url: str, body: str, minute: int = 0) -> dict:
    row = {name: None for name in EXTRACTED_SCHEMA.names}
    row.update(
        source=source, crawl_date=DAY, run_id="r1", url=url, final_url=url, status=200,
        fetched_at=dt.datetime(2026, 11, 20, 5, minute, tzinfo=dt.UTC), content_type="text/html", bytes=10,
        body_sha256="x", warc_file="raw/x", warc_offset=minute, is_article_candidate=True, is_article=True,
        title=url, body=body, word_count=len(body.split()), authors=[], editors=[], tags=[], quality_flags=[],
        language="id", published_at=dt.datetime(2026, 11, 20, 3, minute, tzinfo=dt.UTC),
    )  # fmt: skip
    return row


def _stage(root: Path, partition: Partition, rows: list[dict]) -> None:
    folder = partition.staging_dir(root, "extracted")
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=EXTRACTED_SCHEMA), folder / DATA_FILE)
    run_models(partition, root)


def _cluster_and_publish(root: Path, partitions: list[Partition]) -> dict[str, dict]:
    """What one run does after its transforms: cluster across its partitions, then publish each (as the gate does
    on success; the gate itself is tested elsewhere)."""
    cluster_near_duplicates(partitions, root)
    articles = {}
    for partition in partitions:
        for table in PUBLISHED_TABLES:
            target = partition.published_dir(root, table)
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(partition.staging_dir(root, table) / DATA_FILE, target / DATA_FILE)
        for article in pq.read_table(partition.published_dir(root, "articles") / DATA_FILE).to_pylist():
            articles[article["url"]] = article
    return articles


def _build_and_publish(root: Path, partition: Partition, rows: list[dict]) -> dict[str, dict]:
    _stage(root, partition, rows)
    return _cluster_and_publish(root, [partition])


def _wire_copy(first_line: str, boilerplate: str) -> str:
    return "\n\n".join([first_line, *WIRE[1:], boilerplate])


def test_a_wire_story_on_three_outlets_is_one_cluster_and_other_stories_are_not(tmp_path: Path) -> None:
    first = _build_and_publish(
        tmp_path,
        Partition("outlet-a", DAY, "r1"),
        [
            _row("outlet-a", "https://a.example/wire", "\n\n".join(WIRE)),
            _row("outlet-a", "https://a.example/other", "\n\n".join(SAME_TOPIC), 1),
        ],
    )
    second = _build_and_publish(
        tmp_path,
        Partition("outlet-b", DAY, "r1"),
        [
            _row(
                "outlet-b",
                "https://b.example/wire",
                _wire_copy("MOSKOW - Rusia siap menengahi Armenia.", "Baca juga: berita lain di Outlet B."),
            )
        ],
    )
    third = _build_and_publish(
        tmp_path,
        Partition("outlet-c", DAY, "r1"),
        [
            _row(
                "outlet-c",
                "https://c.example/wire",
                _wire_copy(
                    "Jakarta (ANTARA) - Rusia tawarkan mediasi.",
                    "Pewarta: Seseorang\nEditor: Lainnya\nCopyright © ANTARA 2026",
                ),
            ),
            _row(
                "outlet-c", "https://c.example/unrelated", "\n\n".join(reversed(SAME_TOPIC)) + " Tambahan kalimat.", 2
            ),
        ],
    )
    wire_cluster = first["https://a.example/wire"]["near_dup_cluster"]
    assert wire_cluster == first["https://a.example/wire"]["article_id"]  # named for the first copy published
    assert second["https://b.example/wire"]["near_dup_cluster"] == wire_cluster
    assert third["https://c.example/wire"]["near_dup_cluster"] == wire_cluster
    assert first["https://a.example/other"]["near_dup_cluster"] != wire_cluster  # same topic, another story
    assert third["https://c.example/unrelated"]["near_dup_cluster"] != wire_cluster

    # a rerun of the middle partition keeps every cluster id
    again = _build_and_publish(
        tmp_path,
        Partition("outlet-b", DAY, "r2"),
        [
            _row(
                "outlet-b",
                "https://b.example/wire",
                _wire_copy("MOSKOW - Rusia siap menengahi Armenia.", "Baca juga: berita lain di Outlet B."),
            )
        ],
    )
    assert again["https://b.example/wire"]["near_dup_cluster"] == wire_cluster


def test_copies_staged_by_one_run_on_two_outlets_share_a_cluster_and_a_rerun_keeps_it(tmp_path: Path) -> None:
    a, b = Partition("outlet-a", DAY, "run1"), Partition("outlet-b", DAY, "run1")
    rows_a = [_row("outlet-a", "https://a.example/wire", "\n\n".join(WIRE))]
    rows_b = [_row("outlet-b", "https://b.example/wire", _wire_copy("MOSKOW - Rusia siap menengahi.", "Redaksi B."))]
    _stage(tmp_path, a, rows_a)
    _stage(tmp_path, b, rows_b)  # staged side by side: neither transform saw the other
    first = _cluster_and_publish(tmp_path, [a, b])
    cluster = first["https://a.example/wire"]["near_dup_cluster"]
    assert first["https://b.example/wire"]["near_dup_cluster"] == cluster
    assert cluster == min(first["https://a.example/wire"]["article_id"], first["https://b.example/wire"]["article_id"])

    rerun = [Partition("outlet-a", DAY, "run2"), Partition("outlet-b", DAY, "run2")]
    _stage(tmp_path, rerun[0], [r | {"run_id": "run2"} for r in rows_a])
    _stage(tmp_path, rerun[1], [r | {"run_id": "run2"} for r in rows_b])
    again = _cluster_and_publish(tmp_path, rerun)
    assert {u: r["near_dup_cluster"] for u, r in again.items()} == {u: r["near_dup_cluster"] for u, r in first.items()}


def test_copies_within_one_partition_share_a_cluster(tmp_path: Path) -> None:
    articles = _build_and_publish(
        tmp_path,
        Partition("outlet-a", DAY, "r1"),
        [
            _row("outlet-a", "https://a.example/1", _wire_copy("Versi pertama.", "Redaksi A.")),
            _row("outlet-a", "https://a.example/2", _wire_copy("Versi kedua dengan judul lain.", "Redaksi B."), 1),
            _row("outlet-a", "https://a.example/3", "\n\n".join(SAME_TOPIC), 2),
        ],
    )
    one, two, three = (articles[f"https://a.example/{i}"] for i in (1, 2, 3))
    assert one["near_dup_cluster"] == two["near_dup_cluster"] == min(one["article_id"], two["article_id"])
    assert three["near_dup_cluster"] == three["article_id"]


def test_an_article_published_in_another_partition_is_not_published_again(tmp_path: Path) -> None:
    body = "\n\n".join(WIRE)
    _build_and_publish(tmp_path, Partition("outlet-a", DAY, "r1"), [_row("outlet-a", "https://a.example/wire", body)])
    next_day = Partition("outlet-a", DAY + dt.timedelta(days=1), "r1")
    rows = [
        _row("outlet-a", "https://a.example/wire", body) | {"crawl_date": next_day.crawl_date},  # still in the feed
        _row("outlet-a", "https://a.example/print/wire", body.upper(), 1) | {"crawl_date": next_day.crawl_date},
        _row("outlet-a", "https://a.example/new", "\n\n".join(SAME_TOPIC), 2) | {"crawl_date": next_day.crawl_date},
    ]
    articles = _build_and_publish(tmp_path, next_day, rows)
    assert list(articles) == ["https://a.example/new"]
    runs = pq.read_table(next_day.staging_dir(tmp_path, "crawl_runs") / DATA_FILE).to_pylist()
    assert runs[0]["duplicates_skipped"] == 2

    # a rerun of the first day still publishes its own article (its earlier rows do not count against it)
    rerun = _build_and_publish(
        tmp_path, Partition("outlet-a", DAY, "r2"), [_row("outlet-a", "https://a.example/wire", body)]
    )
    assert list(rerun) == ["https://a.example/wire"]
