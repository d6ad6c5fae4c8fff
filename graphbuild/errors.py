"""Exceptions the library raises; the CLI turns each into one line and exit code 1."""


class GraphbuildError(Exception):
    """Base class: anything graphbuild reports to a user as one clear line."""


class InputError(GraphbuildError):
    """An input path does not exist or holds nothing graphbuild can read."""


class GraphFileError(GraphbuildError):
    """A built graph file is missing or cannot be parsed."""


class QueryError(GraphbuildError):
    """A SPARQL query is malformed or not allowed."""


class QueryTimeout(QueryError):
    """A query ran longer than the time allowed and was stopped."""


class OutputError(GraphbuildError, OSError):
    """An output file cannot be written; the previous one is left as it was."""


class GoldFileError(GraphbuildError):
    """A gold-facts file is missing or malformed."""


class BaseIriError(GraphbuildError, ValueError):
    """The configured base IRI cannot prefix instance IRIs."""


class GazetteerError(GraphbuildError):
    """A gazetteer file is missing or is not congress-legislators YAML."""


class PersonNotFoundError(GraphbuildError):
    """No person in the graph has the name asked for."""


class AmbiguousNameError(GraphbuildError):
    """Several people in the graph match the name asked for."""


class EngineError(GraphbuildError):
    """The extraction engine cannot run: dask is not installed, or its scheduler or workers cannot be used."""
