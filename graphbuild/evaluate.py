"""Score a built graph against gold facts: precision, recall and F1 per relation.

The matching follows the independent scorer (shared/tools/score.py):

- event relations match per (article, person): which event of the article
  does not matter;
- cosponsors_bill_with matches unordered pairs of people who sponsor one Bill
  node of the article;
- party, state and role match corpus-wide per (person, value); roles match by
  word overlap, and predicted roles of people the gold has no role for are
  not judged;
- article ids match without a file extension ("h01" matches "h01.txt");
- person names match by surname and a nickname-aware first name.

Facts are counted once per matching key, as sets, and only relations that
occur in the gold are scored. Precision counts predictions that match some
gold fact, recall gold facts that match some prediction.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Callable, Hashable, Iterable, Iterator

from rdflib import RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from graphbuild.errors import GoldFileError
from graphbuild.names import formal_given_name
from graphbuild.vocab import GB

EVENT_PROPERTIES = {
    "signed_statement": GB.signedStatement,
    "tweeted": GB.posted,
    "sent_letter": GB.sentLetter,
    "sponsors_bill": GB.sponsors,
    "attended_briefing": GB.attendedBriefing,
    "testified_at_hearing": GB.testifiedAt,
}
"""Gold event relation -> the gb: property linking a person to the event."""

ATTRIBUTE_PROPERTIES = {"party": GB.party, "state": GB.state, "role": GB.role}

PAIR_RELATION = "cosponsors_bill_with"

RELATIONS = (
    "signed_statement", "tweeted", "sent_letter", "sponsors_bill", PAIR_RELATION,
    "attended_briefing", "testified_at_hearing", "party", "state", "role",
)
"""Every relation a gold file may use, in report order."""

PARTY_WORDS = {
    "d": "D", "democrat": "D", "democratic": "D", "democraticparty": "D",
    "r": "R", "republican": "R", "republicanparty": "R", "gop": "R",
    "i": "I", "independent": "I",
}
NAME_TITLES = re.compile(r"^(sen|sens|rep|reps|dr|mr|mrs|ms|gov|president|secretary)\.?\s+")
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
ROLE_STOPWORDS = {"the", "of", "u", "s", "us", "senate", "sen"}


@dataclass(frozen=True)
class GoldFact:
    """One line of a gold file."""

    article: str
    rel: str
    subject: str
    object: str
    group: str | None
    line: int
    """1-based line number in the gold file."""
    text: str
    """The line as written."""


@dataclass(frozen=True)
class Evidence:
    """Where a predicted fact comes from: the article, sentence and rule."""

    article: str
    sentence: str
    extractor: str


@dataclass(frozen=True)
class Prediction:
    """A fact the graph states, in the gold's terms."""

    rel: str
    article: str | None
    """Article id without extension; None for attributes, which are corpus-wide."""
    subject: str
    """rdfs:label of the person."""
    object: str
    """Event IRI, the other person's label, or the normalized attribute value."""
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class RelationScore:
    """Counts and scores for one relation (or "micro" for all of them)."""

    relation: str
    gold: int
    predicted: int
    gold_found: int
    """Gold facts some prediction matches (recall's numerator)."""
    predicted_correct: int
    """Predictions some gold fact matches (precision's numerator)."""

    @property
    def precision(self) -> float:
        return self.predicted_correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class EvalReport:
    """Scores per relation and overall, with every missed and invented fact."""

    relations: tuple[RelationScore, ...]
    overall: RelationScore
    missed: tuple[GoldFact, ...]
    invented: tuple[Prediction, ...]


@dataclass(frozen=True)
class NameKey:
    """A person's name reduced for tolerant matching."""

    first: str | None
    """Formal given name ("charles" for "Chuck"); None when only a surname is known."""
    last: str
    """Last word of the surname, with " jr" for juniors (Donald Trump Jr. is not Donald Trump)."""


# ---------------------------------------------------------------- gold


def load_gold(path: Path | str) -> list[GoldFact]:
    """Read a gold file: one JSON object per line, blank lines ignored."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise GoldFileError(f"cannot read gold file {path}: {error}") from error
    return [_gold_fact(path, number, line) for number, line in enumerate(lines, 1) if line.strip()]


def _gold_fact(path: Path, number: int, line: str) -> GoldFact:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise GoldFileError(f"{path}:{number}: not valid JSON: {error}") from error
    if not isinstance(record, dict):
        raise GoldFileError(f"{path}:{number}: expected a JSON object")
    for field in ("article", "rel", "subject", "object"):
        if not isinstance(record.get(field), str):
            raise GoldFileError(f"{path}:{number}: field {field!r} must be a string")
    if record["rel"] not in RELATIONS:
        raise GoldFileError(f"{path}:{number}: rel {record['rel']!r} is not one of {', '.join(RELATIONS)}")
    group = record.get("group")
    return GoldFact(record["article"], record["rel"], record["subject"], record["object"],
                    None if group is None else str(group), number, line)


# ---------------------------------------------------------------- matching


def article_key(identifier: str) -> str:
    """An article id as gold and graph are compared: "dir/h01.txt" -> "h01"; "x.jsonl#id" stays."""
    if "#" in identifier:
        return identifier
    return re.sub(r"\.(txt|html?|json)$", "", identifier.rsplit("/", 1)[-1])


def name_key(name: str) -> NameKey | None:
    """Reduce a name to surname and formal given name; None when nothing is left."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\([^)]*\)", " ", text)
    text = NAME_TITLES.sub("", re.sub(r"[\"']", " ", text))
    words = [word for word in re.split(r"[\s.,]+", text) if word]
    junior = "jr" in words
    words = [word for word in words if word not in NAME_SUFFIXES]
    if not words:
        return None
    first = formal_given_name(words[0]) if len(words) > 1 else None
    return NameKey(first, words[-1] + (" jr" if junior else ""))


def names_match(gold: NameKey | None, predicted: NameKey | None) -> bool:
    """Same surname, and first names agree: equal, an initial, or one side has none."""
    if gold is None or predicted is None or gold.last != predicted.last:
        return False
    if gold.first is None or predicted.first is None:
        return True
    if gold.first == predicted.first:
        return True
    one_is_initials = len(gold.first) <= 2 or len(predicted.first) <= 2
    return gold.first[:1] == predicted.first[:1] and one_is_initials


def party_letter(value: str) -> str:
    """"D", "R" or "I" for a party IRI, label or letter; else the first letter."""
    local = value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    word = re.sub(r"[^a-z]", "", local.lower())
    return PARTY_WORDS.get(word, word.upper()[:1])


def roles_match(gold: str, predicted: str) -> bool:
    """One role's words include the other's, ignoring "the", "of", "senate" ..."""
    gold_words, predicted_words = _role_words(gold), _role_words(predicted)
    if not gold_words or not predicted_words:
        return False
    return gold_words <= predicted_words or predicted_words <= gold_words


def _role_words(role: str) -> set[str]:
    text = role.lower().replace("advisor", "adviser")
    return set(re.sub(r"[^a-z ]", " ", text).split()) - ROLE_STOPWORDS


def _gold_value(fact: GoldFact) -> str:
    if fact.rel == "party":
        return party_letter(fact.object)
    return fact.object.upper() if fact.rel == "state" else fact.object


def _event_match(gold: tuple, predicted: tuple) -> bool:
    return gold[0] == predicted[0] and names_match(gold[1], predicted[1])


def _pair_match(gold: tuple, predicted: tuple) -> bool:
    (gold_article, gold_pair), (predicted_article, predicted_pair) = gold, predicted
    if gold_article != predicted_article or len(gold_pair) != 2 or len(predicted_pair) != 2:
        return False
    (g1, g2), (p1, p2) = gold_pair, predicted_pair
    return (names_match(g1, p1) and names_match(g2, p2)) or (names_match(g1, p2) and names_match(g2, p1))


def _attribute_match(equal: Callable[[str, str], bool]) -> Callable[[tuple, tuple], bool]:
    return lambda gold, predicted: names_match(gold[0], predicted[0]) and equal(gold[1], predicted[1])


def _gold_key(fact: GoldFact) -> Hashable:
    if fact.rel == PAIR_RELATION:
        return (article_key(fact.article), frozenset((name_key(fact.subject), name_key(fact.object))))
    if fact.rel in EVENT_PROPERTIES:
        return (article_key(fact.article), name_key(fact.subject))
    return (name_key(fact.subject), _gold_value(fact))


def _predicted_key(prediction: Prediction) -> Hashable:
    if prediction.rel == PAIR_RELATION:
        return (prediction.article, frozenset((name_key(prediction.subject), name_key(prediction.object))))
    if prediction.rel in EVENT_PROPERTIES:
        return (prediction.article, name_key(prediction.subject))
    return (name_key(prediction.subject), prediction.object)


def _matcher(rel: str) -> Callable[[tuple, tuple], bool]:
    if rel == PAIR_RELATION:
        return _pair_match
    if rel in EVENT_PROPERTIES:
        return _event_match
    return _attribute_match(roles_match if rel == "role" else str.__eq__)


# ---------------------------------------------------------------- graph


def read_predictions(graph: Graph) -> list[Prediction]:
    """Every fact the graph states that a gold file can score, with its evidence."""
    claims = _claim_evidence(graph)
    return [
        *_event_predictions(graph, claims),
        *_pair_predictions(graph),
        *_attribute_predictions(graph, claims),
    ]


def _event_predictions(graph: Graph, claims: dict) -> Iterator[Prediction]:
    for rel, prop in EVENT_PROPERTIES.items():
        for person, event in graph.subject_objects(prop):
            evidence = claims.get((person, prop, event)) or _evidence_of(graph, event)
            for article, label in _product(_article_ids(graph, event), _labels(graph, person)):
                yield Prediction(rel, article_key(article), label, _label_or_iri(graph, event), evidence)


def _pair_predictions(graph: Graph) -> Iterator[Prediction]:
    """Both orders of every two sponsors of one bill node (as the scorer reads them)."""
    for bill in sorted(set(graph.objects(None, GB.sponsors))):
        sponsors = sorted(set(graph.subjects(GB.sponsors, bill)))
        evidence = _evidence_of(graph, bill)
        for first in sponsors:
            for second in (s for s in sponsors if s != first):
                for article, one, other in _product(
                    _article_ids(graph, bill), _labels(graph, first), _labels(graph, second)
                ):
                    yield Prediction(PAIR_RELATION, article_key(article), one, other, evidence)


def _attribute_predictions(graph: Graph, claims: dict) -> Iterator[Prediction]:
    for rel, prop in ATTRIBUTE_PROPERTIES.items():
        for person, value in graph.subject_objects(prop):
            evidence = claims.get((person, prop, value), ())
            normalized = _predicted_value(graph, rel, value)
            for label in _labels(graph, person):
                yield Prediction(rel, None, label, normalized, evidence)


def _predicted_value(graph: Graph, rel: str, value: Node) -> str:
    label = graph.value(value, RDFS.label) if isinstance(value, URIRef) else None
    if rel == "party":
        return party_letter(str(label or value))
    if rel == "state":
        return str(value).rsplit("/", 1)[-1].rsplit("#", 1)[-1].upper()[-2:]
    return str(label or value)


def _claim_evidence(graph: Graph) -> dict[tuple[Node, Node, Node], tuple[Evidence, ...]]:
    """(person, property, value) -> the evidence of every claim that states it."""
    index: dict[tuple[Node, Node, Node], set[Evidence]] = defaultdict(set)
    for claim in set(graph.subjects(GB.about, None)):
        for key in _product(
            graph.objects(claim, GB.about),
            graph.objects(claim, GB.claimedProperty),
            graph.objects(claim, GB.claimedValue),
        ):
            index[key].update(_evidence_of(graph, claim))
    return {key: tuple(sorted(found, key=_evidence_order)) for key, found in index.items()}


def _evidence_of(graph: Graph, node: Node) -> tuple[Evidence, ...]:
    sentence = _first(graph.objects(node, GB.evidence))
    if sentence is None:
        return ()
    article = _first(_article_ids(graph, node)) or ""
    extractor = _first(graph.objects(node, GB.extractor)) or ""
    return (Evidence(article, sentence, extractor),)


def _article_ids(graph: Graph, node: Node) -> list[str]:
    return sorted(
        str(identifier)
        for article in graph.objects(node, GB.reportedIn)
        for identifier in graph.objects(article, DCTERMS.identifier)
    )


def _labels(graph: Graph, node: Node) -> list[str]:
    return sorted(str(label) for label in graph.objects(node, RDFS.label))


def _label_or_iri(graph: Graph, node: Node) -> str:
    return _first(graph.objects(node, RDFS.label)) or str(node)


def _first(values: Iterable) -> str | None:
    return min((str(value) for value in values), default=None)


def _product(*columns: Iterable) -> Iterator[tuple]:
    """itertools.product over fresh lists (rdflib generators can be read once)."""
    return product(*(list(column) for column in columns))


def _evidence_order(evidence: Evidence) -> tuple[str, str, str]:
    return (evidence.article, evidence.sentence, evidence.extractor)


# ---------------------------------------------------------------- scoring


def evaluate(gold: Iterable[GoldFact], graph: Graph) -> EvalReport:
    """Score graph against gold facts; see the module docstring for how facts match."""
    gold = list(gold)
    predictions = read_predictions(graph)
    scored = [rel for rel in RELATIONS if any(fact.rel == rel for fact in gold)]
    results = [
        _score_relation(rel, [f for f in gold if f.rel == rel], [p for p in predictions if p.rel == rel])
        for rel in scored
    ]
    scores = tuple(score for score, _, _ in results)
    return EvalReport(
        relations=scores,
        overall=_micro(scores),
        missed=tuple(fact for _, missed, _ in results for fact in missed),
        invented=tuple(prediction for _, _, invented in results for prediction in invented),
    )


def _score_relation(
    rel: str, gold: list[GoldFact], predictions: list[Prediction]
) -> tuple[RelationScore, list[GoldFact], list[Prediction]]:
    gold_by_key = {}
    for fact in sorted(gold, key=lambda fact: fact.line):
        gold_by_key.setdefault(_gold_key(fact), fact)
    predicted_by_key = _merge_by_key(predictions)
    if rel == "role":
        predicted_by_key = _judged_roles(predicted_by_key, gold_by_key)
    match = _matcher(rel)
    missed = [fact for key, fact in gold_by_key.items() if not any(match(key, p) for p in predicted_by_key)]
    invented = [pred for key, pred in predicted_by_key.items() if not any(match(g, key) for g in gold_by_key)]
    score = RelationScore(rel, len(gold_by_key), len(predicted_by_key),
                          len(gold_by_key) - len(missed), len(predicted_by_key) - len(invented))
    return score, missed, invented


def _merge_by_key(predictions: list[Prediction]) -> dict[Hashable, Prediction]:
    """One prediction per matching key, carrying the evidence of all that share it."""
    grouped: dict[Hashable, list[Prediction]] = defaultdict(list)
    for prediction in sorted(predictions, key=_prediction_order):
        grouped[_predicted_key(prediction)].append(prediction)
    merged = {}
    for key, group in grouped.items():
        evidence = sorted({e for p in group for e in p.evidence}, key=_evidence_order)
        first = group[0]
        merged[key] = Prediction(first.rel, first.article, first.subject, first.object, tuple(evidence))
    return merged


def _judged_roles(predicted: dict[Hashable, Prediction], gold: dict) -> dict[Hashable, Prediction]:
    """Only roles of people the gold gives some role to are judged."""
    gold_people = {name for name, _ in gold}
    return {
        key: prediction for key, prediction in predicted.items()
        if any(names_match(person, key[0]) for person in gold_people)
    }


def _micro(scores: tuple[RelationScore, ...]) -> RelationScore:
    return RelationScore(
        "micro",
        sum(s.gold for s in scores),
        sum(s.predicted for s in scores),
        sum(s.gold_found for s in scores),
        sum(s.predicted_correct for s in scores),
    )


def _prediction_order(prediction: Prediction) -> tuple[str, str, str]:
    return (prediction.article or "", prediction.subject, prediction.object)


# ---------------------------------------------------------------- report


def format_report(report: EvalReport) -> str:
    """The report as text: a per-relation table, then missed and invented facts."""
    lines = [f"{'relation':<22} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
    lines.extend(_score_line(score) for score in (*report.relations, report.overall))
    lines.append("")
    lines.append(f"missed: {len(report.missed)} gold facts no prediction matches")
    lines.extend(f"  line {fact.line}: {fact.text.strip()}" for fact in report.missed)
    lines.append("")
    lines.append(f"invented: {len(report.invented)} predictions no gold fact matches")
    for prediction in report.invented:
        lines.extend(_invented_lines(prediction))
    return "\n".join(lines) + "\n"


def _score_line(score: RelationScore) -> str:
    return (f"{score.relation:<22} {score.precision:>6.3f} {score.recall:>6.3f} "
            f"{score.f1:>6.3f} {score.gold:>5} {score.predicted:>5}")


def _invented_lines(prediction: Prediction) -> list[str]:
    where = f" in {prediction.article}" if prediction.article else ""
    lines = [f"  {prediction.rel}: {prediction.subject} -> {prediction.object}{where}"]
    lines.extend(f"      {e.article} [{e.extractor}] {e.sentence!r}" for e in prediction.evidence)
    return lines
