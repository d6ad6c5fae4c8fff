"""Read input files into Article records; reading only, no cleaning.

Reads any mix of files and folders (folders recursed, hidden entries ignored):

- ``.txt``: line 1 is the headline, the rest is the body.
- ``.html`` / ``.htm``: a saved web page; only its main text counts.
- ``.jsonl``, and ``.json`` holding a list: one article per record with keys
  ``id`` and ``text``, optionally ``title``, ``url``, ``date``, ``source``.

Whatever cannot be read becomes a Skipped record with a reason; only a missing
input path raises. Size limits keep one huge input from hanging a run or
exhausting memory: a file over MAX_FILE_BYTES is skipped, a page over
MAX_PAGE_CHARS and an article over MAX_ARTICLE_CHARS are read up to the limit,
with a Skipped record saying what was left out.
"""
from __future__ import annotations

import copy
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from graphbuild.errors import InputError
from graphbuild.model import Article, Skipped

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
RECORD_SUFFIXES = (".jsonl", ".json")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES
OPTIONAL_FIELDS = ("url", "date", "source")

MAX_FILE_BYTES = 256 * 1024 * 1024
"""Files are read whole into memory; a bigger one is skipped (split it, e.g. as JSON Lines)."""
MAX_PAGE_CHARS = 10_000_000
"""Only this much of a web page is parsed: main-text extraction of a 50 MB page takes minutes and gigabytes."""
MAX_ARTICLE_CHARS = 2_000_000
"""An article's text is cut here (at a line break or space before it): some 300,000 words,
far beyond any news article, and what extraction handles in a few seconds."""

MAX_HEADLINE_CHARS = 1000
MAX_HTML_DEPTH = 255
"""How deep libxml2's HTML parser nests elements; anything deeper is dropped."""

BINARY_SIGNATURES = {
    b"%PDF-": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or .docx, .xlsx, .epub)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
}
"""How files that are not text begin, so one renamed to .txt is named for what it is."""


class UnreadableFile(Exception):
    """A file's bytes could not be turned into text (internal: becomes a Skipped)."""


@dataclass(frozen=True)
class InputFile:
    """One file to read, with the identifier its articles get."""

    path: Path
    """The file as the user named it or as found under a folder."""
    article_id: str
    """Path relative to the input folder (POSIX separators), or the file name."""


def read_articles(inputs: Sequence[Path] | Path) -> Iterator[Article | Skipped]:
    """Yield one Article per article found in ``inputs``, or a Skipped saying why not.

    Files come in sorted order of their article id, and a file reached twice
    (named directly and inside a folder, or through a symlink) is read once.

    Raises:
        InputError: an input path does not exist (raised by this call, before
            any file is read).
    """
    if isinstance(inputs, (str, os.PathLike)):  # one path given on its own
        inputs = [Path(inputs)]
    return read_input_files(find_input_files(inputs))


def read_input_files(files: Iterable[InputFile]) -> Iterator[Article | Skipped]:
    """Read each file in turn; an article id seen before is skipped, as ids must be unique."""
    seen_ids: dict[str, str] = {}
    for input_file in files:
        for record in read_file(input_file):
            if isinstance(record, Article) and record.id in seen_ids:
                yield Skipped(str(input_file.path), f"article id {record.id!r} is already used by {seen_ids[record.id]}")
                continue
            if isinstance(record, Article):
                seen_ids[record.id] = str(input_file.path)
            yield record


def find_input_files(inputs: Sequence[Path]) -> list[InputFile]:
    """Expand folders, sort by article id and drop files reached twice."""
    found: list[InputFile] = []
    for given in map(Path, inputs):
        if not given.exists():
            raise InputError(f"input path does not exist: {given}")
        if given.is_dir():
            found.extend(InputFile(path, name_text(relative)) for path, relative in walk_folder(given))
        else:
            found.append(InputFile(given, name_text(given.name)))
    found.sort(key=lambda f: (f.article_id, str(f.path)))
    return list(drop_repeated_files(found))


def name_text(name: str) -> str:
    """A file name as text whatever the locale, so ids (and outputs) do not depend on it.

    Python gives bytes it cannot decode in the locale's encoding as surrogates
    (an ASCII locale, or a name in Latin-1); those bytes are read as UTF-8, else cp1252.
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = os.fsencode(name)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def walk_folder(folder: Path) -> Iterator[tuple[Path, str]]:
    """Yield (path, path relative to folder with "/") of the files under ``folder`` in sorted order,
    each real folder visited once.

    A folder that cannot be listed is yielded itself, so reading it reports why.
    """
    visited: set[str] = set()
    pending = [(folder, "")]
    while pending:
        current, relative = pending.pop()
        real = os.path.realpath(current)
        if real in visited:  # a symlink loop, or two links to one folder
            continue
        visited.add(real)
        try:
            # scandir knows each entry's type from the listing: no stat a file, unlike Path.iterdir + is_dir
            with os.scandir(current) as listing:
                entries = sorted((entry.name, entry.is_dir()) for entry in listing if not entry.name.startswith("."))
        except OSError:
            yield current, relative.rstrip("/") or "."
            continue
        yield from ((current / name, relative + name) for name, is_dir in entries if not is_dir)
        pending.extend(reversed([(current / name, relative + name + "/") for name, is_dir in entries if is_dir]))


def drop_repeated_files(files: Iterable[InputFile]) -> Iterator[InputFile]:
    """Keep the first InputFile for each real file on disk (reached through a link, or under two inputs)."""
    seen: set = set()
    for input_file in files:
        try:
            status = os.stat(input_file.path)
            identity = (status.st_dev, status.st_ino)  # one stat; realpath would lstat every part of the path
        except OSError:
            identity = os.path.realpath(input_file.path)  # a broken link: reading it will say why
        if identity not in seen:
            seen.add(identity)
            yield input_file


def read_file(input_file: InputFile) -> Iterator[Article | Skipped]:
    """Read one file with the reader its suffix names; articles over the size limit are cut."""
    for record in read_whole_file(input_file):
        yield from (cut_to_limit(record, input_file) if isinstance(record, Article) else [record])


def read_whole_file(input_file: InputFile) -> Iterator[Article | Skipped]:
    path = input_file.path
    if path.is_dir():
        yield Skipped(str(path), f"cannot list folder: {folder_error(path)}")
        return
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = f"'{suffix}'" if suffix else "(no extension)"
        yield Skipped(str(path), f"unsupported file type {shown} (graphbuild reads {', '.join(SUPPORTED_SUFFIXES)})")
        return
    try:
        content = decode(read_bytes(path))
    except (OSError, UnreadableFile) as error:
        yield Skipped(str(path), f"cannot read file: {error}")
        return
    if not content.strip():
        yield Skipped(str(path), "file is empty")
        return
    if suffix in TEXT_SUFFIXES:
        yield parse_text(content, input_file)
    elif suffix in HTML_SUFFIXES:
        if len(content) > MAX_PAGE_CHARS:
            yield Skipped(str(path), f"page is {len(content):,} characters long: only the first {MAX_PAGE_CHARS:,} were parsed")
            content = content[:MAX_PAGE_CHARS]
        yield parse_html(content, input_file)
    elif suffix == ".jsonl":
        yield from parse_json_lines(content, input_file)
    else:
        yield from parse_json_list(content, input_file)


def folder_error(path: Path) -> str:
    try:
        next(os.scandir(path), None)
    except OSError as error:
        return str(error)
    return "it could not be listed"


def read_bytes(path: Path) -> bytes:
    """The file's bytes, unless it is too big to hold in memory."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(f"file is {size / 2**20:,.0f} MB, over the {MAX_FILE_BYTES // 2**20} MB graphbuild reads (split it)")
    return path.read_bytes()


def cut_to_limit(article: Article, input_file: InputFile) -> list[Article | Skipped]:
    """The article, its text cut at MAX_ARTICLE_CHARS, and a Skipped saying so when it was cut."""
    if len(article.text) <= MAX_ARTICLE_CHARS:
        return [article]
    text = article.text[:MAX_ARTICLE_CHARS]
    # cut where a line or at least a word ends, so no name is cut in half
    cut = text.rfind("\n", MAX_ARTICLE_CHARS // 2)
    cut = cut if cut > 0 else text.rfind(" ", MAX_ARTICLE_CHARS // 2)
    text = text[:cut] if cut > 0 else text
    note = f"article {article.id!r} is {len(article.text):,} characters long: only the first {len(text):,} were read"
    return [replace(article, text=text), Skipped(str(input_file.path), note)]


def decode(data: bytes) -> str:
    """Decode UTF-8 (BOM stripped), UTF-16 with a BOM, else cp1252; newlines become "\\n".

    Raises:
        UnreadableFile: the bytes are binary or no candidate encoding fits.
    """
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise UnreadableFile(f"{kind}, not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = decode_as(data, "utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = decode_as(data, "cp1252")
    if "\x00" in text:
        raise UnreadableFile("binary content (NUL bytes), not text")
    # the same newline handling as opening the file in text mode
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_as(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"not UTF-8 and not {encoding} text ({error.reason} at byte {error.start})") from None


def parse_text(content: str, input_file: InputFile) -> Article | Skipped:
    """Split a text file into headline (first non-empty line) and body.

    A first line longer than MAX_HEADLINE_CHARS is no headline: the whole file is body.
    """
    headline, _, body = content.lstrip().partition("\n")
    if len(headline) > MAX_HEADLINE_CHARS:
        headline, body = "", content
    if not body.strip():
        return Skipped(str(input_file.path), "no body text: line 1 is read as the headline and nothing follows it")
    return Article(id=input_file.article_id, title=headline.strip(), text=body)


def parse_html(content: str, input_file: InputFile) -> Article | Skipped:
    """Take a saved page's main text and metadata, leaving page chrome behind."""
    # parse once here: trafilatura and htmldate then work on the tree and never
    # mistake a page whose text looks like a URL for an address to download
    tree = load_html(content)
    if tree is None:
        return Skipped(str(input_file.path), "not an HTML page (could not parse it)")
    metadata = trafilatura.extract_metadata(copy.deepcopy(tree))
    title = (metadata.title or "").strip() if metadata else ""
    paragraphs = extract_paragraphs(tree)
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        return Skipped(str(input_file.path), "no article text found in the page" + nesting_note(tree))
    return Article(
        id=input_file.article_id,
        title=title,
        text="\n\n".join(paragraphs),
        url=metadata.url if metadata else None,
        date=metadata.date if metadata else None,
        source=metadata.sitename if metadata else None,
    )


def nesting_note(tree: object) -> str:
    """Why a page may look empty: the HTML parser drops what is nested deeper than it goes."""
    depth, deepest = 0, 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    if deepest < MAX_HTML_DEPTH:
        return ""
    return f" (elements are nested over {MAX_HTML_DEPTH} deep, and the HTML parser drops what lies deeper)"


def extract_paragraphs(tree: object) -> list[str]:
    """The page's main text, one string per paragraph; escaped markup comes back as literal text."""
    main_text = trafilatura.extract(
        copy.deepcopy(tree),
        output_format="txt",
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        with_metadata=False,
    )
    return [line.strip() for line in (main_text or "").split("\n") if line.strip()]


def parse_json_lines(content: str, input_file: InputFile) -> Iterator[Article | Skipped]:
    """One record per non-blank line; a bad line is skipped and reading goes on."""
    first_lines: dict[str, int] = {}
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as error:
            yield Skipped(str(input_file.path), f"not valid JSON: {describe_json_error(error)}", line=number)
            continue
        article = record_to_article(record, input_file, line=number)
        if isinstance(article, Article) and article.id in first_lines:
            yield Skipped(str(input_file.path), f"id {article.id!r} repeats line {first_lines[article.id]}", line=number)
            continue
        if isinstance(article, Article):
            first_lines[article.id] = number
        yield article


def parse_json_list(content: str, input_file: InputFile) -> Iterator[Article | Skipped]:
    """A JSON file holding a list of records."""
    try:
        records = json.loads(content)
    except (json.JSONDecodeError, RecursionError) as error:
        yield Skipped(str(input_file.path), f"not valid JSON: {describe_json_error(error)}")
        return
    if not isinstance(records, list):
        yield Skipped(str(input_file.path), f"expected a JSON list of article records, found {json_type(records)}")
        return
    for number, record in enumerate(records, start=1):
        yield record_to_article(record, input_file, position=number)


def record_to_article(record: object, input_file: InputFile, *, line: int | None = None, position: int | None = None) -> Article | Skipped:
    """Check one JSON record and turn it into an Article."""
    where = f"record {position}: " if position is not None else ""
    problem = record_problem(record)
    if problem:
        return Skipped(str(input_file.path), where + problem, line=line)
    assert isinstance(record, dict)
    extras = {key: record[key] if isinstance(record.get(key), str) else None for key in OPTIONAL_FIELDS}
    title = record.get("title")
    return Article(
        id=f"{input_file.article_id}#{record['id']}",
        title=title.strip() if isinstance(title, str) else "",
        text=record["text"],
        **extras,
    )


def record_problem(record: object) -> str | None:
    """Say what makes a record unusable, or None when it is fine."""
    if not isinstance(record, dict):
        return f"expected a JSON object, found {json_type(record)}"
    missing = [key for key in ("id", "text") if key not in record]
    if missing:
        return f"record has no {' or '.join(repr(key) for key in missing)}"
    record_id = record["id"]
    if isinstance(record_id, bool) or not isinstance(record_id, (str, int)) or not str(record_id).strip():
        return f"'id' must be a non-empty string, found {json.dumps(record_id)[:40]}"
    if not isinstance(record["text"], str):
        return f"'text' must be a string, found {json_type(record['text'])}"
    if not record["text"].strip():
        return "record has empty 'text'"
    return None


def json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def describe_json_error(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} at column {error.colno}"
    return "nested too deeply"
