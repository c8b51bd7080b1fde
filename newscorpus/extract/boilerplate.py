"""Line-level cleanup of page furniture that survives body extraction.

Selectors and trafilatura remove most chrome, but news CMSs put widgets inside the article container: the
"A A A Pengaturan Font" font switcher, "Foto : ANTARA/Reuters/..." photo credits, "Baca juga: ..." related
links, embed placeholders ("[Gambas:Video 20detik]"), paywall prompts, copyright and anti-crawling notices,
"follow us on WhatsApp" lines and syndication notes ("Artikel ini telah tayang di ...") at the end, and a trailing
"Komentar" block. Each rule here names one such thing and matches whole lines only, so story text is never cut
mid-paragraph.
"""

from __future__ import annotations

import re
from itertools import accumulate

from newscorpus.extract.agencies import wire_service
from newscorpus.extract.dates import find_written_dates, is_stamp_only
from newscorpus.extract.flags import teaser_phrase_in
from newscorpus.extract.stamp_labels import ENGLISH, EUROPEAN, INDONESIAN
from newscorpus.extract.text_lines import normalize_block
from newscorpus.extract.words import SENTENCE_ENDS, count_tokens

# "Photo" in he, ar, fa, hi, bn, el, tr, pl, hu, ja, ko, zh, sw, tl: the label of a caption's credit
PHOTO_WORDS_ABROAD = (
    r"(?:צילום|تصوير|عکس|फोटो|ছবি|Φωτογραφία|Fotoğraf|Zdjęcie|Fotó|写真|사진|攝影|摄影|Picha|Larawan|Kuha\s+ni)"
)
_FONT_WIDGET = re.compile(
    r"^(?:(?:A[+-]?\s*){2,4}|(?:A\s*)*(?:Pengaturan|Ukuran|Atur)\s+(?:Font|Huruf|Teks)|Font\s+Size|(?:A\s*)+"
    r"(?:Pengaturan|Ukuran)\s+(?:Font|Huruf))$",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(
    r"^(?:Foto|Photo|Fotografer|Ilustrasi|Illustration|Sumber\s+foto|Kredit\s+foto|Image|Gambar|Credit|"
    r"Photograph|Grafis|Infografis|"
    # other languages: de, fr, es, pt, it, nl, ru; and those of PHOTO_WORDS_ABROAD
    rf"Bild|Bildquelle|Fotos|Crédits?(?:\s+photo)?|Créditos?|Imagen|Imagem|Immagine|Afbeelding|Фото|{PHOTO_WORDS_ABROAD})"
    r"\s*(?::|：|/|by\b)\s*\S",
    re.IGNORECASE,
)
# "Read also" in pl, tr, ar, hi, vi, th, ja, zh, ko: a label over links to other stories, alone on its line or with
# a colon before the link ("Czytaj też: …", "اقرأ أيضا:")
_READ_ALSO_ABROAD = (
    r"(?:Prze)?czytaj\s+(?:też|także|również)|Ayrıca\s+okuyun|[İIi]lgili\s+haberler|"
    r"[اإأ]قرأ\s+[أا]يض(?:ا\u064b?|\u064bا)|"  # "اقرأ أيضا", "اقرأ أيضاً", "اقرأ أيضًا", "إقرأ ايضا"
    r"(?:यह|ये)\s+भी\s+प(?:ढ\u093c|\u095d)(?:\u0947\u0902|\u093f\u090f)|"  # "ये भी पढ़ें", "यह भी पढ़िए"
    r"Xem\s+thêm|Tin\s+liên\s+quan|อ่านเพิ่มเติม|(?:เรื่อง|ข่าว|บทความ)ที่เกี่ยวข้อง|関連記事|関連ニュース|"
    r"相[关關](?:新[闻聞]|[阅閱][读讀]|文章)|延伸[阅閱][读讀]|관련\s?기사|"
    # he, fa, ur, bn, el, uk, cs, ro, sw, tl
    r"עוד\s+בנושא|קראו\s+(?:עוד|גם)|بیشتر\s+بخوانید|مزید\s+پڑھیں|আরও\s+পড়ুন|Διαβ[άα]στε\s+επ[ίι]σης|"
    r"Читайте\s+також|Čtěte\s+(?:také|též)|Citește\s+și|Soma\s+pia|Basahin\s+din|Polecamy|"
    r"Souvis(?:í|ející\s+články)|[ŞȘ]tiri\s+similare|Articole\s+similare|Zobacz\s+(?:też|także)"
)
_RELATED = re.compile(
    # English "read also" opens sentences too ("Also read the small print, she said"): a label needs its colon,
    # dash, bar or guillemet, or a line of its own
    r"^(?:Read\s+also|Also\s+read)\s*(?:[:|\-–—»›]|$)|"
    # an inline link "YOU MIGHT ALSO LIKE: DIY Limewash Dresser"; alone on its line it heads the related section
    r"^(?:You\s+)?(?:may|might)\s+also\s+(?:like|enjoy)\s*[:|\-–—»›]\s*\S|"
    r"^Baca\s*:\s*\S|"  # CNBC Indonesia's insert: "Baca: IHSG Diprediksi Bergerak Mixed"
    r"^(?:Baca\s+(?:juga|pula)|Lihat\s+juga|Simak\s+juga|Simak\s+video|"
    r"Artikel\s+terkait|Berita\s+terkait|Related(?:\s+(?:articles?|stories|news))?|ADVERTISEMENT|Advertisement|"
    r"Iklan|(?:ADVERTISEMENT\s*)?SCROLL\s+TO\s+(?:CONTINUE|RESUME)\s+WITH\s+CONTENT|Pilihan\s+Editor|"
    r"Editor'?s\s+pick)\b\s*[:\-–—]?|"
    # detik's and Kompas' video inserts: "Lihat Video: Detik-detik …", "Tonton juga: …"
    r"^(?:Lihat|Tonton|Saksikan)(?:\s+juga)?(?:\s+video)?\s*[:\-–—]\s*\S|"
    # de, fr, es, pt, it, nl, ru: these phrases also open sentences ("Mehr zum Thema wollte er nicht sagen"), so
    # only with the colon, dash or guillemet of a link label, or alone on the line
    r"^(?:Lesen\s+Sie\s+(?:auch|mehr)|Auch\s+interessant|Mehr\s+zum\s+Thema|(?:À\s+)?lire\s+(?:aussi|également)|"
    r"Voir\s+aussi|Le(?:[ae]|er)\s+también|Te\s+puede\s+interesar|Leia\s+também|Veja\s+também|Leggi\s+anche|"
    r"Lees\s+ook|Читайте\s+также|" + _READ_ALSO_ABROAD + r")\s*(?:[:：|\-–—»›]|$)|"
    # CNN Indonesia's "Baca berita lengkap dan ikuti …", "Baca artikel selengkapnya di …": a pointer, not the story
    r"^Baca\s+(?:berita|artikel)\s+(?:lengkap|selengkapnya)\w*\b",
    re.IGNORECASE,
)
# A pointer to another page, led by an arrow emoji: "👉 Learn more about AI in dentistry from Overjet.", "➡️ Read more
# about Modular Monoliths:". The arrow and the verb make it a link line; an arrowed "➡️ Tip: Read my day 3 itinerary
# …" or "→ The bottom line: …" opens with a label and is the writer's own text
_ARROWED_POINTER = re.compile(
    r"^(?:👉|➡️?|→|➔|▶️?|👇)\s*(?:Learn|Read|See|Find\s+out|Discover|Explore)\s+(?:more|about)\b", re.IGNORECASE
)
_ARROWED_POINTER_MAX_WORDS = 20
# A related-stories label on a line of its own ("Baca Juga", "Related articles:", "Lesen Sie auch"): main_content.py
# drops it with the list of links it heads; the same links under no label (a list of sources) stay
_RELATED_LABEL = re.compile(
    r"^(?:Baca\s+(?:juga|pula)|Lihat\s+juga|Simak\s+juga|(?:Artikel|Berita)\s+(?:terkait|lainnya|pilihan)|"
    r"Pilihan\s+editor|Rekomendasi(?:\s+untuk\s+anda)?|Read\s+(?:also|more|next)|Also\s+read|"
    r"Related(?:\s+(?:articles?|stories|news|posts|reading|content|links|coverage))?|"
    # "More great bread recipes"
    r"More\s+(?:stories|articles|news)|More\s+(?:[^\W\d_]+\s+){0,2}?(?:recipes|posts|guides)|"
    r"Recommended(?:\s+(?:for\s+you|reading|articles|stories))?|"
    r"Editor['’]?s\s+picks?|"
    # de, fr, es, pt, it, nl, ru
    r"Lesen\s+Sie\s+(?:auch|mehr)|Auch\s+interessant|Mehr\s+zum\s+Thema|Weitere\s+Artikel|Ähnliche\s+Artikel|"
    r"(?:À\s+)?lire\s+(?:aussi|également)|Voir\s+aussi|Sur\s+le\s+même\s+sujet|Le(?:[ae]|er)\s+también|"
    r"Te\s+puede\s+interesar|(?:Noticias|Artículos|Notícias|Artigos)\s+relacionad[oa]s|Leia\s+também|"
    r"Más\s+información|"
    r"Veja\s+também|Leggi\s+anche|Articoli\s+correlati|Lees\s+ook|Gerelateerde\s+artikelen|Читайте\s+также|"
    r"Похожие\s+(?:статьи|новости)|" + _READ_ALSO_ABROAD + r")\s*[:：.…»›|\-–—]*$",
    re.IGNORECASE,
)
_RELATED_LABEL_MAX_CHARS = 40
# The editors' initials closing a story at Indonesian outlets: detik's "(rdp/imk)", CNN Indonesia's "(fby/sfr)",
# Koran Jakarta's "sur/AR-3". Two to four groups of 2-4 letters joined by "/", the first in lower case (an agency
# credit "(AP/AFP)" is upper case and stays for the agency reader); a pair of words ("and/or") is not one
_EDITOR_CODE = r"(?!(?:and/or|he/she|his/her|him/her|km/jam)\b)[a-z]{2,4}(?:/[A-Za-z]{2,4}(?:-\d{1,2})?){1,3}"
# alone on the last line, one bracketed code is enough: Sindonews' and Okezone's "(abd)"
_EDITOR_CODE_LINE = re.compile(
    rf"\(?{_EDITOR_CODE}\)?|\([a-z]{{2,4}}\)|"
    # the Tribun network's and Bali Post's code or site with it: "(cr24/tribun-medan.com)", "(kmb/balipost)",
    # "(Serambinews.com/Rizwan Fahmi)"
    r"\([a-z]{2,5}\d{0,3}/[a-z][\w.-]{2,30}\)|\([A-Za-z][\w-]*\.(?:com|co\.id|id)/[^()/]{2,40}\)"
)
# Latin American and Spanish papers' editor initials on the last line, in capitals: Milenio's "JLMR", "LHM/AGP" (an
# agency's name there, "AFP", "EFE", is a wire sign-off the agency reader reads from the page)
_EDITOR_INITIALS_LINE = re.compile(r"[A-ZÁÉÍÓÚÑ]{3,5}(?:/[A-ZÁÉÍÓÚÑ]{2,5}){0,2}")
# at the end of the last paragraph, in brackets after its closing stop or quote: "… pada 27 November. (rdp/imk)"
_EDITOR_CODE_AT_END = re.compile(rf"(?<=[.!?\"”’])\s*\({_EDITOR_CODE}\)$")
_RIGHTS_RESERVED = (
    r"(?:All\s+rights\s+reserved|Alle\s+Rechte\s+vorbehalten|Tous\s+droits\s+réservés|"
    r"Todos\s+los\s+derechos\s+reservados|Todos\s+os\s+direitos\s+reservados|Tutti\s+i\s+diritti\s+riservati|"
    r"Alle\s+rechten\s+voorbehouden|Все\s+права\s+защищены|"
    # ko, ja, zh: "unauthorised copying and redistribution prohibited", "all rights reserved"
    r"무단\s*전재|無断(?:転載|複製)|版[权權]所有)"
)
# A placeholder an embed left in the text: detik's "[Gambas:Video 20detik]", "[Gambas:Instagram]", CNN Indonesia's
# "[Gambas:Video CNN]", a WordPress "[embed]" or "[video]" code that was not expanded
_EMBED_TOKEN = re.compile(
    r"^\[\s*/?(?:Gambas|Embed|Video|Instagram|Twitter|Tweet|YouTube|Facebook|TikTok)\b[^\[\]]{0,80}\]$", re.IGNORECASE
)
_EMBED_TOKEN_MAX_CHARS = 100
# The outlet's "follow us" line at the end of the story: Kompas' "Simak breaking news ... WhatsApp Channel : https://…",
# Okezone's "Follow WhatsApp Channel Okezone ...", Media Indonesia's "Cek berita dan artikel yg lain di Google News
# dan ikuti WhatsApp channel ...". A verb opening a sentence (an imperative), then the channel it points to; a story's
# sentence about WhatsApp ("Pengguna WhatsApp di Indonesia ...") opens with no such verb
_FOLLOW_PROMPT = re.compile(
    r"(?:^[^\w\s]*\s*|[.!?]\s+)(?:(?:Jangan\s+lupa|Yuk|Ayo|Mari|Don['’]t\s+forget\s+to|Please|And)\s+)?"
    r"(?:follow|ikuti|simak|cek|gabung|bergabung|join|subscribe|"
    # de, fr, es, pt, it, nl, ru; g1's "📲 Participe do canal do g1 RJ no WhatsApp"
    r"folgen|abonnieren|suivez|rejoignez|abonnez-vous|síguenos|sigue|únete|siga|sigam|inscreva-se|participe|"
    r"seguici|segui|"
    r"iscriviti|volg|abonneer|подписывайтесь|подпишитесь)\b"
    r".{0,160}?\b(?:WhatsApp|Google\s+News|Telegram|channel|saluran|kanal|canal|chaîne|канал\w*|"
    r"Facebook|Instagram|newsletter)\b",  # El País' "Sigue toda la información de Madrid en Facebook y X, o en …"
    re.IGNORECASE,
)
_FOLLOW_PROMPT_MAX_WORDS = 50
# The newsroom's tip line under a story: "Do you have a story to share? Email us at newsdesk@…", "Have a story you
# want Denver7 Investigates to look into? Email investigate@denver7.com.", "Got a news tip? Contact …"
_TIP_PROMPT = re.compile(
    r"^(?:Do\s+you\s+have|Have\s+you\s+got|Have|Got)\s+an?\s+(?:story|news\s+tip|tip|news\s+story)\b[^?]{0,80}\?\s*"
    r"(?:E-?mail|Contact|Send|Call|Text|Get\s+in\s+touch|Let\s+us\s+know|Tell\s+us)\b.*",
    re.IGNORECASE,
)
_TIP_PROMPT_MAX_WORDS = 40
# an opinion section's call for responses under a piece: the Guardian's "Do you have an opinion on the issues raised
# in this article? If you would like to submit a response …", a letters page's "The Gazette welcomes letters of up
# to 250 words …"
_RESPONSE_PROMPT = re.compile(
    r"^(?:Do\s+you\s+have\s+an\s+opinion\s+on\s+the\s+issues\s+raised\s+in\s+this\s+(?:article|piece)\?|"
    r"(?:The\s+)?[A-Z][\w.&' -]{1,40}\s+welcomes\s+letters\b)",
)
_RESPONSE_PROMPT_MAX_WORDS = 80
# the outlet's app or account pitch: Okezone's "Dapatkan berita up to date dengan semua berita terkini dari Okezone
# hanya dengan satu akun di ORION, …"
_APP_PROMPT = re.compile(
    r"(?:Dapatkan|Unduh|Download)\s+(?:berita|aplikasi|app)\b.{0,200}\b(?:akun|aplikasi|app|App\s+Store|Play\s+Store)\b",
    re.IGNORECASE,
)
_BRACKETED_EDITOR = re.compile(r"\((?:[A-Z][\w.'’-]+\s){1,3}[A-Z][\w'’-]+\)")
# A syndication note closing a republished story: the Tribun network's "Artikel ini telah tayang di Tribunnews.com
# dengan judul …, https://…", "This article originally appeared in …", "This story was originally published by …".
# Not a note dating the post ("This post was originally published on June 12, 2020 and has been updated"): after
# "on" comes no date. The Conversation's "This article is republished from The Conversation under a Creative Commons
# license" is left: the extraction dev set's truth keeps it as the text's own licence note
_SYNDICATION_NOTE = re.compile(
    r"^(?:(?:Sebagian\s+)?(?:Artikel|Berita|Tulisan|Konten)\s+ini\s+(?:(?:telah|sudah|pernah)\s+)?"
    r"(?:tayang|terbit|dimuat|diterbitkan|ditayangkan|dipublikasikan)\s+(?:di|dalam)\s|"
    r"(?:This|The)\s+(?:article|story|piece|post|report|column|essay|interview)\s+(?:was\s+)?(?:originally\s+|first\s+)?"
    r"(?:appeared|published|ran|posted)\s+(?:originally\s+|first\s+)?(?:on|in|at|by)\s+"
    r"(?!(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d))|"
    r"A\s+version\s+of\s+this\s+(?:article|story|piece)\s+(?:first\s+|originally\s+)?(?:appeared|ran|was\s+published)\s|"
    # de, fr, es, pt, it, nl
    r"(?:Dieser|Der)\s+(?:Artikel|Beitrag|Text)\s+(?:ist\s+)?(?:erschien|erschienen)?\s*(?:zuerst|ursprünglich)\s|"
    r"Cet\s+article\s+(?:a\s+(?:été\s+)?(?:initialement|originellement|d['’]abord)\s+(?:été\s+)?(?:publié|paru)|"
    r"est\s+republié)\s|"
    r"Este\s+(?:artículo|artigo|texto)\s+(?:fue|foi|se)\s+(?:publicado\s+)?(?:originalmente|republicado)\s|"
    r"Questo\s+articolo\s+(?:è\s+stato\s+)?(?:pubblicato\s+originariamente|originariamente\s+pubblicato|ripubblicato)\s|"
    r"Dit\s+(?:artikel|stuk)\s+(?:verscheen|is)\s+(?:eerder|oorspronkelijk)\s)",
    re.IGNORECASE,
)
_SYNDICATION_MAX_WORDS = 80
# The credits the Tribun network prints on the same line after the note ("… https://… Penulis: A | Editor: B"):
# kept for the byline reader, which reads the body's last lines
_CREDIT_LABEL = re.compile(
    r"(?:^|(?<=[\s/|;,.]))(?:Penulis|Editor|Pewarta|Reporter|Wartawan|Kontributor|Redaktur|Penyunting|Author|Writer)"
    r"\s*:",
    re.IGNORECASE,
)
_CLOSING_TAIL_LINES = 4  # the follow prompts and syndication notes are among the body's last lines
_NOTICE = re.compile(
    # "Copyright © 2024 ...", not a heading that starts with the word ("Copyright Office Weighs In on AI Training")
    r"^(?:Copyright\s*(?:©|\(c\)|\d{4}|by\b|.*\b"
    + _RIGHTS_RESERVED
    + r")|Hak\s+cipta\b|저작권자\b|©|\(c\)\s|Riproduzione\s+riservata\b|"
    + _RIGHTS_RESERVED
    + r"|Dilarang\s+keras\s+mengambil\s+konten|"
    r"Dilarang\s+mengutip|Ikuti\s+berita\s+terkini|Ikuti\s+(?:kami|informasi)\b.*\b(?:Google\s+News|WhatsApp|"
    r"Telegram)|Baca\s+berita\b.{0,60}\bdi\s+Google\s+News\b|Baca\s+berita\s+lain(?:nya)?\s+di\s+sini\b|"
    r"Follow\s+us\s+on|"
    # the PowerPress podcast player's lines: "Podcast: Play in new window | Download (Duration: 54:37 — 50.1MB)",
    # "Subscribe: Apple Podcasts | Spotify | RSS"
    r"Podcast\s*:\s*Play\s+in\s+new\s+window\b|Subscribe\s*:\s*(?:Apple\s+Podcasts|Spotify|RSS|Google\s+Podcasts)\b)",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"^(?:Bagikan|Share(?:\s+this(?:\s+article)?)?|Tweet|Print|Cetak|Salin\s+tautan|Copy\s+link|Email|"
    r"Facebook|Twitter|WhatsApp|Line|Telegram|Top|Back\s+to\s+top|Kembali\s+ke\s+atas|Tags?|Topik|Topics?|"
    r"Selengkapnya|Read\s+more|Baca\s+selengkapnya|Continue\s+reading|\(\s*\d*\s*\)|"
    # a teaser box's label left alone once its links were skipped
    r"Don['’]t\s+miss|Must\s+read|Jangan\s+lewatkan|"
    # de, fr, es, pt, it, nl, ru: share, print, advertisement
    r"Teilen|Drucken|Partager|Imprimer|Compartir|Imprimir|Compartilhar|Condividi|Stampa|Delen|Поделиться|"
    r"Anzeige|Werbung|Publicité|Publicidad|Publicidade|Pubblicità|Advertentie|Реклама|"
    # a live report's refresh switch and its key-events filter
    r"Perbarui\s+otomatis|Auto[- ]?refresh|Auto[- ]?update|Filter\s+key\s+events|"
    # pl, cs, sk, tr, sv, da, no, fi, hu, nl, el, ro, hr/sr
    r"Reklama|Reklam|Reklame|Annons|Annonse|Mainos|Hirdetés|Reclame|Διαφήμιση|Publicitate|Oglas|"
    # ja, zh, ko, vi, fa, he, ar
    r"広告|廣告|广告|광고|Quảng\s+cáo|تبلیغات|פרסומת|إعلان)\s*:?$",
    re.IGNORECASE,
)
_COMMENTS_HEADING = re.compile(
    r"^(?:Komentar|Tulis\s+komentar|Kirim\s+komentar|Beri\s+komentar|Comments?|Leave\s+a\s+(?:comment|reply)|"
    r"(?:Sign\s+the\s+)?Guest\s*book|"  # an obituary's condolences
    r"Cooking\s+notes|"  # a recipe site's reader notes, each a name, a date and a tip
    r"Post\s+a\s+comment|\d+\s+comments?|Komentar\s*\(\s*\d*\s*\)|Comments?\s*\(\s*\d*\s*\)|"
    # de, fr, es, pt, it, nl, ru, pl, tr
    r"(?:\d+\s+)?(?:Kommentare?|Commentaires?|Comentarios?|Comentários?|Commenti|Reacties?|Комментарии|Komentarze|"
    r"Yorumlar)(?:\s*\(\s*\d*\s*\))?|Kommentar\s+schreiben|Laisser\s+un\s+commentaire|Deja\s+un\s+comentario|"
    r"Deixe\s+um\s+comentário|Lascia\s+un\s+commento|Laat\s+een\s+reactie\s+achter)\s*:?$",
    re.IGNORECASE,
)
# Headings that open the page's own sections after the story: the author's bio, links to other stories, a
# comment form. Matched on a short line only, and only cut when what follows is a minor part of the body.
# the end sections that list other stories, which a page may also set inside the text as an insert
_RELATED_HEADING = re.compile(
    r"^(?:Related\b|(?:You\s+)?(?:may|might)\s+(?:also\s+)?(?:like|enjoy)|Read\s+(?:next|more)|Recommended|More\s+"
    r"|Weitere|Ähnliche|Sur\s+le\s+même|Articles?\s+(?:similaires|liés|connexes)|(?:Noticias|Artículos|Notícias|Artigos)"
    r"|Articoli|Gerelateerde|Похожие|Berita|Artikel|Rekomendasi)",
    re.IGNORECASE,
)
_INSERT_LINK_MAX_WORDS = 12
_NUMBERED_HEADING = re.compile(r"^\d{1,2}[.)]\s")
_INSERT_MAX_LINKS = 6
_PROSE_MIN_WORDS = 15
_SENTENCE_END = (*SENTENCE_ENDS, "”", '"', "»")  # or a quotation closing after its sentence
_END_SECTION_HEADING = re.compile(
    r"^(?:About\s+the\s+(?:author|authors|writer|reviewer|contributor)s?|(?:The\s+)?Authors?|Written\s+by|"
    r"Recent\s+(?:posts|articles|stories)|Related\s+(?:posts|articles|stories|reading|content|links)|"
    r"(?:You\s+)?(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)\b.*|More\s+(?:from|stories|articles|news)\b.*|"
    # "More Knox County News", "More Local Stories", and a station's "Latest News Videos"
    r"More\s+(?:[\w'’.-]+\s+){1,3}(?:News|Stories|Headlines)|Latest\s+(?:News\s+)?Videos|"
    r"Read\s+(?:next|more)|Recommended(?:\s+(?:for\s+you|reading|articles|stories))?|Popular\s+(?:posts|articles|stories)|"
    r"More\s+(?:great|top|related)\s+(?:\S+\s+)?(?:stories|articles|news|posts|reads)|Explore\s+further|"
    r"Most\s+(?:read|popular)|Add\s+a\s+comment|Tentang\s+penulis|Berita\s+(?:terkait|lainnya|terpopuler)|"
    r"Artikel\s+(?:terkait|lainnya)|Terpopuler|Rekomendasi(?:\s+untuk\s+anda)?|"
    r"(?:Was|Is|Did\s+you\s+find)\s+(?:this|the)\s+(?:article|page|post|story|information)\s+(?:useful|helpful)\??|"
    r"Apakah\s+artikel\s+ini\s+(?:bermanfaat|membantu)\??|"
    r"Top\s+picks|(?:New|Latest)\s+(?:articles|posts|stories|news)|More\s+resources|Our\s+services|Stay\s+connected(?:\s+with\s+(?:me|us))?|"
    # a reader-revenue ask or a topics list after the text: "Before you move on…", "Explore more on these topics"
    r"Before\s+you\s+(?:move\s+on|go)\b.*|Support\s+(?:\S+\s+){0,4}journalism\b.*|Explore\s+more\s+on\s+th(?:is|ese)\s+topics?\b.*|"
    r"How\s+we\s+reviewed\s+this\s+article|"  # a health publisher's list of sources after the text
    # a newsletter platform's paywall over the rest of a post (Substack)
    r"Keep\s+reading\s+with\s+a\s+\d+-day\s+free\s+trial|This\s+post\s+is\s+for\s+paid\s+subscribers|"
    # de, fr, es, pt, it, nl, ru
    r"Über\s+(?:den|die)\s+Autor(?:in)?|Zur\s+Person|Das\s+könnte\s+(?:Sie|dich)\s+auch\s+interessieren|"
    r"Weitere\s+(?:Artikel|Nachrichten|Beiträge)|Ähnliche\s+(?:Artikel|Beiträge)|À\s+propos\s+de\s+l['’]auteur|"
    r"Sur\s+le\s+même\s+sujet|Articles?\s+(?:similaires|liés|connexes)|Sobre\s+(?:el|la|o|a)\s+autora?|"
    r"(?:Noticias|Artículos|Notícias|Artigos)\s+relacionad[oa]s|L['’]autore|Articoli\s+correlati|"
    r"Potrebbe\s+interessarti|Over\s+de\s+auteur|Gerelateerde\s+artikelen|Похожие\s+(?:статьи|новости)|"
    r"(?:เรื่อง|ข่าว|บทความ)ที่เกี่ยวข้อง|"  # th, related stories
    # the report-a-typo box: "Found a typo?", ru "Нашли ошибку?", lv "Kļūda rakstā?", pl "Znalazłeś błąd?"
    r"(?:Found|Spotted|See)\s+(?:a|an)\s+(?:typo|error|mistake)\?|Нашли\s+(?:ошибку|опечатку)\??|"
    r"Kļūda\s+rakstā\?|Znalazł(?:eś|aś|eś\(aś\))\s+błąd\??)"
    r"\s*[:.!…]*$",
    re.IGNORECASE,
)
# an article toolbar's row of buttons, read as one line
_TOOLBAR_WORDS = frozenset(
    "share tweet whatsapp facebook twitter x email e-mail mail print save saved bookmark comment comments font size "
    "copy link linkedin telegram pinterest reddit listen gift a+ a- aa text".split()
)
_TOOLBAR_MIN_WORDS = 3
_TOOLBAR_MAX_WORDS = 14
# Indian portals close wire copy with "(This story has not been edited by NDTV staff and is auto-generated from a
# syndicated feed.)", and app pitches: "Download The ET App to get Daily Market Updates & Live Business News."
_FEED_NOTE = re.compile(
    r"^\(?\s*(?:this|the)\s+(?:story|article|report|news)\s+has\s+not\s+been\s+edited\s+by\s+.{1,60}?\s+staff\b.*"
    r"|^Download\s+(?:the\s+)?\S+(?:\s+\S+){0,3}\s+App\s+(?:to|for|now)\b.*"
    # Hindustan Times: "This article was generated from an automated news agency feed without modifications to text."
    r"|^(?:this|the)\s+(?:article|story|report)\s+(?:was|is|has\s+been)\s+(?:generated|published|auto-?generated)\s+"
    r"from\s+(?:an?\s+)?(?:automated\s+)?(?:news\s+)?(?:agency\s+)?(?:wire\s+)?feed\b.*",
    re.IGNORECASE,
)
_FEED_NOTE_MAX_WORDS = 40
_END_SECTION_MAX_WORDS = 10
_PAYWALL_MAX_WORDS = 25  # "Become a paid subscriber to X to unlock this piece and learn about:" ends the free text
# A caption that credits its picture at the end: "Protesters in the square (Image: GETTY)", "... | Photo by X"
_CREDIT_AT_END = re.compile(
    rf"\((?:(?:Images?|Photos?|Photograph|Pictures?|Pic|Credit|Foto|Gambar|Sumber\s+foto|{PHOTO_WORDS_ABROAD})"
    r"\s*(?::|：|by\b)|"
    r"(?:AP|AFP|Reuters|Getty|EPA|ANTARA)\b[^()]{0,20}(?:Photo|Images?|Foto)\b)[^()]{0,80}\)\s*$|"
    r"(?:[|.]|\s[-–—])\s*(?:Photo(?:graph)?s?|Images?|Picture|Foto|Credit)\s*(?::|by\b)\s*[^.|()]{1,60}\.?\s*$",
    re.IGNORECASE,
)
# A Chinese caption ends with who took the picture: "…拍照留念。新华社记者 王曦 摄" ("photographed by")
_CJK_PHOTO_CREDIT = re.compile(
    r"(?:记者|記者|通讯员|通訊員|摄影|攝影)\s*[\u4e00-\u9fff·]{2,4}(?:\s*[、，]\s*[\u4e00-\u9fff·]{2,4})*\s*[摄攝]\s*[）)]?\s*$"
)
_CJK_CAPTION_MAX_CHARS = 150
# Media player and gallery widgets' own words
_MEDIA_WIDGET = re.compile(
    r"^(?:Image\s+(?:copyright|caption|source)\b.*|Media\s+playback\s+is\s+(?:unsupported|not\s+supported)\b.*|"
    r"(?:Hide|Show|Toggle)\s+caption|Enlarge\s+this\s+image|Caption|Close|Expand|Play\s+video|Watch\s+video|"
    # Reach's video player: "Video Loading", "The video will start in 8 Cancel"
    r"Video\s+(?:Loading|unavailable)|The\s+video\s+will\s+(?:start|play)\s+in\s+\d+(?:\s+\w+)?|"
    # an Instagram embed's fallback line: "A post shared by Riverside Zoo (@riversidezoo_cf)"
    r"A\s+post\s+shared\s+by\s+.{1,60}\(@[\w.]+\))$",
    re.IGNORECASE,
)
# "Updated" / "Published" in de, fr, es, pt, it, nl
_STAMP_WORDS_ABROAD = rf"{EUROPEAN}(?:\s+(?:am|le|el|em|il|op))?"
_STAMP_ABROAD_MAX_WORDS = 8  # "Publicado el 3 de mayo de 2023, 14:05": longer, it is a sentence that opens with one
# The article header's labels when they land in the body: "Posted On", "5 min read", "Updated on May 2, 2025",
# "Reviewed by: Dr. X" (a reviewer is not an author), "Category: Travel"
_META_LABEL = re.compile(
    rf"^(?:{ENGLISH}(?:\s+(?:on|at|by|in))?|estimated\s+reading\s+time|"
    r"reading\s+time|\d+\s*-?\s*min(?:ute)?s?\s+read|categor(?:y|ies)|filed\s+under|print\s+this\s+(?:page|article)|"
    rf"{INDONESIAN}|waktu\s+baca|" + _STAMP_WORDS_ABROAD + r"|Lesezeit|Temps\s+de\s+lecture|"
    r"Tiempo\s+de\s+lectura|Tempo\s+de\s+leitura|Tempo\s+di\s+lettura|Leestijd)\s*[:,]?$",
    re.IGNORECASE,
)
_META_STAMP = re.compile(rf"^{ENGLISH}\b", re.IGNORECASE)
_META_STAMP_ABROAD = re.compile(r"^" + _STAMP_WORDS_ABROAD + r"\b", re.IGNORECASE)
_LABELLED_META = re.compile(
    r"^(?:(?:medically\s+)?reviewed|fact[- ]?checked|categor(?:y|ies)|filed\s+under)(?:\s+by)?\s*:?,?\s", re.IGNORECASE
)
_META_MAX_WORDS = 12
# "Fox News' Jane Doe contributed to this report." / "Reuters contributed reporting."
_CONTRIBUTED = re.compile(
    r"^[^.]{0,80}\bcontributed\s+(?:to\s+(?:this|the)\s+(?:report|story|article)|(?:additional\s+)?reporting)\b[^.]{0,40}\.?$",
    re.IGNORECASE,
)
# "Sign up for our daily newsletter", "Get the latest news delivered to your inbox"
_NEWSLETTER_PROMPT = re.compile(
    r"\b(?:sign\s+up|subscribe|join|get|receive)\b.{0,80}\b(?:newsletters?|inbox|mailing\s+list)\b", re.IGNORECASE
)
_NEWSLETTER_MAX_WORDS = 25
# a newsletter issue's web copy: "Forwarded this email? Subscribe here …", its reader poll "How did you like today's
# issue?"
_NEWSLETTER_FURNITURE = re.compile(
    r"^(?:(?:Was\s+this\s+(?:e-?mail|newsletter)\s+forwarded\s+to\s+you|(?:Got\s+)?forwarded\s+this\s+"
    r"(?:e-?mail|newsletter))\?|(?:How\s+did\s+you\s+like|What\s+did\s+you\s+think\s+of|How\s+was)\s+today['’]s\s+"
    r"(?:issue|e-?mail|newsletter|edition|post)\?)",
    re.IGNORECASE,
)
_CAPTION_MAX_WORDS = 40
_MEDIA_WIDGET_MAX_WORDS = 8
# A pull quote repeats a sentence of the story, in or without quotation marks, maybe with its speaker's name under
# it after a dash
_PULL_QUOTE_MIN_WORDS = 6
_PULL_QUOTE_MAX_WORDS = 40
_PULL_QUOTE_REACH = 4
_OPENING_QUOTES = frozenset("\"“„«‘'")
_QUOTE_MARKS = re.compile(r"[\"“”„«»‘’']")
_QUOTE_ATTRIBUTION = re.compile(r"^[—–-]\s*\S")
_ATTRIBUTION_MAX_WORDS = 8
_REPEAT_MIN_WORDS = 5  # a line this long printed again within two lines: a caption or a card's hover copy
_REPEAT_WINDOW = 2
_REPEAT_MIN_RUN = 3  # lines repeating an earlier run in order, this many and this long, are a second layout copy
_REPEAT_MIN_RUN_WORDS = 100
# a repeated table row or training week is part of the text; a second copy of a tenth of the body (an FAQ printed
# again by an accordion, the whole story by a responsive layout) is not
_REPEAT_MIN_RUN_SHARE = 0.1
_REPEAT_MAX_COMPARISONS = 200_000
# de, fr, es, pt, it, nl, ru
_TOC_WORDS_ABROAD = (
    r"Inhaltsverzeichnis|Inhalt|Sommaire|Table\s+des\s+matières|Índice|Tabla\s+de\s+contenidos?|Indice|Inhoudsopgave|"
    r"Содержание|Spis\s+treści|Innehåll|Indholdsfortegnelse|Sisällys|İçindekiler|Mục\s+lục|目次|目录|目錄|목차"
)
_TOC_HEADING = re.compile(
    r"^(?:Table\s+of\s+contents?|Contents|In\s+this\s+(?:article|post|guide|story|page)|On\s+this\s+page|Jump\s+to|"
    r"Quick\s+links|Daftar\s+isi|Isi\s+artikel|" + _TOC_WORDS_ABROAD + r")\b.{0,30}$",
    re.IGNORECASE,
)
_TOC_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.):]?|[ivx]+[.)]|[-•·*])\s+", re.IGNORECASE)
_TOC_ENTRY_MAX_WORDS = 15
_TOC_MIN_ENTRIES = 3
# a table of contents' heading left alone once its entries were skipped as page furniture: "Contents hide"
_TOC_HEADING_ALONE = re.compile(
    r"^(?:Table\s+of\s+contents?|Contents|In\s+this\s+(?:article|post|guide|story|page)|On\s+this\s+page|"
    r"Daftar\s+isi|Isi\s+artikel|" + _TOC_WORDS_ABROAD + r")(?:\s+(?:hide|show|toggle))?\s*:?$",
    re.IGNORECASE,
)
# "This post contains affiliate links ... we may earn a commission": a disclosure box, not the story
_AFFILIATE_LINKS = re.compile(
    r"\b(?:affiliate\s+(?:links?|marketer|partners?)|(?:through|via)\s+(?:our|my|these|the)\s+(?:retail\s+)?links|"
    r"qualifying\s+purchases|paid\s+promotion|tautan\s+afiliasi|compensation\s+when\s+you\s+click|"
    # WIRED's and Condé Nast's "If you buy something using links in our stories, we may earn a commission."
    r"(?:using|through|via|from)\s+(?:the\s+)?links\s+(?:in|on)\s+(?:our|this|these|my)\s+\w+)\b",
    re.IGNORECASE,
)
_AFFILIATE_EARNINGS = (
    re.compile(  # the site's own earnings: "we may earn", "I receive a commission", "at no extra cost"
        r"\b(?:(?:we|I|us|this\s+(?:site|website|blog|post|article|page))\b.{0,60}\b(?:earn|receive|make|get)s?\b|"
        r"at\s+no\s+(?:extra|additional)\s+cost|kami\s+(?:mungkin\s+)?(?:mendapat|menerima)\s+komisi)",
        re.IGNORECASE,
    )
)
_AFFILIATE_MAX_WORDS = 60
# A comparison or finance site's partner disclosure: "Advertiser Disclosure", "Many of the offers appearing on this
# site are from advertisers from which this website receives compensation …", "Many or all of the products featured
# here are from our partners who compensate us.", "Editorial Note: We earn a commission from partner links …", a
# product card's "We earn a commission if you make a purchase, at no additional cost to you.", and
# the editorial-standards note beside it ("Our editorial standards: We are committed to …")
_PARTNER_DISCLOSURE = re.compile(
    r"^(?:Advertiser\s+Disclosure\W*$|Editorial\s+(?:Note|Disclosure)\s*:|Our\s+editorial\s+(?:standards|integrity)\s*:|"
    r".{0,80}\b(?:offers|products|cards)\b.{0,60}\b(?:appear\w*|featured|listed)\b.{0,140}\bcompensat|"
    r"(?:We|I)\s+(?:may\s+)?(?:earn|receive|get|make)\s+(?:a\s+)?(?:small\s+)?commission\s+(?:if|when|from|on)\b|"
    # a health publisher's product note: "Healthline only shows you brands and products that we stand behind."
    r"\S+(?:\s+\S+)?\s+only\s+shows\s+you\s+(?:brands|products)\b.{0,40}\bstand\s+behind\b|"
    r"Editorial\s+disclosure$|"
    # "SignalFlow may earn a commission when you buy through links on our site.", "This post may contain affiliate
    # links. Please read my disclosure for more info."
    r"\S+(?:\s+\S+)?\s+may\s+(?:earn|receive)\s+(?:a\s+)?(?:small\s+)?(?:commission|compensation)\s+"
    r"(?:when|if|from|on)\s+(?:you|your|purchases|products|links|sales)\b|"
    r"(?:This|The|Our)\s+(?:post|article|page|site|blog|content)\s+(?:may\s+)?contains?\s+affiliate\s+links\b)",
    re.IGNORECASE,
)
_PARTNER_DISCLOSURE_MAX_WORDS = 70
# view counters, the ad slot's "Article continues below", a feed's "The post X appeared first on Y."
_COUNTER = re.compile(
    r"^\(?(?:\d[\d.,\s]*\s*[km]?\s+(?:views?|reads?|visits?|переглядів|перегляди?|просмотров|просмотра?)"
    r"|Visited\s+[\d,.]+\s+times?\b.{0,40}|Dilihat\s+[\d.,]+\s*(?:kali)?)\)?$",
    re.IGNORECASE,
)
# the report-a-typo hint: "Помітили помилку? Виділіть текст та натисніть Ctrl+Enter", "Found a typo? Select it and
# press Ctrl+Enter"
_CTRL_ENTER = re.compile(r"\bCtrl\s*\+\s*Enter\b", re.IGNORECASE)
_CTRL_ENTER_MAX_WORDS = 25
# a health page's review stamp: "Last medically reviewed on March 4, 2025", "Clinically reviewed Jan 2, 2025", the
# NHS's "Page last reviewed: 14 August 2023" and "Next review due: 14 August 2026"
_REVIEW_STAMP = re.compile(
    r"^(?:(?:page|content|date)\s+)?(?:Last\s+)?(?:medically\s+|clinically\s+|expert\s+)?reviewed:?\s+(?:on\s+)?"
    r"(?=\S*\d|[A-Z][a-z]+\.?\s+\d)|^next\s+review(?:\s+(?:due|date))?:?\s+(?=\S*\d)",
    re.I,
)
_REVIEW_STAMP_MAX_WORDS = 8
# the Newspaper theme's ad label between dashes: "- Advertisement -"
_AD_LABEL_IN_DASHES = re.compile(r"[-–—]\s*(?:Advertisement|Advertising|Sponsored|Iklan|Anzeige)\s*[-–—]", re.I)
# a product pick with its shop button read into the line: "1. Best overall: Levoit Core 400S Check price"
_SHOP_BUTTON_AT_END = re.compile(
    r"\b(?:Check\s+(?:the\s+)?(?:latest\s+)?price|See\s+(?:the\s+)?(?:latest\s+)?price|Check\s+(?:on|at)\s+Amazon|"
    r"View\s+(?:on|at)\s+Amazon|Buy\s+(?:now|on\s+Amazon))\s*[›»→]?$",
    re.IGNORECASE,
)
_SHOP_BUTTON_LINE_MAX_WORDS = 15
_CONTINUES_BELOW = re.compile(
    r"^Article\s+content$|"  # Postmedia's label around every ad slot in the text
    r"^(?:Advertisement\s*[-–—:]?\s*)?(?:(?:Article|Story|Content)\s+continues\s+(?:below|after)"
    r"(?:\s+(?:this\s+)?(?:ad|advertisement))?|Continue\s+reading\s+below|Lanjut(?:kan)?\s+(?:baca|membaca))\W*$",
    re.IGNORECASE,
)
# reader tools' own words: "Pin it for later!", "Share this on:", "Read Later", "Text size", "Listen to this article"
_READER_TOOL = re.compile(
    r"^(?:(?:Enjoy(?:ed)?\s+(?:the|this)\s+(?:post|article|recipe)\?\s*)?Pin\s+(?:it|this|me)\b.{0,20}|"
    r"Share\s+(?:this|it)\s+on\W*|Save\s+(?:it|this)\s+for\s+later\W*|Text\s+size|Read\s+later|"
    r"Listen\s+to\s+(?:this\s+)?(?:article|story)\b.{0,20})$",
    re.IGNORECASE,
)
# WordPress's post footer: "This entry was posted on Monday, March 3rd, 2025 at 4:12 pm by Erik Demaine and is filed
# under News. You can follow any responses to this entry through the RSS 2.0 feed.", "This entry was posted in News
# and tagged folding. Bookmark the permalink."
_POST_FOOTER = re.compile(
    r"^This\s+(?:entry|post)\s+was\s+posted\s+(?:on|in)\s.*?(?:\bfiled\s+under\b|\bpermalink\b|\bresponses\s+to\s+this)",
    re.IGNORECASE,
)
_POST_FOOTER_MAX_WORDS = 80
# a live blog's entry stamp: a clock time, maybe its zone, maybe the writer ("23:41 Nadia Petrova", "9:05 a.m. ET")
_LIVE_STAMP = re.compile(
    # "23:41", "9.41pm", the Guardian's "Updated at 00.40 BST"
    r"^(?:(?:updated|posted)\s+at\s+\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?"
    r"|\d{1,2}(?::\d{2}(?:\s*[ap]\.?m\.?)?|\.\d{2}\s*[ap]\.?m\.?))(?:\s+[A-Z]{2,4})?"
    r"(?:\s+(?P<who>[^\W\d_][\w.'’ -]{1,40}))?$",
    re.IGNORECASE,
)
_LIVE_STAMP_MAX_CHARS = 60
# "Media enquiries", "Press contact:", "Media Contacts", "Scientific contact", "For media inquiries", "Pressekontakt"
_CONTACT_HEADING = re.compile(
    r"(?:for\s+)?(?:(?:media|press|news|scientific|investor)\s+(?:contacts?|enquiries|inquiries|relations)"
    r"(?:\s+contacts?)?|pressekontakt|contact\s+presse|contacto\s+de\s+prensa|kontak\s+media|narahubung|"
    # an Indonesian ministry's release ends with its press bureau: "Biro Humas Kementerian Kominfo", then names
    r"biro\s+(?:humas|hubungan\s+masyarakat)(?:\s+[^\s:]+){0,4})\s*:?",
    re.IGNORECASE,
)
_CONTACT_TAIL_LINES = 14  # a contact block or two: heading, name, job, office, e-mail, telephone
_CONTACT_LINE_MAX_WORDS = 12
_CONTACT_DETAIL = re.compile(r"\S+@\S+\.\w{2,}|(?:^|\s)\+?\(?\d[\d ()./-]{7,}\d$")  # an e-mail address, a phone
_CONTACT_DETAIL_REACH = 5  # lines under the heading: name, job, office, then the address or number
_LIVE_STAMP_MIN_ENTRIES = 3
_FEED_FOOTER = re.compile(r"^The\s+post\s+.{3,200}\s+appeared\s+first\s+on\s+.{2,100}$", re.IGNORECASE)
# The author's bio closing the page without an "About the author" heading: "Jane Doe is a freelance travel writer
# ...", "Lauren has written for the blog since 2018", "Eric Song is IGN's deal curator". A name, then a role.
_BIO_ROLE = (
    r"(?:writer|editor|journalist|reporter|author|contributor|columnist|correspondent|blogger|critic|curator|"
    r"content\s+(?:creator|specialist|strategist|manager|marketer)|director|founder|co-founder|producer|"
    r"photographer|editor-in-chief|jurnalis|wartawan|penulis|redaktur|kontributor)"
)
_AUTHOR_BIO = re.compile(
    r"^(?P<name>(?!(?:It|This|That|There|These|Those|The|Our|We|He|She|They|You|I)\b)[A-Z][\w'’.-]+"
    r"(?:\s+[A-Z][\w'’.-]+){0,3})(?:,\s[^,]{0,80},)?\s+"
    r"(?:(?:is|was|adalah)\s+(?:(?:a|an|the|seorang|[A-Z][\w-]*['’]s)\s+)?(?:[\w'’,-]+\s+){0,6}?" + _BIO_ROLE + r"\b|"
    r"has\s+(?:written|been\s+writing|reported|covered)\s+(?:for|about|on)\b)"
)
_BIO_TAIL_LINES = 3  # the bio is one of the last lines
_BIO_MAX_WORDS = 150
_BIO_LABEL = re.compile(r"^(?:(?:written|posted|edited|reviewed)\s+by|by|about\s+the\s+author)\s*:?$", re.IGNORECASE)
_BIO_LABEL_MAX_WORDS = 8
# A call-to-action button's label on its own line: "Get Price", "Read Reviews", "Request a Demo", "Learn more →"
_CTA_BUTTON = re.compile(
    r"^(?:Get\s+(?:a\s+)?(?:quote|price|started)|Learn\s+more|Read\s+reviews?|Shop\s+now|Buy\s+now|Sign\s+up(?:\s+now)?|"
    r"Download\s+now|Book\s+now|Contact\s+us|Request\s+a\s+(?:demo|quote)|Try\s+(?:it\s+)?(?:for\s+)?free|Apply\s+now|"
    r"Subscribe(?:\s+now)?|Check\s+price|View\s+deal|See\s+(?:price|deal|details))\W*$",
    re.IGNORECASE,
)
_CTA_BUTTON_MAX_WORDS = 5
# A picture credit line naming a stock or wire photo service among slash-separated names: "Getty Images / Jane Doe",
# "Jane Doe/Hindustan Times/Getty Images"; a headline that mentions the service ("Shutterstock expands ...") stays
_STOCK_CREDIT = re.compile(
    r"(?:^|/)\s*(?:Getty\s+Images|Shutterstock|iStock(?:photo)?|Alamy|Unsplash|Pexels|AP\s+Photo|AFP|Reuters|EPA)"
    r"\s*(?:/|$)",
    re.IGNORECASE,
)
_STOCK_CREDIT_MAX_WORDS = 8
# A caption whose sentence is followed by its slash-joined credit: "A map of Titan. (NASA/JPL-Caltech/ASU)"
_PAREN_CREDIT = re.compile(r"[.!?]\s*\((?:[^()/\s]+/){2,4}[^()/\s]+\)$")
# The publisher's sign-up pitch: "Subscribe to WIRED and stay smart ...", "Sign up now to get ...", "Join our free ..."
_SIGNUP_PITCH = re.compile(
    r"^(?:Subscribe\s+to\s+\S+\s+(?:and|to|for)\b|Sign\s+up\s+now\b|Join\s+(?:my|our)\s+(?:free\s+)?\S+)",
    re.IGNORECASE,
)
_SIGNUP_MAX_WORDS = 25
# "Follow AP's full coverage of X at https://...": a pointer to the site's other pages, ending in its address
_COVERAGE_LINK = re.compile(r"\b(?:coverage|more)\b.{0,60}\bat\s+https?://\S+\s*\.?$", re.IGNORECASE)
# "If you enjoyed this article, ..." opens the site's pitch (membership, sharing, more posts), not the story
_ENJOYED_PITCH = re.compile(
    r"^If\s+you\s+(?:enjoyed|liked)\s+(?:this|my|the)\s+(?:article|post|story|piece)\b", re.IGNORECASE
)
_ENJOYED_MAX_WORDS = 40
# A product card's key/value block: "SPECIFICATIONS" / "Key Specs" / "At a glance" over short label and value lines
_SPEC_HEADING = re.compile(
    r"^(?:(?:key|tech(?:nical)?|full|product|quick)\s+)?(?:spec(?:ification)?s|at\s+a\s+glance|"
    r"company\s+info(?:rmation)?)\s*:?$",
    re.IGNORECASE,
)
_SPEC_ROW_MAX_WORDS = 12
_SPEC_MIN_ROWS = 4
_SPEC_VALUE_MAX_WORDS = 4  # "7.9 oz." is a value; a longer line ending in a full stop is a sentence
# "Tags: Employment, Health & Fitness", "Filed under: Politics": the page's index terms, not the story ("Keywords:"
# heads a paper's abstract, which is text)
_TAG_LIST = re.compile(r"^(?:Tags?|Tagged(?:\s+with)?|Topics?|Filed\s+under|Kategori|Label)\s*:\s*\S", re.IGNORECASE)
_TAG_LIST_MAX_WORDS = 25
# "This post was last updated July 2021.", "Last reviewed January 2023": a stamp with a year but no full date
_UPDATED_STAMP = re.compile(
    rf"^(?:This\s+(?:post|article|page|story)\s+was\s+)?(?:{ENGLISH}|(?:last\s+)?reviewed)\b"
    r".*\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_UPDATED_STAMP_MAX_WORDS = 10
# "Photos: Europa, Mysterious Icy Moon of Jupiter": a link to the site's gallery or video on the same subject
_MEDIA_LINK = re.compile(r"^(?:Photos|Videos?|Gallery)\s*:\s*\S", re.IGNORECASE)
_MEDIA_LINK_MAX_WORDS = 12
# A directory of links printed from one template: "Average Costs for Cleaning Services in <city>" many times over
_TEMPLATE_PREFIX_WORDS = 3
_TEMPLATE_MIN_RUN = 8
_TEMPLATE_LINE_WORDS = (4, 12)
# A layout template's placeholder copy left in the page ("Lorem ipsum dolor sit amet ..."): never the story
_PLACEHOLDER = re.compile(r"^Lorem\s+ipsum\b", re.IGNORECASE)
# Photo credits in other languages: "личный архив Анны Ивановой" (personal archive), "Фото: ...", "Bild: ...",
# "Crédit photo : ...", "Fuente: ..."
_CREDIT_OTHER_LANGUAGES = re.compile(
    r"^(?:(?:личный|семейный)\s+архив|фото\s*(?::|—|-)|фото\s+из\s+(?:личного|семейного)\s+архива|Bild\s*:|"
    r"Crédits?\s+photo\s*:|Crédit\s*:|Foto\s*(?:di|de)\s*:|Fuente\s*:|Imagen\s*:|Zdjęcie\s*:|Fotó\s*:)",
    re.IGNORECASE,
)
_CREDIT_OTHER_MAX_WORDS = 8
# "About SiliconANGLE Media", "Über die Redaktion": the publisher's own box after the story. A capitalised name after
# the word, and only cut when little text follows (a story's "About the company" section has its text after it).
_ABOUT_PUBLISHER = re.compile(
    r"^(?:About|Über|À\s+propos\s+de|Tentang|Acerca\s+de|Sobre)\s+(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}"
    r"\s*:?$"
)
_ABOUT_MAX_WORDS = 6
# A shop widget's words: "Shop our best Mesh WiFi Systems", "(add X to cart)", "Buy now from one of our partners:"
_SHOP_PROMPT = re.compile(
    r"^(?:(?:Ready\s+to\s+explore\s+more\?\s*)?Shop\s+(?:our|the|now|all)\b|\(?add\s+.{1,60}\s+to\s+(?:cart|basket|bag)\)?$|"
    r"Buy\s+(?:it\s+)?now\s+(?:from|at|on)\b.*:$)",
    re.IGNORECASE,
)
_SHOP_MAX_WORDS = 12
# The legal disclaimer closing a page: "... does not provide tax, legal or accounting advice", "for informational
# purposes only", "X, LLC is a Registered Investment Adviser". Only among the last lines: a story may quote one.
_DISCLAIMER = re.compile(
    r"\b(?:(?:do(?:es)?\s+not|doesn't|don't)\s+(?:provide|constitute|offer|give)\s+(?:[\w,]+\s+){0,4}"
    r"(?:tax|legal|financial|medical|investment|accounting)\s+advice|"
    r"for\s+(?:general\s+)?(?:informational|information|educational)\s+purposes\s+only|"
    r"not\s+(?:intended\s+(?:as|to\s+be)|a\s+substitute\s+for)\s+(?:\w+\s+){0,4}advice|"
    r"Registered\s+Investment\s+Advis[eo]r|is\s+not\s+(?:financial|legal|medical|investment)\s+advice|"
    # health and money sites' small print: "This information is not intended to replace the advice of a doctor",
    # "… disclaims any liability", "Member FDIC", "NOT FDIC INSURED", "… is a registered trademark of …"
    r"not\s+(?:intended|meant)\s+to\s+(?:replace|substitute\s+for)\b|disclaims?\s+(?:any|all)\s+liability|"
    r"\bMember\s+(?:FDIC|SIPC|FINRA)\b|\bNOT\s+FDIC\s+INSURED\b|Equal\s+Housing\s+(?:Lender|Opportunity)|"
    r"(?:is|are)\s+(?:a\s+)?registered\s+trademarks?\s+of\b|for\s+illustrative\s+purposes\s+only|"
    r"(?:Links\s+to\s+)?third[-\s]party\s+(?:web)?sites?\s+(?:are\s+)?provided\s+(?:for|as\s+a)\s+(?:your\s+)?convenience|"
    # Indonesian market news ("… tidak bertujuan mengajak membeli atau menjual saham. Keputusan investasi sepenuhnya
    # ada di tangan pembaca"), detik's reader columns ("Seluruh isi tulisan menjadi tanggung jawab penulis")
    r"tidak\s+bertujuan\s+(?:untuk\s+)?mengajak\s+(?:membeli|menjual)|Keputusan\s+investasi\s+sepenuhnya|"
    r"isi\s+tulisan\s+(?:ini\s+)?(?:menjadi\s+)?tanggung\s+jawab\s+penulis|merupakan\s+kiriman\s+pembaca)",
    re.IGNORECASE,
)
_DISCLAIMER_TAIL_LINES = 3
# the heading over the small print, and the compliance code a broker's page closes with ("(1124-7QXP)")
_DISCLOSURES_HEADING = re.compile(
    r"(?:Important\s+)?(?:disclosures?|disclaimers?)(?:\s+and\s+\w+)?\s*:?|\(\d{4}-[0-9A-Z]{3,8}\)", re.IGNORECASE
)
_DISCLAIMER_MAX_WORDS = 100
# A rule typed as text ("**********", "----------", "– – – – –"): once on a page, it sets the site's footer (show
# notes, a help desk pitch, a course ad) apart from the story; several of them are the story's own section breaks
_DIVIDER = re.compile(r"[*_=~\-–—#•·.]{5,}")
_DIVIDER_MAX_TAIL_SHARE = 0.6
# A press release's end mark: "- ENDS -" (British), "###" or "-30-" (American); notes to editors and contacts follow
_RELEASE_END = re.compile(r"[-–—*(\[\s]*(?:ENDS?|-30-|#{3})[-–—*)\]\s]*")
# The site's account prompts: "Join or sign in", "Sign in to save your progress", "You need to login or register ..."
_SIGN_IN_PROMPT = re.compile(
    r"^(?:(?:Join|Register|Sign\s+up)\s+or\s+(?:sign|log)\s+in|"
    r"(?:Sign|Log)\s+in(?:\s+or\s+(?:register|sign\s+up|create\s+an\s+account))?|"
    r"(?:Sign|Log)\s+in\s+to\s+(?:save|continue|read|comment|access|view|get|earn|keep)\b.*|"
    r"You\s+(?:need|must)\s+(?:to\s+)?(?:log\s*in|sign\s+in|login|register)\b.*)$",
    re.IGNORECASE,
)
_SIGN_IN_MAX_WORDS = 12
_BREADCRUMB = re.compile(r"^(?:Home|Beranda|News|Berita)\s*(?:/|>|»|›)", re.IGNORECASE)
# Local furniture printed as a line of its own anywhere in the story: the source line of Chinese sites ("来源：新华网"),
# the editor-in-charge line ("【责任编辑:王静】"), a Japanese paywall notice ("この記事は有料記事です。残り1200文字")
_LOCAL_FURNITURE = re.compile(
    r"(?:来源|來源)\s*[:：]\s*[^\s，。,.；;]{1,20}|"
    r"[【\[]?\s*(?:责任编辑|責任編輯)\s*[:：]\s*[^】\]，。]{1,20}[】\]]?|"
    r"この記事は(?:有料記事|(?:有料)?会員限定(?:記事)?)です。?\s*(?:残り[\d,，]+文字)?"
)
_LOCAL_FURNITURE_MAX_CHARS = 40
# Credits and prompts that close a story, dropped from its end only: the reporter's e-mail address alone (Yonhap
# "hong@yna.co.kr"), a tip line ("제보는 카카오톡 okjebo"), the editor credit of Brazilian stories ("Edição: X"), the
# broadcast note of German public TV ("Dieses Thema im Programm: Das Erste, tagesschau, 27. November 2025 …")
_CLOSING_CREDIT = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|"
    r"제보는\s*(?:카카오톡|카톡|이메일|메일|전화|홈페이지)\b.{0,80}|"
    r"Edição\s*:(?:\s*[^.!?:]{1,60})?|"
    r"Dieses\s+Thema\s+im\s+Programm\s*:.{0,150}|"
    r"[A-Z][A-Z.]+(?:\s+[A-Z][A-Z.]+){0,3}\s+RESEARCH|"  # CNBC Indonesia's desk sign-off: "CNBC INDONESIA RESEARCH"
    r"[—–-]\s*[A-Z]{2,5}(?:/[A-Z]{2,5})*,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,4}|"  # GMA's "—VBL, GMA Integrated News"
    r"[—–-]\s*[A-Z][\w-]*(?:\.[\w-]+)*\.(?:com|net|org|[a-z]{2})"  # Rappler's "– Rappler.com"
)
_CLOSING_CREDIT_MAX_CHARS = 160
_SHORT_LINE_WORDS = 15
_HEADER_MAX_LINES = 6
_HEADER_LABEL_MAX_WORDS = 6  # "By Carrie Arnold", "Research we're watching": the header's short lines
_KICKER_MAX_LINES = 2  # short lines over the headline: a section label, a kicker
_LABELLED_HEADLINE = re.compile(r"^(?P<label>[^:|]{1,40}?)\s*[:|]\s+")
_HEADLINE_LABEL_MAX_WORDS = 3
_ABOVE_HEADLINE_MAX_LINES = 10  # the header boxes over a headline inside the text's container: labels, a note
_ABOVE_HEADLINE_MAX_WORDS = 60
_DEK_MAX_WORDS = 40
_PROMPT_MAX_WORDS = 12  # "Subscribe to read the full story." is a prompt; a long line quoting it is text
_NOTICE_MAX_WORDS = 60
_WORD = re.compile(r"\w+")
_RELATED_MAX_WORDS = 30
_PAGER_ARROW = re.compile(r"[<>«»‹›←→](?:\s*[<>«»‹›←→]){0,3}")
_PAGER_MIN_NUMBERS = 3
_PAGE_OF = re.compile(
    r"(?:Halaman|Page|Seite|Página|Pagina|Strona)\s+\d{1,3}\s*(?:/|of|dari|von|de|di|z)\s*\d{1,3}|"
    r"\d{1,3}\s+(?:dari|of)\s+\d{1,3}\s+(?:halaman|pages)",  # Liputan6's "1 dari 3 halaman"
    re.I,
)
_COUNTER_OF = re.compile(r"(?P<at>\d{1,2})\s*/\s*(?P<of>\d{1,2})")
_GALLERY_MIN_COUNTERS = 3


# (longest line, words one of which a matching line must hold, pattern): rules a cheap substring test can rule out
_HINTED_RULES: tuple[tuple[int, tuple[str, ...], re.Pattern[str]], ...] = (
    (_NEWSLETTER_MAX_WORDS, ("newsletter", "inbox", "mailing"), _NEWSLETTER_PROMPT),
    (_CAPTION_MAX_WORDS, (")", "photo", "image", "picture", "foto", "credit"), _CREDIT_AT_END),
    (_CTRL_ENTER_MAX_WORDS, ("ctrl",), _CTRL_ENTER),
    (_SHOP_BUTTON_LINE_MAX_WORDS, ("price", "amazon", "buy"), _SHOP_BUTTON_AT_END),
    (_NEWSLETTER_MAX_WORDS, ("forwarded", "today"), _NEWSLETTER_FURNITURE),
)


def remove_boilerplate(lines: list[str], *, title: str | None = None, captions: list[str] | None = None) -> list[str]:
    """The lines that are story text; the order of the rest is kept."""
    caption_keys = {_key(c) for c in captions or [] if c}
    kept = [line for line in (normalize_block(x) for x in lines) if line and not _is_furniture(line, caption_keys)]
    kept = _drop_repeats(kept)
    kept = _drop_pull_quotes(kept)
    kept = _drop_table_of_contents(kept)
    kept = [line for line in kept if not (len(line) < 40 and _TOC_HEADING_ALONE.match(line))]
    kept = _drop_spec_cards(kept)
    kept = _drop_template_runs(kept)
    kept = _drop_pagers(kept)
    kept = _drop_live_entry_stamps(kept)
    kept = _drop_closing_notices(kept)
    kept = _cut_comment_block(kept)
    kept = _cut_after_lone_divider(kept)
    kept = _cut_at_release_end(kept)
    kept = _cut_author_bio(kept)
    kept = _cut_media_contacts(kept)
    kept = _drop_leading_header_lines(kept, title)
    kept = _drop_closing_disclaimers(kept)
    while kept and (
        _SHARE.match(kept[-1])
        or _EDITOR_CODE_LINE.fullmatch(kept[-1])
        or (len(kept) > 1 and _EDITOR_INITIALS_LINE.fullmatch(kept[-1]) and wire_service(kept[-1]) is None)
        or (len(kept) > 1 and _is_teaser_stamp(kept[-1]))
        or (len(kept) > 1 and len(kept[-1]) <= _CLOSING_CREDIT_MAX_CHARS and _CLOSING_CREDIT.fullmatch(kept[-1]))
    ):
        kept.pop()
    if kept and kept[-1].endswith(")"):
        kept[-1] = _EDITOR_CODE_AT_END.sub("", kept[-1])
    return kept


def _is_teaser_stamp(line: str) -> bool:
    """One date alone ("15 Mei 2023 - 11:30 WIB"): what a related list leaves under the story once its linked
    titles are gone. A span ("29 November 2018 | 20 January 2019") is an event's dates, the story's own."""
    return is_stamp_only(line) and len(find_written_dates(line)) == 1


def is_related_label(line: str) -> bool:
    """Whether the line is a related-stories label alone ("Baca Juga", "Related articles:", "Lire aussi"): the
    heading of a list of links to other stories, which main_content.py leaves out with its label."""
    return len(line) <= _RELATED_LABEL_MAX_CHARS and bool(_RELATED_LABEL.match(line))


def _drop_closing_notices(lines: list[str]) -> list[str]:
    """Drops the outlet's "follow us on WhatsApp / Google News" prompts and the syndication note of a republished
    story ("Artikel ini telah tayang di …", "This article originally appeared in …") among the body's last lines.
    Credits printed on the note's line after it ("… Penulis: A | Editor: B") stay as a line of their own, for the
    byline reader. The first line is never one: a story that opens with such words is about them."""
    tail = max(1, len(lines) - _CLOSING_TAIL_LINES)
    kept = lines[:tail]
    for line in lines[tail:]:
        words = count_tokens(line)
        if words <= _SYNDICATION_MAX_WORDS and _SYNDICATION_NOTE.match(line):
            credits = _CREDIT_LABEL.search(line)
            if credits is not None:
                kept.append(line[credits.start() :])
            continue
        if words <= _FOLLOW_PROMPT_MAX_WORDS and (_FOLLOW_PROMPT.search(line) or _APP_PROMPT.match(line)):
            continue
        if _BRACKETED_EDITOR.fullmatch(line) and line is lines[-1]:
            continue  # Okezone's "(Rani Hardjanti)": the editor's name closing the story
        kept.append(line)
    return kept


def _cut_media_contacts(lines: list[str]) -> list[str]:
    """A press release's contact block at its end: "Media enquiries" / "Press contact" / "Scientific contact", then
    names, offices, e-mail addresses and telephone numbers (and what a release lists after them, such as the study's
    reference). Whom a journalist may call is no part of the release's text; a heading followed by prose with no
    address or number under it is a section of it."""
    start = max(1, len(lines) - _CONTACT_TAIL_LINES)
    for index in range(start, len(lines)):
        if not _CONTACT_HEADING.fullmatch(lines[index]):
            continue
        rest = lines[index + 1 :]
        if rest and (
            all(count_tokens(line) <= _CONTACT_LINE_MAX_WORDS for line in rest)
            or any(_CONTACT_DETAIL.search(line) for line in rest[:_CONTACT_DETAIL_REACH])
        ):
            return lines[:index]
    return lines


def _is_furniture(line: str, caption_keys: set[str]) -> bool:
    words = count_tokens(line)  # cheap length tests first: this runs on every line of every page
    # the unanchored searches scan the whole line; a substring test on the lowered line rules most of them out
    folded = _folded(line)
    if caption_keys and _key(line) in caption_keys:
        return True
    if _FONT_WIDGET.match(line) or (words <= 4 and _SHARE.match(line)):
        return True
    if _TOOLBAR_MIN_WORDS <= words <= _TOOLBAR_MAX_WORDS and all(
        word.casefold().strip(":|·") in _TOOLBAR_WORDS for word in line.split()
    ):
        return True  # "Share Tweet WhatsApp Font Size Save Print Comment"
    if words <= _FEED_NOTE_MAX_WORDS and _FEED_NOTE.match(line):
        return True
    if len(line) <= _LOCAL_FURNITURE_MAX_CHARS and _LOCAL_FURNITURE.fullmatch(line):
        return True
    if len(line) <= _EMBED_TOKEN_MAX_CHARS and line.startswith("[") and _EMBED_TOKEN.match(line):
        return True
    if words <= _SHORT_LINE_WORDS and (
        _PHOTO_CREDIT.match(line)
        or _META_LABEL.match(line)
        or (_may_hold(folded, "contributed") and _CONTRIBUTED.match(line))
    ):
        return True
    if words <= _META_MAX_WORDS and (
        _LABELLED_META.match(line) or (_META_STAMP.match(line) and bool(find_written_dates(line)))
    ):
        return True
    if words <= _STAMP_ABROAD_MAX_WORDS and _META_STAMP_ABROAD.match(line) and find_written_dates(line):
        return True
    if any(
        words <= max_words and _may_hold(folded, *hints) and pattern.search(line)
        for max_words, hints, pattern in _HINTED_RULES
    ):
        return True
    if len(line) <= _CJK_CAPTION_MAX_CHARS and ("摄" in line or "攝" in line) and _CJK_PHOTO_CREDIT.search(line):
        return True
    if words <= _MEDIA_WIDGET_MAX_WORDS and _MEDIA_WIDGET.match(line):
        return True
    if words <= _RELATED_MAX_WORDS and _RELATED.match(line):
        return True
    if words <= _ARROWED_POINTER_MAX_WORDS and _ARROWED_POINTER.match(line):
        return True
    if words <= _TIP_PROMPT_MAX_WORDS and _TIP_PROMPT.match(line):
        return True
    if words <= _RESPONSE_PROMPT_MAX_WORDS and _RESPONSE_PROMPT.match(line):
        return True
    if words <= _PROMPT_MAX_WORDS and teaser_phrase_in(line):
        return True
    if words <= _MEDIA_WIDGET_MAX_WORDS and (
        _COUNTER.match(line) or _CONTINUES_BELOW.match(line) or _READER_TOOL.match(line)
    ):
        return True
    if words <= _REVIEW_STAMP_MAX_WORDS and _REVIEW_STAMP.match(line) and find_written_dates(line):
        return True
    if words <= _MEDIA_WIDGET_MAX_WORDS and _AD_LABEL_IN_DASHES.fullmatch(line):
        return True
    if (
        words <= _AFFILIATE_MAX_WORDS
        and _may_hold(folded, "affiliate", "links", "qualifying", "promotion", "afiliasi", "compensation")
        and _AFFILIATE_LINKS.search(line)
        and _AFFILIATE_EARNINGS.search(line)
    ):
        return True
    if _FEED_FOOTER.match(line) or (words <= _POST_FOOTER_MAX_WORDS and _POST_FOOTER.match(line)):
        return True
    if words <= _PARTNER_DISCLOSURE_MAX_WORDS and _PARTNER_DISCLOSURE.match(line):
        return True
    if _is_pitch_or_credit(line, words, folded):
        return True
    return words <= _NOTICE_MAX_WORDS and bool(_NOTICE.match(line))


def _is_pitch_or_credit(line: str, words: int, folded: str | None) -> bool:
    """Button labels, stock photo credits, slash-joined caption credits, credits in other languages, placeholder
    copy, tag lists, year-only update stamps, gallery links, shop widgets, sign-in prompts and the publisher's own
    sign-up, coverage and "if you enjoyed this article" pitches."""
    if words <= _CTA_BUTTON_MAX_WORDS and _CTA_BUTTON.match(line):
        return True
    if words <= _STOCK_CREDIT_MAX_WORDS and "/" in line and _STOCK_CREDIT.search(line):
        return True
    if words <= _CAPTION_MAX_WORDS and line.endswith(")") and _PAREN_CREDIT.search(line):
        return True
    if words <= _SIGNUP_MAX_WORDS and (
        _SIGNUP_PITCH.match(line) or (_may_hold(folded, "http") and _COVERAGE_LINK.search(line))
    ):
        return True
    if words <= _SIGN_IN_MAX_WORDS and _SIGN_IN_PROMPT.match(line):
        return True
    if words <= _SHOP_MAX_WORDS and _SHOP_PROMPT.match(line) and not line.endswith("."):  # "Shop the range in S-XL."
        return True
    if _PLACEHOLDER.match(line) or (words <= _CREDIT_OTHER_MAX_WORDS and _CREDIT_OTHER_LANGUAGES.match(line)):
        return True
    if words <= _TAG_LIST_MAX_WORDS and _TAG_LIST.match(line):
        return True
    if words <= _UPDATED_STAMP_MAX_WORDS and _UPDATED_STAMP.match(line):
        return True
    if words <= _MEDIA_LINK_MAX_WORDS and _MEDIA_LINK.match(line) and not line.endswith("."):
        return True
    return words <= _ENJOYED_MAX_WORDS and bool(_ENJOYED_PITCH.match(line))


# Letters that re.IGNORECASE matches to an ASCII letter while str.lower() does not give that letter ("ſ" is an "s",
# "ı" and "İ" an "i" to the regex): on a line holding one, a substring test could miss what the pattern finds
_CASE_ODDITIES = re.compile("[\u0130\u0131\u017f]")


def _folded(line: str) -> str | None:
    """The lowered line, for substring tests that tell a case-insensitive pattern cannot match; None when such a
    test is not safe (see _CASE_ODDITIES)."""
    if not line.isascii() and _CASE_ODDITIES.search(line):
        return None
    return line.lower()


def _may_hold(folded: str | None, *words: str) -> bool:
    """False only when the lowered line holds none of the words a pattern needs (one of them, lowercase)."""
    if folded is None:
        return True
    for word in words:  # a plain loop: any() over a generator costs more than the tests on a short line
        if word in folded:
            return True
    return False


_PROS_CONS_HEADING = re.compile(
    r"(?:Reasons\s+to\s+(?:buy|avoid)|Pros|Cons|Pros\s+(?:and|&)\s+cons|What\s+we\s+(?:like|don['’]t\s+like|"
    r"liked|didn['’]t\s+like)|Advantages|Disadvantages|The\s+good|The\s+bad|Kelebihan|Kekurangan)\s*:?",
    re.IGNORECASE,
)


def _drop_spec_cards(lines: list[str]) -> list[str]:
    """Drops a product card's specification block: a "Specifications" / "Key Specs" / "At a glance" line and the run
    of short label and value lines under it ("Weight", "7.9 oz."), up to the first sentence. A heading with fewer
    short lines under it is a section of the text and stays."""
    kept: list[str] = []
    index = 0
    while index < len(lines):
        if len(lines[index]) < 40 and _SPEC_HEADING.match(lines[index]):
            end = index + 1
            while (
                end < len(lines)
                and count_tokens(lines[end]) <= _SPEC_ROW_MAX_WORDS
                and not (count_tokens(lines[end]) > _SPEC_VALUE_MAX_WORDS and lines[end].endswith((".", "!", "?")))
                and not _PROS_CONS_HEADING.fullmatch(lines[end])  # the editor's verdict under the card is text
            ):
                end += 1
            # a table's "Weight | 7.9 oz." row is a label line and a value line
            if sum(2 if " | " in line else 1 for line in lines[index + 1 : end]) >= _SPEC_MIN_ROWS:
                index = end
                continue
        kept.append(lines[index])
        index += 1
    return kept


def _drop_pagers(lines: list[str]) -> list[str]:
    """A gallery's or a paginated story's pager read as lines: arrows alone ("<<", "‹", "»") and, next to them, a
    run of page numbers counting up ("<", "1", "2", "3", …, ">"), "Halaman 1/1" / "Page 2 of 3", and a gallery's
    counters one after the other ("1/4", "2/4"). Numbers without the arrows stay: a box score's header cells ("1",
    "2", "3", "4") count up too; so does a lone "3/4"."""
    drop = [bool(_PAGER_ARROW.fullmatch(line) or _PAGE_OF.fullmatch(line)) for line in lines]
    for index in range(len(lines) - 1):  # a gallery's counters: "1/4", "2/4", …
        here, after = _COUNTER_OF.fullmatch(lines[index]), _COUNTER_OF.fullmatch(lines[index + 1])
        if here and after and here["of"] == after["of"] and int(after["at"]) == int(here["at"]) + 1:
            drop[index] = drop[index + 1] = True
    # ... or one over each photo's text ("1 / 8", text, "2 / 8", text, …): three or more counting up from 1
    counters = [(index, match) for index, line in enumerate(lines) if (match := _COUNTER_OF.fullmatch(line))]
    if len(counters) >= _GALLERY_MIN_COUNTERS and all(
        match["of"] == counters[0][1]["of"] and int(match["at"]) == number
        for number, (_, match) in enumerate(counters, start=1)
    ):
        for index, _ in counters:
            drop[index] = True
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and lines[end].isdigit() and int(lines[end]) == int(lines[index]) + end - index:
            end += 1
        beside_arrow = (index > 0 and drop[index - 1]) or (end < len(lines) and drop[end])
        if end - index >= _PAGER_MIN_NUMBERS and beside_arrow:
            drop[index:end] = [True] * (end - index)
        index = max(end, index + 1)
    return [line for line, dropped in zip(lines, drop, strict=True) if not dropped]


def _drop_template_runs(lines: list[str]) -> list[str]:
    """Drops a long run of short lines that all open with the same words ("Average Costs for Cleaning Services in
    Tulsa", "... in Fresno", ...): a directory of links printed from one template. Shorter runs stay, they are
    often the story's own list."""
    low, high = _TEMPLATE_LINE_WORDS
    prefixes = [
        " ".join(line.casefold().split()[:_TEMPLATE_PREFIX_WORDS])
        if low <= count_tokens(line) <= high and not line.endswith(".")
        else ""
        for line in lines
    ]
    drop = [False] * len(lines)
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and prefixes[index] and prefixes[end] == prefixes[index]:
            end += 1
        if end - index >= _TEMPLATE_MIN_RUN:
            drop[index:end] = [True] * (end - index)
            index = end
            continue
        index += 1
    return [line for line, dropped in zip(lines, drop, strict=True) if not dropped]


def _drop_live_entry_stamps(lines: list[str]) -> list[str]:
    """A live blog's entry stamps: "23:41 Nadia Petrova" over every entry, the clock time and the same writer (or
    none) again and again. Times with different labels ("09:00 Registration", "10:30 Keynote") are a programme,
    which is text."""
    stamps: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if len(line) <= _LIVE_STAMP_MAX_CHARS and (match := _LIVE_STAMP.match(line)):
            stamps.setdefault((match["who"] or "").casefold(), []).append(index)
    dropped = {index for indexes in stamps.values() if len(indexes) >= _LIVE_STAMP_MIN_ENTRIES for index in indexes}
    return [line for index, line in enumerate(lines) if index not in dropped] if dropped else lines


def _drop_closing_disclaimers(lines: list[str]) -> list[str]:
    """Drops legal disclaimers ("... does not provide tax, legal or accounting advice") among the last lines; the
    first line is never one, and a long paragraph that mentions advice is text."""
    tail = max(1, len(lines) - _DISCLAIMER_TAIL_LINES)
    kept = [
        line
        for index, line in enumerate(lines)
        if index < tail or count_tokens(line) > _DISCLAIMER_MAX_WORDS or not _DISCLAIMER.search(line)
    ]
    # a bank's or broker's disclosures run longer: every line of the closing run is small print, or its heading
    end = len(kept)
    while end > 1 and (
        _DISCLOSURES_HEADING.fullmatch(kept[end - 1])
        or (count_tokens(kept[end - 1]) <= _DISCLAIMER_MAX_WORDS and _DISCLAIMER.search(kept[end - 1]))
    ):
        end -= 1
    return kept[:end]


def _drop_repeats(lines: list[str]) -> list[str]:
    """Drops a line printed again right after itself (a gallery's caption under the photo and in the lightbox, a
    card's title and teaser in its hover layer) and a long run of lines that repeats an earlier run in the same
    order (responsive layouts that print the article twice). A line repeated on its own further down stays:
    interviews repeat their questions, recipes their ingredients, training plans their rows."""
    keys = [line.casefold() for line in lines]
    words_before = list(accumulate((count_tokens(line) for line in lines), initial=0))  # words of lines[:i]
    min_run_words = max(_REPEAT_MIN_RUN_WORDS, _REPEAT_MIN_RUN_SHARE * words_before[-1])
    first: dict[str, int] = {}
    for index, key in enumerate(keys):
        first.setdefault(key, index)
    drop = [False] * len(lines)
    # comparing runs is quadratic on a body of thousands of equal lines (a spam or data page): past this many line
    # comparisons the page gets no more long-run search (real pages need a few thousand at most)
    budget = _REPEAT_MAX_COMPARISONS
    index = 0
    while index < len(lines):
        key = keys[index]
        if key in keys[max(0, index - _REPEAT_WINDOW) : index] and count_tokens(lines[index]) >= _REPEAT_MIN_WORDS:
            drop[index] = True
            index += 1
            continue
        start = first[key]
        run = 0
        while (
            budget > 0 and index + run < len(lines) and start + run < index and keys[index + run] == keys[start + run]
        ):
            run += 1
            budget -= 1
        words = words_before[index + run] - words_before[index]
        if start < index and run >= _REPEAT_MIN_RUN and words >= min_run_words:
            for offset in range(run):
                drop[index + offset] = True
            index += run
            continue
        index += 1
    return [line for line, dropped in zip(lines, drop, strict=True) if not dropped]


def _drop_pull_quotes(lines: list[str]) -> list[str]:
    """Drops a pull quote: a quoted sentence of a nearby paragraph printed again large ("“I was spending like $15 a
    night on delivery.”"), and the attribution line under it ("— Keiko Aldana, sophomore"). Only a quotation found
    inside a longer line within a few lines goes: a quotation printed once is the story's, and a line repeated
    without quotation marks may be a formula or a slogan the paragraph explains."""
    drop: set[int] = set()
    for index, line in enumerate(lines):
        quote = _pull_quote_key(line)
        if quote is None:
            continue
        nearby = range(max(0, index - _PULL_QUOTE_REACH), min(len(lines), index + _PULL_QUOTE_REACH + 1))
        if any(j != index and len(lines[j]) > len(line) and quote in _unquoted(lines[j]) for j in nearby):
            drop.add(index)
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if _QUOTE_ATTRIBUTION.match(following) and count_tokens(following) <= _ATTRIBUTION_MAX_WORDS:
                drop.add(index + 1)
    return [line for index, line in enumerate(lines) if index not in drop] if drop else lines


def _pull_quote_key(line: str) -> str | None:
    """The quote's words, for a line that is a quotation (in its marks) of a pull quote's length."""
    words = count_tokens(line)
    if not _PULL_QUOTE_MIN_WORDS <= words <= _PULL_QUOTE_MAX_WORDS or line[0] not in _OPENING_QUOTES:
        return None
    return _unquoted(line).strip(" .,;:!?…")


def _unquoted(text: str) -> str:
    return _QUOTE_MARKS.sub("", text).casefold()


def _drop_table_of_contents(lines: list[str]) -> list[str]:
    """Drops a table of contents: a "Table of contents" / "In this article" line and the run of short lines under
    it that each come back later as the text's own headings."""
    # the entries' keys cost a regex each: only a page with a table-of-contents heading needs them
    if not any(_TOC_HEADING.match(line) for line in lines[:-1]):
        return lines
    keys = [_toc_key(line) for line in lines]
    later: dict[str, int] = {}
    for index, key in enumerate(keys):
        later[key] = index  # last position of each key
    drop = [False] * len(lines)
    index = 0
    while index < len(lines):
        end = index
        while (
            end < len(lines)
            and count_tokens(lines[end]) <= _TOC_ENTRY_MAX_WORDS
            and keys[end]
            and later[keys[end]] > end
            and keys[end] not in keys[index:end]
        ):
            end += 1
        # under a "Table of contents" line, and every entry comes back after the whole list, in the text it lists
        if (
            end - index >= _TOC_MIN_ENTRIES
            and index
            and _TOC_HEADING.match(lines[index - 1])
            and all(later[keys[i]] >= end for i in range(index, end))
        ):
            for i in range(index - 1, end):
                drop[i] = True
            index = end
            continue
        index += 1
    return [line for line, dropped in zip(lines, drop, strict=True) if not dropped]


def _toc_key(line: str) -> str:
    """ "2. When to go" and "When to go" are the same entry."""
    return _key(_TOC_NUMBERING.sub("", line))


def _cut_comment_block(lines: list[str]) -> list[str]:
    """Drops a trailing comments section, author bio, publisher box, list of other stories or paywall pitch: from a
    "Komentar", "About the author", "About <Publisher>", "Related articles" heading or a "Subscribe to unlock this
    article" prompt on, when little text follows it."""
    total_words = sum(count_tokens(line) for line in lines)
    for index, line in enumerate(lines):
        if index == 0:
            continue
        words = count_tokens(line)
        end_section = words <= _END_SECTION_MAX_WORDS and bool(_END_SECTION_HEADING.match(line))
        if not (
            end_section
            or _COMMENTS_HEADING.match(line)
            or (words <= _ABOUT_MAX_WORDS and _ABOUT_PUBLISHER.match(line))
            or (_PROMPT_MAX_WORDS < words <= _PAYWALL_MAX_WORDS and teaser_phrase_in(line))
        ):
            continue
        if end_section and _RELATED_HEADING.match(line) and (resumes := _story_resumes_after(lines, index)):
            return lines[:index] + _cut_comment_block(lines[resumes:])  # an insert: the story goes on under it
        after = sum(count_tokens(x) for x in lines[index + 1 :])
        # a named end section (bio, related stories) may be long next to a short story; it still follows the story
        if after <= max(40, total_words // 3) or (end_section and after < total_words - after - words):
            return lines[:index]
    return lines


def _story_resumes_after(lines: list[str], heading: int) -> int | None:
    """Where the story goes on under a related-stories box set inside it ("You Might Also Like …" / two headlines /
    the story's next paragraphs): after a few short link lines, two paragraphs of prose. A list of teasers at the
    end alternates headlines and blurbs, so its second long line never follows its first."""
    index = heading + 1
    while index < len(lines) and count_tokens(lines[index]) <= _INSERT_LINK_MAX_WORDS:
        if lines[index].rstrip().endswith(_SENTENCE_END):
            return None
        if _NUMBERED_HEADING.match(lines[index]):
            break  # the story's next numbered section ("2. Buy used, and buy when others are selling")
        index += 1
    links = index - heading - 1
    prose = lines[index : index + 2]
    if not 0 < links <= _INSERT_MAX_LINKS or len(prose) < 2:
        return None
    if all(count_tokens(line) >= _PROSE_MIN_WORDS and line.rstrip().endswith(_SENTENCE_END) for line in prose):
        return index
    return None


def _cut_after_lone_divider(lines: list[str]) -> list[str]:
    """Cuts at the page's only divider line when what follows it is the smaller part of the body. A divider as the
    last line, or a page with several dividers (section breaks of a long read), stays as it is."""
    dividers = [index for index in range(1, len(lines)) if _DIVIDER.fullmatch(lines[index].replace(" ", ""))]
    if len(dividers) != 1:
        return lines
    index = dividers[0]
    after = sum(count_tokens(line) for line in lines[index + 1 :])
    total = sum(count_tokens(line) for line in lines)
    return lines[:index] if 0 < after < _DIVIDER_MAX_TAIL_SHARE * total else lines


def _cut_at_release_end(lines: list[str]) -> list[str]:
    """Cuts at a press release's end mark when what follows it is the smaller part of the body."""
    for index in range(1, len(lines)):
        if len(lines[index]) <= 12 and _RELEASE_END.fullmatch(lines[index]):
            after = sum(count_tokens(line) for line in lines[index + 1 :])
            total = sum(count_tokens(line) for line in lines)
            return lines[:index] if after < _DIVIDER_MAX_TAIL_SHARE * total else lines
    return lines


def _cut_author_bio(lines: list[str]) -> list[str]:
    """Drops the author's bio at the end of the page ("Jane Doe is a freelance travel writer ...") with the name,
    role and "Written by" lines just above it. Only among the last lines, and only a sentence that opens with a
    name and gives a writer's role: a story's last paragraph about its subject ("Smith is optimistic") stays."""
    for index in range(max(1, len(lines) - _BIO_TAIL_LINES), len(lines)):
        line = lines[index]
        match = _AUTHOR_BIO.match(line)
        if not match or count_tokens(line) > _BIO_MAX_WORDS:
            continue
        name_words = {word.casefold() for word in match.group("name").split()}
        start = index
        while start > 1 and start > index - 3:
            above = lines[start - 1]
            words = above.split()
            if count_tokens(above) > _BIO_LABEL_MAX_WORDS or above.endswith((".", "?", "!", ":")):
                break
            shares_name = bool(name_words & {word.strip(",").casefold() for word in words})
            if not (shares_name or _BIO_LABEL.match(above) or re.search(_BIO_ROLE, above, re.IGNORECASE)):
                break
            start -= 1
        return lines[:start]
    return lines


def _drop_leading_header_lines(lines: list[str], title: str | None) -> list[str]:
    """Title repeats, date stamps and breadcrumbs ahead of the first sentence (trafilatura keeps the <h1>). The
    header's other short lines (a byline, a section label over the headline) stay for the byline reader but do
    not end the header: under "By Jane Doe", a "November 15, 2019" line goes too."""
    title_key = _key(title) if title else None
    lines = _from_headline(lines, title)
    kept: list[str] = []
    index = 0
    while index < len(lines) and index < _HEADER_MAX_LINES:
        line = lines[index]
        words = count_tokens(line)
        # under a kept line, only a date stamp goes: a headline's words under a label may be the text's heading;
        # but under a kicker ("Markets | Stock Market Today") the headline is the page's, and the kicker goes too
        is_title = title_key is not None and _is_headline(line, title_key)
        if is_title and kept:
            # ... unless it is set apart from the headline as the document's own heading: "Safety Alert" /
            # "ELECTRICAL SAFETY" in capitals over a printed alert whose headline is "Electrical Safety"
            if (
                len(kept) > _KICKER_MAX_LINES
                or any(count_tokens(k) > _HEADER_LABEL_MAX_WORDS for k in kept)
                or (line.isupper() and not (title or "").isupper())
            ):
                is_title = False
            else:
                kept = []
        is_stamp = words <= 10 and bool(find_written_dates(line)) and not line.endswith(".")
        is_crumb = not kept and words <= 10 and bool(_BREADCRUMB.match(line))
        # under the headline, the line over its date stamp is the dek ("Small caps surge …" / "Nov. 6, 2024")
        is_dek = (
            index > 0
            and title_key is not None
            and _is_headline(lines[index - 1], title_key)
            and words <= _DEK_MAX_WORDS
            and index + 1 < len(lines)
            and count_tokens(lines[index + 1]) <= 10
            and bool(find_written_dates(lines[index + 1]))
        )
        if not (is_title or is_stamp or is_crumb or is_dek):
            if words > _HEADER_LABEL_MAX_WORDS or line.endswith((".", "!", "?", ":")):
                break
            kept.append(line)  # a label or a byline: kept, and the header goes on under it
        index += 1
    if len(kept) == index:  # nothing dropped: the short lines are the text's own (a heading, a list)
        return lines
    return kept + lines[index:]


def _is_headline(line: str, title_key: str) -> bool:
    """The headline's line, also with the series label or kicker printed in its heading ("Podcast: Headline"), which
    the title leaves out."""
    key = _key(line)
    if key == title_key:
        return True
    label = _LABELLED_HEADLINE.match(line)
    return (
        label is not None
        and key.endswith(" " + title_key)
        and len(label["label"].split()) <= _HEADLINE_LABEL_MAX_WORDS
        and _key(line[label.end() :]) == title_key
    )


def _from_headline(lines: list[str], title: str | None) -> list[str]:
    """The lines after the headline, when the container read starts above it with the page's header boxes, one of
    them a sentence: a publisher's "This article has been reviewed according to our editorial process" note. Only
    a few lines, of a sentence or two, may stand above a headline: more is text that its own heading (the title's
    words) follows. Short labels alone over it are left to the header reader below, and so is a heading set apart
    in capitals ("ELECTRICAL SAFETY" under "Safety Alert" on a page titled "Electrical Safety")."""
    if not title:
        return lines
    title_key = _key(title)
    words = 0
    for index, line in enumerate(lines[:_ABOVE_HEADLINE_MAX_LINES]):
        if _key(line) == title_key:
            above = lines[:index]
            if not any(count_tokens(k) > _HEADER_LABEL_MAX_WORDS for k in above):
                return lines
            return lines if line.isupper() and not title.isupper() else lines[index + 1 :]
        words += count_tokens(line)
        if words > _ABOVE_HEADLINE_MAX_WORDS:
            break
    return lines


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))
