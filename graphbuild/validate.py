"""Check a built graph against graphbuild's SHACL shapes (ontology/shapes.ttl) with pySHACL.

>>> from rdflib import Graph
>>> validate_graph(Graph()).conforms
True
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import RDFS, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from graphbuild.errors import GraphbuildError, GraphFileError

SHAPES_PATH = Path(__file__).resolve().parent / "data" / "shapes.ttl"
"""Shipped inside the package, so an installed graphbuild finds it; ontology/shapes.ttl links to it."""
"""The shapes every graph `graphbuild run` writes conforms to."""

SH = Namespace("http://www.w3.org/ns/shacl#")


class ShapesError(GraphbuildError):
    """The shapes file is missing or cannot be parsed."""


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node that breaks a shape, the property, the offending value and why."""

    focus: str
    path: str | None
    value: str | None
    message: str
    severity: str
    shape: str


@dataclass(frozen=True)
class ValidationReport:
    """Whether a graph conforms, and every violation (sorted by focus node, then path)."""

    conforms: bool
    violations: tuple[Violation, ...]


def load_shapes(path: Path | str = SHAPES_PATH) -> Graph:
    """The shapes graph, parsed from Turtle."""
    path = Path(path)
    if not path.is_file():
        raise ShapesError(f"shapes file {path} does not exist")
    try:
        return Graph().parse(path, format="turtle")
    except Exception as error:  # the parser raises many unrelated types
        raise ShapesError(f"cannot parse shapes file {path}: {error}") from error


def validate_graph(graph: Graph, shapes: Graph | Path | str = SHAPES_PATH) -> ValidationReport:
    """Run the SHACL shapes over `graph` (no inference: the output asserts every type it needs)."""
    from pyshacl import validate

    shapes_graph = shapes if isinstance(shapes, Graph) else load_shapes(shapes)
    data = Graph()  # pySHACL's SPARQL runs on rdflib's in-memory store, whatever store `graph` lives in
    for prefix, namespace in graph.namespaces():
        data.bind(prefix, namespace, override=True, replace=True)
    for triple in graph:
        data.add(triple)
    conforms, results, _ = validate(
        data, shacl_graph=shapes_graph, inference="none", advanced=True, allow_warnings=True,
    )
    violations = sorted(
        (_violation(results, data, result) for result in results.objects(None, SH.result)),  # not nested sh:detail
        key=lambda v: (v.focus, v.path or "", v.value or "", v.message),
    )
    return ValidationReport(conforms=bool(conforms), violations=tuple(dict.fromkeys(violations)))


def validate_file(path: Path | str, shapes: Graph | Path | str = SHAPES_PATH) -> ValidationReport:
    """Validate a graph file `graphbuild run` wrote (Turtle unless its extension says otherwise)."""
    from graphbuild.query import load_graph

    if not Path(path).is_file():
        raise GraphFileError(f"graph file {path} does not exist: run 'graphbuild run' first")
    return validate_graph(load_graph(path), shapes)


def format_report(report: ValidationReport, name: str = "graph") -> str:
    """The report as text: one block per violation with its focus node, path, value and message."""
    if report.conforms:
        return f"{name} conforms: 0 violations\n"
    count = len(report.violations)
    lines = [f"{name} does not conform: {count} violation{'s' if count != 1 else ''}"]
    for violation in report.violations:
        lines.append("")
        lines.append(f"  focus:   {violation.focus}")
        if violation.path:
            lines.append(f"  path:    {violation.path}")
        if violation.value:
            lines.append(f"  value:   {violation.value}")
        lines.append(f"  message: {violation.message}")
    return "\n".join(lines) + "\n"


def _violation(results: Graph, data: Graph, result: Node) -> Violation:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
    severity = results.value(result, SH.resultSeverity)
    shape = results.value(result, SH.sourceShape)
    focus_text = _show(data, focus)
    label = data.value(focus, RDFS.label) if isinstance(focus, URIRef) else None
    if label is not None:
        focus_text += f' ("{label}")'
    return Violation(
        focus=focus_text,
        path=_show(data, path) if path is not None else None,
        value=_show(data, value) if value is not None else None,
        message="; ".join(messages) or "violates a shape",
        severity=_show(data, severity) if severity is not None else "sh:Violation",
        shape=_show(data, shape) if isinstance(shape, URIRef) else "",
    )


def _show(graph: Graph, node: Node) -> str:
    """gb:party for vocabulary terms, <iri> for instances, "text" for literals."""
    if isinstance(node, Literal):
        return f'"{node}"'
    if isinstance(node, URIRef):
        try:
            prefix, _, local = graph.namespace_manager.compute_qname(node, generate=False)
        except (KeyError, ValueError):
            return f"<{node}>"
        if prefix in ("gb", "rdfs", "rdf", "owl", "sh", "schema", "dcterms", "prov", "skos", "xsd") and local:
            return f"{prefix}:{local}"
        return f"<{node}>"
    return str(node)
