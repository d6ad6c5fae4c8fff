"""sent_letter: "X and Y sent a letter to Z", "X wrote to Z urging ...", "in a letter to Z,
X said", "a letter from X", "the letter, signed by X and Y", "X led a letter, joined by Y"."""
from __future__ import annotations

import re
from typing import Iterator

from graphbuild.extract.clauses import (
    LIST, SLOT, Clause, companions_after, from_subjects, fronted_subjects, mentions_any, passive_subjects, subject_of,
    who_subjects,
)
from graphbuild.extract.document import LAST, NEW, Doc, EventHit

NAME = "letters.v1"
_TO = r"(?: [a-z]+){0,3} (?:to|addressed to) (?P<to>[^,.;…]*)"
_TRIGGER = re.compile(
    r"\b(?:sent|wrote|signed|delivered|fired off|penned|co-signed|cosigned|released|led|authored)"
    r"(?: (?:him|her|them|⟦\d+⟧))? (?P<det>a|an|the|their|his|her)(?: [\w-]+){0,2}? letter\b(?:" + _TO + r")?"
    r"|\bwrote to (?P<to2>⟦\d+⟧[^,.;…]*)"
)
_FRONTED = r"[Ii]n an? (?:[\w-]+ )?letter to [^,…]*"


def extract_letters(doc: Doc) -> Iterator[EventHit]:
    """Yield one hit per letter named people sent, with its recipients."""
    for clause in doc.clauses:
        if not mentions_any(clause, ("letter", "wrote to")):
            continue
        for position, people in fronted_subjects(clause, _FRONTED):
            to = re.match(r"[Ii]n an? (?:[\w-]+ )?letter to ([^,…]*)", clause.reduced[position:].lstrip(",; "))
            yield _hit(clause, position, people, to.group(1) if to else "", "a")
        for match in _TRIGGER.finditer(clause.reduced):
            people = subject_of(clause, match.start())
            if people:
                people += companions_after(clause, match.end(), r"joined by|along with|together with")
                yield _hit(clause, match.start(), people, match.group("to") or match.group("to2"), match.group("det"))
        found = from_subjects(clause, "letter") + passive_subjects(clause, "letter", "signed|sent|written|led|cosigned|co-signed")
        found += who_subjects(clause, r"(?:sent|wrote|signed|led|co-signed|cosigned) (?:the|a|an|this|that) (?:[\w-]+ )?letter")
        for position, people in found:
            to = re.search(r"letter\b(?:" + _TO + ")", clause.reduced[position:])
            yield _hit(clause, position, people, to.group("to") if to else "", "the")


def _hit(clause: Clause, position: int, people: list[str], to: str | None, determiner: str | None) -> EventHit:
    recipients = tuple(_recipients(clause, to or ""))
    reference = LAST if determiner == "the" and not recipients else NEW
    return EventHit("Letter", clause.index, position, tuple(dict.fromkeys(people)), NAME, reference, label="letter", recipients=recipients)


def _recipients(clause: Clause, to: str) -> list[str]:
    """People named right after "to", else the body as written ("Senate Democrats")."""
    head = re.match(r"(?:the )?(" + LIST + r")", to)
    if head:
        return clause.people(head.group(1))
    body = re.match(r"(?:the )?((?:[A-Z][\w’'.&-]*)(?: (?:[A-Z][\w’'.&-]*|of|and|for|the|on))*)", to)
    if body and not re.search(SLOT, body.group(1)):
        return [re.sub(r"(?: (?:of|and|for|the|on))+$", "", body.group(1))]
    return []
