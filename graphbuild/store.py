"""rdflib graphs over Oxigraph, and the persistent store `graphbuild run` writes beside graph.ttl.

rdflib stays the API a Python user sees; the triples live in a pyoxigraph
``Store`` (in memory, or on disk in ``OUT/graph.oxigraph/``), which answers
SPARQL in Rust. ``OxStore`` is oxrdflib's store with one difference: a plain
literal comes back as rdflib makes it (``Literal("D")``), not typed
``xsd:string``, so ``graph.value(s, p) == Literal("D")`` holds as it does on
rdflib's own store.
"""
from __future__ import annotations

import json
import os
import queue
import shutil
import tempfile
import threading
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result
from rdflib.term import Node

from graphbuild.errors import OutputError

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
STORE_SUFFIX = ".oxigraph"
"""The store of OUT/graph.ttl is the folder OUT/graph.oxigraph."""
SOURCE_FILE = "graphbuild-source.json"
"""Inside a store: the size and mtime of the Turtle it was loaded from, to tell a stale store."""


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


# ---------------------------------------------------------------- the store beside graph.ttl


def store_path(turtle: Path | str) -> Path:
    """Where the store of a Turtle file lives: OUT/graph.ttl -> OUT/graph.oxigraph."""
    return Path(turtle).with_suffix(STORE_SUFFIX)


def write_store(turtle: Path | str) -> Path:
    """Load a Turtle file into a new on-disk store beside it, replacing any previous store whole."""
    loader = StoreLoader(turtle)
    loader.load_file()
    return loader.finish()


class StoreLoader:
    """Builds the store of a Turtle file (OUT/graph.oxigraph) while the Turtle is written.

    Chunks of Turtle text handed to `load` are bulk-loaded by a background
    thread (Oxigraph's loader runs without the GIL, so it works on the other
    core while the writer makes the next chunk), one chunk at a time, so
    memory stays bounded whatever the size of the graph. The store is built
    in a hidden folder; `finish` stamps it with the Turtle file it mirrors and
    renames it into place, so a failed or killed run never leaves half a
    store under the final name (`abandon` removes it).
    """

    def __init__(self, turtle: Path | str, header: str = "") -> None:
        self.turtle, self.header = Path(turtle), header.encode("utf-8")
        self.target = store_path(self.turtle)
        self.error: BaseException | None = None
        self.temp: Path | None = None
        self.chunks: queue.Queue = queue.Queue(maxsize=2)
        self.worker = threading.Thread(target=self._work, name="graphbuild-store", daemon=True)

    def load(self, text: str) -> None:
        """Queue a chunk of whole Turtle statements (after the header) for loading."""
        self._start()
        self._raise_worker_error()
        self.chunks.put(self.header + text.encode("utf-8"))

    def load_file(self) -> None:
        """Queue the whole Turtle file, loaded as one (for a file graphbuild did not just write)."""
        self._start()
        self.chunks.put(self.turtle)

    def _start(self) -> None:
        """Make the hidden folder and start loading, on the first chunk (the Turtle's folder exists by then)."""
        if self.temp is not None:
            return
        try:
            for left in self.turtle.parent.glob(f".{self.target.name}.*"):  # by a killed run
                shutil.rmtree(left, ignore_errors=True)
            self.temp = Path(tempfile.mkdtemp(dir=self.turtle.parent, prefix=f".{self.target.name}.", suffix=".tmp"))
        except OSError as error:
            raise OutputError(f"cannot write the store {self.target}: {error.strerror or error}") from error
        self.worker.start()

    def finish(self) -> Path:
        """Wait for the loads, stamp the store with the Turtle file as it is now, rename it into place."""
        self._start()
        self.chunks.put(None)
        self.worker.join()
        try:
            self._raise_worker_error()
            (self.temp / SOURCE_FILE).write_text(json.dumps(_source_stamp(self.turtle)), encoding="utf-8")
            os.chmod(self.temp, 0o755)  # mkdtemp makes it 0700; outputs are meant to be shared
            _replace_folder(self.temp, self.target)
        except OSError as error:
            self.abandon()
            raise OutputError(f"cannot write the store {self.target}: {error.strerror or error}") from error
        except BaseException:
            self.abandon()
            raise
        return self.target

    def abandon(self) -> None:
        """Stop loading and delete the unfinished store."""
        if self.worker.is_alive():
            self.chunks.put(None)
            self.worker.join()
        if self.temp is not None:
            shutil.rmtree(self.temp, ignore_errors=True)

    def _work(self) -> None:
        try:
            store = ox.Store(str(self.temp))
            while (chunk := self.chunks.get()) is not None:
                if isinstance(chunk, Path):
                    store.bulk_load(path=str(chunk), format=ox.RdfFormat.TURTLE)
                else:
                    store.bulk_load(input=chunk, format=ox.RdfFormat.TURTLE)
            store.optimize()  # compacts what the chunks left: several times faster queries
            store.flush()
            del store  # closes the database before its folder moves
        except BaseException as error:  # handed to the writer's thread
            self.error = error
            while self.chunks.get() is not None:  # keep draining, so the writer never blocks
                pass

    def _raise_worker_error(self) -> None:
        if isinstance(self.error, OSError):
            raise OutputError(f"cannot write the store {self.target}: {self.error.strerror or self.error}") from self.error
        if self.error is not None:
            raise self.error


def _replace_folder(new: Path, target: Path) -> None:
    """Rename new to target; an existing target is moved aside first, then deleted."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
        os.replace(target, old / "store")
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def open_store(turtle: Path | str) -> ox.Store | None:
    """The store written beside the Turtle file, read-only, if it was loaded from the file as it is now."""
    folder = store_path(turtle)
    try:
        stamp = json.loads((folder / SOURCE_FILE).read_text(encoding="utf-8"))
        if stamp != _source_stamp(Path(turtle)):
            return None
        return ox.Store.read_only(str(folder))
    except (OSError, ValueError):
        return None


def _source_stamp(turtle: Path) -> dict:
    status = turtle.stat()
    return {"turtle": turtle.name, "size": status.st_size, "mtime_ns": status.st_mtime_ns}


