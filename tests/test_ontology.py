"""The ontology parses, documents every term, and agrees with vocab.py and the code that uses it."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import FOAF, PROV

from graphbuild import model
from graphbuild.vocab import GB

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY_PATH = ROOT / "ontology" / "graphbuild.ttl"
GB_IRI = "https://w3id.org/graphbuild/ontology#"
SCHEMA = "https://schema.org/"

PINNED_TERMS = """
    Article Person Senator Representative Official Party Organization Event Statement
    Tweet Letter Bill Briefing Hearing Claim DemocraticParty RepublicanParty Independent
    signedStatement posted sentLetter sponsors attendedBriefing testifiedAt addressedTo
    cosponsorsBillWith coSignedWith party state role mentionedIn reportedIn evidence
    evidenceStart evidenceEnd extractor about claimedProperty claimedValue
""".split()
"""Terms other modules already import: none may disappear."""


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


def gb_terms(ontology: Graph) -> set[str]:
    return {str(s)[len(GB_IRI):] for s in ontology.subjects() if isinstance(s, URIRef) and s.startswith(GB_IRI)}


def load_gen_vocab():
    spec = importlib.util.spec_from_file_location("gen_vocab", ROOT / "scripts" / "gen_vocab.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ontology_has_a_versioned_documented_header(ontology):
    header = URIRef("https://w3id.org/graphbuild/ontology")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionInfo) is not None
    assert len(str(ontology.value(header, RDFS.comment))) > 200


def test_ontology_every_term_has_label_and_comment(ontology):
    undocumented = sorted(
        term for term in gb_terms(ontology)
        if ontology.value(GB[term], RDFS.label) is None or ontology.value(GB[term], RDFS.comment) is None
    )
    assert not undocumented


def test_ontology_every_term_is_declared(ontology):
    untyped = sorted(term for term in gb_terms(ontology) if ontology.value(GB[term], RDF.type) is None)
    assert not untyped


def test_ontology_keeps_every_pinned_term(ontology):
    assert set(PINNED_TERMS) <= gb_terms(ontology)


def test_ontology_vocab_py_is_what_gen_vocab_writes_now():
    expected = load_gen_vocab().render_vocab(ONTOLOGY_PATH)
    assert (ROOT / "graphbuild" / "vocab.py").read_text(encoding="utf-8") == expected, (
        "graphbuild/vocab.py is out of date: run scripts/gen_vocab.py"
    )


@pytest.mark.parametrize("term, parent", [
    ("Person", URIRef(SCHEMA + "Person")),
    ("Person", FOAF.Person),
    ("Article", URIRef(SCHEMA + "NewsArticle")),
    ("Senator", GB.Person),
    ("Statement", GB.Event),
    ("Hearing", GB.Event),
])
def test_ontology_class_alignment(ontology, term, parent):
    assert (GB[term], RDFS.subClassOf, parent) in ontology


def test_ontology_provenance_and_symmetry(ontology):
    assert (GB.reportedIn, RDFS.subPropertyOf, PROV.wasDerivedFrom) in ontology
    assert (GB.cosponsorsBillWith, RDF.type, OWL.SymmetricProperty) in ontology
    assert (GB.coSignedWith, RDF.type, OWL.SymmetricProperty) in ontology


def test_ontology_parties_are_labelled_party_individuals(ontology):
    for party in (GB.DemocraticParty, GB.RepublicanParty, GB.Independent):
        assert (party, RDF.type, GB.Party) in ontology


def terms_used_in_code() -> set[str]:
    used = set()
    for module in ("rdf.py", "query.py", "evaluate.py"):
        used |= set(re.findall(r"\bGB\.(\w+)", (ROOT / "graphbuild" / module).read_text(encoding="utf-8")))
    for query in (ROOT / "queries").glob("*.rq"):
        used |= set(re.findall(r"\bgb:(\w+)", query.read_text(encoding="utf-8")))
    used |= set(model.EVENT_KINDS) | set(model.EVENT_RELATIONS.values()) | set(model.ATTRIBUTE_RELATIONS)
    return used - {"_NS"}


def test_ontology_defines_every_term_the_code_uses(ontology):
    assert terms_used_in_code(), "found no gb: terms: the scan is broken"
    assert not sorted(terms_used_in_code() - gb_terms(ontology))
