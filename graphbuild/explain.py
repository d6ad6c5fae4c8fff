"""Everything a built graph holds about one person, each fact with its article, sentence and rule.

`explain_person` returns records read from the gb:Claim nodes (and the
gazetteer link, current values and derived edges); `format_explanation`
turns them into text. The CLI's `graphbuild explain` only joins the two.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS
from rdflib.term import Node

from graphbuild.errors import AmbiguousNameError, PersonNotFoundError
from graphbuild.model import EVENT_KINDS
from graphbuild.vocab import GB

PROPERTY_NAMES = {
    GB.party: "party", GB.state: "state", GB.role: "role", RDF.type: "type",
    GB.signedStatement: "signed statement", GB.posted: "posted", GB.sentLetter: "sent letter",
    GB.sponsors: "sponsors", GB.attendedBriefing: "attended briefing", GB.testifiedAt: "testified at",
}
"""A claimed property -> how a fact about it reads."""

ATTRIBUTE_NAMES = ("party", "state", "role", "type")

DERIVED_EDGES = {GB.cosponsorsBillWith: "cosponsors bill with", GB.coSignedWith: "co-signed with"}

PUBLIC_ID_PREDICATES = {
    OWL.sameAs: "same as", GB.bioguideId: "bioguide id", GB.officialName: "official name",
    GB.gazetteerSource: "gazetteer file",
}
"""What a gazetteer link adds to a person -> how it reads."""


@dataclass(frozen=True)
class Fact:
    """One fact an article states about the person, as its gb:Claim records it."""

    property: str
    """How the property reads: "party", "signed statement"."""
    value: str
    """The value's label: "Democratic Party", "MD", the event's label."""
    article: str
    """The article's identifier."""
    date: str | None
    """The article's date, when known."""
    evidence: str
    """The sentence that states the fact."""
    rule: str
    """The extraction rule: "statements.v1"."""
    start: int
    """Offset of the sentence in the article's cleaned text (for ordering)."""
    with_people: tuple[str, ...] = ()
    """Events only: the other people who took part, by label."""
    details: tuple[str, ...] = ()
    """Events only: recipients of a letter ("to ..."), the bill itself ("bill ...")."""


@dataclass(frozen=True)
class Explanation:
    """Everything the graph holds about one person."""

    iri: str
    label: str
    alt_labels: tuple[str, ...]
    public_ids: tuple[tuple[str, str], ...]
    """(what, value) from the gazetteer: "same as", "bioguide id", "official name"..."""
    current: tuple[tuple[str, str], ...]
    """("party", "Democratic Party"), ("state", "MD") where the articles settle one value."""
    attributes: tuple[Fact, ...]
    """Party, state, role and type claims, by property then article."""
    events: tuple[Fact, ...]
    """Event claims, by article then position in the text."""
    derived: tuple[tuple[str, tuple[str, ...]], ...]
    """("cosponsors bill with", ("Marco Rubio",)): edges derived from shared events."""


def find_people(graph: Graph, name: str) -> list[URIRef]:
    """People whose rdfs:label or skos:altLabel is `name`, ignoring case, sorted."""
    wanted = " ".join(name.split()).casefold()
    found = {
        person
        for predicate in (RDFS.label, SKOS.altLabel)
        for person, label in graph.subject_objects(predicate)
        if str(label).casefold() == wanted and (person, RDF.type, GB.Person) in graph
    }
    return sorted(found)


def explain_person(graph: Graph, name: str) -> Explanation:
    """Everything the graph holds about the one person named `name`.

    Raises PersonNotFoundError when no person has that name, and
    AmbiguousNameError (listing them) when several do.
    """
    people = find_people(graph, name)
    if not people:
        raise PersonNotFoundError(_not_found(graph, name))
    if len(people) > 1:
        labels = ", ".join(sorted(_label(graph, p) for p in people))
        raise AmbiguousNameError(f"{name!r} names {len(people)} people: {labels}; give a fuller name")
    return _explanation(graph, people[0])


def _explanation(graph: Graph, person: URIRef) -> Explanation:
    facts = [_fact(graph, person, claim) for claim in graph.subjects(GB.about, person)]
    is_attribute = {fact: fact.property in ATTRIBUTE_NAMES for fact in facts}
    attributes = sorted((f for f in facts if is_attribute[f]), key=lambda f: (f.property, f.value, f.article))
    events = sorted((f for f in facts if not is_attribute[f]), key=lambda f: (f.article, f.start, f.property))
    return Explanation(
        iri=str(person),
        label=_label(graph, person),
        alt_labels=tuple(sorted(str(a) for a in graph.objects(person, SKOS.altLabel))),
        public_ids=tuple(sorted((what, str(v)) for p, what in PUBLIC_ID_PREDICATES.items() for v in graph.objects(person, p))),
        current=tuple((what, _label(graph, v)) for p, what in ((GB.currentParty, "party"), (GB.currentState, "state"))
                      for v in graph.objects(person, p)),
        attributes=tuple(attributes),
        events=tuple(events),
        derived=tuple((what, tuple(sorted(_label(graph, o) for o in graph.objects(person, p))))
                      for p, what in DERIVED_EDGES.items() if (person, p, None) in graph),
    )


def _fact(graph: Graph, person: URIRef, claim: Node) -> Fact:
    prop, value = graph.value(claim, GB.claimedProperty), graph.value(claim, GB.claimedValue)
    article = graph.value(claim, GB.reportedIn)
    is_event = any((value, RDF.type, GB[kind]) in graph for kind in EVENT_KINDS)
    date = graph.value(claim, DCTERMS.date) or graph.value(article, DCTERMS.date)
    return Fact(
        property=PROPERTY_NAMES.get(prop, _local_name(prop)),
        value=_label(graph, value),
        article=str(graph.value(article, DCTERMS.identifier) or article),
        date=str(date) if date is not None else None,
        evidence=str(graph.value(claim, GB.evidence) or ""),
        rule=str(graph.value(claim, GB.extractor) or ""),
        start=int(graph.value(claim, GB.evidenceStart) or 0),
        with_people=tuple(sorted(_label(graph, p) for p in graph.subjects(prop, value) if p != person)) if is_event else (),
        details=_event_details(graph, value) if is_event else (),
    )


def _event_details(graph: Graph, event: Node) -> tuple[str, ...]:
    recipients = [f"to {_label(graph, r)}" for r in sorted(graph.objects(event, GB.addressedTo))]
    laws = [f"the bill across articles: {_label(graph, law)}" for law in sorted(graph.objects(event, GB.legislation))]
    return tuple(recipients + laws)


def _label(graph: Graph, node: Node) -> str:
    if isinstance(node, Literal):
        return str(node)
    label = graph.value(node, RDFS.label)
    return str(label) if label is not None else _local_name(node)


def _local_name(node: Node) -> str:
    text = str(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _not_found(graph: Graph, name: str) -> str:
    words = {w.casefold() for w in name.split()}
    similar = sorted({str(label) for person in graph.subjects(RDF.type, GB.Person)
                      for label in graph.objects(person, RDFS.label) if words & {w.casefold() for w in str(label).split()}})
    hint = f"; similar: {', '.join(similar[:6])}" if similar else ""
    return f"no person named {name!r} in the graph{hint}"


def format_explanation(explanation: Explanation) -> str:
    """The explanation as indented text: names, public ids, current values, attributes, events, derived edges."""
    lines = [explanation.label]
    if explanation.alt_labels:
        lines.append(f"  also named: {'; '.join(explanation.alt_labels)}")
    lines.append(f"  {explanation.iri}")
    if explanation.public_ids:
        lines += ["", "Public ids (from the gazetteer, not from any article)"]
        lines += [f"  {what}: {value}" for what, value in explanation.public_ids]
    if explanation.current:
        lines += ["", "Current values (the most recent articles agree)"]
        lines += [f"  {what}: {value}" for what, value in explanation.current]
    lines += _attribute_lines(explanation.attributes)
    lines += _event_lines(explanation.events)
    if explanation.derived:
        lines += ["", "Derived from shared events"]
        lines += [f"  {what}: {', '.join(others)}" for what, others in explanation.derived]
    return "\n".join(lines) + "\n"


def _event_lines(events: Iterable[Fact]) -> list[str]:
    lines, article = [], None
    for fact in events:
        if fact.article != article:
            article = fact.article
            lines += ["", f"Events in {article}" + (f" ({fact.date})" if fact.date else "")]
        lines.append(f"  {fact.property}: {fact.value}  [rule {fact.rule}]")
        if fact.with_people:
            lines.append(f"    with {', '.join(fact.with_people)}")
        lines += [f"    {detail}" for detail in fact.details]
        lines.append(f"    \"{fact.evidence}\"")
    return lines


def _attribute_lines(attributes: Iterable[Fact]) -> list[str]:
    """Each attribute value once, then every article that states it."""
    lines, shown = [], None
    for fact in attributes:
        if not lines:
            lines = ["", "Attributes"]
        if (fact.property, fact.value) != shown:
            shown = (fact.property, fact.value)
            lines.append(f"  {fact.property}: {fact.value}")
        when = f" ({fact.date})" if fact.date else ""
        lines += [f"    {fact.article}{when}  [rule {fact.rule}]", f"      \"{fact.evidence}\""]
    return lines
