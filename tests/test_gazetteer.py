"""Reading congress-legislators YAML: merging files, party changes within a term, clear errors."""
from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.errors import GazetteerError
from graphbuild.gazetteer import Term, load_gazetteer

FIXTURES = Path(__file__).resolve().parent / "data" / "gazetteer"


def test_gazetteer_reads_ids_names_and_terms():
    gazetteer = load_gazetteer([FIXTURES / "congress.yaml"])
    reyes = {p.key: p for p in gazetteer.with_surname("reyes")}["R000001"]
    assert (reyes.wikidata, reyes.first, reyes.nickname, reyes.last) == ("Q1000002", "Timothy", "Tim", "Reyes")
    assert reyes.terms[-1] == Term("sen", "2013-01-03", "2029-01-03", "AZ", "R")
    assert reyes.given_names == {"timothy"}


def test_gazetteer_entry_in_two_files_is_one_person_with_every_term():
    gazetteer = load_gazetteer([FIXTURES / "congress.yaml", FIXTURES / "congress-later.yaml"])
    (holloway,) = gazetteer.with_surname("holloway")
    assert [t.start for t in holloway.terms] == ["2015-01-06", "2021-01-03", "2027-01-03"]
    assert holloway.sources == ("congress-later.yaml", "congress.yaml")


def test_gazetteer_splits_a_term_where_the_party_changed():
    (marlow,) = load_gazetteer([FIXTURES / "congress.yaml"]).with_surname("marlow")
    assert [(t.party, t.start, t.end) for t in marlow.terms] == [
        ("D", "2019-01-03", "2022-12-08"), ("I", "2022-12-09", "2025-01-03")]


def test_gazetteer_person_without_bioguide_is_keyed_by_wikidata():
    (harlan,) = load_gazetteer([FIXTURES / "executive.yaml"]).people
    assert (harlan.key, harlan.bioguide, harlan.terms[0].chamber, harlan.terms[0].state) == (
        "wikidata:Q1000009", None, "prez", None)


def test_gazetteer_skips_an_entry_without_any_id():
    assert not load_gazetteer([FIXTURES / "congress.yaml"]).with_surname("identifier")


@pytest.mark.parametrize("content, message", [
    (None, "does not exist"),
    ("- id: [unclosed\n", "is not valid YAML"),
    ("people: 3\n", "is not a congress-legislators list"),
    ("- id: {bioguide: X000001}\n", "entry 1 has no name and terms"),
])
def test_gazetteer_bad_file_is_one_clear_error_naming_it(tmp_path, content, message):
    path = tmp_path / "legislators.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError, match=message) as error:
        load_gazetteer([path])
    assert str(path) in str(error.value) and "\n" not in str(error.value)
