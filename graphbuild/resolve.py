"""Merge the people of every article into one node per real person.

Two references are one person when their names share a key (formal given
name + surname + suffix: "Chuck Schumer" = "Charles E. Schumer", but "Donald
Trump" != "Donald Trump Jr." and "Tim Scott" != "Rick Scott"). A reference
by surname alone ("Scott (R-SC)" in a press release) joins the one person of
the run with that surname whose party and state agree; with no such person,
or several, it stays a node of its own article, never merged by guesswork.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable

from graphbuild.model import ArticleFacts, Event, Person, PersonRef
from graphbuild.names import formal_given_name, name_key, parse_name, surname_key


def resolve_people(facts: Iterable[ArticleFacts]) -> list[Person]:
    """One Person per real person named anywhere in the run, sorted by key."""
    facts = list(facts)
    attributes = _attributes_by_ref(facts)
    learned = _learned_nicknames(ref for f in facts for ref in f.people)
    groups: dict[str, list[PersonRef]] = defaultdict(list)
    surname_only: list[PersonRef] = []
    for ref in (ref for f in facts for ref in f.people):
        if parse_name(ref.name).first:
            groups[_key(ref.name, learned)].append(ref)
        else:
            surname_only.append(ref)
    for ref in surname_only:
        groups[_surname_home(ref, groups, attributes) or _local_key(ref)].append(ref)
    return sorted((_person(key, refs) for key, refs in groups.items()), key=lambda p: p.key)


def _learned_nicknames(refs: Iterable[PersonRef]) -> dict[str, str]:
    """Nicknames the sources teach: "Addison (Mitch) Mitchell McConnell" maps mitch -> addison."""
    learned = {}
    for ref in refs:
        for alias in ref.aliases:
            parts = parse_name(alias)
            if parts.nickname and parts.first:
                learned[(parts.nickname.lower(), surname_key(alias))] = parts.first.lower()
    return learned


def _key(name: str, learned: dict) -> str:
    parts = parse_name(name)
    given = learned.get(((parts.first or "").lower(), surname_key(name)))
    if given:
        return name_key(f"{given} {parts.last}" + (f" {parts.suffix}" if parts.suffix else ""))
    return name_key(name)


def _attributes_by_ref(facts: list[ArticleFacts]) -> dict[tuple[str, str], set[tuple[str, str]]]:
    found = defaultdict(set)
    for f in facts:
        for assertion in f.assertions:
            if assertion.predicate in ("party", "state") and not isinstance(assertion.object, Event):
                found[(f.article.id, assertion.subject)].add((assertion.predicate, assertion.object))
    return found


def _surname_home(ref: PersonRef, groups: dict[str, list[PersonRef]], attributes) -> str | None:
    """The full-name person a surname-only reference belongs to, if exactly one fits."""
    surname = surname_key(ref.name)
    mine = attributes.get(ref.key, set())
    fits = []
    for key, refs in groups.items():
        if not refs or not parse_name(refs[0].name).first or surname_key(refs[0].name) != surname:
            continue
        if parse_name(refs[0].name).suffix:
            continue
        theirs = set().union(*(attributes.get(r.key, set()) for r in refs))
        if all((predicate, value) in theirs or not any(p == predicate for p, _ in theirs) for predicate, value in mine):
            fits.append(key)
    return fits[0] if len(fits) == 1 else None


def _local_key(ref: PersonRef) -> str:
    """A surname-only person that could not be identified stays inside its article."""
    article = re.sub(r"[^a-z0-9]+", "-", ref.article_id.lower()).strip("-")
    return f"{surname_key(ref.name)}--{article}"


def _person(key: str, refs: list[PersonRef]) -> Person:
    label = _usual_name(refs)
    names = {ref.name for ref in refs} | {alias for ref in refs for alias in ref.aliases}
    alt_labels = tuple(sorted(name for name in names if name != label))
    return Person(key=key, label=label, alt_labels=alt_labels, refs=tuple(sorted(ref.key for ref in refs)))


def _usual_name(refs: list[PersonRef]) -> str:
    """The name people go by: a nickname form when the sources give one ("Chuck
    Schumer"), else the commonest form; middle initials dropped."""
    full = [ref for ref in refs if parse_name(ref.name).first] or refs
    forms = Counter(_plain_form(ref.name) for ref in full)
    for ref in full:
        for alias in ref.aliases:
            forms.update({_nickname_form(ref.name, alias): 0} if _nickname_form(ref.name, alias) else {})

    def preference(item: tuple[str, int]) -> tuple:
        form, count = item
        first = parse_name(form).first or ""
        is_nickname = first.lower() != formal_given_name(first)
        return (not is_nickname, -count, len(form), form)

    return sorted(forms.items(), key=preference)[0][0]


def _nickname_form(name: str, alias: str) -> str | None:
    """"Charles Schumer" with alias "Charles (Chuck) Ellis Schumer" or "Chuck Schumer" -> "Chuck Schumer"."""
    parts = parse_name(alias)
    given = parts.nickname or parts.first or ""
    if given and given.lower() != formal_given_name(given) and surname_key(alias) == surname_key(name):
        return _replace_given(_plain_form(name), given)
    return None


def _replace_given(name: str, given: str) -> str:
    parts = parse_name(name)
    return " ".join(w for w in (given, *parts.middle, parts.last, parts.suffix) if w)


def _plain_form(name: str) -> str:
    parts = parse_name(name)
    middle = [m for m in parts.middle if not re.fullmatch(r"[A-Z]\.?", m)]
    return " ".join(w for w in (parts.first, *middle, parts.last, parts.suffix) if w)

