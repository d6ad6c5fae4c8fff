"""Find the people an article names, and which mentions refer to whom.

A capitalized run of words is a person only with evidence: an honorific
("Sen."), a rank ("Gen."), a title ("Treasury Secretary"), a party-state tag,
a hover card glued to it, membership in an honorific list ("Sens. A, B and
C"), or a common given name followed by a surname. A lone surname is a
mention only of someone the article has already named in full. Nothing else
becomes a person: precision over recall.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from graphbuild import lexicon
from graphbuild.model import Article, PersonRef, Span
from graphbuild.names import name_key, parse_name, surname_key
from graphbuild.text import match_tag, state_code

_WORD_CHARACTERS = r"[\w’'\-]"
_CAPITALIZED_WORD = r"[A-Z\u00C0-\u00D6\u00D8-\u00DE]" + _WORD_CHARACTERS + r"*(?:\.(?=[^\W\d_])" + _WORD_CHARACTERS + r"*)*\.?"
"""A word starting with a capital letter (× is not one), keeping inner dots: "U.S.", "J.D.".
Runs of word characters are matched by one repeat each, not one alternation per character."""
_PARTICLES = {"van", "von", "de", "del", "della", "da", "di", "bin", "al", "le", "la"}
_LOWER_KEPT = lexicon.TITLE_MODIFIERS | lexicon.TITLE_HEADS | lexicon.TITLE_CONNECTORS | _PARTICLES


def _alternation_by_first_letter(words: set[str]) -> str:
    """A regex alternation of `words`, longest first, branching on the first letter.

    The regex engine tries alternatives one by one at every word start; grouping
    them by first letter makes it try about one group instead of every word.
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=lambda word: (-len(word), word)):
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(first + "(?:" + "|".join(rests) + ")" for first, rests in sorted(groups.items()))


_TOKEN = re.compile(
    _CAPITALIZED_WORD + r"|\b(?:" + _alternation_by_first_letter(_LOWER_KEPT) + r")\b(?:['’]s)?\.?|,"
)
"""The tokens mention finding needs: capitalized words, the lowercase words of titles
and names ("national security advisor", "van"), and commas (before "Jr."). Other words are
skipped: the gap they leave still ends a name or a title."""
_INITIALS = re.compile(r"(?:[A-Z]\.)+|[A-Z]\.[A-Z]\.?")
_SUFFIXES = {"Jr.", "Sr.", "II", "III", "IV", "Jr", "Sr"}
_KEEP_DOT = {"Sen.", "Sens.", "Rep.", "Reps.", "Jr.", "Sr.", "St.", "U.S."} | lexicon.RANKS


class Token(NamedTuple):
    """One word or punctuation mark of an article (a tuple: there are hundreds per article)."""

    text: str
    start: int
    end: int


class NameMention(NamedTuple):
    """One place an article names a person, with what the words around it say.

    A tuple rather than a frozen dataclass: one is made for every name and
    surname of every article, and a frozen dataclass sets each field through
    object.__setattr__ (1.5 µs a mention against 0.4 µs).
    """

    start: int
    end: int
    """The name itself (no title, no possessive "'s")."""
    extent: tuple[int, int]
    """Name plus title or honorific before it and party tag after it."""
    name: str
    honorific: str | None = None
    """"senator" or "representative" when an honorific precedes the name."""
    title: str | None = None
    """Title phrase before the name as written: "Senate Minority Leader"."""
    party: str | None = None
    state: str | None = None
    possessive: bool = False
    in_list: bool = False
    """Opened by a plural honorific ("Sens."), or a later member of such a list."""
    person: str = ""
    """PersonRef.name this mention refers to (set by coreference)."""

    def with_person(self, person: str) -> NameMention:
        """This mention referring to `person`: _replace, without its cost per field."""
        return NameMention(
            self.start, self.end, self.extent, self.name, self.honorific, self.title,
            self.party, self.state, self.possessive, self.in_list, person,
        )


def tokenize(text: str) -> list[Token]:
    """Words (keeping the dots of abbreviations and initials) and punctuation."""
    tokens = []
    append = tokens.append
    for match in _TOKEN.finditer(text):
        word = match.group()
        start, end = match.span()
        if word[-1] == "." and len(word) > 1 and not _keeps_dot(word):
            append(_new_token(Token, (word[:-1], start, end - 1)))
            append(_new_token(Token, (".", end - 1, end)))
        else:
            append(_new_token(Token, (word, start, end)))
    return tokens


_new_token = tuple.__new__
"""Makes a Token from its three fields: Token(...) would go through a __new__ written in
Python, a cost paid for each of the hundreds of tokens of an article."""


def _keeps_dot(word: str) -> bool:
    return word in _KEEP_DOT or bool(_INITIALS.fullmatch(word)) or word.rstrip(".").lower() in _AP_ABBREVIATIONS


_AP_ABBREVIATIONS = {
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
    "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla",
    "ore", "pa", "tenn", "vt", "va", "wash", "wis", "wyo", "gen", "gov", "jan", "feb",
    "aug", "sept", "oct", "nov", "dec",
}


def find_mentions(article: Article) -> list[NameMention]:
    """Every person mention in the article's text, in order, each resolved to a person."""
    text, tokens = article.text, tokenize(article.text)
    alias_ends = {alias.end for alias in article.aliases}
    runs = _name_runs(text, tokens)
    evidenced, bare = [], []
    for run in runs:
        mention = _evidenced_mention(text, tokens, run, evidenced, alias_ends)
        (evidenced if mention else bare).append(mention or run)
    people = _group_people(evidenced)
    evidenced = evidenced_with_people(evidenced, people)
    surname_mentions = _surname_mentions(text, bare, people, evidenced)
    return sorted(evidenced + surname_mentions, key=lambda m: m.start)


# --- runs of name-like tokens -------------------------------------------------

class Run(NamedTuple):
    """Consecutive tokens that could form a personal name: token indexes [first, last]."""

    first: int
    last: int
    start: int
    end: int
    """The name the tokens spell, without a trailing "'s"."""
    possessive: bool


def _is_name_word(text: str) -> bool:
    """Whether a token's text could be part of a personal name.

    Remembered for words of ordinary length, which recur from article to article;
    a long one (a run of letters with no space) is judged again rather than kept.
    """
    return _is_usual_name_word(text) if len(text) <= 40 else _judge_name_word(text)


def _judge_name_word(text: str) -> bool:
    if not text[:1].isupper():
        return False
    word = text[:-2] if text.endswith(("'s", "’s")) else text
    if word in lexicon.NOT_NAMES or word in lexicon.HONORIFICS or word in lexicon.RANKS:
        return False
    if word.lower() in lexicon.TITLE_HEADS:
        return False
    if _INITIALS.fullmatch(word):
        return True
    return word[:1].isupper() and not word.isupper() and not word.endswith(".") or word in _SUFFIXES


_is_usual_name_word = lru_cache(maxsize=65536)(_judge_name_word)


def _name_runs(text: str, tokens: list[Token]) -> list[Run]:
    runs, free = [], 0
    starts = [i for i, token in enumerate(tokens) if _is_name_word(token.text) and token.text not in _SUFFIXES]
    for index in starts:
        if index < free:
            continue  # inside the previous run
        last = index
        while last + 1 < len(tokens) and _continues_name(text, tokens, last + 1):
            last += 1
        while last > index and (tokens[last].text in _PARTICLES or _INITIALS.fullmatch(tokens[last].text)):
            last -= 1
        if last - index < 5:
            runs.append(_new_run(text, tokens, index, last))
        free = last + 1
    return runs


def _continues_name(text: str, tokens: list[Token], index: int) -> bool:
    token, previous = tokens[index], tokens[index - 1]
    if not _adjacent(text, previous, token):
        return False
    if token.text in _PARTICLES:
        return index + 1 < len(tokens) and _is_name_word(tokens[index + 1].text)
    if token.text in _SUFFIXES:
        return True
    if token.text.lower() in lexicon.TITLE_HEADS and token.text[:1].isupper() and previous.text in lexicon.FIRST_NAMES:
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        return not (following and _adjacent(text, token, following) and _is_name_word(following.text))  # "Rep. Steve King"
    if token.text == "," and index + 1 < len(tokens) and tokens[index + 1].text in {"Jr.", "Sr."}:
        return True
    return _is_name_word(token.text)


def _adjacent(text: str, first: Token, second: Token) -> bool:
    """Whether two tokens may belong to one name or title: one space at most, never a line break.

    A gap of none is never a line break: no token contains one.
    """
    gap = second.start - first.end
    return gap == 0 or gap == 1 and text[first.end] != "\n"


def _new_run(text: str, tokens: list[Token], first: int, last: int) -> Run:
    start, end = tokens[first].start, tokens[last].end
    possessive = text.endswith(("'s", "’s"), start, end)
    return Run(first, last, start, end - 2 if possessive else end, possessive)


# --- evidence that a run is a person --------------------------------------------

def _evidenced_mention(text, tokens, run, earlier_mentions, alias_ends) -> NameMention | None:
    start, end, possessive = run.start, run.end, run.possessive
    name = text[start:end]
    tag = match_tag(text, end) if not possessive else None
    joined = run.first > 0 and _adjacent(text, tokens[run.first - 1], tokens[run.first])
    before = tokens[run.first - 1].text if joined else ""
    honorific, in_list = lexicon.HONORIFICS.get(before, (None, False))
    listed = None if honorific else _list_member(text, tokens, run, earlier_mentions)
    floor = earlier_mentions[-1].extent[1] if earlier_mentions else 0
    # a title ends on the word joined to the name: with none, most runs are spared the walk back
    title_start, title = (None, None) if honorific or not joined else _title_before(text, tokens, run.first, floor)
    words = name.split()
    has_given_name = len(words) > 1 and (words[0] in lexicon.FIRST_NAMES or _INITIALS.fullmatch(words[0]))
    evidence = honorific or listed or title or tag or end in alias_ends or has_given_name or before in lexicon.RANKS
    if not evidence:
        return None
    extent_start = start
    party = None
    # the word right before the honorific or rank, when it belongs to it: "Democratic Sens.", "U.S. Senators", "Army Gen."
    modifier = tokens[run.first - 2] if run.first > 1 and _adjacent(text, tokens[run.first - 2], tokens[run.first - 1]) else None
    if honorific:
        extent_start = tokens[run.first - 1].start
        if modifier and modifier.text in lexicon.PARTY_WORDS:
            extent_start, party = modifier.start, lexicon.PARTY_WORDS[modifier.text]
        if modifier and modifier.text == "U.S.":
            extent_start = modifier.start
    elif before in lexicon.RANKS:
        extent_start = tokens[run.first - 1].start
        if modifier and modifier.text == "Army":
            extent_start = modifier.start
    elif title_start is not None:
        extent_start = title_start
    if listed:
        honorific, party, in_list = listed.honorific, listed.party, True
    extent_end = tag.end if tag else end + (2 if possessive else 0)
    return NameMention(
        start, end, (extent_start, extent_end), name,
        honorific=honorific,
        title=title,
        party=tag.party if tag and tag.party else party,
        state=tag.state if tag else None,
        possessive=possessive,
        in_list=in_list,
    )


def _list_member(text, tokens, run, earlier_mentions) -> NameMention | None:
    """The list head when the run continues "Sens. A (D-X), B (R-Y) and C": it inherits the honorific."""
    if not earlier_mentions or run.first == 0:
        return None
    previous = earlier_mentions[-1]
    if previous.in_list and _LIST_GAP.fullmatch(text, previous.extent[1], tokens[run.first].start):
        return previous
    return None


_LIST_GAP = re.compile(r",?\s(?:and\s)?")


_TITLE_CAPITALS = {"Senate", "House", "White", "State", "Committee", "Federal", "Former", "Department"}
"""Capitalized words that are never names but may stand inside a title: "Secretary of State"."""


def _title_before(text: str, tokens: list[Token], first: int, floor: int) -> tuple[int | None, str | None]:
    """A title phrase ending right before token `first`: "Senate Minority Leader".

    The walk back stops at `floor`, the end of the previous person mention, so
    "Pfizer CEO Albert Bourla and Merck CEO" never becomes one title.
    """
    taken: list[int] = []
    for index in range(first - 1, -1, -1):
        token = tokens[index]
        word, lower = token.text, token.text.lower()
        if token.start < floor or not _adjacent(text, token, tokens[index + 1]):
            break
        if lower in lexicon.TITLE_HEADS or word in _TITLE_CAPITALS or lower in lexicon.TITLE_MODIFIERS:
            taken.append(index)
        elif taken and word[:1].isupper() and word not in lexicon.NOT_NAMES and word not in lexicon.HONORIFICS:
            taken.append(index)
        elif taken and lower in lexicon.TITLE_CONNECTORS and index > 0 and _can_precede_connector(tokens[index - 1]):
            taken.append(index)
        else:
            break
    if not taken:
        return None, None
    while taken and tokens[taken[-1]].text.lower() in lexicon.TITLE_CONNECTORS:
        taken.pop()
    if not any(tokens[i].text.lower() in lexicon.TITLE_HEADS for i in taken):
        return None, None
    start = tokens[taken[-1]].start
    return start, text[start:tokens[first - 1].end]


def _can_precede_connector(token: Token) -> bool:
    word = token.text
    return word[:1].isupper() and word not in lexicon.NOT_NAMES or word.lower() in lexicon.TITLE_HEADS


# --- people and coreference -----------------------------------------------------

def _group_people(mentions: list[NameMention]) -> dict[str, str]:
    """Map each full-name key in the article to the PersonRef.name it belongs to."""
    people: dict[str, str] = {}
    for mention in mentions:
        if len(mention.name.split()) > 1 or parse_name(mention.name).first:
            people.setdefault(name_key(mention.name), mention.name)
    return people


def evidenced_with_people(mentions: list[NameMention], people: dict[str, str]) -> list[NameMention]:
    """Attach each evidenced mention to its person; lone surnames join a full name when it is unique."""
    resolved = []
    for mention in mentions:
        key = name_key(mention.name)
        if key in people:
            resolved.append(mention.with_person(people[key]))
            continue
        candidates = _same_surname(mention, people, resolved)
        resolved.append(mention.with_person(candidates[0] if len(candidates) == 1 else mention.name))
    return resolved


def _same_surname(mention: NameMention, people: dict[str, str], resolved: list[NameMention]) -> list[str]:
    """Full-name people of this article with the mention's surname and no conflicting tag."""
    surname = surname_key(mention.name)
    names = sorted({name for name in people.values() if surname_key(name) == surname and not parse_name(name).suffix})
    if len(names) <= 1:
        return names
    compatible = [
        name for name in names
        if all(_agrees(mention, other) for other in resolved if other.person == name)
    ]
    return compatible


def _agrees(mention: NameMention, other: NameMention) -> bool:
    return (not mention.party or not other.party or mention.party == other.party) and (
        not mention.state or not other.state or mention.state == other.state
    )


def _surname_mentions(text, bare_runs, people, evidenced) -> list[NameMention]:
    """Lone surnames ("Durbin said") of people the article has named, resolved by context."""
    by_surname: dict[str, list[str]] = {}
    for name in sorted(set(people.values())):
        by_surname.setdefault(surname_key(name), []).append(name)
    for mention in evidenced:
        if not parse_name(mention.person).first:  # known only by surname ("Booker (D-NJ)"), unless a full name has it
            by_surname.setdefault(surname_key(mention.person), [mention.person])
    found = []
    for run in bare_runs:
        start, end, possessive = run.start, run.end, run.possessive
        written = text[start:end]
        candidates = by_surname.get(written.lower().replace(" ", "-"), []) or (
            by_surname.get(surname_key(written), []) if len(written.split()) == 1 else []
        )
        if not candidates:
            continue
        person = _pick_by_context(text, end, candidates, evidenced, found, start)
        if person:
            found.append(NameMention(start, end, (start, end + (2 if possessive else 0)), written,
                                     possessive=possessive, person=person))
    return found


_DESCRIPTOR = re.compile(r",\s+the\s+(?P<state>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?P<party>Republican|Democrat)\b")


def _pick_by_context(text, end, candidates, evidenced, found, start) -> str | None:
    """One of several same-surname people: by a descriptor ("the Florida Republican"), else the latest named."""
    if len(candidates) == 1:
        return candidates[0]
    descriptor = _DESCRIPTOR.match(text, end)
    if descriptor:
        code = state_code(descriptor.group("state"))
        matching = [c for c in candidates if any(m.person == c and m.state == code for m in evidenced)]
        if len(matching) == 1:
            return matching[0]
    earlier = [m for m in evidenced + found if m.person in candidates and m.start < start]
    return max(earlier, key=lambda m: m.start).person if earlier else None


def people_of(article: Article, mentions: list[NameMention]) -> tuple[PersonRef, ...]:
    """One PersonRef per person the mentions refer to, with hover-card aliases attached."""
    spans: dict[str, list[Span]] = {}
    for mention in mentions:
        spans.setdefault(mention.person, []).append(Span(article.id, mention.start, mention.end, mention.name))
    aliases: dict[str, set[str]] = {}
    for alias in article.aliases:
        for mention in mentions:
            if mention.end == alias.end:
                aliases.setdefault(mention.person, set()).add(alias.formal)
    return tuple(
        PersonRef(article.id, name, tuple(spans[name]), tuple(sorted(aliases.get(name, ()))))
        for name in sorted(spans)
    )
