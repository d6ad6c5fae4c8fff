"""graphbuild explain: every fact about a person with its article, sentence and rule."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphbuild.cli import app
from graphbuild.errors import AmbiguousNameError, PersonNotFoundError
from graphbuild.explain import explain_person, format_explanation
from graphbuild.query import load_graph

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "data" / "gazetteer"
runner = CliRunner()


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "out"
    result = runner.invoke(app, ["run", str(ROOT / "seeds"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out / "graph.ttl"


def test_explain_cli_shows_statements_bill_attributes_sentences_and_rules(seed_graph):
    result = runner.invoke(app, ["explain", "Chris Van Hollen", "--graph", str(seed_graph)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "signed statement: joint statement" in out and "signed statement: separate statement" in out
    assert "sponsors: legislation" in out and "with Marco Rubio" in out
    assert "party: Democratic Party" in out and "state: MD" in out
    assert "Chris Van Hollen (Md.)" in out, "the sentence stating party and state"
    assert "his legislation with Sen. Marco Rubio" in out, "the sentence stating the bill"
    assert all(rule in out for rule in ("statements.v1", "bills.v1", "attributes.v1"))
    assert "cosponsors bill with: Marco Rubio" in out
    assert out.index("Attributes") < out.index("Events in senate-democrats-election-security.txt")


def test_explain_matches_any_name_form_ignoring_case(seed_graph):
    graph = load_graph(seed_graph)
    assert explain_person(graph, "charles schumer").label == "Chuck Schumer"


def test_explain_records_group_attributes_and_events(seed_graph):
    explanation = explain_person(load_graph(seed_graph), "Chris Van Hollen")
    assert {(f.property, f.value) for f in explanation.attributes} >= {("party", "Democratic Party"), ("state", "MD")}
    statements = [f for f in explanation.events if f.property == "signed statement"]
    assert len(statements) == 2 and all(f.article == "senate-democrats-election-security.txt" for f in statements)
    assert ("party", "Democratic Party") in explanation.current


def test_explain_unknown_name_is_one_line_exit_1(seed_graph):
    result = runner.invoke(app, ["explain", "Nobody Atall", "--graph", str(seed_graph)])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    with pytest.raises(PersonNotFoundError, match="similar: Chris Van Hollen"):
        explain_person(load_graph(seed_graph), "Van")


def test_explain_several_matches_are_listed_and_exit_1(tmp_path):
    # two surname-only people of different articles that resolution keeps apart, both labelled "Holloway"
    (tmp_path / "a.txt").write_text(
        "Deal\n\nSen. Holloway (D-Ore.) said in a statement that it was overdue.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Other\n\nRep. Holloway (R-Texas) said in a statement that it was late.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--out", str(out)]).exit_code == 0
    graph = load_graph(out / "graph.ttl")
    with pytest.raises(AmbiguousNameError, match="Holloway.*give a fuller name"):
        explain_person(graph, "Holloway")
    result = runner.invoke(app, ["explain", "holloway", "--graph", str(out / "graph.ttl")])
    assert result.exit_code == 1 and "2 people" in result.output


def test_explain_shows_gazetteer_ids_apart_from_article_facts(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Deal\n\nSen. Jane Holloway (D-Ore.) said in a statement that it was overdue.\n", encoding="utf-8")
    out = tmp_path / "out"
    ran = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(out),
                              "--gazetteer", str(FIXTURES / "congress.yaml")])
    assert ran.exit_code == 0 and "(1 linked to the gazetteer, 0 ambiguous, 0 unlinked)" in ran.output
    text = format_explanation(explain_person(load_graph(out / "graph.ttl"), "Jane Holloway"))
    assert "Public ids (from the gazetteer, not from any article)" in text
    assert "bioguide id: H000001" in text and "official name: Jane M. Holloway" in text
