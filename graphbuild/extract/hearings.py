"""testified_at_hearing: witnesses before a committee, including past testimony in passing.

Members who question witnesses or chair the hearing do not testify; being
called, invited or scheduled to testify is not testifying.
"""
from __future__ import annotations

import re
from typing import Iterator

from graphbuild.extract.clauses import LIST, Clause, subject_of, who_subjects
from graphbuild.extract.document import KEYED, LAST, NEW, Doc, EventHit

NAME = "hearings.v1"
_TESTIFY = r"(?:testified|testifies|testifying|appeared as (?:a )?witness(?:es)?|gave testimony|delivered testimony)\b"
_COMMITTEE = re.compile(
    r"\b(?:before|to|at) (?:the |a |an )?(?P<committee>(?:[A-Z][\w’'\-&().]*|and|on|of|the|for)"
    r"(?: (?:[A-Z][\w’'\-&().]*|and|on|of|the|for))*? (?:Committee|Subcommittee|Commission|Caucus))"
)
_AMONG = re.compile(r"^Among (?:them|those|the (?:witnesses|executives)[^⟦…]*?) (?:were|was) (?P<list>" + LIST + ")")


def extract_hearings(doc: Doc) -> Iterator[EventHit]:
    """Yield hits for testimony before committees."""
    previous_had_hearing = False
    for clause in doc.clauses:
        hits = list(_hits(clause, previous_had_hearing))
        yield from hits
        previous_had_hearing = bool(hits)


def _hits(clause: Clause, after_hearing: bool) -> Iterator[EventHit]:
    for match in re.finditer(r"\b" + _TESTIFY, clause.reduced):
        if re.search(r"\bto $", clause.reduced[:match.start()]):
            continue  # "to testify" is a plan or an invitation
        people = subject_of(clause, match.start())
        yield _hit(clause, match.start(), people, clause.reduced[match.end():])
    for position, people in who_subjects(clause, _TESTIFY):
        yield _hit(clause, position, people, clause.masked[position:])
    if after_hearing:
        for match in _AMONG.finditer(clause.reduced):
            yield EventHit("Hearing", clause.index, match.start(), tuple(clause.people(match.group("list"))), NAME, LAST)


def _hit(clause: Clause, position: int, people: list[str], rest: str) -> EventHit:
    rest = re.split(r"[;…]|, (?:who|which|and|but) ", rest)[0]
    committee = _COMMITTEE.search(rest)
    if committee:
        name = re.sub(r"^the ", "", committee.group("committee"))
        return EventHit("Hearing", clause.index, position, tuple(people), NAME, KEYED, key=name, label=f"{name} hearing")
    definite = re.search(r"\b(?:the|the committee['’]s|the panel['’]s) (?:committee|panel|hearing)\b|\bthe [\w ]{0,30}hearing\b", rest)
    return EventHit("Hearing", clause.index, position, tuple(people), NAME, LAST if definite else NEW, label="hearing")
