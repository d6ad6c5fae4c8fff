"""Run graphbuild's benchmark (issue 4) and print one markdown table with the machine it ran on.

    python bench/run.py [--sizes 1000,10000] [--skip-slow] [--out results.md]

Everything is measured side by side in one run, as ratios where machines are
noisy: extraction against a single regex pass and against spaCy NER on the
same texts, then `graphbuild run` end to end for each corpus size (wall time,
peak memory, a per-stage breakdown with Turtle triples/s, the example queries,
the first draw of graph.html in headless Chromium). Options of later work
(`--workers`, the re-run cache, `--engine dask`) get rows when
`graphbuild run --help` lists them, "n/a (not available)" otherwise.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import endtoend as e2e
from bench import extraction as ex
from bench import queries as bq
from bench.generate import generate
from bench.machine import describe_machine
from graphbuild.workers import default_workers

NA = "n/a (not available)"
STAGES = ("read+clean", "extract", "resolve", "to_graph", "turtle", "html")


class Table:
    """Rows of the result table, printed as they come so a long run shows progress."""

    def __init__(self, echo: bool = True):
        self.rows: list[tuple[str, str, str, str]] = []
        self.echo = echo

    def add(self, what: str, articles: int | str, result: str, compared: str = "") -> None:
        row = (what, f"{articles:,}" if isinstance(articles, int) else articles, result, compared)
        self.rows.append(row)
        if self.echo:
            print("  " + " | ".join(row), file=sys.stderr, flush=True)

    def markdown(self) -> str:
        lines = ["| measurement | articles | result | compared |", "| --- | ---: | --- | --- |"]
        return "\n".join(lines + [f"| {' | '.join(row)} |" for row in self.rows])


def rate(per_second: float) -> str:
    return f"{per_second:,.0f} articles/s" if per_second >= 10 else f"{per_second:.1f} articles/s"


def corpus_for(size: int, seed: int, workdir: Path) -> Path:
    """A generated corpus of `size` articles, reused when it is already there."""
    path = workdir / f"corpus-{size}-seed{seed}"
    manifest = path / ".manifest"
    if manifest.exists() and manifest.read_text().startswith(f"articles\t{size}\nseed\t{seed}\n"):
        return path
    shutil.rmtree(path, ignore_errors=True)
    started = time.perf_counter()
    generate(size, path, seed)
    print(f"generated {size:,} articles in {time.perf_counter() - started:.1f} s: {path}", file=sys.stderr)
    return path


def measure_extraction(table: Table, corpus: Path, limit: int, args) -> str:
    articles, reading = ex.read_cleaned(corpus, limit)
    texts = [article.text for article in articles]
    floor = ex.time_floor(texts)
    ours = ex.time_graphbuild(articles)
    ratio = floor.per_second / ours.per_second
    table.add("extraction: graphbuild `extract_article` on cleaned text, 1 process", ours.articles, rate(ours.per_second),
              f"target >= 1,000 articles/s; {ours.note}")
    table.add("floor: one regex pass (titles, party tags) over the same texts", floor.articles, rate(floor.per_second),
              f"graphbuild is {ratio:.1f}x slower (target <= 5x)")
    spacy_note = "skipped (--skip-slow)"
    if not args.skip_slow:
        spacy_rate, spacy_note = ex.time_spacy(texts[:args.spacy_articles], ex.find_spacy_python(args.spacy_python))
        if spacy_rate:
            table.add(f"spaCy NER only ({spacy_note}) over the same texts", spacy_rate.articles, rate(spacy_rate.per_second),
                      f"graphbuild is {ours.per_second / spacy_rate.per_second:.0f}x faster")
        else:
            table.add("spaCy NER only over the same texts", "-", spacy_note)
    table.add("read + clean (`read_articles`, `clean_article`)", reading.articles, rate(reading.per_second))
    return spacy_note


def measure_size(table: Table, size: int, corpus: Path, workdir: Path, features: set[str], args) -> None:
    runs = workdir / f"runs-{size}"
    shutil.rmtree(runs, ignore_errors=True)
    out = runs / "out"
    full = e2e.run_graphbuild(corpus, out, runs / "run.log", args.timeout)
    if not full.ok:
        table.add("`graphbuild run` end to end", size, f"failed (exit {full.status}, {full.seconds:.0f} s): see {runs / 'run.log'}")
        return
    triples = f", {full.triples:,} triples" if full.triples else ""
    table.add("`graphbuild run` end to end (Turtle + HTML written)", size,
              f"{full.seconds:.1f} s = {rate(size / full.seconds)}; peak RSS {full.peak_kib / 2**10:,.0f} MiB{triples}",
              "target >= 500 articles/s at 10,000; peak < 2 GiB at 100,000")
    measure_options(table, size, corpus, runs, full, features, args)
    if not args.no_stages:
        measure_stages(table, size, corpus, runs, args)
    measure_queries(table, size, out / "graph.ttl", runs, args)
    if args.skip_slow:
        table.add("HTML graph: first draw in headless Chromium", size, "skipped (--skip-slow)")
    else:
        seconds, why = e2e.first_draw(out / "graph.html")
        size_mib = (out / "graph.html").stat().st_size / 2**20
        table.add("HTML graph: first draw in headless Chromium", size,
                  f"{seconds:.2f} s ({size_mib:.0f} MiB page)" if seconds is not None else why, "target < 3 s at 100,000")


def measure_options(table: Table, size: int, corpus: Path, runs: Path, full: e2e.Measured, features: set[str], args) -> None:
    """Rows for options other engineers are adding; n/a until `graphbuild run --help` lists them."""
    rebuild = ["--rebuild"] if "cache" in features else []
    if "workers" in features:
        one = e2e.run_graphbuild(corpus, runs / "out-1-worker", runs / "run-1-worker.log", args.timeout, "--workers", "1", *rebuild)
        table.add("`graphbuild run --workers 1`", size, f"{one.seconds:.1f} s = {rate(size / one.seconds)}",
                  f"default (all cores) is {one.seconds / full.seconds:.2f}x faster")
    else:
        table.add("`graphbuild run --workers 1` (parallel speed-up)", size, NA)
    if "cache" in features:
        again = e2e.run_graphbuild(corpus, runs / "out", runs / "rerun.log", args.timeout)
        path, original = e2e.change_one_article(corpus)
        try:
            changed = e2e.run_graphbuild(corpus, runs / "out", runs / "rerun-changed.log", args.timeout)
        finally:
            path.write_bytes(original)
        table.add("re-run, nothing changed", size, f"{again.seconds:.1f} s", f"{100 * again.seconds / full.seconds:.1f}% of the full run")
        table.add("re-run after changing 1 article", size, f"{changed.seconds:.1f} s",
                  f"{100 * changed.seconds / full.seconds:.1f}% of the full run (target < 5% at 10,000)")
    else:
        table.add("re-run after changing 1 article (cache)", size, NA)
    if "dask" in features and args.skip_slow:
        table.add("`graphbuild run --engine dask` (LocalCluster)", size, "skipped (--skip-slow)")
    elif "dask" in features:
        dask = e2e.run_graphbuild(corpus, runs / "out-dask", runs / "run-dask.log", args.timeout, "--engine", "dask", *rebuild)
        result = f"{dask.seconds:.1f} s = {rate(size / dask.seconds)}" if dask.ok else f"failed (exit {dask.status})"
        table.add("`graphbuild run --engine dask` (LocalCluster)", size, result)
    else:
        table.add("`graphbuild run --engine dask`", size, NA)


def measure_stages(table: Table, size: int, corpus: Path, runs: Path, args) -> None:
    script = Path(__file__).with_name("stages.py")
    done = subprocess.run([sys.executable, str(script), str(corpus), str(runs / "stages")], capture_output=True, text=True,
                          timeout=args.timeout)
    lines = done.stdout.strip().splitlines()
    if not lines:
        table.add("stages", size, f"failed: {(done.stderr.strip().splitlines() or ['no output'])[-1][:150]}")
        return
    result = json.loads(lines[-1])
    seconds = result["seconds"]
    split = " / ".join(f"{stage} {seconds[stage]:.1f}" if stage in seconds else f"{stage} error" for stage in STAGES)
    total = sum(seconds[stage] for stage in STAGES if stage in seconds)
    shares = ", ".join(f"{stage} {100 * seconds[stage] / total:.0f}%" for stage in STAGES if stage in seconds)
    table.add("stages in one process, seconds (library API)", size, split, shares)
    if "turtle" in seconds and result.get("triples"):
        per_second = result["triples"] / seconds["turtle"]
        table.add("Turtle written (`rdf.to_turtle`)", size, f"{per_second:,.0f} triples/s ({result['triples']:,} triples, "
                  f"{result['turtle_bytes'] / 2**20:,.0f} MiB)", "target >= 300,000 triples/s")
    if "turtle streamed" in seconds and result.get("streamed_triples"):
        per_second = result["streamed_triples"] / seconds["turtle streamed"]
        table.add("Turtle written as `graphbuild run` writes it (`rdf.write_graph_turtle` from the records)", size,
                  f"{per_second:,.0f} triples/s ({result['streamed_triples']:,} triples)", "target >= 300,000 triples/s")
    measure_store(table, size, result)
    for stage, error in result["errors"].items():
        table.add(f"stage {stage}", size, f"error: {error}")


def measure_store(table: Table, size: int, result: dict) -> None:
    """The store's cost, and the least time any run of this corpus can take on this machine (its CPU floor)."""
    seconds, cpu = result["seconds"], result.get("cpu", {})
    if "store" in seconds:
        table.add("store alone: graph.ttl bulk-loaded whole into Oxigraph (its cheapest load)", size,
                  f"{seconds['store']:.1f} s, {cpu['store']:.1f} CPU-s")
    if "turtle + store" in seconds:
        table.add("graph.ttl written while its store loads in 8 MB chunks, as `graphbuild run` does", size,
                  f"{seconds['turtle + store']:.1f} s, {cpu['turtle + store']:.1f} CPU-s",
                  f"graph.ttl alone {seconds.get('turtle streamed', 0):.1f} s")
    parts = {"read+clean": cpu.get("read+clean"), "resolve": cpu.get("resolve"), "Turtle": cpu.get("turtle streamed"),
             "store": cpu.get("store")}
    if None in parts.values() or "extract" not in cpu:
        return
    parts["extraction at 1,000 articles/s"] = min(cpu["extract"], result["articles"] / 1000)
    total, cores = sum(parts.values()), default_workers()
    least = total / cores
    table.add("CPU floor of a run: " + " + ".join(parts), size,
              f"{total:.1f} CPU-s: at least {least:.1f} s on {cores} cores = at most {rate(result['articles'] / least)}",
              "target >= 500 articles/s at 10,000 (start-up, page and the workers' hand-over not counted)")


def measure_queries(table: Table, size: int, graph: Path, runs: Path, args) -> None:
    """The example queries through `graphbuild query`, about the busiest people (see bench/queries.py)."""
    names = bq.busiest_people(graph, args.timeout)
    for timing in bq.time_queries(graph, runs / "queries", runs=1, names=names, timeout=args.timeout):
        rows = "" if timing.rows == "-" else f", {timing.rows} rows"
        result = f"failed ({timing.failure})" if timing.failure else f"{timing.seconds[0]:.2f} s{rows}"
        target = "start-up + opening the store" if timing.query.startswith("ASK") else "target < 1 s at 100,000"
        table.add(f"`graphbuild query {timing.query}`", size, result, target)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (default 1000,10000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/graphbuild-bench"), help="corpora and run outputs")
    parser.add_argument("--extract-articles", type=int, default=1000, help="articles for the extraction comparison")
    parser.add_argument("--spacy-articles", type=int, default=100, help="of those, how many spaCy reads")
    parser.add_argument("--spacy-python", help="interpreter with spaCy and an English model (default: see README)")
    parser.add_argument("--skip-slow", action="store_true", help="skip spaCy, Chromium and the Dask cluster")
    parser.add_argument("--no-stages", action="store_true", help="skip the per-stage breakdown (a second build per size)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds before one run is killed")
    parser.add_argument("--out", type=Path, help="also write the report to this markdown file")
    args = parser.parse_args(argv)
    args.sizes = sorted(int(s.replace("_", "")) for s in args.sizes.split(","))
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    table = Table()
    started = time.perf_counter()
    corpora = {size: corpus_for(size, args.seed, args.workdir) for size in args.sizes}
    extract_n = min(args.extract_articles, args.sizes[-1])
    spacy_note = measure_extraction(table, corpora[min(s for s in args.sizes if s >= extract_n)], extract_n, args)
    features = e2e.run_features()
    for size in args.sizes:
        measure_size(table, size, corpora[size], args.workdir, features, args)
    machine = "\n".join(f"- {what}: {value}" for what, value in describe_machine(spacy_note))
    report = (f"## graphbuild benchmark\n\n{machine}\n- seed: {args.seed}; total time {time.perf_counter() - started:.0f} s\n\n"
              f"{table.markdown()}\n")
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
