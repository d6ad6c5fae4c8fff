"""graphbuild serve: the SPARQL 1.1 Protocol over real HTTP on 127.0.0.1, read-only."""
from __future__ import annotations

import csv
import io
import json
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlencode

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from graphbuild.api import run
from graphbuild.cli import app
from graphbuild.serve import make_server, negotiate

ROOT = Path(__file__).resolve().parents[1]
SELECT = "SELECT ?person ?name WHERE { ?person gb:signedStatement ?s ; rdfs:label ?name } ORDER BY ?name"
ASK = "ASK { ?p gb:signedStatement ?s }"
CONSTRUCT = "CONSTRUCT { ?p rdfs:label ?name } WHERE { ?p gb:signedStatement ?s ; rdfs:label ?name }"
RESULTS_NS = "{http://www.w3.org/2005/sparql-results#}"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    out = tmp_path_factory.mktemp("serve") / "out"
    run([ROOT / "seeds"], out)
    server = make_server(out / "graph.ttl", "127.0.0.1", 0, timeout=30)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(5)


def fetch(url: str, *, data: bytes | None = None, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def get(endpoint: str, query: str, accept: str | None = None):
    return fetch(f"{endpoint}/sparql?{urlencode({'query': query})}", headers={"Accept": accept} if accept else {})


def post_form(endpoint: str, query: str, accept: str | None = None, path: str = "/sparql"):
    headers = {"Content-Type": "application/x-www-form-urlencoded", **({"Accept": accept} if accept else {})}
    return fetch(endpoint + path, data=urlencode({"query": query}).encode(), headers=headers)


def post_query(endpoint: str, query: str, accept: str | None = None):
    headers = {"Content-Type": "application/sparql-query", **({"Accept": accept} if accept else {})}
    return fetch(f"{endpoint}/sparql", data=query.encode(), headers=headers)


def names_of_json(body: bytes) -> list[str]:
    return [row["name"]["value"] for row in json.loads(body)["results"]["bindings"]]


@pytest.fixture(scope="module")
def expected_names(endpoint) -> list[str]:
    status, headers, body = get(endpoint, SELECT)
    assert status == 200
    names = names_of_json(body)
    assert len(names) >= 3 and names == sorted(names)
    return names


@pytest.mark.parametrize("send", [get, post_form, post_query], ids=["GET", "POST form", "POST sparql-query"])
def test_select_as_json_by_default(endpoint, expected_names, send):
    status, headers, body = send(endpoint, SELECT)
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    data = json.loads(body)
    assert data["head"]["vars"] == ["person", "name"]
    assert data["results"]["bindings"][0]["person"]["type"] == "uri"
    assert names_of_json(body) == expected_names


@pytest.mark.parametrize("send", [get, post_form, post_query], ids=["GET", "POST form", "POST sparql-query"])
def test_select_as_csv(endpoint, expected_names, send):
    status, headers, body = send(endpoint, SELECT, "text/csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert [row["name"] for row in rows] == expected_names
    assert rows[0]["person"].startswith("http")


def test_select_as_tsv(endpoint, expected_names):
    status, headers, body = get(endpoint, SELECT, "text/tab-separated-values")
    assert status == 200 and headers["Content-Type"].startswith("text/tab-separated-values")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8")), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0] == ["?person", "?name"]
    assert all(person.startswith("<") and person.endswith(">") for person, _ in rows[1:])
    assert [name for _, name in rows[1:]] == [f'"{name}"' for name in expected_names]


@pytest.mark.parametrize("send", [get, post_form], ids=["GET", "POST form"])
def test_select_as_xml(endpoint, expected_names, send):
    status, headers, body = send(endpoint, SELECT, "application/sparql-results+xml")
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+xml")
    root = ET.fromstring(body)
    assert [v.get("name") for v in root.iter(f"{RESULTS_NS}variable")] == ["person", "name"]
    names = [b.find(f"{RESULTS_NS}literal").text for b in root.iter(f"{RESULTS_NS}binding") if b.get("name") == "name"]
    assert names == expected_names


def test_accept_quality_values_choose_the_format(endpoint):
    status, headers, _ = get(endpoint, SELECT, "application/sparql-results+json;q=0.5, text/csv;q=0.9")
    assert headers["Content-Type"].startswith("text/csv")
    status, headers, _ = get(endpoint, SELECT, "text/html,application/xhtml+xml,*/*;q=0.8")  # a browser's
    assert headers["Content-Type"].startswith("application/sparql-results+json")


@pytest.mark.parametrize("accept, parse", [
    ("application/sparql-results+json", lambda body: json.loads(body)["boolean"]),
    ("application/sparql-results+xml", lambda body: ET.fromstring(body).find(f"{RESULTS_NS}boolean").text == "true"),
    ("text/csv", lambda body: list(csv.reader(io.StringIO(body.decode()))) == [["_askResult"], ["true"]]),
])
def test_ask(endpoint, accept, parse):
    status, headers, body = get(endpoint, ASK, accept)
    assert status == 200 and headers["Content-Type"].startswith(accept)
    assert parse(body) is True


@pytest.mark.parametrize("send", [get, post_query], ids=["GET", "POST sparql-query"])
def test_construct_as_turtle(endpoint, expected_names, send):
    status, headers, body = send(endpoint, CONSTRUCT, "text/turtle")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    graph = Graph().parse(data=body.decode("utf-8"), format="turtle")
    assert sorted({str(o) for o in graph.objects()}) == sorted(set(expected_names))
    status, headers, _ = send(endpoint, CONSTRUCT)  # no Accept: Turtle is the default for graphs
    assert headers["Content-Type"].startswith("text/turtle")


@pytest.mark.parametrize("send", [get, post_form, post_query], ids=["GET", "POST form", "POST sparql-query"])
def test_update_is_refused(endpoint, send):
    status, _, body = send(endpoint, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert status in (400, 403) and b"refused" in body
    assert json.loads(get(endpoint, "ASK { <urn:a> <urn:b> <urn:c> }")[2])["boolean"] is False


def test_update_protocol_requests_are_refused(endpoint):
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    headers = {"Content-Type": "application/sparql-update"}
    assert fetch(f"{endpoint}/sparql", data=update.encode(), headers=headers)[0] == 403
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    assert fetch(f"{endpoint}/sparql", data=urlencode({"update": update}).encode(), headers=form)[0] == 403


@pytest.mark.parametrize("query, keyword", [
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", b"SERVICE"),
    ("SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }", b"FROM"),
    ("LOAD <http://example.org/data.ttl>", b"refused"),
])
def test_remote_clauses_are_refused(endpoint, query, keyword):
    status, _, body = post_query(endpoint, query)
    assert status in (400, 403) and keyword in body


def test_bad_requests(endpoint):
    assert get(endpoint, "SELECT WHERE {")[0] == 400
    assert fetch(f"{endpoint}/sparql")[0] == 400  # no query
    assert fetch(f"{endpoint}/nowhere")[0] == 404
    assert fetch(f"{endpoint}/sparql", data=b"query", headers={"Content-Type": "text/plain"})[0] == 415
    url = f"{endpoint}/sparql?{urlencode({'query': ASK, 'default-graph-uri': 'http://example.org/g'})}"
    assert fetch(url)[0] == 400


def test_a_foreign_host_header_is_refused(endpoint):
    assert get(endpoint, ASK)[0] == 200
    request = urllib.request.Request(f"{endpoint}/sparql?{urlencode({'query': ASK})}", headers={"Host": "evil.example"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 403


def test_the_page_is_html_with_a_form(endpoint):
    status, headers, body = fetch(endpoint + "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    page = body.decode("utf-8")
    assert "<textarea" in page and "<form" in page and 'type="submit"' in page


def test_the_page_shows_results_as_escaped_text(endpoint):
    hostile = 'SELECT ?x WHERE { BIND("<script>alert(1)</script>" AS ?x) }'
    status, headers, body = post_form(endpoint, hostile, path="/")
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    status, _, body = fetch(f"{endpoint}/?{urlencode({'query': 'INSERT DATA { <urn:a> <urn:b> <urn:c> }'})}")
    assert status == 200 and b"refused" in body


def test_negotiate():
    offered = ("application/sparql-results+json", "text/csv")
    assert negotiate(None, offered) == offered[0]
    assert negotiate("text/csv", offered) == "text/csv"
    assert negotiate("text/csv;q=0, */*;q=0.1", offered) == offered[0]
    assert negotiate("text/*", offered) == "text/csv"
    assert negotiate("application/json", offered) == offered[0]


def test_cli_serve_has_help_and_reports_a_missing_graph(tmp_path):
    runner = CliRunner()
    assert runner.invoke(app, ["serve", "--help"]).exit_code == 0
    result = runner.invoke(app, ["serve", str(tmp_path / "none.ttl"), "--port", "0"])
    assert result.exit_code == 1 and "does not exist" in result.output


def test_readme_documents_serve():
    assert "graphbuild serve" in (ROOT / "README.md").read_text(encoding="utf-8")
