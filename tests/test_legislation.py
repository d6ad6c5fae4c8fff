"""Cross-article facts in the graph: one gb:Legislation per named bill, dated claims, current party and state."""
from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from graphbuild.legislation import bill_names, group_bills, normalize_bill_name
from graphbuild.model import Article, ArticleFacts, Assertion, Event, PersonRef, Span
from graphbuild.rdf import DEFAULT_BASE_IRI, current_value, to_graph
from graphbuild.resolve import resolve_people
from graphbuild.vocab import GB


def bill(article_id: str, key: str, label: str, names: tuple[str, ...] = ()) -> Event:
    return Event(article_id, "Bill", key, label, Span(article_id, 0, 1, "x"), "bills.v1", names=names)


@pytest.mark.parametrize("first, second", [
    ("H.R. 4884", "HR 4884"), ("H. R. 4884", "h.r.4884"), ("the DETER Act", "DETER Act"),
    ("S. Res. 12", "S.Res. 12"), ("First  Step Act", "first step act"),
])
def test_legislation_name_forms_normalize_alike(first, second):
    assert normalize_bill_name(first) == normalize_bill_name(second)


@pytest.mark.parametrize("first, second", [("H.R. 4884", "S. 4884"), ("DETER Act", "DETER Act of 2019")])
def test_legislation_different_bills_normalize_apart(first, second):
    assert normalize_bill_name(first) != normalize_bill_name(second)


def test_legislation_names_come_from_event_names_else_a_keyed_label():
    assert bill_names(bill("a", "bill-deter-act", "DETER Act", ("DETER Act", "H.R. 4884"))) == ("DETER Act", "H.R. 4884")
    assert bill_names(bill("a", "bill-first-step-act", "First Step Act")) == ("First Step Act",)
    assert bill_names(bill("a", "bill-1", "bill")) == ()
    assert bill_names(bill("a", "bill-earlier-version-of-dream-act", "earlier version of Dream Act")) == ()


def test_legislation_groups_bills_sharing_any_name_across_articles():
    laws = group_bills([
        bill("a.txt", "bill-deter-act", "DETER Act", ("DETER Act",)),
        bill("b.txt", "bill-h-r-4884", "H.R. 4884", ("H.R. 4884",)),
        bill("c.txt", "bill-deter-act", "DETER Act", ("Defending Elections Act", "DETER Act", "HR 4884")),
        bill("d.txt", "bill-first-step-act", "First Step Act"),
        bill("e.txt", "bill-1", "bill"),
    ])
    assert [(law.label, law.events) for law in laws] == [
        ("DETER Act", (("a.txt", "bill-deter-act"), ("b.txt", "bill-h-r-4884"), ("c.txt", "bill-deter-act"))),
        ("First Step Act", (("d.txt", "bill-first-step-act"),)),
    ]
    assert laws[0].key == "deter-act" and "H.R. 4884" in laws[0].names


def test_legislation_node_in_the_graph_links_each_article_event():
    facts = [ArticleFacts(Article(a, "", "x"), (), (bill(a, "bill-deter-act", "DETER Act", ("DETER Act",)),), ())
             for a in ("a.txt", "b.txt")]
    graph = to_graph(facts, [])
    law = URIRef(DEFAULT_BASE_IRI + "legislation/deter-act")
    assert (law, RDF.type, GB.Legislation) in graph and graph.value(law, RDFS.label) == Literal("DETER Act")
    assert len(set(graph.subjects(GB.legislation, law))) == 2


# ---------------------------------------------------------------- party and state over time

def sinema_facts(*articles: tuple[str, str | None, str]) -> list[ArticleFacts]:
    """One article per (id, date, party) stating the senator's party and state AZ."""
    facts = []
    for article_id, date, party in articles:
        evidence = Span(article_id, 0, 1, "x")
        assertions = tuple(Assertion("Kyrsten Sinema", predicate, value, evidence, "attributes.v1")
                           for predicate, value in (("party", party), ("state", "AZ")))
        facts.append(ArticleFacts(Article(article_id, "", "x", date=date),
                                  (PersonRef(article_id, "Kyrsten Sinema", (evidence,)),), (), assertions))
    return facts


def graph_of(facts):
    return to_graph(facts, resolve_people(facts))


SINEMA = URIRef(DEFAULT_BASE_IRI + "person/kyrsten-sinema")


def test_legislation_claims_carry_their_article_date():
    graph = graph_of(sinema_facts(("2022.txt", "2022-06-01", "D"), ("undated.txt", None, "D")))
    dates = {graph.value(claim, DCTERMS.date) for claim in graph.subjects(GB.about, SINEMA)}
    assert dates == {Literal("2022-06-01", datatype=XSD.date), None}


def test_legislation_current_party_is_the_latest_dated_value_and_every_value_stays():
    graph = graph_of(sinema_facts(("2022.txt", "2022-06-01", "D"), ("2024.txt", "2024-02-05", "I")))
    assert set(graph.objects(SINEMA, GB.party)) == {GB.DemocraticParty, GB.Independent}
    assert graph.value(SINEMA, GB.currentParty) == GB.Independent
    assert graph.value(SINEMA, GB.currentState) == Literal("AZ")


@pytest.mark.parametrize("articles", [
    (("2024.txt", "2024-02-05", "I"), ("undated.txt", None, "D")),          # the undated one may be newer
    (("a.txt", "2024-02-05", "I"), ("b.txt", "2024-02-05", "D")),          # same day, two values
    (("a.txt", None, "I"), ("b.txt", None, "D")),                          # no dates, two values
])
def test_legislation_no_current_party_when_the_sources_disagree(articles):
    graph = graph_of(sinema_facts(*articles))
    assert graph.value(SINEMA, GB.currentParty) is None
    assert graph.value(SINEMA, GB.currentState) == Literal("AZ")


def test_legislation_current_value_rule():
    assert current_value([(None, "D"), (None, "D")]) == "D"
    assert current_value([("2022-01-01", "D"), ("2024-01-01", "I"), (None, "I")]) == "I"
    assert current_value([]) is None
