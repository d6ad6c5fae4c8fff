"""graphbuild stats: the seed's counts, as a library call and as a command."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphbuild.api import BuildConfig, run
from graphbuild.cli import app
from graphbuild.query import load_graph
from graphbuild.stats import NO_SOURCE, format_stats, graph_stats

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("stats")
    run([ROOT / "seeds"], out, BuildConfig(html=False))
    return out / "graph.ttl"


def test_stats_of_the_seed(seed_graph):
    stats = graph_stats(load_graph(seed_graph))
    assert (stats.people, stats.articles, stats.total_events) == (8, 1, 6)
    assert stats.events == {"Statement": 2, "Tweet": 1, "Letter": 1, "Bill": 1, "Briefing": 1, "Hearing": 0}
    assert stats.relations == {"signedStatement": 6, "posted": 1, "sentLetter": 1, "sponsors": 2,
                               "attendedBriefing": 1, "testifiedAt": 0, "coSignedWith": 10,
                               "cosponsorsBillWith": 1, "addressedTo": 0}
    top = stats.top_people[0]
    assert (top.label, top.connections, top.events) == ("Chris Van Hollen", 5, 3)
    assert stats.outlets == {NO_SOURCE: (1, 6)}
    assert len(graph_stats(load_graph(seed_graph), top=3).top_people) == 3


def test_stats_counts_outlets(tmp_path):
    article = tmp_path / "a.jsonl"
    text = ("Sen. Amy Klobuchar (D-Minn.) and Sen. Mark Warner (D-Va.) said in a joint statement that "
            "the agency must act.")
    import json

    article.write_text(json.dumps({"id": "a1", "title": "T", "text": text, "source": "Politico"}) + "\n")
    run([article], tmp_path / "out", BuildConfig(html=False))
    stats = graph_stats(load_graph(tmp_path / "out" / "graph.ttl"))
    assert list(stats.outlets) == ["Politico"] and stats.outlets["Politico"][0] == 1


def test_stats_command(seed_graph):
    result = CliRunner().invoke(app, ["stats", "--graph", str(seed_graph)])
    assert result.exit_code == 0, result.output
    assert result.output == format_stats(graph_stats(load_graph(seed_graph)))
    for heading in ("Events by kind", "Relations", "Most connected people", "Per outlet (dcterms:source)"):
        assert heading in result.output
    assert "Chris Van Hollen" in result.output and "\x1b[" not in result.output
    missing = CliRunner().invoke(app, ["stats", "--graph", str(seed_graph.parent / "none.ttl")])
    assert missing.exit_code == 1
