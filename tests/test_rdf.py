"""to_graph, to_turtle and write_turtle on small hand-made records."""
from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib import namespace
from rdflib.namespace import DCTERMS, SKOS

from graphbuild import rdf
from graphbuild.errors import GraphbuildError
from graphbuild.model import Article, ArticleFacts, Assertion, Event, Person, PersonRef, Span
from graphbuild.rdf import DEFAULT_BASE_IRI, IriMinter, to_graph, to_turtle, write_turtle
from graphbuild.vocab import GB

ID = DEFAULT_BASE_IRI

# ---------------------------------------------------------------- records

HILL_SENTENCES = (
    "Sen. Chris Van Hollen (D-Md.) and Sen. Ben Cardin (D-Md.) said in a joint statement that the plan fails.",
    "Van Hollen and Sen. Susan Collins (R-Maine) introduced the Dream Act.",
    "The senators wrote to Attorney General Jeff Sessions and Senate Democrats.",
    "Cardin attended the briefing.",
)
HILL_TEXT = " ".join(HILL_SENTENCES)
AP_SENTENCES = ("Sen. Kyrsten Sinema, I-Ariz., said in a statement that she will vote no.", "Sinema, D-Ariz., said so.")
AP_TEXT = " ".join(AP_SENTENCES)


def span(article_id: str, text: str, sentence: str) -> Span:
    start = text.index(sentence)
    return Span(article_id, start, start + len(sentence), sentence)


def sentence_of(text: str, words: str) -> str:
    """The sentence of the hill article containing words."""
    return next(sentence for sentence in HILL_SENTENCES if words in sentence)


def ref(article_id: str, name: str) -> PersonRef:
    return PersonRef(article_id, name, ())


def hill_facts() -> ArticleFacts:
    aid = "hill_01.txt"

    def evidence(words: str) -> Span:
        return span(aid, HILL_TEXT, sentence_of(HILL_TEXT, words))

    statement = Event(aid, "Statement", "statement-1", "joint statement", evidence("joint statement"), "statements.v1")
    bill = Event(aid, "Bill", "bill-dream-act", "Dream Act", evidence("introduced"), "bills.v1")
    letter = Event(aid, "Letter", "letter-1", "letter to Sessions", evidence("wrote to"), "letters.v1",
                   recipients=("Jeff Sessions", "Senate Democrats"))
    briefing = Event(aid, "Briefing", "briefing-1", "briefing", evidence("attended"), "briefings.v1")

    def say(subject: str, predicate: str, value, words: str, extractor: str = "tags.v1") -> Assertion:
        return Assertion(subject, predicate, value, evidence(words), extractor)

    assertions = (
        say("Chris Van Hollen", "type", "Senator", "joint statement", "titles.v1"),
        say("Chris Van Hollen", "party", "D", "joint statement"),
        say("Chris Van Hollen", "state", "MD", "joint statement"),
        say("Ben Cardin", "party", "D", "joint statement"),
        say("Jeff Sessions", "role", "attorney general", "wrote to", "titles.v1"),
        say("Jeff Sessions", "type", "Official", "wrote to", "titles.v1"),
        say("Chris Van Hollen", "signedStatement", statement, "joint statement", "statements.v1"),
        say("Ben Cardin", "signedStatement", statement, "joint statement", "statements.v1"),
        say("Chris Van Hollen", "sponsors", bill, "introduced", "bills.v1"),
        say("Susan Collins", "sponsors", bill, "introduced", "bills.v1"),
        say("Chris Van Hollen", "sentLetter", letter, "wrote to", "letters.v1"),
        say("Ben Cardin", "sentLetter", letter, "wrote to", "letters.v1"),
        say("Ben Cardin", "attendedBriefing", briefing, "attended", "briefings.v1"),
    )
    people = tuple(ref(aid, name) for name in ("Chris Van Hollen", "Ben Cardin", "Susan Collins", "Jeff Sessions"))
    article = Article(aid, "Senators press Sessions", HILL_TEXT, url="https://thehill.example/dream-act",
                      date="2017-07-20", source="The Hill")
    return ArticleFacts(article, people, (statement, bill, letter, briefing), assertions)


def ap_facts() -> ArticleFacts:
    aid = "corpus_digest.jsonl#ap <03> \"border\" ü"
    first, second = AP_SENTENCES
    statement = Event(aid, "Statement", "statement-1", "statement", span(aid, AP_TEXT, first), "statements.v1")
    assertions = (
        Assertion("Kyrsten Sinema", "party", "I", span(aid, AP_TEXT, first), "tags.v1"),
        Assertion("Kyrsten Sinema", "party", "D", span(aid, AP_TEXT, second), "tags.v1"),
        Assertion("Kyrsten Sinema", "signedStatement", statement, span(aid, AP_TEXT, first), "statements.v1"),
    )
    article = Article(aid, "", AP_TEXT, url="javascript:alert(1)", date="2024-02-30")
    return ArticleFacts(article, (ref(aid, "Kyrsten Sinema"),), (statement,), assertions)


def all_people() -> list[Person]:
    hill, ap = "hill_01.txt", ap_facts().article.id
    return [
        Person("christopher-van-hollen", "Chris Van Hollen", ("Christopher Van Hollen",), ((hill, "Chris Van Hollen"),)),
        Person("benjamin-cardin", "Ben Cardin", ("Ben Cardin", "Benjamin L. Cardin"), ((hill, "Ben Cardin"),)),
        Person("susan-collins", "Susan Collins", (), ((hill, "Susan Collins"),)),
        Person("jeffrey-sessions", "Jeff Sessions", (), ((hill, "Jeff Sessions"),)),
        Person("kyrsten-sinema", "Kyrsten Sinema", (), ((ap, "Kyrsten Sinema"),)),
    ]


@pytest.fixture
def graph() -> Graph:
    return to_graph([hill_facts(), ap_facts()], all_people())


def person(key: str) -> URIRef:
    return IriMinter().person(key)


def event(article_id: str, key: str) -> URIRef:
    return IriMinter().event(article_id, key)


HILL = IriMinter().article("hill_01.txt")
VAN_HOLLEN, CARDIN, COLLINS = person("christopher-van-hollen"), person("benjamin-cardin"), person("susan-collins")
SESSIONS, SINEMA = person("jeffrey-sessions"), person("kyrsten-sinema")


# ---------------------------------------------------------------- articles


def test_rdf_article_has_identifier_title_date_url_and_source(graph):
    assert (HILL, RDF.type, GB.Article) in graph
    assert graph.value(HILL, DCTERMS.identifier) == Literal("hill_01.txt")
    assert graph.value(HILL, DCTERMS.title) == Literal("Senators press Sessions")
    assert graph.value(HILL, DCTERMS.date) == Literal("2017-07-20", datatype=namespace.XSD.date)
    assert graph.value(HILL, namespace.SDO.url) == URIRef("https://thehill.example/dream-act")
    assert graph.value(HILL, DCTERMS.source) == Literal("The Hill")


def test_rdf_article_drops_bad_url_and_keeps_bad_date_as_text(graph):
    ap = IriMinter().article(ap_facts().article.id)
    assert graph.value(ap, namespace.SDO.url) is None
    assert graph.value(ap, DCTERMS.title) is None
    assert graph.value(ap, DCTERMS.date) == Literal("2024-02-30")


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a?b=c#d", True),
    ("http://example.org", True),
    ("javascript:alert(1)", False),
    ("ftp://example.org/x", False),
    ("https://exa mple.org/", False),
    ('https://example.org/"><script>', False),
    ("https:///nohost", False),
    ("https://[::1/", False),
    ("", False),
])
def test_rdf_is_web_url(url, expected):
    assert rdf.is_web_url(url) is expected


# ---------------------------------------------------------------- people


def test_rdf_person_has_label_alt_labels_and_articles(graph):
    assert (CARDIN, RDF.type, GB.Person) in graph
    assert graph.value(CARDIN, RDFS.label) == Literal("Ben Cardin")
    assert set(graph.objects(CARDIN, SKOS.altLabel)) == {Literal("Benjamin L. Cardin")}
    assert set(graph.objects(CARDIN, GB.mentionedIn)) == {HILL}


def test_rdf_attributes_become_types_parties_and_literals(graph):
    assert (VAN_HOLLEN, RDF.type, GB.Senator) in graph
    assert (SESSIONS, RDF.type, GB.Official) in graph
    assert graph.value(VAN_HOLLEN, GB.party) == GB.DemocraticParty
    assert graph.value(VAN_HOLLEN, GB.state) == Literal("MD")
    assert graph.value(SESSIONS, GB.role) == Literal("attorney general")
    assert (GB.DemocraticParty, RDF.type, GB.Party) in graph
    assert graph.value(GB.DemocraticParty, RDFS.label) == Literal("Democratic Party")


def test_rdf_every_attribute_has_a_claim_with_evidence(graph):
    claim = IriMinter().claim("hill_01.txt", "christopher-van-hollen", "state", "MD")
    sentence = sentence_of(HILL_TEXT, "joint statement")
    assert (claim, RDF.type, GB.Claim) in graph
    assert graph.value(claim, GB.about) == VAN_HOLLEN
    assert graph.value(claim, GB.claimedProperty) == GB.state
    assert graph.value(claim, GB.claimedValue) == Literal("MD")
    assert graph.value(claim, GB.reportedIn) == HILL
    assert graph.value(claim, GB.evidence) == Literal(sentence)
    assert graph.value(claim, GB.evidenceStart) == Literal(0, datatype=namespace.XSD.integer)
    assert graph.value(claim, GB.evidenceEnd) == Literal(len(sentence), datatype=namespace.XSD.integer)
    assert graph.value(claim, GB.extractor) == Literal("tags.v1")


def test_rdf_party_keeps_every_value_and_which_article_says_it(graph):
    assert set(graph.objects(SINEMA, GB.party)) == {GB.DemocraticParty, GB.Independent}
    claims = {graph.value(c, GB.claimedValue): graph.value(c, GB.evidence) for c in graph.subjects(GB.about, SINEMA)
              if graph.value(c, GB.claimedProperty) == GB.party}
    assert claims[GB.Independent].startswith("Sen. Kyrsten Sinema, I-Ariz.")
    assert claims[GB.DemocraticParty].startswith("Sinema, D-Ariz.")


def test_rdf_same_fact_twice_keeps_the_earliest_sentence():
    facts = hill_facts()
    later = Assertion("Ben Cardin", "party", "D", span("hill_01.txt", HILL_TEXT, "Cardin attended the briefing."), "tags.v2")
    facts = dataclasses.replace(facts, assertions=(later, *facts.assertions))
    graph = to_graph([facts], all_people())
    claim = IriMinter().claim("hill_01.txt", "benjamin-cardin", "party", "D")
    assert graph.value(claim, GB.extractor) == Literal("tags.v1")
    assert len(list(graph.objects(claim, GB.evidence))) == 1


# ---------------------------------------------------------------- events


def test_rdf_event_has_type_label_and_provenance(graph):
    bill = event("hill_01.txt", "bill-dream-act")
    sentence = sentence_of(HILL_TEXT, "introduced")
    assert (bill, RDF.type, GB.Bill) in graph
    assert graph.value(bill, RDFS.label) == Literal("Dream Act")
    assert graph.value(bill, GB.reportedIn) == HILL
    assert graph.value(bill, GB.evidence) == Literal(sentence)
    assert graph.value(bill, GB.evidenceStart) == Literal(HILL_TEXT.index(sentence), datatype=namespace.XSD.integer)
    assert graph.value(bill, GB.extractor) == Literal("bills.v1")


def test_rdf_participants_link_to_their_events(graph):
    statement = event("hill_01.txt", "statement-1")
    assert set(graph.subjects(GB.signedStatement, statement)) == {VAN_HOLLEN, CARDIN}
    assert set(graph.subjects(GB.sponsors, event("hill_01.txt", "bill-dream-act"))) == {VAN_HOLLEN, COLLINS}
    assert set(graph.subjects(GB.attendedBriefing, event("hill_01.txt", "briefing-1"))) == {CARDIN}


def test_rdf_participation_claims_keep_the_stating_sentence(graph):
    claim = IriMinter().claim("hill_01.txt", "susan-collins", "sponsors", "bill-dream-act")
    assert graph.value(claim, GB.claimedValue) == event("hill_01.txt", "bill-dream-act")
    assert graph.value(claim, GB.evidence) == Literal(sentence_of(HILL_TEXT, "introduced"))


def test_rdf_letter_recipients_are_people_or_organizations(graph):
    recipients = set(graph.objects(event("hill_01.txt", "letter-1"), GB.addressedTo))
    organization = IriMinter().organization("Senate Democrats")
    assert recipients == {SESSIONS, organization}
    assert (organization, RDF.type, GB.Organization) in graph
    assert graph.value(organization, RDFS.label) == Literal("Senate Democrats")


def test_rdf_pair_edges_link_cosponsors_and_cosigners_both_ways(graph):
    assert set(graph.subject_objects(GB.cosponsorsBillWith)) == {(VAN_HOLLEN, COLLINS), (COLLINS, VAN_HOLLEN)}
    assert set(graph.subject_objects(GB.coSignedWith)) == {(VAN_HOLLEN, CARDIN), (CARDIN, VAN_HOLLEN)}


# ---------------------------------------------------------------- contract errors


def test_rdf_unknown_subject_is_an_error():
    facts = hill_facts()
    stray = dataclasses.replace(facts.assertions[0], subject="Nobody Known")
    with pytest.raises(ValueError, match="Nobody Known"):
        to_graph([dataclasses.replace(facts, assertions=(stray,))], all_people())


@pytest.mark.parametrize("predicate, value", [("party", "Whig"), ("type", "King"), ("age", "40")])
def test_rdf_unknown_values_are_errors(predicate, value):
    facts = hill_facts()
    bad = dataclasses.replace(facts.assertions[0], predicate=predicate, object=value)
    with pytest.raises(ValueError, match=value):
        to_graph([dataclasses.replace(facts, assertions=(bad,))], all_people())


@pytest.mark.parametrize("base", ["https://example.org/id", "not an iri/", "https://ex ample.org/"])
def test_rdf_bad_base_iri_is_a_user_error(base):
    with pytest.raises(GraphbuildError, match="base IRI"):
        to_graph([], [], base_iri=base)


# ---------------------------------------------------------------- IRIs


def test_rdf_base_iri_is_configurable():
    graph = to_graph([hill_facts()], all_people(), base_iri="https://example.org/kg#")
    assert (URIRef("https://example.org/kg#article/hill_01.txt"), RDF.type, GB.Article) in graph


def test_rdf_prefixes_are_bound(graph):
    bound = {prefix for prefix, _ in graph.namespaces()}
    assert {"gb", "dcterms", "schema", "skos", "prov", "owl", "xsd", "rdf", "rdfs"} <= bound


def test_rdf_graph_has_no_blank_nodes(graph):
    assert not any(isinstance(node, BNode) for triple in graph for node in triple)


@settings(max_examples=60, deadline=None)
@given(article_id=st.text(min_size=1), name=st.text(min_size=1), key=st.text(min_size=1))
def test_rdf_any_id_or_name_gives_valid_distinct_iris(article_id, name, key):
    text = "A said so."
    evidence = Span(article_id, 0, len(text), text)
    statement = Event(article_id, "Statement", key, name, evidence, "statements.v1")
    facts = ArticleFacts(
        Article(article_id, name, text),
        (ref(article_id, name),),
        (statement,),
        (Assertion(name, "signedStatement", statement, evidence, "statements.v1"),
         Assertion(name, "role", name, evidence, "titles.v1")),
    )
    graph = to_graph([facts], [Person(key, name, (), ((article_id, name),))])
    reparsed = Graph().parse(data=to_turtle(graph), format="turtle")
    assert isomorphic(graph, reparsed)
    assert IriMinter().article(article_id) != IriMinter().article(article_id + "/")


# ---------------------------------------------------------------- Turtle


def shuffled(facts: list[ArticleFacts], people: list[Person], rng: random.Random):
    def shuffle(items):
        items = list(items)
        rng.shuffle(items)
        return tuple(items)

    facts = [dataclasses.replace(f, people=shuffle(f.people), events=shuffle(f.events),
                                 assertions=shuffle(f.assertions)) for f in facts]
    return list(shuffle(facts)), list(shuffle(people))


def test_rdf_turtle_is_the_same_whatever_the_input_order():
    rng = random.Random(20240731)
    facts, people = [hill_facts(), ap_facts()], all_people()
    outputs = {to_turtle(to_graph(*shuffled(facts, people, rng))) for _ in range(6)}
    assert len(outputs) == 1


def test_rdf_turtle_round_trips(graph):
    assert isomorphic(graph, Graph().parse(data=to_turtle(graph), format="turtle"))


def test_rdf_turtle_with_blank_nodes_is_deterministic():
    def build(order):
        graph = rdf.new_graph()
        for label in order:
            node = BNode()
            graph.add((node, RDFS.label, Literal(label)))
            graph.add((URIRef("https://example.org/x"), RDFS.seeAlso, node))
        return to_turtle(graph)

    assert build(["a", "b", "c"]) == build(["c", "a", "b"])


def test_rdf_write_turtle_replaces_the_file_atomically(graph, tmp_path: Path):
    target = tmp_path / "out" / "graph.ttl"
    write_turtle(graph, target)
    write_turtle(graph, target)
    assert target.read_text(encoding="utf-8") == to_turtle(graph)
    assert [p.name for p in target.parent.iterdir()] == ["graph.ttl"]


def test_rdf_write_turtle_failure_keeps_the_old_file(graph, tmp_path: Path, monkeypatch):
    target = tmp_path / "graph.ttl"
    target.write_text("old", encoding="utf-8")

    def fail(_graph):
        raise RuntimeError("serializer broke")

    monkeypatch.setattr(rdf, "to_turtle", fail)
    with pytest.raises(RuntimeError):
        write_turtle(graph, target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


@pytest.mark.parametrize("claims_as_text", [False, True])
def test_rdf_streamed_turtle_equals_to_turtle_of_the_graph_and_of_any_copy(graph, tmp_path: Path, claims_as_text):
    streamed = tmp_path / "graph.ttl"
    blocks = rdf.graph_blocks([hill_facts(), ap_facts()], all_people(), claims_as_text=claims_as_text)
    count = rdf.write_graph_turtle(blocks, streamed)
    copy = Graph()  # rdflib's own store: to_turtle sorts its triples instead of re-streaming the records
    for triple in graph:
        copy.add(triple)
    assert streamed.read_text(encoding="utf-8") == to_turtle(graph) == to_turtle(copy)
    assert count == len(graph) == len(copy)


def test_rdf_graph_changed_after_building_prints_its_own_triples(graph):
    graph.add((HILL, RDFS.comment, Literal("added later")))
    assert '"added later"' in to_turtle(graph)


def test_rdf_literals_read_back_as_rdflib_makes_them(graph):
    assert graph.value(VAN_HOLLEN, GB.state) == Literal("MD") and graph.value(VAN_HOLLEN, GB.state).datatype is None
    assert (VAN_HOLLEN, GB.state, Literal("MD")) in graph
