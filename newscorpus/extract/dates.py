"""Reads the publication dates news pages print, in Indonesian and English, into UTC instants.

Handled: ISO 8601 with or without offset, "19 Mei 2023 14:05 WIB", "Jumat, 19 Mei 2023 | 14:05 WIB",
"Jum'at 24 Jul 2026 16:32 WIB", "Sun, 15 Mar 2020 15:51:04 +0700", "May 19, 2023 10:15 AM", "Jumat 19/5/2023 | 10:15",
and the year-less "Jumat (19/5)" of Indonesian lead sentences, which is resolved against the crawl date. A time may
also come first ("13:31 26.04.2024", "Published 9:41 AM EST Jan 5, 2024"). A time with no zone is read in the
source's zone (a US "ET" / "PT" in that region's zone, summer time or not); the offset that applied is kept so
`tz_offset` can record it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from zoneinfo import ZoneInfo

import jdatetime

from newscorpus.extract.stamp_labels import STAMP_LABEL_WORDS, STAMP_LEAD_IN, WEEKDAY_WORDS
from newscorpus.extract.zones import ZONE_ABBREVIATIONS, format_offset, localize, parse_offset, with_fixed_offset

MONTHS: dict[str, int] = {
    "januari": 1,
    "january": 1,
    "jan": 1,
    "februari": 2,
    "pebruari": 2,
    "february": 2,
    "feb": 2,
    "peb": 2,
    "maret": 3,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "june": 6,
    "jun": 6,
    "juli": 7,
    "july": 7,
    "jul": 7,
    "agustus": 8,
    "august": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "october": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nopember": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "december": 12,
    "des": 12,
    "dec": 12,
}
# Month names of the other languages news and company pages are written in (Spanish, Portuguese, French, Italian,
# German, Dutch): "04-ago-2021", "4 de agosto de 2021", "19. März 2024", "3 juin 2025". Only names and
# abbreviations that are not English words a date pattern could meet are listed.
_OTHER_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("enero", "ene", "janeiro", "janvier", "janv", "gennaio", "gen", "januar", "jänner", "januari"),
    2: ("febrero", "fevereiro", "fev", "février", "fevrier", "févr", "fevr", "febbraio", "februar", "februari"),
    3: ("marzo", "março", "marco", "mars", "märz", "maerz", "maart", "mrt", "mac"),  # "mac": Malay
    4: ("abril", "abr", "avril", "avr", "aprile"),
    5: ("mayo", "maio", "mai", "maggio", "mag", "mei"),
    6: ("junio", "junho", "juin", "giugno", "giu"),
    7: ("julio", "julho", "juillet", "juil", "luglio", "lug"),
    8: ("agosto", "ago", "août", "aout", "augusti", "augustus"),
    9: ("septiembre", "setiembre", "setembro", "set", "septembre", "settembre", "sett"),
    10: ("octubre", "outubro", "out", "octobre", "ottobre", "ott", "oktober"),
    11: ("noviembre", "novembro", "novembre", "nov"),
    12: ("diciembre", "dic", "dezembro", "dez", "décembre", "decembre", "déc", "dicembre", "dezember"),
}
# Scandinavian, Polish, Czech, Romanian, Turkish, Malay, Tagalog, Finnish, Russian and Ukrainian month names, in the
# form dates print them (Slavic and Finnish dates use the genitive: "19 maja 2023", "19. toukokuuta 2023").
_MORE_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("stycznia", "ledna", "ianuarie", "ocak", "tammikuuta", "enero", "января", "січня"),
    2: ("lutego", "února", "februarie", "şubat", "subat", "helmikuuta", "pebrero", "февраля", "лютого"),
    3: ("marca", "března", "martie", "mart", "maaliskuuta", "marso", "марта", "березня"),
    4: ("kwietnia", "dubna", "aprilie", "nisan", "huhtikuuta", "abril", "апреля", "квітня"),
    5: ("maj", "maja", "května", "mayıs", "mayis", "toukokuuta", "мая", "травня"),
    6: ("czerwca", "června", "iunie", "haziran", "kesäkuuta", "hunyo", "июня", "червня"),
    7: ("lipca", "července", "iulie", "temmuz", "julai", "heinäkuuta", "hulyo", "июля", "липня"),
    8: ("sierpnia", "srpna", "ağustos", "agustos", "ogos", "elokuuta", "августа", "серпня"),
    9: (
        "września",
        "wrzesnia",
        "září",
        "septembrie",
        "eylül",
        "eylul",
        "syyskuuta",
        "setyembre",
        "сентября",
        "вересня",
    ),
    10: ("października", "pazdziernika", "října", "octombrie", "ekim", "lokakuuta", "oktubre", "октября", "жовтня"),
    11: ("listopada", "listopadu", "noiembrie", "kasım", "kasim", "marraskuuta", "nobyembre", "ноября", "листопада"),
    12: (
        "grudnia",
        "prosince",
        "decembrie",
        "aralık",
        "aralik",
        "disember",
        "joulukuuta",
        "disyembre",
        "декабря",
        "грудня",
    ),
}
# Arabic (the Levantine and Iraqi names, the Egyptian and Gulf transliterations, the Algerian and Tunisian ones, with
# and without hamza), Thai (full names and the dotted abbreviations, whose last dot the patterns read as optional),
# Hindi, Vietnamese ("3 tháng 5 năm 2024": "month 5"), Russian abbreviations ("26 апр. 2024"), and the Persian names
# of the Western months ("۵ ژانویه ۲۰۲۴"; Persian pages more often print the solar calendar, whose years no reader
# here accepts)
_WORLD_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("كانون الثاني", "يناير", "جانفي", "มกราคม", "ม.ค", "जनवरी", "янв", "ژانویه"),
    2: ("شباط", "فبراير", "فيفري", "กุมภาพันธ์", "ก.พ", "फ़रवरी", "फरवरी", "фев", "февр", "فوریه"),
    3: ("آذار", "اذار", "مارس", "มีนาคม", "มี.ค", "मार्च", "мар"),
    4: ("نيسان", "أبريل", "ابريل", "إبريل", "أفريل", "افريل", "เมษายน", "เม.ย", "अप्रैल", "апр", "آوریل"),
    5: ("أيار", "ايار", "مايو", "ماي", "พฤษภาคม", "พ.ค", "मई", "май", "مه"),
    6: ("حزيران", "يونيو", "يونيه", "جوان", "มิถุนายน", "มิ.ย", "जून", "июн", "ژوئن"),
    7: ("تموز", "يوليو", "يوليه", "جويلية", "กรกฎาคม", "ก.ค", "जुलाई", "июл", "ژوئیه", "جولای"),
    8: ("آب", "اب", "أغسطس", "اغسطس", "أوت", "اوت", "สิงหาคม", "ส.ค", "अगस्त", "авг", "آگوست"),
    9: ("أيلول", "ايلول", "سبتمبر", "กันยายน", "ก.ย", "सितंबर", "सितम्बर", "сен", "сент", "سپتامبر"),
    10: ("تشرين الأول", "تشرين الاول", "أكتوبر", "اكتوبر", "ตุลาคม", "ต.ค", "अक्टूबर", "अक्तूबर", "окт", "اکتبر"),
    11: ("تشرين الثاني", "نوفمبر", "พฤศจิกายน", "พ.ย", "नवंबर", "नवम्बर", "ноя", "нояб", "نوامبر"),
    12: ("كانون الأول", "كانون الاول", "ديسمبر", "ธันวาคม", "ธ.ค", "दिसंबर", "दिसम्बर", "дек", "دسامبر"),
}
# Greek (genitive, as dates print them), Hebrew, Urdu, Bengali and Swahili names of the Western months
_WORLD_MONTHS_2: dict[int, tuple[str, ...]] = {
    1: ("ιανουαρίου", "ιαν", "ינואר", "جنوری", "জানুয়ারি", "জানুয়ারী"),
    2: ("φεβρουαρίου", "φεβ", "פברואר", "فروری", "ফেব্রুয়ারি", "ফেব্রুয়ারী"),
    3: ("μαρτίου", "μαρ", "מרץ", "מרס", "مارچ", "মার্চ", "machi"),
    4: ("απριλίου", "απρ", "אפריל", "اپریل", "এপ্রিল", "aprili"),
    5: ("μαΐου", "μαίου", "μαΐ", "מאי", "مئی", "মে"),
    6: ("ιουνίου", "ιουν", "יוני", "جون", "জুন"),
    7: ("ιουλίου", "ιουλ", "יולי", "جولائی", "জুলাই"),
    8: ("αυγούστου", "αυγ", "אוגוסט", "اگست", "আগস্ট", "agosti"),
    9: ("σεπτεμβρίου", "σεπ", "ספטמבר", "ستمبر", "সেপ্টেম্বর", "septemba"),
    10: ("οκτωβρίου", "οκτ", "אוקטובר", "اکتوبر", "অক্টোবর", "oktoba"),
    11: ("νοεμβρίου", "νοε", "נובמבר", "نومبر", "নভেম্বর", "novemba"),
    12: ("δεκεμβρίου", "δεκ", "דצמבר", "دسمبر", "ডিসেম্বর", "desemba"),
}
# Serbian (Cyrillic and Latin, nominative and genitive), Croatian (not "listopada", October there and November in
# Polish), Slovak, Slovenian, Bulgarian, Hungarian (with its abbreviations), Lithuanian (genitive), Estonian,
# Icelandic and the Danish "marts"
_MORE_MONTHS_2: dict[int, tuple[str, ...]] = {
    1: ("јануар", "јануара", "januar", "januara", "januarja", "siječnja", "januára", "януари", "január", "sausio")
    + ("jaanuar", "janúar"),
    2: ("фебруар", "фебруара", "februar", "februara", "februarja", "veljače", "februára", "февруари", "február")
    + ("febr", "vasario", "veebruar", "febrúar"),
    3: ("март", "марта", "mart", "marta", "marec", "ožujka", "március", "márc", "kovo", "märts", "marts"),
    4: ("април", "априла", "aprila", "travnja", "apríla", "április", "ápr", "balandžio", "aprill", "apríl"),
    5: ("мај", "маја", "svibnja", "mája", "május", "máj", "gegužės", "maí"),
    6: ("јун", "јуна", "juna", "junija", "junij", "lipnja", "júna", "юни", "június", "jún", "birželio", "juuni")
    + ("júní",),
    7: ("јул", "јула", "jula", "julija", "julij", "srpnja", "júla", "юли", "július", "júl", "liepos", "juuli")
    + ("júlí",),
    8: ("август", "августа", "avgust", "avgusta", "kolovoza", "augusta", "augusztus", "rugpjūčio", "ágúst"),
    9: ("септембар", "септембра", "septembar", "septembra", "rujna", "септември", "szeptember", "szept") + ("rugsėjo",),
    10: ("октобар", "октобра", "oktobar", "oktobra", "októbra", "октомври", "október", "spalio", "oktoober")
    + ("október",),
    11: ("новембар", "новембра", "novembar", "novembra", "studenoga", "studenog", "ноември", "lapkričio")
    + ("nóvember",),
    12: ("децембар", "децембра", "decembar", "decembra", "prosinca", "декември", "gruodžio", "detsember"),
}
for _number in range(1, 13):
    _WORLD_MONTHS[_number] += _MORE_MONTHS_2[_number]
    _WORLD_MONTHS[_number] += (f"tháng {_number}", f"tháng {_number:02d}") + _WORLD_MONTHS_2[_number]
    # Hebrew glues "in" to the month: "5 במרץ 2025"
    _WORLD_MONTHS[_number] += tuple(f"ב{name}" for name in _WORLD_MONTHS_2[_number] if "\u05d0" <= name[0] <= "\u05ea")
# Thai dates count years in the Buddhist era: 2567 BE is 2024 CE
_BUDDHIST_ERA_MONTHS = frozenset(
    name for names in _WORLD_MONTHS.values() for name in names if "\u0e00" <= name[0] <= "\u0e7f"
)
_BUDDHIST_ERA_OFFSET = 543
for _months in (_OTHER_MONTHS, _MORE_MONTHS, _WORLD_MONTHS):
    for _number, _names in _months.items():
        for _name in _names:
            MONTHS.setdefault(_name, _number)
WEEKDAYS: dict[str, int] = {
    "senin": 0,
    "selasa": 1,
    "rabu": 2,
    "kamis": 3,
    "jumat": 4,
    "jum'at": 4,
    "jum’at": 4,
    "sabtu": 5,
    "minggu": 6,
    "ahad": 6,
    "isnin": 0,  # Malay
    "khamis": 3,
    "jumaat": 4,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
# How far back a year-less "Jumat (19/5)" may reach for a matching weekday; every weekday recurs within 7 years.
_WEEKDAY_SEARCH_YEARS = 7

_ANY_CASE_ZONES = frozenset({"WITA", "WIB", "WIT", "UTC", "GMT"})
_MONTH_NAMES = "|".join(re.escape(name) for name in sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_NAMES = "|".join(re.escape(name) for name in sorted(WEEKDAYS, key=len, reverse=True))
# The time after a date: "14:05", "2:05 PM", "21h35", "21h" and "23 h 48" (French, Portuguese), "0時30分", "14时05分",
# "14시 05분" (Japanese, Chinese, Korean; not the hours of "3時間" or "2h ago"), "오후 2:05" and "午後2時" (the half
# of the day first), with the words that join it to the date ("pukul", "at", "à", "às", "alle", "um", "om", "ore",
# "klo", CBS's " / "; never on the next line), after a weekday in brackets ("2024年1月5日(金) 9時41分",
# "2024年1月5日 星期五 09:41"); an Arabic time may end in "ص" (morning) or "م" (evening).
_TIME = (
    r"(?:(?:[^\S\n]*[(（](?:[月火水木金土日]|[월화수목금토일]|(?:星期|周)[一二三四五六日天])[)）]|[^\S\n]*星期[一二三四五六日天])?"
    r"[^\S\n]*(?:[,|\-–—]|/(?=\s)|\bpukul\b|\bjam\b|\bat\b|@|\b(?:às|à|a\s+las|alle|um|om|ore|klo)\b)?"
    r"[^\S\n]*(?:[,|\-–—]|\bpukul\b|\bjam\b|\bat\b|\bore\b)?[^\S\n]*"
    r"(?:(?P<meridiem>오전|오후|午前|午後|上午|下午)\s*)?"
    r"(?:(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?![\d/])(?:[:.](?P<second>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<ampm>[AaPp]\.?[Mm]\b\.?|[صم](?!\w)|(?:PG|PTG|MLM|TGH)\b)?"
    r"|(?P<h_hour>[01]?\d|2[0-3])(?:h|\s+h\s+(?=[0-5]\d\b))(?P<h_minute>[0-5]\d)?\b(?!\s*(?:ago|atrás|atras)\b)"
    r"|(?P<cjk_hour>[01]?\d|2[0-3])\s*[時时시](?![間间간])\s*(?:(?P<cjk_minute>[0-5]?\d)\s*[分분])?))?"
)
_AFTERNOON = frozenset({"오후", "午後", "下午"})
# the halves of the day in other scripts and words: Arabic "09:41 ص" (morning), "09:41 م" (evening); Malay "10:15
# PG" (pagi, morning), "3:20 PTG" (petang), "9:00 MLM" (malam, night), "12:30 TGH" (tengah hari, noon)
_DAY_HALVES = {"ص": "am", "م": "pm", "pg": "am", "ptg": "pm", "mlm": "pm", "tgh": "pm"}
# WIB, UTC, GMT in any case; the others only in capitals ("ist" and "est" are German and French words)
_CAPITAL_ZONES = [zone for zone in ZONE_ABBREVIATIONS if zone not in _ANY_CASE_ZONES and len(zone) > 1]
_ZONE_WORDS = "|".join(sorted(_CAPITAL_ZONES, key=len, reverse=True))
# US pages print the zone without saying whether summer time applies: "9:41 a.m. ET" is EST in January, EDT in July
_US_ZONES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles"}
# the zone words a stamp may print after its time, Indonesian, capitalised abbreviations and the US regions
_ZONE_NAMES = rf"WITA|WIB|WIT|UTC|GMT|(?-i:{_ZONE_WORDS}|ET|CT|MT|PT)"
_ZONE = (
    rf"(?:\s*\(?(?P<zone>{_ZONE_NAMES})\b\)?)?"
    r"(?:\s*(?P<offset>[+-]\d{1,2}(?::?\d{2})?)\b)?"
)
# "19 Mei 2023", "04-ago-2021", "4 de agosto de 2021", "19. März 2024", "16th December 2025", "8.mai.2024",
# "3 مايو 2024", "3 พ.ค. 2567", "3 tháng 5 năm 2024". The year ends at
# the first non-digit, not at a word boundary: markup may glue it to the next label ("January 05, 2021Updated: …")
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|º)?(?:\.?\s*-\s*|\.?\s+(?:de\s+|of\s+)?|\.)(?P<month>{_MONTH_NAMES})\.?[,،]?"
    rf"(?:\s*-\s*|\s+(?:de\s+|del\s+|năm\s+|พ\.ศ\.\s*)?|(?<=\.))(?P<year>\d{{4}})(?!\d)(?:\.(?=\s))?{_TIME}{_ZONE}",
    re.IGNORECASE,
)
# the lookahead (a word of letters, then the day's digits) skips most words before the long list of names is tried.
# Markup may glue the month to what precedes it: "November 20, 2025March 5, 2024" (an updated and a published
# <time>), "By Rachel GreenbergJuly 8, 2025": a digit, or a small letter before the month's capital
_MONTH_DAY_YEAR = re.compile(
    r"(?:(?<![^\W\d_])|(?-i:(?<=[^\W\d_])(?<![A-Z])(?=[A-Z])))(?=[^\W\d_]+\.?\s+\d)"
    rf"(?P<month>{_MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})(?!\d){_TIME}{_ZONE}",
    re.IGNORECASE,
)
# a dot before the day only when a word ends with it: markup glues a stamp to a byline's last degree ("M.Si.19/05/2023")
_NUMERIC = re.compile(
    rf"(?<![\d/-])(?<![\d/.-]\.)(?P<day>\d{{1,2}})(?:[/.-]|\.\s)(?P<month>\d{{1,2}})(?:[/.-]|\.\s)(?P<year>\d{{4}})(?!\d){_TIME}{_ZONE}",
    re.IGNORECASE,
)
# "2023/05/19", "2023.05.19 14:05" (East Asian and Hungarian order): zero-padded, so "2019.1.2" stays a version
_YEAR_FIRST = re.compile(
    rf"(?<![\d/.-])(?P<year>(?:19|20)\d{{2}})(?P<sep>[/.])(?P<month>0[1-9]|1[0-2])(?P=sep)(?P<day>0[1-9]|[12]\d|3[01])"
    rf"(?![\d/.]\d)(?:\.(?=\s))?{_TIME}{_ZONE}",
    re.IGNORECASE,
)
# "2024. 1. 5. 09:41", "2024. 01. 05. 오전 9:41" (Korean pages print the date with a dot and a space after each part)
_KOREAN_DOTTED = re.compile(
    rf"(?<![\d.])(?P<year>(?:19|20)\d{{2}})\.\s(?P<month>0?[1-9]|1[0-2])\.\s(?P<day>0?[1-9]|[12]\d|3[01])\.(?!\d)"
    rf"{_TIME}{_ZONE}",
    re.IGNORECASE,
)
# "2024. február 12. 09:15" (Hungarian), "2024 m. rugsėjo 17 d. 09:45" (Lithuanian): the year first, then the
# month's name; only after the year's full stop or "m." ("metų"), the shapes these languages print
_YEAR_MONTH_NAME_DAY = re.compile(
    rf"(?<![\d.])(?P<year>(?:19|20)\d{{2}})(?:\.|\s+m\.)\s*(?P<month>{_MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}})"
    rf"(?:\.|\s+d\.)?(?!\d){_TIME}{_ZONE}",
    re.IGNORECASE,
)
# "2023年5月19日", "2023년 5월 19일"; a Japanese era year ("令和7年10月3日", "令和元年" its first) and a Taiwanese
# Minguo year ("民國114年6月27日", often without 民國: a three-digit year before 月 and 日 is no other count)
_CJK = re.compile(
    r"(?:(?P<year>(?:19|20)\d{2})|(?P<era>令和|平成)\s*(?P<era_year>元|\d{1,2})|(?:民國|民国)?(?P<minguo_year>1[01]\d))"
    r"\s*[年년]\s*(?:[(（](?:令和|平成)\s*(?:元|\d{1,2})\s*年[)）]\s*)?"  # "2024年（令和6年）1月10日"
    rf"(?P<month>\d{{1,2}})\s*[月월]\s*(?P<day>\d{{1,2}})\s*[日일]{_TIME}{_ZONE}",
    re.IGNORECASE,
)
# the Gregorian year before each era's first: 令和 began in 2019, 平成 in 1989; the Minguo calendar counts from 1912
_ERA_BASES = {"令和": 2018, "平成": 1988}
_MINGUO_BASE = 1911
# a label of another script may be glued to it: "송고2024-05-03 14:05" (Korean "sent")
_ISO = re.compile(
    r"(?<![0-9A-Za-z_])"
    r"(?P<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*(?:Z\b|[+-]\d{2}(?::?\d{2})?))?)?)"
)
# ISO 8601's basic format, which some CMSs declare ("20180619T055000+0900"): a timestamp only with its "T", since a
# bare eight-digit number is as likely an article id as a date
_ISO_BASIC = re.compile(
    r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})T(?P<hour>\d{2})(?P<minute>\d{2})(?P<second>\d{2})?(?:[.,]\d+)?"
    r"(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?"
)
_PARTIAL = re.compile(
    rf"\b(?P<weekday>{_WEEKDAY_NAMES})\s*,?\s*\(\s*(?P<day>\d{{1,2}})\s*/\s*(?P<month>\d{{1,2}})\s*\)", re.IGNORECASE
)
# Persian pages print the Solar Hijri calendar: "۱ دی ۱۴۰۴ - ۰۱:۱۵", "۱۵ مهر‌ماه ۱۴۰۳" (its months, in order)
_SOLAR_HIJRI_MONTHS = (
    *("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور"),
    *("مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"),
)
_SOLAR_HIJRI = re.compile(
    rf"(?<!\d)(?P<day>\d{{1,2}})\s+(?P<solar_month>{'|'.join(_SOLAR_HIJRI_MONTHS)})(?:\u200c?\s*ماه)?[,،]?"
    rf"\s+(?P<solar_year>1[34]\d{{2}})(?!\d){_TIME}{_ZONE}"
)
_FULL_PATTERNS = (
    *(_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _NUMERIC, _YEAR_FIRST, _YEAR_MONTH_NAME_DAY),
    *(_CJK, _KOREAN_DOTTED, _SOLAR_HIJRI),
)
# Arabic-Indic, Persian, Devanagari, Bengali, Thai and full-width digits, read as the ASCII digits the patterns'
# character classes ("[01]?\d" of an hour) expect; one character for one, so positions in the text stay put
_ASCII_DIGITS = str.maketrans(
    {chr(zero + n): str(n) for zero in (0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0xFF10) for n in range(10)}
)
_SHORT_STAMP_MAX_CHARS = 48
_SHORT_NUMERIC = re.compile(
    rf"\W*(?:(?:{STAMP_LEAD_IN}?{STAMP_LABEL_WORDS}|on)\b\s*:?\s*)?(?:on\s+)?"
    rf"(?P<day>\d{{1,2}})(?P<sep>[/.])(?P<month>\d{{1,2}})(?P=sep)(?P<short_year>\d{{2}})(?![\d/.]){_TIME}{_ZONE}\W*",
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(_TIME + _ZONE, re.IGNORECASE)  # the time after an ISO day: "2024-01-05 at 09:41"
_TIME_GROUPS = frozenset({"hour", "minute", "second", "ampm", "meridiem", "h_hour", "h_minute", "cjk_hour"})
_TIME_BEFORE_REACH = 60  # "Updated 10:04 AM EST, Fri January 5, 2024": the time, zones and a weekday, then the date
_SHORT_WEEKDAYS = r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|sen|sel|rab|kam|jum|sab|min"
# a time printed before its date, up to the date: "13:31 ", "14:05, ", "10.30 WIB ", "09:15 | ", "0941 GMT (1741 HKT) ",
# "9:41 AM EST, Fri ", "09:41 on "; four digits without a colon only with a zone ("0941 GMT")
_TIME_BEFORE = re.compile(
    r"(?<![\d.,:/])(?P<hour>[01]?\d|2[0-3])(?:[:.h](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?![\d:/]|[.,]\d)"
    rf"|(?P<hhmm>[0-5]\d)(?=\s*(?-i:{'|'.join(ZONE_ABBREVIATIONS)})\b))"
    r"(?:\s*(?P<ampm>[ap]\.?m\b\.?))?"
    rf"(?:\s*\(?(?P<zone>{_ZONE_NAMES})\b\)?)?"
    r"(?:\s*(?P<offset>[+-]\d{1,2}(?::?\d{2})?)\b)?"
    r"(?:\s*\((?:[01]?\d|2[0-3])[:.]?[0-5]\d\s*[A-Z]{2,5}\))?"  # CNN's "(1741 HKT)": the same time elsewhere
    r"\s*(?:[,|·•/–—-]\s*)?(?:on\s+)?"
    rf"(?:(?:{_WEEKDAY_NAMES}|{_SHORT_WEEKDAYS})\b\.?\s*,?\s*)?$",
    re.IGNORECASE,
)
# what may precede such a time on its line: nothing, a separator, or a stamp label ("Published", "Updated", "at")
_TIME_LEAD = re.compile(
    rf"(?:[|·•,;:(\[–—/-]|\b(?:{STAMP_LEAD_IN}?{STAMP_LABEL_WORDS}|on|at|pukul|jam|um|à|às|alle|om|ore))\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PageDate:
    """One instant a page states, with the offset it was stated in (or that the source's zone implied)."""

    utc: datetime
    offset: str
    has_time: bool


def parse_date(text: str | None, *, timezone_name: str = "UTC", crawl_date: date | None = None) -> PageDate | None:
    """The first date the text states: ISO first (metadata), then written-out dates, then "Jumat (19/5)"."""
    if not text or not isinstance(text, str):
        return None
    text = text.strip()[:2000].translate(_ASCII_DIGITS)
    basic = _ISO_BASIC.fullmatch(text)
    if basic is not None:
        text = "{year}-{month}-{day}T{hour}:{minute}:{second}{zone}".format_map(
            {**basic.groupdict(), "second": basic["second"] or "00", "zone": basic["zone"] or ""}
        )
    iso = _parse_iso(text, timezone_name)
    if iso is not None:
        match = _ISO.match(text)
        after = _with_time_after(match, iso, text, timezone_name) if match and match.end() < len(text) else None
        return after[0] if after else iso
    written = find_written_dates(text, timezone_name=timezone_name)
    if written:
        return written[0][1]
    return find_partial_date(text, timezone_name=timezone_name, crawl_date=crawl_date)


def find_written_dates(
    text: str, *, timezone_name: str = "UTC", month_first: bool = False
) -> list[tuple[int, PageDate]]:
    """Every full (day, month, year) date in the text with its position, in reading order. `month_first` reads an
    ambiguous "3/4/2025" or "09.10.2024" as month/day (US English pages); dashes ("02-12-2025") stay day-first."""
    text = text.translate(_ASCII_DIGITS)
    found: dict[int, PageDate] = {}
    spans: list[tuple[int, int]] = []  # what the dates and their times cover: a time is read with one date only
    untimed: list[tuple[re.Match[str], bool]] = []
    for pattern in _FULL_PATTERNS:
        for match in pattern.finditer(text):
            if any(start <= match.start() < start + 12 for start in found):
                continue  # "19 Mei 2023" already read at this place by an earlier pattern
            swap = month_first and pattern is _NUMERIC and "-" not in match.group(0)[:6]
            parsed = _from_groups(match.groupdict(), timezone_name, month_first=swap)
            if parsed is not None:
                found[match.start()] = parsed
                spans.append(match.span())
                if not parsed.has_time:
                    untimed.append((match, swap))
    for match in _ISO.finditer(text):
        if match.start() not in found:
            parsed = _parse_iso(match.group("iso"), timezone_name)
            if parsed is not None:
                found[match.start()] = parsed
                end = match.end()
                after = _with_time_after(match, parsed, text, timezone_name)
                if after is not None:
                    found[match.start()], end = after
                spans.append((match.start(), end))
    spans.sort()
    starts = [start for start, _ in spans]
    reach = list(accumulate((end for _, end in spans), max))  # how far the dates up to each one reach
    for match, swap in untimed:
        earlier = bisect_left(starts, match.start())
        groups = _time_before(text, match.start(), reach[earlier - 1] if earlier else 0)
        if groups is not None:
            merged = match.groupdict() | {k: v for k, v in groups.items() if v or k in _TIME_GROUPS}
            found[match.start()] = _from_groups(merged, timezone_name, month_first=swap) or found[match.start()]
    return sorted(found.items(), key=lambda item: item[0])


def _with_time_after(
    match: re.Match[str], parsed: PageDate, text: str, timezone_name: str
) -> tuple[PageDate, int] | None:
    """An ISO date read with what is printed after it, and where that ends: the time ("Posted on 2024-01-05 at
    09:41"), or the zone word of an ISO time without an offset ("2024-01-05 09:41 (KST)")."""
    after = _TIME_AFTER.match(text, match.end())
    if after is None or not (
        after.group("zone") and not after.group("hour") if parsed.has_time else after.group("hour")
    ):
        return None
    try:
        moment = datetime.fromisoformat(match.group("iso").replace(",", "."))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        return None
    groups: dict[str, str | None] = {"day": str(moment.day), "month": str(moment.month), "year": str(moment.year)}
    if parsed.has_time:
        groups |= {"hour": str(moment.hour), "minute": str(moment.minute), "second": str(moment.second)}
        groups |= {"zone": after.group("zone"), "offset": after.group("offset")}
    else:
        groups |= after.groupdict()
    found = _from_groups(groups, timezone_name)
    return (found, after.end()) if found is not None else None


def _time_before(text: str, date_start: int, taken: int) -> dict[str, str | None] | None:
    """The groups of the time printed just before a date ("13:31 26.04.2024", "Published 9:41 AM EST Jan 5, 2024",
    "10.30 WIB 19/05/2023"), or None. Only zone words, a weekday and a separator may stand between them, the time
    must open its line or follow a stamp label or a separator (not "Score 13:31"), and a time another date already
    read ("26.04.2024 13:31 | 27.04.2024": the text up to `taken` belongs to earlier dates) is not read twice."""
    start = max(0, date_start - _TIME_BEFORE_REACH, taken)
    if start >= date_start:
        return None
    match = _TIME_BEFORE.search(text, start, date_start)
    if match is None:
        return None
    line_before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
    if line_before.strip() and not _TIME_LEAD.search(line_before):
        return None
    groups = match.groupdict()
    if groups.get("hhmm"):
        groups["minute"] = groups["hhmm"]  # "0941 GMT"
    return groups


def parse_short_stamp(line: str, *, timezone_name: str = "UTC", month_first: bool = False) -> PageDate | None:
    """A stamp line that is nothing but a numeric date with a two-digit year: "3/21/23" (Squarespace's and many US
    blogs' stamp), "Posted 21.03.23 14:05". Read as 20YY, and only as a whole line: in prose "3/21/23" may be a
    ratio or a reference number. `month_first` reads a slashed "3/4/23" as March 4; dotted dates are day-first."""
    if len(line) > _SHORT_STAMP_MAX_CHARS:
        return None
    match = _SHORT_NUMERIC.fullmatch(line.strip())
    if match is None:
        return None
    year = 2000 + int(match.group("short_year"))
    if year > datetime.now(UTC).year + 1:
        return None  # "12/31/99" is not 2099
    groups = match.groupdict() | {"year": str(year)}
    return _from_groups(groups, timezone_name, month_first=month_first and match.group("sep") == "/")


def find_partial_date(text: str, *, timezone_name: str = "UTC", crawl_date: date | None = None) -> PageDate | None:
    """The first "Jumat (19/5)" in the text, placed in a year by `resolve_day_month`."""
    for match in _PARTIAL.finditer(text):
        weekday = WEEKDAYS[match.group("weekday").lower()]
        reference = crawl_date or datetime.now(ZoneInfo(timezone_name)).date()
        resolved = resolve_day_month(int(match.group("day")), int(match.group("month")), weekday, reference)
        if resolved is not None:
            return to_page_date(datetime(resolved.year, resolved.month, resolved.day), None, timezone_name, False)
    return None


def resolve_day_month(day: int, month: int, weekday: int | None, reference: date) -> date | None:
    """The latest day/month on or before `reference` that falls on `weekday`; else simply the latest day/month.

    A lead sentence says "kata Lavrov, Jumat (19/5)" without a year: it means the most recent Friday 19 May before
    the page was fetched. When the stated weekday fits no recent year (a typo), the latest 19 May is the best guess.
    """
    candidates = []
    for year in range(reference.year, reference.year - _WEEKDAY_SEARCH_YEARS, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue  # 29/2 outside leap years, or 31/4
        if candidate <= reference:
            candidates.append(candidate)
    for candidate in candidates:
        if weekday is None or candidate.weekday() == weekday:
            return candidate
    return candidates[0] if candidates else None


def _parse_iso(text: str, timezone_name: str) -> PageDate | None:
    candidate = text.strip()
    if not re.match(r"^\d{4}-\d{2}-\d{2}", candidate):
        return None
    candidate = re.sub(r"\s+(?=[+-]\d{2}:?\d{2}$)", "", candidate).replace(",", ".")
    candidate = re.sub(r"(?<=[+-]\d{2})$", ":00", candidate) if re.search(r"T.*[+-]\d{2}$", candidate) else candidate
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        match = _ISO.match(candidate)
        if not match or match.group("iso") == candidate:
            return None
        return _parse_iso(match.group("iso"), timezone_name)
    if not 1990 <= parsed.year <= 2100:
        return None
    has_time = len(candidate) > 10
    if parsed.tzinfo is not None:
        offset = parsed.utcoffset() or timedelta(0)
        return PageDate(parsed.astimezone(UTC), format_offset(offset), has_time)
    return to_page_date(parsed, None, timezone_name, has_time)


def _from_groups(groups: dict[str, str | None], timezone_name: str, *, month_first: bool = False) -> PageDate | None:
    if groups.get("solar_month"):
        try:
            day = jdatetime.date(
                int(groups["solar_year"]), _SOLAR_HIJRI_MONTHS.index(groups["solar_month"]) + 1, int(groups["day"])
            ).togregorian()
        except ValueError:
            return None
        groups = groups | {"day": str(day.day), "month": str(day.month), "year": str(day.year), "solar_month": None}
    month_text = groups["month"]
    month = int(month_text) if month_text.isdigit() else _month_number(month_text)
    if month is None:
        return None
    day, year = int(groups["day"]), _year(groups)
    if year >= 2400 and month_text in _BUDDHIST_ERA_MONTHS:
        year -= _BUDDHIST_ERA_OFFSET
    if month_first and month <= 12 and day <= 12:
        day, month = month, day  # the pattern's "day" group holds the US month
    if month > 12 and day <= 12:
        day, month = month, day  # "5/19/2023": only the US order can be meant
    hour, minute, second, has_time = _time_of(groups)
    if not 1990 <= year <= 2100:
        return None
    try:
        naive = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    stated: timedelta | None = None
    if groups.get("offset"):
        stated = parse_offset(groups["offset"])
        if stated is None:
            return None
    elif groups.get("zone") in _US_ZONES:
        if has_time:  # a zone word after a bare date ("Hartford, CT") is no zone
            timezone_name = _US_ZONES[groups["zone"]]
    elif groups.get("zone"):
        stated = ZONE_ABBREVIATIONS[groups["zone"].upper()]
    return to_page_date(naive, stated, timezone_name, has_time)


def _year(groups: dict[str, str | None]) -> int:
    """The Gregorian year of a match: as printed, or from a Japanese era's or the Minguo calendar's year."""
    if groups.get("era"):
        era_year = groups["era_year"] or "1"
        return _ERA_BASES[groups["era"]] + (1 if era_year == "元" else int(era_year))
    if groups.get("minguo_year"):
        return _MINGUO_BASE + int(groups["minguo_year"])
    return int(groups["year"])


def _time_of(groups: dict[str, str | None]) -> tuple[int, int, int, bool]:
    """(hour, minute, second, whether a time was printed) from the groups `_TIME` matched."""
    hour_text = groups.get("hour") or groups.get("h_hour") or groups.get("cjk_hour")
    if hour_text is None:
        return 0, 0, 0, False
    hour = int(hour_text)
    minute = int(groups.get("minute") or groups.get("h_minute") or groups.get("cjk_minute") or 0)
    second = int(groups.get("second") or 0)
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    ampm = _DAY_HALVES.get(ampm, ampm)
    if groups.get("meridiem"):
        ampm = "pm" if groups["meridiem"] in _AFTERNOON else "am"
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return hour, minute, second, True


def _month_number(name: str) -> int | None:
    """The month a name the patterns matched stands for; the patterns match case-insensitively, so a capitalised
    name whose lower case differs from the listed one ("EKİM": dotted capital I) is looked up without the dot."""
    lowered = name.lower()
    return MONTHS.get(lowered) or MONTHS.get(lowered.replace("\u0307", ""))


def to_page_date(naive: datetime, stated: timedelta | None, timezone_name: str, has_time: bool) -> PageDate:
    if not has_time:
        # A bare date could be any moment of that local day; noon is the midpoint, and it keeps the UTC calendar
        # day equal to the stated day for every zone within 12 hours of UTC.
        naive = naive.replace(hour=12, minute=0, second=0)
    aware = with_fixed_offset(naive, stated) if stated is not None else localize(naive, timezone_name)
    offset = aware.utcoffset() or timedelta(0)
    return PageDate(aware.astimezone(UTC), format_offset(offset), has_time)


# "3 hours ago", "2 jam yang lalu", "vor 3 Stunden", "hace 2 días", "il y a 3 heures", "há 2 dias", "2 giorni fa",
# "3 uur geleden"; and "yesterday" in those languages. Months and years ago are too vague to date a story by.
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "un": 1, "una": 1, "une": 1, "um": 1, "uma": 1, "ein": 1, "eine": 1}
_NUMBER_WORDS |= {"einer": 1, "einem": 1, "een": 1, "satu": 1}
_AGO_UNITS: dict[str, int] = {}  # unit word -> hours
for _hours, _words in (
    (0, ("second", "seconds", "sec", "secs", "detik", "sekunden", "segundos", "secondes", "secondi", "seconden")),
    (0, ("minute", "minutes", "min", "mins", "menit", "minuten", "minuto", "minutos", "minuti", "minuut")),
    (1, ("hour", "hours", "hr", "hrs", "jam", "stunde", "stunden", "hora", "horas", "heure", "heures", "ora", "ore")),
    (1, ("uur",)),
    (24, ("day", "days", "hari", "tag", "tagen", "día", "días", "dia", "dias", "jour", "jours", "giorno", "giorni")),
    (24, ("dag", "dagen")),
    (168, ("week", "weeks", "minggu", "woche", "wochen", "semana", "semanas", "semaine", "semaines", "settimana")),
    (168, ("settimane", "weken")),
    (720, ("month", "months", "bulan", "monat", "monaten", "mes", "meses", "mois", "mese", "mesi", "maand")),
    (720, ("maanden",)),
    (8760, ("year", "years", "tahun", "jahr", "jahren", "año", "años", "ano", "anos", "ans", "anno", "anni", "jaar")),
):
    _AGO_UNITS.update(dict.fromkeys(_words, _hours))
_TODAY_WORDS = (
    "today|hari ini|heute|hoy|hoje|oggi|aujourd'hui|vandaag|idag|i dag|tänään|dzisiaj|dziś|dnes|danas|šodien"
    "|šiandien|täna|сегодня|сьогодні|днес|bugün|σήμερα"
)
_AGO_NUMBER = rf"\d{{1,3}}|{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))}"
_AGO_UNIT = "|".join(sorted(_AGO_UNITS, key=len, reverse=True))
_RELATIVE = re.compile(
    rf"\b(?:(?P<n>{_AGO_NUMBER})\s+(?P<unit>{_AGO_UNIT})\s+(?:ago|(?:yang\s+)?lalu|fa|geleden)"
    rf"|(?:vor|hace|h[áa]|il\s+y\s+a)\s+(?P<n2>{_AGO_NUMBER})\s+(?P<unit2>{_AGO_UNIT})"
    rf"|(?P<yesterday>yesterday|kemarin|gestern|ayer|ontem|ieri|gisteren)"
    # "Today, 17:40" / "Šodien, 17:40" / "Hari ini, 14:05": today's stories stamped with the time only
    rf"|(?P<today>{_TODAY_WORDS}),?\s+(?:at\s+|um\s+|à\s+|pukul\s+)?\d{{1,2}}[:.]\d{{2}})\b",
    re.IGNORECASE,
)


def find_relative_date(text: str, *, crawl_date: date | None, timezone_name: str = "UTC") -> PageDate | None:
    """The day of the first "3 hours ago" / "2 hari lalu" / "yesterday" stamp in the text, counted back from the
    crawl date (the page said it on the day it was fetched). Only the day is known: the crawl date carries no time,
    so "5 hours ago" is the crawl day. None without a crawl date: the day it counts from would be a guess."""
    if crawl_date is None:
        return None
    for match in _RELATIVE.finditer(text):
        if match.group("today"):
            days = 0
        elif match.group("yesterday"):
            days = 1
        else:
            number, unit = match.group("n") or match.group("n2"), match.group("unit") or match.group("unit2")
            count = int(number) if number.isdigit() else _NUMBER_WORDS[number.lower()]
            days = count * _AGO_UNITS[unit.lower()] // 24
        day = crawl_date - timedelta(days=days)
        return to_page_date(datetime(day.year, day.month, day.day), None, timezone_name, False)
    return None


# what a date stamp prints besides its dates: labels ("Date published"; also "last", "update", "mis", "jour" on their
# own), joiners, a reading time ("Updated: … | Published: …")
_STAMP_WORDS = re.compile(
    rf"\b(?:{STAMP_LEAD_IN}?{STAMP_LABEL_WORDS}|last|update|mis|jour|on|at|am|pm|a\.m|p\.m|min|mins|minutes?|read|pukul|um|uhr|le|à"
    r"|il|op|r|roku|г|года"  # "17 czerwca 2024 r." (Polish "roku"), "17 июня 2024 г." (Russian "года")
    r"|de|lectura|leitura|lecture|lettura|lesezeit|leestijd|menit|baca)\b\.?",  # "· 4 min de lectura"
    re.IGNORECASE,
)

_CLOCK_TIME = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\b\.?|\b\d{1,2}:\d{2}\b", re.IGNORECASE)
_STAMP_ZONES = re.compile(rf"\b(?:{_ZONE_NAMES})\b", re.IGNORECASE)


def is_stamp_only(line: str) -> bool:
    """True for a line made of nothing but date stamps: "2 days ago", "Updated: May 22, 2023 9:40 a.m. | Published:
    May 19, 2023", "Jumat, 19 Mei 2023 14:05 WIB", "Posted 21.03.23 14:05". Such a line at the top of a body belongs to
    the page's header."""
    if parse_short_stamp(line) is not None:
        return True
    rest, found = line, False
    for pattern in (*_FULL_PATTERNS, _ISO, _RELATIVE):
        rest, count = pattern.subn(" ", rest)
        found = found or count > 0
    rest = _STAMP_WORDS.sub(" ", rest)
    rest = _CLOCK_TIME.sub(" ", rest)  # a time printed before its date: "Updated 12.41am Jul 11, 2023"
    rest = _STAMP_ZONES.sub(" ", rest)  # the zone of a time printed before its date: "10.30 WIB 19/05/2023"
    rest = re.sub(rf"\b(?:{_WEEKDAY_NAMES}|{WEEKDAY_WORDS})\b\.?", " ", rest, flags=re.IGNORECASE)
    return found and not re.search(r"[^\W\d_]", rest)


_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})(?P<sep>[/-]?)(?P<month>0[1-9]|1[0-2])(?P=sep)(?P<day>0[1-9]|[12]\d|3[01])(?=[/-]|$)"
)


def date_from_url(url: str, *, timezone_name: str = "UTC") -> PageDate | None:
    """The date many outlets put in article paths: /2023/05/19/..., /2025-09-09/slug, /read/20260219/47/..."""
    match = _URL_DATE.search(url or "")
    if match is None:
        return None
    try:
        day = datetime(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    except ValueError:
        return None
    return to_page_date(day, None, timezone_name, False)
