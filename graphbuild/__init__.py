"""graphbuild: political news articles to a knowledge graph, with the sentence behind every fact.

>>> import graphbuild
>>> graph = graphbuild.build(["seeds/"]).graph      # doctest: +SKIP
>>> nx_graph = graphbuild.to_networkx(graph)        # doctest: +SKIP
"""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("graphbuild")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"


def __getattr__(name: str):
    # rdflib, networkx and pyvis are slow to import: load them on first use only.
    if name in ("build", "run", "BuildConfig", "BuildResult"):
        from graphbuild import api

        return getattr(api, name)
    if name in ("to_networkx", "write_html"):
        from graphbuild import render

        return getattr(render, name)
    raise AttributeError(f"module 'graphbuild' has no attribute {name!r}")


__all__ = ["build", "run", "BuildConfig", "BuildResult", "to_networkx", "write_html", "__version__"]
