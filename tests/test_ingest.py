"""Executable specs for graphbuild.ingest: every input format, skips, order."""
from __future__ import annotations

import html
import json
import os
import random
import socket
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuild.errors import InputError
from graphbuild.ingest import read_articles
from graphbuild.model import Article, Skipped

SHARED = Path(__file__).parents[2] / "shared"
DEVSET = SHARED / "devset" / "articles"

PAGE = """<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Senators question pipeline regulator - Prairie Ledger</title>
<meta property="og:title" content="Senators question pipeline regulator">
<meta property="og:site_name" content="Prairie Ledger">
<meta property="og:url" content="https://prairieledger.example/2022/05/04/pipeline-regulator/">
<meta property="article:published_time" content="2022-05-04T09:15:00-05:00">
<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Ottilie Sandoval"}}</script>
<script>var trending = ["Harriet Quimby says no", "Wendell Ostrander on tour"];</script>
</head><body>
<div class="cookie-banner">We use cookies. <button>Accept all</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/congress/">Congress</a></li></ul></nav>
<main><article>
<h1>Senators question pipeline regulator</h1>
<ul class="share"><li><a href="https://x.com/intent/post">Post</a></li><li><a href="#">Tweet</a></li></ul>
<p>Sen. Maribel Ocampo (D-N.M.) pressed the head of the pipeline safety agency on Wednesday about a string of leaks in the Permian Basin, saying inspections had fallen behind for years.</p>
<p>The regulator, Cornelius Fairweather, said the agency had hired forty new inspectors this spring and would publish a backlog report within a month.</p>
<p>Ocampo read from a complaint that quoted a field note: &lt;script&gt;alert(1)&lt;/script&gt; had been typed into the agency's public form, which she called a sign of neglect.</p>
<p>Sen. Dwight Hollister (R-Okla.) said in a statement that the agency needed more money rather than more hearings.</p>
</article>
<aside class="related"><h3>More from the Ledger</h3><ul><li><a href="/x">Bartholomew Quist faces confirmation fight</a></li></ul></aside>
</main>
<footer><p>&copy; 2022 Prairie Ledger. Contact Philippa Dunmore for corrections.</p></footer>
</body></html>
"""

CHROME_NAMES = ["Harriet Quimby", "Wendell Ostrander", "Ottilie Sandoval", "Bartholomew Quist", "Philippa Dunmore", "cookies", "Tweet"]


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_all(*inputs: Path) -> list[Article | Skipped]:
    return list(read_articles(list(inputs)))


def only_article(records: list[Article | Skipped]) -> Article:
    assert len(records) == 1 and isinstance(records[0], Article), records
    return records[0]


def assert_valid_records(records: list[Article | Skipped]) -> None:
    """What every reader promises: records of the two kinds, each with usable fields."""
    for record in records:
        assert isinstance(record, (Article, Skipped))
        if isinstance(record, Article):
            assert record.id and isinstance(record.title, str)
            assert isinstance(record.text, str) and record.text.strip()
        else:
            assert record.reason and "\n" not in record.reason


# ---- plain text ------------------------------------------------------------------

TEXT_FILES = [
    ("Headline here\nBody line one.\n\nBody two.\n", "Headline here", "Body line one.\n\nBody two.\n"),
    ("\n\n  Headline after blanks  \nBody.", "Headline after blanks", "Body."),
    ("Windows headline\r\nBody one.\r\n\r\nBody two.", "Windows headline", "Body one.\n\nBody two."),
    ("\ufeffHeadline with BOM\nBody.", "Headline with BOM", "Body."),
    ("Headline\n\u00a0\nBody kept raw\u00a0\n", "Headline", "\u00a0\nBody kept raw\u00a0\n"),  # ingest does not clean
]


@pytest.mark.parametrize(("content", "title", "text"), TEXT_FILES)
def test_ingest_text_file_splits_headline_and_body(tmp_path, content, title, text):
    article = only_article(read_all(write(tmp_path, "story.txt", content)))
    assert (article.id, article.title, article.text) == ("story.txt", title, text)
    assert article.aliases == ()


def test_ingest_text_falls_back_to_cp1252(tmp_path):
    path = write(tmp_path, "old.txt", "Caf\u00e9 owners testify\nThe \u201cbill\u201d passed.".encode("cp1252"))
    article = only_article(read_all(path))
    assert article.title == "Caf\u00e9 owners testify"
    assert article.text == "The \u201cbill\u201d passed."


def test_ingest_text_reads_utf16_with_bom(tmp_path):
    path = write(tmp_path, "wide.txt", "Headline\nBody text.".encode("utf-16"))
    assert only_article(read_all(path)).text == "Body text."


SKIPPED_FILES = [
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b" \n\t\n\xc2\xa0\n", "file is empty"),
    ("headline_only.txt", b"Just a headline\n\n", "no body text"),
    ("binary.txt", b"Head\x00line\nbody", "cannot read file: binary content"),
    ("undecodable.txt", b"Headline\nbad \x81\x8d\x8f bytes", "cannot read file: not UTF-8 and not cp1252"),
    ("scan.pdf", b"%PDF-1.4", "unsupported file type '.pdf' (graphbuild reads .txt, .html, .htm, .jsonl, .json)"),
    ("README", b"notes", "unsupported file type (no extension)"),
    ("broken.json", b"[{", "not valid JSON"),
    ("object.json", b'{"id": "a", "text": "b"}', "expected a JSON list of article records, found an object"),
    ("empty.html", b"<html><head><title>T</title></head><body><script>var a = 1;</script></body></html>", "no article text found in the page"),
]


@pytest.mark.parametrize(("name", "content", "reason"), SKIPPED_FILES)
def test_ingest_skips_unreadable_files_with_reason(tmp_path, name, content, reason):
    path = write(tmp_path, name, content)
    [record] = read_all(path)
    assert isinstance(record, Skipped)
    assert record.path == str(path)
    assert record.reason.startswith(reason), record.reason


def test_ingest_missing_input_raises_input_error_naming_it(tmp_path):
    missing = tmp_path / "nowhere" / "story.txt"
    with pytest.raises(InputError, match="nowhere/story.txt"):
        read_articles([tmp_path, missing])  # raised at the call, before iterating


# ---- HTML --------------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch):
    """Fail the test if anything tries to open a connection."""

    def refuse(*args, **kwargs):
        raise AssertionError("graphbuild must not use the network while reading")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_ingest_html_keeps_only_the_article(tmp_path, no_network):
    article = only_article(read_all(write(tmp_path, "page.html", PAGE)))
    assert article.id == "page.html"
    assert article.title == "Senators question pipeline regulator"
    assert article.date == "2022-05-04"
    assert article.url == "https://prairieledger.example/2022/05/04/pipeline-regulator/"
    assert article.source == "Prairie Ledger"
    assert article.text.startswith("Sen. Maribel Ocampo (D-N.M.) pressed")
    assert article.text.count("\n\n") == 3 and "\n\n\n" not in article.text
    for name in CHROME_NAMES:
        assert name not in article.text


def test_ingest_html_keeps_escaped_markup_as_literal_text(tmp_path, no_network):
    article = only_article(read_all(write(tmp_path, "page.htm", PAGE)))
    assert "quoted a field note: <script>alert(1)</script> had been typed" in article.text


def test_ingest_html_whose_text_looks_like_a_url_is_not_fetched(tmp_path, no_network):
    for index, content in enumerate(["https://example.com/story", "http://example.com"]):
        records = read_all(write(tmp_path, f"url{index}.html", content))
        assert_valid_records(records)


# ---- JSON Lines and JSON -------------------------------------------------------------

JSONL_LINES = [
    json.dumps({"id": "one", "title": " First ", "text": "Para one.\n\nPara two.", "url": "https://w.example/1", "date": "2021-03-04", "source": "Wire"}),
    "",
    "{not json",
    json.dumps({"title": "no id", "text": "x"}),
    json.dumps({"id": "three"}),
    json.dumps(["a", "list"]),
    json.dumps({"id": "blank", "text": "   "}),
    json.dumps({"id": 7, "text": "Numeric id.", "date": 2021}),
    json.dumps({"id": "one", "text": "Same id again."}),
]


def test_ingest_jsonl_reads_good_records_and_skips_bad_lines(tmp_path):
    path = write(tmp_path, "digest.jsonl", "\n".join(JSONL_LINES) + "\n")
    records = read_all(path)
    articles = [r for r in records if isinstance(r, Article)]
    skipped = {r.line: r.reason for r in records if isinstance(r, Skipped)}
    assert [a.id for a in articles] == ["digest.jsonl#one", "digest.jsonl#7"]
    first = articles[0]
    assert (first.title, first.text, first.url, first.date, first.source) == (
        "First", "Para one.\n\nPara two.", "https://w.example/1", "2021-03-04", "Wire",
    )
    assert articles[1].title == "" and articles[1].date is None
    assert skipped[3].startswith("not valid JSON")
    assert skipped[4] == "record has no 'id'"
    assert skipped[5] == "record has no 'text'"
    assert skipped[6] == "expected a JSON object, found a list"
    assert skipped[7] == "record has empty 'text'"
    assert skipped[9] == "id 'digest.jsonl#one' repeats line 1"
    assert sorted(skipped) == [3, 4, 5, 6, 7, 9]


def test_ingest_json_list_reads_each_record(tmp_path):
    records = [{"id": "a", "text": "Alpha."}, {"id": "b"}, {"id": "c", "text": "Gamma.", "title": "C"}]
    results = read_all(write(tmp_path, "batch.json", json.dumps(records)))
    assert [r.id for r in results if isinstance(r, Article)] == ["batch.json#a", "batch.json#c"]
    [skipped] = [r for r in results if isinstance(r, Skipped)]
    assert skipped.reason == "record 2: record has no 'text'" and skipped.line is None


# ---- folders, order, duplicates --------------------------------------------------------


def make_corpus(root: Path) -> Path:
    write(root, "b.txt", "B headline\nB body.")
    write(root, "a.txt", "A headline\nA body.")
    write(root, "sub/c.txt", "C headline\nC body.")
    write(root, "sub/deeper/d.jsonl", json.dumps({"id": "r1", "text": "D body."}))
    write(root, ".hidden/e.txt", "E headline\nE body.")
    write(root, ".DS_Store", b"\x00\x01")
    return root


def test_ingest_folder_is_recursed_in_sorted_order_with_relative_ids(tmp_path):
    root = make_corpus(tmp_path / "corpus")
    ids = [r.id for r in read_all(root)]
    assert ids == ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.jsonl#r1"]


def test_ingest_file_reached_twice_is_read_once(tmp_path):
    root = make_corpus(tmp_path / "corpus")
    records = read_all(root, root / "sub" / "c.txt", root / "sub")
    # each file keeps the first id in sorted order, whichever input reached it
    assert [r.id for r in records] == ["a.txt", "b.txt", "c.txt", "deeper/d.jsonl#r1"]


def test_ingest_hard_link_is_the_same_file_and_read_once(tmp_path):
    root = make_corpus(tmp_path / "corpus")
    os.link(root / "b.txt", root / "sub" / "b-again.txt")
    assert [r.id for r in read_all(root)] == ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.jsonl#r1"]


def test_ingest_order_does_not_depend_on_argument_order(tmp_path):
    root = make_corpus(tmp_path / "corpus")
    inputs = [root / "b.txt", root / "sub", root / "a.txt", root / "sub" / "deeper" / "d.jsonl"]
    outputs = set()
    for seed in range(5):
        shuffled = inputs[:]
        random.Random(seed).shuffle(shuffled)
        outputs.add(tuple(read_all(*shuffled)))
    assert len(outputs) == 1


def test_ingest_survives_symlink_loops_and_broken_links(tmp_path):
    root = make_corpus(tmp_path / "corpus")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "gone.txt").symlink_to(root / "missing.txt")
    records = read_all(root)
    articles = [r.id for r in records if isinstance(r, Article)]
    assert articles == ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.jsonl#r1"]
    [broken] = [r for r in records if isinstance(r, Skipped)]
    assert broken.path.endswith("gone.txt") and broken.reason.startswith("cannot read file")


def test_ingest_same_id_from_two_folders_is_skipped_the_second_time(tmp_path):
    first = write(tmp_path / "one", "story.txt", "One\nFirst body.").parent
    second = write(tmp_path / "two", "story.txt", "Two\nSecond body.").parent
    records = read_all(first, second)
    assert isinstance(records[0], Article) and records[0].text == "First body."
    assert isinstance(records[1], Skipped) and "already used" in records[1].reason


# ---- bad input never crashes -------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".jsonl", ".json", ".html"]))
def test_ingest_never_crashes_on_arbitrary_bytes(tmp_path, no_network, data, suffix):
    path = write(tmp_path, "input" + suffix, data)
    assert_valid_records(read_all(path))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300), suffix=st.sampled_from([".txt", ".jsonl", ".html"]))
def test_ingest_never_crashes_on_arbitrary_text(tmp_path, no_network, text, suffix):
    path = write(tmp_path, "input" + suffix, text.encode("utf-8", "surrogatepass"))
    assert_valid_records(read_all(path))


# ---- the development corpus ---------------------------------------------------------------

needs_devset = pytest.mark.skipif(not DEVSET.is_dir(), reason=f"development corpus not found at {DEVSET}")


@needs_devset
def test_ingest_reads_every_devset_article(no_network):
    records = read_all(DEVSET)
    assert not [r for r in records if isinstance(r, Skipped)]
    ids = [r.id for r in records]
    assert len(ids) == 15 and ids == sorted(ids)
    assert "corpus_digest.jsonl#cwd-20170608-comey" in ids


@needs_devset
def test_ingest_devset_html_keeps_article_text_only(no_network):
    first = only_article(read_all(DEVSET / "html_01_solarwinds_hearing.html"))
    assert "<script>alert(1)</script>" in first.text
    assert first.date == "2021-02-23" and first.title.startswith("Tech executives")
    for chrome_name in ("Garland", "Cruz", "Pelosi", "Castellanos"):
        assert chrome_name not in first.text
    second = only_article(read_all(DEVSET / "html_02_tiktok_bill.html"))
    assert "Britt" not in second.text and "Gallagher" in second.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(st.text(max_size=120), min_size=1, max_size=4))
def test_ingest_never_crashes_on_arbitrary_page_text(tmp_path, no_network, paragraphs):
    body = "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in paragraphs)
    page = f"<html><head><title>t</title></head><body><article>{body}</article></body></html>"
    records = read_all(write(tmp_path, "page.html", page))
    assert_valid_records(records)


def test_ingest_accepts_a_single_path(tmp_path):
    path = write(tmp_path, "story.txt", "Headline\nBody.")
    assert read_all(path) == list(read_articles(path)) == list(read_articles(str(path)))
