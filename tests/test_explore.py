"""The page as an exploration tool: search, filters, the fact panel and edge thickness.

The browser tests drive real headless Chromium (Debian's ``chromium`` through the
``playwright`` PyPI package; never run ``playwright install``), like test_browser.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, SDO, SKOS

from graphbuild.render import INIT_JS, _script_hash, write_html
from graphbuild.vocab import GB
from test_browser import CHROMIUM, dom_point, launch_chromium

X = Namespace("https://example.org/id/")
EVIDENCE = "Schumer and Sanders said the disclosure rules must change."
PWN_TEXT = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><b>bold</b>'
PWN_ARTICLE = '<a href="javascript:window.__pwned=1">click</a>'


def explore_graph() -> Graph:
    graph = Graph()
    for triple in [
        (X.a1, RDF.type, GB.Article), (X.a1, DCTERMS.title, Literal("Senate letter story")),
        (X.a1, SDO.url, Literal("https://news.example/a1")),
        (X.a2, RDF.type, GB.Article), (X.a2, DCTERMS.title, Literal(PWN_ARTICLE)),
        (X.a2, SDO.url, Literal("javascript:window.__pwned=1")),
        (X.a3, RDF.type, GB.Article), (X.a3, DCTERMS.title, Literal("Third story")),
        (X.a3, SDO.url, Literal("https://news.example/a3")),
        (X.schumer, RDF.type, GB.Person), (X.schumer, RDFS.label, Literal("Chuck Schumer")),
        (X.schumer, SKOS.altLabel, Literal("Charles Schumer")), (X.schumer, GB.party, GB.DemocraticParty),
        (X.sanders, RDF.type, GB.Person), (X.sanders, RDFS.label, Literal("Bernie Sanders")),
        (X.sanders, GB.party, GB.Independent),
        (X.mcconnell, RDF.type, GB.Person), (X.mcconnell, RDFS.label, Literal("Mitch McConnell")),
        (X.mcconnell, GB.party, GB.RepublicanParty),
        (X.evil, RDF.type, GB.Person), (X.evil, RDFS.label, Literal(PWN_TEXT + " Evil")),
        (X.evil, GB.party, GB.RepublicanParty),
        (X.s1, RDF.type, GB.Statement), (X.s1, RDFS.label, Literal("joint statement")),
        (X.s1, GB.reportedIn, X.a1), (X.s1, GB.reportedIn, X.a3), (X.s1, GB.evidence, Literal(EVIDENCE)),
        (X.schumer, GB.signedStatement, X.s1), (X.sanders, GB.signedStatement, X.s1),
        (X.l1, RDF.type, GB.Letter), (X.l1, RDFS.label, Literal("letter")),
        (X.l1, GB.reportedIn, X.a1), (X.l1, GB.evidence, Literal("They wrote to the FEC.")),
        (X.schumer, GB.sentLetter, X.l1), (X.l1, GB.addressedTo, X.fec),
        (X.fec, RDF.type, GB.Organization), (X.fec, RDFS.label, Literal("FEC")),
        (X.t1, RDF.type, GB.Tweet), (X.t1, RDFS.label, Literal("tweet")),
        (X.t1, GB.reportedIn, X.a2), (X.t1, GB.evidence, Literal("McConnell posted about it.")),
        (X.mcconnell, GB.posted, X.t1),
        (X.t2, RDF.type, GB.Tweet), (X.t2, RDFS.label, Literal("evil tweet")),
        (X.t2, GB.reportedIn, X.a2), (X.t2, GB.evidence, Literal(PWN_TEXT)),
        (X.evil, GB.posted, X.t2),
    ]:
        graph.add(triple)
    return graph


def page_data(path: Path) -> dict:
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>',
                      path.read_text(encoding="utf-8"), re.S)
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def page_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("explore") / "graph.html"
    write_html(explore_graph(), path)
    return path


# --- the data the page is given (no browser) ---------------------------------

def test_explore_edge_width_counts_distinct_articles(page_path):
    edges = {(e["from"].rsplit("/", 1)[1], e["to"].rsplit("/", 1)[1]): e for e in page_data(page_path)["edges"]}
    assert edges["schumer", "s1"]["width"] == edges["sanders", "s1"]["width"] == 3  # two articles
    assert edges["schumer", "l1"]["width"] == edges["l1", "fec"]["width"] == 1  # one article
    assert "(2 articles)" in edges["schumer", "s1"]["title"]


def test_explore_data_lists_facts_articles_and_filter_choices(page_path):
    explore = page_data(page_path)["explore"]
    assert explore["kinds"] == ["Statement", "Tweet", "Letter"]
    assert [p["key"] for p in explore["parties"]] == ["D", "R", "I"]
    assert [a["title"] for a in explore["articles"]] == [PWN_ARTICLE, "Senate letter story", "Third story"]
    schumer = explore["meta"][str(X.schumer)]
    assert schumer["names"] == ["Charles Schumer"] and schumer["party"] == "D"
    assert [(f["relation"], f["evidence"], f["articles"]) for f in schumer["facts"]] == [
        ("sent", "They wrote to the FEC.", [1]), ("signed", EVIDENCE, [1, 2])]


def test_explore_page_is_deterministic_and_its_script_hash_is_in_the_csp(page_path, tmp_path):
    write_html(explore_graph(), tmp_path / "again.html")
    page = page_path.read_text(encoding="utf-8")
    assert (tmp_path / "again.html").read_text(encoding="utf-8") == page
    assert _script_hash(INIT_JS) in page and f"<script>{INIT_JS}</script>" in page
    assert "innerHTML" not in INIT_JS and "insertAdjacentHTML" not in INIT_JS


# --- in Chromium ---------------------------------------------------------------

browser = pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"),
                             reason="needs Debian's chromium: apt-get install chromium")


@pytest.fixture(scope="module")
def context(tmp_path_factory):
    yield from launch_chromium(tmp_path_factory, offline=True, viewport={"width": 1400, "height": 900})


@pytest.fixture
def page(context, page_path):
    page, problems = context.new_page(), []
    page.on("console", lambda msg: msg.type in ("error", "warning") and problems.append(msg.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(page_path.as_uri())
    page.wait_for_function("window.graphbuild !== undefined")
    yield page
    assert problems == []  # a CSP violation would show here
    page.close()


def search(page, text: str) -> list[str]:
    page.fill("#search", text)
    page.press("#search", "Enter")
    return page.evaluate("graphbuild.network.getSelectedNodes()")


def hidden_nodes(page) -> list[str]:
    return sorted(page.evaluate(
        "graphbuild.nodes.get({filter: n => n.hidden === true}).map(n => n.id.split('/').pop())"))


@browser
@pytest.mark.browser
@pytest.mark.parametrize(("text", "expected"), [
    ("Chuck Schumer", X.schumer), ("charles", X.schumer), ("SCHU", X.schumer),  # any name, any case, prefix
    ("ders", X.sanders), ("mitch mc", X.mcconnell),  # substring
])
def test_explore_search_selects_and_focuses_the_person(page, text, expected):
    assert search(page, text) == [str(expected)]
    assert page.inner_text("#details h2") == page.evaluate("(id) => graphbuild.nodes.get(id).label", str(expected))


@browser
@pytest.mark.browser
def test_explore_search_lists_matches_and_finds_no_one_quietly(page):
    page.fill("#search", "s")
    assert "Bernie Sanders" in page.inner_text("#matches")
    assert search(page, "nobody at all") == []
    assert "no one" in page.inner_text("#matches")


@browser
@pytest.mark.browser
def test_explore_filter_by_event_kind_hides_those_events_and_their_only_actors(page):
    page.uncheck("#filter-kind input[value=Tweet]")
    assert hidden_nodes(page) == ["evil", "mcconnell", "t1", "t2"]
    assert page.evaluate("graphbuild.network.body.nodeIndices.length") == 9 - 4
    page.check("#filter-kind input[value=Tweet]")
    assert hidden_nodes(page) == []


@browser
@pytest.mark.browser
def test_explore_filter_by_party_and_article(page):
    page.uncheck("#filter-party input[value=D]")
    # the joint statement stays (Sanders signed it too); the letter and its recipient go
    assert hidden_nodes(page) == ["fec", "l1", "schumer"]
    page.click("#filter-reset")
    page.select_option("#filter-article", label="Third story")
    assert hidden_nodes(page) == ["evil", "fec", "l1", "mcconnell", "t1", "t2"]
    assert "3 of 9" in page.inner_text("#filter-status")


@browser
@pytest.mark.browser
def test_explore_click_lists_facts_with_evidence_and_article_links(page):
    page.mouse.click(*dom_point(page, [str(X.schumer)]))
    page.wait_for_function("document.getElementById('details').innerText.includes('Chuck Schumer')")
    text = page.inner_text("#details")
    assert EVIDENCE in text and "They wrote to the FEC." in text and "Also: Charles Schumer" in text
    links = page.evaluate("[...document.querySelectorAll('#details a')].map(a => [a.textContent, a.href])")
    assert ["Senate letter story", "https://news.example/a1"] in links
    assert ["Third story", "https://news.example/a3"] in links


@browser
@pytest.mark.browser
def test_explore_hostile_text_in_the_panel_shows_as_text(page):
    page.mouse.click(*dom_point(page, [str(X.evil)]))
    page.wait_for_function("document.getElementById('details').innerText.includes('Evil')")
    text = page.inner_text("#details")
    assert text.count(PWN_TEXT) == 2 and PWN_ARTICLE in text  # name and evidence, article title
    page.wait_for_timeout(300)  # give any injected onerror handler time to fire
    assert page.evaluate("typeof window.__pwned") == "undefined"
    # no element came from the data, and the javascript: URL never became a link
    assert page.evaluate("document.querySelectorAll('img, b, #details script, #details a').length") == 0
    # searching for the hostile name and listing it is text too
    page.fill("#search", "evil")
    assert PWN_TEXT in page.inner_text("#matches")
    assert page.evaluate("document.querySelectorAll('#matches img, #matches b').length") == 0
