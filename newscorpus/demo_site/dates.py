"""How the demo outlets write dates: Indonesian and English day names, the papers' own display formats, RFC 822.

Kept apart from the templates because the same wording appears in two places that must agree: the relative date
inside an article's first paragraph (content) and the date line of the page (rendering).
"""

from __future__ import annotations

import datetime as dt
from email.utils import format_datetime

WEEKDAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def relative_day_id(day: dt.date) -> str:
    """Koran Jakarta's in-text date, 'Jumat (20/11)': weekday plus day/month, no zero padding."""
    return f"{WEEKDAYS_ID[day.weekday()]} ({day.day}/{day.month})"


def relative_day_id_with_year(day: dt.date) -> str:
    """Republika-style in-text date, 'Jumat (20/11/2026)'."""
    return f"{WEEKDAYS_ID[day.weekday()]} ({day.day}/{day.month}/{day.year})"


def weekday_en(day: dt.date) -> str:
    return WEEKDAYS_EN[day.weekday()]


def numeric_date_id(moment: dt.datetime) -> str:
    """Koran Jakarta's date line, 'Jumat 20/11/2026 | 10:15' (local time, zone implied)."""
    return f"{WEEKDAYS_ID[moment.weekday()]} {moment.day}/{moment.month}/{moment.year} | {moment:%H:%M}"


def long_date_id(moment: dt.datetime) -> str:
    """'Jumat, 20 November 2026 14:05 WIB' (zone abbreviation from the time zone database)."""
    month = MONTHS_ID[moment.month - 1]
    return f"{WEEKDAYS_ID[moment.weekday()]}, {moment.day} {month} {moment.year} {moment:%H:%M} {moment.tzname()}"


def long_date_en(moment: dt.datetime) -> str:
    """'Friday 20 November 2026 08:30 GMT'."""
    month = MONTHS_EN[moment.month - 1]
    return f"{WEEKDAYS_EN[moment.weekday()]} {moment.day} {month} {moment.year} {moment:%H:%M} {moment.tzname()}"


def rfc822(moment: dt.datetime) -> str:
    """RSS pubDate: 'Fri, 20 Nov 2026 10:15:00 +0700' (the outlet's own offset, as real feeds do)."""
    return format_datetime(moment)


def iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")
