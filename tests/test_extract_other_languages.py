"""The page furniture and credit lines of news sites outside English and Indonesian: German, French, Spanish,
Portuguese, Italian and Dutch pages print the same labels ("Lesen Sie auch", "Partager", "Comentarios", "Alle
Rechte vorbehalten", "Von X und Y") in their own words. Each page below is hand-written the way such a site lays
out an article; the story must come out clean and the byline must land in authors."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newscorpus.extract.article import extract_article
from newscorpus.extract.boilerplate import remove_boilerplate
from newscorpus.extract.bylines import read_byline


def _story(sentence: str) -> list[str]:
    return [f"{sentence} ({n})" for n in range(1, 8)]


GERMAN = _story(
    "Der Stadtrat hat am Montagabend nach langer Debatte beschlossen, die Brücke über den Fluss bis zum Herbst "
    "zu sanieren, und die Anwohner sollen während der Bauarbeiten eine Umleitung nutzen"
)
FRENCH = _story(
    "Le conseil municipal a voté lundi soir, après un long débat, la rénovation du pont sur la rivière avant "
    "l'automne, et les riverains devront emprunter une déviation pendant les travaux"
)
SPANISH = _story(
    "El ayuntamiento aprobó el lunes por la noche, tras un largo debate, la reforma del puente sobre el río "
    "antes del otoño, y los vecinos deberán usar un desvío durante las obras"
)


def _page(lang: str, title: str, header: list[str], story: list[str], inline: str, tail: list[str]) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in story[:3])
    paragraphs += f"<p>{inline}</p>"
    paragraphs += "".join(f"<p>{line}</p>" for line in story[3:])
    return f"""<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>
    <nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>
    <article><h1>{title}</h1>{"".join(f"<div>{line}</div>" for line in header)}
    <div class="text">{paragraphs}</div>{"".join(f"<p>{line}</p>" for line in tail)}</article>
    </body></html>"""


@pytest.mark.parametrize(
    ("lang", "header", "story", "inline", "tail", "authors", "published"),
    [
        (
            "de",
            ["Von Anna Schmidt und Jonas Weber", "Aktualisiert am 12. März 2024, 14:30 Uhr", "Teilen", "Drucken"],
            GERMAN,
            "Lesen Sie auch: Die Stadt plant einen neuen Radweg am Ufer",
            ["Anzeige", "Kommentare", "Alle Rechte vorbehalten."],
            ["Anna Schmidt", "Jonas Weber"],
            datetime(2024, 3, 12, tzinfo=UTC),
        ),
        (
            "fr",
            ["Par Jean Dupont et Marie Curie", "Publié le 12 mars 2024", "Partager", "Imprimer"],
            FRENCH,
            "À lire aussi : La ville prévoit une nouvelle piste cyclable",
            ["Publicité", "Commentaires", "Tous droits réservés."],
            ["Jean Dupont", "Marie Curie"],
            datetime(2024, 3, 12, tzinfo=UTC),
        ),
        (
            "es",
            ["Por María López y Juan Pérez", "Actualizado el 12 de marzo de 2024", "Compartir"],
            SPANISH,
            "Lee también: La ciudad planea un nuevo carril bici junto al río",
            ["Publicidad", "Comentarios", "Todos los derechos reservados."],
            ["María López", "Juan Pérez"],
            datetime(2024, 3, 12, tzinfo=UTC),
        ),
    ],
)
def test_a_story_in_another_language_comes_out_without_its_furniture(
    lang: str,
    header: list[str],
    story: list[str],
    inline: str,
    tail: list[str],
    authors: list[str],
    published: datetime,
) -> None:
    html = _page(lang, "Die Brücke wird saniert", header, story, inline, tail)
    article = extract_article(html, url=f"https://news.example/{lang}/bruecke")
    assert [line for line in article.body.split("\n") if line] == story
    assert article.authors == authors
    assert article.language == lang
    assert article.published_at is not None and article.published_at.date() == published.date()


@pytest.mark.parametrize(
    ("heading", "entries"),
    [
        ("Inhaltsverzeichnis", ["Die Debatte", "Der Beschluss", "Die Umleitung"]),
        ("Sommaire", ["Le débat", "Le vote", "La déviation"]),
        ("Índice", ["El debate", "La votación", "El desvío"]),
    ],
)
def test_a_table_of_contents_in_another_language_is_dropped(heading: str, entries: list[str]) -> None:
    text = [entries[0], GERMAN[0], entries[1], GERMAN[1], entries[2], GERMAN[2]]
    toc = [heading, *(f"{n}. {entry}" for n, entry in enumerate(entries, 1))]
    assert remove_boilerplate([GERMAN[3], *toc, *text]) == [GERMAN[3], *text]
    assert remove_boilerplate([GERMAN[3], heading, *text]) == [GERMAN[3], *text]  # left alone once entries went


@pytest.mark.parametrize(
    "tail",
    [
        ["Über den Autor", "Anna Schmidt schreibt seit 2010 über Stadtpolitik und Verkehr."],
        ["Das könnte Sie auch interessieren", "Neue Radwege in der Innenstadt", "Der Bahnhof wird umgebaut"],
        ["Articles similaires", "Une nouvelle piste cyclable", "La gare en travaux"],
        ["Noticias relacionadas", "Un nuevo carril bici", "La estación en obras"],
        ["Notícias relacionadas", "Uma nova ciclovia", "A estação em obras"],
        ["Articoli correlati", "Una nuova pista ciclabile", "La stazione in lavori"],
        ["Gerelateerde artikelen", "Een nieuw fietspad", "Het station in verbouwing"],
        ["Lascia un commento", "Il tuo indirizzo email non sarà pubblicato."],
        ["3 Kommentare", "Max: Endlich passiert etwas an der Brücke!"],
    ],
)
def test_end_of_story_sections_in_other_languages_are_cut(tail: list[str]) -> None:
    assert remove_boilerplate([*GERMAN, *tail]) == GERMAN


@pytest.mark.parametrize(
    "line",
    [
        "Foto: Anna Schmidt/dpa",
        "Bild: Jonas Weber",
        "Crédit photo : AFP",
        "Imagen: EFE",
        "Leggi anche: La nuova pista ciclabile",
        "Lees ook: Het nieuwe fietspad",
        "Veja também: A nova ciclovia",
        "Werbung",
        "Condividi",
    ],
)
def test_a_furniture_line_in_another_language_is_dropped(line: str) -> None:
    assert remove_boilerplate([*GERMAN[:3], line, *GERMAN[3:]]) == GERMAN


@pytest.mark.parametrize(
    "sentence",
    [
        # sentences that start with a label's word stay in the story
        "Werbung ist für die Zeitung die wichtigste Einnahme, sagte der Verleger am Dienstag in Hamburg.",
        "Teilen sich zwei Familien eine Wohnung, zahlen sie nach dem neuen Gesetz weniger Steuern als bisher.",
        "Publicidad y propaganda no son lo mismo, explicó la profesora ante los estudiantes de la facultad.",
        # a "read also" phrase opening a sentence (a link label has a colon, a dash or stands alone)
        "Auch interessant ist, dass die Zahl der Anträge gestiegen ist.",
        "Mehr zum Thema wollte der Minister am Abend nicht sagen.",
        "Voir aussi les conséquences pour les agriculteurs, a-t-il ajouté.",
        "Te puede interesar saber que el precio del pan subió un 10 %.",
        "Veja também como o governo reagiu à crise econômica no país.",
        # a paywall's words in a sentence (the paywall asks: "Déjà abonné ?")
        "Il était déjà abonné au service depuis des années.",
        "Ya eres suscriptor de la revista desde hace años, le dijo.",
        "Weiterlesen mit dem neuen Angebot ist teuer, sagte sie.",
        # a sentence opening with a dated "Published" is no header stamp
        "Publicado el 3 de mayo de 2023, el informe advierte riesgos.",
        "Publié le 12 janvier 2024, le rapport a fait polémique.",
    ],
)
def test_a_sentence_starting_with_a_label_word_stays(sentence: str) -> None:
    lines = [*GERMAN[:3], sentence, *GERMAN[3:]]
    assert remove_boilerplate(lines) == lines


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Von Anna Schmidt und Jonas Weber", ["Anna Schmidt", "Jonas Weber"]),
        ("Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
        ("Por María López y Juan Pérez", ["María López", "Juan Pérez"]),
        ("Door Jan de Vries", ["Jan de Vries"]),
        ("Av Ola Nordmann og Kari Nordmann", ["Ola Nordmann", "Kari Nordmann"]),
        ("Autor: Hans Müller", ["Hans Müller"]),
        ("Auteur : Claire Martin", ["Claire Martin"]),
    ],
)
def test_bylines_in_other_languages(line: str, authors: list[str]) -> None:
    byline = read_byline(line, at_start=True)
    assert byline is not None and byline.authors == authors


@pytest.mark.parametrize(
    "line",
    [
        "Von der Leyen besucht am Montag Kiew",
        "Par ailleurs, le gouvernement a annoncé",
        "Por qué Madrid gana",
        # headings: German capitalises nouns, so they pass a capitalisation check; a byline names full names
        "Von der Leyen",
        "Von Berlin und Brandenburg",
        "Par la Rédaction",
        "Por Favor",
    ],
)
def test_a_sentence_starting_with_by_in_another_language_is_not_a_byline(line: str) -> None:
    assert read_byline(line, at_start=True) is None


@pytest.mark.parametrize(
    ("lang", "pitch"),
    [
        ("de", "Dieser Artikel ist nur für Abonnenten verfügbar. Jetzt weiterlesen mit Z+"),
        ("fr", "Il vous reste 84.12% de cet article à lire. La suite est réservée aux abonnés."),
        ("es", "Este contenido es exclusivo para suscriptores. Suscríbete para seguir leyendo."),
        ("pt", "Este conteúdo é exclusivo para assinantes. Já é assinante? Faça login."),
        ("it", "Questo articolo è riservato agli abbonati. Sei già abbonato? Accedi."),
        ("nl", "Dit artikel is alleen voor abonnees. Al abonnee? Log in."),
    ],
)
def test_a_paywalled_teaser_in_another_language_is_flagged(lang: str, pitch: str) -> None:
    html = _page(lang, "Die Brücke wird saniert", [], GERMAN[:1], pitch, [])
    article = extract_article(html, url=f"https://news.example/{lang}/bruecke")
    assert "teaser" in article.quality_flags
    assert pitch not in article.body


def test_a_story_that_mentions_subscribers_is_not_a_teaser() -> None:
    mention = "Die Zeitung hat nach eigenen Angaben im vergangenen Jahr viele neue Abonnenten gewonnen."
    html = _page("de", "Die Brücke wird saniert", [], GERMAN, mention, [])
    article = extract_article(html, url="https://news.example/de/bruecke")
    assert "teaser" not in article.quality_flags
    assert mention in article.body
