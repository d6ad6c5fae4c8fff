#!/usr/bin/env python3
"""Regenerate graphbuild/vocab.py from ontology/graphbuild.ttl.

usage: gen_vocab.py [--check]

With --check, write nothing and exit 1 if vocab.py is out of date.
"""
from __future__ import annotations

import sys
from pathlib import Path

from rdflib import OWL, RDF, Graph, URIRef

GB_IRI = "https://w3id.org/graphbuild/ontology#"
ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "graphbuild.ttl"
VOCAB = ROOT / "graphbuild" / "vocab.py"

# Each term is listed under the first group whose type it has.
GROUPS = (
    ("classes", OWL.Class),
    ("individuals", OWL.NamedIndividual),
    ("object properties", OWL.ObjectProperty),
    ("datatype properties", OWL.DatatypeProperty),
    ("other properties", RDF.Property),
)

HEADER = f'''"""The gb: vocabulary as a closed namespace: a typo such as GB.emplys raises.

Generated from ontology/graphbuild.ttl by scripts/gen_vocab.py; do not edit by hand.
"""
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class GB(DefinedNamespace):
    _NS = Namespace("{GB_IRI}")
    _fail = True
'''


def gb_terms(ontology: Graph) -> dict[str, list[str]]:
    """The local names of the gb: terms the ontology declares, by group, sorted."""
    grouped: dict[str, list[str]] = {title: [] for title, _ in GROUPS}
    seen: set[str] = set()
    for title, rdf_class in GROUPS:
        for term in ontology.subjects(RDF.type, rdf_class):
            if isinstance(term, URIRef) and term.startswith(GB_IRI):
                name = term[len(GB_IRI):]
                if name not in seen:
                    seen.add(name)
                    grouped[title].append(name)
    return {title: sorted(names) for title, names in grouped.items() if names}


def render_vocab(ontology_path: Path = ONTOLOGY) -> str:
    """The text of vocab.py for the ontology at ontology_path."""
    ontology = Graph().parse(ontology_path, format="turtle")
    lines = [HEADER]
    for title, names in gb_terms(ontology).items():
        lines.append(f"\n    # {title}\n")
        lines.extend(f"    {name}: URIRef\n" for name in names)
    return "".join(lines)


def main(argv: list[str]) -> int:
    text = render_vocab()
    if "--check" in argv:
        up_to_date = VOCAB.read_text(encoding="utf-8") == text
        print("vocab.py is up to date" if up_to_date else "vocab.py is out of date: run scripts/gen_vocab.py")
        return 0 if up_to_date else 1
    VOCAB.write_text(text, encoding="utf-8")
    print(f"wrote {VOCAB.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
