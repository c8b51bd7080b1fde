"""Time-zone words news pages print, and how a naive local time becomes an instant.

Indonesian outlets print "WIB" (UTC+7), "WITA" (+8) or "WIT" (+9) instead of an offset, and many metadata
timestamps carry no zone at all; those are read in the source's own zone (sources.yaml `timezone`).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

ZONE_ABBREVIATIONS: dict[str, timedelta] = {
    "WIB": timedelta(hours=7),
    "WITA": timedelta(hours=8),
    "WIT": timedelta(hours=9),
    "UTC": timedelta(0),
    "GMT": timedelta(0),
    "Z": timedelta(0),
    # what English-language sites print after a time: North America, Britain and Europe, India, East Asia, Australia
    "EST": timedelta(hours=-5),
    "EDT": timedelta(hours=-4),
    "CST": timedelta(hours=-6),
    "CDT": timedelta(hours=-5),
    "MST": timedelta(hours=-7),
    "MDT": timedelta(hours=-6),
    "PST": timedelta(hours=-8),
    "PDT": timedelta(hours=-7),
    "BST": timedelta(hours=1),
    "CET": timedelta(hours=1),
    "CEST": timedelta(hours=2),
    "IST": timedelta(hours=5, minutes=30),
    "SGT": timedelta(hours=8),
    "HKT": timedelta(hours=8),
    "JST": timedelta(hours=9),
    "KST": timedelta(hours=9),
    "AEST": timedelta(hours=10),
    "AEDT": timedelta(hours=11),
    # Latin America, Europe's west and east, Africa, Russia, South and Southeast Asia, New Zealand
    "ART": timedelta(hours=-3),
    "BRT": timedelta(hours=-3),
    "UYT": timedelta(hours=-3),
    "CLT": timedelta(hours=-4),
    "CLST": timedelta(hours=-3),
    "BOT": timedelta(hours=-4),
    "VET": timedelta(hours=-4),
    "COT": timedelta(hours=-5),
    "PET": timedelta(hours=-5),
    "ECT": timedelta(hours=-5),
    "WET": timedelta(0),
    "WEST": timedelta(hours=1),
    "EET": timedelta(hours=2),
    "EEST": timedelta(hours=3),
    "WAT": timedelta(hours=1),
    "CAT": timedelta(hours=2),
    "SAST": timedelta(hours=2),
    "EAT": timedelta(hours=3),
    "MSK": timedelta(hours=3),
    "PKT": timedelta(hours=5),
    "ICT": timedelta(hours=7),
    "PHT": timedelta(hours=8),
    "MYT": timedelta(hours=8),
    "AWST": timedelta(hours=8),
    "NZST": timedelta(hours=12),
    "NZDT": timedelta(hours=13),
}
_OFFSET = re.compile(r"^([+-])(\d{1,2})(?::?(\d{2}))?$")


def parse_offset(text: str) -> timedelta | None:
    """ "+07:00", "+0700", "+7" -> timedelta; None for anything else."""
    match = _OFFSET.match(text.strip())
    if not match:
        return None
    sign, hours, minutes = match.group(1), int(match.group(2)), int(match.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    delta = timedelta(hours=hours, minutes=minutes)
    return -delta if sign == "-" else delta


def format_offset(offset: timedelta) -> str:
    """timedelta -> "+07:00" (the form tz_offset is stored in)."""
    total_minutes = int(offset.total_seconds() // 60)
    sign = "-" if total_minutes < 0 else "+"
    hours, minutes = divmod(abs(total_minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def localize(naive: datetime, zone_name: str) -> datetime:
    """A wall-clock time read in the named zone (DST-aware, e.g. for European sources)."""
    return naive.replace(tzinfo=ZoneInfo(zone_name))


def with_fixed_offset(naive: datetime, offset: timedelta) -> datetime:
    return naive.replace(tzinfo=timezone(offset))
