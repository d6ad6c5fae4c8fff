"""Turn a Story into the bytes of one input format, with that format's scraping noise.

- ``hill``: a scraped .txt page: photo credit, ADVERTISEMENT lines, lines of
  non-breaking spaces, stray U+00A0 after sentences, a final ``Tags`` line.
- ``ap``: wire copy: byline, ``Associated Press``, ``WASHINGTON (AP) —``.
- ``release``: ``FOR IMMEDIATE RELEASE``, date and contact lines, ``###``.
- ``paper``: byline and date line, formal names.
- ``html``: a saved page: head metadata, JSON-LD, navigation, sidebars and an
  inline script that name people, around the ``<article>``.
- ``record``: one JSON Lines record.
"""
from __future__ import annotations

import html
import json
import random
from datetime import date

from bench.pools import REPORTERS, SITES
from bench.story import Story

NBSP = "\u00a0"
CREDITS = ["© Getty Images", "© Greg Nash", "© Associated Press", "© Bonnie Cash"]


def long_date(iso: str, weekday: bool = False) -> str:
    day = date.fromisoformat(iso)
    text = f"{day:%B} {day.day}, {day.year}"
    return f"{day:%A}, {text}" if weekday else text


def hill_text(story: Story, rng: random.Random) -> str:
    body = []
    for number, paragraph in enumerate(story.paragraphs):
        if number in (2, 6):
            body.append(f"{NBSP} \n" + "ADVERTISEMENT")
        body.append(paragraph + (f"{NBSP} " if rng.random() < 0.3 else " "))
    tags = " ".join(p.display for p in story.people[:rng.randint(2, 5)])
    return f"{story.headline}\n{rng.choice(CREDITS)}\n\n" + "\n\n".join(body) + f"\n\nTags {tags}\n"


def ap_text(story: Story, rng: random.Random) -> str:
    a, b = rng.sample(REPORTERS, 2)
    return f"{story.headline}\n\nBy {a.upper()} and {b.upper()}\nAssociated Press\n\n" + ap_body(story) + "\n"


def ap_body(story: Story) -> str:
    first, *rest = story.paragraphs
    return "\n\n".join([f"WASHINGTON (AP) — {first}", *rest])


def release_text(story: Story, rng: random.Random) -> str:
    head = f"FOR IMMEDIATE RELEASE\n{long_date(story.date, weekday=True)}\nContact: Press Office, 202-555-01{rng.randint(10, 99)}\n\n"
    return head + f"{story.headline}\n\n" + "\n\n".join(story.paragraphs) + "\n\n###\n"


def paper_text(story: Story, rng: random.Random) -> str:
    return f"{story.headline}\nBy {rng.choice(REPORTERS)}\n{long_date(story.date)}\n\n" + "\n\n".join(story.paragraphs) + "\n"


def html_page(story: Story, rng: random.Random, slug: str) -> str:
    site, domain = rng.choice(SITES)
    author = rng.choice(REPORTERS)
    chrome = [p.display for p in story.people[-3:]]  # names in page chrome state nothing
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": story.headline,
                     "datePublished": story.date, "author": {"@type": "Person", "name": author}})
    paragraphs = "\n".join(f"      <p>{html.escape(p)}</p>" for p in story.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{html.escape(story.headline)} | {site}</title>
  <meta property="og:title" content="{html.escape(story.headline)}">
  <meta property="og:url" content="https://{domain}/{story.date}/{slug}">
  <meta name="author" content="{author}">
  <script type="application/ld+json">{ld}</script>
  <script>window.trending = {json.dumps(chrome)}; function share(n) {{ return n; }}</script>
</head>
<body>
  <div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
  <nav><a href="/">Home</a> <a href="/congress">Congress</a> <a href="/policy">Policy</a> <a href="/opinion">Opinion</a></nav>
  <main>
    <article>
      <h1>{html.escape(story.headline)}</h1>
      <p class="byline">By {author} | {long_date(story.date)}</p>
{paragraphs}
    </article>
    <div class="share"><a href="#">Tweet</a> <a href="#">Post</a> <a href="#">Email</a></div>
    <aside class="related"><h2>Related</h2><ul>
      <li><a href="/r1">{chrome[0]} faces questions over campaign spending</a></li>
      <li><a href="/r2">Why {chrome[1]} is skipping the next hearing</a></li>
    </ul></aside>
  </main>
  <footer><p>© {story.date[:4]} {site}. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
"""


def json_record(story: Story, rng: random.Random, record_id: str, slug: str) -> str:
    site, domain = rng.choice(SITES)
    text = ap_body(story) if story.style == "ap" else "\n\n".join(story.paragraphs)
    record = {"id": record_id, "url": f"https://{domain}/{story.date}/{slug}", "title": story.headline,
              "date": story.date, "source": site, "text": text}
    return json.dumps(record, ensure_ascii=False) + "\n"


TEXT_WRITERS = {"hill": hill_text, "ap": ap_text, "release": release_text, "paper": paper_text}
