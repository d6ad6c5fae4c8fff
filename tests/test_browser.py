"""The rendered page in real headless Chromium: offline, drawn, and script-safe.

Needs Debian's ``chromium`` and the ``playwright`` PyPI package (whose driver
ships in the wheel; never run ``playwright install``).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace
from rdflib.namespace import DCTERMS

from graphbuild.render import to_networkx, write_html
from graphbuild.vocab import GB

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
SCREENSHOT = Path(__file__).resolve().parent.parent / "scripts" / "screenshot.py"

pytestmark = [
    pytest.mark.browser,
    # CI installs chromium, so there a missing browser fails the run instead of hiding it.
    pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="needs Debian's chromium: apt-get install chromium"),
]

X = Namespace("https://example.org/id/")
PWN_EVIDENCE = ('Schumer said <img src=x onerror="window.__pwned=1"> and '
                "<script>window.__pwned=1</script> \\ \u2028 end")
PWN_TITLE = 'Senators "warn" </script><script>window.__pwned=1</script>'


def pwn_graph() -> Graph:
    graph = Graph()
    for triple in [
        (X.a1, RDF.type, GB.Article), (X.a1, DCTERMS.identifier, Literal("a1.txt")),
        (X.a1, DCTERMS.title, Literal(PWN_TITLE)),
        (X.schumer, RDF.type, GB.Person), (X.schumer, RDFS.label, Literal("Chuck Schumer")),
        (X.schumer, GB.party, GB.DemocraticParty),
        (X.sanders, RDF.type, GB.Person), (X.sanders, RDFS.label, Literal('"><img src=x onerror="window.__pwned=1">')),
        (X.sanders, GB.party, GB.Independent),
        (X.s1, RDF.type, GB.Statement), (X.s1, RDFS.label, Literal("<b>joint</b> statement")),
        (X.s1, GB.reportedIn, X.a1), (X.s1, GB.evidence, Literal(PWN_EVIDENCE)),
        (X.schumer, GB.signedStatement, X.s1), (X.sanders, GB.signedStatement, X.s1),
        (X.l1, RDF.type, GB.Letter), (X.l1, RDFS.label, Literal("letter")),
        (X.l1, GB.reportedIn, X.a1), (X.l1, GB.evidence, Literal("They wrote to the FEC.")),
        (X.schumer, GB.sentLetter, X.l1), (X.l1, GB.addressedTo, X.fec),
        (X.fec, RDF.type, GB.Organization), (X.fec, RDFS.label, Literal("<i>FEC</i>")),
    ]:
        graph.add(triple)
    return graph


def launch_chromium(tmp_path_factory, **options):
    """A headless Debian Chromium context driven by playwright (never a downloaded browser)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs pip install playwright")
    with sync_api.sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("profile")), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, **options)
        yield ctx
        ctx.close()


@pytest.fixture(scope="module")
def context(tmp_path_factory):
    yield from launch_chromium(tmp_path_factory, viewport={"width": 1200, "height": 800})


@pytest.fixture(scope="module")
def page_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("page") / "graph.html"
    write_html(pwn_graph(), path)
    return path


@pytest.fixture
def opened(context, page_path):
    """The page, loaded, with every request and console problem it caused."""
    page = context.new_page()
    log = {"requests": [], "problems": []}
    page.on("request", lambda request: log["requests"].append(request.url))
    page.on("console", lambda msg: msg.type in ("error", "warning") and log["problems"].append(msg.text))
    page.on("pageerror", lambda error: log["problems"].append(str(error)))
    page.goto(page_path.as_uri())
    page.wait_for_function("window.graphbuild !== undefined")
    yield page, log
    page.close()


def dom_point(page, node_ids: list[str]) -> tuple[float, float]:
    """Page coordinates of the middle of the given nodes (one node, or an edge's two ends)."""
    return tuple(page.evaluate("""(ids) => {
        const net = graphbuild.network, box = document.getElementById("graph").getBoundingClientRect();
        const ps = Object.values(net.getPositions(ids));
        const x = ps.reduce((s, p) => s + p.x, 0) / ps.length, y = ps.reduce((s, p) => s + p.y, 0) / ps.length;
        const d = net.canvasToDOM({x: x, y: y});
        return [d.x + box.left, d.y + box.top];
    }""", node_ids))


def hover_tooltip(page, node_ids: list[str], expected: str) -> str:
    page.mouse.move(5, 5)
    page.mouse.move(*dom_point(page, node_ids))
    page.wait_for_function(
        "(text) => { const t = document.querySelector('div.vis-tooltip');"
        " return t && t.style.visibility !== 'hidden' && t.innerText.includes(text); }",
        arg=expected, timeout=5000)
    return page.inner_text("div.vis-tooltip")


def test_browser_page_makes_no_network_request(opened, page_path):
    page, log = opened
    assert log["requests"] == [page_path.as_uri()]
    assert log["problems"] == []


def test_browser_draws_expected_nodes_and_edges(opened):
    page, _ = opened
    expected = to_networkx(pwn_graph())
    counts = page.evaluate("""() => [graphbuild.nodes.length, graphbuild.edges.length,
        graphbuild.network.body.nodeIndices.length, graphbuild.network.body.edgeIndices.length]""")
    assert counts == [len(expected), expected.number_of_edges()] * 2 == [5, 4, 5, 4]


def test_browser_event_tooltip_shows_evidence_as_text(opened):
    page, _ = opened
    text = hover_tooltip(page, [str(X.s1)], "<script>window.__pwned=1</script>")
    assert '<img src=x onerror="window.__pwned=1">' in text
    assert PWN_TITLE in text
    # innerText turns newlines into <br>; anything else would be markup from the data
    tags = page.evaluate("[...document.querySelector('div.vis-tooltip').children].map(c => c.tagName)")
    assert set(tags) <= {"BR"}


def test_browser_edge_tooltip_shows_evidence_as_text(opened):
    page, _ = opened
    text = hover_tooltip(page, [str(X.schumer), str(X.s1)], "Chuck Schumer signed")
    assert "<script>window.__pwned=1</script>" in text and PWN_TITLE in text


def test_browser_injected_script_never_runs(opened):
    page, _ = opened
    hover_tooltip(page, [str(X.s1)], "<script>")
    hover_tooltip(page, [str(X.sanders)], "<img src=x")
    page.wait_for_timeout(300)  # give any injected onerror handler time to fire
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, b, i').length") == 0


def test_browser_screenshot_script_writes_png(page_path, tmp_path):
    pytest.importorskip("playwright.sync_api", reason="needs pip install playwright")
    png = tmp_path / "docs" / "graph.png"
    subprocess.run([sys.executable, str(SCREENSHOT), str(page_path), str(png)], check=True, timeout=120)
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_browser_pipeline_page_of_the_seed_draws_its_graph_offline(context, tmp_path):
    from graphbuild.api import run

    result = run([Path(__file__).resolve().parents[1] / "seeds"], tmp_path)
    page, requests = context.new_page(), []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((tmp_path / "graph.html").as_uri())
    page.wait_for_function("window.graphbuild !== undefined")
    expected = to_networkx(result.graph)
    counts = page.evaluate("[graphbuild.network.body.nodeIndices.length, graphbuild.network.body.edgeIndices.length]")
    assert counts == [len(expected), expected.number_of_edges()] == [14, 11]
    assert requests == [(tmp_path / "graph.html").as_uri()]
    page.close()


def test_browser_markup_quoted_in_an_article_shows_and_never_runs(context, tmp_path):
    """A saved page quotes `<script>alert(1)</script>` (escaped in its source): it is article text."""
    from graphbuild.api import run

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_text(
        "<html><body><article><h1>Forms</h1><p>Sen. Jane Holloway (D-Ore.) said in a statement that the "
        "agency form accepted &lt;script&gt;alert(1)&lt;/script&gt; without complaint for months.</p>"
        "<p>The agency did not respond to several requests for comment on the matter.</p></article></body></html>")
    result = run([tmp_path / "in"], tmp_path / "out")
    statement = next(iter(result.graph.subjects(RDF.type, GB.Statement)))
    page, dialogs = context.new_page(), []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto((tmp_path / "out" / "graph.html").as_uri())
    page.wait_for_function("window.graphbuild !== undefined")
    assert "<script>alert(1)</script>" in hover_tooltip(page, [str(statement)], "alert(1)")
    page.wait_for_timeout(300)
    assert dialogs == []
    page.close()
