"""Personal names: parsing, nickname equivalence and stable keys.

>>> parse_name("Richard (Dick) Joseph Durbin")
NameParts(first='Richard', middle=('Joseph',), last='Durbin', suffix=None, nickname='Dick')
>>> name_key("Chuck Schumer") == name_key("Charles E. Schumer")
True
>>> name_key("Donald Trump") == name_key("Donald Trump Jr.")
False
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Common English nicknames -> the formal given name they stand for (lowercase).
NICKNAMES = {
    "al": "albert", "alex": "alexander", "andy": "andrew", "barb": "barbara",
    "ben": "benjamin", "bernie": "bernard", "beth": "elizabeth", "betsy": "elizabeth",
    "bill": "william", "billy": "william", "bob": "robert", "bobby": "robert",
    "cathy": "catherine", "charlie": "charles", "chris": "christopher",
    "chuck": "charles", "dan": "daniel", "danny": "daniel", "dave": "david",
    "debbie": "deborah", "dick": "richard", "don": "donald", "doug": "douglas",
    "ed": "edward", "eddie": "edward", "fred": "frederick", "gerry": "gerald",
    "greg": "gregory", "hank": "henry", "jack": "john", "jeff": "jeffrey",
    "jerry": "gerald", "jim": "james", "jimmy": "james", "joe": "joseph",
    "johnny": "john", "jon": "jonathan", "josh": "joshua", "kate": "katherine",
    "kathy": "katherine", "ken": "kenneth", "kenny": "kenneth", "larry": "lawrence",
    "liz": "elizabeth", "maggie": "margaret", "matt": "matthew", "mike": "michael",
    "mitch": "mitchell", "nick": "nicholas", "pat": "patrick", "patty": "patricia",
    "peggy": "margaret", "pete": "peter", "randy": "randall", "rick": "richard",
    "rich": "richard", "rob": "robert", "ron": "ronald", "sam": "samuel",
    "steve": "steven", "stephen": "steven", "sue": "susan", "ted": "edward",
    "thom": "thomas", "tim": "timothy", "tom": "thomas", "tommy": "thomas",
    "tony": "anthony", "vince": "vincent", "will": "william",
}

SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
SURNAME_PARTICLES = {"van", "von", "de", "del", "della", "da", "di", "la", "le", "bin", "al", "st"}


@dataclass(frozen=True)
class NameParts:
    """A personal name split into its parts, as written."""

    first: str | None
    """Given name or initials ("J.D."); None for a surname alone."""
    middle: tuple[str, ...]
    last: str
    """Surname, with particles: "Van Hollen", "bin Salman"."""
    suffix: str | None
    """"Jr.", "III" ..."""
    nickname: str | None
    """A nickname given in parentheses: "Richard (Dick) Durbin"."""


@lru_cache(maxsize=65536)
def parse_name(name: str) -> NameParts:
    """Split a name (no titles) into first, middle, last, suffix and nickname."""
    nickname = None
    match = re.search(r"\(([^)]+)\)", name)
    if match:
        nickname = match.group(1).strip()
        name = name[: match.start()] + name[match.end():]
    tokens = name.replace(",", " ").split()
    suffix = None
    if len(tokens) > 1 and _plain(tokens[-1]) in SUFFIXES:
        suffix = tokens.pop()
    if not tokens:
        return NameParts(None, (), "", suffix, nickname)
    last_start = len(tokens) - 1
    while last_start > 1 and _plain(tokens[last_start - 1]) in SURNAME_PARTICLES:
        last_start -= 1
    last = " ".join(tokens[last_start:])
    before = tokens[:last_start]
    first = before[0] if before else None
    return NameParts(first, tuple(before[1:]), last, suffix, nickname)


@lru_cache(maxsize=65536)
def formal_given_name(given: str) -> str:
    """The formal given name a nickname stands for, lowercased ("Chuck" -> "charles")."""
    plain = _plain(given)
    return NICKNAMES.get(plain, plain)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A stable key for a person's name: formal given name, surname, suffix.

    Nicknames, middle names and initials do not change it: "Chuck Schumer",
    "Charles E. Schumer" and "Charles (Chuck) Ellis Schumer" share one key.
    """
    parts = parse_name(name)
    pieces = [formal_given_name(parts.first)] if parts.first else []
    pieces.append(_plain(parts.last))
    if parts.suffix:
        pieces.append(_plain(parts.suffix))
    return "-".join(piece.replace(" ", "-") for piece in pieces if piece)


@lru_cache(maxsize=65536)
def surname_key(name: str) -> str:
    """The plain surname of a name: "Chris Van Hollen" -> "van-hollen"."""
    return _plain(parse_name(name).last).replace(" ", "-")


def plain_word(word: str) -> str:
    """A name part reduced for comparison: lowercase ASCII letters and spaces.

    >>> plain_word("Menéndez"), plain_word("J.D.")
    ('menendez', 'jd')
    """
    return _plain(word)


@lru_cache(maxsize=65536)
def _plain(word: str) -> str:
    """Lowercase ASCII letters and spaces only: "Jr." -> "jr", "O'Rourke" -> "orourke"."""
    ascii_word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z ]", "", ascii_word.lower()).strip()
