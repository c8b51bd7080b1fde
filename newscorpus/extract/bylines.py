"""Pulls credit lines ("Rep: X / Red: Y", "Pewarta: X", "Editor : Y", "Penulis : Antara", "Oleh X",
"Laporan wartawan X", "By X and Y") out of the article text and into authors / editors / agency.

Indonesian outlets print credits as text at the top or bottom of the body rather than in metadata, and they
name roles: the reporter (Rep, Pewarta, Penulis, Wartawan) is an author, the desk editor (Red, Redaktur, Editor)
is not. Only the first and last few lines are searched, and a line counts only if all of it reads as credits, so a
sentence that happens to start with "By" stays in the story.
"""

from __future__ import annotations

import re

from newscorpus.extract.agencies import desk_credit, wire_service
from newscorpus.extract.credit_names import (
    CREDENTIAL,
    JOB_TITLE,
    ORGANISATION_WORD,
    PARTICLES,
    Byline,
    Role,
    is_affiliation,
    looks_like_name,
    without_filing_place,
    without_outlet_suffix,
    without_trailing_role,
)
from newscorpus.extract.dates import is_stamp_only
from newscorpus.extract.reporter_credits import CJK_REPORTER_WORD, inline_credit, role_credit, spaced_han_names
from newscorpus.extract.stamp_labels import ENGLISH, HOST_NAME, STAMP_LABEL_WORDS, WEEKDAY_WORDS

_LABEL_ROLES: dict[str, Role] = {
    "rep": "author",
    "reporter": "author",
    "penulis": "author",
    "pewarta": "author",
    "wartawan": "author",
    "kontributor": "author",
    "jurnalis": "author",
    "laporan": "author",  # "Laporan: Sutrisno Budiharto" opening the text of a regional paper
    "koresponden": "author",
    "author": "author",
    "authors": "author",
    "writer": "author",
    "written by": "author",
    "escrito por": "author",  # es, pt
    "geschrieben von": "author",
    "écrit par": "author",
    "scritto da": "author",
    "ditulis oleh": "author",
    "story by": "author",
    "compiled by": "author",  # a police log's or a roundup's "Compiled by X"
    "article by": "author",
    "words by": "author",
    "words": "author",  # magazines' credit list: "Words: X" / "Photos: Y"
    "posted by": "author",
    "submitted by": "author",  # Drupal's and school sites' "Submitted by X"
    "reporting by": "author",
    "report by": "author",
    "match report by": "author",
    "reporting": "author",
    "teks": "author",
    "autor": "author",  # de, es, pt, pl
    "autorin": "author",
    "autorka článku": "author",  # cs, "the article's author"
    "autor článku": "author",
    "geschreven door": "author",  # nl
    "geplaatst door": "author",
    "autora": "author",  # es, pt, a woman
    "autoras": "author",
    "autores": "author",
    "auteur": "author",  # fr, nl
    "autore": "author",  # it
    "autors": "author",  # lv
    "autori": "author",  # lv, it
    "autorius": "author",  # lt
    "autorė": "author",  # lt, a woman
    "napisał": "author",  # pl, "wrote"
    "napisała": "author",
    "συντάκτης": "author",  # el
    "аутор": "author",  # sr, mk
    "autorica": "author",  # hr
    "szöveg": "author",  # hu, "text"
    "κείμενο": "author",  # el, "text"
    "글": "author",  # ko, "text": "글 박서연 · 사진 이도윤"
    "사진": "ignored",  # ko, photo
    "kirjoittaja": "author",  # fi
    "författare": "author",  # sv
    "forfatter": "author",  # da, no
    "szerző": "author",  # hu
    "text": "author",  # de, sv, da, en: "Text: Elin Sjöberg · Foto: Johan Ek"
    "tekst": "author",  # nl, pl, no
    "texte": "author",  # fr
    "texto": "author",  # es, pt
    "created by": "author",  # a wiki page's "Created by X, last modified by Y"
    "yazar": "author",  # tr
    "haber": "author",  # tr, "Haber: X · Fotoğraflar: Y"
    "muhabir": "author",
    "autorka tekstu": "author",  # pl
    "autor tekstu": "author",
    "autorka": "author",
    "文": "author",  # ja, "文・佐藤美咲　写真・田中健"
    "文・写真": "author",  # ja, "文・写真：佐藤美咲": she wrote it and took the photographs
    "文と写真": "author",
    "text and photos": "author",
    "words and photos": "author",
    "words and pictures": "author",
    "автор": "author",  # ru, uk
    "текст": "author",
    "γράφει": "author",  # el, "writes:"
    "بقلم": "author",  # ar, "by the pen of"
    "نویسنده": "author",  # fa
    "خبرنگار": "author",
    "रिपोर्ट": "author",  # hi
    "रिपोर्टर": "author",
    "लेखक": "author",
    "tác giả": "author",  # vi
    "作者": "author",  # zh, ja
    "글쓴이": "author",  # ko
    "เขียนโดย": "author",  # th, "written by"
    "记者": "author",
    "記者": "author",
    "撰文": "author",
    "red": "editor",
    "redaktur": "editor",
    "editor": "editor",
    "penyunting": "editor",
    "editing by": "editor",
    "edited by": "editor",
    "redaktur pelaksana": "editor",
    "edição": "editor",  # Agência Brasil closes its stories with "Edição: Fernando Fraga"
    "دبیر": "editor",  # fa
    "संपादक": "editor",  # hi
    "एडिटेड बाय": "editor",
    "编辑": "editor",  # zh
    "編輯": "editor",
    "责任编辑": "editor",
    "責任編輯": "editor",
    "sumber": "source",
    "来源": "source",  # zh
    "來源": "source",
    "source": "source",
    "foto": "ignored",
    "фото": "ignored",  # ru, uk, bg, sr
    "фотография": "ignored",
    "φωτογραφία": "ignored",  # el
    "φωτογραφίες": "ignored",
    "источник": "source",  # ru
    "джерело": "source",  # uk
    "πηγή": "source",  # el
    "photo": "ignored",
    "photos": "ignored",
    "fotos": "ignored",
    "fotografía": "ignored",  # es, pt, it
    "fotografia": "ignored",
    "additional reporting by": "ignored",  # a contributor, not a writer: Reuters' closing credits
    "additional reporting": "ignored",
    "bilder": "ignored",  # de, sv: "Text: X, Bilder: Y"
    "fotoğraf": "ignored",  # tr
    "fotoğraflar": "ignored",
    "zdjęcia": "ignored",  # pl
    "写真": "ignored",  # ja
    "kuvat": "ignored",  # fi, photos
    "kuva": "ignored",
    "bild": "ignored",
    "photos by": "ignored",
    "photo by": "ignored",
    "photography": "ignored",
    "photography by": "ignored",
    "photographs by": "ignored",
    "pictures by": "ignored",
    "illustration": "ignored",
    "illustration by": "ignored",
    "illustrations by": "ignored",
    "fotografer": "ignored",
    "ilustrasi": "ignored",
    "grafis": "ignored",
    "videografer": "ignored",
    "penerjemah": "ignored",
    "translator": "ignored",
    # health publishers credit a reviewer beside the writer: "Medically reviewed by X — Written by Y"
    "reviewed by": "ignored",
    "revisado por": "ignored",  # es, pt: a reviewer beside the writer
    "geprüft von": "ignored",
    "medizinisch geprüft von": "ignored",
    "relu par": "ignored",
    "vérifié par": "ignored",
    "revisionato da": "ignored",
    "ditinjau oleh": "ignored",
    "medically reviewed by": "ignored",
    "clinically reviewed by": "ignored",
    "expert reviewed by": "ignored",
    "legally reviewed by": "ignored",
    "financially reviewed by": "ignored",
    "fact checked by": "ignored",
    "fact-checked by": "ignored",
    "konsultacja merytoryczna": "ignored",  # pl, a health page's expert consultant
    "last modified by": "ignored",  # who last edited a wiki or help page, not who wrote it
    "modified by": "ignored",
    "عکس": "ignored",  # fa, photo
    "फोटो": "ignored",  # hi
    "摄影": "ignored",  # zh
    "攝影": "ignored",
}
# "Posted by" as blog platforms print it in their post footers, in English and localised: Drupal's "Submitted by X
# on Tue, 12/09/2025 - 10:32", Blogger's "Diposting oleh X di 20.15", WordPress themes' "Publié par", "Gepostet von",
# "Publicado por", "Pubblicato da", "Geplaatst door"
POSTED_BY_LABEL = (
    r"(?:posted|written|published|submitted)\s+by|(?:diposting|ditulis)\s+oleh|(?:publié|écrit|posté)\s+par"
    r"|(?:gepostet|geschrieben|veröffentlicht)\s+von|(?:publicado|escrito)\s+por|(?:pubblicato|scritto)\s+da"
    r"|(?:geplaatst|geschreven)\s+door"
)
# labels of credits for someone other than the writer: the desk editor, the photographer, a medical reviewer
NOT_AUTHOR_LABELS = frozenset(label for label, role in _LABEL_ROLES.items() if role in ("editor", "ignored"))
_LABEL_WORDS = "|".join(sorted((re.escape(k) for k in _LABEL_ROLES), key=len, reverse=True))
# "Red:" needs its colon; "Editing by" reads as a label without one
# a Japanese credit joins its label with a middle dot: "文・佐藤美咲　写真・田中健"
# the scripts that do not capitalise names print their label and the name with just a space: "作者 林一舟",
# "글쓴이 김지원", "เขียนโดย ณัฐพล ศรีสุข", "بقلم ليلى الحسيني"
_LABEL = re.compile(
    rf"(?:^|(?<=[\s/|;,(（]))(?P<label>{_LABEL_WORDS})"
    # an Indonesian regional desk's label names its place: "Kontributor Kutai Barat: Yohanes Lahang"
    r"(?:(?:(?<=kontributor)|(?<=koresponden)|(?<=jurnalis)|(?<=wartawan))\s+(?-i:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})"
    r"(?=\s*:))?"
    r"(?:\s*[:：]\s*|(?<=文)・|(?<=写真)・|(?<=\bby)\s+"
    # "Escrito por X · Revisado por Y", "Geplaatst door X"
    r"|(?<=\bpor)\s+|(?<=\bvon)\s+|(?<=\bpar)\s+|(?<=\bda)\s+|(?<=\boleh)\s+|(?<=\bdoor)\s+"
    r"|(?<=作者)\s+|(?<=撰文)\s+|(?<=글쓴이)\s+|(?<=เขียนโดย)\s*|(?<=بقلم)\s+|(?<=글)\s+(?=[가-힣]{2,4}\b)|(?<=사진)\s+"
    # a Chinese label and the name joined by a slash: "文／林怡君　攝影／陳冠宇"
    r"|(?<=[\u4e00-\u9fff])\s*[／/]\s*(?=[\u4e00-\u9fff])"
    # or, rendered from inline elements, glued to a name the stamp follows: "作者林一舟·2024年3月5日"
    r"|(?<=作者)(?=[\u4e00-\u9fff]{2,4}\s*[·|/]))",
    re.IGNORECASE,
)
# "by" in Indonesian, English, German, French, Spanish/Portuguese, Dutch, the Scandinavian languages, Italian,
# Swahili, Romanian, Hebrew, Thai and Egyptian Arabic ("كتب", "wrote"); Italian "di" and Romanian "de" only in lower
# case, Swahili "Na" only capitalised: "Di notte …" opens a sentence and "Di Maio" is a surname
_LEADING_BY = re.compile(
    r"^(?P<by>oleh|by|von|par|por|door|av|(?-i:di)|(?-i:Na)|(?-i:de)|מאת|โดย|كتبت?)\s*[:-]?\s+(?P<names>.+)$",
    re.IGNORECASE,
)
# these also open headings and sentences ("Von Berlin nach Paris", "Par la Rédaction", "Por favor", "di buona
# lena") and German capitalises its nouns: after them only full names count, a first and a last name, not starting
# with a particle
_AMBIGUOUS_BY = frozenset({"von", "par", "por", "door", "av", "di", "na", "de", "מאת", "โดย", "كتب", "كتبت"})
# the date of a stamp beside a byline: "Dec. 19, 2025", "3 March 2024", "2024-03-02", "12/19/2025", "04.03.2025"
_STAMP_DATE = (
    r"(?:[^\W\d_]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+[^\W\d_]{3,9}\.?\s+\d{4}"
    r"|\d{1,2}\s+de\s+[^\W\d_]{3,9}\s+de\s+\d{4}"  # "5 de março de 2024"
    r"|\d{4}-\d{2}-\d{2}|\d{4}[./]\d{1,2}[./]\d{1,2}"  # "2024.03.05", Korean and Chinese sites
    r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{2,4})"
)
# "Guest post by Jane Roe, a property manager based in Columbus.": a blog's credit for an outside writer, the name
# up to the comma that opens her description (a lower-case word)
_GUEST_BY = re.compile(
    r"^(?:this\s+is\s+a\s+)?(?:guest\s+(?:post|article|column|blog\s+post)\s+(?:written\s+)?by"
    r"|(?:ein\s+)?gastbeitrag\s+von)\s*:?\s+(?P<names>.+?)(?:,\s+(?-i:[a-z]).*)?[.!]?$",
    re.IGNORECASE,
)
# the time after a stamp's date: ", 9:40 a.m.", "à 14h02", "um 10:15 Uhr"
_STAMP_CLOCK = r"(?:,?\s*(?:at|à|às|um|om|alle|a\s+las)?\s*\d{1,2}(?:[:.]\d{2}|h\d{2})(?:\s*[ap]\.?m\.?|\s*Uhr)?)?"
# "Published August 7, 2023 by Nicole Burke", "07/11/2021 · por Inês Carvalho": blog headers print the date stamp
# ahead of the byline, the updated one too, glued by a hidden <time> ("2 mai 202412 aprilie 2024 de Andreea …")
_LEADING_STAMP = re.compile(
    rf"^(?:(?:published|posted|updated|{STAMP_LABEL_WORDS})(?:\s+(?:on|le|el|em|am|il|op))?\s+)?"
    r"(?:[^\W\d_]{3,9}'?[^\W\d_]*,?\s+)?"  # weekday
    rf"(?:{_STAMP_DATE}{_STAMP_CLOCK}\s*[|•·,–—-]?\s*){{1,2}}(?=(?:by|oleh|von|par|por|door|av|(?-i:di|de))\s)",
    re.IGNORECASE,
)
# "By Lisa Jennings on Dec. 19, 2025 · 6 min read", "By Jeff Cobb. Last Updated on December 11, 2025": a stamp
# after the byline, with its label and what follows it
# a broadcaster named after the reporter: "TV Globo", "Rádio Gaúcha", "Radio Bremen", "Canal 13", "Channel 4"
_STATION = re.compile(r"^(?:TV|Radio|Rádio|Rede|Canal|Channel)\s+\S")
# its time may follow the date: "Jumat, 19 Mei 2023 14:05 Reporter : X Editor : Y", "May 2, 2025, 9:40 a.m. ET | By X"
# or a stamp without its year ("Tue 4 Mar Words: Jake Thornton | Photos: Lisa Marsh")
_ENGLISH_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_STAMP_BEFORE_LABEL = re.compile(
    rf"(?:(?:published|posted|updated)(?:\s+on)?:?\s+)?(?:[^\W\d_]{{3,9}},?\s+)?"
    rf"(?:{_STAMP_DATE}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_ENGLISH_MONTH}|{_ENGLISH_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
    r"(?:,?\s*(?:pukul\s+|at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"
    r"(?:\s*[|•·]\s*\d{1,3}\s*min(?:ute)?s?(?:\s+read)?)?(?:\s*[•·])?",  # a reading time: "Sep 12, 2023 · 6 min ·"
    re.IGNORECASE,
)
_TRAILING_STAMP = re.compile(
    rf"\.?(?:\s*{ENGLISH}\b:?)?"  # its label, even glued: "SanSonePublished"
    # a hyphen separates only with a space beside it: in "Vasquez-Moreau Oct. 8" it joins a double surname
    rf"(?:(?:\s+on\s+|\s*[|•·,–—]\s*|\s+-\s*|-\s+)(?:[^\W\d_]{{3,9}},?\s+)?|\s+(?:{WEEKDAY_WORDS}\.?,?\s+)?|\s+)"
    rf"{_STAMP_DATE}\b.*$",
    re.IGNORECASE,
)
_REPORT_OF = re.compile(
    r"^laporan\s+(?:wartawan|reporter|koresponden|kontributor|jurnalis)\s+"
    # "Laporan Wartawan Tribunnews.com, Nama" / "Laporan wartawan Tribun Jabar, Nama": the outlet precedes the comma
    r"(?:(?P<outlet>[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net|org))\s*,?\s*|(?P<outlet_name>[^,]{2,60}),\s*)?"
    r"(?P<names>.+)$",
    re.IGNORECASE,
)
# a correspondent's credit instead of a "By": "Anna Kessler reports from Kyiv", "Lyse Doucet, reporting from Gaza"
_REPORTS_FROM = re.compile(
    r"^(?P<names>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}),?\s+(?:reports|reporting)\s+from\s+[A-Z][\w .,'’-]{1,40}$"
)
# "and" in the same languages, lower case only ("Ortega y Gasset" is rare, "E. Smith" is an initial)
_NAME_SPLIT = re.compile(
    r"\s*(?:,|、|，|;|&|/|\band\b|\bdan\b|\bwith\b|\bavec\b|(?-i:\b(?:und|et|y|e|en|och|og|i|ve|và|na|и|con|și|şi)\b))\s*",
    re.IGNORECASE,
)
# the same separators, kept: after a job title or an affiliation only "and Name" brings in a further author
_NAME_SEPARATOR = re.compile(rf"({_NAME_SPLIT.pattern})", re.IGNORECASE)
_CONJUNCTION = re.compile(r"&|\band\b|\bdan\b|(?-i:\b(?:und|et|y|e|en|och|og)\b)", re.IGNORECASE)
# "Kontributor Bitung", "Koresponden Jayapura": a regional contributor's label and place before the name
_PLACED_ROLE = re.compile(r"^(?:kontributor|koresponden|wartawan|stringer)\s+\S+$", re.IGNORECASE)
# the label of the link to the writer's profile page, run on after her byline: "… Senior Editor, Audio See full bio"
_PROFILE_LINK = re.compile(
    r"\s*\b(?:see|read|view)\s+(?:(?:the\s+)?(?:full|more|complete|author)\s+)?(?:bio|biography|profile)\b.*$",
    re.IGNORECASE,
)
# "By X ⋅ Review Editor ⋅ Updated ...", "by Jacob Trussell—10 min read"
_TRAILING_NOISE = re.compile(r"\s*(?:[|•·⋅∙]|\s[-–—]\s|[-–—]?\s*\d{1,3}\s*(?:-\s*)?min(?:ute)?s?\.?(?:\s+read)?\b).*$")
# "Updated: Dec 17, 2025", "Publié le …", "Aktualisiert am …" after the names: the stamp, and nothing after it is a name
_STAMP_LABEL_START = re.compile(rf"^{STAMP_LABEL_WORDS}\b", re.IGNORECASE)
# the same label run on after a name in one line: "Par Claire Bommelaer et Agnès Leclair Publié le 04/05/2024"
# a lower-case aside after a name: "Jake Moss (podiatrist) & Lena Ortiz"; "(AP)" and "(Reuters)" stay
_ASIDE = re.compile(r"\s*\((?=[^\W\d_A-Z])[^()]{1,40}\)")
# a described role in brackets after a name: "(LTV news foreign desk editor)", "(Senior Editor)"
_ROLE_ASIDE = re.compile(r"\s*\((?P<words>[^()]{1,80})\)")
_ROLE_ASIDE_MIN_WORDS = 3
_TRAILING_ADDRESS = re.compile(r"\s*[(\[<（]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[)\]>）]?\s*$")
_BRACKETED_REPORTER = re.compile(r"[（(]\s*(?:記者|记者)\s*[^()（）]{2,12}[）)]")
_FONT_SIZE_WIDGET = re.compile(r"\s*【\s*字[号號][^】]{0,12}】\s*$")  # "【字号 大 中 小】" closing a credit row
_CORRECTION_BUTTON = re.compile(r"^[【\[]纠错[】\]]\s*")
_BRACKETED_TAIL = re.compile(r"\s*\((?P<inner>[^\W\d_][^()]{0,28})\)\s*$")  # "By Jane Doe (AP)", "(Jakarta)"
_CREDIT_END = re.compile(r"\s+[|·•—–]\s+")  # where one credit of a row ends: "… · Fact checked by Z · 5 min read"
# the pieces of a "Name · Job Title · stamp" byline: _CREDIT_END's separators, and the slash of "Name / Columnist"
_DETAIL_SEPARATOR = re.compile(r"\s+[·|•–—/]\s+")
_READING_TIME = re.compile(r"\d{1,3}\s*(?:min(?:ute)?s?|m)\s+read", re.IGNORECASE)
_NAME_AND_JOB_MAX_WORDS = 4
# a photo credit in the byline's shape ("Sam Whitford | Photo Editor"), or the desk editor's
_NOT_WRITER_JOB = re.compile(r"photo|editor|illustrat|video|graphic|designer|camera", re.IGNORECASE)
_STAMP_TAIL = re.compile(
    # not "Posted by X"; "last" may be glued to the name by the markup ("By Owen Marchettilast updated 28 February")
    rf"(?<=\S)(?-i:last)?\s*[,|·•–—-]?\s+{STAMP_LABEL_WORDS}\b(?!(?:(?<=posted)|(?<=published))\s+by\s).*$",
    re.IGNORECASE,
)
_DOMAIN = re.compile(rf"^{HOST_NAME}$", re.IGNORECASE)
_JOB_MAX_WORDS = 3
_OFFICE_MAX_WORDS = 6
# "Reporting: which KPIs must be visible in-CRM": lower case first, capitals later, is a phrase; an all-lower-case
# name ("budi santoso") or one opening with a particle ("van der Berg") is not caught
# a regional paper's writer and its name closing the last paragraph: "… Sabtu (9/3) mendatang. (Citta Maya/balipost)"
_OUTLET_SIGNED = re.compile(r"\((?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})/[a-z][\w.-]{2,30}\)\s*$")
# "… by" labels that only a story's own credit uses (not a commenter's "Posted by", not a related story's "By"):
# "Words by Lena Hartmann" printed under a university's news story
_WRITERS_LABELS = frozenset({"words by", "story by"})
# the reporters' and the desk's credits closing a wire story
_WIRE_CREDITS = re.compile(r"^\(?(?:Reporting|Writing|Reporting and writing) by [^;]+;.*\bEditing by ", re.IGNORECASE)
# Polish and Czech degrees written in lower case before a name: "mgr Katarzyna Nowak", "lek. med. Piotr Zieliński",
# "dr hab. inż. Jan Kowalski" (a capitalised "Dr." stays, as the dev set's truth has it)
_LOWERCASE_DEGREE = re.compile(r"^(?:(?:mgr|inż|lek\.\s?med|dr|hab|prof|ing)\.?\s+)+(?=[^\W\d_a-z])")
_EMPLOYER_OPEN = re.compile(r"\b(?:at|of|for)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*$")
_FILED_FROM = re.compile(r"\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}$")
# "Submitted by the family", "Posted by our team": people described, not named
_DESCRIBED_PEOPLE = re.compile(r"^(?:the|a|an|our|my|his|her|their|your)\s")
_LOWERCASE_FRAGMENT = re.compile(r"^(?!(?:" + "|".join(sorted(PARTICLES)) + r")\b)[a-z]\S*\s.*\b[A-Z]")
# "Jan Koch, ARD-Hauptstadtstudio, tagesschau, 27.11.2025 13:40 Uhr": the author line German public broadcasters
# close a story with, the writer, her studio or desk and the outlet, then the stamp
_CLOSING_DATE = (
    rf"(?:\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{2,4}}|{_STAMP_DATE})"
    r"(?:,?\s+(?:um\s+|at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:Uhr|h|[ap]\.?m\.?))?)?"
)
_CLOSING_BYLINE = re.compile(rf"^(?P<name>[^,]+),(?P<desks>(?:[^,]+,){{0,3}})\s*{_CLOSING_DATE}$", re.IGNORECASE)
_CLOSING_DESK_MAX_WORDS = 4
# a story signed with the writer's bare name as its last paragraph ("Quỳnh Trang", as VnExpress prints it): two to
# four capitalised words, a hyphenated or apostrophised part or an initial ("J.") allowed
_SIGNED_WORD = re.compile(r"^(?:[^\W\d_]\.|[^\W\d_][^\W\d_A-Z]*(?:[-'’][^\W\d_][^\W\d_A-Z]*)*)$")
_SIGNED_PART_MAX_CHARS = 16  # "Pamela Wilsonbigbrandsystem": a name glued to a brand is no signature
# what closes a page or a story and is capitalised like a name: "Hide All", "Read More", "Thank You", "Happy
# Holidays"; Vietnamese "Theo Tuổi Trẻ" credits the source ("according to"), not a writer
_NOT_SIGNED_WORDS = frozenset(
    {
        "all",
        "more",
        "read",
        "show",
        "hide",
        "view",
        "share",
        "related",
        "next",
        "previous",
        "back",
        "top",
        "comments",
        "posts",
        "stories",
        "thanks",
        "thank",
        "you",
        "happy",
        "holidays",
        "cheers",
        "regards",
        "sources",
        "links",
        "tags",
        "references",
        "notes",
        "summary",
        "end",
        "the",
        "continue",
        "subscribe",
        "follow",
        "us",
        "home",
        "contact",
        "theo",
    }
)
_DASH_SIGNED = re.compile(
    r"^[—–―-]\s*(?:(?:pastor|rev\.?|reverend|father|fr\.|sister|brother|rabbi|imam|deacon)\s+)?(?P<name>[^,(]+?)"
    r"\s*(?:[,(].*)?$",
    re.IGNORECASE,
)
_DASH_SIGNED_MAX_WORDS = 8
_SIGNED_MIN_STORY_LINES = 2
_MAX_SIGNED_NAMES = 3
_HEAD_LINES = 2
_REPORT_OF_LINES = 8  # how far down the story a "Laporan Wartawan …" credit is read
_TAIL_LINES = 6
_MAX_BYLINE_WORDS = 24
_MAX_CREDIT_WORDS = 12  # a "By …" line's words, initials and "and" left out (_credit_words)
_INITIAL_OR_AND = re.compile(r"(?:\w\.){1,3},?|and|&", re.IGNORECASE)
_GUEST_NOTE_MAX_WORDS = 60


def extract_bylines(paragraphs: list[str]) -> tuple[list[str], Byline]:
    """(paragraphs without credit lines, the credits) from the first and last lines of the body."""
    byline = Byline()
    kept = list(paragraphs)
    head = min(_HEAD_LINES, len(kept))
    for index in range(head):
        parsed = read_byline(kept[index], at_start=True)
        if parsed is not None:
            byline.merge(parsed)
            kept[index] = ""
        elif (inline := inline_credit(kept[index])) is not None:
            byline.merge(inline)  # the credit opens the story's first sentence: the line stays
    for index in range(head, min(_REPORT_OF_LINES, len(kept))):
        # a Tribun story's "Laporan Wartawan Tribun Bali, X" may follow its summary box ("Ringkasan Berita:" and
        # three points): the line names its kind of credit itself
        if _REPORT_OF.match(kept[index]) and (parsed := read_byline(kept[index], at_start=True)) is not None:
            byline.merge(parsed)
            kept[index] = ""
    for index in range(max(head, len(kept) - _TAIL_LINES), len(kept)):
        parsed = read_byline(kept[index], at_start=False)
        if parsed is not None:
            byline.merge(parsed)
            kept[index] = ""
    kept = [p for p in kept if p]
    if len(kept) > _SIGNED_MIN_STORY_LINES and (signed := _signatures(kept[-1]) or _dash_signature(kept[-1])):
        byline.signed += signed
        kept.pop()
    elif kept and (closing := _OUTLET_SIGNED.search(kept[-1])) is not None:
        byline.signed.append(closing["name"])  # the sign-off stays in the story's last sentence, as printed
    return kept, byline


def closing_editors(lines: list[str]) -> list[str]:
    """The desk editors a labelled line among the last lines of the story names ("Edição: Fernando Fraga"), read
    from the lines as extracted, before boilerplate removal drops such closing credits."""
    editors: list[str] = []
    for line in lines[-_TAIL_LINES:]:
        parsed = _read_labelled(line.strip())
        if parsed is not None:
            editors += [name for name in parsed.editors if name not in editors]
    return editors


def closing_credits(lines: list[str]) -> Byline:
    """The credits printed under the story, outside the text's own container: Tirto's and Antara's "Penulis: X" /
    "Pewarta: X" and "Editor: Y" close the page's story box, a newsletter column its "— Name" signature (on the first
    line under the text only). Otherwise only a line opening with a label and its colon counts, and not a "… by"
    label: under the story a bare name or a "By" line may be a related story's, a commenter's "Posted by: Gabriel at
    …" follows the post, and a blog's own "Posted by David at 11:15 AM" footer is read by its own rule. "Words by" and
    "Story by" are a story's own credit only, as is a wire story's "(Reporting by …; Editing by …)"."""
    byline = Byline(authors=_dash_signature(lines[0]) if lines else [])  # "— Pastor Dan Whitley" under the text
    if lines and _BRACKETED_REPORTER.fullmatch(lines[0].strip()) and (reporter := role_credit(lines[0][1:-1])):
        byline.merge(reporter)  # a Japanese paper's "（記者 中村健一）" right under the text
    for line in lines:
        text = line.strip()
        label = _LABEL.match(text)
        name = label.group("label").lower() if label else ""
        if (
            label
            and ((":" in label.group() and not name.endswith(" by")) or name in _WRITERS_LABELS)
            and (parsed := _read_labelled(text)) is not None
        ):
            byline.merge(parsed)
    byline.merge(wire_credits(lines))
    return byline


def wire_credits(lines: list[str]) -> Byline:
    """The credits a wire story closes with, under its text: "(Reporting by Howard Schneider and Ann Saphir; Editing
    by Andrea Ricci)". They name the reporters also where the page credits only the wire service above the story."""
    byline = Byline()
    for line in lines:
        if _WIRE_CREDITS.match(line.strip()) and (parsed := _read_labelled(_unbracketed(line.strip()))) is not None:
            byline.merge(parsed)
    return byline


def signature(line: str) -> str | None:
    """The writer's name when the line is nothing but a person's name, two to four capitalised words ("Quỳnh
    Trang"): how some outlets sign a story in its last paragraph. Not a line of the page's furniture ("Hide All",
    "Thank You"), a wire or source credit ("Theo Reuters"), a desk or a job title."""
    text = line.strip()
    words = text.split()
    if not 2 <= len(words) <= 4 or not looks_like_name(text, strict=True) or JOB_TITLE.search(text):
        return None
    for word in words:
        if word.lower() in PARTICLES:
            continue
        if not _SIGNED_WORD.match(word) or word.casefold() in _NOT_SIGNED_WORDS or wire_service(word) is not None:
            return None
        if any(len(part) > _SIGNED_PART_MAX_CHARS for part in re.split(r"[-'’]", word)):
            return None
    if sum(word.lower() not in PARTICLES for word in words) < 2 or desk_credit(text) or _STAMP_LABEL_START.match(text):
        return None
    return text


def _signatures(line: str) -> list[str]:
    """The names signing a story, one or a few joined by "and" in the page's language ("Nguyễn Thu Hà và Trần Minh
    Đức"); [] when any piece is no signature."""
    pieces = [piece for piece in _NAME_SPLIT.split(line.strip()) if piece]
    if not 1 <= len(pieces) <= _MAX_SIGNED_NAMES:
        return []
    names = [signature(piece) for piece in pieces]
    return [name for name in names if name is not None] if all(names) else []


def _dash_signature(line: str) -> list[str]:
    """ "— Margaret Olsen, Hadley", "— Pastor Dan Whitley": a letter or a newsletter column signed under its text
    after a dash, with the writer's town or role after a comma and a pastoral title before the name."""
    match = _DASH_SIGNED.match(line.strip())
    if match is None or len(line.split()) > _DASH_SIGNED_MAX_WORDS:
        return []
    name = signature(match["name"])
    return [name] if name else []


def _closing_byline(text: str) -> Byline | None:
    """ "Jan Koch, ARD-Hauptstadtstudio, tagesschau, 27.11.2025 13:40 Uhr": a full name, the desks she writes
    for (compounds, a brand in lower case, no prose) and the stamp, closing the story."""
    match = _CLOSING_BYLINE.match(text)
    if match is None:
        return None
    name = match["name"].strip()
    if len(name.split()) < 2 or not looks_like_name(name, strict=True) or JOB_TITLE.search(name):
        return None
    desks = [desk.strip() for desk in match["desks"].split(",") if desk.strip()]
    if any(len(desk.split()) > _CLOSING_DESK_MAX_WORDS or not is_affiliation(desk) and " " in desk for desk in desks):
        return None
    return Byline(authors=[name])


def read_byline(line: str, *, at_start: bool) -> Byline | None:
    """The credits in one line, or None when the line is not made of credits only."""
    text = _unbracketed(line.strip())
    words = len(text.split())
    # a guest-post note runs on about the writer ("This is a guest post by X, a Dutch illustrator who …")
    if not text or words > _GUEST_NOTE_MAX_WORDS or (words > _MAX_BYLINE_WORDS and not _GUEST_BY.match(text)):
        return None
    text = _PROFILE_LINK.sub("", _STAMP_TAIL.sub("", _FONT_SIZE_WIDGET.sub("", text)))
    labelled = _read_labelled(text)
    if labelled is not None:
        return labelled
    agency = wire_service(text)
    if agency is not None:
        return Byline(agencies=[agency])  # a lone "(Antara)" closing the story, a lone "PTI" opening it
    if not at_start:
        # "김민수 기자 minsu@hanuldaily.co.kr": a reporter's credit with her address, closing the story
        unaddressed = _TRAILING_ADDRESS.sub("", text) if "@" in text else text
        # or a Japanese or Chinese reporter's credit closing the story: "（記者 中村健一）"
        reporter = unaddressed != text or CJK_REPORTER_WORD.search(text) is not None
        return _closing_byline(text) or (role_credit(unaddressed) if reporter else None)
    # "Par Claire Dubreuil (Nantes, correspondante)": the aside that describes her goes
    unstamped = _ROLE_ASIDE.sub(_unless_names, _TRAILING_STAMP.sub("", _LEADING_STAMP.sub("", text)))
    match = _REPORT_OF.match(unstamped) or _GUEST_BY.match(unstamped) or _LEADING_BY.match(unstamped)
    if match is None:
        reporting = _REPORTS_FROM.match(unstamped)
        if reporting is not None:
            return _credit(reporting["names"], "author", strict=True)
        addressed = "@" in text and role_credit(_TRAILING_ADDRESS.sub("", text))  # "김민수 기자 minsu@…"
        return role_credit(text) or addressed or _name_and_job(text)
    text = unstamped
    if _credit_words(match["names"] if match.re is _GUEST_BY else text) > _MAX_CREDIT_WORDS:
        return None
    if match.re is _LEADING_BY and match.group("by").lower() in _AMBIGUOUS_BY and not _full_names(match["names"]):
        return None
    # "Von Peter Müller, Frankfurt", "By Jane Doe, London": after a full name, a one-word piece is the place she
    # writes from; Indonesian credits ("Oleh X, Y") name people known by one name
    places = match.re is not _REPORT_OF and (match.re is _GUEST_BY or match.group("by").lower() != "oleh")
    names, bracketed_agency = _bracketed_tail(without_filing_place(match.group("names")))
    credit = _credit(names, "author", strict=True, places=places)
    if credit is not None:
        credit.others += _other_credits(text)
        credit.agencies += [bracketed_agency] if bracketed_agency else []
    return credit


def _job_at_office(piece: str) -> bool:
    """A job word in lower case, then the office's capitalised name: "pegawai Direktorat Jenderal Pajak", "dosen
    Universitas Airlangga". After a writer's full name it describes her, in languages that do not capitalise
    jobs."""
    words = piece.split()
    return (
        2 <= len(words) <= _OFFICE_MAX_WORDS
        and words[0].isalpha()
        and words[0].islower()
        and words[0] not in PARTICLES
        and all(word[:1].isupper() for word in words[1:])
    )


def _in_lower_case(piece: str) -> bool:
    """Two or three words of a cased script, all letters and in lower case: a job ("технический директор"), never a
    name after a capitalised one. A longer run is a sentence ("…, who covered the council for years")."""
    words = piece.split()
    return 2 <= len(words) <= _JOB_MAX_WORDS and all(word.isalpha() and word.islower() for word in words)


def _bracketed_tail(names: str) -> tuple[str, str | None]:
    """ "Jane Doe (AP)", "Jane Doe (Jakarta)": the names without a bracketed wire service or place after them, and
    the wire service."""
    tail = _BRACKETED_TAIL.search(names)
    if tail is None:
        return names, None
    agency = wire_service(tail["inner"])
    if agency is None and not looks_like_name(tail["inner"]) and not tail["inner"].istitle():
        return names, None
    return names[: tail.start()], agency


def _credit_words(text: str) -> int:
    """Words a credit spends on names: initials ("Dana A. Ford", "James S.A. Corey") and the "and" before the last
    name don't count, so four writers of a wire story fit where a sentence that only starts with "By" doesn't."""
    return sum(1 for word in text.split() if not _INITIAL_OR_AND.fullmatch(word))


def _name_and_job(text: str) -> Byline | None:
    """ "Hana Sørensen · Head of Engineering", "Tunde Oyelaran | Developer Advocate · 2024-08-29 · 6 min read": a
    company blog's byline, the writer's full name and her job (then the stamp), no "by"."""
    pieces = _DETAIL_SEPARATOR.split(text.strip())
    while len(pieces) > 2 and (is_stamp_only(pieces[-1]) or _READING_TIME.fullmatch(pieces[-1])):
        pieces.pop()  # "… · 2024-08-29 · 6 min read"
    if len(pieces) != 2:
        return None
    name, job = pieces[0].strip(), pieces[1].strip()
    if (
        2 <= len(name.split()) <= _NAME_AND_JOB_MAX_WORDS
        and len(job.split()) <= _NAME_AND_JOB_MAX_WORDS
        and JOB_TITLE.search(job)
        and not _NOT_WRITER_JOB.search(job)
        and not JOB_TITLE.search(name)
        and not ORGANISATION_WORD.search(name)
        and looks_like_name(name, strict=True)
        and not re.search(r"\d", job)
    ):
        return Byline(authors=[name])
    return None


def _other_credits(text: str) -> list[str]:
    """The people a byline credits for something else after its writers: "By A and B · Fact checked by Z"."""
    others: list[str] = []
    for match in _LABEL.finditer(text):
        if _LABEL_ROLES[match.group("label").lower()] == "ignored":
            value = _CREDIT_END.split(text[match.end() :], maxsplit=1)[0]
            if (credit := _credit(value, "author", strict=False)) is not None:
                others += credit.authors
    return others


def _full_names(names: str) -> bool:
    """After an ambiguous "by" word the credit must open with a full name, a first and a last name not starting
    with a particle, and every further name must be full too; a piece that is no name (an outlet's desk, "g1 SP")
    is left to _credit."""
    pieces = [piece.strip(" .,:;") for piece in _NAME_SPLIT.split(_TRAILING_NOISE.sub("", names))]
    pieces = [piece for piece in pieces if piece]
    if not pieces:
        return False
    return all(
        len(piece.split()) >= 2 and piece.split()[0].lower() not in PARTICLES
        for index, piece in enumerate(pieces)
        # a one-word piece after the first name is the place ("Von Peter Müller, Frankfurt"), which _credit drops
        if index == 0 or (looks_like_name(piece, strict=True) and len(piece.split()) >= 2)
    )


def _read_labelled(text: str) -> Byline | None:
    text = _ROLE_ASIDE.sub(_unless_names, text)  # "Author: X (foreign desk editor)": no label inside the aside
    matches = list(_LABEL.finditer(text))
    # before the first label only a stamp may stand: "Posted 10/03/2023 | Submitted by Carla Dunn"
    if not matches or (
        (before := text[: matches[0].start()].strip(" /|;,-–—[]()\u3000"))
        and not _STAMP_BEFORE_LABEL.fullmatch(before)
        and not is_stamp_only(before)  # "Közzétéve: 2006. május 9. | Szerző: …", "[ 5/3/2009 ] Автор: …"
    ):
        return None
    byline = Byline()
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following is not None else len(text)
        value = _TRAILING_STAMP.sub("", text[match.end() : end]).strip().strip(" /|;,-–—")  # "X on Tue, 12/09/2025"
        role = _LABEL_ROLES[match.group("label").lower()]
        if role == "ignored":
            if (other := _credit(value, "author", strict=False)) is not None:
                byline.others += other.authors
            continue
        credit = _credit(value, role, strict=False)
        if credit is None:
            return None
        byline.merge(credit)
    return byline


def _unbracketed(text: str) -> str:
    """ "(Antara)", "[Reuters]", "【责任编辑:张樵苏】": a credit printed in brackets, without them (and without the
    "【纠错】" report-an-error button Xinhua prints before its editor); a bracket closing an aside ("Anna Ūdre (LTV
    news editor)") stays."""
    text = _CORRECTION_BUTTON.sub("", text)
    while len(text) > 1 and text[0] + text[-1] in ("()", "[]", "【】", "（）"):
        text = text[1:-1].strip()
    return text


def _unless_names(aside: re.Match[str]) -> str:
    """An aside in brackets kept when it may name someone ("(AP)", "(with Jane Doe)"), dropped when it describes
    the writer: a job title, several words mostly in lower case ("(LTV Ziņu dienesta ārzemju ziņu redaktore)"), or a
    place and a job in lower case ("(Nantes, correspondante)")."""
    words = aside["words"].split()
    lower = sum(1 for word in words if word[:1].islower())
    role = aside["words"].rsplit(",", 1)[-1].split() if "," in aside["words"] else []
    described = (len(words) >= _ROLE_ASIDE_MIN_WORDS and lower * 2 >= len(words)) or (
        bool(role) and all(word[:1].islower() for word in role)  # her place and job: "(Nantes, correspondante)"
    )
    # her office or team, not a wire: "(University Communications)", Indonesian "(Tim Media Masjid)"
    team = (ORGANISATION_WORD.search(aside["words"]) is not None or aside["words"].startswith("Tim ")) and (
        wire_service(aside["words"]) is None
    )
    return "" if described or team or JOB_TITLE.search(aside["words"]) else aside.group(0)


def _credit(value: str, role: Role, *, strict: bool, places: bool = False) -> Byline | None:
    """The names of one credit's value; None when the value is not made of names. After the first full name, a
    piece that is no name ends the list instead of voiding it: a job title ("By Jane Doe, Senior Director,
    Content & Marketing") or the outlet's desk ("Por Fernanda Lima, g1 SP"); only "and Name" adds a further name
    after that ("By Priya Raman, Energy Editor, and Ben Schultz"). With `places`, a one-word piece after a comma
    that follows a full name is the place the writer files from ("Von Peter Müller, Frankfurt") and ends the names
    the same way."""
    value = _TRAILING_NOISE.sub("", _ROLE_ASIDE.sub(_unless_names, _ASIDE.sub("", value))).strip(" .,:;")
    if (spaced := spaced_han_names(value)) is not None:
        value = "、".join(spaced)
    if not value:
        return None
    byline = Byline()
    names = byline.editors if role == "editor" else byline.authors
    ended = False  # a job title or an affiliation ended the names
    ender_before = False  # ... and it is the piece right before this one
    joined_by = ""  # the separators since the previous piece
    employer_open = False  # the job before names an employer that may go on: "head coach at Iron & Oak Fitness"
    for position, token in enumerate(_NAME_SEPARATOR.split(value)):
        if position % 2:
            joined_by += token
            continue
        raw = token.strip(" .,:;()[]\"'")
        piece = _LOWERCASE_DEGREE.sub("", without_trailing_role(without_outlet_suffix(raw)))
        filed_from = _FILED_FROM.search(piece)
        if filed_from is not None and len(piece[: filed_from.start()].split()) >= 2:
            piece = piece[: filed_from.start()]  # "Reporting by Farid bin Osman in Kuala Lumpur": where she filed from
        if not piece:
            continue
        # "…, Energy Editor, and Ben Schultz": a name joined by "and" to the job title; "…, Content & Marketing,
        # MarketingSherpa and MECLABS Institute" goes on describing the job
        # "A, Research Director; B, Data Analyst": a semicolon opens the next credit; with no comma before it, an
        # "&" goes on naming her employer: "head coach at Iron & Oak Fitness"
        continues_employer = employer_open and "," not in joined_by
        reintroduced = ender_before and (
            (bool(_CONJUNCTION.search(joined_by)) and not continues_employer) or ";" in joined_by
        )
        joined_before, joined_by, ender_before = joined_by, "", False
        if names and _STAMP_LABEL_START.match(piece):
            break  # "By Jane Doe, Updated: Dec 17, 2025": the stamp, and nothing after it is a name
        if names and CREDENTIAL.match(raw):
            ended = ender_before = True  # "Aisha Rahman, MD, Family Medicine": her degree, then her department
            continue
        if _PLACED_ROLE.match(piece):
            continue  # "Kontributor Bitung, Yudi Rumondor": the desk's label for a regional contributor
        employer_open = False
        if names and JOB_TITLE.search(raw):
            ended = ender_before = True  # her job ("Fifth Grade Teacher"), not more authors
            employer_open = _EMPLOYER_OPEN.search(raw) is not None
            continue
        if names and "," in joined_before and ORGANISATION_WORD.search(piece) and is_affiliation(piece):
            # "Lauren Bishop, University Communications": her office, whose name may go on ("Servicio de
            # Traumatología y Cirugía Ortopédica")
            ended = ender_before = employer_open = True
            continue
        if (
            places
            and not ended
            and len(piece.split()) == 1
            and "," in joined_before
            and any(len(name.split()) >= 2 for name in names)
            and wire_service(piece) is None  # "By Jane Doe, Reuters": the wire she writes for
        ):
            ended = ender_before = True  # the place she writes from
            continue
        if _DOMAIN.match(piece):
            continue  # "TOI Lifestyle Desk / etimes.in": the outlet's address, not a writer
        if names and "," in joined_before and _STATION.match(piece):
            ended = ender_before = True  # "Por Rafael Tavares, TV Serra Alta": the station she reports for
            continue
        if (
            "," in joined_before
            and (_in_lower_case(piece) or _job_at_office(piece))
            and any(len(name.split()) >= 2 for name in names)
            and all(name[:1].isupper() for name in names)
        ):
            ended = ender_before = True  # "Дмитрий Соколов, технический директор": her job, after a capitalised name
            continue
        agency = wire_service(piece)
        is_name = (
            looks_like_name(piece, strict=strict)
            and not _LOWERCASE_FRAGMENT.match(piece)
            and not _DESCRIBED_PEOPLE.match(piece)
        )
        if agency is not None:
            if agency not in byline.agencies:
                byline.agencies.append(agency)
        elif role == "source":
            continue  # "Sumber: Kemenkes" credits a source of facts, not a writer
        elif ended:
            if is_name and reintroduced and len(piece.split()) >= 2:
                names.append(piece)
                ended = False
        elif is_name:
            names.append(piece)
            # "Grace Liddell Senior Editor, Audio": the job title run on after her name goes on past the comma
            ended = ender_before = piece != without_outlet_suffix(raw)
        elif any(len(name.split()) >= 2 for name in names) and is_affiliation(piece):
            ended = ender_before = True
        else:
            return None
    return byline if byline.found or role == "source" else None
