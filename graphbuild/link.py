"""Link resolved people to gazetteer entries, only where no doubt is left.

A person is linked to a Legislator when exactly one entry fits:

- **name**: the entry's surname ends the person's name, and the given name
  (through the nickname table: "Chuck" = "Charles") is the entry's first
  name, nickname or official first name; a suffix the articles give ("Jr.")
  must be the entry's. A surname alone ("Scott (R-SC)") fits by surname.
- **what the articles say**: for every article that states the person's
  chamber (Senator, Representative, "president"), party or state, some term
  of the entry has that chamber, party and state together, and covers the
  article's date when the article has one (the entry's last term counts as
  still running: a file is a snapshot and cannot know of a later
  re-election). "Former" roles need a term that began before the date.
- **corroboration**: at least one such statement (two kinds of them for a
  surname alone), so a bare name never links.

Several fitting entries leave the person unlinked and counted as ambiguous.
People that link to one entry become one person.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from graphbuild.gazetteer import Gazetteer, Legislator, Term
from graphbuild.model import ArticleFacts, Event, Person, PublicLink
from graphbuild.names import formal_given_name, name_key, parse_name, plain_word

ROLE_CHAMBERS = {
    "senator": "sen", "us senator": "sen", "representative": "rep", "congressman": "rep",
    "congresswoman": "rep", "president": "prez", "vice president": "viceprez",
}
"""A role an article gives -> the gazetteer term type it implies ("former X" too, as past)."""

TYPE_CHAMBERS = {"Senator": "sen", "Representative": "rep"}
"""A "type" assertion -> the term type it implies."""

LINKED, AMBIGUOUS, UNLINKED = "linked", "ambiguous", "unlinked"


@dataclass(frozen=True)
class Evidence:
    """What one article says about a person that a gazetteer term can confirm."""

    date: str | None
    """The article's ISO date, when known."""
    chambers: frozenset[str] = frozenset()
    """Term types the article gives as current: "sen", "rep", "prez", "viceprez"."""
    former: frozenset[str] = frozenset()
    """Term types the article gives as held before ("former president")."""
    parties: frozenset[str] = frozenset()
    states: frozenset[str] = frozenset()

    @property
    def kinds(self) -> set[str]:
        """Which kinds of evidence the article gives: "chamber", "party", "state"."""
        named = {"chamber": self.chambers | self.former, "party": self.parties, "state": self.states}
        return {kind for kind, values in named.items() if values}


@dataclass(frozen=True)
class Decision:
    """How linking decided about one person of the run."""

    outcome: str
    """LINKED, AMBIGUOUS or UNLINKED."""
    candidates: tuple[str, ...]
    """Keys of every gazetteer entry that fits (one when linked)."""


@dataclass(frozen=True)
class Linking:
    """The people after linking, and the decision taken for each person before merging."""

    people: tuple[Person, ...]
    decisions: dict[str, Decision]
    """Person.key (as resolution gave it) -> Decision."""

    def count(self, outcome: str) -> int:
        """How many people of the final graph have that outcome (merged people count once)."""
        if outcome == LINKED:
            return sum(1 for person in self.people if person.link)
        keys = {person.key for person in self.people if not person.link}
        return sum(1 for key, decision in self.decisions.items() if key in keys and decision.outcome == outcome)


def link_people(facts: Iterable[ArticleFacts], people: Sequence[Person], gazetteer: Gazetteer) -> Linking:
    """Link each person to the one gazetteer entry that fits, and merge people linked to one entry."""
    evidence = evidence_by_person(facts, people)
    decisions = {person.key: decide(person, evidence.get(person.key, []), gazetteer) for person in people}
    entries = {legislator.key: legislator for legislator in gazetteer.people}
    groups: dict[str, list[Person]] = defaultdict(list)
    for person in people:
        decision = decisions[person.key]
        groups[decision.candidates[0] if decision.outcome == LINKED else f"\0{person.key}"].append(person)
    taken = {person.key for person in people}
    merged = [
        _linked_person(group, entries[key], taken) if not key.startswith("\0") else group[0]
        for key, group in groups.items()
    ]
    return Linking(tuple(sorted(merged, key=lambda p: p.key)), decisions)


def evidence_by_person(facts: Iterable[ArticleFacts], people: Sequence[Person]) -> dict[str, list[Evidence]]:
    """Person.key -> the Evidence of each article that names the person."""
    person_by_ref = {ref: person.key for person in people for ref in person.refs}
    found: dict[tuple[str, str], dict[str, set[str]]] = {}
    dates = {}
    for article_facts in facts:
        article = article_facts.article
        dates[article.id] = article.iso_date
        for ref in article_facts.people:
            found.setdefault((person_by_ref[ref.key], article.id), defaultdict(set))
        for assertion in article_facts.assertions:
            if isinstance(assertion.object, Event) or (article.id, assertion.subject) not in person_by_ref:
                continue
            slots = found[(person_by_ref[(article.id, assertion.subject)], article.id)]
            _add_statement(slots, assertion.predicate, assertion.object)
    by_person: dict[str, list[Evidence]] = defaultdict(list)
    for (person_key, article_id), slots in sorted(found.items()):
        by_person[person_key].append(Evidence(dates[article_id], **{k: frozenset(v) for k, v in slots.items()}))
    return by_person


def _add_statement(slots: dict[str, set[str]], predicate: str, value: str) -> None:
    if predicate == "party":
        slots["parties"].add(value)
    elif predicate == "state":
        slots["states"].add(value)
    elif predicate == "type" and value in TYPE_CHAMBERS:
        slots["chambers"].add(TYPE_CHAMBERS[value])
    elif predicate == "role":
        role = " ".join(plain_word(value).split())
        past = role.startswith("former ")
        chamber = ROLE_CHAMBERS.get(role.removeprefix("former "))
        if chamber:
            slots["former" if past else "chambers"].add(chamber)


def decide(person: Person, evidence: Sequence[Evidence], gazetteer: Gazetteer) -> Decision:
    """Link, ambiguous or unlinked: which gazetteer entries fit this person's names and articles."""
    kinds = set().union(*(e.kinds for e in evidence)) if evidence else set()
    surname_only = not any(parse_name(name).first for name in _names(person))
    if len(kinds) < (2 if surname_only else 1):
        return Decision(UNLINKED, ())
    fitting = tuple(
        legislator.key for legislator in _name_candidates(person, gazetteer)
        if all(article_fits(legislator, e) for e in evidence)
    )
    outcome = LINKED if len(fitting) == 1 else AMBIGUOUS if fitting else UNLINKED
    return Decision(outcome, fitting)


def _names(person: Person) -> tuple[str, ...]:
    return (person.label, *person.alt_labels)


def _name_candidates(person: Person, gazetteer: Gazetteer) -> list[Legislator]:
    """Gazetteer entries whose name fits any name the articles give the person.

    A surname alone fits every namesake, so it only counts for a person the
    articles never name in full.
    """
    full_names = [name for name in _names(person) if parse_name(name).first]
    found = {}
    for name in full_names or _names(person):
        words = _name_words(name)
        if not words:
            continue
        for legislator in gazetteer.with_surname(words[-1]):
            if name_fits(name, legislator):
                found[legislator.key] = legislator
    return [found[key] for key in sorted(found)]


def name_fits(name: str, legislator: Legislator) -> bool:
    """Whether a name as an article gives it can be the legislator's.

    >>> from graphbuild.gazetteer import Legislator
    >>> schumer = Legislator("S000148", None, None, "Charles", "Chuck", "Schumer", None, None, (), (), ())
    >>> name_fits("Chuck Schumer", schumer), name_fits("Schumer", schumer), name_fits("Amy Schumer Jr.", schumer)
    (True, True, False)
    """
    parts = parse_name(name)
    if parts.suffix and plain_word(parts.suffix) != plain_word(legislator.suffix or ""):
        return False
    words = _name_words(name)
    for surname in legislator.surnames:
        if tuple(words[-len(surname):]) == surname and len(words) >= len(surname):
            given = words[: len(words) - len(surname)]
            if not given or formal_given_name(given[0]) in legislator.given_names:
                return True
    return False


def _name_words(name: str) -> list[str]:
    """Plain words of a name without nickname in parentheses or suffix: "J.D. Vance" -> ["jd", "vance"]."""
    parts = parse_name(name)
    return plain_word(" ".join(w for w in (parts.first, *parts.middle, parts.last) if w)).split()


def article_fits(legislator: Legislator, evidence: Evidence) -> bool:
    """Whether the legislator's terms confirm everything one article says."""
    last_end = max((term.end for term in legislator.terms), default="")
    if (evidence.chambers or evidence.parties or evidence.states) and not any(
        _term_fits(term, evidence, open_ended=term.end == last_end) for term in legislator.terms
    ):
        return False
    return all(
        any(t.chamber == chamber and (not evidence.date or t.start <= evidence.date) for t in legislator.terms)
        for chamber in evidence.former
    )


def _term_fits(term: Term, evidence: Evidence, *, open_ended: bool) -> bool:
    """One term has every current chamber, party and state the article gives, at its date.

    The last term is open-ended: a gazetteer file is a snapshot and cannot
    know of a re-election after it was taken, so a later date does not exclude.
    """
    if evidence.date and not (term.start <= evidence.date and (evidence.date <= term.end or open_ended)):
        return False
    return (
        all(chamber == term.chamber for chamber in evidence.chambers)
        and all(party == term.party for party in evidence.parties)
        and all(state == term.state for state in evidence.states)
    )


def _linked_person(group: list[Person], legislator: Legislator, taken: set[str]) -> Person:
    """One person from every person linked to the legislator, labelled with its usual name."""
    names = {name for person in group for name in _names(person)}
    label = usual_name(legislator, [person.label for person in group])
    key = _merged_key([person.key for person in group], name_key(label), taken)
    link = PublicLink(legislator.key, legislator.bioguide, legislator.wikidata, legislator.official_full, legislator.sources)
    refs = tuple(sorted(ref for person in group for ref in person.refs))
    return replace(group[0], key=key, label=label, alt_labels=tuple(sorted(names - {label})), refs=refs, link=link)


def _merged_key(keys: list[str], label_key: str, taken: set[str]) -> str:
    """A full-name person's key names the merged node; people known only by surname in one
    article (key "scott--release-txt") take the key of their gazetteer name, unless another person has it."""
    full = sorted(key for key in keys if "--" not in key)
    if full:
        return full[0]
    return label_key if label_key not in taken else min(keys)


def usual_name(legislator: Legislator, labels: Iterable[str]) -> str:
    """The name the person goes by: the gazetteer's full name with the given name people use.

    `labels` are the usual names resolution gave the person from the articles.
    The given name is the gazetteer's nickname, else its first name when that
    is already a short form ("Bob" Corker), else the short form the articles
    use ("Dick" Durbin for Richard), else the first name. Middle initials are
    dropped, and the suffix is kept only when the articles' usual name has
    one (they say "Joe Biden", not "Joe Biden Jr.").
    """
    names = list(labels)
    full = legislator.official_full or f"{legislator.first} {legislator.last}"
    parts = parse_name(_without_quoted_nickname(full))
    given = legislator.nickname or _short_given_name(names, legislator) or legislator.first
    middle = [m for m in parts.middle if len(plain_word(m)) > 1] if legislator.official_full else []
    suffix = legislator.suffix if any(parse_name(n).suffix for n in names) else None
    return " ".join(word for word in (given, *middle, parts.last, suffix) if word)


def _short_given_name(names: list[str], legislator: Legislator) -> str | None:
    """The first name if it is a short form ("Bob"), else one the articles use for it ("Dick" for Richard)."""
    formal = formal_given_name(legislator.first)
    if plain_word(legislator.first) != formal:
        return legislator.first
    for name in sorted(names):
        given = parse_name(name).first
        if given and plain_word(given) != formal and formal_given_name(given) == formal:
            return given
    return None


def _without_quoted_nickname(name: str) -> str:
    """'Henry C. "Hank" Johnson, Jr.' -> 'Henry C. Johnson, Jr.'."""
    return " ".join(re.sub(r"[\"“][^\"”]*[\"”]", " ", name).split())
