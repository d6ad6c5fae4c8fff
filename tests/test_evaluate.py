"""evaluate gives known scores on a hand-built graph, and agrees with the independent scorer."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuild.errors import GoldFileError
from graphbuild.evaluate import (
    GoldFact,
    article_key,
    evaluate,
    format_report,
    load_gold,
    name_key,
    names_match,
    party_letter,
    roles_match,
)
from graphbuild.model import Article, ArticleFacts, Assertion, Event, Person, PersonRef, Span
from graphbuild.rdf import to_graph, write_turtle

SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score.py"
needs_scorer = pytest.mark.skipif(not SCORER.is_file(), reason=f"independent scorer not found at {SCORER}")

# ---------------------------------------------------------------- records

ARTICLE = "hill_01.txt"
SENTENCES = {
    "statement": "Schumer, Durbin and Menendez said in a joint statement that the deal is dead.",
    "bill": "Schumer and Durbin introduced the Dream Act.",
    "tweet": "Schumer wrote on Twitter that it was a sad day.",
    "tags": "Senate Minority Leader Charles Schumer (D-N.Y.) and Sen. Bob Menendez (R-N.J.) spoke.",
}
TEXT = " ".join(SENTENCES.values())


def evidence(which: str, article: str = ARTICLE, text: str = TEXT) -> Span:
    sentence = SENTENCES[which]
    start = text.index(sentence) if sentence in text else 0
    return Span(article, start, start + len(sentence), sentence)


def person(label: str, articles: tuple[str, ...] = (ARTICLE,)) -> Person:
    return Person(label.lower().replace(" ", "-"), label, (), tuple((a, label) for a in articles))


def hill_facts() -> ArticleFacts:
    statement = Event(ARTICLE, "Statement", "statement-1", "joint statement", evidence("statement"), "statements.v1")
    bill = Event(ARTICLE, "Bill", "bill-dream-act", "Dream Act", evidence("bill"), "bills.v1")
    tweet = Event(ARTICLE, "Tweet", "tweet-1", "tweet", evidence("tweet"), "tweets.v1")

    def says(subject, predicate, value, which, extractor):
        return Assertion(subject, predicate, value, evidence(which), extractor)

    assertions = (
        *(says(n, "signedStatement", statement, "statement", "statements.v1")
          for n in ("Chuck Schumer", "Dick Durbin", "Bob Menendez")),
        says("Chuck Schumer", "sponsors", bill, "bill", "bills.v1"),
        says("Dick Durbin", "sponsors", bill, "bill", "bills.v1"),
        says("Chuck Schumer", "posted", tweet, "tweet", "tweets.v1"),
        says("Chuck Schumer", "party", "D", "tags", "tags.v1"),
        says("Dick Durbin", "party", "D", "tags", "tags.v1"),
        says("Bob Menendez", "party", "R", "tags", "tags.v1"),
        says("Chuck Schumer", "state", "NY", "tags", "tags.v1"),
        says("Chuck Schumer", "role", "senate minority leader", "tags", "titles.v1"),
        says("Dick Durbin", "role", "senator", "tags", "titles.v1"),
        says("Bob Menendez", "role", "chairman", "tags", "titles.v1"),
    )
    names = ("Chuck Schumer", "Dick Durbin", "Bob Menendez")
    return ArticleFacts(Article(ARTICLE, "Dream Act", TEXT), tuple(PersonRef(ARTICLE, n, ()) for n in names),
                        (statement, bill, tweet), assertions)


def hill_graph():
    return to_graph([hill_facts()], [person(n) for n in ("Chuck Schumer", "Dick Durbin", "Bob Menendez")])


GOLD_LINES = [
    {"article": "hill_01.txt", "rel": "signed_statement", "subject": "Chuck Schumer", "object": "deal", "group": "S1"},
    {"article": "hill_01", "rel": "signed_statement", "subject": "Richard J. Durbin", "object": "deal", "group": "S1"},
    {"article": "hill_01.txt", "rel": "signed_statement", "subject": "Ben Cardin", "object": "deal", "group": "S1"},
    {"article": "hill_01.txt", "rel": "sponsors_bill", "subject": "Chuck Schumer", "object": "Dream Act", "group": "B"},
    {"article": "hill_01.txt", "rel": "sponsors_bill", "subject": "Dick Durbin", "object": "Dream Act", "group": "B"},
    {"article": "hill_01.txt", "rel": "cosponsors_bill_with", "subject": "Dick Durbin", "object": "Chuck Schumer", "group": "B"},
    {"article": "hill_01.txt", "rel": "party", "subject": "Chuck Schumer", "object": "D"},
    {"article": "hill_01.txt", "rel": "party", "subject": "Dick Durbin", "object": "D"},
    {"article": "hill_01.txt", "rel": "party", "subject": "Bob Menendez", "object": "D"},
    {"article": "hill_01.txt", "rel": "state", "subject": "Chuck Schumer", "object": "NY"},
    {"article": "hill_01.txt", "rel": "state", "subject": "Dick Durbin", "object": "IL"},
    {"article": "hill_01.txt", "rel": "role", "subject": "Chuck Schumer", "object": "minority leader"},
    {"article": "hill_01.txt", "rel": "role", "subject": "Dick Durbin", "object": "minority whip"},
]

# relation: (gold, predicted, gold found, predictions correct)
EXPECTED_COUNTS = {
    "signed_statement": (3, 3, 2, 2),
    "sponsors_bill": (2, 2, 2, 2),
    "cosponsors_bill_with": (1, 1, 1, 1),
    "party": (3, 3, 2, 2),
    "state": (2, 1, 1, 1),
    "role": (2, 2, 1, 1),
}


def write_gold(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture
def report(tmp_path: Path):
    return evaluate(load_gold(write_gold(tmp_path / "gold.jsonl", GOLD_LINES)), hill_graph())


# ---------------------------------------------------------------- known scores


def test_evaluate_counts_per_relation(report):
    counts = {s.relation: (s.gold, s.predicted, s.gold_found, s.predicted_correct) for s in report.relations}
    assert counts == EXPECTED_COUNTS


def test_evaluate_precision_recall_f1(report):
    scores = {s.relation: s for s in report.relations}
    assert scores["signed_statement"].precision == pytest.approx(2 / 3)
    assert scores["state"].precision == 1.0
    assert scores["state"].recall == 0.5
    assert scores["state"].f1 == pytest.approx(2 / 3)
    assert report.overall.precision == pytest.approx(9 / 12)
    assert report.overall.recall == pytest.approx(9 / 13)
    assert report.overall.f1 == pytest.approx(2 * (9 / 12) * (9 / 13) / (9 / 12 + 9 / 13))


def test_evaluate_scores_only_relations_in_the_gold(report):
    assert "tweeted" not in {s.relation for s in report.relations}


def test_evaluate_lists_missed_gold_lines(report):
    missed = {(fact.rel, fact.subject, fact.object) for fact in report.missed}
    assert missed == {("signed_statement", "Ben Cardin", "deal"), ("party", "Bob Menendez", "D"),
                      ("state", "Dick Durbin", "IL"), ("role", "Dick Durbin", "minority whip")}
    assert all(fact.text == json.dumps(GOLD_LINES[fact.line - 1]) for fact in report.missed)


def test_evaluate_invented_facts_carry_evidence_and_extractor(report):
    invented = {(p.rel, p.subject, p.object): p.evidence for p in report.invented}
    assert set(invented) == {("signed_statement", "Bob Menendez", "joint statement"), ("party", "Bob Menendez", "R"),
                             ("role", "Dick Durbin", "senator")}
    [statement] = invented[("signed_statement", "Bob Menendez", "joint statement")]
    assert (statement.article, statement.sentence, statement.extractor) == (ARTICLE, SENTENCES["statement"], "statements.v1")
    [party] = invented[("party", "Bob Menendez", "R")]
    assert (party.sentence, party.extractor) == (SENTENCES["tags"], "tags.v1")


def test_evaluate_report_text(report):
    text = format_report(report)
    assert text.splitlines()[0].split() == ["relation", "P", "R", "F1", "gold", "pred"]
    assert "micro" in text and "0.750" in text
    assert "Ben Cardin" in text and "tags.v1" in text and SENTENCES["statement"] in text


# ---------------------------------------------------------------- matching rules


@pytest.mark.parametrize("gold, predicted, expected", [
    ("Chuck Schumer", "Charles E. Schumer", True),
    ("Dick Durbin", "Richard (Dick) Joseph Durbin", True),
    ("Chris Coons", "Christopher A. Coons", True),
    ("Tim Scott", "Scott", True),
    ("Tim Scott", "Rick Scott", False),
    ("Donald Trump", "Donald Trump Jr.", False),
    ("Donald Trump Jr.", "Donald John Trump Jr.", True),
    ("J.D. Vance", "James Vance", True),
    ("Sen. Kyrsten Sinema", "Kyrsten Sinema", True),
    ("Mark Kelly", "Kelly Loeffler", False),
    ("Ángel Cabrera", "Angel Cabrera", True),
])
def test_evaluate_name_matching(gold, predicted, expected):
    assert names_match(name_key(gold), name_key(predicted)) is expected


@pytest.mark.parametrize("gold, predicted, expected", [
    ("minority leader", "senate minority leader", True),
    ("senator", "senator", True),
    ("national security advisor", "national security adviser", True),
    ("minority whip", "senator", False),
    ("chairman of the senate finance committee", "chairman", True),
    ("the", "senate", False),
])
def test_evaluate_role_matching(gold, predicted, expected):
    assert roles_match(gold, predicted) is expected


@pytest.mark.parametrize("identifier, key", [
    ("hill_01.txt", "hill_01"), ("articles/html_02.html", "html_02"), ("hill_01", "hill_01"),
    ("corpus_digest.jsonl#cwd-1", "corpus_digest.jsonl#cwd-1"),
])
def test_evaluate_article_keys(identifier, key):
    assert article_key(identifier) == key


@pytest.mark.parametrize("value, letter", [
    ("D", "D"), ("https://w3id.org/graphbuild/ontology#DemocraticParty", "D"), ("Republican Party", "R"),
    ("GOP", "R"), ("Independent", "I"), ("Libertarian", "L"),
])
def test_evaluate_party_letters(value, letter):
    assert party_letter(value) == letter


# ---------------------------------------------------------------- gold files


@pytest.mark.parametrize("line, problem", [
    ('{"article": "a", "rel": "party"', "not valid JSON"),
    ('["a", "party"]', "JSON object"),
    ('{"article": "a", "rel": "party", "subject": "X"}', "'object'"),
    ('{"article": "a", "rel": "likes", "subject": "X", "object": "Y"}', "signed_statement"),
])
def test_evaluate_bad_gold_line_names_file_and_line(tmp_path: Path, line: str, problem: str):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD_LINES[0]) + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(GoldFileError, match=rf"gold.jsonl:3: .*{problem}"):
        load_gold(path)


def test_evaluate_missing_gold_file(tmp_path: Path):
    with pytest.raises(GoldFileError, match="missing.jsonl"):
        load_gold(tmp_path / "missing.jsonl")


def test_evaluate_gold_keeps_line_numbers(tmp_path: Path):
    facts = load_gold(write_gold(tmp_path / "gold.jsonl", GOLD_LINES[:2]))
    assert facts[1] == GoldFact("hill_01", "signed_statement", "Richard J. Durbin", "deal", "S1", 2,
                                json.dumps(GOLD_LINES[1]))


# ---------------------------------------------------------------- agreement with score.py


def scorer_json(gold: Path, graph: Path) -> dict:
    done = subprocess.run([sys.executable, str(SCORER), str(gold), str(graph), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def as_scorer_json(report) -> dict:
    def entry(score):
        return dict(P=round(score.precision, 3), R=round(score.recall, 3), F1=round(score.f1, 3),
                    gold=score.gold, pred=score.predicted)

    return {**{s.relation: entry(s) for s in report.relations}, "micro": entry(report.overall)}


@needs_scorer
def test_evaluate_agrees_with_score_py(tmp_path: Path):
    gold = write_gold(tmp_path / "gold.jsonl", GOLD_LINES)
    graph = hill_graph()
    write_turtle(graph, tmp_path / "graph.ttl")
    assert as_scorer_json(evaluate(load_gold(gold), graph)) == scorer_json(gold, tmp_path / "graph.ttl")


# Names on which graphbuild.names and the scorer's nickname tables agree.
NAME_POOL = ["Chuck Schumer", "Charles Schumer", "Dick Durbin", "Tim Scott", "Rick Scott", "Scott",
             "Donald Trump", "Donald Trump Jr.", "J.D. Vance", "Chris Van Hollen", "Van Hollen",
             "Bob Menendez", "Robert Menendez", "Mark Kelly", "Kelly Loeffler"]
ROLE_POOL = ["senator", "senate minority leader", "minority leader", "chairman of the senate finance committee",
             "chairman", "former president", "president", "the senate"]
PARTY_POOL = ["D", "R", "I", "Democrat", "GOP"]
STATE_POOL = ["NY", "IL", "SC", "ny"]
ARTICLES = ["a1.txt", "a2.html", "digest.jsonl#x"]


def load_scorer():
    spec = importlib.util.spec_from_file_location("independent_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def random_facts(draw, article: str, names: list[str]) -> ArticleFacts:
    sentence = Span(article, 0, 9, "They did.")
    events = [Event(article, kind, f"{kind.lower()}-{i}", kind, sentence, "rules.v1")
              for i, kind in enumerate(draw(st.lists(st.sampled_from(["Statement", "Bill", "Tweet", "Briefing"]), max_size=3)))]
    relation = {"Statement": "signedStatement", "Bill": "sponsors", "Tweet": "posted", "Briefing": "attendedBriefing"}
    assertions = [Assertion(name, relation[e.kind], e, sentence, "rules.v1")
                  for e in events for name in draw(st.lists(st.sampled_from(names), max_size=4, unique=True))]
    for name in draw(st.lists(st.sampled_from(names), max_size=3)):
        predicate = draw(st.sampled_from(["party", "state", "role"]))
        value = draw(st.sampled_from({"party": ["D", "R", "I"], "state": STATE_POOL[:3], "role": ROLE_POOL}[predicate]))
        assertions.append(Assertion(name, predicate, value, sentence, "tags.v1"))
    return ArticleFacts(Article(article, "", "They did."), tuple(PersonRef(article, n, ()) for n in names),
                        tuple(events), tuple(assertions))


@st.composite
def graphs_and_gold(draw):
    names = draw(st.lists(st.sampled_from(NAME_POOL), min_size=2, max_size=6, unique=True))
    facts = [random_facts(draw, article, names) for article in ARTICLES]
    people = [Person(f"p{i}", name, (), tuple((a, name) for a in ARTICLES)) for i, name in enumerate(names)]
    gold = []
    for _ in range(draw(st.integers(1, 12))):
        rel = draw(st.sampled_from(["signed_statement", "sponsors_bill", "tweeted", "attended_briefing",
                                    "cosponsors_bill_with", "party", "state", "role"]))
        values = {"party": PARTY_POOL, "state": STATE_POOL, "role": ROLE_POOL}.get(rel, NAME_POOL)
        gold.append({"article": draw(st.sampled_from(ARTICLES + ["a1"])), "rel": rel,
                     "subject": draw(st.sampled_from(NAME_POOL)), "object": draw(st.sampled_from(values))})
    return to_graph(facts, people), gold


@needs_scorer
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=graphs_and_gold())
def test_evaluate_counts_equal_score_py_on_random_graphs(case, tmp_path: Path):
    graph, gold_lines = case
    scorer = load_scorer()
    write_turtle(graph, tmp_path / "graph.ttl")
    gold_path = write_gold(tmp_path / "gold.jsonl", gold_lines)
    expected = scorer.score(
        [dict(line, article=scorer.art_id(line["article"])) for line in gold_lines],
        scorer.predicted(str(tmp_path / "graph.ttl"), {}),
    )
    report = evaluate(load_gold(gold_path), graph)
    ours = {s.relation: [s.predicted_correct, s.gold, s.predicted, s.gold_found] for s in report.relations}
    assert ours == {rel: [tpp, gold, pred, tp] for rel, (tp, gold, pred, tpp) in expected.items()}
