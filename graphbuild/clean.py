"""Clean article text once, so every later offset refers to the same string.

Cleaning is a chain of ``str -> str`` steps composed left to right with
``make_cleaner``. Lines that state no facts are dropped (photo credits,
``ADVERTISEMENT``, bylines, press-release markers, a final ``Tags`` line),
whitespace is normalized, and then hover cards are cut out of the text: their
formal names are kept as Alias records, their headlines are dropped.

Cleaned text has paragraphs separated by exactly one blank line ("\\n\\n"),
lines within a paragraph (bullet lists) by "\\n", single spaces, no spaces at
line ends, no control or zero-width characters, and no blank lines at the ends.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from graphbuild.model import Alias, Article

Step = Callable[[str], str]


def make_cleaner(*steps: Step) -> Step:
    """Compose ``str -> str`` steps into one, applied left to right.

    >>> make_cleaner(str.strip, str.lower)("  Senate ")
    'senate'
    """

    def clean(text: str) -> str:
        for step in steps:
            text = step(text)
        return text

    return clean


# ---- characters and whitespace ---------------------------------------------

LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def normalize_characters(text: str) -> str:
    """Unify line breaks, turn non-breaking and other odd spaces into " ", drop invisible characters."""
    text = LINE_BREAKS.sub("\n", text)
    text = ODD_SPACES.sub(" ", text)
    return INVISIBLE.sub("", text)


def collapse_spaces(text: str) -> str:
    """Collapse runs of spaces and strip spaces at both ends of every line."""
    return "\n".join(re.sub(r" {2,}", " ", line).strip(" ") for line in text.split("\n"))


def collapse_blank_lines(text: str) -> str:
    """Leave exactly one blank line between paragraphs and none at the ends."""
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


# ---- lines that state no facts ---------------------------------------------

NOISE_LINES = [
    re.compile(r"©.*"),  # photo credits: "© Getty Images", "© Anna Moneymaker"
    re.compile(r"advertisement", re.IGNORECASE),
    re.compile(r"for immediate release", re.IGNORECASE),
    re.compile(r"(?:media |press )?contacts?:.*", re.IGNORECASE),
    re.compile(r"#{3}|# # #"),  # a press release's end marker
    re.compile(r"(?:The )?Associated Press|Reuters"),  # wire credit under a byline
    # bylines: "By DANA HOLLIS and MARK RENNER", "By Ellen Marsh"; only
    # capitalized words, so a sentence such as "By Thursday, the ..." stays
    re.compile(r"By [A-Z][\w.'’-]*,?(?: (?:[A-Z][\w.'’-]*,?|and|&)){0,12}"),
]
TAGS_LINE = re.compile(r"Tags(?: [A-Z][\w.'’-]*)+")


def is_noise_line(line: str) -> bool:
    stripped = line.strip(" ")
    return any(pattern.fullmatch(stripped) for pattern in NOISE_LINES)


def drop_noise_lines(text: str) -> str:
    """Blank out credit, advertisement, byline and press-release marker lines.

    They become blank lines rather than vanishing, because an ad sits between
    paragraphs: the text around it must stay in separate paragraphs.
    """
    return "\n".join("" if is_noise_line(line) else line for line in text.split("\n"))


def drop_tags_line(text: str) -> str:
    """Drop a final ``Tags Name Name ...`` line, a list of names that states nothing."""
    body, _, last = text.rstrip(" \n").rpartition("\n")
    return body if TAGS_LINE.fullmatch(last.strip(" ")) else text


clean_text = make_cleaner(
    normalize_characters,
    drop_noise_lines,
    drop_tags_line,
    collapse_spaces,
    collapse_blank_lines,
)
"""Everything except hover-card removal, which also reports aliases."""

def join_lines(text: str) -> str:
    return text.replace("\n", " ")


clean_title = make_cleaner(normalize_characters, join_lines, collapse_spaces)


# ---- hover cards -------------------------------------------------------------

MORE = re.compile(r" MORE\b")
GLUE = re.compile(r"(?<=[a-zß-öø-ÿ.])(?=[A-ZÀ-ÖØ-Þ])")
NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*")
PLAIN_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+")
# inside a formal name a capital may only follow a lowercase letter in these
# prefixes: "McConnell", "MacArthur", "DeSantis", "LaHood", "O'Rourke"
NAME_PART = r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O'|O’|D'|D’)?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]*"
FORMAL_WORD = re.compile(rf"\(?(?:(?:[A-Z]\.){{1,3}}|{NAME_PART}(?:-{NAME_PART})*\.?)\)?,?")
NAME_SUFFIX = re.compile(r",? (?:Jr\.|Sr\.|III|II|IV)")
HEADLINE_START = re.compile(r"[A-ZÀ-ÖØ-Þ0-9'\"‘“$]")
TITLE_WORDS = frozenset(
    """President Vice Leader Secretary Director Speaker Chairman Chairwoman Chair
    Senator Senators Representative Congressman Congresswoman Governor Mayor Judge
    Justice Attorney General Administrator Ambassador Commissioner Whip Minority
    Majority Former Acting Ranking Member Deputy Assistant Chief Adviser Advisor
    Democrat Democrats Democratic Republican Republicans Independent Sen Sens Rep
    Reps Gov Mr Mrs Ms Dr Gen Adm Col Lt Capt Lady First House Senate""".split()
)
MAX_CARD_CHARS = 1200
MAX_FORMAL_WORDS = 8
MAX_DISPLAY_CHARS = 120


@dataclass(frozen=True)
class HoverCard:
    """A hover card found glued to a name: text[start:end] is cut out."""

    start: int
    """Offset just past the display name (the glue point)."""
    end: int
    """Offset just past the closing "MORE"."""
    display: str
    formal: str


def find_hover_cards(text: str) -> list[HoverCard]:
    """Find every hover card: display name, glued formal name, headlines, `` MORE``."""
    cards: list[HoverCard] = []
    searched_from = 0
    for more in MORE.finditer(text):
        window_start = max(searched_from, text.rfind("\n", 0, more.start()) + 1, more.start() - MAX_CARD_CHARS)
        card = first_card_before(text, window_start, more)
        if card:
            cards.append(card)
        # a card ends at the first MORE after its glue point, so no glue point
        # before this MORE can start a card that ends at a later one
        searched_from = more.end()
    return cards


def first_card_before(text: str, window_start: int, more: re.Match[str]) -> HoverCard | None:
    """Try each glue point from the left: the first that parses as a card wins."""
    for glue in GLUE.finditer(text, window_start, more.start()):
        card = parse_card(text, glue.start(), more, window_start)
        if card:
            return card
    return None


def parse_card(text: str, glue: int, more: re.Match[str], window_start: int) -> HoverCard | None:
    """Read a card glued at ``glue``, or None when the text there is not one."""
    before = words_before(text, window_start, glue)
    surname = before[-1]
    if not NAME_WORD.fullmatch(surname) or surname.rstrip(".") in TITLE_WORDS:
        return None
    formal_end = find_formal_end(text, glue, more.start(), surname)
    if formal_end is None:
        return None
    headlines = text[formal_end:more.start()]
    if " " not in headlines.strip(" ") or MORE.search(headlines):
        return None
    formal = text[glue:formal_end]
    display_words = pick_display_words(before, formal)
    display = " ".join(display_words)
    return HoverCard(start=glue, end=more.end(), display=display, formal=formal)


def words_before(text: str, window_start: int, glue: int) -> list[str]:
    """The space-separated words of the last stretch of text before ``glue``."""
    start = max(window_start, glue - MAX_DISPLAY_CHARS)
    words = text[start:glue].split(" ")
    # a stretch cut short may begin mid-word
    return words[1:] if start > window_start and len(words) > 1 else words


def find_formal_end(text: str, glue: int, limit: int, surname: str) -> int | None:
    """Return where the formal name ends: after the surname (and any "Jr."), where a headline is glued on."""
    position = glue
    for _ in range(MAX_FORMAL_WORDS):
        word = FORMAL_WORD.match(text, position, limit)
        if not word:
            return None
        if word.group().rstrip(",") == surname:
            end = word.end()
            suffix = NAME_SUFFIX.match(text, end, limit)
            end = suffix.end() if suffix else end
            if HEADLINE_START.match(text, end, limit):
                return end
        if not text.startswith(" ", word.end()):
            return None
        position = word.end() + 1
    return None


def pick_display_words(before: list[str], formal: str) -> list[str]:
    """The name words right before the glue point that the formal name also has.

    A first word the formal name lacks still counts when it sits directly
    before the surname and is no title: "Charles Schumer" next to "Chuck Schumer".
    """
    formal_words = {word.strip("(),") for word in formal.split(" ")}
    words = [before[-1]]
    for word in reversed(before[:-1]):
        if NAME_WORD.fullmatch(word) and word in formal_words:
            words.insert(0, word)
        elif len(words) == 1 and PLAIN_NAME_WORD.fullmatch(word) and word not in TITLE_WORDS:
            words.insert(0, word)
            break
        else:
            break
    return words


def remove_hover_cards(text: str) -> tuple[str, tuple[Alias, ...]]:
    """Cut every hover card out of ``text``; return the new text and an Alias per card."""
    pieces: list[str] = []
    aliases: list[Alias] = []
    kept_until = 0
    length = 0
    for card in find_hover_cards(text):
        pieces.append(text[kept_until:card.start])
        length += card.start - kept_until
        aliases.append(Alias(display=card.display, formal=card.formal, end=length))
        kept_until = card.end
    pieces.append(text[kept_until:])
    return "".join(pieces), tuple(aliases)


def strip_hover_cards(text: str) -> str:
    """The ``str -> str`` step form of remove_hover_cards, for titles and pipelines."""
    return remove_hover_cards(text)[0]


# ---- press releases ----------------------------------------------------------

RELEASE_MARKER = re.compile(r"for immediate release", re.IGNORECASE)
DATE_LINE = re.compile(r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, )?([A-Z][a-z]+\.? \d{1,2}, \d{4})")
DATELINE_LEAD = re.compile(r"[A-Z][A-Z .,]+ [–—-] ")  # "WASHINGTON – Senators ..."
MAX_TITLE_CHARS = 200


def promote_release_title(article: Article, text: str) -> tuple[str, str, str | None]:
    """For a press release read with "FOR IMMEDIATE RELEASE" as its headline, use the real title line.

    Returns the title, the text without that line, and the date from the
    release's date line when the article has none.
    """
    if not RELEASE_MARKER.fullmatch(article.title.strip()):
        return article.title, text, article.date
    date = article.date
    paragraphs = text.split("\n\n")
    for index, paragraph in enumerate(paragraphs):
        date_line = DATE_LINE.fullmatch(paragraph)
        if not date_line:
            if not looks_like_title(paragraph):
                break
            return paragraph, "\n\n".join(paragraphs[:index] + paragraphs[index + 1:]), date
        date = date or parse_us_date(date_line.group(1))
    return "", text, date


def looks_like_title(paragraph: str) -> bool:
    """One short line that is not a sentence or the dateline lead."""
    return (
        "\n" not in paragraph
        and 0 < len(paragraph) <= MAX_TITLE_CHARS
        and not paragraph.endswith((".", ":", ";"))
        and not DATELINE_LEAD.match(paragraph)
    )


def parse_us_date(text: str) -> str | None:
    """ "December 18, 2018" -> "2018-12-18"; None when it is no date."""
    for layout in ("%B %d, %Y", "%b. %d, %Y", "%b %d, %Y"):
        try:
            return datetime.strptime(text, layout).date().isoformat()
        except ValueError:
            continue
    return None


# ---- the stage -----------------------------------------------------------------


def clean_article(article: Article) -> Article:
    """Return the article with cleaned title and text, and its hover cards as aliases."""
    text = clean_text(article.text)
    title, text, date = promote_release_title(article, text)
    text, aliases = remove_hover_cards(text)
    title = make_cleaner(clean_title, strip_hover_cards)(title)
    return replace(article, title=title, text=text, date=date, aliases=aliases)
