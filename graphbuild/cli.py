"""The `graphbuild` command: a thin shell over graphbuild.api, graphbuild.query and graphbuild.evaluate."""
from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Iterable, List, Optional

import typer
from typing_extensions import Annotated

from graphbuild import __version__
from graphbuild.errors import GraphbuildError, OutputError
from graphbuild.view import View

app = typer.Typer(
    help="Turn political news articles into a knowledge graph you can query and look at.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=True,
)

EXIT_SKIPPED = 3
"""`graphbuild run` wrote its outputs but some inputs could not be read."""

GraphOption = Annotated[Path, typer.Option("--graph", "-g", help="A graph written by `graphbuild run`.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"graphbuild {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
) -> None:
    """graphbuild: who did what with whom, with the sentence that says so."""


@app.command()
def run(
    inputs: Annotated[
        Optional[List[Path]], typer.Argument(help="Article files and folders (recursed). Default: seeds/")
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for graph.ttl and graph.html.")] = Path("out"),
    base_iri: Annotated[
        Optional[str], typer.Option("--base-iri", help="Namespace for minted people, articles and events.")
    ] = None,
    keep_text: Annotated[
        bool, typer.Option("--keep-text", help="Also write articles.jsonl: the cleaned text evidence offsets refer to.")
    ] = False,
    gazetteer: Annotated[
        Optional[List[Path]],
        typer.Option(
            "--gazetteer", metavar="FILE",
            help="congress-legislators YAML (repeatable): link people to Wikidata and bioguide ids where no doubt is left.",
        ),
    ] = None,
    workers: Annotated[
        Optional[int], typer.Option("--workers", "-j", min=1, help="Processes extracting articles. Default: one per core.")
    ] = None,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Ignore the cache in OUT/.cache: extract every article again, and load the store whole.")
    ] = False,
    engine: Annotated[
        str, typer.Option("--engine", metavar="[processes|dask]", help="Extract on a process pool here, or on a Dask cluster.")
    ] = "processes",
    scheduler: Annotated[
        Optional[str],
        typer.Option(
            "--scheduler", metavar="ADDRESS",
            help="With --engine dask: a running Dask scheduler (tcp://host:8786). Default: a LocalCluster here.",
        ),
    ] = None,
    max_people: Annotated[
        int, typer.Option("--max-people", min=1, help="graph.html draws at most this many people, the most connected.")
    ] = View.max_people,
    focus: Annotated[
        Optional[str], typer.Option("--focus", metavar="NAME", help="graph.html draws this person, their events and who shares them.")
    ] = None,
    since: Annotated[
        Optional[datetime], typer.Option("--since", formats=["%Y-%m-%d"], help="graph.html draws events reported on or after this date.")
    ] = None,
    relation: Annotated[
        Optional[List[str]],
        typer.Option("--relation", metavar="KIND", help="graph.html draws only these events (repeatable): " + ", ".join(EVENT_CHOICES) + "."),
    ] = None,
    formats: Annotated[
        str,
        typer.Option(
            "--format", metavar="LIST",
            help="Exports, comma-separated: ttl (always written), trig, nq, jsonld, graphml, csv.",
        ),
    ] = "ttl",
) -> None:
    """Read articles and write OUT/graph.ttl and OUT/graph.html.

    Exit status: 0 all inputs read; 3 outputs written but some inputs were
    skipped (each is listed); 1 nothing written (the previous outputs stay).
    """
    from graphbuild.api import ENGINES, BuildConfig, run as run_build
    from graphbuild.rdf import DEFAULT_BASE_IRI

    if engine.lower() not in ENGINES:
        raise typer.BadParameter(f"{engine!r} is not one of {', '.join(ENGINES)}", param_hint="--engine")
    if scheduler and engine.lower() != "dask":
        raise typer.BadParameter("a scheduler is only used with --engine dask", param_hint="--scheduler")
    config = BuildConfig(
        base_iri=base_iri or DEFAULT_BASE_IRI, keep_text=keep_text, gazetteers=tuple(gazetteer or ()),
        workers=workers, rebuild=rebuild, engine=engine.lower(), scheduler=scheduler,
        view=View(max_people=max_people, focus=focus, since=since.date().isoformat() if since else None,
                  kinds=_event_kinds(relation or [])),
        formats=_formats(formats),
    )
    result = _guarded(lambda: run_build(inputs or [Path("seeds")], out, config, progress=_progress),
                      unchanged=f"nothing written, {out} left as it was")
    summary = result.summary
    for skipped in summary.skipped:
        where = f"{skipped.path}:{skipped.line}" if skipped.line else skipped.path
        typer.echo(f"skipped {where}: {skipped.reason}", err=True)
    typer.echo(
        f"{summary.articles} articles read, {len(summary.skipped)} skipped; "
        f"{summary.people} people{_link_counts(summary)}, {summary.events} events, {summary.triples} triples "
        f"in {summary.seconds:.1f} s{_stage_seconds(summary)}"
    )
    for path in result.written:
        typer.echo(f"wrote {path}")
    _end_run(EXIT_SKIPPED if summary.skipped else 0)


@app.command()
def query(
    query_text: Annotated[str, typer.Argument(metavar="QUERY|FILE.rq", help="SPARQL text, or a .rq file.")],
    graph: GraphOption = Path("out/graph.ttl"),
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="table, csv or json.", case_sensitive=False)
    ] = "table",
    timeout: Annotated[
        float, typer.Option("--timeout", min=0, metavar="SECONDS", help="Stop a query that runs longer (0: no limit).")
    ] = 60.0,
    allow_update: Annotated[
        bool, typer.Option("--allow-update", help="Run a SPARQL Update and save the changed graph back to --graph.")
    ] = False,
) -> None:
    """Run a SPARQL SELECT, ASK or CONSTRUCT query over a built graph.

    The prefixes gb:, rdf:, rdfs:, prov:, dcterms:, schema:, skos:, owl: and
    xsd: are predeclared. Queries are read-only unless --allow-update is
    given; SERVICE, FROM and LOAD are always refused.
    """
    from graphbuild.query import query_graph_file

    if output_format.lower() not in ("table", "csv", "json"):
        raise typer.BadParameter(f"{output_format!r} is not one of table, csv, json", param_hint="--format")
    text = _guarded(lambda: query_graph_file(
        graph, query_text, fmt=output_format.lower(), allow_update=allow_update, timeout=timeout))
    typer.echo(text, nl=not text.endswith("\n"))


@app.command()
def serve(
    graph: Annotated[Path, typer.Argument(help="A graph written by `graphbuild run`.")] = Path("out/graph.ttl"),
    host: Annotated[str, typer.Option("--host", help="Address to listen on (another than 127.0.0.1 exposes the graph).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", min=0, max=65535, help="Port to listen on (0: any free port).")] = 7878,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0, metavar="SECONDS", help="Stop a query that runs longer (0: no limit).")
    ] = 60.0,
) -> None:
    """Serve a graph read-only over the SPARQL 1.1 Protocol at /sparql, with a query page at /."""
    from graphbuild.serve import make_server

    def bind():
        try:
            return make_server(graph, host, port, timeout=timeout, log=True)
        except OSError as error:
            raise OutputError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None

    server = _guarded(bind)
    typer.echo(f"serving {graph} at {server.url}/sparql (query page at {server.url}/; Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@app.command(name="eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold facts, one JSON object a line (see README).")],
    graph: GraphOption = Path("out/graph.ttl"),
) -> None:
    """Score a built graph against gold facts: P/R/F1 per relation, every miss and invention."""
    from graphbuild.evaluate import evaluate as score, format_report, load_gold
    from graphbuild.query import load_graph

    report = _guarded(lambda: format_report(score(load_gold(gold), load_graph(graph))))
    typer.echo(report, nl=not report.endswith("\n"))


@app.command()
def explain(
    name: Annotated[str, typer.Argument(help="A person's name as the graph labels them (any name form it lists).")],
    graph: GraphOption = Path("out/graph.ttl"),
) -> None:
    """Print everything the graph holds about a person: each fact with its article, date, sentence and rule."""
    from graphbuild.explain import explain_person, format_explanation
    from graphbuild.query import load_graph

    text = _guarded(lambda: format_explanation(explain_person(load_graph(graph), name)))
    typer.echo(text, nl=False)



@app.command()
def validate(
    graph: Annotated[Path, typer.Argument(help="A graph written by `graphbuild run`.")] = Path("out/graph.ttl"),
    shapes: Annotated[
        Optional[Path], typer.Option("--shapes", help="SHACL shapes to check against. Default: ontology/shapes.ttl.")
    ] = None,
) -> None:
    """Check a built graph against graphbuild's SHACL shapes; print each violation.

    Exit status: 0 the graph conforms; 1 it does not (or cannot be read).
    """
    from graphbuild.validate import SHAPES_PATH, format_report, validate_file

    report = _guarded(lambda: validate_file(graph, shapes or SHAPES_PATH))
    typer.echo(format_report(report, str(graph)), nl=False)
    if not report.conforms:
        raise typer.Exit(1)

@app.command()
def stats(
    graph: GraphOption = Path("out/graph.ttl"),
    top: Annotated[int, typer.Option("--top", min=1, help="How many of the most connected people to list.")] = 10,
) -> None:
    """Count a built graph: people, events by kind, relations, most connected people, per outlet."""
    from graphbuild.query import load_graph
    from graphbuild.stats import format_stats, graph_stats

    text = _guarded(lambda: format_stats(graph_stats(load_graph(graph), top=top)))
    typer.echo(text, nl=False)


_EXIT_WITHOUT_TEARDOWN = False
"""Set when this process is the `graphbuild` program itself (entry_point), not a test calling the app."""


def entry_point() -> None:
    """The `graphbuild` program (pyproject's script, `python -m graphbuild`)."""
    global _EXIT_WITHOUT_TEARDOWN
    _EXIT_WITHOUT_TEARDOWN = True
    app(prog_name="graphbuild")


def _end_run(code: int) -> None:
    """End `graphbuild run` with exit status `code`.

    As the program itself, it exits without freeing the run's millions of
    objects one by one (0.8 s of a 10,000-article re-run's 8): every output is
    written, closed and renamed by now, and the store is open read-only.
    """
    if _EXIT_WITHOUT_TEARDOWN:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    if code:
        raise typer.Exit(code)


def _formats(text: str) -> tuple[str, ...]:
    """--format "ttl,trig,csv" -> ("trig", "csv"): the exports besides graph.ttl."""
    from graphbuild.exports import parse_formats

    try:
        return parse_formats(text)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--format") from None


def _stage_seconds(summary) -> str:
    """" (extract 12.1 s, resolve 0.9 s, ...)": where the time went."""
    if not summary.stages:
        return ""
    return " (" + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in summary.stages) + ")"


def _link_counts(summary) -> str:
    """" (40 linked to the gazetteer, 2 ambiguous, 58 unlinked)" when a gazetteer was given."""
    if summary.linked is None:
        return ""
    return f" ({summary.linked} linked to the gazetteer, {summary.ambiguous} ambiguous, {summary.unlinked} unlinked)"


EVENT_CHOICES = ("statement", "tweet", "letter", "bill", "briefing", "hearing")


def _event_kinds(names: list[str]) -> tuple[str, ...]:
    """--relation values as event classes: "bill" -> "Bill"."""
    unknown = [name for name in names if name.lower() not in EVENT_CHOICES]
    if unknown:
        raise typer.BadParameter(f"{unknown[0]!r} is not one of {', '.join(EVENT_CHOICES)}", param_hint="--relation")
    return tuple(sorted({name.lower().capitalize() for name in names}))


def _guarded(action, unchanged: str = ""):
    """Run a library call; its errors become one line on stderr and exit status 1.

    `unchanged` says what an error before any output left alone (an OutputError says it itself).
    """
    try:
        return action()
    except GraphbuildError as error:
        note = f" ({unchanged})" if unchanged and not isinstance(error, OutputError) else ""
        typer.echo(f"error: {error}{note}", err=True)
        raise typer.Exit(1) from None


def _progress(items: Iterable, what: str, total: int | None = None) -> Iterable:
    """A live count of what is done ("files read"), its rate and, given a total, the time left; on a terminal only."""
    if not sys.stderr.isatty():
        return items
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn
    from rich.progress import TimeElapsedColumn, TimeRemainingColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            return Text(f"{task.speed:,.0f}/s" if task.speed else "")

    if total:
        columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), Rate(),
                   TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn())
    else:
        columns = (SpinnerColumn(), TextColumn("{task.completed:,} {task.description}"), Rate(), TimeElapsedColumn())

    def tracked():
        with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
            task, done = bar.add_task(what, total=total), 0
            for item in items:
                yield item
                done += 1
                if not done % 64:  # the bar redraws ten times a second; millions of updates would cost seconds
                    bar.update(task, completed=done)
            bar.update(task, completed=done)

    return tracked()
