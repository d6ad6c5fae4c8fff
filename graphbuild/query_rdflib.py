"""Load a built graph as an rdflib Graph, run SPARQL on it locally and format the results.

A graph `graphbuild run` wrote is read from the Oxigraph store beside it
(OUT/graph.oxigraph, see graphbuild.store_folder) while that store is fresh,
else parsed from the Turtle; either way SPARQL runs on Oxigraph. This is the
checked path: `graphbuild query` answers most queries faster straight from
the store (graphbuild.query_store) and comes here for the rest; the server,
explain, eval and stats use the Graph.

Queries are read-only unless the caller allows updates, and nothing a query
says can make the engine fetch anything: SERVICE, FROM, LOAD and USING are
refused, since rdflib would dereference their IRIs. A query with a timeout
runs in a child process on Oxigraph (native code cannot be interrupted, but
a process can be killed), and in a thread of its own on rdflib's engine; at
the timeout the caller gets QueryTimeout and the child or thread is stopped.
"""
from __future__ import annotations

import csv
import ctypes
import io
import json
import threading
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox
from pyparsing import ParseBaseException, ParseResults
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import Namespace, NamespaceManager
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.query import Result
from rdflib.util import guess_format

from graphbuild.errors import GraphFileError, QueryError, QueryTimeout
from graphbuild.query_store import FORMATS, QUERY_PREFIXES as PREFIX_IRIS, in_child, table_text
from graphbuild.rdf import PREFIXES, new_graph, to_turtle, write_turtle
from graphbuild.store import graph_over, oxigraph_of
from graphbuild.store_folder import open_store, store_path, write_store

QUERY_PREFIXES = {prefix: Namespace(namespace) for prefix, namespace in PREFIX_IRIS.items()}
"""Prefixes every query may use without declaring them."""

REMOTE_CLAUSES = {
    "ServiceGraphPattern": "SERVICE",
    "DatasetClause": "FROM",
    "Load": "LOAD",
    "UsingClause": "USING",
}
"""Parse-tree nodes that would make rdflib fetch an IRI -> the keyword a user wrote."""


OXIGRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "xml": ox.RdfFormat.RDF_XML,
                    "n3": ox.RdfFormat.N3}
"""rdflib's format names (from the file extension) that Oxigraph parses itself."""


def load_graph(path: Path | str, *, writable: bool = False) -> Graph:
    """A built graph file as an rdflib Graph (Turtle unless its extension says otherwise).

    The fresh store `graphbuild run` wrote beside the file is opened read-only
    instead of parsing it, unless the caller means to change the graph
    (writable); otherwise the file is parsed into memory.
    """
    path = Path(path)
    if not path.is_file():
        raise GraphFileError(f"graph file {path} does not exist: run 'graphbuild run' first")
    store = None if writable else open_store(path)
    if store is not None:
        return _with_prefixes(graph_over(store))
    rdf_format = guess_format(str(path)) or "turtle"
    graph = new_graph()
    try:
        if rdf_format in OXIGRAPH_FORMATS:
            oxigraph_of(graph).load(path=str(path), format=OXIGRAPH_FORMATS[rdf_format])
        else:
            graph.parse(path, format=rdf_format)
    except Exception as error:  # the parsers raise many unrelated types
        raise GraphFileError(f"cannot parse {path} as {rdf_format}: {_one_line(error)}") from error
    return graph


def _with_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def answer_graph_file(path: Path | str, query: str, fmt: str, allow_update: bool, timeout: float | None) -> str:
    """Run query (text) on the graph file at path and format the result (see graphbuild.query.query_graph_file).

    An allowed update is saved back to the file (atomically), since changing
    only the graph in memory would do nothing; an update that fails or times
    out leaves the file as it was.
    """
    graph = load_graph(path, writable=allow_update)
    before = len(graph) if allow_update else 0
    result = run_query(graph, query, allow_update=allow_update, timeout=timeout)
    if result is not None:
        return format_result(result, fmt)
    if (guess_format(str(path)) or "turtle") != "turtle":
        raise QueryError(f"updates are saved only to Turtle graphs, and {path} is not one: nothing was changed")
    write_turtle(graph, path)
    if store_path(path).is_dir():
        write_store(path)  # else the store, now stale, would be ignored and every query re-parse the Turtle
    return f"update done: {before} -> {len(graph)} triples; wrote {path}\n"


def run_query(
    graph: Graph, query: str, *, allow_update: bool = False, timeout: float | None = None
) -> Result | None:
    """Run a SPARQL query on graph, with the usual prefixes predeclared.

    A SPARQL Update runs only when allow_update is true, and then returns None.
    With a timeout (seconds; None or 0: no limit) the query is stopped when it
    runs longer, and QueryTimeout is raised; a stopped update may have changed
    part of graph.
    Raises QueryError for a syntax error, a refused update or a remote clause.
    """
    if timeout and oxigraph_of(graph) is not None:
        return _on_oxigraph_with_timeout(graph, query, allow_update, timeout)
    if timeout:
        return _with_timeout(lambda: run_query(graph, query, allow_update=allow_update), timeout)
    try:
        parsed = parseQuery(query)
    except ParseBaseException as query_error:
        return _run_update(graph, query, allow_update, query_error)
    _refuse_remote_clauses(parsed)
    _refuse_unknown_prefixes(parsed)
    try:
        result = graph.query(query, initNs=QUERY_PREFIXES)
        if result.type == "SELECT":
            result.bindings  # evaluate now, so errors surface here and not while printing
    except Exception as error:  # rdflib raises bare Exception, e.g. for unknown prefixes
        raise QueryError(f"query failed: {_one_line(error)}") from error
    return result


def _run_update(graph: Graph, text: str, allow_update: bool, query_error: Exception) -> None:
    try:
        parsed = parseUpdate(text)
    except ParseBaseException:
        raise QueryError(f"SPARQL syntax error: {_one_line(query_error)}") from query_error
    if "request" not in parsed:  # only comments or whitespace parse as an empty update
        raise QueryError(f"SPARQL syntax error: the query is empty ({_one_line(query_error)})")
    if not allow_update:
        raise QueryError("SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP ...) is refused: queries are read-only")
    _refuse_remote_clauses(parsed)
    _refuse_unknown_prefixes(parsed)
    try:
        graph.update(text, initNs=QUERY_PREFIXES)
    except Exception as error:
        raise QueryError(f"update failed: {_one_line(error)}") from error
    return None


def _on_oxigraph_with_timeout(graph: Graph, query: str, allow_update: bool, seconds: float) -> Result | None:
    """run_query in a forked child, killed at the timeout; an update that finishes in time is then run here."""
    portable = in_child(lambda: _portable(run_query(graph, query, allow_update=allow_update)), seconds)
    if portable is None:  # an update: the child changed only its own copy
        return run_query(graph, query, allow_update=allow_update)
    return _result_from(portable)


def _portable(result: Result | None):
    """A query result as plain picklable data (see _result_from)."""
    if result is None:
        return None
    if result.type == "ASK":
        return ("ASK", result.askAnswer)
    if result.type == "SELECT":
        return ("SELECT", list(result.vars), [tuple(row) for row in result])
    return ("CONSTRUCT", list(result.graph))


def _result_from(portable) -> Result:
    kind, *data = portable
    result = Result("SELECT" if kind == "SELECT" else kind)
    if kind == "ASK":
        result.askAnswer = data[0]
    elif kind == "SELECT":
        result.vars, rows = data
        result.bindings = [{var: value for var, value in zip(result.vars, row) if value is not None} for row in rows]
    else:
        result.graph = Graph()
        for triple in data[0]:
            result.graph.add(triple)
    return result


class _Stopped(BaseException):
    """Raised inside a query's thread at its timeout (BaseException: rdflib catches Exception)."""


def _with_timeout(action, seconds: float):
    """action() in a daemon thread; at the timeout the thread is interrupted and QueryTimeout raised."""
    outcome: dict = {}

    def work() -> None:
        try:
            outcome["value"] = action()
        except BaseException as error:  # handed to the caller's thread below
            outcome["error"] = error

    worker = threading.Thread(target=work, name="graphbuild-query", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        _interrupt(worker)
        raise QueryTimeout(f"query stopped after {seconds:g} s: it ran too long (--timeout SECONDS sets the limit, 0 none)")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _interrupt(worker: threading.Thread) -> None:
    """Raise _Stopped in worker until it ends (or a few seconds pass; a daemon thread dies with the process).

    rdflib evaluates in pure Python, so the exception lands at the next bytecode;
    it is sent again if it landed where Python swallows it (a weakref callback).
    """
    for _ in range(40):
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(worker.ident), ctypes.py_object(_Stopped))
        worker.join(0.05)
        if not worker.is_alive():
            return


def _refuse_remote_clauses(parsed: object) -> None:
    for name in _node_names(parsed):
        if name in REMOTE_CLAUSES:
            raise QueryError(
                f"{REMOTE_CLAUSES[name]} is refused: queries run on the loaded graph only and never fetch remote data"
            )


def _refuse_unknown_prefixes(parsed: object) -> None:
    """A prefix neither predeclared nor declared in the query is named (Oxigraph's own message lists grammar)."""
    nodes = list(_nodes(parsed))
    declared = set(QUERY_PREFIXES) | {node.get("prefix") for node in nodes if node.name == "PrefixDecl"}
    for node in nodes:
        if node.name == "pname" and node.get("prefix") not in declared:
            prefix = node.get("prefix") or ""
            raise QueryError(f"query failed: unknown prefix {prefix}: (declare it: PREFIX {prefix}: <...>)")


def _nodes(node: object) -> Iterable[CompValue]:
    """Every parse-tree node under node."""
    if isinstance(node, CompValue):
        yield node
        children = node.values()
    elif isinstance(node, (list, tuple, ParseResults)):
        children = node
    else:
        return
    for child in children:
        yield from _nodes(child)


def _node_names(node: object) -> Iterable[str]:
    """The names of every parse-tree node under node."""
    return (child.name for child in _nodes(node))


def format_result(result: Result | None, fmt: str = "table") -> str:
    """A query result as text: table, csv or json for SELECT and ASK, Turtle for graphs."""
    if fmt not in FORMATS:
        raise ValueError(f"result format {fmt!r} is not one of {', '.join(FORMATS)}")
    if result is None:
        return "update done"
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return _graph_turtle(result.graph)
    if result.type == "ASK":
        return json.dumps({"head": {}, "boolean": result.askAnswer}) if fmt == "json" else str(result.askAnswer).lower()
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8")
    if fmt == "csv":
        return _csv(result)
    return _table(result)


def _graph_turtle(graph: Graph) -> str:
    prefixed = new_graph()
    prefixed += graph
    return to_turtle(prefixed)


def _csv(result: Result) -> str:
    """SPARQL 1.1 CSV, as Oxigraph writes it: blank nodes as _:id."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([str(var) for var in result.vars])
    for row in result:
        writer.writerow(["" if value is None else value.n3() if isinstance(value, BNode) else str(value) for value in row])
    return out.getvalue()


def _table(result: Result) -> str:
    """SELECT rows as an aligned text table; IRIs shortened with the standard prefixes."""
    namespaces = new_graph().namespace_manager
    return table_text([str(var) for var in result.vars], ([_cell(value, namespaces) for value in row] for row in result))


def _cell(value: object, namespaces: NamespaceManager) -> str:
    if value is None:
        return ""
    if isinstance(value, URIRef):
        return value.n3(namespaces)
    text = str(value) if isinstance(value, Literal) else value.n3()
    return " ".join(text.split())


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__
