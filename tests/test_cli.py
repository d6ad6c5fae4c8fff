"""The graphbuild command, through typer's CliRunner: help, outputs, errors as one line."""
from __future__ import annotations

import io
import json
import sys
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphbuild import __version__
from graphbuild.cli import EXIT_SKIPPED, app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
COMMANDS = ["run", "query", "eval", "explain", "validate", "serve", "stats"]


@pytest.fixture
def built(tmp_path) -> Path:
    result = runner.invoke(app, ["run", str(ROOT / "seeds"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    return tmp_path / "out" / "graph.ttl"


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


def test_cli_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"graphbuild {command}" in readme for command in COMMANDS)


def test_cli_version():
    result = runner.invoke(app, ["--version"])
    assert result.output.strip() == f"graphbuild {__version__}"


def test_cli_run_prints_a_summary_and_writes_both_outputs(tmp_path):
    result = runner.invoke(app, ["run", str(ROOT / "seeds"), "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert re.search(r"1 articles read, 0 skipped; 8 people, 6 events, \d+ triples in [\d.]+ s "
                     r"\(extract [\d.]+ s, resolve [\d.]+ s, turtle [\d.]+ s, store [\d.]+ s, html [\d.]+ s\)\n", result.output)
    assert (tmp_path / "graph.ttl").stat().st_size and (tmp_path / "graph.html").stat().st_size


def test_cli_run_names_skipped_inputs_and_exits_3(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Headline\n\nSen. Jane Holloway (D-Ore.) tweeted.\n")
    (tmp_path / "in" / "scan.pdf").write_bytes(b"%PDF-1.4")
    result = runner.invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == EXIT_SKIPPED
    assert "skipped" in result.output and "scan.pdf" in result.output
    assert (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.parametrize("skipped", [False, True])
def test_cli_program_ends_run_with_its_status_and_every_line_shown(tmp_path, skipped):
    """The program exits without tearing down the heap (cli._end_run): nothing printed may be lost."""
    import subprocess

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Headline\n\nSen. Jane Holloway (D-Ore.) tweeted.\n")
    if skipped:
        (tmp_path / "in" / "scan.pdf").write_bytes(b"%PDF-1.4")
    done = subprocess.run([sys.executable, "-m", "graphbuild", "run", str(tmp_path / "in"), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == (EXIT_SKIPPED if skipped else 0), done.stderr
    assert done.stdout.startswith("1 articles read") and done.stdout.endswith(f"wrote {tmp_path / 'out' / 'graph.html'}\n")
    assert ("scan.pdf" in done.stderr) == skipped
    assert (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8").endswith(" .\n\n")


def test_cli_run_with_nothing_readable_fails_and_keeps_previous_outputs(tmp_path, built):
    before = built.read_bytes()
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["run", str(tmp_path / "empty"), "--out", str(built.parent)])
    assert result.exit_code == 1
    assert result.output.startswith("error: no articles found") and result.output.count("\n") == 1
    assert built.read_bytes() == before


def test_cli_run_missing_input_is_one_line(tmp_path):
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "nope" in result.output and "Traceback" not in result.output


def test_cli_query_table_csv_and_json(built):
    sparql = "SELECT DISTINCT ?name WHERE { ?p gb:signedStatement ?s ; rdfs:label ?name } ORDER BY ?name"
    table = runner.invoke(app, ["query", sparql, "--graph", str(built)])
    assert table.exit_code == 0 and "Chuck Schumer" in table.output
    csv = runner.invoke(app, ["query", sparql, "--graph", str(built), "--format", "csv"])
    assert csv.output.splitlines()[0] == "name" and len(csv.output.splitlines()) == 6
    data = json.loads(runner.invoke(app, ["query", sparql, "--graph", str(built), "--format", "json"]).output)
    assert len(data["results"]["bindings"]) == 5


@pytest.mark.parametrize("query_file", sorted(p.name for p in (ROOT / "queries").glob("*.rq")))
def test_cli_query_runs_each_shipped_example(built, query_file):
    result = runner.invoke(app, ["query", str(ROOT / "queries" / query_file), "--graph", str(built)])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) > 2, f"{query_file} returned no rows on the seed"


@pytest.mark.parametrize("args, message", [
    (["query", "SELECT ?x WHERE {", "--graph", "GRAPH"], "error:"),
    (["query", "INSERT DATA { <a:b> <a:c> <a:d> }", "--graph", "GRAPH"], "error:"),
    (["query", "SELECT * WHERE { ?s ?p ?o }", "--graph", "missing.ttl"], "error:"),
    (["eval", "missing.jsonl", "--graph", "GRAPH"], "error:"),
])
def test_cli_errors_are_one_line_and_exit_1(built, args, message):
    args = [str(built) if a == "GRAPH" else a for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert result.output.startswith(message) and "Traceback" not in result.output


def test_cli_query_rejects_unknown_format(built):
    result = runner.invoke(app, ["query", "ASK { ?s ?p ?o }", "--graph", str(built), "--format", "xml"])
    assert result.exit_code == 2


def test_cli_eval_scores_the_seed(shared, built):
    result = runner.invoke(app, ["eval", str(shared / "seeds" / "gold.jsonl"), "--graph", str(built)])
    assert result.exit_code == 0
    assert re.search(r"micro\s+1\.000\s+1\.000\s+1\.000\s+34\s+34", result.output)


def test_cli_run_missing_gazetteer_is_one_line_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(ROOT / "seeds"), "--out", str(out), "--gazetteer", str(tmp_path / "no.yaml")])
    assert result.exit_code == 1 and "gazetteer file" in result.output and "no.yaml" in result.output
    assert not (out / "graph.ttl").exists()


def test_cli_run_html_view_options_say_what_was_left_out(shared, tmp_path):
    args = ["run", str(shared / "devset" / "articles"), "--out", str(tmp_path), "--max-people", "5", "--relation", "bill"]
    assert runner.invoke(app, args).exit_code == 0
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert "Showing the 5 most connected of 100 people" in page and "only Bill" in page


def test_cli_run_rejects_an_unknown_relation_kind(tmp_path):
    result = runner.invoke(app, ["run", str(ROOT / "seeds"), "--out", str(tmp_path), "--relation", "memo"])
    assert result.exit_code == 2 and "memo" in result.output


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cli_progress_on_a_terminal_counts_against_the_total_and_passes_items_through(monkeypatch):
    from graphbuild import cli

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert list(cli._progress(iter(range(200)), "files read", 200)) == list(range(200))
    assert list(cli._progress(iter(range(70)), "subjects written")) == list(range(70))
    shown = terminal.getvalue()
    assert "files read" in shown and "200/200" in shown and "left" in shown
    assert "70 subjects written" in shown


def test_cli_progress_off_a_terminal_is_the_items_themselves():
    from graphbuild import cli

    items = iter(range(3))
    assert cli._progress(items, "files read", 3) is items


def test_cli_run_shows_progress_of_reading_and_of_writing(tmp_path):
    from graphbuild.api import BuildConfig, run

    seen = []

    def progress(items, what, total=None):
        items = list(items)
        seen.append((what, total, len(items)))
        return items

    result = run([ROOT / "seeds"], tmp_path, BuildConfig(workers=1, html=False), progress=progress)
    turtle = (tmp_path / "graph.ttl").read_text(encoding="utf-8")
    subjects = turtle.count("\n\n") - 1  # blank lines end statements
    claims = turtle.count(" a gb:Claim ;")
    assert claims > 10
    assert seen == [("files read", 1, 1), ("subjects written", None, subjects - claims + 1)]  # an article's claims: one item
    assert result.summary.triples == 525
