"""The staging schema that the extract stage writes and the SQL models read: the contract between the two.

Explicit types mean a page whose fields come out oddly still lands in the same columns, and a model that reads a
column that is not here fails at once, naming itself.
"""

from __future__ import annotations

import pyarrow as pa

_STR = pa.string()
_TS = pa.timestamp("us", tz="UTC")
_LIST = pa.list_(pa.string())

EXTRACTED_SCHEMA = pa.schema(
    [
        ("source", _STR),
        ("crawl_date", pa.date32()),
        ("run_id", _STR),
        ("url", _STR),
        ("final_url", _STR),
        ("status", pa.int32()),
        ("fetched_at", _TS),
        ("content_type", _STR),
        ("charset", _STR),
        ("bytes", pa.int64()),
        ("body_sha256", _STR),
        ("warc_file", _STR),
        ("warc_offset", pa.int64()),
        ("discovered_via", _STR),
        ("is_article_candidate", pa.bool_()),
        ("error", _STR),
        ("extract_error", _STR),
        ("is_article", pa.bool_()),
        ("canonical_link", _STR),
        ("title", _STR),
        ("lead", _STR),
        ("body", _STR),
        ("authors", _LIST),
        ("editors", _LIST),
        ("agency", _STR),
        ("published_at", _TS),
        ("modified_at", _TS),
        ("tz_offset", _STR),
        ("section", _STR),
        ("tags", _LIST),
        ("language", _STR),
        ("word_count", pa.int32()),
        ("image_url", _STR),
        ("image_caption", _STR),
        ("dateline", _STR),
        ("quality_flags", _LIST),
    ]
)
