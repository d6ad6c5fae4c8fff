"""Sentences, US states and party-state tags: the text facts every extractor shares."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Words ending in "." that do not end a sentence.
ABBREVIATIONS = {
    "sen", "sens", "rep", "reps", "gen", "gov", "govs", "lt", "col", "sgt", "adm", "capt",
    "dr", "mr", "mrs", "ms", "jr", "sr", "st", "mt", "ft", "no", "nos", "vs", "inc",
    "corp", "co", "ltd", "dept", "sec", "pres", "rev", "hon", "atty", "gens",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind",
    "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev",
    "okla", "ore", "pa", "tenn", "vt", "va", "wash", "wis", "wyo", "penn", "wisc",
}

_AFTER_END_MARK = r"[.!?]*[\"”’')\]]*(?=\s+[\"“‘(]?[A-Z0-9])"
_SENTENCE_END = re.compile(r"\." + _AFTER_END_MARK + r"|!" + _AFTER_END_MARK + r"|\?" + _AFTER_END_MARK + r"|\n\n*")
"""[.!?]+ then closing quotes before a capital, or line breaks. Written so that every
alternative starts with a literal character ("\\n\\n*", not "\\n+"): then the regex engine
skips straight to the candidates instead of trying the pattern at every character."""


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence; lines are never joined.

    >>> text = "Sen. Dick Durbin (D-Ill.) spoke. Then J.D. Vance left."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Sen. Dick Durbin (D-Ill.) spoke.', 'Then J.D. Vance left.']
    """
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        mark = match.start()
        if text[mark] == "." and _is_abbreviation(text, mark):
            continue
        end = mark if text[mark] == "\n" else match.end()
        _append_stripped(spans, text, start, end)
        start = match.end()
    _append_stripped(spans, text, start, len(text))
    if any(end - start > MAX_SENTENCE_CHARS for start, end in spans):
        return [piece for span in spans for piece in _bounded(text, *span)]
    return spans


MAX_SENTENCE_CHARS = 2000
"""Longer "sentences" (a 1 MB line without a full stop) are cut at a space near this
length: the extractors look back over a sentence for each event word, so an unbounded
sentence would make them quadratic. News sentences stay well under it (dev set: 354)."""


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end), already stripped, cut into pieces of at most MAX_SENTENCE_CHARS, at the last space when there is one."""
    if end - start <= MAX_SENTENCE_CHARS:
        return [(start, end)]
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, limit)
        cut = cut if cut > start else limit
        _append_stripped(pieces, text, start, cut)
        start = cut
    _append_stripped(pieces, text, start, end)
    return pieces


_WORD_CHARACTERS = re.compile(r"[\w.]*")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the '.' at `dot` closes an abbreviation or an initial rather than a sentence."""
    return _is_abbreviated_word(_word_before(text, dot))


def _word_before(text: str, dot: int) -> str:
    """The letters, digits and dots right before `dot`, within 40 characters.

    Read backwards with one match: searching forwards for "[\\w.]*$" tries every
    start in the window. Like "$", a line break right before `dot` is skipped.
    """
    space = text.rfind(" ", max(0, dot - 40), dot)
    word = text[space + 1:dot]
    if space >= 0 and word.isalnum():  # most words: isalnum() is exactly what \w accepts
        return word
    window = text[max(0, dot - 40):dot]
    if window.endswith("\n"):
        window = window[:-1]
    return _WORD_CHARACTERS.match(window[::-1]).group()[::-1]


@lru_cache(maxsize=65536)
def _is_abbreviated_word(word: str) -> bool:
    bare = word.rstrip(".").lower()
    if bare in ABBREVIATIONS:
        return True
    # initials and dotted acronyms: "E.", "J.D.", "U.S.", "N.Y.", "D.C."
    return bool(_DOTTED.fullmatch(word))


def _append_stripped(spans: list, text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))


STATE_NAMES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin",
    "WY": "Wyoming", "DC": "District of Columbia", "PR": "Puerto Rico", "GU": "Guam",
    "VI": "Virgin Islands", "AS": "American Samoa", "MP": "Northern Mariana Islands",
}

# AP style abbreviations (with their common variants); states AP never shortens
# are matched by their full names.
AP_STATES = {
    "Ala": "AL", "Ariz": "AZ", "Ark": "AR", "Calif": "CA", "Cal": "CA", "Colo": "CO",
    "Conn": "CT", "Del": "DE", "Fla": "FL", "Ga": "GA", "Ill": "IL", "Ind": "IN",
    "Kan": "KS", "Kans": "KS", "Ky": "KY", "La": "LA", "Md": "MD", "Mass": "MA",
    "Mich": "MI", "Minn": "MN", "Miss": "MS", "Mo": "MO", "Mont": "MT", "Neb": "NE",
    "Nebr": "NE", "Nev": "NV", "N.H": "NH", "N.J": "NJ", "N.M": "NM", "N.Y": "NY",
    "N.C": "NC", "N.D": "ND", "N.Dak": "ND", "Okla": "OK", "Ore": "OR", "Oreg": "OR",
    "Pa": "PA", "Penn": "PA", "R.I": "RI", "S.C": "SC", "S.D": "SD", "S.Dak": "SD",
    "Tenn": "TN", "Tex": "TX", "Vt": "VT", "Va": "VA", "Wash": "WA", "W.Va": "WV",
    "W.Va.": "WV", "Wis": "WI", "Wisc": "WI", "Wyo": "WY", "D.C": "DC",
}


def state_code(written: str) -> str | None:
    """The postal code for a state as written: "N.Y.", "NY", "Alaska", "Texas" -> code.

    >>> [state_code(s) for s in ("N.Y.", "NY", "Alaska", "Calif.", "W.Va.", "Narnia")]
    ['NY', 'NY', 'AK', 'CA', 'WV', None]
    """
    written = written.strip()
    if written.upper() in STATE_NAMES and written.isupper() and len(written) == 2:
        return written.upper()
    bare = written.rstrip(".")
    if bare in AP_STATES:
        return AP_STATES[bare]
    return _CODE_BY_NAME.get(written.lower())


_CODE_BY_NAME = {name.lower(): code for code, name in STATE_NAMES.items()}

STATE_NAME_PATTERN = "|".join(sorted((re.escape(n) for n in STATE_NAMES.values()), key=len, reverse=True))
_STATE_WRITTEN = (
    r"(?:[A-Z]\.\s?[A-Z][a-z]*\.|[A-Z][a-z]{1,4}\.|[A-Z]{2}\b|" + STATE_NAME_PATTERN + r")"
)


@dataclass(frozen=True)
class Tag:
    """A party-state tag after a name: "(D-N.Y.)", ", R-S.C.,", "(Pa.)"."""

    start: int
    end: int
    """Offsets in the text searched; end is past the closing ")" or before the trailing ","."""
    party: str | None
    """"D", "R" or "I"; None for a state-only tag."""
    state: str


_PAREN_TAG = re.compile(r"\s*\((?:(?P<party>[DRI])\s?-\s?)?(?P<state>" + _STATE_WRITTEN + r")\)")
_WSJ_TAG = re.compile(r"\s*\((?P<party>[DRI])\.,\s?(?P<state>" + _STATE_WRITTEN + r")\)")
_AP_TAG = re.compile(r",\s(?P<party>[DRI])-(?P<state>" + _STATE_WRITTEN + r")(?=,|\.|;|\s|$)")


_TAG_OPENING = re.compile(r"\s*\(|,\s")
"""What every tag pattern starts with: a cheap test, as most names have no tag."""


def match_tag(text: str, pos: int) -> Tag | None:
    """A party-state tag starting at `pos` (right after a name), if there is one.

    >>> match_tag("Durbin (D-Ill.) said", 6)
    Tag(start=6, end=15, party='D', state='IL')
    >>> match_tag("Lee, R-Utah, and", 3)
    Tag(start=3, end=11, party='R', state='UT')
    >>> match_tag("Casey (D-PA),", 5).state, match_tag("Toomey (Pa.)", 6).party
    ('PA', None)
    >>> match_tag("Hall (R., Kan.) said", 4).state
    'KS'
    """
    if not _TAG_OPENING.match(text, pos):
        return None
    for pattern in (_PAREN_TAG, _WSJ_TAG, _AP_TAG):
        match = pattern.match(text, pos)
        if match:
            code = state_code(match.group("state"))
            if code:
                return Tag(pos, match.end(), match.group("party"), code)
    return None
