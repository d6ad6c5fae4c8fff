"""Executable specs for graphbuild.clean: noise rules, hover cards, alias offsets."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.clean import clean_article, clean_text, make_cleaner, remove_hover_cards
from graphbuild.ingest import read_articles
from graphbuild.model import Alias, Article

SHARED = Path(__file__).parents[2] / "shared"
DEVSET = SHARED / "devset" / "articles"
SEED = SHARED / "seeds" / "senate-democrats-election-security.txt"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason=f"shared corpus not found at {SHARED}")


def cleaned(text: str, title: str = "Headline") -> Article:
    return clean_article(Article(id="t.txt", title=title, text=text))


def assert_aliases_point_at_display(article: Article) -> None:
    for alias in article.aliases:
        assert article.text[alias.end - len(alias.display):alias.end] == alias.display


def assert_normalized(text: str) -> None:
    """The layout every cleaned text has."""
    assert "\n\n\n" not in text and "  " not in text and "\u00a0" not in text
    assert " \n" not in text and "\n " not in text
    assert text == text.strip(" \n")


# ---- noise lines and whitespace -------------------------------------------------------

NOISE = [
    ("First para.\u00a0\n\u00a0 \n\u00a0\nADVERTISEMENT\nSecond para.", "First para.\n\nSecond para."),
    ("One.\nAdvertisement\nTwo.", "One.\n\nTwo."),
    ("One.\n  advertisement  \nTwo.", "One.\n\nTwo."),
    ("\u00a9 Getty Images\n\nBody.", "Body."),
    ("\u00a9 Marguerite Olsen\nBody.", "Body."),
    ("Body  with   spaces.  \nNext line\u00a0 ", "Body with spaces.\nNext line"),
    ("said\u00a0Thursday", "said Thursday"),
    ("a\n\n\n\n\nb\n\n", "a\n\nb"),
    ("Windows\r\nline\r\rends", "Windows\nline\n\nends"),
    ("Tab\tand zero\u200bwidth\u00ad", "Tab and zerowidth"),
    ("Body.\n\u00a0\nTags Ann Doe Bob Roe Carla Diaz-Ortiz", "Body."),
    ("Body.\nTags Ann Doe\n\n", "Body."),
    ("FOR IMMEDIATE RELEASE\nTuesday, May 2, 2023\nContact: Press Office, 202-555-0100\n\nBody.\n\n###\n", "Tuesday, May 2, 2023\n\nBody."),
    ("Body.\n\n# # #", "Body."),
    ("By DANA HOLLISTER and MARC RIENZI\nAssociated Press\n\nWASHINGTON (AP) \u2014 Lead.", "WASHINGTON (AP) \u2014 Lead."),
    ("By Ellen Marsh\nDecember 9, 2020\n\nBody.", "December 9, 2020\n\nBody."),
    ("By Ann Doe, Bob Roe and Cy Poe\n\nBody.", "Body."),
    ("\u2022 First bullet;\n\u2022 Second bullet.", "\u2022 First bullet;\n\u2022 Second bullet."),
]


@pytest.mark.parametrize(("raw", "expected"), NOISE)
def test_clean_drops_noise_and_normalizes_whitespace(raw, expected):
    assert cleaned(raw).text == expected


KEPT = [
    "Rep. Patrick McHenry (R-N.C.), who chairs the panel, said lawmakers need MORE time.",
    "Gov. Ron DeSantis met iPhone makers with Rep. Darin LaHood and Beto O'Rourke.",
    "Senate Minority Leader Mitch McConnell (R-Ky.) endorsed the package. DO MORE, he said.",
    "Sen. Ann McKayAnn McKay spoke without any card marker.",
    "Sen. Ann DoeSmith said the vote needs MORE time.",
    "By Thursday, the Senate will vote.",
    "Tags were removed from the bill before the vote.",
    "The bill had MORE support than expected.\n\nTags are not names here",
    "Contact with the agency, officials said, was limited.",
    "Photo rights stay when \u00a9 is not at the start of the line.",
    "Associated Press reporters contributed. Reuters did too.",
]


@pytest.mark.parametrize("text", KEPT)
def test_clean_leaves_ordinary_text_unchanged(text):
    article = cleaned(text)
    assert article.text == text
    assert article.aliases == ()


# ---- hover cards --------------------------------------------------------------------------

HOVER_CARDS = [
    pytest.param(
        "Sen. Dale HarrowRichard (Dale) Thomas HarrowHarrow presses FAA on delays Senate panel eyes rail bill Overnight Energy: Grid strain grows MORE (D-Ore.) on Monday said",
        "Sen. Dale Harrow (D-Ore.) on Monday said",
        [("Dale Harrow", "Richard (Dale) Thomas Harrow")],
        id="nickname-and-middle-name",
    ),
    pytest.param(
        "said Senate Majority Leader Robert KeeganBob KeeganTo fix the farm bill, start with the data Keegan: GOP stalling on aid Democrats, GOP spar over budget rules MORE (D-Wis.) and others",
        "said Senate Majority Leader Robert Keegan (D-Wis.) and others",
        [("Robert Keegan", "Bob Keegan")],
        id="display-name-is-the-formal-one",
    ),
    pytest.param(
        "wrote to Administrator Lena MarchettiLena MarchettiAgency touts new rules Marchetti defends contract spending Overnight Health: Court pauses waiver MORE asking how",
        "wrote to Administrator Lena Marchetti asking how",
        [("Lena Marchetti", "Lena Marchetti")],
        id="formal-repeats-display",
    ),
    pytest.param(
        "President WhitfieldHenry (Hank) Alden Whitfield Jr.Whitfield heads to Ottawa Whitfield approval dips Whitfield signs parks bill MORE has said he will sign it.",
        "President Whitfield has said he will sign it.",
        [("Whitfield", "Henry (Hank) Alden Whitfield Jr.")],
        id="formal-ends-in-jr",
    ),
    pytest.param(
        "Senate Minority Leader Angus McTavishAngus (Gus) Lyle McTavishMcTavish: Senate will vote on budget 'Gus is right,' says governor GOP blocks ethics bill MORE (R-Ky.) endorsed it.",
        "Senate Minority Leader Angus McTavish (R-Ky.) endorsed it.",
        [("Angus McTavish", "Angus (Gus) Lyle McTavish")],
        id="mc-surname",
    ),
    pytest.param(
        "Rep. Ione FarrellIone Ruth FarrellOvernight Defense: Kessler to testify | Dems push Mortimer nominee to withdraw | Watchdog flags 'serious' gaps Farrell: 'We will not back down' MORE (D-Ill.) and Sen. Otto BrandtOtto Wilhelm BrandtBrandt unveils tariff plan Lambert, Brandt clash on trade  MORE (R-Neb.) wrote.",
        "Rep. Ione Farrell (D-Ill.) and Sen. Otto Brandt (R-Neb.) wrote.",
        [("Ione Farrell", "Ione Ruth Farrell"), ("Otto Brandt", "Otto Wilhelm Brandt")],
        id="two-cards-headlines-with-names-pipes-quotes",
    ),
    pytest.param(
        "Democratic Sens. Chris Van DornChristopher (Chris) Van DornExclusive: Democrats seek oversight board Van Dorn backs rail plan MORE (Md.) agreed.",
        "Democratic Sens. Chris Van Dorn (Md.) agreed.",
        [("Chris Van Dorn", "Christopher (Chris) Van Dorn")],
        id="two-word-surname",
    ),
    pytest.param(
        "a close ally of President HollowayMartin James HollowayHolloway says no deal Holloway cancels summit MORE, was blunter.",
        "a close ally of President Holloway, was blunter.",
        [("Holloway", "Martin James Holloway")],
        id="official-without-tag",
    ),
    pytest.param(
        "Rep. Ana Ruiz-ParraAna Lucia Ruiz-ParraRuiz-Parra seeks probe Democrats eye shift MORE (D-N.Y.) and Sen. Liam O'BrienWilliam (Liam) O'BrienO'Brien seeks review 2020 hopefuls gather MORE (D-Mass.)",
        "Rep. Ana Ruiz-Parra (D-N.Y.) and Sen. Liam O'Brien (D-Mass.)",
        [("Ana Ruiz-Parra", "Ana Lucia Ruiz-Parra"), ("Liam O'Brien", "William (Liam) O'Brien")],
        id="hyphen-and-apostrophe",
    ),
    pytest.param(
        "Sen. Max ByrdMaxwell Byrd III\u201cByrd\u201d returns to Senate floor Byrd, allies push farm aid MORE (D-W.Va.)\n\nNext paragraph.",
        "Sen. Max Byrd (D-W.Va.)\n\nNext paragraph.",
        [("Max Byrd", "Maxwell Byrd III")],
        id="suffix-and-quoted-headline",
    ),
    pytest.param(
        "Sen. Joe MaddenJoseph Madden IIIMadden: no deal yet Madden pushes coal plan MORE (D-W.Va.) said.",
        "Sen. Joe Madden (D-W.Va.) said.",
        [("Joe Madden", "Joseph Madden III")],
        id="nickname-not-in-formal",
    ),
]


@pytest.mark.parametrize(("raw", "expected", "aliases"), HOVER_CARDS)
def test_clean_cuts_hover_cards_and_keeps_formal_names(raw, expected, aliases):
    article = cleaned(raw)
    assert article.text == expected
    assert [(a.display, a.formal) for a in article.aliases] == aliases
    assert "MORE" not in article.text
    assert_aliases_point_at_display(article)


def test_clean_alias_offsets_follow_earlier_removals():
    raw = "\u00a9 Getty Images\n\nSen. Ann  DoeAnn Lee DoeDoe: budget talks stall Senate GOP blocks plan MORE (D-Ill.) spoke.\nADVERTISEMENT\nSen. Bo RoeRobert (Bo) RoeRoe backs Doe Overnight: deal nears MORE (R-Ind.) agreed."
    article = cleaned(raw)
    assert article.text == "Sen. Ann Doe (D-Ill.) spoke.\n\nSen. Bo Roe (R-Ind.) agreed."
    assert article.aliases == (
        Alias(display="Ann Doe", formal="Ann Lee Doe", end=12),
        Alias(display="Bo Roe", formal="Robert (Bo) Roe", end=41),
    )
    assert_aliases_point_at_display(article)


def test_clean_display_name_never_takes_title_words():
    for title in ("Sen.", "Rep.", "President", "Leader", "Secretary", "Director", "Speaker", "Chairman"):
        text, aliases = remove_hover_cards(f"{title} DoeJohn Paul DoeDoe wins vote Senate acts fast MORE said")
        assert text == f"{title} Doe said"
        assert aliases == (Alias(display="Doe", formal="John Paul Doe", end=len(title) + 4),)


NAME_PARTS = {
    "first": ["Ann", "Bob", "Calvin"],
    "middle": ["", "Lee ", "(Cal) Ray "],
    "last": ["Doe", "McKay", "Van Dorn", "O'Neil", "Diaz-Ortiz"],
}
HEADLINE_WORDS = st.sampled_from(["Senate", "votes", "Zed:", "'no'", "budget", "|", "deal", "Quux", "2020", "GOP"])
HEADLINE = st.tuples(st.sampled_from(["Senate", "Zed", "Quux:", "Overnight", "Dems"]), st.lists(HEADLINE_WORDS, min_size=1, max_size=6))


@settings(max_examples=200, deadline=None)
@given(
    first=st.sampled_from(NAME_PARTS["first"]),
    middle=st.sampled_from(NAME_PARTS["middle"]),
    last=st.sampled_from(NAME_PARTS["last"]),
    honorific=st.sampled_from(["Sen. ", "Rep. ", "Democratic Sens. ", "said ", ""]),
    headlines=st.lists(HEADLINE, min_size=2, max_size=4),
    tail=st.sampled_from([" (D-Ill.) said", " has said", ", who", ".", " (Pa.)"]),
)
def test_clean_any_generated_card_is_cut(first, middle, last, honorific, headlines, tail):
    formal = f"{first} {middle}{last}"
    run_together = " ".join(head + " " + " ".join(words) for head, words in headlines)
    raw = f"Yesterday {honorific}{first} {last}{formal}{run_together} MORE{tail}"
    article = cleaned(raw)
    assert article.text == f"Yesterday {honorific}{first} {last}{tail}"
    assert [(a.display, a.formal) for a in article.aliases] == [(f"{first} {last}", formal)]
    assert_aliases_point_at_display(article)


# ---- press releases and titles ---------------------------------------------------------------


def test_clean_press_release_takes_the_real_title_and_date():
    text = "Monday, March 6, 2023\nContact: Press Office\n\nDoe, Roe Unveil Rail Bill\n\nWASHINGTON \u2013 Senators Doe (D-OH) and Roe (R-OH) today introduced a bill:\n\n\u2022 One;\n\u2022 Two.\n\n###\n"
    article = cleaned(text, title="FOR IMMEDIATE RELEASE")
    assert article.title == "Doe, Roe Unveil Rail Bill"
    assert article.date == "2023-03-06"
    assert article.text == "Monday, March 6, 2023\n\nWASHINGTON \u2013 Senators Doe (D-OH) and Roe (R-OH) today introduced a bill:\n\n\u2022 One;\n\u2022 Two."


def test_clean_press_release_without_title_line_keeps_text():
    text = "WASHINGTON \u2013 Senators Doe (D-OH) and Roe (R-OH) today introduced a bill."
    article = cleaned(text, title="For Immediate Release")
    assert (article.title, article.text, article.date) == ("", text, None)


def test_clean_title_is_normalized_and_other_fields_kept():
    article = clean_article(Article(id="x#1", title="  Senate\u00a0 acts\n", text="Body.", url="u", date="2020-01-02", source="s"))
    assert (article.id, article.title, article.url, article.date, article.source) == ("x#1", "Senate acts", "u", "2020-01-02", "s")


def test_clean_make_cleaner_composes_left_to_right():
    assert make_cleaner(lambda t: t + "a", lambda t: t + "b")("") == "ab"
    assert make_cleaner()("same") == "same"


# ---- bad input never crashes ----------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(title=st.text(), text=st.text())
def test_clean_never_crashes_and_keeps_invariants(title, text):
    article = clean_article(Article(id="h.txt", title=title, text=text))
    assert isinstance(article, Article) and isinstance(article.title, str)
    assert_normalized(article.text)
    assert "\n" not in article.title
    assert_aliases_point_at_display(article)
    assert clean_text(article.text) == article.text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAbZ. \n\u00a0MOREDoe()-'")), max_size=200))
def test_clean_never_crashes_on_card_like_text(text):
    article = cleaned(text)
    assert_normalized(article.text)
    assert_aliases_point_at_display(article)


# ---- the seed article and the development corpus ---------------------------------------------


def read_one(path: Path) -> Article:
    [article] = read_articles([path])
    assert isinstance(article, Article), article
    return article


@needs_shared
def test_clean_seed_article_loses_every_card():
    article = clean_article(read_one(SEED))
    for gone in ("MORE", "Postal Service", "Yates", "Biden", "Cruz", "Pelosi", "ADVERTISEMENT", "\u00a9", "\u00a0"):
        assert gone not in article.text
    for kept in ("Charles Schumer (D-N.Y.)", "Dick Durbin (Ill.)", "Mark Warner (D-Va.)", "Chris Van Hollen (Md.)"):
        assert kept in article.text
    # the seed glues exactly seven cards (seven "MORE"s): Schumer, Durbin,
    # Feinstein, Klobuchar, Van Hollen, Rubio, Warner
    assert [a.display for a in article.aliases] == [
        "Charles Schumer", "Dick Durbin", "Dianne Feinstein", "Amy Klobuchar", "Chris Van Hollen", "Marco Rubio", "Mark Warner",
    ]
    assert article.aliases[0].formal == "Chuck Schumer"
    assert_aliases_point_at_display(article)


@needs_shared
def test_clean_every_devset_article():
    articles = [clean_article(record) for record in read_articles([DEVSET])]
    assert len(articles) == 15
    for article in articles:
        assert "MORE" not in article.text and not article.text.rstrip().split("\n")[-1].startswith("Tags ")
        assert_normalized(article.text)
        assert_aliases_point_at_display(article)
    by_id = {article.id: article for article in articles}
    assert "<script>alert(1)</script>" in by_id["html_01_solarwinds_hearing.html"].text
    for chrome_name in ("Garland", "Cruz", "Pelosi"):
        assert chrome_name not in by_id["html_01_solarwinds_hearing.html"].text
    assert "Britt" not in by_id["html_02_tiktok_bill.html"].text
    hill = by_id["hill_01_dream_act.txt"]
    for headline_only in ("McCain", "Kushner", "Zinke", "Mueller"):
        assert headline_only not in hill.text
    assert ("Charles Schumer", "Charles (Chuck) Ellis Schumer") in [(a.display, a.formal) for a in hill.aliases]
    assert by_id["pr_01_first_step_act.txt"].title.endswith("Statement on Senate Passage of the First Step Act")
    assert by_id["pr_01_first_step_act.txt"].date == "2018-12-18"


@needs_shared
@pytest.mark.parametrize(("article_id", "count"), [("hill_01_dream_act.txt", 8), ("hill_02_drug_pricing.txt", 9), ("hill_03_khashoggi_briefing.txt", 9), ("hill_04_gun_bill.txt", 8)])
def test_clean_devset_hill_articles_yield_one_alias_per_card(article_id, count):
    article = clean_article(read_one(DEVSET / article_id))
    assert len(article.aliases) == count
