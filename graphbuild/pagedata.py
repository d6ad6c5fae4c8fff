"""What graph.html chooses its people and events from, kept from the graph's (subject, pairs) blocks.

`graphbuild run` passes the blocks it writes graph.ttl from through
``PageData.collect``, so choosing what to draw reads nothing back from the
store; an rdflib Graph is read into the same blocks (``PageData.of_graph``).
Only the shape of the graph is kept: people with their names, party, role and
state; events with their kind, label, date and who took part; letter
recipients. Claims (most of the graph), mentions and the symmetric co-signer
edges are dropped as they pass, and so are the texts: the evidence sentences
and article titles of the few hundred events drawn are read from the graph
afterwards (render.py), as keeping every event's would take ~1.3 KB an article
(0.13 GB at 100,000 articles), about as much as all the rest.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Iterator

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from graphbuild.rdf import IRI, LITERAL, ArticleClaims, PairKey
from graphbuild.vocab import GB

BLANK = 2
"""PairKey kind of a blank node object (graphbuild writes none; an rdflib Graph may hold some)."""

# Event classes in priority order: a node typed with several gets the first.
EVENT_KINDS = ("Statement", "Tweet", "Letter", "Bill", "Briefing", "Hearing", "Event")

RELATIONS = {
    str(GB.signedStatement): "signed",
    str(GB.posted): "posted",
    str(GB.sentLetter): "sent",
    str(GB.sponsors): "sponsors",
    str(GB.attendedBriefing): "attended",
    str(GB.testifiedAt): "testified at",
}
"""Person -> event predicate -> the relation drawn on its edge."""

PARTY_CODES = {str(GB.DemocraticParty): "D", str(GB.RepublicanParty): "R", str(GB.Independent): "I"}
ROLE_TYPES = {str(GB.Senator): "Senator", str(GB.Representative): "Representative", str(GB.Official): "Official"}

_TYPE, _LABEL, _ALT_LABEL = str(RDF.type), str(RDFS.label), str(SKOS.altLabel)
_PARTY, _STATE, _ROLE = str(GB.party), str(GB.state), str(GB.role)
_REPORTED_IN, _ADDRESSED_TO, _DATE = str(GB.reportedIn), str(GB.addressedTo), str(DCTERMS.date)
_EVENT_CLASSES = {str(GB[kind]): (rank, kind) for rank, kind in enumerate(EVENT_KINDS)}
_PERSON = str(GB.Person)
_CLAIM_TYPE = (_TYPE, IRI, str(GB.Claim), "", "")

PAGE_PREDICATES = (_TYPE, _LABEL, _ALT_LABEL, _PARTY, _STATE, _ROLE, _REPORTED_IN, _ADDRESSED_TO, _DATE, *RELATIONS)
"""The predicates the page reads; every other pair is dropped."""
_KEPT = frozenset(PAGE_PREDICATES)


@dataclass(slots=True)
class PersonNode:
    label: str = ""
    names: tuple[str, ...] = ()
    """Other names (skos:altLabel), sorted."""
    parties: tuple[tuple[int, str], ...] = ()
    """gb:party objects as (kind, value): named once every block is read (a party's label may come later)."""
    roles: tuple[str, ...] = ()
    """Senator / Representative / Official from its types, then its gb:role values."""
    state: str = ""


@dataclass(slots=True)
class EventNode:
    kind: str = ""
    """The event class; "" while only a person's link has named this node (no event block yet)."""
    label: str = ""
    articles: tuple[str, ...] = ()
    """The IRIs of what it is reported in."""
    recipients: tuple[str, ...] = ()
    """IRIs it is gb:addressedTo."""
    edges: tuple[tuple[str, str], ...] = ()
    """(person IRI, relation) of every person linked to it (a tuple: smaller than a list)."""
    date: str = ""
    """The earliest date of its articles."""

    def participants(self) -> set[str]:
        return {person for person, _relation in self.edges}


class PageData:
    """People and events, keyed by IRI, and the labels of other nodes: what the page chooses from."""

    def __init__(self) -> None:
        self.people: dict[str, PersonNode] = {}
        self.events: dict[str, EventNode] = {}
        self.dates: dict[str, str] = {}
        """The first dcterms:date of every other node (articles)."""
        self.labels: dict[str, str] = {}
        """The rdfs:label of every other node (parties, organizations, ...)."""
        self._strings: dict[str, str] = {}
        """One copy of each event label and date: they repeat ("tweet", "letter", a day's date)."""

    @classmethod
    def of_graph(cls, graph: Graph) -> PageData:
        page = cls()
        for _block in page.collect(_graph_blocks(graph)):
            pass
        return page

    def collect(self, blocks: Iterable[tuple[str, Iterable[PairKey]]]) -> Iterator[tuple[str, Iterable[PairKey]]]:
        """Pass graph_blocks(...) through unchanged, keeping what the page needs; complete once they end.

        Claims are skipped, whether blocks or ArticleClaims (graph_blocks(..., claims_as_text=True)).

        Each subject must come once with all its pairs, in a collection (read here, then again downstream).
        """
        for block in blocks:
            pairs = block[1]
            if type(pairs) is not ArticleClaims and _CLAIM_TYPE not in pairs:  # claims are most subjects, never drawn
                self._add(*block)
            yield block
        self._finish()

    def party(self, person: PersonNode) -> str:
        """Its parties as codes (or labels), "/"-joined; "" when unknown."""
        return "/".join(sorted({PARTY_CODES.get(value) if kind == IRI and value in PARTY_CODES
                                else _tail(value) if kind == LITERAL else self.label_of(value)
                                for kind, value in person.parties}))

    def label_of(self, node: str) -> str:
        """A node's first rdfs:label, else the last part of its IRI."""
        known = self.people.get(node) or self.events.get(node)
        return known.label if known else self.labels.get(node) or _tail(node)

    def _add(self, subject: str, pairs: Iterable[PairKey]) -> None:
        found: dict[str, list[PairKey]] = {}
        for pair in pairs:
            if pair[0] in _KEPT:
                found.setdefault(pair[0], []).append(pair)
        types = _iris(found, _TYPE)
        kinds = [_EVENT_CLASSES[t] for t in types if t in _EVENT_CLASSES]
        label = _first(found, _LABEL, "")
        if kinds:
            self._add_event(subject, found, min(kinds)[1], label or _tail(subject))
        elif _PERSON in types:
            self._add_person(subject, found, types, label or _tail(subject))
        else:
            self._add_other(subject, found, label)

    def _add_person(self, subject: str, found: dict, types: list[str], label: str) -> None:
        roles = sorted(ROLE_TYPES[t] for t in types if t in ROLE_TYPES) + _values(found, _ROLE)
        parties = tuple((kind, value) for _predicate, kind, value, _datatype, _language in found.get(_PARTY, ()))
        self.people[subject] = PersonNode(label, tuple(_values(found, _ALT_LABEL)), parties,
                                          tuple(roles), "/".join(_values(found, _STATE)))
        for predicate, relation in RELATIONS.items():
            edge = (subject, relation)  # one tuple for all its events: a big graph has millions of edges
            for event in _nodes(found, predicate):
                self._event(event).edges += (edge,)

    def _add_event(self, subject: str, found: dict, kind: str, label: str) -> None:
        event = self._event(subject)
        event.kind, event.label = kind, self._strings.setdefault(label, label)
        event.articles = tuple(_nodes(found, _REPORTED_IN))
        event.recipients = tuple(_iris(found, _ADDRESSED_TO))

    def _add_other(self, subject: str, found: dict, label: str) -> None:
        if _LABEL in found:
            self.labels[subject] = label
        if _DATE in found:
            date = _first(found, _DATE, "")
            self.dates[subject] = self._strings.setdefault(date, date)

    def _event(self, iri: str) -> EventNode:
        """Get or add: a person's block may name an event before the event's own block comes."""
        event = self.events.get(iri)
        if event is None:
            event = self.events[iri] = EventNode()
        return event

    def _finish(self) -> None:
        for iri in [iri for iri, event in self.events.items() if not event.kind]:
            del self.events[iri]  # linked to by a person, but not an event (odd data: "posted" a person)
        for event in self.events.values():
            event.date = min((self.dates[a] for a in event.articles if a in self.dates), default="")


def _values(found: dict[str, list[PairKey]], predicate: str) -> list[str]:
    """The distinct values of a predicate, sorted."""
    pairs = found.get(predicate, ())
    if len(pairs) < 2:  # nearly always: skip the set
        return [pair[2] for pair in pairs]
    return sorted({pair[2] for pair in pairs})


def _first(found: dict[str, list[PairKey]], predicate: str, default: str | None) -> str | None:
    """The smallest value of a predicate."""
    pairs = found.get(predicate)
    if not pairs:
        return default
    return pairs[0][2] if len(pairs) == 1 else min(pair[2] for pair in pairs)


def _nodes(found: dict[str, list[PairKey]], predicate: str) -> list[str]:
    """The objects of a predicate that are nodes: IRIs or blank nodes."""
    return [pair[2] for pair in found.get(predicate, ()) if pair[1] != LITERAL]


def _iris(found: dict[str, list[PairKey]], predicate: str) -> list[str]:
    return [pair[2] for pair in found.get(predicate, ()) if pair[1] == IRI]


def _tail(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _graph_blocks(graph: Graph) -> Iterator[tuple[str, list[PairKey]]]:
    """The graph's pairs of PAGE_PREDICATES, a block per subject.

    Blank nodes are never drawn (their ids change between parses, which would
    break determinism): their types are dropped, but their labels and titles count.
    """
    blocks = defaultdict(list)
    for predicate in PAGE_PREDICATES:
        for subject, obj in graph.subject_objects(URIRef(predicate)):
            if isinstance(subject, URIRef) or isinstance(subject, BNode) and predicate != _TYPE:
                blocks[str(subject)].append(_pair_key(predicate, obj))
    return iter(blocks.items())


def _pair_key(predicate: str, obj) -> PairKey:
    if isinstance(obj, Literal):
        return (predicate, LITERAL, str(obj), str(obj.datatype or ""), obj.language or "")
    return (predicate, BLANK if isinstance(obj, BNode) else IRI, str(obj), "", "")
