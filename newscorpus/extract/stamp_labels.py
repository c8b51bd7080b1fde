"""The words that label a date stamp ("Published", "Last updated", "Diperbarui", "Mis à jour") and the shape of a
host name ("etimes.in"), as regex source strings.

Several extraction rules look for these: the date readers, the byline and credit readers, the boilerplate filter,
the title cleaner. They used to keep their own copies, which drifted apart (one knew "dipublikasikan", the next did
not). This module owns the vocabularies; each rule compiles its own regex from them (always with re.IGNORECASE),
adding its own anchoring and the words only it needs ("reviewed", "update", joiners like "on" or "pukul").
Every constant is a self-contained non-capturing group.
"""

from __future__ import annotations

_LAST = r"(?:last\s+)?"  # "Last updated", "Last modified", and so on

ENGLISH_PUBLISHED = rf"(?:{_LAST}(?:published|posted))"
ENGLISH_UPDATED = rf"(?:{_LAST}(?:updated|modified))"
INDONESIAN_PUBLISHED = r"(?:dipublikasikan|diterbitkan)"
INDONESIAN_UPDATED = r"(?:diperbarui)"
# de, fr, es, pt, it, nl; sv, da, no, pl, cs, ro, el, ru, uk, tr
EUROPEAN_PUBLISHED = (
    r"(?:Veröffentlicht|Publié|Publicado|Pubblicato|Gepubliceerd|Publicerad|Publiceret|Publisert|Opublikowano"
    r"|Publikováno|Publicat|Δημοσίευση|Опубликовано|Опубліковано|Yayınlanma|Yayınlandı"
    # fi, hu, sk, hr/sr, bg, lt, et
    r"|Julkaistu|Közzétéve|Publikované|Objavljeno|Објављено|Публикувано|Paskelbta|Avaldatud|Erstellt)"
)
EUROPEAN_UPDATED = (
    r"(?:Aktualisiert|Mis\s+à\s+jour|Actualizado|Atualizado|Aggiornato|Bijgewerkt|Uppdaterad|Opdateret|Oppdatert"
    r"|Zaktualizowano|Aktualizacja|Aktualizováno|Actualizat|(?:Τελευταία\s+)?Ενημέρωση|Обновлено|Оновлено|Güncellendi|Güncelleme"
    r"|Päivitetty|Frissítve|Frissítés|Aktualizované|Ažurirano|Ажурирано|Обновено|Atnaujinta|Uuendatud)"
)
# he, fa, ar, ur, hi, vi, sw, th, ja, zh, ko (Korean "input" and "revised": 입력, 수정)
WORLD_PUBLISHED = (
    r"(?:פורסם|تاریخ\s+انتشار|تاريخ\s+النشر|نُ?شر\s+في|شائع|प्रकाशित|Imechapishwa|เผยแพร่|公開日|投稿日|发布时间|發布時間"
    r"|发布于|작성일|등록일|입력)"
)
WORLD_UPDATED = r"(?:עודכן|به‌روزرسانی|آخر\s+تحديث|अपडेट|Cập\s+nhật|อัปเดต|更新日|更新于|수정일|수정)"

ENGLISH = rf"(?:{ENGLISH_PUBLISHED}|{ENGLISH_UPDATED})"
INDONESIAN = rf"(?:{INDONESIAN_PUBLISHED}|{INDONESIAN_UPDATED})"
EUROPEAN = rf"(?:{EUROPEAN_PUBLISHED}|{EUROPEAN_UPDATED})"

PUBLISHED_WORDS = rf"(?:{ENGLISH_PUBLISHED}|{INDONESIAN_PUBLISHED}|{EUROPEAN_PUBLISHED}|{WORLD_PUBLISHED})"
UPDATED_WORDS = rf"(?:{ENGLISH_UPDATED}|{INDONESIAN_UPDATED}|{EUROPEAN_UPDATED}|{WORLD_UPDATED})"
STAMP_LABEL_WORDS = rf"(?:{PUBLISHED_WORDS}|{UPDATED_WORDS})"
# the words a stamp's label may open with: "Date published:", "Page last reviewed:", "Originally published on",
# "Date first published", "This entry was posted on" (WordPress's footer), "Zuletzt aktualisiert". Each ends in
# whitespace, so the label follows at once; a rule makes the group optional: rf"{STAMP_LEAD_IN}?{STAMP_LABEL_WORDS}"
STAMP_LEAD_IN = (
    r"(?:(?:(?:date|page|article|story|post|content)\s+|originally\s+|first\s+|zuletzt\s+"
    r"|this\s+(?:entry|post|article|story|page)\s+was\s+){1,2})"
)

_HOST_LABELS = r"[\w-]+(?:\.[\w-]+)*"
# "etimes.in", "news.example.co.uk": a top-level domain of at most six letters, so that "J.Robertson" stays a name
HOST_NAME = rf"(?:{_HOST_LABELS}\.[a-z]{{2,6}})"
# where only a site's name is expected (around a headline), any top-level domain: "example.digital"
HOST_NAME_ANY_TLD = rf"(?:{_HOST_LABELS}\.[a-z]{{2,}})"

# a weekday opening a stamp, whole or abbreviated, in English, Dutch, German, French and Spanish (and whole in a
# dozen more languages): "Sun 21 May 2023",
# "zo 10 mrt 2024", "Mi., 3. April 2024", "mardi 9 avril 2024"; a rule adds the word boundaries. A two-letter form
# only in lower case or with its full stop: "By Ann Do 9 April 2024" is Ann Do's byline
WEEKDAY_WORDS = (
    r"(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|(?-i:ma|di|wo|do|vr|za|zo|mo|mi|fr|sa|so)"
    r"|(?-i:Ma|Di|Wo|Do|Vr|Za|Zo|Mo|Mi|Fr|Sa|So)(?=\.)"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi"
    r"|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
    r"|senin|selasa|rabu|kamis|jum['’]?at|sabtu|minggu|isnin|khamis|jumaat|ahad"  # id, ms
    r"|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"  # it
    r"|(?:segunda|terça|quarta|quinta|sexta)-feira"  # pt
    r"|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|mandag|tirsdag|lørdag|søndag"  # sv, da, no
    r"|maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai"  # fi
    r"|poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela"  # pl
    r"|pondělí|úterý|středa|čtvrtek|pátek|neděle"  # cs
    r"|hétfő|kedd|szerda|csütörtök|péntek|szombat|vasárnap"  # hu
    r"|Pazartesi|Salı|Çarşamba|Perşembe|Cumartesi"  # tr
    r"|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье"  # ru
    r"|Δευτέρα|Τρίτη|Τετάρτη|Πέμπτη|Παρασκευή|Σάββατο|Κυριακή"  # el
    r"|Thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|Chủ\s+nhật)"  # vi
)
