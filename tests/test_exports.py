"""graphbuild run --format: every export parses back in its own reader, offline."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from graphbuild.api import BuildConfig, run
from graphbuild.exports import FORMATS, JSONLD_CONTEXT, context_text, parse_formats
from graphbuild.query import load_graph
from graphbuild.vocab import GB

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = URIRef("https://w3id.org/graphbuild/id/article/senate-democrats-election-security.txt")


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("exports") / "out"
    run([ROOT / "seeds"], folder, BuildConfig(html=False, formats=tuple(FORMATS)))
    return folder


@pytest.fixture(scope="module")
def turtle(out) -> Graph:
    graph = Graph()
    graph.parse(out / "graph.ttl", format="turtle")
    return graph


def test_parse_formats():
    assert parse_formats("ttl, NQ,trig") == ("trig", "nq")
    assert parse_formats(["csv", "graphml,jsonld"]) == ("jsonld", "graphml", "csv")
    with pytest.raises(ValueError, match="'xml' is not one of"):
        parse_formats("ttl,xml")


@pytest.mark.parametrize("name, fmt", [("graph.trig", "trig"), ("graph.nq", "nquads")])
def test_quads_name_one_graph_per_article(out, turtle, name, fmt):
    dataset = Dataset()
    dataset.parse(out / name, format=fmt)
    named = {g.identifier for g in dataset.graphs() if g.identifier != dataset.default_graph.identifier}
    assert named == {ARTICLE}
    article_graph = dataset.graph(ARTICLE)
    default = dataset.default_graph
    # the article, its claims and its events are in the article's graph; people and parties are not
    assert (ARTICLE, RDF.type, GB.Article) in article_graph
    assert set(article_graph.subjects(RDF.type, GB.Claim)) and set(article_graph.subjects(RDF.type, GB.Statement))
    assert not set(article_graph.subjects(RDF.type, GB.Person))
    assert set(default.subjects(RDF.type, GB.Person)) == set(turtle.subjects(RDF.type, GB.Person))
    assert not set(default.subjects(RDF.type, GB.Claim))
    # together they are the Turtle's triples, no more, no less
    union = Graph()
    for _s, _p, _o, _g in dataset.quads((None, None, None, None)):
        union.add((_s, _p, _o))
    assert set(union) == set(turtle)


def test_jsonld_parses_with_its_local_context(out, turtle):
    document = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == "context.jsonld"
    assert json.loads((out / "context.jsonld").read_text(encoding="utf-8")) == JSONLD_CONTEXT
    graph = Graph()
    # the relative context resolves against the file's own location: read from disk, not the network
    graph.parse(out / "graph.jsonld", format="json-ld")
    assert set(graph) == set(turtle)


def test_published_context_is_the_one_written():
    assert (ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8") == context_text()


def test_graphml_opens_in_networkx(out, turtle):
    graph = nx.read_graphml(out / "graph.graphml")
    people = {str(p) for p in turtle.subjects(RDF.type, GB.Person)}
    assert people <= set(graph.nodes)
    klobuchar = graph.nodes["https://w3id.org/graphbuild/id/person/amy-klobuchar"]
    assert klobuchar["kind"] == "person" and klobuchar["party"] == "D" and klobuchar["state"] == "MN"
    statement = graph.nodes["https://w3id.org/graphbuild/id/event/senate-democrats-election-security.txt/statement-1"]
    assert statement["kind"] == "Statement" and statement["evidence"]
    assert graph.number_of_edges() > 0
    for _source, _target, attrs in graph.edges(data=True):
        assert attrs["relation"]


def test_csv_tables(out, turtle):
    with open(out / "nodes.csv", newline="", encoding="utf-8") as stream:
        nodes = list(csv.DictReader(stream))
    with open(out / "edges.csv", newline="", encoding="utf-8") as stream:
        edges = list(csv.DictReader(stream))
    ids = {row["id"] for row in nodes}
    assert {str(p) for p in turtle.subjects(RDF.type, GB.Person)} <= ids
    assert edges and all(row["source"] in ids and row["target"] in ids for row in edges)
    signed = {(row["source"].rsplit("/", 1)[-1], row["relation"]) for row in edges}
    assert ("amy-klobuchar", "signed") in signed


def test_run_cli_format_option(tmp_path):
    from typer.testing import CliRunner

    from graphbuild.cli import app

    result = CliRunner().invoke(app, ["run", str(ROOT / "seeds"), "--out", str(tmp_path), "--format", "ttl,nq,csv"])
    assert result.exit_code == 0, result.output
    assert "wrote " + str(tmp_path / "graph.nq") in result.output
    assert (tmp_path / "nodes.csv").is_file() and not (tmp_path / "graph.trig").exists()
    bad = CliRunner().invoke(app, ["run", str(ROOT / "seeds"), "--out", str(tmp_path / "x"), "--format", "rdfxml"])
    assert bad.exit_code == 2 and not (tmp_path / "x").exists()
