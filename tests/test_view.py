"""What the HTML page draws of a big graph: the most connected part, or the part asked for."""
from __future__ import annotations

import networkx as nx

from graphbuild.render import select_view
from graphbuild.view import View


def _graph(people: int = 10) -> nx.MultiDiGraph:
    """Person p{i} took part in i+1 events; event e{j} (a Bill when j is even) is dated 2020-01-{j}."""
    graph = nx.MultiDiGraph()
    for j in range(people):
        graph.add_node(f"e{j}", kind="Bill" if j % 2 == 0 else "Tweet", label=f"event {j:02d}", date=f"2020-01-{j + 1:02d}")
    for i in range(people):
        graph.add_node(f"p{i}", kind="person", label=f"Person {i:02d}", names=(f"Alias {i}",))
        for j in range(i + 1):
            graph.add_edge(f"p{i}", f"e{j}", key="sponsors")
    return graph


def test_view_small_graph_is_drawn_whole():
    drawn, note = select_view(_graph(5), View())
    assert len(drawn) == 10 and note == ""


def test_view_caps_people_by_how_connected_they_are_and_says_so():
    drawn, note = select_view(_graph(10), View(max_people=3))
    people = sorted(n for n, kind in drawn.nodes(data="kind") if kind == "person")
    assert people == ["p7", "p8", "p9"]
    assert note.startswith("Showing the 3 most connected of 10 people")


def test_view_caps_events_by_drawn_participants():
    drawn, note = select_view(_graph(10), View(max_events=2))
    assert sorted(n for n, kind in drawn.nodes(data="kind") if kind != "person") == ["e0", "e1"]
    assert "2 of 10 events" in note


def test_view_focus_by_any_name_draws_that_person_and_who_shares_their_events():
    drawn, note = select_view(_graph(10), View(focus="alias 2"))
    events = sorted(n for n, kind in drawn.nodes(data="kind") if kind != "person")
    assert events == ["e0", "e1", "e2"]
    assert "p2" in drawn and "p9" in drawn and "focus on alias 2" in note


def test_view_since_and_kinds_filter_events():
    drawn, _ = select_view(_graph(10), View(since="2020-01-08", kinds=("Bill",)))
    assert sorted(n for n, kind in drawn.nodes(data="kind") if kind != "person") == ["e8"]
    assert all(drawn.nodes[p]["kind"] != "person" or drawn.degree(p) for p in drawn)


def test_view_is_deterministic():
    first, _ = select_view(_graph(10), View(max_people=4, max_events=5))
    second, _ = select_view(_graph(10), View(max_people=4, max_events=5))
    assert sorted(first.nodes) == sorted(second.nodes) and sorted(first.edges) == sorted(second.edges)
