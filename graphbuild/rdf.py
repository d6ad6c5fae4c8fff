"""Turn extracted records into an RDF graph in the gb: vocabulary, and write it as Turtle.

Every node a diff should see has an IRI minted from stable keys under a base
IRI (see ``IriMinter``), so the same input always gives the same graph.

``to_triples`` streams the triples of a run in Turtle order, by construction:
subjects sorted by IRI, and each subject's (predicate, object) pairs sorted by
``_pair_key``. ``write_graph_turtle`` writes that stream with Oxigraph's
serializer without holding the graph in memory; ``to_graph`` loads it into an
rdflib Graph over an Oxigraph store (graphbuild.store); ``to_turtle`` prints
any graph in the same order, so the same triples always give the same bytes
whatever order the records arrive in.
"""
from __future__ import annotations

import heapq
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial
from operator import itemgetter
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Protocol, Sequence
from urllib.parse import quote, urlsplit

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, BNode, Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SDO, SKOS

from graphbuild.archive import FactsArchive
from graphbuild.errors import BaseIriError
from graphbuild.files import write_streamed
from graphbuild.legislation import Legislation, bill_names, group_bills
from graphbuild.model import (
    EVENT_KINDS,
    EVENT_RELATIONS,
    Article,
    ArticleFacts,
    Assertion,
    Event,
    Person,
    PublicLink,
    Span,
)
from graphbuild.reuse import ClaimsIndex, Placed, PreviousClaims, claims_signature
from graphbuild.store import OxStore, graph_over, oxigraph_of, to_ox
from graphbuild.vocab import GB

DEFAULT_BASE_IRI = "https://w3id.org/graphbuild/id/"

PARTIES = {
    "D": (GB.DemocraticParty, "Democratic Party"),
    "R": (GB.RepublicanParty, "Republican Party"),
    "I": (GB.Independent, "Independent"),
}
"""Assertion object of a "party" assertion -> (party individual, its label)."""

PERSON_TYPES = {"Senator": GB.Senator, "Representative": GB.Representative, "Official": GB.Official}
"""Assertion object of a "type" assertion -> gb: class."""

PAIR_RELATIONS = {
    GB.sponsors: GB.cosponsorsBillWith,
    GB.signedStatement: GB.coSignedWith,
    GB.sentLetter: GB.coSignedWith,
}
"""Participation property -> the symmetric edge linking every two participants of one event."""

PREFIXES = {
    "gb": GB._NS,
    "dcterms": DCTERMS,
    "schema": SDO,
    "skos": SKOS,
    "prov": PROV,
    "owl": OWL,
    "xsd": XSD,
}
"""Prefixes bound on every graph graphbuild writes (besides rdflib's core rdf, rdfs, xml)."""

TURTLE_PREFIXES = {"gb": str(GB._NS), "rdf": str(RDF), "rdfs": str(RDFS),
                   **{prefix: str(namespace) for prefix, namespace in PREFIXES.items() if prefix != "gb"}}
"""The @prefix lines of every Turtle file graphbuild writes, in this order."""

WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
"""Wikidata's concept IRIs: WIKIDATA_ENTITY + "Q380900"."""
BIOGUIDE_BIO = "https://bioguide.congress.gov/search/bio/"
"""The Biographical Directory's page for a member: BIOGUIDE_BIO + "S000148"."""

CURRENT_PROPERTIES = {GB.party: GB.currentParty, GB.state: GB.currentState}
"""Attribute that can change over time -> the property holding its current value."""



_URL_FORBIDDEN = re.compile(r'[\s<>"{}|\\^`\x00-\x1f\x7f]')


@dataclass(frozen=True)
class IriMinter:
    """Mints instance IRIs from stable keys.

    Each key part is percent-encoded (everything but ASCII letters, digits and
    "-._~"), so any article id or name gives a valid IRI and distinct keys
    never share one.

    >>> IriMinter("https://example.org/id/").event("a b.txt", "statement-1")
    rdflib.term.URIRef('https://example.org/id/event/a%20b.txt/statement-1')
    """

    base: str = DEFAULT_BASE_IRI

    def __post_init__(self) -> None:
        if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+[/#]", self.base) or not _is_iri(self.base):
            raise BaseIriError(
                f"base IRI {self.base!r} must be an http(s) IRI ending in '/' or '#'"
            )

    def text(self, kind: str, *keys: str) -> str:
        """The IRI as a plain string: what the streaming writer uses (the one minting rule)."""
        return self.base + kind + "/" + "/".join(map(_quote, keys))

    def mint(self, kind: str, *keys: str) -> URIRef:
        return URIRef(self.text(kind, *keys))

    def article(self, article_id: str) -> URIRef:
        return self.mint("article", article_id)

    def person(self, person_key: str) -> URIRef:
        return self.mint("person", person_key)

    def event(self, article_id: str, event_key: str) -> URIRef:
        return self.mint("event", article_id, event_key)

    def organization(self, name: str) -> URIRef:
        return self.mint("organization", name)

    def claim(self, article_id: str, person_key: str, prop: str, value: str) -> URIRef:
        return self.mint("claim", article_id, person_key, prop, value)

    def legislation(self, key: str) -> URIRef:
        return self.mint("legislation", key)


_quote = lru_cache(maxsize=1 << 17)(partial(quote, safe=""))
"""Percent-encode one key part; article ids, person keys and event keys repeat, so it is memoized."""


def new_graph() -> Graph:
    """An empty graph over an in-memory Oxigraph store, with graphbuild's prefixes bound."""
    graph = graph_over()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def to_graph(
    facts: Iterable[ArticleFacts],
    people: Iterable[Person],
    *,
    base_iri: str = DEFAULT_BASE_IRI,
) -> Graph:
    """Build the knowledge graph of a run from each article's facts and the resolved people.

    The graph is an rdflib Graph over an in-memory Oxigraph store (see
    graphbuild.store), loaded from the run's Turtle. Raises BaseIriError for a
    base IRI that cannot prefix IRIs, and ValueError for records that break
    the model's contract (an assertion subject no Person refers to, an
    unknown party or event kind).
    """
    facts, people = list(facts), list(people)
    blocks = partial(graph_blocks, facts, people, base_iri=base_iri)
    graph = new_graph()
    oxigraph_of(graph).load(_turtle(blocks(claims_as_text=True)).encode("utf-8"), format=ox.RdfFormat.TURTLE)
    # to_turtle re-streams the records rather than sorting the store, for as long as nobody changes the graph
    graph.store.ordered_blocks = blocks
    return graph


def graph_blocks(
    facts: Iterable[ArticleFacts],
    people: Iterable[Person],
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    claims_as_text: bool = False,
    previous: PreviousClaims | None = None,
) -> Iterator[tuple[str, Iterable[PairKey]]]:
    """Every (subject IRI, its pairs) of the graph of a run, in Turtle order: subjects sorted by IRI.

    The records are checked before the first block is yielded (the errors of
    to_graph). People, organizations, parties and bills are gathered first;
    articles, their claims and their events are then made one article at a
    time as the stream reaches them, so the stream never holds the graph.

    With `claims_as_text`, each article's claims (three quarters of the triples)
    come as one item, (its first claim's IRI, ArticleClaims), their Turtle made
    directly: only turtle_chunks reads that stream. Their signatures
    (graphbuild.reuse) are made too when `facts` is a FactsArchive; with
    `previous`, the claims of an article whose signature is unchanged are
    read from the previous graph.ttl instead, as the stream reaches them.
    """
    return _GraphPlan(IriMinter(base_iri), list(people), facts).blocks(claims_as_text, previous)


def to_turtle(graph: Graph) -> str:
    """The graph as Turtle, the same byte for byte however its triples were added.

    Subjects are sorted by IRI and each subject's pairs by their PairKey, its
    types first: the order graph_blocks streams. A graph with blank nodes is printed by
    rdflib's longturtle with canonical blank node labels instead.
    """
    blocks = ordered_blocks(graph)
    if blocks is None:
        return graph.serialize(format="longturtle", canon=True)
    return _turtle(blocks)


def write_turtle(graph: Graph, path: Path | str) -> None:
    """Write the graph's Turtle to path atomically: readers see the old file or the new one."""
    text = to_turtle(graph)
    write_streamed(path, lambda stream: stream.write(text))


class TurtleSink(Protocol):
    """What also reads graph.ttl as it is written: graphbuild.store_folder.StoreLoader, store_update.StoreUpdate."""

    def load(self, statements: bytes) -> None:
        """Whole statements, each with the blank line after it, in file order."""

    def load_copied(self, statements: bytes, previous_offset: int) -> None:
        """Statements copied unchanged from the previous graph.ttl, where they began at previous_offset."""


def write_graph_turtle(
    blocks: Iterable[tuple[str, Iterable[PairKey]]], path: Path | str, *, tee: TurtleSink | None = None,
    progress: Callable[[Iterable], Iterable] = iter, index: ClaimsIndex | None = None,
) -> int:
    """Write graph_blocks(...) as Turtle to path atomically, as they stream; return the number of triples.

    This is to_turtle(to_graph(...)) byte for byte, in constant memory. `tee`
    also gets each statement as it is written; `progress` wraps the stream of
    statements (one per subject, one per article's claims); `index` is told
    where each article's claims went (graphbuild.reuse). Claims copied from
    the previous graph.ttl (graph_blocks's `previous`) go to `tee` as such.
    """
    count = 0

    def write(stream: BinaryIO) -> None:
        nonlocal count
        chunks = turtle_chunks(blocks)
        position = stream.write(next(chunks)[0].encode("utf-8"))  # the header
        for chunk, triples in progress(chunks):
            if type(chunk) is str:
                data, copied_from = chunk.encode("utf-8"), -1
            else:  # an article's claims
                data, copied_from = chunk.copied or chunk.text.encode("utf-8"), chunk.copied_from
                if index is not None and chunk.signature:
                    index.add(chunk.article_id, Placed(chunk.signature, chunk.subject, position, len(data), triples))
            if tee is not None and copied_from >= 0:
                tee.load_copied(data, copied_from)
            elif tee is not None:
                tee.load(data)
            stream.write(data)
            position += len(data)
            count += triples

    write_streamed(path, write, binary=True)
    return count


# ---------------------------------------------------------------- Turtle

IRI, LITERAL = 0, 1
XSD_STRING, XSD_INTEGER, XSD_DATE = str(XSD.string), str(XSD.integer), str(XSD.date)
RDF_TYPE = str(RDF.type)

PairKey = tuple
"""One (predicate, object) pair of a subject as plain strings: (predicate IRI, IRI or LITERAL,
IRI or lexical form, datatype IRI or "", language or ""). Sorting keys sorts pairs in Turtle order."""

@dataclass(slots=True)
class ArticleClaims:
    """One article's claims as finished Turtle, consecutive in graph.ttl (graph_blocks(..., claims_as_text=True)):
    the text turtle_chunks would make of their blocks, or where the same text lies in the previous graph.ttl."""

    article_id: str
    subject: str
    """The IRI of its first claim."""
    triples: int
    text: str = ""
    signature: bytes = b""
    """What they were made from (graphbuild.reuse.claims_signature); b"" when not known."""
    copied: bytes = b""
    """Their Turtle as copied from the previous graph.ttl (then `text` is empty)."""
    copied_from: int = -1
    """Where `copied` begins in the previous graph.ttl."""


_PREFIXED = {
    str(namespace[name]): f"{prefix}:{name}"
    for prefix, namespace, names in (
        ("gb", GB, [term[len(GB._NS):] for term in dir(GB) if isinstance(term, URIRef)]),
        ("rdf", RDF, ["type", "langString"]),
        ("rdfs", RDFS, ["label"]),
        ("dcterms", DCTERMS, ["identifier", "title", "date", "source"]),
        ("schema", SDO, ["url"]),
        ("skos", SKOS, ["altLabel"]),
        ("owl", OWL, ["sameAs"]),
        ("xsd", XSD, ["string", "integer", "date"]),
    )
    for name in names
}
"""The vocabulary IRIs Turtle writes as prefixed names; any other IRI is written <in full>."""

TURTLE_HEADER = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in TURTLE_PREFIXES.items()) + "\n"

LITERAL_ESCAPES = {code: f"\\u{code:04X}" for code in [*range(0x20), 0x7F]}
LITERAL_ESCAPES.update({ord("\t"): "\\t", ord("\n"): "\\n", ord("\r"): "\\r", ord('"'): '\\"', ord("\\"): "\\\\"})
"""Characters a Turtle string literal escapes: quote, backslash, line breaks and other controls."""
_INTEGER = re.compile(r"[+-]?[0-9]+")


def _turtle(blocks: Iterable[tuple[str, Iterable[PairKey]]]) -> str:
    return "".join(text if type(text) is str else text.text for text, _count in turtle_chunks(blocks))


def turtle_chunks(blocks: Iterable[tuple[str, Iterable[PairKey]]]) -> Iterator[tuple[str | ArticleClaims, int]]:
    """The Turtle of blocks in subject order, a chunk per subject with its number of triples.

    An article's ArticleClaims come as they are, as one chunk (their text, if made, is its Turtle).
    """
    yield TURTLE_HEADER, 0
    for subject, keys in blocks:
        if type(keys) is ArticleClaims:
            yield keys, keys.triples
            continue
        keys = sorted(keys)
        if keys[0][0] != RDF_TYPE and any(key[0] == RDF_TYPE for key in keys):
            keys.sort(key=_types_first)
        lines, previous = [], None
        for predicate, kind, value, datatype, language in keys:
            obj = _iri_text(value) if kind == IRI else _literal_text(value, datatype, language)
            if predicate == previous:
                lines[-1] += " , " + obj
            else:
                lines.append(("a" if predicate == RDF_TYPE else _iri_text(predicate)) + " " + obj)
                previous = predicate
        yield f"<{subject}> " + " ;\n    ".join(lines) + " .\n\n", len(keys)


def _types_first(key: PairKey) -> bool:
    """rdf:type ("a") first, as Turtle is usually written; the sort is stable, so the rest keep key order."""
    return key[0] != RDF_TYPE


def _iri_text(iri: str) -> str:
    return _PREFIXED.get(iri) or "<" + iri + ">"


def _literal_text(value: str, datatype: str, language: str) -> str:
    if datatype == XSD_INTEGER and _INTEGER.fullmatch(value):
        return value
    quoted = '"' + value.translate(LITERAL_ESCAPES) + '"'
    if language:
        return quoted + "@" + language
    return quoted if datatype == XSD_STRING else quoted + "^^" + _iri_text(datatype)


def _pair_key(predicate: ox.NamedNode, obj: ox.NamedNode | ox.Literal) -> PairKey:
    """The PairKey of an Oxigraph pair."""
    if type(obj) is ox.NamedNode:
        return (predicate.value, IRI, obj.value, "", "")
    return (predicate.value, LITERAL, obj.value, obj.datatype.value, obj.language or "")


def ordered_blocks(graph: Graph) -> Iterator[tuple[str, Iterable[PairKey]]] | None:
    """The graph's (subject, pairs) in Turtle order; None when it has blank nodes."""
    store = graph.store
    if isinstance(store, OxStore) and not store.modified and store.ordered_blocks is not None:
        return store.ordered_blocks()
    oxigraph = oxigraph_of(graph)
    if oxigraph is not None and len(graph) == len(oxigraph):  # the store holds this graph only
        triples = ((q.subject, q.predicate, q.object) for q in oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    else:
        triples = ((to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph)
    by_subject: dict[str, set[PairKey]] = defaultdict(set)
    for subject, predicate, obj in triples:
        if type(subject) is not ox.NamedNode or type(obj) is ox.BlankNode:
            return None
        by_subject[subject.value].add(_pair_key(predicate, obj))
    return iter(sorted(by_subject.items(), key=itemgetter(0)))


# ---------------------------------------------------------------- building

_TYPE, _LABEL, _ALT_LABEL = RDF_TYPE, str(RDFS.label), str(SKOS.altLabel)
_CLAIM_PREDICATES = {name: str(GB[name]) for name in (
    "about", "claimedProperty", "claimedValue", "reportedIn", "evidence", "evidenceStart", "evidenceEnd",
    "extractor", "mentionedIn", "addressedTo", "legislation", "bioguideId", "officialName", "gazetteerSource")}


def _iri(predicate: str, value: str) -> PairKey:
    return (predicate, IRI, value, "", "")


def _text(predicate: str, value: str) -> PairKey:
    return (predicate, LITERAL, value, XSD_STRING, "")


def _integer(predicate: str, value: int) -> PairKey:
    return (predicate, LITERAL, str(value), XSD_INTEGER, "")


def _date(predicate: str, value: str) -> PairKey:
    """An xsd:date for a valid YYYY-MM-DD date, else the text as given."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return (predicate, LITERAL, date.fromisoformat(value).isoformat(), XSD_DATE, "")
        except ValueError:
            pass
    return _text(predicate, value)


class _GraphPlan:
    """The records of a run, checked and indexed, ready to stream as blocks of triples.

    Nodes several articles add to (people, organizations, parties, bills)
    are gathered up front in `shared`; the nodes of one article (the article,
    its claims, its events) are built when the stream reaches it.
    """

    def __init__(self, iris: IriMinter, people: list[Person], facts: Iterable[ArticleFacts]) -> None:
        self.iris = iris
        self.facts = facts if isinstance(facts, Sequence) else list(facts)
        """Read again for each article as the stream reaches it: a FactsArchive keeps a big run's packed."""
        self.person_by_ref = {ref: person for person in people for ref in person.refs}
        self.person_iris: dict[str, str] = {}
        self.event_iri = lru_cache(maxsize=1 << 12)(partial(self.mint, "event"))
        """(article id, event key) -> the event's IRI: each article's are asked for again and again."""
        self.shared: dict[str, set[PairKey]] = defaultdict(set)
        """Subject IRI -> pairs, for nodes any article may add to."""
        self.dated_values: dict[tuple[str, str], list[tuple[str | None, PairKey]]] = defaultdict(list)
        """(person, gb:party or gb:state) -> (article date, value) of every claim, for current values."""
        self.articles: dict[str, list[int]] = defaultdict(list)
        """Article id -> the indexes of its records in self.facts."""
        archived = isinstance(self.facts, FactsArchive)
        self.heads = self.facts.article_heads() if archived else [f.article for f in self.facts]
        """Each record's article (its metadata at least): what the article's own statement says."""
        for index, article_id in enumerate(head.id for head in self.heads):
            self.articles[article_id].append(index)
        self.law_of_event: dict[tuple[str, str], str] = {}
        self.digests = self.facts.article_digests() if archived else None
        self.ref_keys: dict[str, list[tuple[str, str]]] | None = None
        """Article id -> (name, person key) of each of its people, for claims signatures (with digests)."""
        if self.digests is not None:
            self.ref_keys = defaultdict(list)
            for person in people:
                for article_id, name in person.refs:
                    self.ref_keys[article_id].append((name, person.key))
        for person in people:
            self.add_person(person)
        bills = []
        for article_id in sorted(self.articles):
            bills.extend(event for event in self.add_article_shared(article_id) if bill_names(event))
        for law in group_bills(bills):
            self.add_legislation(law)
        self.add_current_values()

    def mint(self, kind: str, *keys: str) -> str:
        # interned: an event's or person's IRI is minted once per fact naming it, and the shared
        # nodes of a 100,000-article run hold millions of these strings
        return sys.intern(self.iris.text(kind, *keys))

    def groups(self, article_id: str) -> list[ArticleFacts]:
        """The records of one article (more than one only when several inputs give it the same id)."""
        return [self.facts[index] for index in self.articles[article_id]]

    # ---- nodes shared by articles

    def add_person(self, person: Person) -> None:
        pairs = self.shared[self.mint("person", person.key)]
        pairs.add(_iri(_TYPE, str(GB.Person)))
        pairs.add(_text(_LABEL, person.label))
        pairs.update(_text(_ALT_LABEL, alt) for alt in person.alt_labels if alt != person.label)
        pairs.update(_iri(_CLAIM_PREDICATES["mentionedIn"], self.mint("article", article_id)) for article_id, _ in person.refs)
        if person.link:
            pairs.update(_public_link(person.link))

    def add_article_shared(self, article_id: str) -> list[Event]:
        """What one article adds to shared nodes: its people's facts, pair edges, recipients, parties.

        Returns the article's events (checked), for grouping bills.
        """
        groups = self.groups(article_id)
        events = _checked_events(groups)
        for group in groups:
            for assertion in group.assertions:
                person_iri = self.person_iri(self.person_of(article_id, assertion.subject))
                key, _value_key = self.fact_of(assertion)
                self.shared[person_iri].add(key)
                if key[0] in _CURRENT:
                    self.dated_values[(person_iri, key[0])].append((group.article.iso_date, key[1:]))
            self.add_pair_edges(group)
        for event in events:
            for recipient in event.recipients:
                iri = self.recipient_iri(article_id, recipient)
                if iri not in self.shared:  # no person of the article: an organization
                    self.shared[iri].update((_iri(_TYPE, str(GB.Organization)), _text(_LABEL, recipient)))
        return events

    def person_of(self, article_id: str, name: str) -> Person:
        person = self.person_by_ref.get((article_id, name))
        if person is None:
            raise ValueError(f"assertion subject {name!r} of article {article_id!r} is not in any Person.refs")
        return person

    def person_iri(self, person: Person) -> str:
        iri = self.person_iris.get(person.key)
        if iri is None:
            iri = self.person_iris[person.key] = self.mint("person", person.key)
        return iri

    def fact_of(self, assertion: Assertion) -> tuple[PairKey, str]:
        """(the person's pair, value key for the claim IRI) of an assertion."""
        predicate, value = assertion.predicate, assertion.object
        if isinstance(value, Event):
            if predicate not in EVENT_RELATIONS.values():
                raise ValueError(f"{predicate!r} does not link a person to an event")
            return _iri(str(GB[predicate]), self.event_iri(value.article_id, value.key)), value.key
        if predicate == "type":
            return _iri(_TYPE, str(_lookup(PERSON_TYPES, value, "person type"))), value
        if predicate == "party":
            party, label = _lookup(PARTIES, value, "party")
            self.shared[str(party)].update((_iri(_TYPE, str(GB.Party)), _text(_LABEL, label)))
            return _iri(str(GB.party), str(party)), value
        if predicate in ("state", "role"):
            return _text(str(GB[predicate]), value), value
        raise ValueError(f"unknown assertion predicate {predicate!r} with value {value!r}")

    def add_pair_edges(self, facts: ArticleFacts) -> None:
        """Link every two people who share a bill, or sign one statement or letter."""
        participants: dict[tuple[str, str], set[str]] = defaultdict(set)
        for assertion in facts.assertions:
            prop = GB[assertion.predicate] if isinstance(assertion.object, Event) else None
            if prop in PAIR_RELATIONS:
                event = self.event_iri(assertion.object.article_id, assertion.object.key)
                person = self.person_of(facts.article.id, assertion.subject)
                participants[(str(PAIR_RELATIONS[prop]), event)].add(self.person_iri(person))
        for (edge, _event), people in participants.items():
            for first in people:
                self.shared[first].update(_iri(edge, second) for second in people if second != first)

    def recipient_iri(self, article_id: str, recipient: str) -> str:
        """The Person a letter's recipient names in this article, else an Organization."""
        person = self.person_by_ref.get((article_id, recipient))
        return self.person_iri(person) if person is not None else self.mint("organization", recipient)

    def add_legislation(self, law: Legislation) -> None:
        """The bill itself; each article's event of it gets a gb:legislation link when streamed."""
        iri = self.mint("legislation", law.key)
        pairs = self.shared[iri]
        pairs.update((_iri(_TYPE, str(GB.Legislation)), _text(_LABEL, law.label)))
        pairs.update(_text(_ALT_LABEL, name) for name in law.names if name != law.label)
        for event in law.events:
            self.law_of_event[event] = iri

    def add_current_values(self) -> None:
        """gb:currentParty / gb:currentState where the articles' claims settle one value."""
        for (person_iri, prop), observations in self.dated_values.items():
            value = current_value(observations)
            if value is not None:
                self.shared[person_iri].add((_CURRENT[prop], *value))

    # ---- the stream

    def blocks(self, claims_as_text: bool = False, previous: PreviousClaims | None = None) -> Iterator[tuple[str, Iterable[PairKey]]]:
        """(subject IRI, pairs) of every subject, sorted by subject IRI (see graph_blocks)."""
        by_article = sorted(self.articles, key=_quote)
        # claim and event IRIs of one article share the prefix KIND/ID/: ordering articles by ID + "/"
        # orders those IRIs too, as an encoded id holds no "/". Nothing else starts with CLAIM/ID/, so
        # an article's claims are consecutive in the whole stream and can come as one item.
        by_prefix = sorted(self.articles, key=lambda article_id: _quote(article_id) + "/")
        if claims_as_text:
            claims = ((made.subject, made) for a in by_prefix if (made := self.article_claims(a, previous)))
        else:
            claims = (block for a in by_prefix for block in self.claim_blocks(a))
        streams = (
            ((self.mint("article", a), self.article_pairs(a)) for a in by_article),
            claims,
            (block for a in by_prefix for block in self.event_blocks(a)),
            iter(sorted(self.shared.items(), key=itemgetter(0))),
        )
        return heapq.merge(*streams, key=itemgetter(0))

    def article_pairs(self, article_id: str) -> set[PairKey]:
        pairs = set()
        for index in self.articles[article_id]:
            article = self.heads[index]
            pairs.update((_iri(_TYPE, str(GB.Article)), _text(str(DCTERMS.identifier), article.id)))
            if article.title:
                pairs.add(_text(str(DCTERMS.title), article.title))
            if article.date:
                pairs.add(_date(str(DCTERMS.date), article.date))
            if article.url and is_web_url(article.url):
                pairs.add(_iri(str(SDO.url), article.url))
            if article.source:
                pairs.add(_text(str(DCTERMS.source), article.source))
        return pairs

    def claim_blocks(self, article_id: str) -> list[tuple[str, list[PairKey]]]:
        """One gb:Claim per fact and article: the earliest sentence stating it explains it."""
        blocks, article_iri = [], self.mint("article", article_id)
        for claim, person_iri, (prop, *value), evidence, extractor, date in self.claims(article_id):
            pairs = [_iri(_TYPE, str(GB.Claim)), _iri(_CLAIM_PREDICATES["about"], person_iri),
                     _iri(_CLAIM_PREDICATES["claimedProperty"], prop), (_CLAIM_PREDICATES["claimedValue"], *value)]
            pairs += _provenance(article_iri, evidence, extractor)
            if date:
                pairs.append(date)
            blocks.append((claim, pairs))
        return blocks

    def article_claims(self, article_id: str, previous: PreviousClaims | None) -> ArticleClaims | None:
        """The article's claims (None if it has none): copied from `previous` when made from the same inputs."""
        signature = self.claims_signature(article_id)
        placed = previous.find(article_id, signature) if previous is not None and signature else None
        copied = previous.read(placed) if placed is not None else None  # None too if the file does not hold them
        if copied is not None:
            return ArticleClaims(article_id, placed.subject, placed.triples, signature=signature, copied=copied,
                                 copied_from=placed.offset)
        return self.made_claims(article_id, signature)

    def claims_signature(self, article_id: str) -> bytes:
        """graphbuild.reuse.claims_signature of the article (b"" when the records have no digests)."""
        if self.ref_keys is None or len(self.articles[article_id]) != 1:
            return b""
        return claims_signature(self.digests[self.articles[article_id][0]], self.ref_keys.get(article_id, ()))

    def made_claims(self, article_id: str, signature: bytes = b"") -> ArticleClaims | None:
        """claim_blocks(article_id) as Turtle, made by a template: every claim has the same predicates,
        one object each."""
        claims, literals, statements, triples = self.claims(article_id), {}, [], 0
        if not claims:
            return None
        article_iri = self.mint("article", article_id)
        for claim, person_iri, (prop, kind, value, datatype, language), evidence, extractor, date in claims:
            if (text := literals.get(evidence.text)) is None:
                text = literals[evidence.text] = _literal_text(evidence.text, XSD_STRING, "")
            if (rule := literals.get(extractor)) is None:
                rule = literals[extractor] = _literal_text(extractor, XSD_STRING, "")
            fields = dict(claim=claim, about=person_iri, prop=_iri_text(prop), article=article_iri, evidence=text,
                          start=evidence.start, end=evidence.end, extractor=rule,
                          value=_iri_text(value) if kind == IRI else _literal_text(value, datatype, language))
            if date:
                statements.append(_DATED_CLAIM.format(date=_literal_text(*date[2:]), **fields))
                triples += 10
            else:
                statements.append(_UNDATED_CLAIM.format(**fields))
                triples += 9
        return ArticleClaims(article_id, claims[0][0], triples, "".join(statements), signature)

    def claims(self, article_id: str) -> list[tuple[str, str, PairKey, Span, str, PairKey | None]]:
        """(claim IRI, person IRI, the person's pair, evidence, extractor, date pair or None) of each
        claim of an article, sorted by IRI."""
        claims = {}
        dated = [(group, _date(str(DCTERMS.date), group.article.date) if group.article.date else None)
                 for group in self.groups(article_id)]
        stated = sorted(((a, date) for group, date in dated for a in group.assertions),
                        key=lambda pair: _assertion_order(pair[0]))
        for assertion, date in stated:
            person = self.person_of(article_id, assertion.subject)
            fact, value_key = self.fact_of(assertion)
            claim = self.iris.text("claim", article_id, person.key, assertion.predicate, value_key)
            if claim not in claims:
                claims[claim] = (claim, self.person_iri(person), fact, assertion.evidence, assertion.extractor, date)
        return [claims[claim] for claim in sorted(claims)]

    def event_blocks(self, article_id: str) -> list[tuple[str, set[PairKey]]]:
        blocks: dict[str, set[PairKey]] = defaultdict(set)
        for event in self.events_of(article_id):
            iri = self.event_iri(event.article_id, event.key)
            pairs = blocks[iri]
            pairs.update((_iri(_TYPE, str(GB[event.kind])), _text(_LABEL, event.label)))
            pairs.update(_provenance(self.mint("article", event.article_id), event.evidence, event.extractor))
            pairs.update(_iri(_CLAIM_PREDICATES["addressedTo"], self.recipient_iri(article_id, r)) for r in event.recipients)
            law = self.law_of_event.get((event.article_id, event.key))
            if law:
                pairs.add(_iri(_CLAIM_PREDICATES["legislation"], law))
        return sorted(blocks.items(), key=itemgetter(0))

    def events_of(self, article_id: str) -> list[Event]:
        return _checked_events(self.groups(article_id))


_CURRENT = {str(prop): str(current) for prop, current in CURRENT_PROPERTIES.items()}


def _provenance(article_iri: str, evidence: Span, extractor: str) -> list[PairKey]:
    return [
        _iri(_CLAIM_PREDICATES["reportedIn"], article_iri),
        _text(_CLAIM_PREDICATES["evidence"], evidence.text),
        _integer(_CLAIM_PREDICATES["evidenceStart"], evidence.start),
        _integer(_CLAIM_PREDICATES["evidenceEnd"], evidence.end),
        _text(_CLAIM_PREDICATES["extractor"], extractor),
    ]


def _claim_template(dated: bool) -> str:
    """The Turtle statement of a claim, with {fields}: what turtle_chunks writes of claim_blocks's pairs."""
    objects = {_CLAIM_PREDICATES["about"]: "<{about}>", _CLAIM_PREDICATES["claimedProperty"]: "{prop}",
               _CLAIM_PREDICATES["claimedValue"]: "{value}", _CLAIM_PREDICATES["reportedIn"]: "<{article}>",
               _CLAIM_PREDICATES["evidence"]: "{evidence}", _CLAIM_PREDICATES["evidenceStart"]: "{start}",
               _CLAIM_PREDICATES["evidenceEnd"]: "{end}", _CLAIM_PREDICATES["extractor"]: "{extractor}"}
    if dated:
        objects[str(DCTERMS.date)] = "{date}"
    lines = ["a " + _iri_text(str(GB.Claim))] + [_iri_text(predicate) + " " + objects[predicate] for predicate in sorted(objects)]
    return "<{claim}> " + " ;\n    ".join(lines) + " .\n\n"


_DATED_CLAIM, _UNDATED_CLAIM = _claim_template(True), _claim_template(False)


def _public_link(link: PublicLink) -> list[PairKey]:
    """What the gazetteer says: ids and official name, on predicates of their own."""
    pairs = [_iri(str(OWL.sameAs), iri) for iri in (WIKIDATA_ENTITY + link.wikidata if link.wikidata else "",
                                                     BIOGUIDE_BIO + link.bioguide if link.bioguide else "")
             if iri and _is_iri(iri)]
    if link.bioguide:
        pairs.append(_text(_CLAIM_PREDICATES["bioguideId"], link.bioguide))
    if link.official_name:
        pairs.append(_text(_CLAIM_PREDICATES["officialName"], link.official_name))
    pairs.extend(_text(_CLAIM_PREDICATES["gazetteerSource"], source) for source in link.sources)
    return pairs


def _is_iri(text: str) -> bool:
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return True


def current_value(observations: Iterable[tuple[str | None, object]]) -> object | None:
    """The value of the most recent dated claims, when nothing leaves it in doubt.

    Every claim of the latest article date must state it, and so must every
    undated claim (an undated article may be the newest); with no dated claim,
    every claim must state one value. Otherwise there is no current value.

    >>> current_value([("2022-06-01", "D"), ("2024-02-05", "I")])
    'I'
    >>> current_value([("2024-02-05", "I"), (None, "D")]) is None
    True
    """
    observations = list(observations)
    dated = [(when, value) for when, value in observations if when]
    latest = max((when for when, _value in dated), default=None)
    deciding = {value for when, value in observations if when is None or when == latest}
    return deciding.pop() if len(deciding) == 1 else None


def _checked_events(groups: list[ArticleFacts]) -> list[Event]:
    """An article's events, including any only an assertion refers to, checked."""
    events = sorted({event for group in groups for event in _events_of(group)},
                    key=lambda event: (event.article_id, event.key, event.label, event.evidence.start))
    for event in events:
        if event.kind not in EVENT_KINDS:
            raise ValueError(f"event kind {event.kind!r} is not one of {', '.join(EVENT_KINDS)}")
    return events


def _events_of(facts: ArticleFacts) -> list[Event]:
    """The article's events, including any only an assertion refers to."""
    from_assertions = {a.object for a in facts.assertions if isinstance(a.object, Event)}
    return sorted(set(facts.events) | from_assertions, key=lambda event: (event.article_id, event.key))


def _assertion_order(assertion: Assertion) -> tuple:
    """Sort key making 'earliest sentence wins' independent of input order."""
    value = assertion.object.key if isinstance(assertion.object, Event) else assertion.object
    evidence = assertion.evidence
    return (evidence.start, evidence.end, assertion.extractor, assertion.predicate,
            assertion.subject, value, evidence.text)


def _lookup(table: dict, value: str, what: str):
    if value not in table:
        raise ValueError(f"{what} {value!r} is not one of {', '.join(table)}")
    return table[value]


def is_web_url(url: str) -> bool:
    """True for a well-formed absolute http(s) URL that is also a valid IRI.

    >>> is_web_url("https://example.org/a?b=1"), is_web_url("javascript:alert(1)")
    (True, False)
    """
    if _URL_FORBIDDEN.search(url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and _is_iri(url)
