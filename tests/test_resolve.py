"""People across articles: one node per person whatever the name form, never one node for two."""
from __future__ import annotations

import pytest

from graphbuild.model import Article, ArticleFacts, Assertion, PersonRef, Span
from graphbuild.resolve import resolve_people


def _facts(article_id: str, *people: tuple[str, tuple[str, ...], dict]) -> ArticleFacts:
    refs, assertions = [], []
    for name, aliases, attributes in people:
        span = Span(article_id, 0, len(name), name)
        refs.append(PersonRef(article_id, name, (span,), aliases))
        assertions += [Assertion(name, key, value, span, "test.v1") for key, value in attributes.items()]
    return ArticleFacts(Article(article_id, "", ""), tuple(refs), (), tuple(assertions))


SAME_PERSON = [
    ("Chuck Schumer", "Charles E. Schumer"),
    ("Dick Durbin", "Richard J. Durbin"),
    ("Chris Coons", "Christopher A. Coons"),
    ("Bob Menendez", "Robert Menendez"),
    ("Jim Mattis", "James Mattis"),
]
DIFFERENT_PEOPLE = [
    ("Donald Trump", "Donald Trump Jr."),
    ("Tim Scott", "Rick Scott"),
    ("Mark Kelly", "Kelly Loeffler"),
]


@pytest.mark.parametrize("first, second", SAME_PERSON)
def test_resolve_name_forms_of_one_person_merge(first, second):
    people = resolve_people([_facts("a.txt", (first, (), {})), _facts("b.txt", (second, (), {}))])
    assert len(people) == 1
    assert people[0].label in (first, second.replace(" E.", "").replace(" J.", "").replace(" A.", ""))


@pytest.mark.parametrize("first, second", DIFFERENT_PEOPLE)
def test_resolve_different_people_stay_apart(first, second):
    people = resolve_people([_facts("a.txt", (first, (), {})), _facts("b.txt", (second, (), {}))])
    assert sorted(p.label for p in people) == sorted([first, second])


def test_resolve_label_prefers_the_nickname_a_hover_card_gives():
    people = resolve_people([_facts("a.txt", ("Charles Schumer", ("Charles (Chuck) Ellis Schumer",), {}))])
    assert people[0].label == "Chuck Schumer"
    assert "Charles (Chuck) Ellis Schumer" in people[0].alt_labels


def test_resolve_hover_card_teaches_an_unusual_nickname():
    people = resolve_people([
        _facts("a.txt", ("Mitch McConnell", ("Addison (Mitch) Mitchell McConnell",), {})),
        _facts("b.txt", ("Addison McConnell", (), {})),
    ])
    assert [p.label for p in people] == ["Mitch McConnell"]


def test_resolve_surname_only_joins_the_one_person_whose_party_and_state_agree():
    people = resolve_people([
        _facts("a.txt", ("Tim Scott", (), {"party": "R", "state": "SC"}), ("Rick Scott", (), {"party": "R", "state": "FL"})),
        _facts("pr.txt", ("Scott", (), {"party": "R", "state": "SC"})),
    ])
    tim = next(p for p in people if p.label == "Tim Scott")
    assert ("pr.txt", "Scott") in tim.refs
    assert len(people) == 2


def test_resolve_surname_only_without_a_unique_match_stays_in_its_article():
    people = resolve_people([
        _facts("a.txt", ("Tim Scott", (), {}), ("Rick Scott", (), {})),
        _facts("pr.txt", ("Scott", (), {})),
        _facts("pr2.txt", ("Booker", (), {"party": "D"})),
    ])
    local = sorted(p.key for p in people if "--" in p.key)
    assert local == ["booker--pr2-txt", "scott--pr-txt"]


def test_resolve_is_independent_of_article_order():
    facts = [_facts(f"{n}.txt", (name, (), {})) for n, name in enumerate(["Chuck Schumer", "Charles Schumer", "Tim Scott"])]
    assert resolve_people(facts) == resolve_people(list(reversed(facts)))
