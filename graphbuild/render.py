"""Draw the knowledge graph: ``to_networkx`` for analysis, ``write_html`` for people.

The HTML page is opened by journalists offline, and every string in it comes
from scraped articles. So the page loads nothing from the network (vis-network
and its CSS are inlined from pyvis's copy; pyvis's Bootstrap link and lib/
folder are never produced), data lives in a non-executable JSON block with
``<``, ``>``, ``&``, U+2028 and U+2029 escaped, tooltips are plain strings that
vis-network shows as text, and a Content-Security-Policy allows only the
page's own two scripts (by hash) and no network at all.

What is drawn: people, events (Statement, Tweet, Letter, Bill, Briefing,
Hearing) and the organizations they touch; person -> event edges labelled by
relation and letter -> recipient "addressed to" edges. Not drawn: articles,
gb:Claim nodes, gb:mentionedIn, and the symmetric person-person edges
gb:coSignedWith / gb:cosponsorsBillWith, which repeat what the shared event
nodes already show and would double the edge count.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import math
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, SDO, SKOS

from graphbuild.files import write_atomically
from graphbuild.view import View
from graphbuild.vocab import GB

if TYPE_CHECKING:
    import networkx

# Event classes in priority order: a node typed with several gets the first.
EVENT_KINDS = ("Statement", "Tweet", "Letter", "Bill", "Briefing", "Hearing", "Event")

RELATIONS = {
    GB.signedStatement: "signed",
    GB.posted: "posted",
    GB.sentLetter: "sent",
    GB.sponsors: "sponsors",
    GB.attendedBriefing: "attended",
    GB.testifiedAt: "testified at",
}
ADDRESSED_TO = "addressed to"

PARTY_CODES = {GB.DemocraticParty: "D", GB.RepublicanParty: "R", GB.Independent: "I"}
PARTY_NAMES = {"D": "Democrat", "R": "Republican", "I": "Independent"}
ROLE_TYPES = {GB.Senator: "Senator", GB.Representative: "Representative", GB.Official: "Official"}

# Legend rows: (key, colour, text). "several" is a person with more than one party.
PARTY_COLOURS = (
    ("D", "#1f5fbf", "Democrat"),
    ("R", "#c62828", "Republican"),
    ("I", "#6a3d9a", "Independent"),
    ("several", "#00897b", "more than one party"),
    ("", "#9e9e9e", "party unknown"),
)
EVENT_COLOUR = "#f2a900"
ORGANIZATION_COLOUR = "#d7ccc8"
SHAPES = {
    "person": "dot", "organization": "box",
    "Statement": "square", "Tweet": "triangle", "Letter": "triangleDown", "Bill": "hexagon",
    "Briefing": "star", "Hearing": "diamond", "Event": "ellipse",
}
LAYOUT_SEED = 1
LABEL_MAX = 40


# --- RDF -> networkx ---------------------------------------------------------

def to_networkx(graph: Graph) -> networkx.MultiDiGraph:
    """Return people, events and organizations as a MultiDiGraph keyed by IRI string.

    Node attributes: ``kind`` ("person", "organization" or the event class
    name), ``label``; people also ``party`` ("D", "R", "I", "" when unknown,
    codes joined by "/" when several), ``roles`` and ``state``; events also
    ``evidence``, ``article`` (title) and ``article_url``. Edges run person ->
    event (and letter -> recipient), keyed and labelled by ``relation``, and
    carry the event's ``evidence`` and ``article``.
    """
    import networkx as nx

    nodes = {**_people(graph), **_events(graph)}
    edges = _edges(graph, nodes)
    result = nx.MultiDiGraph()
    for node in sorted(nodes):
        result.add_node(node, **nodes[node])
    for source, target, relation in sorted(edges):
        event = nodes[source] if relation == ADDRESSED_TO else nodes[target]
        result.add_edge(source, target, key=relation, relation=relation,
                        evidence=event["evidence"], article=event["article"])
    return result


def _people(graph: Graph) -> dict[str, dict]:
    # blank nodes are skipped: their ids change between parses, which would break determinism
    people = {p for p in graph.subjects(RDF.type, GB.Person) if isinstance(p, URIRef)}
    return {str(p): _person_attrs(graph, p) for p in people}


def _person_attrs(graph: Graph, person: URIRef) -> dict:
    parties = sorted({PARTY_CODES.get(p) or _label(graph, p) for p in graph.objects(person, GB.party)})
    types = sorted(ROLE_TYPES[t] for t in graph.objects(person, RDF.type) if t in ROLE_TYPES)
    return {
        "kind": "person",
        "label": _label(graph, person),
        "party": "/".join(parties),
        "roles": tuple(types + _values(graph, person, GB.role)),
        "state": "/".join(_values(graph, person, GB.state)),
        "names": tuple(_values(graph, person, SKOS.altLabel)),
    }


def _events(graph: Graph) -> dict[str, dict]:
    events: dict[str, dict] = {}
    for kind in EVENT_KINDS:
        for event in graph.subjects(RDF.type, GB[kind]):
            if isinstance(event, URIRef) and str(event) not in events:
                events[str(event)] = _event_attrs(graph, event, kind)
    return events


def _event_attrs(graph: Graph, event: URIRef, kind: str) -> dict:
    articles = sorted(graph.objects(event, GB.reportedIn))
    titles = [_first(graph, a, DCTERMS.title) or _first(graph, a, DCTERMS.identifier) for a in articles]
    urls = [u for a in articles for u in _values(graph, a, SDO.url)]
    return {
        "kind": kind,
        "label": _label(graph, event),
        "evidence": "\n".join(_values(graph, event, GB.evidence)),
        "article": " | ".join(titles),
        "article_url": urls[0] if urls else "",
        "date": min((d for a in articles for d in _values(graph, a, DCTERMS.date)), default=""),
    }


def _edges(graph: Graph, nodes: dict[str, dict]) -> set[tuple[str, str, str]]:
    """Collect (source, target, relation) between drawn nodes, adding recipients to ``nodes``."""
    edges = set()
    for predicate, relation in RELATIONS.items():
        for person, event in graph.subject_objects(predicate):
            if _kind(nodes, person) == "person" and _kind(nodes, event) in EVENT_KINDS:
                edges.add((str(person), str(event), relation))
    for letter, recipient in graph.subject_objects(GB.addressedTo):
        if _kind(nodes, letter) in EVENT_KINDS and isinstance(recipient, URIRef):
            nodes.setdefault(str(recipient), {"kind": "organization", "label": _label(graph, recipient)})
            edges.add((str(letter), str(recipient), ADDRESSED_TO))
    return edges


def _kind(nodes: dict[str, dict], node: object) -> str:
    return nodes.get(str(node), {}).get("kind", "")


def _values(graph: Graph, node: URIRef, predicate: URIRef) -> list[str]:
    return sorted({str(v) for v in graph.objects(node, predicate)})


def _first(graph: Graph, node: URIRef, predicate: URIRef) -> str:
    values = _values(graph, node, predicate)
    return values[0] if values else ""


def _label(graph: Graph, node: URIRef) -> str:
    return _first(graph, node, RDFS.label) or str(node).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


# --- networkx -> pyvis -> HTML -------------------------------------------------

def write_html(graph: Graph, path: Path, view: View = View()) -> None:
    """Write a self-contained interactive page of ``graph`` to ``path``, atomically.

    The same graph and view always give byte-identical HTML.
    """
    drawn, note = select_view(to_networkx(graph), view)
    write_atomically(Path(path), _render_page(drawn, note))


def select_view(nxg: networkx.MultiDiGraph, view: View) -> tuple[networkx.MultiDiGraph, str]:
    """The part of the graph a page draws, and a sentence saying what was left out (empty: nothing)."""
    events = {n for n, kind in nxg.nodes(data="kind") if kind in EVENT_KINDS and _event_wanted(nxg.nodes[n], view)}
    people = {n for n, kind in nxg.nodes(data="kind") if kind == "person"}
    if view.focus:
        focused = {p for p in people if _matches(nxg.nodes[p], view.focus)}
        events = {e for e in events if any(p in focused for p in nxg.predecessors(e))}
        people = focused | {p for e in events for p in nxg.predecessors(e) if p in people}
    degree = {p: sum(1 for e in nxg.successors(p) if e in events) for p in people}
    kept_people = set(sorted(people, key=lambda p: (-degree[p], nxg.nodes[p]["label"], p))[: view.max_people])
    if view.focus or view.since or view.kinds or len(people) > view.max_people:
        kept_people = {p for p in kept_people if degree[p] or view.focus and _matches(nxg.nodes[p], view.focus)}
    shared = {e: sum(1 for p in nxg.predecessors(e) if p in kept_people) for e in events}
    ranked = sorted((e for e in events if shared[e]), key=lambda e: (-shared[e], nxg.nodes[e]["label"], e))
    kept_events = set(ranked[: view.max_events])
    recipients = {r for e in kept_events for r in nxg.successors(e)}
    kept = kept_people | kept_events | recipients
    # not nxg.subgraph(kept): its view iterates the set, in an order that changes with PYTHONHASHSEED
    drawn = nxg.copy()
    drawn.remove_nodes_from([node for node in nxg if node not in kept])
    return drawn, _left_out_note(len(people), len(kept_people), len(events), len(kept_events), view)


def _event_wanted(attrs: dict, view: View) -> bool:
    if view.kinds and attrs["kind"] not in view.kinds:
        return False
    return not view.since or bool(attrs.get("date")) and attrs["date"] >= view.since


def _matches(attrs: dict, name: str) -> bool:
    wanted = name.casefold().strip()
    return attrs["label"].casefold() == wanted or wanted in (n.casefold() for n in attrs.get("names", ()))


def _left_out_note(people: int, kept_people: int, events: int, kept_events: int, view: View) -> str:
    filters = [f"focus on {view.focus}" if view.focus else "", f"since {view.since}" if view.since else "",
               "only " + ", ".join(view.kinds) if view.kinds else ""]
    filters = [f for f in filters if f]
    if kept_people == people and kept_events == events and not filters:
        return ""
    shown = f"Showing the {kept_people} most connected of {people} people and {kept_events} of {events} events"
    return shown + (f" ({'; '.join(filters)})" if filters else "") + ". Use --focus, --since or --relation to see other parts."


def _render_page(nxg: networkx.MultiDiGraph, note: str = "") -> str:
    net = _to_pyvis(nxg, _layout(nxg))
    data = {"nodes": net.nodes, "edges": net.edges, "options": VIS_OPTIONS}
    vis_js, vis_css = _vis_assets()
    people = sum(1 for _, kind in nxg.nodes(data="kind") if kind == "person")
    return PAGE.substitute(
        csp=f"default-src 'none'; script-src {_script_hash(vis_js)} {_script_hash(INIT_JS)}; "
            "style-src 'unsafe-inline'; img-src data:",
        vis_css=vis_css, page_css=PAGE_CSS, legend=_legend_html(),
        summary=html.escape(f"{people} people, {len(nxg) - people} events and organizations, "
                            f"{nxg.number_of_edges()} links. {note}".strip()),
        data=_script_json(data), vis_js=vis_js, init_js=INIT_JS,
    )


def _layout(nxg: networkx.MultiDiGraph) -> dict[str, tuple[int, int]]:
    """Place nodes ahead of time with a seeded spring layout, in whole pixels."""
    import networkx as nx

    if not nxg:
        return {}
    scale = 140 * math.sqrt(len(nxg)) + 50
    # a longer ideal edge than networkx's default (1/sqrt(n)) leaves room for labels;
    # needs numpy, and scipy from 500 nodes on (networkx then uses a sparse solver)
    spacing = 2.5 / math.sqrt(len(nxg))
    positions = nx.spring_layout(nx.Graph(nxg), k=spacing, seed=LAYOUT_SEED, scale=scale)
    return {node: (round(x), round(y)) for node, (x, y) in positions.items()}


def _to_pyvis(nxg: networkx.MultiDiGraph, positions: dict[str, tuple[int, int]]):
    # directed=True skips pyvis's quadratic duplicate-edge check (STACK-NOTES).
    from pyvis.network import Network

    net = Network(directed=True)
    for node, attrs in nxg.nodes(data=True):
        x, y = positions[node]
        net.add_node(node, label=_shorten(attrs["label"]), title=_node_title(attrs),
                     shape=SHAPES[attrs["kind"]], color=_node_colour(attrs),
                     size=_node_size(attrs, nxg.degree(node)), x=x, y=y)
    for number, (source, target, attrs) in enumerate(nxg.edges(data=True)):
        net.add_edge(source, target, id=f"e{number}", label=attrs["relation"],
                     title=_edge_title(nxg, source, target, attrs))
    return net


def _node_colour(attrs: dict) -> str:
    if attrs["kind"] == "organization":
        return ORGANIZATION_COLOUR
    if attrs["kind"] != "person":
        return EVENT_COLOUR
    party = attrs["party"] if attrs["party"] in PARTY_NAMES else ("several" if "/" in attrs["party"] else "")
    return next(colour for key, colour, _ in PARTY_COLOURS if key == party)


def _node_size(attrs: dict, degree: int) -> int:
    if attrs["kind"] != "person":
        return 12
    return min(45, 10 + round(6 * math.sqrt(degree)))


def _node_title(attrs: dict) -> str:
    """Tooltip as plain text: vis-network shows a string title with innerText."""
    if attrs["kind"] == "person":
        party = ", ".join(PARTY_NAMES.get(p, p) for p in attrs["party"].split("/") if p)
        facts = [party or "party unknown", attrs["state"], "; ".join(attrs["roles"])]
        return "\n".join([attrs["label"], *filter(None, facts)])
    if attrs["kind"] == "organization":
        return attrs["label"]
    head = f"{attrs['kind']}: {attrs['label']}"
    return _with_provenance(head, attrs["evidence"], attrs["article"], attrs["article_url"])


def _edge_title(nxg: networkx.MultiDiGraph, source: str, target: str, attrs: dict) -> str:
    head = f"{nxg.nodes[source]['label']} {attrs['relation']} {nxg.nodes[target]['label']}"
    return _with_provenance(head, attrs["evidence"], attrs["article"])


def _with_provenance(head: str, evidence: str, article: str, url: str = "") -> str:
    """Head line, then the evidence sentence, then "— article title" and its URL."""
    source = "\n".join(filter(None, [article and f"— {article}", url]))
    return "\n\n".join(filter(None, [head, evidence, source]))


def _shorten(text: str) -> str:
    return text if len(text) <= LABEL_MAX else text[: LABEL_MAX - 1].rstrip() + "…"


def _vis_assets() -> tuple[str, str]:
    """Read vis-network's script and stylesheet from pyvis's own copy."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():
        raise ValueError(f"{lib} cannot be inlined: it contains a closing tag")
    return js, css


_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                 0x2028: "\\u2028", 0x2029: "\\u2029"}


def _script_json(value: object) -> str:
    """JSON that cannot end its <script> block or open a comment, whatever the strings hold."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return text.translate(_JSON_ESCAPES)


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _legend_html() -> str:
    parties = "".join(_legend_row("dot", colour, text) for _, colour, text in PARTY_COLOURS)
    events = "".join(_legend_row(SHAPES[kind], EVENT_COLOUR, kind if kind != "Event" else "other event")
                     for kind in EVENT_KINDS)
    other = _legend_row("box", ORGANIZATION_COLOUR, "organization (letter recipient)")
    relations = ", ".join(list(RELATIONS.values()) + [ADDRESSED_TO])
    return (
        '<aside class="legend" aria-label="Legend">'
        f"<h2>People</h2><p>colour = party, size = how connected</p><ul>{parties}</ul>"
        f"<h2>Events</h2><p>shape = kind</p><ul>{events}{other}</ul>"
        f"<h2>Arrows</h2><p>{html.escape(relations)}</p>"
        "<p>Hover a node or an arrow to read the evidence sentence and its article.</p></aside>"
    )


_SVG_SHAPES = {
    "dot": '<circle r="6"/>',
    "box": '<rect x="-7" y="-5" width="14" height="10" rx="2"/>',
    "square": '<rect x="-6" y="-6" width="12" height="12"/>',
    "triangle": '<polygon points="0,-7 6.5,5 -6.5,5"/>',
    "triangleDown": '<polygon points="0,7 6.5,-5 -6.5,-5"/>',
    "hexagon": '<polygon points="7,0 3.5,6.1 -3.5,6.1 -7,0 -3.5,-6.1 3.5,-6.1"/>',
    "star": '<polygon points="0,-7 1.6,-2.2 6.7,-2.2 2.6,0.9 4.1,5.7 0,2.8 -4.1,5.7 -2.6,0.9 -6.7,-2.2 -1.6,-2.2"/>',
    "diamond": '<polygon points="0,-7 7,0 0,7 -7,0"/>',
    "ellipse": '<ellipse rx="7" ry="4.5"/>',
}


def _legend_row(shape: str, colour: str, text: str) -> str:
    svg = (f'<svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">'
           f'<g fill="{colour}" stroke="#555" stroke-width="0.8">{_SVG_SHAPES[shape]}</g></svg>')
    return f"<li>{svg} {html.escape(text)}</li>"


VIS_OPTIONS = {
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},
    "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True},
    "nodes": {"borderWidth": 1, "font": {"size": 14, "face": "system-ui, sans-serif"}},
    "edges": {
        "smooth": False,
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"color": "#9aa0a6", "highlight": "#333333", "hover": "#333333"},
        "font": {"size": 10, "align": "middle", "color": "#555555", "strokeWidth": 3},
    },
}

# Reads the data block as JSON (never as code) and exposes the DataSets for tests.
INIT_JS = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("graph");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  window.graphbuild = {network: network, nodes: nodes, edges: edges};
})();
"""

PAGE_CSS = """
html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; color: #222; }
body { display: flex; flex-direction: column; }
header { padding: 0.4rem 1rem; border-bottom: 1px solid #ddd; }
header h1 { font-size: 1.1rem; margin: 0; display: inline; }
header span { color: #666; margin-left: 1rem; font-size: 0.9rem; }
main { display: flex; flex: 1 1 auto; min-height: 400px; }
#graph { position: relative; flex: 1 1 auto; }
.legend { flex: 0 0 14rem; font-size: 13px; padding: 0.5rem 0.75rem; border-left: 1px solid #ddd; overflow-y: auto; }
.legend h2 { font-size: 0.85rem; margin: 0.4rem 0 0.1rem; }
.legend p { margin: 0.1rem 0; color: #555; }
.legend ul { list-style: none; margin: 0.2rem 0; padding: 0; }
.legend li { display: flex; align-items: center; gap: 0.4rem; }
div.vis-tooltip { white-space: pre-wrap; max-width: 32rem; font-family: system-ui, sans-serif; font-size: 13px; }
"""

PAGE = Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="$csp">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>graphbuild: who did what</title>
<style>$vis_css</style>
<style>$page_css</style>
</head>
<body>
<header><h1>graphbuild: who did what</h1><span>$summary</span></header>
<main><div id="graph"></div>$legend</main>
<script type="application/json" id="graph-data">$data</script>
<script>$vis_js</script>
<script>$init_js</script>
</body>
</html>
""")
