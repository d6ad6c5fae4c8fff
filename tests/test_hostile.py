"""Hostile input: nothing an article contains escapes into the outputs, runs, or reaches the network.

Names, titles, ids, sources and sentences carry quotes, backslashes, newlines,
markup, ``javascript:`` URLs, direction overrides and zero-width characters
through the whole pipeline; queries stay read-only and bounded in time.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SDO
from typer.testing import CliRunner

from graphbuild.api import BuildConfig, run
from graphbuild.cli import app
from graphbuild.errors import QueryError, QueryTimeout
from graphbuild.explain import explain_person
from graphbuild.query import load_graph, query_graph_file, run_query
from graphbuild.rdf import DEFAULT_BASE_IRI
from graphbuild.render import to_networkx

ROOT = Path(__file__).resolve().parents[1]
PWN = 'x" \\ \n<script>window.__pwned=1</script> "><img src=x onerror="window.__pwned=1"> \u202egpj.exe \u200b\u200d\ufeff end'
"""Every hostile piece at once: quotes, a backslash, a newline, markup, a direction override, zero-width characters."""
HOSTILE_URLS = ["javascript:window.__pwned=1", 'https://news.example/"><script>window.__pwned=1</script>',
                "data:text/html,<script>window.__pwned=1</script>", "https://news.example/a b\u202e"]
SENTENCES = [
    'Sen. Jane Holloway (D-Ore.) said in a statement that "><img src=x onerror="window.__pwned=1"> was typed into the form.',
    "Rep. Tom O'Reyes (R-Ariz.) tweeted that <script>window.__pwned=1</script> \\ \u202eevil\u202c should not run.",
    "Sen. Ana\u200b Lind (D-Minn.) and Sen. Max\u202e Dunn (R-Ohio) said in a joint statement that javascript:alert(1) is text.",
    "Sen. Jane Holloway (D-Ore.) sent a letter to the <b>FEC</b> \"Office\" of \\Records\\ urging action.",
]
# A minted IRI is plain RFC 3986: percent-encoding keeps every other character out.
IRI_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
runner = CliRunner()


def write_hostile_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    records = [
        {"id": f"{PWN} {number}", "title": PWN, "source": PWN, "url": url, "date": PWN,
         "text": " ".join(SENTENCES[number % len(SENTENCES):] + SENTENCES[:number % len(SENTENCES)])}
        for number, url in enumerate(HOSTILE_URLS)
    ]
    (folder / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (folder / 'evil" \\ <script>\u202e\u200b\nname.txt').write_text(PWN.replace("\n", " ") + "\n" + " ".join(SENTENCES))
    return folder


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    return run([write_hostile_corpus(tmp / "in")], tmp / "out", BuildConfig(workers=1)), tmp / "out"


def test_hostile_corpus_yields_facts(hostile_run):
    result, _ = hostile_run
    assert result.summary.articles == 5 and not result.summary.skipped
    assert result.summary.events >= 10 and result.summary.people >= 3


def test_hostile_turtle_is_valid_and_round_trips(hostile_run):
    result, out = hostile_run
    parsed = Graph().parse(out / "graph.ttl", format="turtle")
    assert isomorphic(parsed, result.graph)
    titles = {str(o) for o in parsed.objects(None, URIRef("http://purl.org/dc/terms/title"))}
    # cleaning drops direction overrides and zero-width characters and joins lines; the rest stays as text
    evidence = " ".join(str(o) for o in parsed.objects(None, URIRef("https://w3id.org/graphbuild/ontology#evidence")))
    assert "<script>window.__pwned=1</script>" in evidence and not re.search("[\u202a-\u202e\u200b-\u200f\ufeff]", evidence)
    assert titles == {'x" \\ <script>window.__pwned=1</script> "><img src=x onerror="window.__pwned=1"> gpj.exe end'}


def test_hostile_minted_iris_are_plain_and_distinct(hostile_run):
    result, _ = hostile_run
    iris = {node for triple in result.graph for node in triple if isinstance(node, URIRef)}
    minted = {str(iri) for iri in iris if str(iri).startswith(DEFAULT_BASE_IRI)}
    assert len(minted) > 20
    assert [iri for iri in minted if not IRI_CHARACTERS.fullmatch(iri)] == []
    articles = [iri for iri in minted if "/article/" in iri]
    assert len(articles) == 5


def test_hostile_urls_never_become_iris_or_links(hostile_run):
    result, out = hostile_run
    assert list(result.graph.objects(None, SDO.url)) == []  # not one of the four is a clean http(s) URL
    turtle = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "javascript:window" not in turtle and "data:text/html" not in turtle
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "javascript:window" not in page and "data:text" not in page
    assert "href=" not in _outside_data(page) or "javascript" not in _outside_data(page)
    assert all(not attrs.get("article_url") for _, attrs in to_networkx(result.graph).nodes(data=True))


def _data_block(page: str) -> tuple[int, int]:
    start = page.index('<script type="application/json" id="graph-data">')
    return start, page.index("</script>", start)


def _outside_data(page: str) -> str:
    start, end = _data_block(page)
    return page[:start] + page[end:]


def test_hostile_html_holds_text_only_as_json_data(hostile_run, tmp_path):
    from graphbuild.render import write_html

    _, out = hostile_run
    page = (out / "graph.html").read_text(encoding="utf-8")
    write_html(Graph(), tmp_path / "empty.html")
    empty = (tmp_path / "empty.html").read_text(encoding="utf-8")
    # the markup around the data is the page's own: as many script and img tags as an empty graph's page
    for tag in ("<script", "<img", "onerror", "</script"):
        assert _outside_data(page).count(tag) == _outside_data(empty).count(tag), tag
    start, end = _data_block(page)
    block = page[page.index(">", start) + 1:end]
    assert "<" not in block and "\u2028" not in block and "\u202e" not in block  # escaped as \\uXXXX
    data = json.loads(block)
    shown = json.dumps(data, ensure_ascii=False)
    assert "<script>window.__pwned=1</script>" in shown and '"><img src=x onerror=' in shown


# ---- a real browser: no injected script ever runs -----------------------------------------------

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="needs Debian's chromium: apt-get install chromium")
def test_hostile_pipeline_page_runs_no_injected_script_even_when_hovered(hostile_run, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs pip install playwright")
    _, out = hostile_run
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        page, dialogs, requests = browser.new_page(), [], []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("request", lambda request: requests.append(request.url))
        page.goto((out / "graph.html").as_uri())
        page.wait_for_function("window.graphbuild !== undefined")
        ids = page.evaluate("graphbuild.network.body.nodeIndices")
        for node in ids:  # every tooltip is shown once: a title rendered as HTML would fire onerror
            x, y = page.evaluate("""(id) => { const net = graphbuild.network, p = net.getPositions([id])[id];
                const d = net.canvasToDOM(p), box = document.getElementById("graph").getBoundingClientRect();
                return [d.x + box.left, d.y + box.top]; }""", node)
            page.mouse.move(x, y)
            page.wait_for_timeout(200)
        tooltip = page.inner_text("div.vis-tooltip") if page.query_selector("div.vis-tooltip") else ""
        pwned = page.evaluate("window.__pwned")
        browser.close()
    assert len(ids) > 10 and tooltip
    assert pwned is None and dialogs == []
    assert requests == [(out / "graph.html").as_uri()]


# ---- the network: a URL in an article is never fetched -------------------------------------------

LINKS_PAGE = """<html><head><base href="https://evil.example/"><meta http-equiv="refresh" content="0; url=https://evil.example/r">
<link rel="stylesheet" href="https://evil.example/s.css"><meta property="og:url" content="https://evil.example/og">
<script src="https://evil.example/x.js"></script><title>Links</title></head><body><article>
<h1>Links everywhere</h1><img src="https://evil.example/i.png"><iframe src="https://evil.example/f"></iframe>
<p>Sen. Jane Holloway (D-Ore.) said in a statement that https://evil.example/statement held the full text.</p>
<p>The statement, posted at <a href="https://evil.example/a">this address</a>, ran to several pages in all.</p>
</article></body></html>"""


@pytest.fixture
def network_calls(monkeypatch):
    """Every attempt to resolve a name or open a connection, refused and recorded."""
    calls = []

    def refuse(name):
        def refused(*args, **kwargs):
            calls.append((name, args[:2]))
            raise OSError(f"graphbuild must never use the network ({name})")
        return refused

    for name in ("connect", "connect_ex"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse(name))
    monkeypatch.setattr(urllib.request, "urlopen", refuse("urlopen"))
    return calls


def test_hostile_urls_in_articles_are_never_fetched(tmp_path, network_calls):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "links.html").write_text(LINKS_PAGE)
    (tmp_path / "in" / "bare.txt").write_text("https://evil.example/only-a-url\nhttps://evil.example/body\n")
    (tmp_path / "in" / "record.jsonl").write_text(json.dumps(
        {"id": "1", "url": "https://evil.example/record", "text": "Sen. Tom Reyes (R-Ariz.) tweeted https://evil.example/t"}) + "\n")
    result = run([tmp_path / "in"], tmp_path / "out", BuildConfig(workers=1))
    graph = load_graph(tmp_path / "out" / "graph.ttl")
    format_ = query_graph_file(tmp_path / "out" / "graph.ttl", "SELECT ?u WHERE { ?a schema:url ?u }", fmt="csv")
    explain_person(graph, "Jane Holloway")
    assert network_calls == []
    assert result.summary.events == 2 and "https://evil.example/record" in format_


# ---- queries: read-only unless asked, never remote, bounded in time --------------------------------


@pytest.fixture
def graph_file(tmp_path) -> Path:
    run([ROOT / "seeds"], tmp_path / "out", BuildConfig(workers=1, html=False))
    return tmp_path / "out" / "graph.ttl"


def query_cli(*args: str):
    return runner.invoke(app, ["query", *args])


def test_hostile_query_update_is_refused_and_the_file_untouched(graph_file):
    before = graph_file.read_bytes()
    result = query_cli("DELETE WHERE { ?s ?p ?o }", "--graph", str(graph_file))
    assert result.exit_code == 1
    assert result.output == "error: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP ...) is refused: queries are read-only\n"
    assert graph_file.read_bytes() == before


def test_hostile_query_allowed_update_is_saved_back_atomically(graph_file):
    before = len(load_graph(graph_file))
    result = query_cli("DELETE WHERE { ?s skos:altLabel ?o }", "--graph", str(graph_file), "--allow-update")
    assert result.exit_code == 0, result.output
    after = load_graph(graph_file)
    assert result.output == f"update done: {before} -> {len(after)} triples; wrote {graph_file}\n"
    assert len(after) < before and not list(after.triples((None, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"), None)))
    assert [p.name for p in graph_file.parent.iterdir() if p.name.startswith(".graph.ttl")] == []


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <https://evil.example/sparql> { ?s ?p ?o } }",
    "SELECT * FROM <https://evil.example/g.ttl> WHERE { ?s ?p ?o }",
    "LOAD <https://evil.example/g.ttl>",
    "INSERT { ?s ?p ?o } WHERE { SERVICE <https://evil.example/sparql> { ?s ?p ?o } }",
])
def test_hostile_query_remote_clauses_are_refused_even_with_updates_allowed(graph_file, network_calls, query):
    before = graph_file.read_bytes()
    result = query_cli(query, "--graph", str(graph_file), "--allow-update")
    assert result.exit_code == 1 and result.output.startswith("error: ") and "is refused" in result.output
    assert result.output.count("\n") == 1 and graph_file.read_bytes() == before and network_calls == []


SLOW_SELECT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
"""A cross product: hours over any built graph."""


def test_hostile_query_timeout_stops_waiting_and_raises(graph_file):
    graph = load_graph(graph_file)
    started = time.perf_counter()
    with pytest.raises(QueryTimeout, match=r"query stopped after 0.5 s"):
        run_query(graph, SLOW_SELECT, timeout=0.5)
    assert time.perf_counter() - started < 5
    assert run_query(graph, "ASK { ?s ?p ?o }", timeout=5).askAnswer is True  # a quick one is unaffected


def test_hostile_query_update_stopped_at_the_timeout_changes_nothing_on_disk(graph_file):
    before = graph_file.read_bytes()
    slow_update = "INSERT { ?a <https://example.org/p> ?g } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with pytest.raises(QueryTimeout):
        query_graph_file(graph_file, slow_update, allow_update=True, timeout=0.5)
    assert graph_file.read_bytes() == before


def test_hostile_query_cli_timeout_exits_1_in_time(graph_file):
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "graphbuild", "query", SLOW_SELECT, "--graph", str(graph_file),
                           "--timeout", "1"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.startswith("error: query stopped after 1 s") and done.stderr.count("\n") == 1
    assert time.perf_counter() - started < 20


def test_hostile_query_cli_timeout_is_documented_with_its_default():
    result = runner.invoke(app, ["query", "--help"], terminal_width=200)
    assert "--timeout" in result.output and "60" in result.output and "--allow-update" in result.output


def test_hostile_query_update_is_saved_only_to_turtle(tmp_path, graph_file):
    ntriples = tmp_path / "graph.nt"
    load_graph(graph_file).serialize(ntriples, format="nt", encoding="utf-8")
    before = ntriples.read_bytes()
    with pytest.raises(QueryError, match="saved only to Turtle"):
        query_graph_file(ntriples, "DELETE WHERE { ?s ?p ?o }", allow_update=True)
    assert ntriples.read_bytes() == before
