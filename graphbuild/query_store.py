"""Answer a read-only query straight from the store beside graph.ttl: the fast path of `graphbuild query`.

Only pyoxigraph and the standard library are imported, so a query costs
start-up, the query itself and printing its answer, however big the graph.
CSV and JSON are Oxigraph's own SPARQL results serializations, CONSTRUCT
its Turtle; a table is aligned here. Text that mentions SERVICE or FROM
outside comments, an update, or a query Oxigraph rejects is not answered
here (None): graphbuild.query_rdflib then checks it and words the refusal
or the error.
"""
from __future__ import annotations

import multiprocessing
import re
from typing import Callable, Iterable, TypeVar

import pyoxigraph as ox

from graphbuild.errors import QueryError, QueryTimeout

FORMATS = ("table", "csv", "json")

QUERY_PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "gb": "https://w3id.org/graphbuild/ontology#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
"""Prefixes every query may use without declaring them: rdf, rdfs and those of graphbuild.rdf.PREFIXES (tested)."""

REMOTE_WORDS = ("service", "from")
"""Keywords that make Oxigraph fetch (SERVICE) or that graphbuild refuses (FROM); LOAD and USING are updates."""

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*(?<!\.)")

T = TypeVar("T")


def query_store(store: ox.Store, query: str, fmt: str, timeout: float | None) -> str | None:
    """The answer to query on store as text in fmt (table, csv or json), or None when this path may not answer it.

    With a timeout (seconds) the query runs in a child process, killed at the
    timeout (QueryTimeout). Raises QueryError when Oxigraph fails to evaluate it.
    """
    if mentions_remote_words(query):
        return None
    try:
        return in_child(lambda: answer_text(store, query, fmt), timeout) if timeout else answer_text(store, query, fmt)
    except SyntaxError:
        return None
    except QueryError:
        raise
    except Exception as error:  # Oxigraph raises OSError, ValueError ... while evaluating
        raise QueryError(f"query failed: {' '.join(str(error).split()) or type(error).__name__}") from error


def mentions_remote_words(query: str) -> bool:
    """True when SERVICE or FROM could be a keyword of query: either word, in any case, outside whole-line comments.

    Matching text keeps this airtight without a parser: a line that starts
    with # is a comment or inside a string or IRI, never code, and SPARQL
    unescapes \\uXXXX before parsing, so the query is unescaped first. A
    query that says "from" anywhere else (a string, a comment after code)
    takes the slower checked path.
    """
    try:
        text = _CODEPOINT.sub(lambda found: chr(int(found.group(1) or found.group(2), 16)), query)
    except ValueError:  # not a code point: let the checked path say what is wrong
        return True
    code = "\n".join(line for line in text.split("\n") if not line.lstrip().startswith("#")).lower()
    return any(word in code for word in REMOTE_WORDS)


def answer_text(store: ox.Store, query: str, fmt: str) -> str:
    """Run query on store and format its answer (SyntaxError for a query Oxigraph rejects)."""
    answer = store.query(query, prefixes=QUERY_PREFIXES)
    if isinstance(answer, ox.QueryBoolean):
        return ('{"head": {}, "boolean": %s}' if fmt == "json" else "%s") % str(bool(answer)).lower()
    if isinstance(answer, ox.QueryTriples):
        return ox.serialize(answer, format=ox.RdfFormat.TURTLE, prefixes=QUERY_PREFIXES).decode("utf-8")
    if fmt == "table":
        header = [variable.value for variable in answer.variables]
        return table_text(header, ([cell(term) for term in row] for row in answer))
    results_format = ox.QueryResultsFormat.JSON if fmt == "json" else ox.QueryResultsFormat.CSV
    return answer.serialize(format=results_format).decode("utf-8")


def cell(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    """A term as a table shows it: IRIs shortened with the query prefixes, whitespace in literals collapsed."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return prefixed(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return " ".join(term.value.split())


def prefixed(iri: str) -> str:
    """gb:Bill for the IRI of gb:Bill; <iri> when no query prefix gives a plain local name."""
    for prefix, namespace in QUERY_PREFIXES.items():
        if iri.startswith(namespace) and _LOCAL_NAME.fullmatch(iri, len(namespace)):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


def table_text(header: list[str], rows: Iterable[list[str]]) -> str:
    """Rows of cells as an aligned text table under header and a rule."""
    rows = list(rows)
    widths = [max([len(header[i]), *(len(row[i]) for row in rows)]) for i in range(len(header))]
    lines = [_table_line(header, widths), _table_line(["-" * width for width in widths], widths)]
    lines.extend(_table_line(row, widths) for row in rows)
    return "\n".join(lines) + "\n"


def _table_line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()


def in_child(action: Callable[[], T], seconds: float) -> T:
    """action() in a forked process, its (picklable) value sent back; QueryTimeout if it is not done in time.

    Oxigraph's native code cannot be interrupted, but a process can be killed.
    """
    context = multiprocessing.get_context("fork")  # the child shares the parent's store and graph as they are
    receiver, sender = context.Pipe(duplex=False)

    def work() -> None:
        try:
            outcome = ("value", action())
        except BaseException as error:  # handed to the parent below
            outcome = ("error", error)
        sender.send(outcome)

    child = context.Process(target=work, name="graphbuild-query", daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise QueryTimeout(f"query stopped after {seconds:g} s: it ran too long (--timeout SECONDS sets the limit, 0 none)")
        kind, value = receiver.recv()
    except EOFError:
        raise QueryError("query failed: the process running it ended without an answer") from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    if kind == "error":
        raise value
    return value
