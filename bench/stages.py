"""Time each stage of a build on its own (run in a child process so its memory is its own).

    python bench/stages.py CORPUS OUT_DIR

Prints one JSON object: seconds per stage (read+clean, extract, resolve,
to_graph, turtle, html), articles, triples, Turtle bytes and peak RSS; and,
outside the stages, "turtle streamed": graph.ttl written from the records the
way `graphbuild run` writes it (rdf.write_graph_turtle), "store": that file
bulk-loaded alone into an Oxigraph store (whole, the cheapest way), and
"turtle + store": graph.ttl written while its store loads, as `graphbuild run`
does. "cpu" has each stage's CPU-seconds, every thread of the process
counted (Oxigraph loads on several). A stage whose library function is
missing or fails is reported as an error, not raised.
"""
from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def timed(results: dict, stage: str, action):
    started, cpu = time.perf_counter(), _cpu_seconds()
    try:
        value = action()
    except Exception as error:  # report, so one changed API does not lose the other rows
        results["errors"][stage] = f"{type(error).__name__}: {error}"[:200]
        return None
    results["seconds"][stage] = time.perf_counter() - started
    results["cpu"][stage] = _cpu_seconds() - cpu
    return value


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(corpus: str, out_dir: str) -> int:
    from graphbuild.clean import clean_article
    from graphbuild.extract import extract_article
    from graphbuild.ingest import read_articles
    from graphbuild.model import Skipped

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    results: dict = {"seconds": {}, "cpu": {}, "errors": {}}
    articles = timed(results, "read+clean", lambda: [clean_article(a) for a in read_articles([Path(corpus)]) if not isinstance(a, Skipped)])
    facts = timed(results, "extract", lambda: [extract_article(a) for a in articles])
    results["articles"] = len(articles or ())
    people = timed(results, "resolve", lambda: _resolve(facts))
    graph = timed(results, "to_graph", lambda: _to_graph(facts, people))
    turtle = timed(results, "turtle", lambda: _to_turtle(graph))
    if graph is not None:
        results["triples"] = len(graph)
    if turtle is not None:
        results["turtle_bytes"] = len(turtle.encode("utf-8"))
        (out / "graph.ttl").write_text(turtle, encoding="utf-8")
    timed(results, "html", lambda: _write_html(graph, out / "graph.html"))
    results["streamed_triples"] = timed(results, "turtle streamed", lambda: _write_streamed(facts, people, out / "run.ttl"))
    timed(results, "store", lambda: _load_store(out / "run.ttl"))
    timed(results, "turtle + store", lambda: _write_streamed(facts, people, out / "loaded" / "run.ttl", with_store=True))
    results["peak_rss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(results))
    return 0


def _resolve(facts):
    from graphbuild.resolve import resolve_people

    return resolve_people(facts)


def _to_graph(facts, people):
    from graphbuild.rdf import to_graph

    return to_graph(facts, people)


def _to_turtle(graph):
    from graphbuild.rdf import to_turtle

    return to_turtle(graph)


def _write_streamed(facts, people, path: Path, with_store: bool = False) -> int:
    from graphbuild.rdf import TURTLE_HEADER, graph_blocks, write_graph_turtle
    from graphbuild.store_folder import StoreLoader

    path.parent.mkdir(parents=True, exist_ok=True)
    store = StoreLoader(path, TURTLE_HEADER) if with_store else None
    triples = write_graph_turtle(graph_blocks(facts, people, claims_as_text=True), path, tee=store)
    if store is not None:
        store.finish()
    return triples


def _load_store(turtle: Path) -> Path:
    from graphbuild.store_folder import write_store

    return write_store(turtle)


def _write_html(graph, path: Path):
    from graphbuild.render import write_html

    return write_html(graph, path)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
