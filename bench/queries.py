"""Time the example queries (queries/*.rq) through `graphbuild query` on a built graph and print a table.

    python bench/queries.py OUT [--runs 3] [--name NAME]

Each query runs --runs times, each time as its own
`graphbuild query FILE --graph OUT/graph.ttl --format csv` process, so
start-up, opening the store, the query and printing its CSV all count; the
table gives the fastest and slowest run, the CPU time of the fastest (the
machine may be shared) and the rows returned. `ASK { }` comes first: the
fixed cost of any query. A query about one person (a `VALUES ?name { "..." }`
line) is run for NAME; by default for whichever of the busiest people (the
one with the most facts, the one with the most statements, bills, briefings,
letters, posts, hearings) it returns the most rows about: the shipped names
are not in a generated corpus, and the busiest person is the slowest case.
"""
from __future__ import annotations

import argparse
import csv
import io
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.endtoend import graphbuild_command, measure

ROOT = Path(__file__).resolve().parent.parent
NAME_LINE = re.compile(r'(VALUES\s+\?name\s*\{\s*)"[^"]*"')
BUSIEST = """SELECT ?name WHERE {
  { SELECT ?person (COUNT(*) AS ?n) WHERE { PATTERN } GROUP BY ?person ORDER BY DESC(?n) LIMIT 1 }
  ?person rdfs:label ?name .
}"""
BUSY_PATTERNS = ("?claim gb:about ?person", *(f"?person gb:{relation} ?event" for relation in (
    "signedStatement", "sponsors", "attendedBriefing", "sentLetter", "posted", "testifiedAt")))


@dataclass(frozen=True)
class Timing:
    query: str
    seconds: list[float]
    cpu_seconds: float
    """Of the fastest run: user + system time of `graphbuild query` and the child running the query."""
    rows: str
    """CSV rows returned ("-" for ASK)."""
    failure: str = ""
    """Why a run failed; empty when all ran."""


def busiest_people(graph: Path, timeout: float = 600) -> list[str]:
    """The person with the most facts, then the one with the most of each kind of event (once each)."""
    names = []
    for pattern in BUSY_PATTERNS:
        rows = _csv_rows(_graphbuild_query(BUSIEST.replace("PATTERN", pattern), graph, timeout).output)
        names.extend(row[0] for row in rows if row[0] not in names)
    return names


def time_queries(graph: Path, workdir: Path, *, runs: int = 3, names: list[str] = (),
                 timeout: float = 600) -> list[Timing]:
    """`ASK { }`, then each queries/*.rq, each run `runs` times; one about a person for whichever of names it returns most rows."""
    workdir.mkdir(parents=True, exist_ok=True)
    timings = [time_query("ASK { }", "ASK { }", graph, runs, timeout)]
    for path in sorted((ROOT / "queries").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        label = f"queries/{path.name}"
        if names and NAME_LINE.search(text):
            about = {name: workdir / f"{path.stem}-{index}.rq" for index, name in enumerate(names)}
            for name, query in about.items():
                query.write_text(NAME_LINE.sub(lambda found: found.group(1) + _sparql_string(name), text), encoding="utf-8")
            name = max(names, key=lambda name: _row_count(_graphbuild_query(str(about[name]), graph, timeout)))
            label, path = f"{label} ({name})", about[name]
        timings.append(time_query(label, str(path), graph, runs, timeout))
    return timings


def time_query(label: str, query: str, graph: Path, runs: int, timeout: float) -> Timing:
    done_runs = []
    for _ in range(runs):
        done = _graphbuild_query(query, graph, timeout)
        if not done.ok:
            last_line = (done.output.strip().splitlines() or ["no output"])[-1]
            return Timing(label, [], 0.0, "", f"exit {done.status}: {last_line[:150]}")
        done_runs.append(done)
    fastest = min(done_runs, key=lambda run: run.seconds)
    rows = "-" if query.startswith("ASK") else f"{_row_count(fastest):,}"
    return Timing(label, [run.seconds for run in done_runs], fastest.cpu_seconds, rows)


def _graphbuild_query(query: str, graph: Path, timeout: float):
    with tempfile.TemporaryDirectory() as folder:
        return measure([*graphbuild_command(), "query", query, "--graph", str(graph), "--format", "csv",
                        "--timeout", str(timeout)], Path(folder) / "query.log", timeout + 30)


def _csv_rows(output: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(output)))[1:]


def _row_count(done) -> int:
    return len(_csv_rows(done.output)) if done.ok else -1


def _sparql_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def markdown(timings: list[Timing]) -> str:
    lines = ["| query | rows | fastest | slowest | CPU (fastest) |", "| --- | ---: | ---: | ---: | ---: |"]
    for timing in timings:
        if timing.failure:
            lines.append(f"| `{timing.query}` | failed ({timing.failure}) | | | |")
        else:
            lines.append(f"| `{timing.query}` | {timing.rows} | {min(timing.seconds):.2f} s | {max(timing.seconds):.2f} s "
                         f"| {timing.cpu_seconds:.2f} s |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="a folder `graphbuild run` wrote (graph.ttl and graph.oxigraph/)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each query (default 3)")
    parser.add_argument("--name", help="the person for queries about one person (default: the busiest, see above)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before one query is stopped")
    args = parser.parse_args(argv)
    graph = args.out / "graph.ttl"
    if not graph.is_file():
        parser.error(f"{graph} does not exist: run `graphbuild run ... --out {args.out}` first")
    names = [args.name] if args.name else busiest_people(graph, args.timeout)
    with tempfile.TemporaryDirectory() as workdir:
        timings = time_queries(graph, Path(workdir), runs=args.runs, names=names, timeout=args.timeout)
    load = ", ".join(f"{average:.1f}" for average in os.getloadavg())
    print(f"graphbuild query on {graph} ({graph.stat().st_size / 2**20:,.0f} MiB of Turtle), {args.runs} runs each, "
          f"load average {load} after\n")
    print(markdown(timings))
    return 1 if any(timing.failure for timing in timings) else 0


if __name__ == "__main__":
    sys.exit(main())
