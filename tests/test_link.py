"""Linking people to gazetteer entries only without doubt: hand-written fixtures, then the shared files."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import OWL

from graphbuild.api import BuildConfig, build
from graphbuild.gazetteer import load_gazetteer
from graphbuild.link import AMBIGUOUS, LINKED, UNLINKED, link_people, usual_name
from graphbuild.model import Article, ArticleFacts, Assertion, PersonRef, Span
from graphbuild.rdf import to_graph
from graphbuild.resolve import resolve_people
from graphbuild.vocab import GB

FIXTURES = Path(__file__).resolve().parent / "data" / "gazetteer"
GAZETTEER = load_gazetteer([FIXTURES / "congress.yaml", FIXTURES / "executive.yaml"])


def article(article_id: str, date: str | None, *people: tuple[str, dict]) -> ArticleFacts:
    """Facts of one article: each person with the attributes it states ({"party": "R", "type": "Senator"})."""
    span = Span(article_id, 0, 1, "x")
    refs = tuple(PersonRef(article_id, name, (span,)) for name, _ in people)
    assertions = tuple(
        Assertion(name, predicate, value, span, "test.v1") for name, attributes in people for predicate, value in attributes.items()
    )
    return ArticleFacts(Article(article_id, "", "x", date=date), refs, (), assertions)


def link(*facts: ArticleFacts):
    return link_people(facts, resolve_people(facts), GAZETTEER)


def person_named(linking, label: str):
    (person,) = [p for p in linking.people if p.label == label]
    return person


def test_link_surname_only_with_party_and_state_links_the_one_namesake_that_fits():
    linking = link(article("release.txt", "2018-12-18", ("Reyes", {"party": "R", "state": "AZ"})))
    person = person_named(linking, "Tim Reyes")
    assert person.link.bioguide == "R000001" and person.alt_labels == ("Reyes",)
    assert person.key == "timothy-reyes", "no longer local to its article: keyed by its gazetteer name"


def test_link_two_namesakes_that_fit_leave_the_person_unlinked_and_counted():
    linking = link(article("wire.txt", None, ("Reyes", {"party": "R", "type": "Senator"})))
    assert person_named(linking, "Reyes").link is None
    assert (linking.count(LINKED), linking.count(AMBIGUOUS), linking.count(UNLINKED)) == (0, 1, 0)
    assert set(linking.decisions["reyes--wire-txt"].candidates) == {"R000001", "R000002"}


def test_link_party_contradicting_every_candidate_stays_unlinked():
    linking = link(article("a.txt", None, ("Jane Holloway", {"party": "R", "state": "OR"})))
    assert person_named(linking, "Jane Holloway").link is None and linking.count(UNLINKED) == 1


def test_link_a_bare_name_is_not_enough():
    linking = link(article("a.txt", None, ("Jane Holloway", {"role": "chair"})))
    assert person_named(linking, "Jane Holloway").link is None


def test_link_a_state_contradicted_by_the_chamber_in_one_article_stays_unlinked():
    # Tim Reyes was a representative and a senator for AZ, never a representative in 2020
    linking = link(article("a.txt", "2020-05-01", ("Tim Reyes", {"type": "Representative", "state": "AZ"})))
    assert person_named(linking, "Tim Reyes").link is None


def test_link_two_people_linked_to_one_entry_become_one():
    facts = (
        article("release.txt", None, ("Reyes", {"party": "R", "state": "AZ"})),
        article("wire.txt", None, ("Tim Reyes", {"type": "Senator"}), ("Rick Reyes", {})),
    )
    assert len(resolve_people(facts)) == 3, "resolution alone cannot tell which Reyes the release means"
    linking = link(*facts)
    tim = person_named(linking, "Tim Reyes")
    assert tim.key == "timothy-reyes" and tim.link.key == "R000001"
    assert {article_id for article_id, _ in tim.refs} == {"release.txt", "wire.txt"}
    assert person_named(linking, "Rick Reyes").link is None


@pytest.mark.parametrize("date, outcome", [
    ("1993-04-01", LINKED),       # only the first John Smith served then
    ("2013-04-01", AMBIGUOUS),    # the first one's last term is open-ended: a file cannot know of a re-election
    (None, AMBIGUOUS),            # no date: both fit
])
def test_link_article_date_against_term_dates(date, outcome):
    linking = link(article("a.txt", date, ("John Smith", {"type": "Representative", "party": "D", "state": "OH"})))
    assert linking.decisions["john-smith"].outcome == outcome
    if outcome == LINKED:
        assert linking.decisions["john-smith"].candidates == ("S000001",)


def test_link_a_party_change_within_a_term_fits_each_article_at_its_date():
    linking = link(
        article("2022.txt", "2022-06-01", ("Kay Marlow", {"party": "D", "state": "AZ", "type": "Senator"})),
        article("2024.txt", "2024-02-05", ("Kay Marlow", {"party": "I", "state": "AZ", "type": "Senator"})),
    )
    assert person_named(linking, "Kay Marlow").link.bioguide == "M000001"
    wrong_date = link(article("2024.txt", "2024-02-05", ("Kay Marlow", {"party": "D", "type": "Senator"})))
    assert person_named(wrong_date, "Kay Marlow").link is None


def test_link_president_and_junior_stay_two_people():
    linking = link(
        article("a.txt", None, ("Donald Harlan", {"role": "president"}), ("Donald Harlan Jr.", {"role": "businessman"})),
        article("b.txt", "2024-03-01", ("Donald Harlan", {"role": "former president"})),
    )
    harlan, junior = person_named(linking, "Donald Harlan"), person_named(linking, "Donald Harlan Jr.")
    assert harlan.link.key == "wikidata:Q1000009" and harlan.link.bioguide is None
    assert junior.link is None and harlan.key != junior.key


@pytest.mark.parametrize("labels, bioguide, expected", [
    (["Dick Dunmore"], "D000001", "Dick Dunmore"),          # the articles' short form of Richard
    (["Richard Dunmore"], "D000001", "Richard Dunmore"),
    (["Bob Casewell"], "C000001", "Bob Casewell"),          # no "Jr." where the articles give none
    (["Robert Casewell Jr."], "C000001", "Bob Casewell Jr."),
    (["Henry Jolson"], "J000001", "Hank Jolson"),           # quoted nickname out of the official name
    (["Jane Holloway"], "H000001", "Jane Holloway"),        # middle initial dropped
])
def test_link_usual_name(labels, bioguide, expected):
    (legislator,) = [p for p in GAZETTEER.people if p.key == bioguide]
    assert usual_name(legislator, labels) == expected


def test_link_gazetteer_facts_have_their_own_predicates_in_the_graph():
    facts = [article("release.txt", "2018-12-18", ("Reyes", {"party": "R", "state": "AZ"}))]
    graph = to_graph(facts, link_people(facts, resolve_people(facts), GAZETTEER).people)
    (person,) = graph.subjects(GB.bioguideId, Literal("R000001"))
    assert set(graph.objects(person, OWL.sameAs)) == {
        URIRef("http://www.wikidata.org/entity/Q1000002"), URIRef("https://bioguide.congress.gov/search/bio/R000001")}
    assert graph.value(person, GB.officialName) == Literal("Tim Reyes")
    assert graph.value(person, GB.gazetteerSource) == Literal("congress.yaml")
    # only what the article states is a gb:party / gb:state / gb:role: the gazetteer's terms add none
    assert len(list(graph.objects(person, GB.party))) == 1 and not list(graph.objects(person, GB.role))


def test_link_build_counts_linked_ambiguous_and_unlinked(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\nSen. Jane Holloway (D-Ore.) said in a statement that it was overdue.\n")
    config = BuildConfig(gazetteers=(FIXTURES / "congress.yaml",))
    summary = build([tmp_path], config).summary
    assert (summary.linked, summary.ambiguous, summary.unlinked) == (1, 0, 0)
    assert build([tmp_path]).summary.linked is None


# ---------------------------------------------------------------- the shared congress-legislators files

SHARED = Path(__file__).resolve().parents[2] / "shared"
SHARED_FILES = [SHARED / "data" / "congress-legislators" / name
                for name in ("legislators-current-2016-12.yaml", "legislators-current-2026-06.yaml", "executive.yaml")]


@pytest.fixture(scope="module")
def shared_files() -> list[Path]:
    if not (SHARED / "devset" / "articles").is_dir() or not all(f.is_file() for f in SHARED_FILES):
        pytest.skip(f"{SHARED} is absent: the dev set and congress-legislators files come from ../shared")
    return SHARED_FILES


@pytest.fixture(scope="module")
def dev_linked(shared_files):
    result = build([SHARED / "devset" / "articles"], BuildConfig(gazetteers=tuple(shared_files)))
    return result, {p.label: p for p in result.people}


def test_link_shared_press_release_scott_is_tim_scott_not_rick_scott(dev_linked):
    _result, people = dev_linked
    assert people["Tim Scott"].link.bioguide == "S001184" and "Scott" in people["Tim Scott"].alt_labels
    assert people["Rick Scott"].link.bioguide == "S001217"


def test_link_shared_every_name_form_of_schumer_is_one_bioguide(dev_linked):
    _result, people = dev_linked
    schumers = [p for p in people.values() if p.link and p.link.bioguide == "S000148"]
    assert [p.label for p in schumers] == ["Chuck Schumer"] and len(schumers[0].alt_labels) >= 2


def test_link_shared_trump_and_trump_junior_are_never_merged(dev_linked):
    _result, people = dev_linked
    assert people["Donald Trump"].link.wikidata == "Q22686"
    assert people["Donald Trump Jr."].link is None


def test_link_shared_surname_only_press_release_names_get_the_usual_full_name(dev_linked):
    result, people = dev_linked
    assert {"Cory Booker", "Sheldon Whitehouse", "John Fetterman"} <= set(people)
    assert result.summary.linked + result.summary.ambiguous + result.summary.unlinked == result.summary.people


def test_link_shared_ambiguous_and_contradicted_people_stay_unlinked(shared_files):
    facts = (
        article("a.txt", None, ("Scott", {"party": "R", "type": "Senator"})),     # Tim or Rick
        article("b.txt", None, ("Chuck Schumer", {"party": "R", "state": "NY"})),  # contradicts the one Schumer
    )
    linking = link_people(facts, resolve_people(facts), load_gazetteer(shared_files))
    assert linking.decisions["scott--a-txt"].outcome == AMBIGUOUS
    assert linking.decisions["charles-schumer"].outcome == UNLINKED
    assert (linking.count(LINKED), linking.count(AMBIGUOUS)) == (0, 1)
