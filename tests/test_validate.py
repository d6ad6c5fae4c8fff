"""SHACL validation (ontology/shapes.ttl, graphbuild validate) and the ontology in an OWL tool."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from typer.testing import CliRunner

from graphbuild.cli import app
import graphbuild.validate as validate_module
from graphbuild.validate import SHAPES_PATH, format_report, load_shapes, validate_file, validate_graph
from graphbuild.vocab import GB

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY_PATH = ROOT / "ontology" / "graphbuild.ttl"
SEED_GRAPH = ROOT / "tests" / "expected" / "seed.ttl"
GB_IRI = "https://w3id.org/graphbuild/ontology#"
ID = "https://w3id.org/graphbuild/id/"
runner = CliRunner()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


@pytest.fixture
def seed() -> Graph:
    return Graph().parse(SEED_GRAPH, format="turtle")


def person(name: str) -> URIRef:
    return URIRef(f"{ID}person/{name}")


def violations_of(graph: Graph, shapes: Graph):
    report = validate_graph(graph, shapes)
    assert not report.conforms
    return report.violations


# ---------------------------------------------------------------- conforming outputs

def test_validate_the_seed_output_conforms(shapes):
    report = validate_file(SEED_GRAPH, shapes)
    assert report.conforms, format_report(report)


def test_validate_a_fresh_seed_build_conforms_on_the_command_line(tmp_path):
    built = runner.invoke(app, ["run", str(ROOT / "seeds"), "--out", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    result = runner.invoke(app, ["validate", str(tmp_path / "out" / "graph.ttl")])
    assert result.exit_code == 0, result.output
    assert "conforms: 0 violations" in result.output


def test_validate_the_dev_set_output_conforms(shared, tmp_path):
    built = runner.invoke(app, ["run", str(shared / "devset" / "articles"), "--out", str(tmp_path / "dev")])
    assert built.exit_code == 0, built.output
    report = validate_file(tmp_path / "dev" / "graph.ttl")
    assert report.conforms, format_report(report)


# ---------------------------------------------------------------- each shape catches its breakage

def test_validate_event_without_evidence(seed, shapes):
    event = URIRef(f"{ID}event/senate-democrats-election-security.txt/statement-1")
    assert seed.value(event, GB.evidence) is not None
    seed.remove((event, GB.evidence, None))
    found = violations_of(seed, shapes)
    assert [(v.path, "evidence" in v.message) for v in found if str(event) in v.focus] == [("gb:evidence", True)]


def test_validate_event_without_article(seed, shapes):
    event = URIRef(f"{ID}event/senate-democrats-election-security.txt/statement-1")
    seed.remove((event, GB.reportedIn, None))
    found = violations_of(seed, shapes)
    assert [v.path for v in found if str(event) in v.focus] == ["gb:reportedIn"]


def test_validate_person_with_two_labels(seed, shapes):
    seed.add((person("amy-klobuchar"), RDFS.label, Literal("Amy J. Klobuchar")))
    found = violations_of(seed, shapes)
    assert len(found) == 1
    assert found[0].path == "rdfs:label" and "exactly one rdfs:label" in found[0].message
    assert str(person("amy-klobuchar")) in found[0].focus


def test_validate_bad_party(seed, shapes):
    seed.add((person("amy-klobuchar"), GB.party, URIRef(GB_IRI + "GreenParty")))
    found = violations_of(seed, shapes)
    assert [(v.path, v.value) for v in found] == [("gb:party", "gb:GreenParty")]


def test_validate_bad_state(seed, shapes):
    seed.add((person("amy-klobuchar"), GB.state, Literal("ZZ")))
    found = violations_of(seed, shapes)
    assert [(v.path, v.value) for v in found] == [("gb:state", '"ZZ"')]
    assert "postal code" in found[0].message


@pytest.mark.parametrize("code", ["DC", "PR", "GU"])
def test_validate_dc_and_territories_are_states(seed, shapes, code):
    seed.add((person("amy-klobuchar"), GB.state, Literal(code)))
    assert validate_graph(seed, shapes).conforms


def test_validate_one_directional_cosponsor_edge(seed, shapes):
    a, b = person("amy-klobuchar"), person("charles-schumer")
    seed.add((a, GB.cosponsorsBillWith, b))
    found = violations_of(seed, shapes)
    assert len(found) == 1
    assert found[0].path == "gb:cosponsorsBillWith" and str(b) in found[0].value
    assert "no gb:cosponsorsBillWith back" in found[0].message
    seed.add((b, GB.cosponsorsBillWith, a))
    assert validate_graph(seed, shapes).conforms


def test_validate_one_directional_cosigned_edge(seed, shapes):
    a, b = person("amy-klobuchar"), person("charles-schumer")
    assert (a, GB.coSignedWith, b) in seed
    seed.remove((b, GB.coSignedWith, a))
    found = violations_of(seed, shapes)
    assert [(v.path, str(a) in v.focus, str(b) in (v.value or "")) for v in found] == [("gb:coSignedWith", True, True)]


def test_validate_cli_prints_violations_and_exits_1(seed, tmp_path):
    seed.add((person("amy-klobuchar"), GB.state, Literal("ZZ")))
    broken = tmp_path / "broken.ttl"
    seed.serialize(broken, format="turtle")
    result = runner.invoke(app, ["validate", str(broken)])
    assert result.exit_code == 1
    assert "does not conform: 1 violation" in result.output
    assert f"focus:   <{person('amy-klobuchar')}>" in result.output
    assert "path:    gb:state" in result.output and 'value:   "ZZ"' in result.output


def test_validate_cli_missing_graph_is_one_line(tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path / "nope.ttl")])
    assert result.exit_code == 1
    assert result.output.strip().startswith("error:") and len(result.output.strip().splitlines()) == 1


# ---------------------------------------------------------------- the ontology and shapes in OWL tools

def test_shapes_file_is_well_formed_shacl(shapes):
    from pyshacl import validate

    shacl_shacl = validate(shapes, shacl_graph=None, meta_shacl=True, inference="none", advanced=True)
    assert shacl_shacl[0], shacl_shacl[2]


def test_ontology_parses_in_rdflib_and_documents_every_term():
    ontology = Graph().parse(ONTOLOGY_PATH, format="turtle")
    terms = {s for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(GB_IRI)}
    assert len(terms) > 30
    undocumented = sorted(
        str(t) for t in terms if ontology.value(t, RDFS.label) is None or ontology.value(t, RDFS.comment) is None
    )
    assert not undocumented


@pytest.mark.parametrize("rdf_format,suffix", [("xml", ".owl"), ("nt", ".nt")])
def test_ontology_loads_in_owlready2(tmp_path, rdf_format, suffix):
    owlready2 = pytest.importorskip("owlready2")
    ontology = Graph().parse(ONTOLOGY_PATH, format="turtle")
    copy = tmp_path / f"graphbuild{suffix}"
    copy.write_bytes(ontology.serialize(format=rdf_format, encoding="utf-8"))
    world = owlready2.World()
    loaded = world.get_ontology(copy.as_uri()).load()
    assert loaded.base_iri.startswith("https://w3id.org/graphbuild/ontology")

    by_iri = {str(e.iri): e for e in world.classes()}
    by_iri.update({str(e.iri): e for e in world.properties()})
    by_iri.update({str(e.iri): e for e in world.individuals()})
    declared = {
        str(s) for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
        for s in ontology.subjects(RDF.type, kind) if str(s).startswith(GB_IRI)
    }
    assert declared and declared <= set(by_iri), sorted(declared - set(by_iri))
    for iri in declared:
        entity = by_iri[iri]
        assert entity.label and entity.comment, iri
    assert world["https://w3id.org/graphbuild/ontology#Senator"] in world["https://w3id.org/graphbuild/ontology#Person"].descendants()
    symmetric = world["https://w3id.org/graphbuild/ontology#coSignedWith"]
    assert owlready2.SymmetricProperty in symmetric.is_a


def test_shapes_ship_inside_the_package_and_ontology_shapes_is_the_same_file():
    assert SHAPES_PATH.is_file() and SHAPES_PATH.parent == Path(validate_module.__file__).parent / "data"
    assert (ROOT / "ontology" / "shapes.ttl").read_bytes() == SHAPES_PATH.read_bytes()
