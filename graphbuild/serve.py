"""A read-only SPARQL 1.1 Protocol endpoint over a built graph, on the standard library's HTTP server.

`/sparql` answers GET ?query=... and POST (a form with query=..., or an
application/sparql-query body). SELECT and ASK results come as SPARQL JSON
(the default), XML, CSV or TSV as the Accept header asks; CONSTRUCT and
DESCRIBE as Turtle. Every query goes through graphbuild.query.run_query, so
updates, SERVICE, FROM, LOAD and USING are refused and a query is stopped at
the timeout. `/` is a plain HTML page with a form; its results are shown as
escaped text, never as markup.

Bound to 127.0.0.1 by default; while bound to a loopback address, requests
naming another host (a DNS-rebinding web page) are refused.
"""
from __future__ import annotations

import html
import ipaddress
import socket
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.query import Result

from graphbuild.errors import GraphbuildError, QueryError, QueryTimeout
from graphbuild.query import DEFAULT_TIMEOUT, format_result, load_graph, run_query

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
MAX_BODY_BYTES = 1_000_000
"""A POST body larger than this is refused (413): no query needs a megabyte."""

JSON = "application/sparql-results+json"
XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
RESULT_TYPES = (JSON, XML, CSV, TSV)
"""Media types for SELECT and ASK results, the default first."""
GRAPH_TYPES = (TURTLE,)
"""Media types for CONSTRUCT and DESCRIBE results, the default first."""
ALIASES = {"application/json": JSON, "application/xml": XML, "text/xml": XML, "application/x-turtle": TURTLE}

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


class SparqlServer(ThreadingHTTPServer):
    """A ThreadingHTTPServer holding the loaded graph and the per-query timeout."""

    daemon_threads = True

    def __init__(self, address, graph, graph_path: Path, timeout: float | None, log: bool) -> None:
        self.graph = graph
        self.graph_path = graph_path
        self.query_timeout = timeout or None
        self.log = log
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, SparqlHandler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{'[' + host + ']' if ':' in host else host}:{port}"


def make_server(
    graph_path: Path | str, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
    timeout: float | None = DEFAULT_TIMEOUT, log: bool = False,
) -> SparqlServer:
    """A server (bound, not yet serving) for the graph at graph_path; call serve_forever() on it.

    port 0 picks a free port (see server.server_address). timeout: seconds a
    query may run (None or 0: no limit). log: one line on stderr per request.
    Raises GraphFileError when the graph cannot be read, OSError when the
    address cannot be bound.
    """
    graph_path = Path(graph_path)
    graph = load_graph(graph_path)
    return SparqlServer((host, port), graph, graph_path, timeout, log)


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "graphbuild-sparql"
    protocol_version = "HTTP/1.1"

    # --- routing

    def do_GET(self) -> None:
        self._dispatch(lambda: parse_qs(urlsplit(self.path).query, keep_blank_values=True))

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_POST(self) -> None:
        self._dispatch(self._post_params)

    def do_OPTIONS(self) -> None:
        self._send(HTTPStatus.NO_CONTENT, b"", None, extra={"Allow": "GET, HEAD, POST, OPTIONS"})

    def _dispatch(self, params_of) -> None:
        path = urlsplit(self.path).path
        if not self._host_allowed():
            return self._text(HTTPStatus.FORBIDDEN, "requests must name this server by a loopback host\n")
        if path not in ("/", "/sparql"):
            return self._text(HTTPStatus.NOT_FOUND, f"no such page: {path} (try / or /sparql)\n")
        try:
            params = params_of()
        except _Refused as refused:
            self.close_connection = True  # the body may be unread
            return self._text(refused.status, refused.message + "\n")
        if path == "/":
            return self._page(_one(params, "query"))
        if "update" in params:
            return self._text(HTTPStatus.FORBIDDEN, "SPARQL Update is refused: this endpoint is read-only\n")
        query = _one(params, "query")
        if query is None:
            return self._text(HTTPStatus.BAD_REQUEST, "missing query: send ?query=... (GET) or POST a query\n")
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            return self._text(HTTPStatus.BAD_REQUEST, "default-graph-uri and named-graph-uri are refused: "
                              "queries run on the loaded graph only\n")
        self._answer(query)

    def _post_params(self) -> dict[str, list[str]]:
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            raise _Refused(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length")
        if int(length) > MAX_BODY_BYTES:
            raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the body is over {MAX_BODY_BYTES} bytes")
        body = self.rfile.read(int(length))
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise _Refused(HTTPStatus.BAD_REQUEST, "the body is not UTF-8") from None
        if kind == "application/x-www-form-urlencoded":
            for name, values in parse_qs(text, keep_blank_values=True).items():
                params.setdefault(name, []).extend(values)
            return params
        if kind == "application/sparql-query":
            params["query"] = [text]
            return params
        if kind == "application/sparql-update":
            raise _Refused(HTTPStatus.FORBIDDEN, "SPARQL Update is refused: this endpoint is read-only")
        raise _Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                       "POST application/x-www-form-urlencoded (query=...) or application/sparql-query")

    def _host_allowed(self) -> bool:
        """While bound to loopback, the Host header must be a loopback name (defeats DNS rebinding)."""
        if not _is_loopback(self.server.server_address[0]):
            return True
        host = self.headers.get("Host")
        if not host:
            return True  # HTTP/1.0 clients; a browser always sends Host
        name = urlsplit("//" + host).hostname or ""
        return name in LOOPBACK_NAMES or _is_loopback(name)

    # --- the endpoint

    def _answer(self, query: str) -> None:
        try:
            result = run_query(self.server.graph, query, timeout=self.server.query_timeout)
        except QueryTimeout as error:
            return self._text(HTTPStatus.SERVICE_UNAVAILABLE, f"{error}\n")
        except QueryError as error:
            return self._text(HTTPStatus.BAD_REQUEST, f"{error}\n")
        except GraphbuildError as error:
            return self._text(HTTPStatus.INTERNAL_SERVER_ERROR, f"{error}\n")
        if result is None:  # run_query refuses updates; kept in case that ever changes
            return self._text(HTTPStatus.FORBIDDEN, "SPARQL Update is refused: this endpoint is read-only\n")
        is_graph = result.type in ("CONSTRUCT", "DESCRIBE")
        media = negotiate(self.headers.get("Accept"), GRAPH_TYPES if is_graph else RESULT_TYPES)
        try:
            body = serialize(result, media)
        except Exception as error:  # a serializer's own failure: say so rather than drop the connection
            return self._text(HTTPStatus.INTERNAL_SERVER_ERROR, f"cannot write the result as {media}: {error}\n")
        self._send(HTTPStatus.OK, body, f"{media}; charset=utf-8", extra={"Vary": "Accept"})

    # --- the page

    def _page(self, query: str | None) -> None:
        shown, error = "", ""
        if query is not None:
            try:
                result = run_query(self.server.graph, query, timeout=self.server.query_timeout)
                shown = format_result(result, "table") if result is not None else ""
            except GraphbuildError as failure:
                error = str(failure)
        page = PAGE.format(
            graph=html.escape(str(self.server.graph_path)),
            query=html.escape(query if query is not None else EXAMPLE_QUERY),
            error=f'<p class="error">{html.escape(error)}</p>' if error else "",
            results=f"<pre>{html.escape(shown)}</pre>" if shown else "",
        )
        self._send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8", extra={
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
        })

    # --- responses

    def _text(self, status: HTTPStatus, message: str) -> None:
        self._send(status, message.encode("utf-8"), "text/plain; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, content_type: str | None, extra: dict | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        if self.server.log:
            super().log_message(format, *args)


class _Refused(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def _one(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    return values[0] if values else None


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host == "localhost"


def negotiate(accept: str | None, offered: tuple[str, ...]) -> str:
    """The offered media type the Accept header likes best; the first offered when it names none of them."""
    ranked = []
    for position, part in enumerate((accept or "").split(",")):
        media, *params = [piece.strip() for piece in part.split(";")]
        media = ALIASES.get(media.lower(), media.lower())
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, position, media))
    for _, _, media in sorted(ranked):
        if media in offered:
            return media
        if media == "*/*":
            return offered[0]
        if media.endswith("/*"):
            for candidate in offered:
                if candidate.startswith(media[:-1]):
                    return candidate
    return offered[0]


def serialize(result: Result, media: str) -> bytes:
    """A query result in the given media type (one of RESULT_TYPES or GRAPH_TYPES)."""
    if media == TURTLE:
        return format_result(result).encode("utf-8")
    if media == JSON:
        return format_result(result, "json").encode("utf-8")
    if media == XML:
        return result.serialize(format="xml")
    if result.type == "ASK":  # CSV and TSV define no boolean form; a one-cell table, as Jena writes it
        return f"_askResult\r\n{str(result.askAnswer).lower()}\r\n".encode("utf-8")
    if media == CSV:
        return format_result(result, "csv").encode("utf-8")
    return _tsv(result).encode("utf-8")


def _tsv(result: Result) -> str:
    """SPARQL 1.1 TSV: ?var headers, each term in N-Triples syntax, unbound empty."""
    lines = ["\t".join(f"?{var}" for var in result.vars)]
    lines.extend("\t".join(_nt(value) for value in row) for row in result)  # terms escape their tabs and newlines
    return "\n".join(lines) + "\n"


def _nt(term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        text = str(term).translate(NT_ESCAPES)
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype and term.datatype != XSD.string:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    return str(term)


NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})

EXAMPLE_QUERY = """SELECT ?name (COUNT(?statement) AS ?statements)
WHERE { ?person gb:signedStatement ?statement ; rdfs:label ?name }
GROUP BY ?name ORDER BY DESC(?statements) LIMIT 20"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>graphbuild SPARQL</title>
<style>
body {{ font-family: sans-serif; margin: 2em; }}
textarea {{ width: 100%; font-family: monospace; }}
pre {{ background: #f4f4f4; padding: 1em; overflow-x: auto; }}
.error {{ color: #a00; }}
</style>
</head>
<body>
<h1>graphbuild SPARQL</h1>
<p>Graph: <code>{graph}</code>. Read-only; the prefixes gb:, rdf:, rdfs:, prov:, dcterms:, schema:, skos:, owl:
and xsd: are predeclared. Programs query <code>/sparql</code> (SPARQL 1.1 Protocol).</p>
<form method="post" action="/">
<textarea name="query" rows="12">{query}</textarea>
<p><button type="submit">Run query</button></p>
</form>
{error}
{results}
</body>
</html>
"""
