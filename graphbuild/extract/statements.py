"""signed_statement: "X said in a statement", "X and Y said in a joint statement",
"released the following joint statement", "in a statement, X said"."""
from __future__ import annotations

import re
from typing import Iterator

from graphbuild.extract.clauses import LIST, nearest_subject, subject_of, who_subjects
from graphbuild.extract.document import LAST, NEW, Doc, EventHit
from graphbuild.extract.groups import group_subjects

NAME = "statements.v1"
_STATEMENT = r"(?:an? |the following |their |his |her |the )?(?P<kind>joint |separate |written |brief |short |new )?statement\b"
_TRIGGER = re.compile(r"\b(?:in|released|issued|put out|signed|joined|sent out|said in) " + _STATEMENT)
_PARTICIPLE = re.compile(r", (?:saying|adding|writing|arguing|warning|noting) in " + _STATEMENT)
_FRONTED = re.compile(
    r"(?:^|, )(?:In|in) " + _STATEMENT + r"[^⟦,…]{0,40}, (?P<list>" + LIST + r") (?:said|wrote|added|argued|warned|called|urged|declared|noted|stressed)"
)


def extract_statements(doc: Doc) -> Iterator[EventHit]:
    """Yield one hit per statement a named person issued, signed or joined."""
    for clause in doc.clauses:
        taken = set()
        for match in _FRONTED.finditer(clause.reduced):
            taken.add(match.start("kind") if match.group("kind") else match.start())
            yield _hit(clause, match.start(), clause.people(match.group("list")), match.group("kind"))
        for match in _TRIGGER.finditer(clause.reduced):
            people = subject_of(clause, match.start()) or group_subjects(doc, clause, match.start())
            if people:
                yield _hit(clause, match.start(), people, match.group("kind"), match.group())
        for match in _PARTICIPLE.finditer(clause.reduced):
            yield _hit(clause, match.start(), nearest_subject(clause, match.start()), match.group("kind"))
        for position, people in who_subjects(clause, r"(?:signed|joined|issued|released) " + _STATEMENT):
            yield _hit(clause, position, people, None, "the statement")


def _hit(clause, position: int, people: list[str], kind: str | None, phrase: str = "") -> EventHit:
    kind = (kind or "").strip()
    definite = re.search(r"\bthe statement\b|\bthe joint statement\b", phrase) and kind != "separate"
    label = f"{kind} statement" if kind in ("joint", "separate") else "statement"
    return EventHit("Statement", clause.index, position, tuple(people), NAME, LAST if definite else NEW, label=label)
