"""sponsors_bill: introducing, sponsoring or cosponsoring a bill or resolution.

"X and Y introduced the Z Act", "sponsored by X and Y", "X is a cosponsor",
"legislation he introduced with Sen. Y", "his legislation with Sen. Y".
Supporting, voting for, negotiating or drafting a bill is not sponsoring it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from graphbuild.extract.clauses import LIST, Clause, companions_after, from_subjects, negated, subject_of, who_subjects
from graphbuild.extract.document import KEYED, LAST, NEW, Doc, EventHit

NAME = "bills.v1"
_CAPITALIZED = r"[A-Z][\w’'\-]*"
_NAME_STEP = r"(?:,? " + _CAPITALIZED + r"| (?:of|and|for|the|to|on|in|from|a|an|with)|, and " + _CAPITALIZED + ")"
"""One more word of a bill's name; a comma only before a capitalized word ("Nurture Originals, Foster Art, and ...")."""
_NOT_FIRST = r"(?!(?:In|On|At|For|From|The|A|An|With|By|As|After|Before|Under|Since|During|When|While|If|And|But|Or|Of|To)\b)"
BILL_NAME = re.compile(
    r"(?P<name>" + _NOT_FIRST + _CAPITALIZED + _NAME_STEP + r"{0,14}? (?:Act|Resolution)(?: of \d{4})?)\b"
    r"|(?P<number>\b(?:H\.\s?R\.|S\.|H\.\s?Res\.|S\.\s?Res\.)\s?\d{1,5}\b)"
)
_OPENING_BILL_NAME = re.compile(r"(?:The |the )?" + BILL_NAME.pattern)
_NAME_HINT = re.compile(r"Act|Resolution|H\.|S\.")
"""A cheap test before BILL_NAME runs: text every bill name or number contains."""
_BILL_WORD = re.compile(r"\b(?i:(?=[blmrapcs])(?:bill|legislation|measure|resolution|act|proposal|package|co-?sponsors?|sponsors?))\b")
"""A word for a bill or its sponsors. The lookahead on first letters changes nothing it
matches: it spares the regex engine trying each word at every word start of every sentence."""
_BILL_NOUN = re.compile(r"\b(?:bill|legislation|measure|resolution|act|Act|proposal|package)\b")
_DEFINITE = re.compile(r"\b(?:the|that|this) (?:bill|legislation|measure|resolution|proposal|package)\b|\bit\b")
_INTRODUCED_IT = re.compile(r"\b(?:introduced|reintroduced|filed|unveiled) it\b")
"""With a bill named before, "X and Y introduced it" needs no bill word."""
_INTRODUCE = re.compile(r"\b(?:introduced|reintroduced|unveiled|filed|sponsored|cosponsored|co-sponsored|authored|signed on)\b")
_STATUS = re.compile(
    r"\b(?:is|are|was|were|has been|have been|became)(?: also| now| already)? (?:an? |the |the (?:bill|measure|legislation|resolution)['’]s )?"
    r"(?:original |lead |chief |main |primary )?(?:co-?sponsor(?:s|ing)?|sponsor(?:s|ing)?)\b"
)
_PASSIVE = re.compile(
    r"\b(?:introduced|reintroduced|sponsored|cosponsored|co-sponsored|authored|written|filed|led)"
    r"(?: [^⟦…;]{0,40}?)? by (?P<list>" + LIST + r")"
)
_WHO_SPONSORED = (
    r"(?:introduced|reintroduced|sponsored|cosponsored|co-sponsored|authored|is sponsoring|is cosponsoring|"
    r"(?:is|was) (?:the |a |an )?(?:lead |chief |original )?(?:co-?)?sponsor of) (?:the|a|an|this|that|his|her|their)"
    r"(?: [\w-]+){0,4}? (?:bill|legislation|measure|resolution|Act)\b"
)
_SPONSOR_TITLE = re.compile(
    r"\b[Tt]he (?:bill|measure|legislation|resolution)['’]s (?:lead |chief |main |primary |original |top )?"
    r"(?:co-?)?sponsors?,? (?:(?:Sens?\.|Senators?|Reps?\.|Representatives?) )?(?P<list>" + LIST + ")"
)
"""A sponsor named by the post: "The bill's lead sponsor, Sen. X, ..." (the bill in context)."""
_LEGISLATION_FROM = re.compile(r"^Legislation (?:from|by) (?P<list>" + LIST + ")")
_POSSESSIVE_WITH = re.compile(
    r"(?P<owner>⟦\d+⟧)['’]s (?:own |new |bipartisan )?(?:legislation|bill|measure|resolution|proposal)"
    r"(?: [a-z]+){0,3}? with (?:Sens?\. |Senators? |Reps?\. )?(?P<list>" + LIST + r")"
)


def extract_bills(doc: Doc) -> Iterator[EventHit]:
    """Yield one hit per statement that named people introduced or (co)sponsor a bill."""
    last_named = ""
    for clause in doc.clauses:
        if _BILL_WORD.search(clause.masked) or last_named and " it" in clause.reduced and _INTRODUCED_IT.search(clause.reduced):
            for position, people in _sponsors(clause):
                yield _hit(doc, clause, position, people, last_named)
        if _NAME_HINT.search(clause.reduced):
            names = [_bill_name(m) for m in _bill_names_in(clause.reduced)]
            last_named = names[-1] if names else last_named


def _sponsors(clause: Clause) -> Iterator[tuple[int, list[str]]]:
    text = clause.reduced
    for match in _INTRODUCE.finditer(text):
        people = subject_of(clause, match.start())
        if people:
            yield match.start(), people + companions_after(clause, match.end())
    for match in _STATUS.finditer(text) if "sponsor" in text else ():
        people = subject_of(clause, match.start())
        if people:
            yield match.start(), people
    for match in _PASSIVE.finditer(text) if " by ⟦" in text else ():
        if _BILL_WORD.search(text[max(0, match.start() - 80):match.start()]) and not negated(text[_last_bill_word(text, match.start()):match.start()]):
            yield match.start(), clause.people(match.group("list"))
    for match in _POSSESSIVE_WITH.finditer(text) if " with " in text else ():
        yield match.start(), clause.people(match.group("owner") + " " + match.group("list"))
    yield from from_subjects(clause, r"bill|legislation|measure|resolution|proposal|Legislation")
    yield from who_subjects(clause, _WHO_SPONSORED)
    for match in _SPONSOR_TITLE.finditer(clause.masked) if "sponsor" in clause.masked else ():
        yield match.start(), clause.people(match.group("list"))
    for match in _LEGISLATION_FROM.finditer(text) if text.startswith("Legislation") else ():
        yield match.start(), clause.people(match.group("list"))


def _last_bill_word(text: str, position: int) -> int:
    words = list(_BILL_WORD.finditer(text, 0, position))
    return words[-1].end() if words else max(0, position - 40)


def _hit(doc: Doc, clause: Clause, position: int, people: list[str], last_named: str) -> EventHit:
    name, where = _nearest_name(clause.reduced, position)
    if name:
        version = _VERSION_OF.search(clause.reduced[:where])
        if version:
            key = f"earlier version of {name}"
            return EventHit("Bill", clause.index, position, tuple(people), NAME, KEYED, key=key, label=key)
        names = _aliases(clause.reduced, where)
        return EventHit("Bill", clause.index, position, tuple(people), NAME, KEYED, key=name, label=names[0], names=names)
    phrase = clause.reduced[max(0, position - 60):position + 60]
    in_context = _DEFINITE.search(phrase) or not _BILL_NOUN.search(phrase)  # "signed on as a cosponsor"
    if in_context and last_named:
        return EventHit("Bill", clause.index, position, tuple(people), NAME, KEYED, key=last_named, label=last_named, names=(last_named,))
    ahead = _named_next(doc, clause)
    if ahead:
        return EventHit("Bill", clause.index, position, tuple(people), NAME, KEYED, key=ahead, label=ahead, names=(ahead,))
    reference = LAST if in_context else NEW
    return EventHit("Bill", clause.index, position, tuple(people), NAME, reference, label=_describe(phrase))


def _nearest_name(text: str, position: int) -> tuple[str, int]:
    """The bill named closest to the rule's match: after it first, then before it."""
    names = _bill_names_in(text)
    after = [m for m in names if m.start() >= position]
    before = [m for m in names if m.start() < position]
    match = after[0] if after and (not before or after[0].start() - position < 80) else (before[-1] if before else None)
    return (_bill_name(match), match.start()) if match else ("", -1)


_VERSION_OF = re.compile(r"\b(?:an? )?(?:earlier |previous |first )?version of (?:the )?$")
_LEADING_ARTICLE = re.compile(r"^(?:The|the|A|An) ")
_ALIAS_JOINS = re.compile(r"(?:,? or (?:the )?|,? also known as (?:the )?| \(|\), (?:the )?|, (?:the )?)$")


def _aliases(text: str, where: int) -> tuple[str, ...]:
    """The names a sentence gives one bill: "... Keep Entertainment Safe Act, or NO FAKES Act", "DETER Act (H.R. 4884)".

    Names joined by "or", "also known as", a parenthesis or an apposition are
    one bill; the longest comes first, as the label.
    """
    matches = _bill_names_in(text)
    chosen = next(i for i, m in enumerate(matches) if m.start() == where)
    group = [chosen]
    for step in (-1, 1):
        index = chosen
        while 0 <= index + step < len(matches):
            left, right = sorted((matches[index], matches[index + step]), key=lambda m: m.start())
            if not _ALIAS_JOINS.fullmatch(text[left.end():right.start()] + ""):
                break
            index += step
            group.append(index)
    names = [_bill_name(matches[i]) for i in sorted(group)]
    return tuple(sorted(dict.fromkeys(names), key=lambda n: (-len(n), n)))


@lru_cache(maxsize=64)
def _bill_names_in(text: str) -> tuple[re.Match, ...]:
    """Every bill name and number in a sentence: a slow pattern, which a sentence with
    several sponsors would otherwise run once for each of them."""
    return tuple(BILL_NAME.finditer(text))


def _bill_name(match: re.Match) -> str:
    name = match.group("name") or match.group("number")
    return _LEADING_ARTICLE.sub("", name)


def _named_next(doc: Doc, clause: Clause) -> str:
    """'... introduced a bipartisan bill. The Dream Act of 2017 would ...': the name the next sentence gives."""
    if clause.index + 1 >= len(doc.clauses):
        return ""
    match = _OPENING_BILL_NAME.match(doc.clauses[clause.index + 1].reduced)
    return _bill_name(match) if match else ""


def _describe(phrase: str) -> str:
    match = re.search(r"(?<![\w'’⟧])(?:[a-z-]+ ){0,2}(?:bill|legislation|measure|resolution|proposal)\b", phrase)
    text = match.group() if match else "bill"
    return re.sub(r"^(?:a|an|the|its|his|her|their|own|new) ", "", re.sub(r"^(?:a|an|the|its|his|her|their) own ", "", text))
