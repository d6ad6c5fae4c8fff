"""Bad input never crashes extraction, and always yields a graph that re-parses."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from graphbuild.clean import clean_article
from graphbuild.extract import extract_article
from graphbuild.model import Article, Event
from graphbuild.rdf import graph_blocks, to_graph, to_turtle, turtle_chunks
from graphbuild.resolve import resolve_people

# Pieces of real article text, so generated input reaches the extractors' rules.
FRAGMENTS = [
    "Sen. ", "Sens. ", "Rep. ", "Jane Holloway", "Tom Reyes", " (D-Ore.)", ", R-Ariz.,", " and ", ", ",
    " said in a joint statement", " introduced the Clean Water Act", " tweeted", " sent a letter to ",
    " testified before the Senate Finance Committee", " who attended the briefing", "Treasury Secretary ",
    "Holloway", "He", " his legislation with ", "MORE", "Jane Marie Holloway", "\"", "“", ". ", "\n\n",
    "<script>alert(1)</script>", "⟦0⟧", "'s", "\u00a0", "\u202e", "\\", " — ",
]
article_text = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join),
)


def _article(text: str) -> Article:
    return clean_article(Article(id="p\"<x> y.txt", title="T", text=text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_text)
def test_properties_extraction_never_crashes_and_yields_valid_records(text):
    article = _article(text)
    facts = extract_article(article)
    names = {ref.name for ref in facts.people}
    for assertion in facts.assertions:
        assert assertion.subject in names
        span = assertion.evidence
        assert article.text[span.start:span.end] == span.text
        if isinstance(assertion.object, Event):
            assert assertion.object in facts.events


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_text)
def test_properties_graph_of_any_text_round_trips_through_turtle(text):
    facts = [extract_article(_article(text))]
    graph = to_graph(facts, resolve_people(facts))
    assert isomorphic(Graph().parse(data=to_turtle(graph), format="turtle"), graph)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_text, st.sampled_from(["2024-02-05", "", "March 2024", "2024-02-30"]))
def test_properties_claims_made_as_text_are_the_turtle_of_their_blocks(text, date):
    article = Article(id="p\"<x> y.txt", title="T", text=text, date=date or None)
    facts = [extract_article(clean_article(article))]
    people = resolve_people(facts)
    blocks, made = ([(text if type(text) is str else text.text, triples) for text, triples in turtle_chunks(
        graph_blocks(facts, people, claims_as_text=as_text))] for as_text in (False, True))
    assert "".join(text for text, _ in made) == "".join(text for text, _ in blocks)
    assert sum(triples for _, triples in made) == sum(triples for _, triples in blocks)
