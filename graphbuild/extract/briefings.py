"""attended_briefing: giving, holding or attending a briefing, press or news conference.

Everyone named at one briefing shares it, briefers included. "told reporters"
with no conference, hearings, floor speeches and people "not invited" are not
briefings.
"""
from __future__ import annotations

import re
from typing import Iterator

from graphbuild.extract.clauses import LIST, Clause, companions_after, fronted_subjects, subject_of, who_subjects
from graphbuild.extract.document import ALL, ATTACH, LAST, NEW, Doc, EventHit, hits_in_sequence

NAME = "briefings.v1"
_NOUN = r"(?P<noun>(?:(?:closed-door|classified|private|secure|press|news|media|virtual|weekly|hourlong|emergency|surprise|all-senators|all-member|joint|[a-z]+-[a-z]+) ){0,2}(?:briefings?|press conferences?|news conferences?))\b"
_SESSION = r"(?P<noun>(?:same |hourlong |closed-door |classified |private )?(?:session|meeting|call|briefings?|press conference|news conference))\b"
_DETERMINER = r"(?P<det>an?|the|that|this|both|their|his|her|its|\w+['’]s)"
_VERB_OBJECT = re.compile(
    r"\b(?:(?:attended|held|hosted|gave|led|conducted|delivered|received|got|spoke at|took part in|participated in|appeared at|called)"
    r"(?: [^⟦…;.]{0,50}?)?|told|addressed) " + _DETERMINER + " " + _NOUN + r"(?: from (?P<from>" + LIST + "))?"
)
_ANAPHORIC_VERB = re.compile(r"\b(?:attended|joined|sat through|sat in on|took part in|participated in) " + _DETERMINER + " " + _SESSION)
_AT = re.compile(r"\b(?:at|during) " + _DETERMINER + " " + _NOUN)
_JOINED = re.compile(r"\bjoined (?P<list>" + LIST + r") (?:at|for|in) " + _DETERMINER + " " + _NOUN)
_BRIEFED = re.compile(r"\bbriefed\b(?: (?P<list>" + LIST + r"))?")
_BRIEFED_BY = re.compile(r"\b(?:was|were|had been|have been|got|been) briefed by (?P<list>" + LIST + ")")
_HOSTED_BY = re.compile(r"\b(?:briefing|session|conference|meeting) (?:was |were )?(?:hosted|led|given|held|conducted|organized) by (?P<list>" + LIST + ")")
_BRIEFING_ROOM = re.compile(r"\b(?:made an? (?:[\w-]+ )?appearance|appeared) (?:in|at) (?:the|a) [\w ]{0,30}?briefing room\b")
_ALONGSIDE = re.compile(r"\b(?:stood|appeared|was|were|sat) (?:alongside|with|next to|beside) (?P<list>" + LIST + ")")
_INCLUDED = re.compile(r"\b(?:session|briefing|meeting) included [^⟦…]*?(?P<list>" + LIST + ")")
_AMONG = re.compile(r"^Among (?:them|those|the (?:senators|lawmakers|members|attendees|officials)[^⟦…]*?) (?:were|was) (?P<list>" + LIST + ")")
_PRESENT = re.compile(r"\b(?:attended|sat in|(?:was|were) in the room|(?:was|were) present)(?=[,.;]|$| as well| too)")
_FLANKED = re.compile(r"\b[Ff]lanked by (?P<list>" + LIST + ")")
_FRONTED = (
    r"(?:[Aa]t|[Dd]uring) an? (?:[\w-]+ )?(?:press conference|news conference|briefing)|"
    r"[Ss]peaking (?:at|to) an? (?:[\w-]+ )?(?:press conference|news conference|briefing)"
)
_WHO = r"(?:attended|sat through|sat in on|joined|took part in|participated in)(?: (?:the|that|this|both|a|an|Tuesday's|[\w]+['’]s)(?: [\w-]+){0,3}? (?:briefings?|session|meeting|call|conference))?(?=[,.;]|$)"


_WORDS = ("brief", "onference", "session", "meeting", "call", "room", "attended", "present", "Among", "sat ", "included", "joined")


def extract_briefings(doc: Doc) -> Iterator[EventHit]:
    """Yield hits for briefings and press conferences, and who took part in each."""
    return hits_in_sequence(doc, _WORDS, _hits)


def _hits(clause: Clause, after_briefing: bool) -> Iterator[EventHit]:
    text = clause.reduced
    # cheap tests that spare most sentences most patterns: a briefing noun or "briefed", and a named person
    noun = "brief" in text or "onference" in text
    named = "⟦" in text
    for match in _VERB_OBJECT.finditer(text) if noun else ():
        people = subject_of(clause, match.start()) + (clause.people(match.group("from")) if match.group("from") else [])
        yield _hit(clause, match.start("noun"), people + _beside(clause, match.end()), match.group("det"), match.group("noun"))
    for match in _ANAPHORIC_VERB.finditer(text):
        noun = match.group("noun")
        # a session, meeting or call is a briefing only when the article has already reported one
        only_if_known = any(word in noun for word in ("session", "meeting", "call"))
        yield _hit(clause, match.start(), subject_of(clause, match.start()), match.group("det"), noun, ATTACH if only_if_known else None)
    for match in _AT.finditer(text) if noun else ():
        people = subject_of(clause, match.start())
        yield _hit(clause, match.start("noun"), people + _beside(clause, match.end()) if people else [], match.group("det"), match.group("noun"))
    for position, people in fronted_subjects(clause, _FRONTED):
        yield _hit(clause, position, people + _beside(clause, position), "a", "press conference")
    for match in _JOINED.finditer(text) if noun and named else ():
        people = subject_of(clause, match.start()) + clause.people(match.group("list"))
        yield _hit(clause, match.start(), people, match.group("det"), match.group("noun"))
    for match in _BRIEFED.finditer(text) if noun else ():
        people = subject_of(clause, match.start()) + (clause.people(match.group("list")) if match.group("list") else [])
        yield EventHit("Briefing", clause.index, match.start(), tuple(people), NAME, NEW, label="briefing")
    for match in _BRIEFED_BY.finditer(text) if noun and named else ():
        people = subject_of(clause, match.start()) + clause.people(match.group("list"))
        yield EventHit("Briefing", clause.index, match.start(), tuple(people), NAME, NEW, label="briefing")
    for match in _BRIEFING_ROOM.finditer(text) if noun else ():
        yield EventHit("Briefing", clause.index, match.start(), tuple(subject_of(clause, match.start())), NAME, NEW, label="press briefing")
    for pattern in ((_HOSTED_BY, _ALONGSIDE, _INCLUDED) + ((_AMONG,) if after_briefing else ())) if named else ():
        for match in pattern.finditer(text):
            yield EventHit("Briefing", clause.index, match.start(), tuple(clause.people(match.group("list"))), NAME, LAST)
    for match in _PRESENT.finditer(text):
        yield EventHit("Briefing", clause.index, match.start(), tuple(subject_of(clause, match.start())), NAME, ATTACH)
    for position, people in who_subjects(clause, _WHO):
        both = re.search(r"\bboth\b", clause.masked[position:position + 60])
        yield EventHit("Briefing", clause.index, position, tuple(people), NAME, ALL if both else LAST)


def _beside(clause: Clause, position: int) -> list[str]:
    """Others at the same event: "... held a news conference with ⟦2⟧", "Flanked by ⟦1⟧, ⟦2⟧ told ..."."""
    flanked = [p for m in _FLANKED.finditer(clause.reduced) for p in clause.people(m.group("list"))]
    return flanked + companions_after(clause, position, r"with|alongside|along with|together with|joined by|flanked by")


def _hit(clause: Clause, position: int, people: list[str], determiner: str | None, noun: str, reference: str | None = None) -> EventHit:
    determiner = (determiner or "").lower()
    if reference is None:
        reference = ALL if determiner == "both" else NEW if determiner in ("a", "an", "") else LAST
    label = re.sub(r"s$", "", noun.strip()) if not noun.endswith("ss") else noun
    return EventHit("Briefing", clause.index, position, tuple(dict.fromkeys(people)), NAME, reference, label=label)
