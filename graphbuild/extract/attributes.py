"""party, state, role and kind of person: what the article says each person is.

Sources: honorifics ("Sen." -> senator), titles before the name ("Treasury
Secretary"), party-state tags, party words before honorific lists
("Democratic Sens."), appositives that name a post ("Durbin, the Senate's
minority whip"), state-office titles ("Texas Attorney General") and
descriptors ("Scott, the Florida Republican").
"""
from __future__ import annotations

import re
from typing import Iterator

from graphbuild import lexicon
from graphbuild.extract.clauses import LIST, Clause
from graphbuild.extract.document import Doc
from graphbuild.mentions import NameMention
from graphbuild.model import Assertion, Span
from graphbuild.text import STATE_NAME_PATTERN, state_code

NAME = "attributes.v1"
_KIND_OF_HONORIFIC = {"senator": "Senator", "representative": "Representative"}
_COMPANY_WORDS = {"ceo", "cfo", "coo", "executive", "founder", "company", "inc", "corp"}
_OFFICIAL_WORDS = {"secretary", "administrator", "adviser", "advisor", "counsel", "commissioner", "ambassador", "attorney", "director"}
_ROLE_HEADS = (
    r"chairman|chairwoman|chair|director|secretary|leader|whip|administrator|ceo|chief executive|"
    r"president|counsel|adviser|advisor|member|officer|commissioner|spokesman|spokeswoman|"
    r"(?:top|ranking|senior) (?:democrat|republican)|head"
)
_APPOSITIVE = re.compile(
    r"^,\s+(?:the\s+|who\s+(?:is|was)\s+(?:the\s+)?)?(?:(?:[\w.-]+\s+){0,3}[\w.-]+['’]s\s+)?"
    r"(?P<role>(?:[a-z-]+\s+){0,3}(?i:" + _ROLE_HEADS + r")\b[^,;()⟦…]*?)(?=,|\.(?:\s|$)|;|$)"
)
_APPOSITIVE_THE = re.compile(
    r"^,\s+the\s+(?:(?:[\w.-]+\s+){0,3}[\w.-]+['’]s\s+)?"
    r"(?P<role>(?:[A-Za-z-]+\s+){0,3}(?i:" + _ROLE_HEADS + r")\b[^,;()⟦…]*?)(?=,|\.(?:\s|$)|;|$)"
)
"""", the Republican leader": after "the", capitalized words may belong to the post."""
_WHO_CHAIRS = re.compile(r"^,\s+who\s+(?:chairs|leads|heads|runs)\s+(?P<body>the\s+[^,;.]+)")
_BEFORE_NAME = re.compile(r"(?:^|\W)(?:the|The) (?:[\w.-]+['’]s )?(?P<role>[^,⟦…]{3,60}?), ⟦(?P<slot>\d+)⟧")
_WHOSE = re.compile(r"(?P<body>[A-Z][\w&-]*(?: [A-Z][\w&-]*)*), whose (?P<role>[a-z][\w -]{2,40}?), ⟦(?P<slot>\d+)⟧")
_DESCRIPTORS = (
    re.compile(r"^,\s+(?:the|a)\s+(?P<state>" + STATE_NAME_PATTERN + r")\s+(?P<party>Republican|Democrat)\b"),
    re.compile(r"^,\s+(?:an?\s+)?(?P<party>Republican|Democrat|[Ii]ndependent)\s+(?:of|from)\s+(?P<state>" + STATE_NAME_PATTERN + r")\b"),
)
"""After a name: ", the Florida Republican", ", Republican of Kansas", ", an independent from Arizona"."""
_DESCRIPTOR_BEFORE = re.compile(r"(?:^|\W)(?:[Tt]he|[Aa]) (?P<state>" + STATE_NAME_PATTERN + r") (?P<party>Republican|Democrat), ⟦(?P<slot>\d+)⟧")
_OF_STATE = re.compile(r" of (?P<state>" + STATE_NAME_PATTERN + r")\b")
_STATE_BEFORE = re.compile(r"(?:^|\W)(?P<state>" + STATE_NAME_PATTERN + r") $")
_INDEPENDENT = re.compile(r"(?:now )?(?:sits|serves|caucuses|runs|is registered) as an independent|became an independent|is now an independent")
_WHO_INDEPENDENT = re.compile(r"⟦(\d+)⟧,? who [^⟦…]*?" + _INDEPENDENT.pattern)
_ROLE_HEAD = re.compile(r"\b(?:" + _ROLE_HEADS + r")\b", re.IGNORECASE)
_INDEFINITE = re.compile(r"an?\s")
_INDEFINITE_APPOSITIVE = re.compile(r"^,\s+an?\s")
_LEADING_AND = re.compile(r"^ and ")
_STATE_FIRST = re.compile(r"(?P<state>" + STATE_NAME_PATTERN + r") ")
_AMONG_SENATORS = re.compile(r"^Among the senators[^⟦…]*?(?:were|was) (?P<list>" + LIST + ")")


def extract_attributes(doc: Doc) -> Iterator[Assertion]:
    """Yield party, state, role and type assertions, each with its sentence as evidence."""
    for clause in doc.clauses:
        if not clause.slots:
            continue  # it names nobody: nothing to say about anyone
        evidence = doc.sentence_span(clause)
        for mention in clause.slots:
            if clause.start <= mention.start < clause.end:
                for predicate, value in _mention_facts(doc.article.text, mention):
                    yield Assertion(mention.person, predicate, value, evidence, NAME)
        yield from _clause_facts(clause, evidence)


def _mention_facts(text: str, mention: NameMention) -> Iterator[tuple[str, str]]:
    if mention.party:
        yield "party", mention.party
    if mention.state:
        yield "state", mention.state
    if mention.honorific:
        yield "role", mention.honorific
        yield "type", _KIND_OF_HONORIFIC[mention.honorific]
    if mention.title:
        yield from _title_facts(mention.title)
    after = text[mention.extent[1]:mention.extent[1] + 160]
    of_state = _OF_STATE.match(after) if mention.extent[0] < mention.start else None
    yield from _appositive_facts(after[of_state.end():] if of_state else after)
    yield from _place_facts(text, mention)


def _place_facts(text: str, mention: NameMention) -> Iterator[tuple[str, str]]:
    """"Rep. Dan Ortiz of Texas", "Florida Gov. Ron DeSantis": the state a titled person serves."""
    titled = mention.extent[0] < mention.start
    of_state = _OF_STATE.match(text, mention.extent[1]) if titled and not mention.state else None
    if of_state:
        yield "state", state_code(of_state.group("state"))
    if text.startswith(("Gov.", "Lt. Gov.", "Governor"), mention.extent[0]):
        before = _STATE_BEFORE.search(text[max(0, mention.extent[0] - 30):mention.extent[0]])
        if before:
            yield "state", state_code(before.group("state"))


def _title_facts(title: str) -> Iterator[tuple[str, str]]:
    role = _normalize_role(title)
    yield "role", role
    words = set(role.split())
    if _is_official(role, words):
        yield "type", "Official"
    place = _STATE_FIRST.match(title)
    if place and words & {"attorney", "governor", "secretary", "treasurer", "comptroller", "auditor", "lieutenant"}:
        yield "state", state_code(place.group("state"))


def _is_official(role: str, words: set[str]) -> bool:
    if words & _COMPANY_WORDS or words & {"senate", "house", "committee", "panel"}:
        return False
    return bool(words & _OFFICIAL_WORDS) or role in ("president", "vice president", "former president")


def _appositive_facts(after: str) -> Iterator[tuple[str, str]]:
    if not after.startswith(","):
        return  # every appositive pattern starts with a comma
    for pattern in _DESCRIPTORS:
        descriptor = pattern.match(after)
        if descriptor:
            yield "party", lexicon.PARTY_WORDS[descriptor.group("party")]
            yield "state", state_code(descriptor.group("state"))
            # ", Democrat of New York and the majority leader,"
            post = _APPOSITIVE.match(_LEADING_AND.sub(", ", after[descriptor.end():]))
            if post and after[descriptor.end():].startswith(" and "):
                yield "role", _normalize_role(post.group("role"))
            return
    chairs = _WHO_CHAIRS.match(after)
    if chairs:
        yield "role", _normalize_role("chairman of " + chairs.group("body"))
        return
    appositive = _APPOSITIVE_THE.match(after) or _APPOSITIVE.match(after)
    if appositive and not _INDEFINITE_APPOSITIVE.match(after):
        yield "role", _normalize_role(appositive.group("role"))


def _clause_facts(clause: Clause, evidence: Span) -> Iterator[Assertion]:
    for match in _BEFORE_NAME.finditer(clause.masked) if ", ⟦" in clause.masked else ():
        role = match.group("role")
        if _ROLE_HEAD.search(role) and not _INDEFINITE.match(role):
            person = clause.slots[int(match.group("slot"))].person
            yield Assertion(person, "role", _normalize_role(role), evidence, NAME)
    masked = clause.masked
    for match in _DESCRIPTOR_BEFORE.finditer(masked) if "Republican" in masked or "Democrat" in masked else ():
        person = clause.slots[int(match.group("slot"))].person
        yield Assertion(person, "party", lexicon.PARTY_WORDS[match.group("party")], evidence, NAME)
        yield Assertion(person, "state", state_code(match.group("state")), evidence, NAME)
    for match in _WHOSE.finditer(masked) if "whose" in masked else ():
        if _ROLE_HEAD.search(match.group("role")):
            person = clause.slots[int(match.group("slot"))].person
            yield Assertion(person, "role", _normalize_role(f"{match.group('role')} of {match.group('body')}"), evidence, NAME)
    for match in _WHO_INDEPENDENT.finditer(masked) if "independent" in masked else ():
        yield Assertion(clause.slots[int(match.group(1))].person, "party", "I", evidence, NAME)
    for match in _AMONG_SENATORS.finditer(clause.reduced) if clause.reduced.startswith("Among") else ():
        for person in clause.people(match.group("list")):
            yield Assertion(person, "role", "senator", evidence, NAME)
            yield Assertion(person, "type", "Senator", evidence, NAME)


def _normalize_role(phrase: str) -> str:
    """"Senate Minority Leader" -> "senate minority leader"; "the bank's former chief executive" -> "former chief executive"."""
    role = _SPACES.sub(" ", phrase).strip().lower()
    role = _ARTICLE.sub("", role)
    role = _OWNER.sub("", role)
    return role.rstrip(" .,")


_SPACES = re.compile(r"\s+")
_ARTICLE = re.compile(r"^(?:the|a|an) ")
_OWNER = re.compile(r"^[\w.-]+['’]s ")
