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
from dataclasses import replace
from typing import Iterable

from graphbuild.model import ArticleFacts, Event, Person, PersonRef
from graphbuild.names import formal_given_name, name_key, parse_name, surname_key


def resolve_people(facts: Iterable[ArticleFacts]) -> list[Person]:
    """One Person per real person named anywhere in the run, sorted by key."""
    refs: list[PersonRef] = []
    attributes: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for article_facts in facts:  # one pass: a big run's records are unpacked each time they are read
        refs.extend(replace(ref, mentions=()) for ref in article_facts.people)  # only names are needed here
        _add_attributes(attributes, article_facts)
    learned = _learned_nicknames(refs)
    groups: dict[str, list[PersonRef]] = defaultdict(list)
    surname_only: list[PersonRef] = []
    for ref in refs:
        if parse_name(ref.name).first:
            groups[_key(ref.name, learned)].append(ref)
        else:
            surname_only.append(ref)
    by_surname = _full_names_by_surname(groups)
    # party and state of each full-name person, kept current as surname-only references join it
    known = {key: set().union(*(attributes.get(r.key, set()) for r in groups[key]))
             for keys in by_surname.values() for key in keys}
    for ref in surname_only:
        home = _surname_home(ref, by_surname, known, attributes.get(ref.key, set()))
        if home:
            known[home] |= attributes.get(ref.key, set())
        groups[home or _local_key(ref)].append(ref)
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


def _add_attributes(found: dict[tuple[str, str], set[tuple[str, str]]], facts: ArticleFacts) -> None:
    """Record the party and state each of the article's references is given."""
    for assertion in facts.assertions:
        if assertion.predicate in ("party", "state") and not isinstance(assertion.object, Event):
            found[(facts.article.id, assertion.subject)].add((assertion.predicate, assertion.object))


def _full_names_by_surname(groups: dict[str, list[PersonRef]]) -> dict[str, list[str]]:
    """Surname -> keys of the full-name people (no suffix) a surname-only reference may join."""
    by_surname = defaultdict(list)
    for key, refs in groups.items():
        parts = parse_name(refs[0].name)
        if parts.first and not parts.suffix:
            by_surname[surname_key(refs[0].name)].append(key)
    return by_surname


def _surname_home(ref: PersonRef, by_surname: dict[str, list[str]], known: dict[str, set[tuple[str, str]]],
                  mine: set[tuple[str, str]]) -> str | None:
    """The full-name person a surname-only reference belongs to, if exactly one fits."""
    fits = []
    for key in by_surname.get(surname_key(ref.name), ()):
        theirs = known[key]
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

