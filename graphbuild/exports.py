"""Export a built graph for the tools people already use: `graphbuild run --format ...`.

- ``trig`` / ``nq``: TriG and N-Quads with one named graph per article. An
  article's own node, its gb:Claim nodes and its events go in the graph named
  by the article's IRI, so provenance survives as graph names; people,
  parties, organizations and legislation (which several articles add to) go
  in the default graph. Written from the same subject-ordered stream as the
  Turtle (graphbuild.rdf.graph_blocks), in constant memory.
- ``jsonld``: JSON-LD compacted with graphbuild's context (JSONLD_CONTEXT, the
  same as ``ontology/context.jsonld``). The document refers to the context by
  the relative IRI ``context.jsonld``, and the context is written beside it,
  so a JSON-LD processor resolves it from disk, never from the network.
- ``graphml``: people, events and organizations as nodes with their
  attributes, person -> event edges (graphbuild.render.to_networkx), for
  Gephi and Cytoscape. Multi-valued attributes are joined with "; ".
- ``csv``: ``nodes.csv`` and ``edges.csv``, the same nodes and edges as tables.

Every file is written beside its final name and renamed into place.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rdflib import Graph

from graphbuild.files import write_atomically, write_streamed
from graphbuild.rdf import (
    IRI,
    RDF_TYPE,
    TURTLE_HEADER,
    XSD_STRING,
    LITERAL_ESCAPES,
    PairKey,
    ordered_blocks,
    turtle_chunks,
)
from graphbuild.vocab import GB

FORMATS = ("ttl", "trig", "nq", "jsonld", "graphml", "csv")
"""What `--format` accepts; Turtle (graph.ttl) is always written."""

FILES = {
    "trig": ("graph.trig",),
    "nq": ("graph.nq",),
    "jsonld": ("graph.jsonld", "context.jsonld"),
    "graphml": ("graph.graphml",),
    "csv": ("nodes.csv", "edges.csv"),
}
"""Format -> the files it writes in the output folder."""

CONTEXT_FILE = "context.jsonld"
"""The JSON-LD context's file name, beside graph.jsonld and in ontology/."""

_ARTICLE = str(GB.Article)
_REPORTED_IN = str(GB.reportedIn)

_PREFIXES = {
    "gb": "https://w3id.org/graphbuild/ontology#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "owl": "http://www.w3.org/2002/07/owl#",
}
_LINKS = ("party", "currentParty", "mentionedIn", "signedStatement", "posted", "sentLetter", "sponsors",
          "attendedBriefing", "testifiedAt", "coSignedWith", "cosponsorsBillWith", "addressedTo", "legislation",
          "reportedIn")
_TEXTS = ("state", "currentState", "role", "evidence", "extractor")
_TAIL_LINKS = ("about", "claimedProperty")
_TAIL_TEXTS = ("claimedValue", "bioguideId", "officialName", "gazetteerSource")


def _context() -> dict:
    terms: dict = {"@version": 1.1, **_PREFIXES, "id": "@id", "type": "@type",
                   "label": {"@id": "rdfs:label"}, "altLabel": {"@id": "skos:altLabel"},
                   "identifier": {"@id": "dcterms:identifier"}, "title": {"@id": "dcterms:title"},
                   "date": {"@id": "dcterms:date", "@type": "xsd:date"}, "source": {"@id": "dcterms:source"},
                   "url": {"@id": "schema:url", "@type": "@id"}, "sameAs": {"@id": "owl:sameAs", "@type": "@id"}}
    terms.update({name: {"@id": f"gb:{name}", "@type": "@id"} for name in _LINKS[:2]})
    terms.update({name: {"@id": f"gb:{name}"} for name in ("state", "currentState", "role")})
    terms.update({name: {"@id": f"gb:{name}", "@type": "@id"} for name in _LINKS[2:]})
    terms.update({"evidence": {"@id": "gb:evidence"},
                  "evidenceStart": {"@id": "gb:evidenceStart", "@type": "xsd:integer"},
                  "evidenceEnd": {"@id": "gb:evidenceEnd", "@type": "xsd:integer"},
                  "extractor": {"@id": "gb:extractor"}})
    terms.update({name: {"@id": f"gb:{name}", "@type": "@id"} for name in _TAIL_LINKS})
    terms.update({name: {"@id": f"gb:{name}"} for name in _TAIL_TEXTS})
    return {"@context": terms}


JSONLD_CONTEXT = _context()
"""graphbuild's JSON-LD context, as published in ontology/context.jsonld."""


def parse_formats(text: str | Iterable[str]) -> tuple[str, ...]:
    """"ttl,trig, NQ" -> ("trig", "nq"): the extra formats asked for, in FORMATS order, Turtle left out.

    Raises ValueError naming an unknown format.
    """
    names = text.split(",") if isinstance(text, str) else [n for part in text for n in part.split(",")]
    wanted = {name.strip().lower() for name in names if name.strip()}
    unknown = sorted(wanted - set(FORMATS))
    if unknown:
        raise ValueError(f"{unknown[0]!r} is not one of {', '.join(FORMATS)}")
    return tuple(name for name in FORMATS if name in wanted and name != "ttl")


def write_exports(
    graph: Graph,
    out_dir: Path | str,
    formats: Iterable[str],
    blocks: Callable[[], Iterable[tuple[str, Iterable[PairKey]]]] | None = None,
) -> list[Path]:
    """Write each of `formats` (see FORMATS) of the graph into out_dir; return the files written.

    `blocks` makes the graph's subject-ordered stream afresh (a partial of
    graphbuild.rdf.graph_blocks), which TriG and N-Quads are written from in
    constant memory; without it the graph's own triples are sorted.
    """
    out = Path(out_dir)
    formats = [name for name in FORMATS if name in set(formats) and name != "ttl"]
    written: list[Path] = []
    nxg = None
    for name in formats:
        if name in ("trig", "nq"):
            stream = blocks() if blocks is not None else ordered_blocks(graph)
            if stream is None:
                raise ValueError("the graph has blank nodes: graphbuild writes none, so it cannot export it per article")
            writer = write_trig if name == "trig" else write_nquads
            written.append(writer(stream, out / FILES[name][0]))
        elif name == "jsonld":
            written.extend(write_jsonld(graph, out / FILES[name][0]))
        else:
            if nxg is None:
                from graphbuild.render import to_networkx

                nxg = flat_networkx(to_networkx(graph))
            if name == "graphml":
                written.append(write_graphml(nxg, out / FILES[name][0]))
            else:
                written.extend(write_csv(nxg, out))
    return written


# ---------------------------------------------------------------- TriG and N-Quads

def graph_name(subject: str, pairs: Iterable[PairKey]) -> str | None:
    """The named graph a subject belongs in: its article for an article, claim or event; else None (default graph).

    An article is a subject typed gb:Article; a claim or an event is one with a gb:reportedIn.
    """
    reported = None
    for predicate, kind, value, _datatype, _language in pairs:
        if predicate == RDF_TYPE and value == _ARTICLE:
            return subject
        if predicate == _REPORTED_IN and kind == IRI:
            reported = value if reported is None else min(reported, value)
    return reported


def _named_blocks(blocks: Iterable[tuple[str, Iterable[PairKey]]]) -> Iterator[tuple[str | None, str, list[PairKey]]]:
    for subject, pairs in blocks:
        pairs = list(pairs)
        yield graph_name(subject, pairs), subject, pairs


def write_trig(blocks: Iterable[tuple[str, Iterable[PairKey]]], path: Path | str) -> Path:
    """Write the stream as TriG, one named graph per article, atomically.

    Subjects keep the Turtle's order, so an article's graph may appear in
    several `<article> { ... }` blocks (its node, its claims, its events);
    TriG readers merge them.
    """
    def write(stream) -> None:
        stream.write(TURTLE_HEADER)
        current = None
        for name, subject, pairs in _named_blocks(blocks):
            if name != current:
                if current is not None:
                    stream.write("}\n\n")
                if name is not None:
                    stream.write(f"<{name}> {{\n")
                current = name
            for text, triples in turtle_chunks([(subject, pairs)]):
                if triples:
                    stream.write(text)
        if current is not None:
            stream.write("}\n")

    write_streamed(path, write)
    return Path(path)


def write_nquads(blocks: Iterable[tuple[str, Iterable[PairKey]]], path: Path | str) -> Path:
    """Write the stream as N-Quads, the fourth term naming the article for article-scoped triples, atomically."""
    def write(stream) -> None:
        for name, subject, pairs in _named_blocks(blocks):
            tail = f" <{name}> .\n" if name is not None else " .\n"
            for predicate, kind, value, datatype, language in sorted(pairs):
                stream.write(f"<{subject}> <{predicate}> {_nt_object(kind, value, datatype, language)}{tail}")

    write_streamed(path, write)
    return Path(path)


def _nt_object(kind: int, value: str, datatype: str, language: str) -> str:
    if kind == IRI:
        return f"<{value}>"
    quoted = '"' + value.translate(LITERAL_ESCAPES) + '"'
    if language:
        return f"{quoted}@{language}"
    return quoted if datatype == XSD_STRING else f"{quoted}^^<{datatype}>"


# ---------------------------------------------------------------- JSON-LD

def write_jsonld(graph: Graph, path: Path | str) -> list[Path]:
    """Write the graph as compacted JSON-LD, and its context beside it as context.jsonld; return both paths.

    The document's "@context" is the relative IRI "context.jsonld".
    """
    path = Path(path)
    context = JSONLD_CONTEXT["@context"]
    plain = Graph()
    for prefix, namespace in _PREFIXES.items():
        plain.bind(prefix, namespace, override=True, replace=True)
    for triple in graph:
        plain.add(triple)
    document = json.loads(plain.serialize(format="json-ld", context=context, auto_compact=True))
    if isinstance(document, dict) and "@graph" not in document:
        document = {"@context": context, "@graph": [{k: v for k, v in document.items() if k != "@context"}]}
    nodes = document.get("@graph", []) if isinstance(document, dict) else document
    nodes = sorted(nodes, key=lambda node: str(node.get("id", node.get("@id", ""))))
    text = json.dumps({"@context": CONTEXT_FILE, "@graph": nodes}, ensure_ascii=False, indent=1, sort_keys=True)
    context_path = write_atomically(path.parent / CONTEXT_FILE, context_text())
    return [write_atomically(path, text + "\n"), context_path]


def context_text() -> str:
    """ontology/context.jsonld, byte for byte."""
    return json.dumps(JSONLD_CONTEXT, indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------- GraphML and CSV

NODE_COLUMNS = ("id", "kind", "label", "party", "roles", "state", "names", "date", "article", "article_url", "evidence")
EDGE_COLUMNS = ("source", "target", "relation", "article", "evidence")


def flat_networkx(nxg):
    """A copy of a to_networkx graph whose attributes are all strings: tuples joined with "; "."""
    flat = nxg.copy()
    for _node, attrs in flat.nodes(data=True):
        for key, value in attrs.items():
            attrs[key] = _flat(value)
    for *_ends, attrs in flat.edges(keys=True, data=True):
        for key, value in attrs.items():
            attrs[key] = _flat(value)
    return flat


def _flat(value: object) -> str | int | float:
    if isinstance(value, (tuple, list, set, frozenset)):
        return "; ".join(str(item) for item in value)
    if isinstance(value, (str, int, float)):
        return value
    return "" if value is None else str(value)


def write_graphml(nxg, path: Path | str) -> Path:
    """The networkx view as GraphML (node ids are IRIs, edge ids the relation), atomically."""
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_graphml(nxg, buffer, encoding="utf-8", named_key_ids=True)
    return write_atomically(path, buffer.getvalue().decode("utf-8"))


def write_csv(nxg, out_dir: Path | str) -> list[Path]:
    """nodes.csv (one row a node, NODE_COLUMNS) and edges.csv (one row an edge, EDGE_COLUMNS), atomically."""
    out = Path(out_dir)
    nodes = [{"id": node, **attrs} for node, attrs in nxg.nodes(data=True)]
    edges = [{"source": source, "target": target, **attrs} for source, target, attrs in nxg.edges(data=True)]
    return [write_atomically(out / "nodes.csv", _table(NODE_COLUMNS, nodes)),
            write_atomically(out / "edges.csv", _table(EDGE_COLUMNS, edges))]


def _table(columns: tuple[str, ...], rows: list[dict]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row.get(column, "") for column in columns})
    return buffer.getvalue()
