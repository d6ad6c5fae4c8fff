"""signed_statement: "X said in a statement", "X and Y said in a joint statement",
"released the following joint statement", "in a statement, X said", "a statement
from X", "the statement, signed by X and Y"."""
from __future__ import annotations

import re
from typing import Iterator

from graphbuild.extract.clauses import (
    Clause, from_subjects, fronted_subjects, mentions_any, nearest_subject, passive_subjects, subject_of, who_subjects,
)
from graphbuild.extract.document import LAST, NEW, Doc, EventHit
from graphbuild.extract.groups import group_subjects

NAME = "statements.v1"
_STATEMENT = r"(?:an? |the following |their |his |her |the )?(?P<kind>joint |separate |written |brief |short |new )?statement\b"
_TRIGGER = re.compile(r"\b(?:in|released|issued|put out|signed|joined|sent out|said in) " + _STATEMENT)
_PARTICIPLE = re.compile(r", (?:saying|adding|writing|arguing|warning|noting) in " + _STATEMENT)
_FRONTED = r"[Ii]n an? (?:joint |separate |written )?statement"
_JOINT_OR_SEPARATE = re.compile(r"\b(joint|separate)\b")
_THE_STATEMENT = re.compile(r"\bthe statement\b|\bthe joint statement\b")


def extract_statements(doc: Doc) -> Iterator[EventHit]:
    """Yield one hit per statement a named person issued, signed or joined."""
    for clause in doc.clauses:
        if not mentions_any(clause, ("statement",)):
            continue
        for position, people in fronted_subjects(clause, _FRONTED):
            yield _hit(clause, position, people, _kind(clause.reduced[position:position + 40]))
        for match in _TRIGGER.finditer(clause.reduced):
            people = subject_of(clause, match.start()) or group_subjects(doc, clause, match.start())
            if people:
                yield _hit(clause, match.start(), people, match.group("kind"), match.group())
        for match in _PARTICIPLE.finditer(clause.reduced):
            yield _hit(clause, match.start(), nearest_subject(clause, match.start()), match.group("kind"))
        for position, people in from_subjects(clause, "statement") + passive_subjects(clause, "statement", "signed|issued|released"):
            yield _hit(clause, position, people, _kind(clause.reduced[max(0, position - 10):position + 40]))
        for position, people in who_subjects(clause, r"(?:signed|joined|issued|released) " + _STATEMENT):
            yield _hit(clause, position, people, None, "the statement")


def _kind(text: str) -> str | None:
    match = _JOINT_OR_SEPARATE.search(text)
    return match.group(1) if match else None


def _hit(clause: Clause, position: int, people: list[str], kind: str | None, phrase: str = "") -> EventHit:
    kind = (kind or "").strip()
    definite = _THE_STATEMENT.search(phrase) and kind != "separate"
    label = f"{kind} statement" if kind in ("joint", "separate") else "statement"
    return EventHit("Statement", clause.index, position, tuple(people), NAME, LAST if definite else NEW, label=label)
