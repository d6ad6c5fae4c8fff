"""testified_at_hearing: witnesses before a committee, including past testimony in passing.

Members who question witnesses or chair the hearing do not testify; being
called, invited or scheduled to testify is not testifying.
"""
from __future__ import annotations

import re
from typing import Iterator

from graphbuild.extract.clauses import LIST, Clause, fronted_subjects, negated, subject_of, who_subjects
from graphbuild.extract.document import KEYED, LAST, NEW, Doc, EventHit, hits_in_sequence

NAME = "hearings.v1"
_COMMITTEE_WORDS = r"(?:[A-Z][\w’'\-&().]*|and|on|of|the|for)"
_TESTIFY = (
    r"(?:testified|testifies|testifying|appeared as (?:a )?witness(?:es)?|gave testimony|delivered testimony|"
    r"appeared before (?=(?:the |a |an )?(?:" + _COMMITTEE_WORDS + r" )*(?:Committee|Subcommittee|[Pp]anel|committee|subcommittee)\b))"
)
_COMMITTEE = re.compile(
    r"\b(?:before|to|at) (?:the |a |an )?(?P<committee>" + _COMMITTEE_WORDS + r"(?: " + _COMMITTEE_WORDS + r")*? (?:Committee|Subcommittee|Commission|Caucus))"
)
_FRONTED = r"[Tt]estifying (?:before|to) [^,…]*|[Ii]n (?:his |her |their )?testimony (?:before|to) [^,…]*"
_WITNESSES = re.compile(r"\b[Ww]itness(?:es)? (?:included|were|was) (?P<list>" + LIST + ")")
_HEARD_FROM = re.compile(r"\b(?:[Cc]ommittee|[Ss]ubcommittee|[Pp]anel|senators|lawmakers) (?:\w+ )?heard (?:testimony )?from (?P<list>" + LIST + ")")
_TESTIFIED = re.compile(r"\b" + _TESTIFY)
_TO_BEFORE = re.compile(r"\bto $")
_AMONG = re.compile(r"^Among (?:them|those|the (?:witnesses|executives)[^⟦…]*?) (?:were|was) (?P<list>" + LIST + ")")


_WORDS = ("estif", "estimon", "itness", "heard", "appeared", "Among")


def extract_hearings(doc: Doc) -> Iterator[EventHit]:
    """Yield hits for testimony before committees."""
    return hits_in_sequence(doc, _WORDS, _hits)


def _hits(clause: Clause, after_hearing: bool) -> Iterator[EventHit]:
    text = clause.reduced
    for match in _TESTIFIED.finditer(text):
        if _TO_BEFORE.search(text[:match.start()]):
            continue  # "to testify" is a plan or an invitation
        yield _hit(clause, match.start(), subject_of(clause, match.start()), text[match.end():])
    for position, people in fronted_subjects(clause, _FRONTED):
        yield _hit(clause, position, people, text[position:])
    for position, people in who_subjects(clause, _TESTIFY):
        yield _hit(clause, position, people, clause.masked[position:])
    for pattern in (_WITNESSES, _HEARD_FROM):
        for match in pattern.finditer(text):
            if not negated(text[max(0, match.start() - 30):match.start("list")]):
                yield _hit(clause, match.start(), clause.people(match.group("list")), text[:match.start()] + text[match.end():])
    if after_hearing:
        for match in _AMONG.finditer(text):
            yield EventHit("Hearing", clause.index, match.start(), tuple(clause.people(match.group("list"))), NAME, LAST)


def _hit(clause: Clause, position: int, people: list[str], rest: str) -> EventHit:
    rest = re.split(r"[;…]|, (?:who|which|and|but) ", rest)[0]
    committee = _COMMITTEE.search(rest) or re.search(r"(?P<committee>\b(?:the )?" + _COMMITTEE_WORDS + r"(?: " + _COMMITTEE_WORDS + r")*? (?:Committee|Subcommittee))", rest)
    if committee:
        name = re.sub(r"^the ", "", committee.group("committee"))
        return EventHit("Hearing", clause.index, position, tuple(people), NAME, KEYED, key=name, label=f"{name} hearing")
    definite = re.search(r"\b(?:the|the committee['’]s|the panel['’]s) (?:committee|panel|hearing)\b|\bthe [\w ]{0,30}hearing\b", rest)
    return EventHit("Hearing", clause.index, position, tuple(people), NAME, LAST if definite else NEW, label="hearing")
