"""The example queries return the expected rows; refused queries are refused."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graphbuild.errors import GraphFileError, QueryError
from graphbuild.model import Article, ArticleFacts, Assertion, Event, Person, PersonRef, Span
from graphbuild.query import format_result, load_graph, read_query, run_query
from graphbuild.rdf import IriMinter, to_graph, write_turtle

QUERIES = Path(__file__).resolve().parents[1] / "queries"
EXAMPLES = sorted(path.name for path in QUERIES.glob("*.rq"))
ARTICLE = "pr_01.txt"
SENTENCES = {
    "statement": "Senators Van Hollen (D-MD), Cardin (D-MD) and Schumer (D-NY) released the following joint statement.",
    "bill": "Van Hollen and Collins introduced the Clean Water Act.",
    "briefing": "Cardin and Van Hollen attended the briefing by phone.",
    "role": "Van Hollen, a member of the Appropriations Committee, said so.",
}
TEXT = " ".join(SENTENCES.values())
NAMES = {"Chris Van Hollen": "christopher-van-hollen", "Ben Cardin": "benjamin-cardin",
         "Chuck Schumer": "charles-schumer", "Susan Collins": "susan-collins"}
ALSO_NAMED = {"Chris Van Hollen": ("Christopher Van Hollen",)}


def evidence(which: str) -> Span:
    sentence = SENTENCES[which]
    start = TEXT.index(sentence)
    return Span(ARTICLE, start, start + len(sentence), sentence)


def event(kind: str, key: str, label: str, which: str) -> Event:
    return Event(ARTICLE, kind, key, label, evidence(which), f"{which}s.v1")


STATEMENT = event("Statement", "statement-1", "joint statement", "statement")
BILL = event("Bill", "bill-clean-water-act", "Clean Water Act", "bill")
BRIEFING = event("Briefing", "briefing-1", "briefing", "briefing")


def says(subject: str, predicate: str, value, which: str) -> Assertion:
    return Assertion(subject, predicate, value, evidence(which), f"{which}.v1")


ASSERTIONS = (
    says("Chris Van Hollen", "party", "D", "statement"),
    says("Chris Van Hollen", "state", "MD", "statement"),
    says("Chris Van Hollen", "role", "senator", "statement"),
    says("Chuck Schumer", "party", "D", "statement"),
    *(says(name, "signedStatement", STATEMENT, "statement") for name in ("Chris Van Hollen", "Ben Cardin", "Chuck Schumer")),
    *(says(name, "sponsors", BILL, "bill") for name in ("Chris Van Hollen", "Susan Collins")),
    *(says(name, "attendedBriefing", BRIEFING, "briefing") for name in ("Ben Cardin", "Chris Van Hollen")),
)


@pytest.fixture(scope="module")
def graph() -> Graph:
    facts = ArticleFacts(
        Article(ARTICLE, "Senators on clean water", TEXT, date="2018-12-18"),
        tuple(PersonRef(ARTICLE, name, ()) for name in NAMES),
        (STATEMENT, BILL, BRIEFING),
        ASSERTIONS,
    )
    people = [Person(key, name, ALSO_NAMED.get(name, ()), ((ARTICLE, name),)) for name, key in NAMES.items()]
    return to_graph([facts], people)


def rows(graph: Graph, query: str) -> list[tuple[str, ...]]:
    return [tuple("" if value is None else str(value) for value in row) for row in run_query(graph, query)]


def example(name: str, person: str | None = None) -> str:
    """queries/name, about `person` instead of the name on its VALUES line."""
    text = read_query(str(QUERIES / name))
    return re.sub(r'(VALUES \?name \{ )"[^"]*"', lambda found: f'{found.group(1)}"{person}"', text) if person else text


# ---------------------------------------------------------------- example queries


def test_query_cosigners_lists_the_persons_cosigners_with_evidence(graph):
    found = rows(graph, example("cosigners.rq"))
    assert [(signer, cosigner) for _, _, signer, cosigner, _ in found] == [
        ("Chris Van Hollen", "Ben Cardin"), ("Chris Van Hollen", "Chuck Schumer")]
    assert {(article, statement, sentence) for article, statement, _, _, sentence in found} == {
        (ARTICLE, "joint statement", SENTENCES["statement"])}


def test_query_cosigners_name_is_set_on_the_values_line(graph):
    found = rows(graph, example("cosigners.rq", "Chuck Schumer"))
    assert [(signer, cosigner) for _, _, signer, cosigner, _ in found] == [
        ("Chuck Schumer", "Ben Cardin"), ("Chuck Schumer", "Chris Van Hollen")]
    assert rows(graph, example("cosigners.rq", "Susan Collins")) == []  # she signed nothing


def test_query_cosponsors_lists_the_pair_with_the_bill(graph):
    assert rows(graph, example("cosponsors.rq")) == [("Chris Van Hollen", "Susan Collins", "Clean Water Act", ARTICLE)]
    assert rows(graph, example("cosponsors.rq", "Susan Collins")) == [
        ("Susan Collins", "Chris Van Hollen", "Clean Water Act", ARTICLE)]


def test_query_briefings_lists_everyone_at_the_persons_briefings(graph):
    expected = [
        (ARTICLE, "briefing", "Ben Cardin", SENTENCES["briefing"]),
        (ARTICLE, "briefing", "Chris Van Hollen", SENTENCES["briefing"]),
    ]
    assert rows(graph, example("briefings.rq", "Ben Cardin")) == expected
    assert rows(graph, example("briefings.rq", "Chris Van Hollen")) == expected
    assert rows(graph, example("briefings.rq", "Chuck Schumer")) == []  # he attended none


def test_query_person_lists_events_with_evidence_and_attributes_once(graph):
    found = [(prop.rsplit("#", 1)[-1], value, article, evidence) for prop, value, article, evidence, _ in rows(graph, example("person.rq"))]
    assert ("sponsors", "Clean Water Act", ARTICLE, SENTENCES["bill"]) in found
    assert ("attendedBriefing", "briefing", ARTICLE, SENTENCES["briefing"]) in found
    assert ("signedStatement", "joint statement", ARTICLE, SENTENCES["statement"]) in found
    attributes = [(prop, value) for prop, value, article, evidence in found if not article and not evidence]
    assert sorted(attributes) == [
        ("coSignedWith", "Ben Cardin"), ("coSignedWith", "Chuck Schumer"), ("cosponsorsBillWith", "Susan Collins"),
        ("party", "Democratic Party"), ("role", "senator"), ("state", "MD"),
    ]
    assert len(found) == 3 + len(attributes)


@pytest.mark.parametrize("name", EXAMPLES)
def test_query_examples_find_a_person_by_another_name(graph, name):
    assert rows(graph, example(name, "Christopher Van Hollen")) == rows(graph, example(name, "Chris Van Hollen")) != []


def test_query_person_name_is_set_on_the_values_line(graph):
    values = {value for _, value, _, _, _ in rows(graph, example("person.rq", "Chuck Schumer"))}
    assert values == {"Democratic Party", "joint statement", "Ben Cardin", "Chris Van Hollen"}


# ---------------------------------------------------------------- running queries


def test_query_own_prefix_declarations_still_work(graph):
    query = "PREFIX gb: <https://w3id.org/graphbuild/ontology#>\nSELECT ?p WHERE { ?p gb:sponsors ?b } ORDER BY ?p"
    assert len(rows(graph, query)) == 2


@pytest.mark.parametrize("update", [
    "INSERT DATA { gb:x gb:party gb:y }",
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "CLEAR DEFAULT",
    "DROP ALL",
    "LOAD <http://example.org/data.ttl>",
])
def test_query_updates_are_refused(graph, update):
    size = len(graph)
    with pytest.raises(QueryError, match="refused"):
        run_query(graph, update)
    assert len(graph) == size


def test_query_updates_run_when_allowed(graph):
    copy = Graph() + graph
    assert run_query(copy, "INSERT DATA { gb:x gb:party gb:y }", allow_update=True) is None
    assert len(copy) == len(graph) + 1


@pytest.mark.parametrize("query, allow_update", [
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", False),
    ("SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://example.org/sparql> { ?s ?q ?r } } }", False),
    ("SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }", False),
    ("SELECT * FROM NAMED <file:///etc/passwd> WHERE { ?s ?p ?o }", False),
    ("LOAD <http://example.org/data.ttl>", True),
    ("INSERT { ?s ?p ?o } USING <http://example.org/data.ttl> WHERE { ?s ?p ?o }", True),
    ("INSERT { ?s ?p ?o } WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", True),
])
def test_query_remote_access_is_refused(graph, query, allow_update):
    with pytest.raises(QueryError, match="never fetch"):
        run_query(Graph() + graph, query, allow_update=allow_update)


@pytest.mark.parametrize("query", ["SELECT * WHERE { ?s ?p }", "SELEKT ?s WHERE { ?s ?p ?o }", ""])
def test_query_syntax_errors_are_one_line(graph, query):
    with pytest.raises(QueryError, match="syntax error") as error:
        run_query(graph, query)
    assert "\n" not in str(error.value)


def test_query_unknown_prefix_is_a_query_error(graph):
    with pytest.raises(QueryError, match="nope"):
        run_query(graph, "SELECT * WHERE { ?s nope:x ?o }")


# ---------------------------------------------------------------- formats


def test_query_table_is_aligned(graph):
    text = format_result(run_query(graph, example("briefings.rq", "Ben Cardin")), "table")
    header, rule, *lines = text.splitlines()
    assert header.split() == ["article", "briefing", "attendee", "evidence"]
    assert set(rule) <= {"-", " "}
    assert [line.index("Ben") if "Ben" in line else line.index("Chris") for line in lines] == [header.index("attendee")] * 2


def test_query_csv_has_a_header(graph):
    parsed = list(csv.reader(io.StringIO(format_result(run_query(graph, example("cosponsors.rq")), "csv"))))
    assert parsed == [["sponsor", "cosponsor", "bill", "article"], ["Chris Van Hollen", "Susan Collins", "Clean Water Act", ARTICLE]]


def test_query_json_is_sparql_results(graph):
    parsed = json.loads(format_result(run_query(graph, example("cosponsors.rq")), "json"))
    assert parsed["head"]["vars"] == ["sponsor", "cosponsor", "bill", "article"]
    assert parsed["results"]["bindings"][0]["bill"] == {"type": "literal", "value": "Clean Water Act"}


@pytest.mark.parametrize("fmt, expected", [("table", "true"), ("csv", "true"), ("json", '{"head": {}, "boolean": true}')])
def test_query_ask_gives_true_or_false(graph, fmt, expected):
    assert format_result(run_query(graph, "ASK { ?p gb:sponsors ?b }"), fmt).strip() == expected
    assert format_result(run_query(graph, "ASK { ?p gb:testifiedAt ?h }"), "table") == "false"


def test_query_construct_gives_turtle(graph):
    result = run_query(graph, "CONSTRUCT { ?a gb:cosponsorsBillWith ?b } WHERE { ?a gb:cosponsorsBillWith ?b }")
    text = format_result(result, "table")
    assert "PREFIX gb:" in text and "gb:cosponsorsBillWith" in text
    assert len(Graph().parse(data=text, format="turtle")) == 2


def test_query_unknown_format_names_the_choices(graph):
    with pytest.raises(ValueError, match="table, csv, json"):
        format_result(run_query(graph, "ASK {}"), "xml")


# ---------------------------------------------------------------- files


def test_query_load_graph_reads_written_turtle(graph, tmp_path: Path):
    write_turtle(graph, tmp_path / "graph.ttl")
    assert isomorphic(load_graph(tmp_path / "graph.ttl"), graph)


def test_query_load_graph_missing_file(tmp_path: Path):
    with pytest.raises(GraphFileError, match="does not exist"):
        load_graph(tmp_path / "nothing.ttl")


def test_query_load_graph_unparsable_file_is_one_line(tmp_path: Path):
    broken = tmp_path / "graph.ttl"
    broken.write_text("this is <not turtle\n\nat all", encoding="utf-8")
    with pytest.raises(GraphFileError, match="cannot parse") as error:
        load_graph(broken)
    assert "\n" not in str(error.value)


def test_query_read_query_reads_rq_files_and_passes_text(tmp_path: Path):
    path = tmp_path / "q.rq"
    path.write_text("ASK {}", encoding="utf-8")
    assert read_query(str(path)) == "ASK {}"
    assert read_query("SELECT * WHERE { ?s ?p ?o }") == "SELECT * WHERE { ?s ?p ?o }"
    with pytest.raises(QueryError, match="does not exist"):
        read_query(str(tmp_path / "missing.rq"))


# ---------------------------------------------------------------- the store beside graph.ttl


def test_query_run_writes_a_store_that_load_graph_reads_while_fresh(tmp_path: Path):
    from graphbuild.api import BuildConfig, run
    from graphbuild.store_folder import open_store, store_path

    out = tmp_path / "out"
    for _ in range(2):  # the second run replaces the store whole
        run([Path(__file__).resolve().parents[1] / "seeds"], out, BuildConfig(workers=1, html=False))
    turtle = out / "graph.ttl"
    assert store_path(turtle).is_dir() and open_store(turtle) is not None
    assert not [p.name for p in out.iterdir() if p.name.startswith(".graph")]
    stored = load_graph(turtle)
    assert isomorphic(stored, Graph().parse(turtle, format="turtle"))
    with pytest.raises(RuntimeError, match="read-write"):
        stored.add((URIRef("https://example.org/a"), URIRef("https://example.org/b"), Literal("c")))  # read-only

    with turtle.open("a", encoding="utf-8") as stream:  # the Turtle changed: the store is stale
        stream.write('<https://example.org/a> <https://example.org/b> "added" .\n')
    assert open_store(turtle) is None
    assert rows(load_graph(turtle), 'SELECT ?o WHERE { <https://example.org/a> ?p ?o }') == [("added",)]


def test_query_timeout_stops_an_oxigraph_query_in_time(graph):
    import time

    from graphbuild.errors import QueryTimeout

    started = time.perf_counter()
    with pytest.raises(QueryTimeout):
        run_query(graph, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", timeout=0.5)
    assert time.perf_counter() - started < 5
    assert rows(graph, "SELECT ?p WHERE { ?p gb:sponsors ?b } ORDER BY ?p LIMIT 1") == [
        (str(IriMinter().person("christopher-van-hollen")),)]
