"""Executable spec of the relation extractors: sentences and the facts they must and must not yield.

Written against the annotation guideline (../shared/devset/README.md), in
sentences of our own. A row is (text, must, must_not): every fact in `must`
is found and none in `must_not` is. Known misses stay as xfail rows.
"""
from __future__ import annotations

import pytest

from tests.conftest import facts_of

STATEMENTS = [
    ('Sen. Jane Holloway (D-Ore.) said in a statement that the vote was a mistake.',
     {("signedStatement", "Jane Holloway")}, set()),
    ('Sens. Jane Holloway (D-Ore.) and Tom Reyes (R-Ariz.) said in a joint statement that talks would resume.',
     {("signedStatement", "Jane Holloway"), ("signedStatement", "Tom Reyes")}, set()),
    ('In a joint statement on Friday, Sen. Jane Holloway (D-Ore.) and Sen. Tom Reyes (R-Ariz.) said the deal was fair.',
     {("signedStatement", "Jane Holloway"), ("signedStatement", "Tom Reyes")}, set()),
    ('Rep. Ana Lind, D-Minn., praised the ruling in a statement released by her office.',
     {("signedStatement", "Ana Lind")}, set()),
    ('Gov. Paul Brandt backed the plan, saying in a statement that it would save money.',
     {("signedStatement", "Paul Brandt")}, set()),
    ('Senators Holloway (D-OR) and Reyes (R-AZ) today released the following joint statement:',
     {("signedStatement", "Holloway"), ("signedStatement", "Reyes")}, set()),
    # an aide, a campaign or an organisation is not the person
    ('A spokesman for Sen. Jane Holloway (D-Ore.) said in a statement that she would recover.',
     set(), {("signedStatement", "Jane Holloway")}),
    ('The American Medical Association said in a statement that Sen. Tom Reyes (R-Ariz.) was wrong.',
     set(), {("signedStatement", "Tom Reyes")}),
    # negated, refused and future statements are not statements
    ('Sen. Jane Holloway (D-Ore.), who did not sign the statement, spoke to reporters instead.',
     set(), {("signedStatement", "Jane Holloway")}),
    ('Sen. Tom Reyes (R-Ariz.) will release a statement on Monday.',
     set(), {("signedStatement", "Tom Reyes")}),
    ('"We have the votes," Sen. Tom Reyes (R-Ariz.) told reporters.',
     set(), {("signedStatement", "Tom Reyes")}),
    # a plural phrase refers back to the people just listed
    ('Sen. Jane Holloway (D-Ore.) and Sen. Tom Reyes (R-Ariz.) wrote the compromise. '
     'The two senators said in a joint statement that it was overdue.',
     {("signedStatement", "Jane Holloway"), ("signedStatement", "Tom Reyes")}, set()),
]

TWEETS = [
    ('Sen. Jane Holloway (D-Ore.) tweeted that the bill was dead.', {("posted", "Jane Holloway")}, set()),
    ('Rep. Ana Lind, D-Minn., wrote on X that she would vote no.', {("posted", "Ana Lind")}, set()),
    ('Sen. Tom Reyes (R-Ariz.) said in a post on X that the border was open.', {("posted", "Tom Reyes")}, set()),
    ('Sen. Tom Reyes (R-Ariz.) took to Twitter to attack the ruling.', {("posted", "Tom Reyes")}, set()),
    ('Sen. Tom Reyes (R-Ariz.) mocked the plan, tweeting a photo of an empty chamber.', {("posted", "Tom Reyes")}, set()),
    ('Rep. Ana Lind, D-Minn., posted a video on TikTok urging fans to call Congress.', set(), {("posted", "Ana Lind")}),
    ('Sen. Tom Reyes (R-Ariz.) did not post on Twitter during the hearing.', set(), {("posted", "Tom Reyes")}),
]

LETTERS = [
    ('Sens. Jane Holloway (D-Ore.) and Tom Reyes (R-Ariz.) sent a letter to Attorney General Merrick Garland on Monday.',
     {("sentLetter", "Jane Holloway"), ("sentLetter", "Tom Reyes")}, {("sentLetter", "Merrick Garland")}),
    ('Last week Sen. Jane Holloway (D-Ore.) wrote to Treasury Secretary Janet Yellen urging a delay.',
     {("sentLetter", "Jane Holloway")}, {("sentLetter", "Janet Yellen")}),
    ('Oregon Attorney General Ellen Rosenblum and officials from six other states signed a letter to the agency.',
     {("sentLetter", "Ellen Rosenblum"), ("state", "Ellen Rosenblum", "OR")}, set()),
    ('Sen. Tom Reyes (R-Ariz.) said he might send a letter to the committee.', set(), {("sentLetter", "Tom Reyes")}),
]

BILLS = [
    ('Sen. Jane Holloway (D-Ore.) and Sen. Tom Reyes (R-Ariz.) on Tuesday introduced the Clean Water Access Act.',
     {("sponsors", "Jane Holloway"), ("sponsors", "Tom Reyes"), ("cosponsors", "Jane Holloway", "Tom Reyes")}, set()),
    ('The Clean Water Access Act, sponsored by Rep. Ana Lind (D-Minn.), passed the House.',
     {("sponsors", "Ana Lind")}, set()),
    ('The Rural Broadband Act was introduced by Sen. Jane Holloway (D-Ore.) and is cosponsored by Sens. Tom Reyes (R-Ariz.) and Ana Lind (D-Minn.).',
     {("cosponsors", "Ana Lind", "Jane Holloway"), ("cosponsors", "Ana Lind", "Tom Reyes"), ("cosponsors", "Jane Holloway", "Tom Reyes")}, set()),
    ('Sen. Tom Reyes (R-Ariz.) introduced the measure in March alongside Sen. Jane Holloway (D-Ore.).',
     {("cosponsors", "Jane Holloway", "Tom Reyes")}, set()),
    ('Sen. Tom Reyes (R-Ariz.) is a cosponsor of the Rural Broadband Act.', {("sponsors", "Tom Reyes")}, set()),
    ('Sen. Jane Holloway (D-Ore.) said she supports the measure but has not signed on to it.',
     set(), {("sponsors", "Jane Holloway")}),
    ('Sen. Tom Reyes (R-Ariz.) voted for the Rural Broadband Act.', set(), {("sponsors", "Tom Reyes")}),
    ('The Senate rejected two amendments offered by Sen. Tom Reyes (R-Ariz.).', set(), {("sponsors", "Tom Reyes")}),
    ('Sen. Tom Reyes (R-Ariz.) circulated a draft of the bill last fall.', set(), {("sponsors", "Tom Reyes")}),
    # two different measures in one article are two bills: no pair across them
    ('Sen. Tom Reyes (R-Ariz.) introduced a resolution on Iran. '
     'In the House, Rep. Ana Lind, D-Minn., said in a statement that the chamber would take up its own measure, sponsored by Rep. Dan Ortiz, D-Texas.',
     {("sponsors", "Tom Reyes"), ("sponsors", "Dan Ortiz")}, {("cosponsors", "Dan Ortiz", "Tom Reyes")}),
]

BRIEFINGS = [
    ('CIA Director William Burns briefed senators on Tuesday. Sen. Tom Reyes (R-Ariz.), who attended the briefing, left early.',
     {("attendedBriefing", "William Burns"), ("attendedBriefing", "Tom Reyes")}, set()),
    ('Sen. Jane Holloway (D-Ore.) told a news conference that the deal was close.',
     {("attendedBriefing", "Jane Holloway")}, set()),
    ('Sen. Jane Holloway (D-Ore.) and Sen. Tom Reyes (R-Ariz.) appeared together at a press conference in the Capitol.',
     {("attendedBriefing", "Jane Holloway"), ("attendedBriefing", "Tom Reyes")}, set()),
    ('Sen. Jane Holloway (D-Ore.) told reporters that the deal was close.', set(), {("attendedBriefing", "Jane Holloway")}),
    ('Federal Reserve Chair Jerome Powell is scheduled to hold a news conference next week.',
     set(), {("attendedBriefing", "Jerome Powell")}),
    ('Officials briefed the committee. Sen. Tom Reyes (R-Ariz.) was not invited to the briefing.',
     set(), {("attendedBriefing", "Tom Reyes")}),
    ('The briefing was hosted by Sen. Jane Holloway (D-Ore.), who chairs the Health Committee.',
     {("attendedBriefing", "Jane Holloway")}, set()),
]

HEARINGS = [
    ('Treasury Secretary Janet Yellen testified before the Senate Finance Committee on Thursday.',
     {("testifiedAt", "Janet Yellen")}, set()),
    ('TikTok CEO Shou Zi Chew, who testified before the House Energy and Commerce Committee last year, stayed silent.',
     {("testifiedAt", "Shou Zi Chew")}, set()),
    ('Under questioning from Sen. Tom Reyes (R-Ariz.), Treasury Secretary Janet Yellen testified before the Senate Finance Committee.',
     {("testifiedAt", "Janet Yellen")}, {("testifiedAt", "Tom Reyes")}),
    ('Sen. Jane Holloway (D-Ore.) said she planned to call Federal Reserve Chair Jerome Powell to testify.',
     set(), {("testifiedAt", "Jerome Powell"), ("testifiedAt", "Jane Holloway")}),
]

ATTRIBUTES = [
    ('Sen. Jane Holloway (D-Ore.) spoke.', {("party", "Jane Holloway", "D"), ("state", "Jane Holloway", "OR"), ("role", "Jane Holloway", "senator")}, set()),
    ('Rep. Ana Lind, D-Minn., spoke.', {("party", "Ana Lind", "D"), ("state", "Ana Lind", "MN"), ("role", "Ana Lind", "representative")}, set()),
    ('Sen. Bernie Sanders (I-Vt.) spoke.', {("party", "Bernie Sanders", "I"), ("state", "Bernie Sanders", "VT")}, set()),
    ('Senators Holloway (D-OR) and Reyes (R-AZ) spoke.', {("state", "Holloway", "OR"), ("party", "Reyes", "R")}, set()),
    ('GOP Sens. Tom Reyes (Ariz.) and Dan Ortiz (Texas) objected.',
     {("party", "Tom Reyes", "R"), ("party", "Dan Ortiz", "R"), ("state", "Dan Ortiz", "TX")}, set()),
    ('Senate Majority Leader John Thune (R-S.D.) spoke.', {("role", "John Thune", "senate majority leader")}, {("role", "John Thune", "senator")}),
    ('Treasury Secretary Janet Yellen spoke.', {("role", "Janet Yellen", "treasury secretary"), ("type", "Janet Yellen", "Official")}, set()),
    ('Texas Attorney General Ken Paxton sued.', {("role", "Ken Paxton", "texas attorney general"), ("state", "Ken Paxton", "TX")}, set()),
    ('Gen. Mark Milley, chairman of the Joint Chiefs of Staff, spoke.', {("role", "Mark Milley", "chairman of the joint chiefs of staff")}, set()),
    ('Rep. Ana Lind, D-Minn., who chairs the House Budget Committee, spoke.', {("role", "Ana Lind", "chairman of the house budget committee")}, set()),
    ('Mark Kelly, a retired astronaut, spoke.', set(), {("role", "Mark Kelly", "retired astronaut")}),
    ('Sen. Kyrsten Sinema (I-Ariz.), who now sits as an independent, spoke.', {("party", "Kyrsten Sinema", "I")}, set()),
]

PEOPLE = [
    # hover-card headlines name nobody
    ('Sen. Jane HollowayJane Marie HollowayPelosi slams Cruz over shutdown Biden signs order MORE (D-Ore.) said in a statement that it failed.',
     {("signedStatement", "Jane Holloway"), ("party", "Jane Holloway", "D")},
     {("signedStatement", "Nancy Pelosi"), ("signedStatement", "Pelosi")}),
    # a lone surname is someone only when the article named them in full
    ('Holloway said in a statement that it failed.', set(), {("signedStatement", "Holloway")}),
    # two people sharing a surname stay apart, told apart by the descriptor
    ('Sen. Tim Scott (R-S.C.) and Sen. Rick Scott (R-Fla.) met. Scott, the Florida Republican, said in a statement that he was pleased.',
     {("signedStatement", "Rick Scott")}, {("signedStatement", "Tim Scott")}),
    # a word before an honorific belongs to it only when it stands right there
    ('There were no U.S. casualties. Sen. Mike Lee, R-Utah, who attended the briefing, left.',
     {("attendedBriefing", "Mike Lee")}, set()),
    ('Not every Republican was unhappy. Sen. Lindsey Graham, R-S.C., wrote on Twitter that it went well.',
     {("posted", "Lindsey Graham")}, set()),
    ('Rep. Steve King (R-Iowa) wrote on Twitter that it was amnesty.',
     {("posted", "Steve King"), ("party", "Steve King", "R")}, set()),
    # a sentence-initial pronoun is the previous sentence's subject
    ('Sen. Tom Reyes (R-Ariz.) spoke first. He and Sen. Jane Holloway (D-Ore.) introduced the Clean Water Access Act.',
     {("cosponsors", "Jane Holloway", "Tom Reyes")}, set()),
]


def _rows(table):
    return [pytest.param(text, must, must_not, id=text[:60]) for text, must, must_not in table]


@pytest.mark.parametrize("text, must, must_not", _rows(
    STATEMENTS + TWEETS + LETTERS + BILLS + BRIEFINGS + HEARINGS + ATTRIBUTES + PEOPLE
))
def test_extract_sentence_yields_exactly_what_it_states(text, must, must_not):
    found = facts_of(text)
    assert must <= found, f"missing {sorted(must - found)}; found {sorted(found)}"
    assert not (must_not & found), f"invented {sorted(must_not & found)}"


DESCRIPTORS = [
    ('Sen. Mitch McConnell (R-Ky.) and Sen. Chuck Schumer (D-N.Y.) met. The Kentucky Republican said in a statement that talks were over.',
     {("signedStatement", "Mitch McConnell")}, {("signedStatement", "Chuck Schumer")}),
    ('Sen. Jane Holloway (D-Ore.) spoke first. Later the senator tweeted that she was hopeful.',
     {("posted", "Jane Holloway")}, set()),
    ('Sen. Tim Scott (R-S.C.) and Sen. Rick Scott (R-Fla.) met. The Republican said in a statement that he was pleased.',
     set(), {("signedStatement", "Tim Scott"), ("signedStatement", "Rick Scott")}),
    ('Rep. Ana Lind (D-Minn.) and Sen. Tom Reyes (R-Ariz.) met. The congresswoman wrote on X that the meeting went well.',
     {("posted", "Ana Lind")}, {("posted", "Tom Reyes")}),
    ('The Democrat said in a statement that the plan would fail.', set(), set()),
]


@pytest.mark.parametrize("text, must, must_not", _rows(DESCRIPTORS))
def test_extract_descriptors_resolve_to_the_one_person_who_fits(text, must, must_not):
    found = facts_of(text)
    assert must <= found, f"missing {sorted(must - found)}; found {sorted(found)}"
    assert not (must_not & found), f"invented {sorted(must_not & found)}"


def test_extract_one_bill_under_all_its_names():
    from graphbuild.clean import clean_article
    from graphbuild.extract import extract_article
    from graphbuild.model import Article

    text = ("The Nurture Originals, Foster Art, and Keep Entertainment Safe Act, or NO FAKES Act, was introduced by "
            "Sen. Jane Holloway (D-Ore.). Sen. Tom Reyes (R-Ariz.) is a cosponsor of the NO FAKES Act. "
            "Separately, Rep. Ana Lind (D-Minn.) introduced the DETER Act (H.R. 4884).")
    facts = extract_article(clean_article(Article("t.txt", "", text)))
    bills = sorted((e.label, e.names) for e in facts.events if e.kind == "Bill")
    assert bills == [
        ("DETER Act", ("DETER Act", "H.R. 4884")),
        ("Nurture Originals, Foster Art, and Keep Entertainment Safe Act",
         ("Nurture Originals, Foster Art, and Keep Entertainment Safe Act", "NO FAKES Act")),
    ]
    assert ("cosponsors", "Jane Holloway", "Tom Reyes") in facts_of(text)
