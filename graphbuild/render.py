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
from typing import TYPE_CHECKING, Container

from rdflib import RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, SDO

from graphbuild.files import write_atomically
from graphbuild.pagedata import EVENT_KINDS, RELATIONS, EventNode, PageData, PersonNode
from graphbuild.view import View, choose_view
from graphbuild.vocab import GB

if TYPE_CHECKING:
    import networkx

ADDRESSED_TO = "addressed to"

PARTY_NAMES = {"D": "Democrat", "R": "Republican", "I": "Independent"}

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
    return page_networkx(PageData.of_graph(graph), graph)


def page_networkx(page: PageData, graph: Graph, keep: Container[str] | None = None) -> networkx.MultiDiGraph:
    """The to_networkx graph of the page data of `graph`; with `keep`, only those nodes and the edges between them.

    Events' texts (evidence, article titles) are read from `graph`, which is only asked about the nodes kept.
    """
    import networkx as nx

    nodes = {iri: _person_attrs(page, person) for iri, person in page.people.items() if keep is None or iri in keep}
    nodes.update((iri, _event_attrs(graph, iri, event)) for iri, event in page.events.items()
                 if keep is None or iri in keep)
    edges = set()
    for iri, event in page.events.items():
        if iri not in nodes:
            continue
        edges.update((person, iri, relation) for person, relation in event.edges if person in nodes)
        for recipient in event.recipients:
            if keep is None or recipient in keep:
                nodes.setdefault(recipient, {"kind": "organization", "label": page.label_of(recipient)})
                edges.add((iri, recipient, ADDRESSED_TO))
    result = nx.MultiDiGraph()
    for node in sorted(nodes):
        result.add_node(node, **nodes[node])
    for source, target, relation in sorted(edges):
        event = nodes[source] if relation == ADDRESSED_TO else nodes[target]
        result.add_edge(source, target, key=relation, relation=relation,
                        evidence=event["evidence"], article=event["article"])
    return result


def _person_attrs(page: PageData, person: PersonNode) -> dict:
    return {"kind": "person", "label": person.label, "party": page.party(person),
            "roles": person.roles, "state": person.state, "names": person.names}


def _event_attrs(graph: Graph, iri: str, event: EventNode) -> dict:
    articles = sorted(graph.objects(URIRef(iri), GB.reportedIn))
    titles = [_first(graph, a, DCTERMS.title) or _first(graph, a, DCTERMS.identifier) for a in articles]
    urls = [u for a in articles for u in _values(graph, a, SDO.url)]
    return {
        "kind": event.kind,
        "label": event.label,
        "evidence": "\n".join(_values(graph, URIRef(iri), GB.evidence)),
        "article": " | ".join(titles),
        "article_url": urls[0] if urls else "",
        "date": event.date,
    }


def _values(graph: Graph, node: URIRef, predicate: URIRef) -> list[str]:
    return sorted({str(v) for v in graph.objects(node, predicate)})


def _first(graph: Graph, node: URIRef, predicate: URIRef) -> str:
    values = _values(graph, node, predicate)
    return values[0] if values else ""


def _label(graph: Graph, node: URIRef) -> str:
    return _first(graph, node, RDFS.label) or str(node).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


# --- networkx -> pyvis -> HTML -------------------------------------------------

def write_html(graph: Graph, path: Path, view: View = View(), *, page: PageData | None = None) -> None:
    """Write a self-contained interactive page of ``graph`` to ``path``, atomically.

    ``page``: the graph's PageData when it is already collected (graphbuild run
    collects it from the stream), so only the drawn events are read from ``graph``.
    The same graph and view always give byte-identical HTML.
    """
    page = page if page is not None else PageData.of_graph(graph)
    kept, note = choose_view(page.people, page.events, view)
    drawn = page_networkx(page, graph, keep=kept)
    write_atomically(Path(path), _render_page(drawn, note, _event_sources(graph, drawn)))


def _event_sources(graph: Graph, nxg: networkx.MultiDiGraph) -> dict[str, list[tuple[str, str]]]:
    """Each drawn event's distinct articles as (title, URL or ""), in IRI order."""
    sources = {}
    for node, kind in nxg.nodes(data="kind"):
        if kind in EVENT_KINDS:
            articles = sorted(graph.objects(URIRef(node), GB.reportedIn))
            found = {a: (_first(graph, a, DCTERMS.title) or _first(graph, a, DCTERMS.identifier) or _label(graph, a),
                         _first(graph, a, SDO.url)) for a in articles}
            sources[node] = [found[a] for a in articles]
    return sources


def select_view(nxg: networkx.MultiDiGraph, view: View) -> tuple[networkx.MultiDiGraph, str]:
    """The part of a to_networkx graph a page draws, and a sentence saying what was left out (empty: nothing)."""
    people = {n: PersonNode(attrs["label"], tuple(attrs.get("names", ())))
              for n, attrs in nxg.nodes(data=True) if attrs["kind"] == "person"}
    events = {n: EventNode(attrs["kind"], attrs["label"], date=attrs.get("date", ""),
                           edges=tuple((p, relation) for p, _, relation in nxg.in_edges(n, keys=True) if p in people),
                           recipients=tuple(nxg.successors(n)))
              for n, attrs in nxg.nodes(data=True) if attrs["kind"] in EVENT_KINDS}
    kept, note = choose_view(people, events, view)
    # not nxg.subgraph(kept): its view iterates the set, in an order that changes with PYTHONHASHSEED
    drawn = nxg.copy()
    drawn.remove_nodes_from([node for node in nxg if node not in kept])
    return drawn, note


def _render_page(nxg: networkx.MultiDiGraph, note: str = "",
                 sources: dict[str, list[tuple[str, str]]] | None = None) -> str:
    sources = sources or {}
    net = _to_pyvis(nxg, _layout(nxg), sources)
    data = {"nodes": net.nodes, "edges": net.edges, "options": VIS_OPTIONS, "explore": _explore_data(nxg, sources)}
    vis_js, vis_css = _vis_assets()
    people = sum(1 for _, kind in nxg.nodes(data="kind") if kind == "person")
    return PAGE.substitute(
        csp=f"default-src 'none'; script-src {_script_hash(vis_js)} {_script_hash(INIT_JS)}; "
            "style-src 'unsafe-inline'; img-src data:",
        vis_css=vis_css, page_css=PAGE_CSS, legend=_legend_html(), explore=EXPLORE_HTML,
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


def _to_pyvis(nxg: networkx.MultiDiGraph, positions: dict[str, tuple[int, int]],
              sources: dict[str, list[tuple[str, str]]]):
    # directed=True skips pyvis's quadratic duplicate-edge check (STACK-NOTES).
    from pyvis.network import Network

    net = Network(directed=True)
    for node, attrs in nxg.nodes(data=True):
        x, y = positions[node]
        net.add_node(node, label=_shorten(attrs["label"]), title=_node_title(attrs),
                     shape=SHAPES[attrs["kind"]], color=_node_colour(attrs),
                     size=_node_size(attrs, nxg.degree(node)), x=x, y=y)
    for number, (source, target, attrs) in enumerate(nxg.edges(data=True)):
        articles = len(sources.get(source if attrs["relation"] == ADDRESSED_TO else target, ()))
        net.add_edge(source, target, id=f"e{number}", label=attrs["relation"],
                     title=_edge_title(nxg, source, target, attrs, articles), width=_edge_width(articles))
    return net


def _edge_width(articles: int) -> int:
    """Thicker the more distinct articles report the edge's event: 1 px for one (or none), up to 8."""
    return min(8, 1 + 2 * (articles - 1)) if articles > 1 else 1


def _party_key(attrs: dict) -> str:
    """The PARTY_COLOURS key of a person: a party code, "several" or "" (unknown or other)."""
    return attrs["party"] if attrs["party"] in PARTY_NAMES else ("several" if "/" in attrs["party"] else "")


def _explore_data(nxg: networkx.MultiDiGraph, sources: dict[str, list[tuple[str, str]]]) -> dict:
    """What the page's search, filters and fact panel read: articles, filter choices, per-node facts."""
    articles = sorted({article for found in sources.values() for article in found})
    index = {article: number for number, article in enumerate(articles)}
    meta: dict[str, dict] = {}
    for node, attrs in nxg.nodes(data=True):
        kind = attrs["kind"]
        if kind == "person":
            facts = [{"relation": relation, "event": event, "kind": nxg.nodes[event]["kind"],
                      "label": nxg.nodes[event]["label"], "evidence": nxg.nodes[event]["evidence"],
                      "date": nxg.nodes[event].get("date", ""),
                      "articles": [index[a] for a in sources.get(event, ())]}
                     for _, event, relation in nxg.out_edges(node, keys=True)]
            facts.sort(key=lambda f: (f["date"], f["kind"], f["label"], f["event"], f["relation"]))
            meta[node] = {"kind": kind, "label": attrs["label"], "names": list(attrs.get("names", ())),
                          "party": _party_key(attrs), "about": " · ".join(_node_title(attrs).split("\n")[1:]),
                          "facts": facts}
        elif kind == "organization":
            meta[node] = {"kind": kind, "label": attrs["label"]}
        else:
            meta[node] = {"kind": kind, "label": attrs["label"], "evidence": attrs["evidence"],
                          "articles": [index[a] for a in sources.get(node, ())],
                          "people": sorted(p for p in nxg.predecessors(node) if nxg.nodes[p]["kind"] == "person"),
                          "to": sorted(nxg.successors(node))}
    kinds = {m["kind"] for m in meta.values()}
    parties = {m["party"] for m in meta.values() if m["kind"] == "person"}
    return {
        "articles": [{"title": title, "url": url} for title, url in articles],
        "kinds": [k for k in EVENT_KINDS if k in kinds],
        "parties": [{"key": key, "text": text} for key, _, text in PARTY_COLOURS if key in parties],
        "meta": meta,
    }


def _node_colour(attrs: dict) -> str:
    if attrs["kind"] == "organization":
        return ORGANIZATION_COLOUR
    if attrs["kind"] != "person":
        return EVENT_COLOUR
    party = _party_key(attrs)
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


def _edge_title(nxg: networkx.MultiDiGraph, source: str, target: str, attrs: dict, articles: int = 0) -> str:
    head = f"{nxg.nodes[source]['label']} {attrs['relation']} {nxg.nodes[target]['label']}"
    if articles > 1:
        head += f" ({articles} articles)"
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
        f"<h2>Arrows</h2><p>{html.escape(relations)}; thicker = reported in more articles</p>"
        "<p>Hover a node or an arrow to read the evidence sentence and its article; "
        "click a person to list their facts.</p></aside>"
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

# Reads the data block as JSON (never as code), draws it, wires search, filters and
# the fact panel, and exposes the DataSets for tests. Kept in one inline script so
# the CSP hash (computed from this text in _render_page) covers all of it.
INIT_JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("graph");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  var explore = data.explore || {articles: [], kinds: [], parties: [], meta: {}};
  var meta = explore.meta;
  var byId = function (id) { return document.getElementById(id); };

  // Every string below comes from scraped articles: it only ever reaches the page
  // through textContent, option.value or a checked http(s) href, never as markup.
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function webUrl(url) { return typeof url === "string" && /^https?:\/\//i.test(url) ? url : ""; }
  function fold(text) {
    return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  // --- search ---------------------------------------------------------------
  var people = Object.keys(meta).filter(function (id) { return meta[id].kind === "person"; }).map(function (id) {
    return {id: id, label: meta[id].label, names: [meta[id].label].concat(meta[id].names).map(fold)};
  }).sort(function (a, b) { return a.label < b.label ? -1 : a.label > b.label ? 1 : (a.id < b.id ? -1 : 1); });

  function rank(person, query) {
    var best = 3;
    person.names.forEach(function (name) {
      if (name.indexOf(query) === 0) { best = Math.min(best, 0); }
      else if ((" " + name).indexOf(" " + query) >= 0) { best = Math.min(best, 1); }
      else if (name.indexOf(query) >= 0) { best = Math.min(best, 2); }
    });
    return best;
  }
  function findPeople(text) {
    var query = fold(text);
    if (!query) { return []; }
    return people.map(function (p) { return {person: p, rank: rank(p, query)}; })
      .filter(function (m) { return m.rank < 3; })
      .sort(function (a, b) { return a.rank - b.rank; })  // stable: label order within a rank
      .map(function (m) { return m.person.id; });
  }
  function choose(id) {
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1), animation: false});
    showDetails(id);
  }
  var search = byId("search"), matches = byId("matches");
  function listMatches() {
    clear(matches);
    findPeople(search.value).slice(0, 8).forEach(function (id) {
      var item = el("li"), button = el("button", meta[id].label);
      button.type = "button";
      button.addEventListener("click", function () { choose(id); });
      item.appendChild(button);
      matches.appendChild(item);
    });
    if (search.value.trim() && !matches.firstChild) { matches.appendChild(el("li", "no one by that name", "hint")); }
  }
  search.addEventListener("input", listMatches);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = findPeople(search.value);
      if (found.length) { choose(found[0]); }
      event.preventDefault();
    }
  });

  // --- filters --------------------------------------------------------------
  function checkbox(parent, value, text) {
    var label = el("label"), box = el("input");
    box.type = "checkbox";
    box.value = value;
    box.checked = true;
    box.addEventListener("change", applyFilters);
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + text));
    parent.appendChild(label);
  }
  explore.kinds.forEach(function (kind) { checkbox(byId("filter-kind"), kind, kind); });
  explore.parties.forEach(function (party) { checkbox(byId("filter-party"), party.key, party.text); });
  var articleSelect = byId("filter-article");
  explore.articles.forEach(function (article, number) {
    var option = el("option", article.title || "(untitled)");
    option.value = String(number);
    articleSelect.appendChild(option);
  });
  articleSelect.addEventListener("change", applyFilters);

  function ticked(id) {
    var on = {};
    byId(id).querySelectorAll("input:checked").forEach(function (box) { on[box.value] = true; });
    return on;
  }
  function applyFilters() {
    var kinds = ticked("filter-kind"), parties = ticked("filter-party");
    var article = articleSelect.value === "" ? -1 : Number(articleSelect.value);
    var narrowed = article >= 0 || explore.kinds.some(function (k) { return !kinds[k]; });
    var shown = {};
    Object.keys(meta).forEach(function (id) {
      var m = meta[id];
      if (m.kind !== "person" && m.kind !== "organization") {
        shown[id] = kinds[m.kind] === true && (article < 0 || m.articles.indexOf(article) >= 0) &&
          (m.people.length === 0 || m.people.some(function (p) { return parties[meta[p].party] === true; }));
        if (shown[id]) { m.to.forEach(function (r) { shown[r] = true; }); }
      }
    });
    Object.keys(meta).forEach(function (id) {
      var m = meta[id];
      if (m.kind === "person") {
        shown[id] = parties[m.party] === true &&
          (m.facts.length === 0 ? !narrowed : m.facts.some(function (f) { return shown[f.event]; }));
      } else if (m.kind === "organization") {
        shown[id] = shown[id] === true;
      }
    });
    var nodeUpdates = [], edgeUpdates = [], count = 0;
    nodes.forEach(function (node) {
      var hidden = !shown[node.id];
      if (!hidden) { count += 1; }
      if (Boolean(node.hidden) !== hidden) { nodeUpdates.push({id: node.id, hidden: hidden}); }
    });
    edges.forEach(function (edge) {
      var hidden = !shown[edge.from] || !shown[edge.to];
      if (Boolean(edge.hidden) !== hidden) { edgeUpdates.push({id: edge.id, hidden: hidden}); }
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    byId("filter-status").textContent = count === nodes.length ? "" : count + " of " + nodes.length + " nodes shown";
  }
  byId("filter-reset").addEventListener("click", function () {
    document.querySelectorAll("#filter-kind input, #filter-party input").forEach(function (box) { box.checked = true; });
    articleSelect.value = "";
    applyFilters();
  });

  // --- details panel --------------------------------------------------------
  var details = byId("details");
  function articleList(numbers) {
    var list = el("ul", "", "sources");
    numbers.forEach(function (number) {
      var article = explore.articles[number], item = el("li"), url = webUrl(article.url);
      var title = article.title || "(untitled)";
      if (url) {
        var link = el("a", title);
        link.setAttribute("href", url);
        link.setAttribute("rel", "noopener noreferrer");
        link.setAttribute("target", "_blank");
        item.appendChild(link);
      } else {
        item.appendChild(el("span", title));
      }
      list.appendChild(item);
    });
    return list;
  }
  function showDetails(id) {
    var m = meta[id];
    if (!m) { return; }
    clear(details);
    details.appendChild(el("h2", m.label));
    if (m.kind === "person") {
      if (m.about) { details.appendChild(el("p", m.about, "about")); }
      if (m.names.length) { details.appendChild(el("p", "Also: " + m.names.join("; "), "about")); }
      if (!m.facts.length) { details.appendChild(el("p", "No drawn facts.", "hint")); }
      var facts = el("ol", "", "facts");
      m.facts.forEach(function (fact) {
        var item = el("li");
        var head = el("p", "", "fact");
        head.appendChild(el("strong", fact.relation));
        head.appendChild(document.createTextNode(" " + fact.kind + ": " + fact.label + (fact.date ? " (" + fact.date + ")" : "")));
        item.appendChild(head);
        if (fact.evidence) { item.appendChild(el("blockquote", fact.evidence)); }
        if (fact.articles.length) { item.appendChild(articleList(fact.articles)); }
        facts.appendChild(item);
      });
      details.appendChild(facts);
    } else if (m.kind !== "organization") {
      details.appendChild(el("p", m.kind, "about"));
      if (m.people.length) {
        details.appendChild(el("p", "People: " + m.people.map(function (p) { return meta[p].label; }).join("; "), "about"));
      }
      if (m.evidence) { details.appendChild(el("blockquote", m.evidence)); }
      if (m.articles.length) { details.appendChild(articleList(m.articles)); }
    }
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showDetails(params.nodes[0]); }
  });

  window.graphbuild = {network: network, nodes: nodes, edges: edges,
                       findPeople: findPeople, choose: choose, applyFilters: applyFilters};
})();
"""

EXPLORE_HTML = """<section class="explore" aria-label="Search and filters">
<label for="search" class="find">Find a person</label>
<input id="search" type="search" autocomplete="off" spellcheck="false" placeholder="name or other name">
<ul id="matches"></ul>
<details open><summary>Filters</summary>
<fieldset id="filter-kind"><legend>Event kind</legend></fieldset>
<fieldset id="filter-party"><legend>Party</legend></fieldset>
<label for="filter-article">Article</label>
<select id="filter-article"><option value="">all articles</option></select>
<button id="filter-reset" type="button">Show all</button> <span id="filter-status"></span>
</details>
<section id="details" aria-live="polite"><p class="hint">Click a person to list their facts with the evidence.</p></section>
</section>"""

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
.explore { flex: 0 0 19rem; font-size: 13px; padding: 0.5rem 0.75rem; border-right: 1px solid #ddd; overflow-y: auto; }
.explore input[type=search], .explore select { width: 100%; box-sizing: border-box; margin: 0.2rem 0; }
.explore ul { list-style: none; margin: 0.2rem 0; padding: 0; }
#matches button { background: none; border: none; padding: 0.1rem 0; color: #1a4f9c; cursor: pointer; text-align: left; font: inherit; }
.explore fieldset { border: 1px solid #ddd; margin: 0.3rem 0; padding: 0.2rem 0.4rem; }
.explore fieldset label { display: inline-block; margin-right: 0.6rem; white-space: nowrap; }
.explore summary { font-weight: bold; cursor: pointer; margin-top: 0.4rem; }
.explore .find { font-weight: bold; }
#filter-status, .hint, .about { color: #555; }
#details h2 { font-size: 1rem; margin: 0.8rem 0 0.2rem; }
#details p { margin: 0.15rem 0; }
#details ol { padding-left: 1.2rem; margin: 0.3rem 0; }
#details blockquote { margin: 0.2rem 0 0.2rem 0.3rem; padding-left: 0.5rem; border-left: 3px solid #ddd; white-space: pre-wrap; }
#details .sources { font-size: 12px; }
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
<main>$explore<div id="graph"></div>$legend</main>
<script type="application/json" id="graph-data">$data</script>
<script>$vis_js</script>
<script>$init_js</script>
</body>
</html>
""")
