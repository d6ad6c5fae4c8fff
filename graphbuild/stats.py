"""`graphbuild stats`: what a built graph holds, counted.

``graph_stats`` counts people, articles, events by kind, relations (each
person -> event participation property and the symmetric person-person
edges, counted once per pair), the most connected people (by how many other
people share an event with them) and, per outlet (an article's
dcterms:source; "(no source)" when an article names none), its articles and
events. ``format_stats`` prints that as rich tables.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS

from graphbuild.vocab import GB

EVENT_CLASSES = ("Statement", "Tweet", "Letter", "Bill", "Briefing", "Hearing")
PARTICIPATION = ("signedStatement", "posted", "sentLetter", "sponsors", "attendedBriefing", "testifiedAt")
SYMMETRIC = ("coSignedWith", "cosponsorsBillWith")
NO_SOURCE = "(no source)"


@dataclass(frozen=True)
class PersonCount:
    label: str
    connections: int
    """Other people who share at least one event with this person."""
    events: int
    """Events this person takes part in."""


@dataclass(frozen=True)
class GraphStats:
    people: int
    articles: int
    events: dict[str, int]
    """Event class -> number of events (every class, zero included)."""
    relations: dict[str, int]
    """gb: property local name -> number of edges (symmetric ones once per pair)."""
    top_people: list[PersonCount] = field(default_factory=list)
    outlets: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Outlet -> (articles, events reported in them)."""

    @property
    def total_events(self) -> int:
        return sum(self.events.values())


def graph_stats(graph: Graph, *, top: int = 10) -> GraphStats:
    """Count what `graph` (a graph written by `graphbuild run`) holds; `top` people by connections."""
    people = {p for p in graph.subjects(RDF.type, GB.Person)}
    articles = {a for a in graph.subjects(RDF.type, GB.Article)}
    events: dict[str, set] = {kind: set(graph.subjects(RDF.type, GB[kind])) for kind in EVENT_CLASSES}
    all_events = set().union(*events.values())
    relations: dict[str, int] = {}
    participants: dict[object, set] = defaultdict(set)
    for name in PARTICIPATION:
        pairs = {(s, o) for s, o in graph.subject_objects(GB[name]) if s in people and o in all_events}
        relations[name] = len(pairs)
        for person, event in pairs:
            participants[event].add(person)
    for name in SYMMETRIC:
        relations[name] = len({frozenset((s, o)) for s, o in graph.subject_objects(GB[name]) if s != o})
    relations["addressedTo"] = sum(1 for s, _o in graph.subject_objects(GB.addressedTo) if s in all_events)
    connections: dict[object, set] = defaultdict(set)
    event_counts: Counter = Counter()
    for members in participants.values():
        for person in members:
            connections[person] |= members - {person}
            event_counts[person] += 1
    ranked = sorted(people, key=lambda p: (-len(connections[p]), -event_counts[p], _label(graph, p)))
    top_people = [PersonCount(_label(graph, p), len(connections[p]), event_counts[p]) for p in ranked[:top]]
    outlet_of = {a: sorted(str(s) for s in graph.objects(a, DCTERMS.source))[:1] or [NO_SOURCE] for a in articles}
    outlets: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for article, (outlet,) in outlet_of.items():
        outlets[outlet][0] += 1
    for event in all_events:
        for outlet in {outlet_of[a][0] for a in graph.objects(event, GB.reportedIn) if a in outlet_of}:
            outlets[outlet][1] += 1
    return GraphStats(
        people=len(people), articles=len(articles),
        events={kind: len(nodes) for kind, nodes in events.items()},
        relations=relations, top_people=top_people,
        outlets={name: (counts[0], counts[1]) for name, counts in sorted(outlets.items(), key=lambda kv: (-kv[1][0], kv[0]))},
    )


def _label(graph: Graph, node: object) -> str:
    labels = sorted(str(label) for label in graph.objects(node, RDFS.label))
    return labels[0] if labels else str(node).rsplit("/", 1)[-1]


def format_stats(stats: GraphStats, *, width: int = 100) -> str:
    """The stats as plain-text rich tables (no colour codes), ready to print."""
    from rich import box
    from rich.console import Console, Group
    from rich.table import Table

    def table(title: str, *columns: str) -> Table:
        result = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", min_width=30)
        for index, column in enumerate(columns):
            result.add_column(column, justify="left" if index == 0 else "right")
        return result

    totals = table("Graph", "", "count")
    totals.add_row("people", str(stats.people))
    totals.add_row("articles", str(stats.articles))
    totals.add_row("events", str(stats.total_events))
    events = table("Events by kind", "kind", "events")
    for kind, count in stats.events.items():
        events.add_row(kind, str(count))
    relations = table("Relations", "relation", "edges")
    for name, count in stats.relations.items():
        relations.add_row(f"gb:{name}", str(count))
    people = table("Most connected people", "person", "people met", "events")
    for person in stats.top_people:
        people.add_row(person.label, str(person.connections), str(person.events))
    outlets = table("Per outlet (dcterms:source)", "outlet", "articles", "events")
    for outlet, (articles, count) in stats.outlets.items():
        outlets.add_row(outlet, str(articles), str(count))
    console = Console(width=width, no_color=True, force_terminal=False, record=True, file=_Null())
    console.print(Group(totals, events, relations, people, outlets))
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()).strip("\n") + "\n"


class _Null:
    def write(self, _text: str) -> int:
        return 0

    def flush(self) -> None:
        pass
