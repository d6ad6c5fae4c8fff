"""render.py: the networkx view of the graph and the offline, script-safe HTML page."""
from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from graphbuild import files, render
from graphbuild.render import to_networkx, write_html
from graphbuild.vocab import GB

X = Namespace("https://example.org/id/")
SCHEMA_URL = URIRef("https://schema.org/url")

HOSTILE_TITLE = 'Senators "warn" </script><script>alert(1)</script> \\ back\\slash'
HOSTILE_EVIDENCE = (
    'Schumer said "><img src=x onerror=alert(1)> and <script>alert(1)</script> '
    "then <!-- and \u2028 line \u2029 para & 'quotes'"
)
HOSTILE_LABEL = "<script>alert(1)</script> joint statement on elections"
RAW_HOSTILE = ("<script>alert", "<img src=x", "</script><script>", "<!--", "\u2028", "\u2029")


def hostile_triples() -> list[tuple]:
    """Three people, five events, one organization, plus things that must not be drawn."""
    t = [
        (X.a1, RDF.type, GB.Article), (X.a1, DCTERMS.identifier, Literal("a1.txt")),
        (X.a1, DCTERMS.title, Literal(HOSTILE_TITLE)),
        (X.a1, SCHEMA_URL, Literal("https://news.example/a1")),
        (X.a2, RDF.type, GB.Article), (X.a2, DCTERMS.identifier, Literal("a2.txt")),
        (X.a2, DCTERMS.title, Literal("Plain title")),
    ]
    for party, label in [(GB.DemocraticParty, "Democratic Party"),
                         (GB.RepublicanParty, "Republican Party"), (GB.Independent, "Independent")]:
        t.append((party, RDFS.label, Literal(label)))
    people = [(X.schumer, "Chuck Schumer", [GB.DemocraticParty]),
              (X.mcconnell, "Mitch McConnell", [GB.RepublicanParty]),
              (X.specter, "Arlen Specter", [GB.RepublicanParty, GB.DemocraticParty])]
    for person, name, parties in people:
        t += [(person, RDF.type, GB.Person), (person, RDFS.label, Literal(name))]
        t += [(person, GB.party, p) for p in parties]
    t += [
        (X.schumer, RDF.type, GB.Senator), (X.schumer, GB.state, Literal("NY")),
        (X.schumer, GB.role, Literal("senate minority leader")),
        (X.schumer, SKOS.altLabel, Literal("Charles Schumer")),
        (X.nobody, RDF.type, GB.Person), (X.nobody, RDFS.label, Literal("Jane Doe")),
        (X.fec, RDF.type, GB.Organization), (X.fec, RDFS.label, Literal("Federal Election Commission")),
    ]
    t += event(X.s1, GB.Statement, HOSTILE_LABEL, X.a1, HOSTILE_EVIDENCE)
    t += event(X.t1, GB.Tweet, "tweet", X.a2, "McConnell tweeted.")
    t += event(X.l1, GB.Letter, "letter to the FEC", X.a2, "They wrote to the FEC.")
    t += event(X.b1, GB.Bill, "election security bill", X.a2, "Specter sponsors the bill.")
    t += event(X.h1, GB.Hearing, "hearing", X.a2, "McConnell testified.")
    t += [
        (X.schumer, GB.signedStatement, X.s1), (X.specter, GB.signedStatement, X.s1),
        (X.schumer, GB.coSignedWith, X.specter), (X.specter, GB.coSignedWith, X.schumer),
        (X.mcconnell, GB.posted, X.t1),
        (X.schumer, GB.sentLetter, X.l1), (X.l1, GB.addressedTo, X.fec),
        (X.l1, GB.addressedTo, X.mcconnell),
        (X.specter, GB.sponsors, X.b1), (X.mcconnell, GB.testifiedAt, X.h1),
        (X.schumer, GB.mentionedIn, X.a1),
        (X.claim1, RDF.type, GB.Claim), (X.claim1, GB.about, X.schumer),
        (X.claim1, GB.claimedProperty, GB.state), (X.claim1, GB.claimedValue, Literal("NY")),
    ]
    return t


def event(node, cls, label, article, evidence) -> list[tuple]:
    return [(node, RDF.type, cls), (node, RDFS.label, Literal(label)),
            (node, GB.reportedIn, article), (node, GB.evidence, Literal(evidence)),
            (node, GB.evidenceStart, Literal(0)), (node, GB.evidenceEnd, Literal(len(evidence))),
            (node, GB.extractor, Literal("test.v1"))]


def graph_of(triples: list[tuple]) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


@pytest.fixture
def hostile_graph() -> Graph:
    return graph_of(hostile_triples())


def page_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def test_render_to_networkx_draws_people_events_and_recipients(hostile_graph):
    nxg = to_networkx(hostile_graph)
    kinds = sorted(kind for _, kind in nxg.nodes(data="kind"))
    assert kinds == ["Bill", "Hearing", "Letter", "Statement", "Tweet", "organization"] + ["person"] * 4
    edges = sorted((u.rsplit("/", 1)[1], v.rsplit("/", 1)[1], k) for u, v, k in nxg.edges(keys=True))
    assert edges == [
        ("l1", "fec", "addressed to"), ("l1", "mcconnell", "addressed to"),
        ("mcconnell", "h1", "testified at"), ("mcconnell", "t1", "posted"),
        ("schumer", "l1", "sent"), ("schumer", "s1", "signed"),
        ("specter", "b1", "sponsors"), ("specter", "s1", "signed"),
    ]


def test_render_to_networkx_skips_articles_claims_and_symmetric_edges(hostile_graph):
    nxg = to_networkx(hostile_graph)
    assert str(X.a1) not in nxg and str(X.claim1) not in nxg and str(GB.DemocraticParty) not in nxg
    assert not nxg.has_edge(str(X.schumer), str(X.specter))


def test_render_to_networkx_person_attributes(hostile_graph):
    nodes = to_networkx(hostile_graph).nodes
    assert nodes[str(X.schumer)] == {
        "kind": "person", "label": "Chuck Schumer", "party": "D",
        "roles": ("Senator", "senate minority leader"), "state": "NY", "names": ("Charles Schumer",),
    }
    assert nodes[str(X.specter)]["party"] == "D/R"
    assert nodes[str(X.nobody)]["party"] == ""


def test_render_to_networkx_event_and_edge_attributes(hostile_graph):
    nxg = to_networkx(hostile_graph)
    assert nxg.nodes[str(X.s1)] == {
        "kind": "Statement", "label": HOSTILE_LABEL, "evidence": HOSTILE_EVIDENCE,
        "article": HOSTILE_TITLE, "article_url": "https://news.example/a1", "date": "",
    }
    edge = nxg.edges[str(X.schumer), str(X.s1), "signed"]
    assert edge == {"relation": "signed", "evidence": HOSTILE_EVIDENCE, "article": HOSTILE_TITLE}


def test_render_write_html_is_offline_and_leaves_no_lib(hostile_graph, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_html(hostile_graph, Path("out/graph.html"))
    assert os.listdir(tmp_path) == ["out"]
    assert os.listdir(tmp_path / "out") == ["graph.html"]
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=", page, re.I)
    for remote in ("bootstrap", "cdnjs", "jsdelivr", "unpkg", "@import"):
        assert remote not in page.lower(), remote
    assert "default-src 'none'" in page


def test_render_write_html_never_embeds_raw_markup_from_data(hostile_graph, tmp_path):
    write_html(hostile_graph, tmp_path / "graph.html")
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    for raw in RAW_HOSTILE:
        assert raw not in page, raw
    # The page's own three blocks are the only ones closed.
    assert page.lower().count("</script") == 3


def test_render_write_html_data_round_trips_literally(hostile_graph, tmp_path):
    write_html(hostile_graph, tmp_path / "graph.html")
    data = page_data((tmp_path / "graph.html").read_text(encoding="utf-8"))
    statement = next(n for n in data["nodes"] if n["id"] == str(X.s1))
    assert HOSTILE_EVIDENCE in statement["title"] and HOSTILE_TITLE in statement["title"]
    assert statement["shape"] == "square" and statement["label"] == HOSTILE_LABEL[:39] + "…"
    signed = [e for e in data["edges"] if e["label"] == "signed"]
    assert len(signed) == 2 and all(HOSTILE_EVIDENCE in e["title"] for e in signed)
    assert len(data["nodes"]) == 10 and len(data["edges"]) == 8
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])


def test_render_write_html_colours_people_by_party_and_sizes_by_degree(hostile_graph, tmp_path):
    write_html(hostile_graph, tmp_path / "graph.html")
    nodes = {n["id"]: n for n in page_data((tmp_path / "graph.html").read_text())["nodes"]}
    colours = dict((key, colour) for key, colour, _ in render.PARTY_COLOURS)
    assert nodes[str(X.schumer)]["color"] == colours["D"]
    assert nodes[str(X.mcconnell)]["color"] == colours["R"]
    assert nodes[str(X.specter)]["color"] == colours["several"]
    assert nodes[str(X.nobody)]["color"] == colours[""]
    assert nodes[str(X.schumer)]["size"] > nodes[str(X.nobody)]["size"]


def test_render_write_html_has_legend(hostile_graph, tmp_path):
    write_html(hostile_graph, tmp_path / "graph.html")
    page = (tmp_path / "graph.html").read_text()
    legend = page[page.index('<aside class="legend"'):page.index("</aside>")]
    for text in ("Democrat", "Republican", "Independent", "party unknown",
                 "Statement", "Tweet", "Letter", "Bill", "Briefing", "Hearing", "testified at"):
        assert text in legend


def test_render_write_html_is_deterministic(tmp_path):
    triples = hostile_triples()
    pages = set()
    for seed in range(3):
        random.Random(seed).shuffle(triples)
        write_html(graph_of(triples), tmp_path / f"graph{seed}.html")
        pages.add((tmp_path / f"graph{seed}.html").read_bytes())
    assert len(pages) == 1


def test_render_write_html_handles_empty_graph(tmp_path):
    write_html(Graph(), tmp_path / "graph.html")
    data = page_data((tmp_path / "graph.html").read_text())
    assert data["nodes"] == [] and data["edges"] == []


def test_render_write_html_keeps_old_page_when_writing_fails(hostile_graph, tmp_path, monkeypatch):
    target = tmp_path / "graph.html"
    target.write_text("old")

    def fail(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", fail)
    with pytest.raises(OSError):
        write_html(hostile_graph, target)
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["graph.html"]


def test_render_tolerates_events_without_provenance(tmp_path):
    graph = graph_of([
        (X.p, RDF.type, GB.Person), (X.q, RDF.type, GB.Person), (X.e, RDF.type, GB.Briefing),
        (X.p, GB.attendedBriefing, X.e), (X.p, GB.posted, X.q),  # odd data: posted a person
        (X.e, GB.sponsors, X.e),  # odd data: an event as participant
    ])
    nxg = to_networkx(graph)
    assert nxg.nodes[str(X.e)] == {"kind": "Briefing", "label": "e", "evidence": "",
                                   "article": "", "article_url": "", "date": ""}
    assert list(nxg.edges(keys=True)) == [(str(X.p), str(X.e), "attended")]
    write_html(graph, tmp_path / "graph.html")
    nodes = page_data((tmp_path / "graph.html").read_text())["nodes"]
    assert [n["title"] for n in nodes if n["id"] == str(X.e)] == ["Briefing: e"]
