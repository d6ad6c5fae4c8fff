"""rdflib graphs over Oxigraph.

rdflib stays the API a Python user sees; the triples live in a pyoxigraph
``Store`` (in memory, or on disk in ``OUT/graph.oxigraph/``), which answers
SPARQL in Rust. ``OxStore`` is oxrdflib's store with one difference: a plain
literal comes back as rdflib makes it (``Literal("D")``), not typed
``xsd:string``, so ``graph.value(s, p) == Literal("D")`` holds as it does on
rdflib's own store. The store written beside graph.ttl is graphbuild.store_folder's.
"""
from __future__ import annotations

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result
from rdflib.term import Node

from graphbuild.store_folder import StoreLoader  # noqa: F401 (api.py imports it from here)

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def from_ox(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Node | None:
    """An Oxigraph term as rdflib makes it: plain literals untyped."""
    kind = type(term)
    if kind is ox.NamedNode:
        return URIRef(term.value)
    if kind is ox.Literal:
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    if kind is ox.BlankNode:
        return BNode(term.value)
    if term is None:
        return None
    raise ValueError(f"unexpected Oxigraph term: {term!r}")


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as an Oxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(term)
    if isinstance(term, Literal):
        datatype = ox.NamedNode(term.datatype) if term.datatype else None
        return ox.Literal(term, language=term.language, datatype=datatype)
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    raise ValueError(f"unexpected rdflib term: {term!r}")


class OxStore(OxigraphStore):
    """oxrdflib's Oxigraph store, giving literals back untyped where rdflib would (see from_ox)."""

    def __init__(self, store: ox.Store | None = None) -> None:
        super().__init__(store=store if store is not None else ox.Store())
        self.modified = False
        """True once triples were added or removed through rdflib (or an update ran)."""
        self.ordered_blocks = None
        """Left by rdf.to_graph: a function re-streaming the graph's blocks in Turtle order (while unmodified)."""

    @property
    def oxigraph(self) -> ox.Store:
        return self._inner

    def add(self, triple, context, quoted=False) -> None:
        self.modified = True
        super().add(triple, context, quoted)

    def addN(self, quads) -> None:  # noqa: N802 (rdflib's name)
        self.modified = True
        super().addN(list(quads))

    def remove(self, triple, context=None) -> None:
        self.modified = True
        super().remove(triple, context)

    def update(self, *args, **kwargs) -> None:
        self.modified = True
        super().update(*args, **kwargs)

    def triples(self, triple_pattern, context=None):
        pattern = [None if term is None else _pattern_term(term) for term in triple_pattern]
        subject, predicate, _obj = pattern
        if any(term is False for term in pattern) or type(subject) is ox.Literal or type(predicate) in (ox.Literal, ox.BlankNode):
            return iter(())  # e.g. a literal subject: nothing can match
        graph_name = _graph_name(context)
        return (
            ((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)), iter((context,)))
            for q in self._inner.quads_for_pattern(*pattern, graph_name)
        )

    def __len__(self, context=None) -> int:
        if _graph_name(context) == ox.DefaultGraph() and not any(True for _ in self._inner.named_graphs()):
            return len(self._inner)
        return super().__len__(context)

    def query(self, query, initNs, initBindings, queryGraph, **kwargs) -> Result:  # noqa: N803 (rdflib's names)
        """SPARQL on Oxigraph, results converted with from_ox."""
        if not isinstance(query, str) or kwargs:
            raise NotImplementedError("only query text goes to Oxigraph")
        answer = self._inner.query(
            query,
            default_graph=_graph_name(queryGraph) if queryGraph != "__UNION__" else None,
            use_default_graph_as_union=queryGraph == "__UNION__",
            prefixes={prefix: str(namespace) for prefix, namespace in {**self._namespace_for_prefix, **initNs}.items()},
            substitutions={ox.Variable(name): to_ox(value) for name, value in initBindings.items()},
        )
        return result_of(answer)


def result_of(answer: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> Result:
    """An Oxigraph query answer as an rdflib Result (rows read now, so errors surface here)."""
    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    if isinstance(answer, ox.QuerySolutions):
        result = Result("SELECT")
        result.vars = [Variable(v.value) for v in answer.variables]
        result.bindings = [
            {var: from_ox(value) for var, value in zip(result.vars, row) if value is not None} for row in answer
        ]
        return result
    result = Result("CONSTRUCT")
    result.graph = Graph()
    for triple in answer:
        result.graph.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))
    return result


def _pattern_term(term: Node):
    """The Oxigraph form of a pattern term; False when no Oxigraph term can match it."""
    try:
        return to_ox(term)
    except (ValueError, TypeError):
        return False


def _graph_name(context) -> ox.DefaultGraph | ox.NamedNode | ox.BlankNode | None:
    identifier = context.identifier if isinstance(context, Graph) else context
    if identifier is None or identifier == DATASET_DEFAULT_GRAPH_ID:
        return ox.DefaultGraph()
    return to_ox(identifier)


def graph_over(store: ox.Store | None = None) -> Graph:
    """An rdflib Graph whose triples are the default graph of an Oxigraph store (a new in-memory one by default)."""
    return Graph(store=OxStore(store), identifier=DATASET_DEFAULT_GRAPH_ID, bind_namespaces="core")


def oxigraph_of(graph: Graph) -> ox.Store | None:
    """The Oxigraph store under graph, if there is one."""
    return graph.store.oxigraph if isinstance(graph.store, OxStore) else None
