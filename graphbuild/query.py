"""Run SPARQL on a built graph file and format the answer: what `graphbuild query` does.

A read-only query on a graph `graphbuild run` wrote is answered straight
from the Oxigraph store beside it while that store is fresh
(graphbuild.query_store: no rdflib, so start-up stays small). Updates, text
that mentions SERVICE or FROM, other graph files and queries Oxigraph
rejects go through graphbuild.query_rdflib, which loads the graph as an
rdflib Graph, checks the query and words refusals and errors. Its public
names (load_graph, run_query, format_result, QUERY_PREFIXES) can be imported
from here; they are loaded on first use, because rdflib is slow to import.
"""
from __future__ import annotations

from pathlib import Path

from graphbuild.errors import QueryError
from graphbuild.query_store import FORMATS, query_store
from graphbuild.store_folder import open_store

DEFAULT_TIMEOUT = 60.0
"""Seconds `graphbuild query` lets a query run; the example queries take well under one."""

RDFLIB_NAMES = ("load_graph", "run_query", "format_result", "QUERY_PREFIXES")


def __getattr__(name: str):
    if name in RDFLIB_NAMES:
        from graphbuild import query_rdflib

        return getattr(query_rdflib, name)
    raise AttributeError(f"module 'graphbuild.query' has no attribute {name!r}")


def read_query(text_or_path: str) -> str:
    """The query in the .rq file text_or_path names, else text_or_path itself."""
    if "\n" in text_or_path or not text_or_path.strip().endswith(".rq"):
        return text_or_path
    path = Path(text_or_path.strip())
    if not path.is_file():
        raise QueryError(f"query file {path} does not exist")
    return path.read_text(encoding="utf-8")


def query_graph_file(
    path: Path | str, query: str, *, fmt: str = "table", allow_update: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> str:
    """Run a query (text or .rq file) on the graph file at path and format the result.

    An allowed update is saved back to the file (atomically), since changing
    only the graph in memory would do nothing; an update that fails or times
    out leaves the file as it was.
    """
    if fmt not in FORMATS:
        raise ValueError(f"result format {fmt!r} is not one of {', '.join(FORMATS)}")
    text = read_query(query)
    store = None if allow_update else open_store(path)
    answer = query_store(store, text, fmt, timeout) if store is not None else None
    if answer is not None:
        return answer
    from graphbuild.query_rdflib import answer_graph_file

    return answer_graph_file(path, text, fmt, allow_update, timeout)
