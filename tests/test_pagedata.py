"""pagedata.py: the page drawn from the streamed blocks is the page drawn from the rdflib graph."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import graphbuild
from graphbuild.pagedata import PageData
from graphbuild.rdf import graph_blocks, to_turtle, turtle_chunks
from graphbuild.render import page_networkx, to_networkx, write_html
from graphbuild.view import View
from tests.conftest import write_small_corpus

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LETTER = {"id": "letter", "title": "Letter story", "date": "2024-03-01", "url": "https://news.example/letter",
          "text": "Letter story\n\nSen. Jane Holloway (D-Ore.) and Sen. Tom Reyes (R-Ariz.) sent a letter to the "
                  "Federal Election Commission asking for new disclosure rules.\n"}
VIEWS = [View(), View(max_people=3, max_events=4), View(focus="Jane Holloway"), View(since="2024-01-01"),
         View(kinds=("Bill", "Letter"), max_people=5)]


def corpus(folder: Path) -> Path:
    """The small corpus, the seed article and a dated letter to an organization."""
    write_small_corpus(folder / "small")
    (folder / "letter.jsonl").write_text(json.dumps(LETTER) + "\n", encoding="utf-8")
    (folder / "seed.txt").write_bytes(next(SEEDS.glob("*.txt")).read_bytes())
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return graphbuild.build([corpus(tmp_path_factory.mktemp("corpus"))])


def collected(blocks) -> PageData:
    page = PageData()
    for _block in page.collect(blocks):
        pass
    return page


def same_networkx(first, second) -> bool:
    """The same nodes and edges, with the same attributes, in the same order."""
    return (list(first.nodes(data=True)) == list(second.nodes(data=True))
            and list(first.edges(keys=True, data=True)) == list(second.edges(keys=True, data=True)))


def test_pagedata_collect_passes_the_blocks_through_unchanged(built):
    page = PageData()
    turtle = "".join(text for text, _ in turtle_chunks(page.collect(graph_blocks(built.facts, built.people))))
    assert turtle == to_turtle(built.graph)
    assert page.people and page.events


def test_pagedata_from_blocks_draws_the_networkx_graph_of_the_rdflib_graph(built):
    page = collected(graph_blocks(built.facts, built.people))
    nxg = to_networkx(built.graph)
    assert any(kind == "organization" for _, kind in nxg.nodes(data="kind"))  # the letter's recipient
    assert same_networkx(page_networkx(page, built.graph), nxg)


def test_pagedata_does_not_depend_on_block_order(built):
    """An rdflib graph gives its subjects in any order: a person's events may come before the events' own blocks."""
    blocks = list(graph_blocks(built.facts, built.people))
    forward, backward = collected(blocks), collected(reversed(blocks))
    assert same_networkx(page_networkx(forward, built.graph), page_networkx(backward, built.graph))


@pytest.mark.parametrize("view", VIEWS, ids=repr)
def test_pagedata_page_from_blocks_is_the_page_from_the_rdflib_graph(built, tmp_path, view):
    write_html(built.graph, tmp_path / "blocks.html", view, page=collected(graph_blocks(built.facts, built.people)))
    write_html(built.graph, tmp_path / "graph.html", view)
    assert (tmp_path / "blocks.html").read_bytes() == (tmp_path / "graph.html").read_bytes()


def test_pagedata_run_page_is_the_page_of_its_graph(tmp_path):
    """run() draws graph.html from the stream; the graph it returns draws the same bytes."""
    result = graphbuild.run([corpus(tmp_path / "corpus")], tmp_path / "out", graphbuild.BuildConfig(workers=1))
    write_html(result.graph, tmp_path / "again.html")
    assert (tmp_path / "again.html").read_bytes() == (tmp_path / "out" / "graph.html").read_bytes()
