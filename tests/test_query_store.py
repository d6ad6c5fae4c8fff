"""`graphbuild query` on a fresh store: answered by Oxigraph without rdflib, the same as the checked path."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_query import EXAMPLES, QUERIES, example, graph  # noqa: F401 (the fixture)

from graphbuild.errors import QueryError, QueryTimeout
from graphbuild.query import format_result, query_graph_file, run_query
from graphbuild.query_store import QUERY_PREFIXES, mentions_remote_words
from graphbuild.rdf import PREFIXES, write_turtle
from graphbuild.store_folder import write_store

PEOPLE = {"briefings.rq": "Ben Cardin"}
"""Example queries whose default person is not in the fixture graph -> one who is."""


@pytest.fixture(scope="module")
def built(graph, tmp_path_factory) -> Path:  # noqa: F811 (the fixture)
    turtle = tmp_path_factory.mktemp("out") / "graph.ttl"
    write_turtle(graph, turtle)
    write_store(turtle)
    return turtle


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_store_answers_each_example_as_the_checked_path_does(graph, built, name, fmt):  # noqa: F811
    query = example(name, PEOPLE.get(name))
    fast = query_graph_file(built, query, fmt=fmt)
    checked = format_result(run_query(graph, query), fmt)
    assert "Van Hollen" in fast  # rows, not just a header
    if fmt == "json":
        assert json.loads(fast) == json.loads(checked)
    else:
        assert fast == checked


def test_query_store_cli_imports_no_rdflib(built):
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "graphbuild", "query", str(QUERIES / "cosponsors.rq"),
                           "--graph", str(built), "--format", "csv"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("sponsor,cosponsor,bill,article\nChris Van Hollen,Susan Collins,")  # \r\n read as \n
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines()}
    assert not {name for name in imported if name.split(".")[0] in ("rdflib", "pyparsing", "networkx", "pyvis", "trafilatura")}


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * where { service <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }",
    'ASK { ?s ?p "from" }',
    "ASK {} # where the data comes from",
    '# a comment\nSELECT * WHERE { ?s ?p """\n# not a comment: text\n""" } SERVICE',
])
def test_query_store_leaves_service_and_from_to_the_checked_path(query):
    assert mentions_remote_words(query)


@pytest.mark.parametrize("query", [
    "ASK {}",
    "SELECT ?s WHERE { ?s gb:sponsors ?o } LIMIT 1",
    "SELECT ?u WHERE { ?s \\u0073chema:url ?u }",
    "# where the data comes from, a service\n  # of graphbuild\nASK {}",
])
def test_query_store_answers_queries_without_those_words(query):
    assert not mentions_remote_words(query)


def test_query_store_escaped_service_is_refused_and_never_sent(built):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(2)
    received = []
    listener = threading.Thread(target=lambda: received.append(_accept(server)))
    listener.start()
    query = f"SELECT * WHERE {{ \\u0053ERVICE <http://127.0.0.1:{server.getsockname()[1]}/sparql> {{ ?s ?p ?o }} }}"
    with pytest.raises(QueryError, match="never fetch"):
        query_graph_file(built, query)
    listener.join()
    server.close()
    assert received == [None]


def _accept(server: socket.socket):
    try:
        connection, _ = server.accept()
    except OSError:  # timed out: nobody connected
        return None
    connection.close()
    return "connected"


@pytest.mark.parametrize("query, message", [
    ("SELECT * WHERE { ?s nope:x ?o }", "unknown prefix nope:"),
    ("SELECT * WHERE { ?s ?p }", "SPARQL syntax error"),
    ("DELETE WHERE { ?s ?p ?o }", "SPARQL Update .* is refused"),
])
def test_query_store_errors_are_worded_by_the_checked_path(graph, built, query, message):  # noqa: F811
    with pytest.raises(QueryError, match=message) as fast:
        query_graph_file(built, query)
    with pytest.raises(QueryError) as checked:
        run_query(graph, query)
    assert str(fast.value) == str(checked.value)


def test_query_store_ask_and_construct(built):
    assert query_graph_file(built, "ASK { ?p gb:sponsors ?b }") == "true"
    assert query_graph_file(built, "ASK { ?p gb:testifiedAt ?b }", fmt="json") == '{"head": {}, "boolean": false}'
    turtle = query_graph_file(built, "CONSTRUCT { ?a gb:cosponsorsBillWith ?b } WHERE { ?a gb:cosponsorsBillWith ?b }")
    assert "@prefix gb:" in turtle and turtle.count("gb:cosponsorsBillWith") == 2


def test_query_store_timeout_stops_the_query_in_time(built):
    started = time.perf_counter()
    with pytest.raises(QueryTimeout, match="query stopped after 0.5 s"):
        query_graph_file(built, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", timeout=0.5)
    assert time.perf_counter() - started < 5


def test_query_store_prefixes_are_the_graphs():
    assert QUERY_PREFIXES == {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                              "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
                              **{prefix: str(namespace) for prefix, namespace in PREFIXES.items()}}
