"""attended_briefing: giving, holding or attending a briefing, press or news conference.

Everyone named at one briefing shares it, briefers included. "told reporters"
with no conference, hearings, floor speeches and people "not invited" are not
briefings.
"""
from __future__ import annotations

import re
from typing import Iterator

from graphbuild.extract.clauses import LIST, Clause, subject_of, who_subjects
from graphbuild.extract.document import ALL, LAST, NEW, Doc, EventHit

NAME = "briefings.v1"
_NOUN = r"(?P<noun>(?:(?:closed-door|classified|private|secure|press|news|media|virtual|weekly|hourlong|emergency|surprise|all-senators|all-member|joint|[a-z]+-[a-z]+) ){0,2}(?:briefings?|press conferences?|news conferences?))\b"
_SESSION = r"(?P<noun>(?:same |hourlong |closed-door |classified |private )?(?:session|meeting|call|briefings?|press conference|news conference))\b"
_DETERMINER = r"(?P<det>an?|the|that|this|both|their|his|her|its|\w+['’]s)"
_VERB_OBJECT = re.compile(
    r"\b(?:attended|held|hosted|gave|led|conducted|delivered|received|got|addressed|told|spoke at|took part in|participated in|appeared at)"
    r"(?: [^⟦…;.]{0,50}?)? " + _DETERMINER + " " + _NOUN + r"(?: from (?P<from>" + LIST + "))?"
)
_ANAPHORIC_VERB = re.compile(r"\b(?:attended|joined|sat through|sat in on|took part in|participated in) " + _DETERMINER + " " + _SESSION)
_AT = re.compile(r"\b(?:at|during) " + _DETERMINER + " " + _NOUN)
_JOINED = re.compile(r"\bjoined (?P<list>" + LIST + r") (?:at|for|in) " + _DETERMINER + " " + _NOUN)
_BRIEFED = re.compile(r"\bbriefed\b(?: (?P<list>" + LIST + r"))?")
_HOSTED_BY = re.compile(r"\b(?:briefing|session|conference|meeting) (?:was |were )?(?:hosted|led|given|held|conducted|organized) by (?P<list>" + LIST + ")")
_BRIEFING_ROOM = re.compile(r"\b(?:made an? (?:[\w-]+ )?appearance|appeared) (?:in|at) (?:the|a) [\w ]{0,30}?briefing room\b")
_ALONGSIDE = re.compile(r"\b(?:stood|appeared|was|were|sat) (?:alongside|with|next to|beside) (?P<list>" + LIST + ")")
_INCLUDED = re.compile(r"\b(?:session|briefing|meeting) included [^⟦…]*?(?P<list>" + LIST + ")")
_AMONG = re.compile(r"^Among (?:them|those|the (?:senators|lawmakers|members|attendees|officials)[^⟦…]*?) (?:were|was) (?P<list>" + LIST + ")")
_WHO = r"(?:attended|sat through|sat in on|joined|took part in|participated in)(?: (?:the|that|this|both|a|an|Tuesday's|[\w]+['’]s)(?: [\w-]+){0,3}? (?:briefings?|session|meeting|call|conference))?(?=[,.;]|$)"


def extract_briefings(doc: Doc) -> Iterator[EventHit]:
    """Yield hits for briefings and press conferences, and who took part in each."""
    previous_had_briefing = False
    for clause in doc.clauses:
        hits = list(_hits(clause, previous_had_briefing))
        yield from hits
        previous_had_briefing = bool(hits)


def _hits(clause: Clause, after_briefing: bool) -> Iterator[EventHit]:
    text = clause.reduced
    for match in _VERB_OBJECT.finditer(text):
        people = subject_of(clause, match.start()) + (clause.people(match.group("from")) if match.group("from") else [])
        yield _hit(clause, match.start(), people, match.group("det"), match.group("noun"))
    for match in _ANAPHORIC_VERB.finditer(text):
        yield _hit(clause, match.start(), subject_of(clause, match.start()), match.group("det"), match.group("noun"))
    for match in _AT.finditer(text):
        yield _hit(clause, match.start(), subject_of(clause, match.start()), match.group("det"), match.group("noun"))
    for match in _JOINED.finditer(text):
        people = subject_of(clause, match.start()) + clause.people(match.group("list"))
        yield _hit(clause, match.start(), people, match.group("det"), match.group("noun"))
    for match in _BRIEFED.finditer(text):
        people = subject_of(clause, match.start()) + (clause.people(match.group("list")) if match.group("list") else [])
        yield EventHit("Briefing", clause.index, match.start(), tuple(people), NAME, NEW, label="briefing")
    for match in _BRIEFING_ROOM.finditer(text):
        yield EventHit("Briefing", clause.index, match.start(), tuple(subject_of(clause, match.start())), NAME, NEW, label="press briefing")
    for pattern in (_HOSTED_BY, _ALONGSIDE, _INCLUDED) + ((_AMONG,) if after_briefing else ()):
        for match in pattern.finditer(text):
            yield EventHit("Briefing", clause.index, match.start(), tuple(clause.people(match.group("list"))), NAME, LAST)
    for position, people in who_subjects(clause, _WHO):
        both = re.search(r"\bboth\b", clause.masked[position:position + 60])
        yield EventHit("Briefing", clause.index, position, tuple(people), NAME, ALL if both else LAST)


def _hit(clause: Clause, position: int, people: list[str], determiner: str | None, noun: str) -> EventHit:
    determiner = (determiner or "").lower()
    reference = ALL if determiner == "both" else NEW if determiner in ("a", "an", "") else LAST
    label = re.sub(r"s$", "", noun.strip()) if not noun.endswith("ss") else noun
    return EventHit("Briefing", clause.index, position, tuple(people), NAME, reference, label=label)
