"""Load a built graph, run SPARQL on it locally and format the results.

Queries are read-only unless the caller allows updates, and nothing a query
says can make the engine fetch anything: SERVICE, FROM, LOAD and USING are
refused, since rdflib would dereference their IRIs.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Iterable

from pyparsing import ParseBaseException, ParseResults
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.query import Result
from rdflib.util import guess_format

from graphbuild.errors import GraphFileError, QueryError
from graphbuild.rdf import PREFIXES, new_graph, to_turtle

QUERY_PREFIXES = {"rdf": RDF._NS, "rdfs": RDFS._NS, **PREFIXES}
"""Prefixes every query may use without declaring them."""

FORMATS = ("table", "csv", "json")

REMOTE_CLAUSES = {
    "ServiceGraphPattern": "SERVICE",
    "DatasetClause": "FROM",
    "Load": "LOAD",
    "UsingClause": "USING",
}
"""Parse-tree nodes that would make rdflib fetch an IRI -> the keyword a user wrote."""


def load_graph(path: Path | str) -> Graph:
    """Parse a built graph file (Turtle unless its extension says otherwise)."""
    path = Path(path)
    if not path.is_file():
        raise GraphFileError(f"graph file {path} does not exist: run 'graphbuild run' first")
    rdf_format = guess_format(str(path)) or "turtle"
    graph = new_graph()
    try:
        graph.parse(path, format=rdf_format)
    except Exception as error:  # rdflib's parsers raise many unrelated types
        raise GraphFileError(f"cannot parse {path} as {rdf_format}: {_one_line(error)}") from error
    return graph


def read_query(text_or_path: str) -> str:
    """The query in the .rq file text_or_path names, else text_or_path itself."""
    if "\n" in text_or_path or not text_or_path.strip().endswith(".rq"):
        return text_or_path
    path = Path(text_or_path.strip())
    if not path.is_file():
        raise QueryError(f"query file {path} does not exist")
    return path.read_text(encoding="utf-8")


def run_query(graph: Graph, query: str, *, allow_update: bool = False) -> Result | None:
    """Run a SPARQL query on graph, with the usual prefixes predeclared.

    A SPARQL Update runs only when allow_update is true, and then returns None.
    Raises QueryError for a syntax error, a refused update or a remote clause.
    """
    try:
        parsed = parseQuery(query)
    except ParseBaseException as query_error:
        return _run_update(graph, query, allow_update, query_error)
    _refuse_remote_clauses(parsed)
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
    try:
        graph.update(text, initNs=QUERY_PREFIXES)
    except Exception as error:
        raise QueryError(f"update failed: {_one_line(error)}") from error
    return None


def _refuse_remote_clauses(parsed: object) -> None:
    for name in _node_names(parsed):
        if name in REMOTE_CLAUSES:
            raise QueryError(
                f"{REMOTE_CLAUSES[name]} is refused: queries run on the loaded graph only and never fetch remote data"
            )


def _node_names(node: object) -> Iterable[str]:
    """The names of every parse-tree node under node."""
    if isinstance(node, CompValue):
        yield node.name
        children = node.values()
    elif isinstance(node, (list, tuple, ParseResults)):
        children = node
    else:
        return
    for child in children:
        yield from _node_names(child)


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
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([str(var) for var in result.vars])
    for row in result:
        writer.writerow(["" if value is None else str(value) for value in row])
    return out.getvalue()


def _table(result: Result) -> str:
    """SELECT rows as an aligned text table; IRIs shortened with the standard prefixes."""
    namespaces = new_graph().namespace_manager
    header = [str(var) for var in result.vars]
    rows = [[_cell(value, namespaces) for value in row] for row in result]
    widths = [max([len(header[i]), *(len(row[i]) for row in rows)]) for i in range(len(header))]
    lines = [_table_line(header, widths), _table_line(["-" * width for width in widths], widths)]
    lines.extend(_table_line(row, widths) for row in rows)
    return "\n".join(lines) + "\n"


def _table_line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()


def _cell(value: object, namespaces: NamespaceManager) -> str:
    if value is None:
        return ""
    if isinstance(value, URIRef):
        return value.n3(namespaces)
    text = str(value) if isinstance(value, Literal) else value.n3()
    return " ".join(text.split())


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__
