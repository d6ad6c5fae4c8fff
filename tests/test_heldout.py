"""Held-out checks: per relation, sentences in styles the dev set lacks.

Passive voice, "joined by", "led by", "alongside", "flanked by", fronted
phrases ("In a joint statement, X and Y said"), other outlets' tag styles
("(R., Kan.)", "Republican of Kansas"), and the negated, refused, invited and
future events that must yield nothing. Names are invented or used in new
contexts; none of these sentences comes from the dev set.
"""
from __future__ import annotations

import pytest

from tests.conftest import facts_of

ORTEGA, HALL, WU, CHEN, ORTIZ = "Maria Ortega", "Greg Hall", "Paul Wu", "Lisa Chen", "Dan Ortiz"

SIGNED_STATEMENT = [
    ("Sen. Maria Ortega (D-N.M.) and Sen. Greg Hall (R-Kan.) issued a joint statement Tuesday praising the ruling.",
     {("signedStatement", ORTEGA), ("signedStatement", HALL)}, set()),
    ("In a joint statement, Reps. Dan Ortiz (D-Texas) and Lisa Chen (R-Calif.) said the agency had overstepped.",
     {("signedStatement", ORTIZ), ("signedStatement", CHEN)}, set()),
    ("A statement from Sen. Maria Ortega (D-N.M.) called the vote a betrayal.", {("signedStatement", ORTEGA)}, set()),
    ("The statement, signed by Sens. Maria Ortega (D-N.M.), Greg Hall (R-Kan.) and Paul Wu (D-Hawaii), urged the Pentagon to reconsider.",
     {("signedStatement", ORTEGA), ("signedStatement", HALL), ("signedStatement", WU)}, set()),
    ("Sen. Greg Hall (R-Kan.), joined by Sen. Paul Wu (D-Hawaii), said in a statement that the talks had collapsed.",
     {("signedStatement", HALL), ("signedStatement", WU)}, set()),
    ("Sens. Maria Ortega (D-N.M.) and Paul Wu (D-Hawaii) released a statement Monday night.",
     {("signedStatement", ORTEGA), ("signedStatement", WU)}, set()),
    ("Earlier, Sen. Greg Hall (R-Kan.) had put out a statement calling for calm.", {("signedStatement", HALL)}, set()),
    ("“We will not back down,” Sen. Maria Ortega (D-N.M.) said in a written statement.", {("signedStatement", ORTEGA)}, set()),
    ("Sen. Maria Ortega (D-N.M.) and Sen. Greg Hall (R-Kan.) brokered the deal. Ortega and Hall said in a joint statement that it would hold.",
     {("signedStatement", ORTEGA), ("signedStatement", HALL)}, set()),
    ("Sen. Greg Hall (R-Kan.) declined to sign the statement.", set(), {("signedStatement", HALL)}),
    ("Rep. Lisa Chen (R-Calif.) is expected to release a statement later Thursday.", set(), {("signedStatement", CHEN)}),
    ("If the bill passes, Sen. Paul Wu (D-Hawaii) said he would issue a statement.", set(), {("signedStatement", WU)}),
    ("An aide to Sen. Maria Ortega (D-N.M.) said in a statement that she was recovering.", set(), {("signedStatement", ORTEGA)}),
    ("A campaign spokeswoman for Rep. Lisa Chen (R-Calif.) said in a statement that Chen would not debate.", set(), {("signedStatement", CHEN)}),
    ("Sen. Paul Wu (D-Hawaii) said in an interview that he opposed the plan.", set(), {("signedStatement", WU)}),
    ("The union said in a statement that Sen. Greg Hall (R-Kan.) had ignored workers.", set(), {("signedStatement", HALL)}),
    ("Sen. Greg Hall (R-Kan.) told reporters he had not seen the statement.", set(), {("signedStatement", HALL)}),
]

TWEETED = [
    ("Sen. Paul Wu (D-Hawaii) tweeted Sunday that the deal was dead.", {("posted", WU)}, set()),
    ("In a post on X, Rep. Lisa Chen (R-Calif.) called the ruling a disgrace.", {("posted", CHEN)}, set()),
    ("“Shameful,” Sen. Greg Hall (R-Kan.) wrote on Twitter.", {("posted", HALL)}, set()),
    ("Sen. Maria Ortega (D-N.M.) fired off a series of tweets criticizing the plan.", {("posted", ORTEGA)}, set()),
    ("Rep. Dan Ortiz (D-Texas) shared the video on X, writing that it proved his point.", {("posted", ORTIZ)}, set()),
    ("A tweet from Sen. Paul Wu (D-Hawaii) was deleted an hour later.", {("posted", WU)}, set()),
    ("Rep. Dan Ortiz (D-Texas) responded on X within minutes.", {("posted", ORTIZ)}, set()),
    ("Posting on X, Sen. Paul Wu (D-Hawaii) said the vote was rigged.", {("posted", WU)}, set()),
    ("Sen. Greg Hall (R-Kan.) and Rep. Lisa Chen (R-Calif.) both tweeted their support.", {("posted", HALL), ("posted", CHEN)}, set()),
    ("Sen. Maria Ortega (D-N.M.) wrote in a tweet that the court had erred.", {("posted", ORTEGA)}, set()),
    ("Rep. Lisa Chen (R-Calif.) has not tweeted about the case.", set(), {("posted", CHEN)}),
    ("Sen. Greg Hall (R-Kan.) posted a video on Instagram.", set(), {("posted", HALL)}),
    ("Sen. Greg Hall (R-Kan.) said on Facebook that he was disappointed.", set(), {("posted", HALL)}),
    ("Sen. Paul Wu (D-Hawaii) is expected to weigh in on Twitter later today.", set(), {("posted", WU)}),
    ("Rep. Dan Ortiz (D-Texas), who rarely posts on X, stayed silent.", set(), {("posted", ORTIZ)}),
    ("Sen. Paul Wu (D-Hawaii) clicked the Tweet button beside the story.", set(), {("posted", WU)}),
]

SENT_LETTER = [
    ("Sens. Maria Ortega (D-N.M.) and Greg Hall (R-Kan.) wrote a letter to Defense Secretary Lloyd Austin.",
     {("sentLetter", ORTEGA), ("sentLetter", HALL)}, {("sentLetter", "Lloyd Austin")}),
    ("In a letter to the FCC, Rep. Lisa Chen (R-Calif.) demanded answers.", {("sentLetter", CHEN)}, set()),
    ("A letter from Sens. Paul Wu (D-Hawaii) and Greg Hall (R-Kan.) asked the agency to delay the rule.",
     {("sentLetter", WU), ("sentLetter", HALL)}, set()),
    ("The letter, signed by Reps. Dan Ortiz (D-Texas) and Lisa Chen (R-Calif.), was sent Friday.",
     {("sentLetter", ORTIZ), ("sentLetter", CHEN)}, set()),
    ("Sen. Maria Ortega (D-N.M.), along with Sen. Paul Wu (D-Hawaii), sent a letter to the agency.",
     {("sentLetter", ORTEGA), ("sentLetter", WU)}, set()),
    ("Sen. Greg Hall (R-Kan.) led a letter to Secretary of State Antony Blinken, joined by Sen. Paul Wu (D-Hawaii).",
     {("sentLetter", HALL), ("sentLetter", WU)}, {("sentLetter", "Antony Blinken")}),
    ("More than 40 lawmakers, led by Rep. Dan Ortiz (D-Texas), signed a letter urging a vote.", {("sentLetter", ORTIZ)}, set()),
    ("Sen. Maria Ortega (D-N.M.) wrote to Attorney General Merrick Garland on Monday, asking for the files.",
     {("sentLetter", ORTEGA)}, {("sentLetter", "Merrick Garland")}),
    ("Rep. Dan Ortiz (D-Texas) and 30 colleagues sent a letter to the Speaker.", {("sentLetter", ORTIZ)}, set()),
    ("Rep. Lisa Chen (R-Calif.) penned a letter to Federal Reserve Chair Jerome Powell.",
     {("sentLetter", CHEN)}, {("sentLetter", "Jerome Powell")}),
    ("Sen. Paul Wu (D-Hawaii) said the letter from Rep. Lisa Chen (R-Calif.) was misguided.",
     {("sentLetter", CHEN)}, {("sentLetter", WU)}),
    ("Sen. Greg Hall (R-Kan.) received a letter from the agency.", set(), {("sentLetter", HALL)}),
    ("Sen. Paul Wu (D-Hawaii) declined to sign the letter.", set(), {("sentLetter", WU)}),
    ("Sen. Maria Ortega (D-N.M.) plans to send a letter to the board next week.", set(), {("sentLetter", ORTEGA)}),
    ("Sen. Greg Hall (R-Kan.) said he might write to the agency.", set(), {("sentLetter", HALL)}),
    ("Sen. Greg Hall (R-Kan.), who signed the letter, said the agency had not replied.", {("sentLetter", HALL)}, set()),
    ("Sen. Paul Wu (D-Hawaii) received a letter from Rep. Lisa Chen (R-Calif.) on Friday.", {("sentLetter", CHEN)}, {("sentLetter", WU)}),
]

SPONSORS_BILL = [
    ("The bill, introduced by Sen. Maria Ortega (D-N.M.) and Sen. Greg Hall (R-Kan.), would cap insulin prices.",
     {("sponsors", ORTEGA), ("sponsors", HALL)}, set()),
    ("Sen. Maria Ortega (D-N.M.), along with Sen. Greg Hall (R-Kan.), introduced the Insulin Cost Cap Act.",
     {("sponsors", ORTEGA), ("sponsors", HALL)}, set()),
    ("A bill from Sens. Paul Wu (D-Hawaii) and Greg Hall (R-Kan.) would ban the practice.", {("sponsors", WU), ("sponsors", HALL)}, set()),
    ("The Insulin Cost Cap Act, led by Sen. Maria Ortega (D-N.M.), has 30 cosponsors.", {("sponsors", ORTEGA)}, set()),
    ("Rep. Dan Ortiz (D-Texas) unveiled legislation Tuesday that would expand the program, joined by Rep. Lisa Chen (R-Calif.).",
     {("sponsors", ORTIZ), ("sponsors", CHEN)}, set()),
    ("Sen. Paul Wu (D-Hawaii) is the lead sponsor of the measure.", {("sponsors", WU)}, set()),
    ("Sen. Greg Hall (R-Kan.) signed on as a cosponsor last week.", {("sponsors", HALL)}, set()),
    ("Reps. Dan Ortiz (D-Texas) and Lisa Chen (R-Calif.) are the bill's chief sponsors.", {("sponsors", ORTIZ), ("sponsors", CHEN)}, set()),
    ("The Insulin Cost Cap Act (S. 1234) was introduced by Sen. Maria Ortega (D-N.M.).", {("sponsors", ORTEGA)}, set()),
    ("Sen. Maria Ortega (D-N.M.) reintroduced the Insulin Cost Cap Act on Thursday with Sen. Greg Hall (R-Kan.).",
     {("sponsors", ORTEGA), ("sponsors", HALL)}, set()),
    ("Sen. Greg Hall (R-Kan.) said he would cosponsor the bill.", set(), {("sponsors", HALL)}),
    ("Sen. Maria Ortega (D-N.M.) plans to introduce the bill next month.", set(), {("sponsors", ORTEGA)}),
    ("Sen. Paul Wu (D-Hawaii) voted against the Insulin Cost Cap Act.", set(), {("sponsors", WU)}),
    ("Sen. Paul Wu (D-Hawaii) has not yet signed on to the bill.", set(), {("sponsors", WU)}),
    ("Rep. Lisa Chen (R-Calif.) helped negotiate the bill.", set(), {("sponsors", CHEN)}),
    ("Sen. Greg Hall (R-Kan.) chairs the committee that approved the Insulin Cost Cap Act.", set(), {("sponsors", HALL)}),
    ("Sen. Greg Hall (R-Kan.) is weighing whether to cosponsor the bill.", set(), {("sponsors", HALL)}),
    ("Sen. Paul Wu (D-Hawaii) praised the Insulin Cost Cap Act as overdue.", set(), {("sponsors", WU)}),
    ("Sen. Paul Wu (D-Hawaii), who introduced the bill last year, said it would pass.", {("sponsors", WU)}, set()),
    ("Sen. Paul Wu (D-Hawaii), who did not sponsor the bill, said it would pass.", set(), {("sponsors", WU)}),
]

COSPONSORS_BILL_WITH = [
    (text, {("cosponsors", *sorted(pair))}, set())
    for text, pair in [
        (SPONSORS_BILL[0][0], (ORTEGA, HALL)),
        (SPONSORS_BILL[1][0], (ORTEGA, HALL)),
        (SPONSORS_BILL[2][0], (WU, HALL)),
        (SPONSORS_BILL[4][0], (ORTIZ, CHEN)),
        (SPONSORS_BILL[7][0], (ORTIZ, CHEN)),
        (SPONSORS_BILL[9][0], (ORTEGA, HALL)),
        ("Sen. Maria Ortega (D-N.M.) introduced the Insulin Cost Cap Act. Sen. Greg Hall (R-Kan.) is a cosponsor of the bill.", (ORTEGA, HALL)),
        ("Sen. Maria Ortega (D-N.M.) introduced the Insulin Cost Cap Act. Sen. Greg Hall (R-Kan.) later signed on as a cosponsor.", (ORTEGA, HALL)),
        ("The Insulin Cost Cap Act is sponsored by Sen. Maria Ortega (D-N.M.) and cosponsored by Sen. Paul Wu (D-Hawaii).", (ORTEGA, WU)),
        ("Sens. Maria Ortega (D-N.M.), Greg Hall (R-Kan.) and Paul Wu (D-Hawaii) introduced the Insulin Cost Cap Act.", (HALL, WU)),
        ("Rep. Dan Ortiz (D-Texas) and Rep. Lisa Chen (R-Calif.) on Monday introduced a bipartisan bill to fund rural hospitals.", (ORTIZ, CHEN)),
        ("The measure, authored by Rep. Dan Ortiz (D-Texas) and Rep. Lisa Chen (R-Calif.), passed 300-120.", (ORTIZ, CHEN)),
        ("Legislation from Sen. Paul Wu (D-Hawaii) and Sen. Greg Hall (R-Kan.) would require disclosure.", (WU, HALL)),
        ("Sen. Greg Hall (R-Kan.) and Sen. Paul Wu (D-Hawaii) have introduced the Port Security Act (S. 88).", (HALL, WU)),
        ("Sen. Paul Wu (D-Hawaii) drafted the Port Security Act. He and Sen. Greg Hall (R-Kan.) introduced it on Monday.", (HALL, WU)),
    ]
] + [
    # no pair across two different bills, and none with a supporter or a voter
    ("Sen. Maria Ortega (D-N.M.) introduced the Insulin Cost Cap Act. Sen. Greg Hall (R-Kan.) introduced the Port Security Act.",
     set(), {("cosponsors", HALL, ORTEGA)}),
    ("Sen. Maria Ortega (D-N.M.) introduced the Insulin Cost Cap Act, which Sen. Greg Hall (R-Kan.) said he supports.",
     set(), {("cosponsors", HALL, ORTEGA)}),
]

ATTENDED_BRIEFING = [
    ("Sen. Maria Ortega (D-N.M.) held a news conference Tuesday with Rep. Dan Ortiz (D-Texas).",
     {("attendedBriefing", ORTEGA), ("attendedBriefing", ORTIZ)}, set()),
    ("Flanked by Sen. Greg Hall (R-Kan.) and Sen. Paul Wu (D-Hawaii), Rep. Lisa Chen (R-Calif.) told a press conference that the bill was dead.",
     {("attendedBriefing", HALL), ("attendedBriefing", WU), ("attendedBriefing", CHEN)}, set()),
    ("Lawmakers received a briefing on Monday. The briefing was led by Secretary of State Antony Blinken.",
     {("attendedBriefing", "Antony Blinken")}, set()),
    ("Secretary of State Antony Blinken briefed senators in a classified session Wednesday, and Sen. Greg Hall (R-Kan.) attended.",
     {("attendedBriefing", "Antony Blinken"), ("attendedBriefing", HALL)}, set()),
    ("At a news conference Thursday, Sen. Paul Wu (D-Hawaii) said the plan was dead.", {("attendedBriefing", WU)}, set()),
    ("Speaking at a press conference, Rep. Lisa Chen (R-Calif.) defended the bill.", {("attendedBriefing", CHEN)}, set()),
    ("Homeland Security Secretary Alejandro Mayorkas briefed House Republicans on the border; Rep. Lisa Chen (R-Calif.) was in the room.",
     {("attendedBriefing", "Alejandro Mayorkas"), ("attendedBriefing", CHEN)}, set()),
    ("Sen. Maria Ortega (D-N.M.) spoke at a news conference in Albuquerque.", {("attendedBriefing", ORTEGA)}, set()),
    ("Sen. Greg Hall (R-Kan.) was briefed by FBI Director Christopher Wray on Tuesday.",
     {("attendedBriefing", HALL), ("attendedBriefing", "Christopher Wray")}, set()),
    ("Officials briefed the committee. Sen. Greg Hall (R-Kan.) and Sen. Paul Wu (D-Hawaii) joined the call, according to aides.",
     {("attendedBriefing", HALL), ("attendedBriefing", WU)}, set()),
    ("Officials briefed senators. Sen. Paul Wu (D-Hawaii) did not attend the briefing.", set(), {("attendedBriefing", WU)}),
    ("Officials briefed senators. Sen. Maria Ortega (D-N.M.) was invited to the briefing but stayed away.", set(), {("attendedBriefing", ORTEGA)}),
    ("Officials briefed senators. Sen. Greg Hall (R-Kan.) skipped the briefing.", set(), {("attendedBriefing", HALL)}),
    ("Defense Secretary Lloyd Austin will brief lawmakers next week.", set(), {("attendedBriefing", "Lloyd Austin")}),
    ("Sen. Paul Wu (D-Hawaii) told reporters outside the briefing room that he was frustrated.", set(), {("attendedBriefing", WU)}),
    ("Sen. Greg Hall (R-Kan.) joined the call to complain about the weather.", set(), {("attendedBriefing", HALL)}),
    ("Rep. Lisa Chen (R-Calif.) testified before the Senate Finance Committee.", set(), {("attendedBriefing", CHEN)}),
]

TESTIFIED_AT_HEARING = [
    ("Testifying before the House Judiciary Committee, Attorney General Merrick Garland defended the department.",
     {("testifiedAt", "Merrick Garland")}, set()),
    ("FBI Director Christopher Wray appeared before the Senate Judiciary Committee on Tuesday.", {("testifiedAt", "Christopher Wray")}, set()),
    ("Witnesses included Meta CEO Mark Zuckerberg and TikTok CEO Shou Zi Chew.",
     {("testifiedAt", "Mark Zuckerberg"), ("testifiedAt", "Shou Zi Chew")}, set()),
    ("The committee heard testimony from Federal Reserve Chair Jerome Powell.", {("testifiedAt", "Jerome Powell")}, set()),
    ("In testimony before the Senate Armed Services Committee, Gen. Mark Milley said the withdrawal was a failure.",
     {("testifiedAt", "Mark Milley")}, set()),
    ("Boeing CEO Dave Calhoun, testifying before a Senate subcommittee, apologized to families.", {("testifiedAt", "Dave Calhoun")}, set()),
    ("Sen. Maria Ortega (D-N.M.) testified on behalf of the bill before the Senate Finance Committee.", {("testifiedAt", ORTEGA)}, set()),
    ("The Senate Intelligence Committee heard from CIA Director William Burns in a closed hearing.", {("testifiedAt", "William Burns")}, set()),
    ("TikTok CEO Shou Zi Chew testified before Congress in March.", {("testifiedAt", "Shou Zi Chew")}, set()),
    ("Treasury Secretary Janet Yellen testified. Sen. Greg Hall (R-Kan.), who chairs the panel, questioned her.",
     {("testifiedAt", "Janet Yellen")}, {("testifiedAt", HALL)}),
    ("Sen. Paul Wu (D-Hawaii) pressed Federal Reserve Chair Jerome Powell during the hearing.", set(),
     {("testifiedAt", WU), ("testifiedAt", "Jerome Powell")}),
    ("Federal Reserve Chair Jerome Powell is scheduled to testify before the House Financial Services Committee next week.",
     set(), {("testifiedAt", "Jerome Powell")}),
    ("Rep. Lisa Chen (R-Calif.) has asked Treasury Secretary Janet Yellen to testify.", set(), {("testifiedAt", "Janet Yellen"), ("testifiedAt", CHEN)}),
    ("Meta CEO Mark Zuckerberg declined to testify.", set(), {("testifiedAt", "Mark Zuckerberg")}),
    ("Sen. Greg Hall (R-Kan.) invited Meta CEO Mark Zuckerberg to testify before the committee.", set(), {("testifiedAt", "Mark Zuckerberg")}),
    ("Sen. Greg Hall (R-Kan.) chaired the hearing, where Treasury Secretary Janet Yellen testified.",
     {("testifiedAt", "Janet Yellen")}, {("testifiedAt", HALL)}),
]

PARTY = [
    ("Rep. Lisa Chen, a California Republican, spoke.", {("party", CHEN, "R")}, set()),
    ("Sen. Paul Wu, D-Hawaii, spoke.", {("party", WU, "D")}, set()),
    ("Sen. Paul Wu (D-HI) spoke.", {("party", WU, "D")}, set()),
    ("Sen. Greg Hall (R., Kan.) spoke.", {("party", HALL, "R")}, set()),
    ("Sen. Greg Hall, Republican of Kansas, spoke.", {("party", HALL, "R")}, set()),
    ("Independent Sen. Angus King of Maine spoke.", {("party", "Angus King", "I")}, set()),
    ("Democratic Rep. Dan Ortiz of Texas spoke.", {("party", ORTIZ, "D")}, set()),
    ("Republican Sen. Greg Hall spoke.", {("party", HALL, "R")}, set()),
    ("Sen. Maria Ortega, the New Mexico Democrat, spoke.", {("party", ORTEGA, "D")}, set()),
    ("Sen. Kyrsten Sinema, an independent from Arizona, spoke.", {("party", "Kyrsten Sinema", "I")}, set()),
    ("GOP Rep. Lisa Chen spoke.", {("party", CHEN, "R")}, set()),
    ("The Kansas Republican, Sen. Greg Hall, spoke.", {("party", HALL, "R")}, set()),
    ("Sens. Greg Hall (R-Kan.) and Paul Wu (D-Hawaii) spoke.", {("party", HALL, "R"), ("party", WU, "D")}, {("party", WU, "R")}),
    ("Sen. Paul Wu spoke.", set(), {("party", WU, "D"), ("party", WU, "R"), ("party", WU, "I")}),
    ("Sen. Paul Wu met with Democratic leaders.", set(), {("party", WU, "D")}),
    ("Sen. Greg Hall (R-Kan.) met Sen. Paul Wu.", set(), {("party", WU, "R")}),
]

STATE = [
    ("Rep. Lisa Chen, a California Republican, spoke.", {("state", CHEN, "CA")}, set()),
    ("Sen. Paul Wu (D-HI) spoke.", {("state", WU, "HI")}, set()),
    ("Sen. Greg Hall (R., Kan.) spoke.", {("state", HALL, "KS")}, set()),
    ("Sen. Greg Hall, Republican of Kansas, spoke.", {("state", HALL, "KS")}, set()),
    ("Democratic Rep. Dan Ortiz of Texas spoke.", {("state", ORTIZ, "TX")}, set()),
    ("Sen. Maria Ortega, the New Mexico Democrat, spoke.", {("state", ORTEGA, "NM")}, set()),
    ("Sen. Kyrsten Sinema, an independent from Arizona, spoke.", {("state", "Kyrsten Sinema", "AZ")}, set()),
    ("Texas Attorney General Ken Paxton sued the agency.", {("state", "Ken Paxton", "TX")}, set()),
    ("Florida Gov. Ron DeSantis signed the law.", {("state", "Ron DeSantis", "FL")}, set()),
    ("Gov. Laura Kelly of Kansas vetoed the bill.", {("state", "Laura Kelly", "KS")}, set()),
    ("GOP Sens. Greg Hall (Kan.) and Tom Reyes (Ariz.) objected.", {("state", HALL, "KS"), ("state", "Tom Reyes", "AZ")}, set()),
    ("Sen. Mike Lee, R-Utah, objected.", {("state", "Mike Lee", "UT")}, set()),
    ("Rep. Dan Ortiz (D-N.Y.) objected.", {("state", ORTIZ, "NY")}, set()),
    ("Sen. Paul Wu spoke in Texas on Monday.", set(), {("state", WU, "TX")}),
    ("Sen. Paul Wu (D-Hawaii) held a hearing in Ohio.", {("state", WU, "HI")}, {("state", WU, "OH")}),
    ("Sen. Greg Hall (R-Kan.) visited Maine with Rep. Lisa Chen.", set(), {("state", CHEN, "KS"), ("state", CHEN, "ME")}),
]

ROLE = [
    ("House Minority Leader Hakeem Jeffries spoke.", {("role", "Hakeem Jeffries", "house minority leader")}, set()),
    ("White House press secretary Karine Jean-Pierre spoke.", {("role", "Karine Jean-Pierre", "white house press secretary")}, set()),
    ("Commerce Secretary Gina Raimondo spoke.", {("role", "Gina Raimondo", "commerce secretary")}, set()),
    ("FBI Director Christopher Wray spoke.", {("role", "Christopher Wray", "fbi director")}, set()),
    ("Vice President Kamala Harris spoke.", {("role", "Kamala Harris", "vice president")}, set()),
    ("Senate Majority Whip Dick Durbin spoke.", {("role", "Dick Durbin", "senate majority whip")}, set()),
    ("Former Secretary of State Hillary Clinton spoke.", {("role", "Hillary Clinton", "former secretary of state")}, set()),
    ("Sen. Paul Wu, the ranking member of the Armed Services Committee, spoke.",
     {("role", WU, "ranking member of the armed services committee"), ("role", WU, "senator")}, set()),
    ("Rep. Lisa Chen (R-Calif.), who chairs the House Budget Committee, spoke.", {("role", CHEN, "chairman of the house budget committee")}, set()),
    ("Speaker Mike Johnson spoke.", {("role", "Mike Johnson", "speaker")}, set()),
    ("Rep. Dan Ortiz (D-Texas) spoke.", {("role", ORTIZ, "representative")}, set()),
    ("Senators Ortega (D-NM) and Hall (R-KS) spoke.", {("role", "Ortega", "senator"), ("role", "Hall", "senator")}, set()),
    ("Gen. Charles Brown spoke.", set(), {("role", "Charles Brown", "gen."), ("role", "Charles Brown", "general")}),
    ("Rep. Lisa Chen, a former prosecutor, spoke.", set(), {("role", CHEN, "former prosecutor")}),
    ("Trump's eldest son, Donald Trump Jr., spoke.", set(), {("role", "Donald Trump Jr.", "eldest son")}),
    ("Mark Kelly, a retired astronaut, spoke.", set(), {("role", "Mark Kelly", "retired astronaut")}),
    ("Senate Majority Leader Chuck Schumer (D-N.Y.) spoke.", {("role", "Chuck Schumer", "senate majority leader")}, {("role", "Chuck Schumer", "senator")}),
]

TABLES = {
    "signed_statement": SIGNED_STATEMENT, "tweeted": TWEETED, "sent_letter": SENT_LETTER,
    "sponsors_bill": SPONSORS_BILL, "cosponsors_bill_with": COSPONSORS_BILL_WITH,
    "attended_briefing": ATTENDED_BRIEFING, "testified_at_hearing": TESTIFIED_AT_HEARING,
    "party": PARTY, "state": STATE, "role": ROLE,
}


@pytest.mark.parametrize("relation", sorted(TABLES))
def test_heldout_every_relation_has_at_least_15_sentences(relation):
    assert len(TABLES[relation]) >= 15


@pytest.mark.parametrize("text, must, must_not", [
    pytest.param(text, must, must_not, id=f"{relation}: {text[:50]}")
    for relation, rows in sorted(TABLES.items()) for text, must, must_not in rows
])
def test_heldout_sentence_yields_exactly_what_it_states(text, must, must_not):
    found = facts_of(text)
    assert must <= found, f"missing {sorted(must - found)}; found {sorted(found)}"
    assert not (must_not & found), f"invented {sorted(must_not & found)}"


NEWSPAPER_STYLE = """WASHINGTON — The Senate on Thursday passed a stopgap spending bill, sending it to President Biden hours before a midnight deadline.

Senator Chuck Schumer, Democrat of New York and the majority leader, said in a statement that the vote showed "bipartisanship still works." Mr. Schumer had negotiated the measure with Senator Mitch McConnell of Kentucky, the Republican leader.

Senator Rand Paul, Republican of Kentucky, objected. Mr. Paul wrote on social media that the bill was "a disgrace," and Senator Mike Lee, Republican of Utah, posted a similar message on X.

Representative Alexandria Ocasio-Cortez, Democrat of New York, told reporters she would vote no. Speaker Mike Johnson, Republican of Louisiana, held a news conference with Representative Steve Scalise of Louisiana, the majority leader.

The bill's lead sponsor, Senator Patty Murray, Democrat of Washington, thanked colleagues. Ms. Murray and Senator Susan Collins, Republican of Maine, introduced the measure on Monday."""

LIVE_COVERAGE = """12:05 p.m. ET
Senate Majority Leader Chuck Schumer, D-N.Y., told reporters the vote would happen today.

12:20 p.m. ET
Sen. Josh Hawley, R-Mo., said in a post on X that he would vote no.

12:45 p.m. ET
Homeland Security Secretary Alejandro Mayorkas briefed senators behind closed doors. Sen. Jon Tester, D-Mont., who attended, called it "sobering."

1:10 p.m. ET
Sens. James Lankford, R-Okla., and Chris Murphy, D-Conn., the bill's negotiators, appeared at a press conference."""

WHOLE_ARTICLES = [
    (NEWSPAPER_STYLE,
     {("signedStatement", "Chuck Schumer"), ("posted", "Mike Lee"), ("attendedBriefing", "Mike Johnson"),
      ("attendedBriefing", "Steve Scalise"), ("cosponsors", "Patty Murray", "Susan Collins"),
      ("party", "Chuck Schumer", "D"), ("state", "Chuck Schumer", "NY"), ("role", "Chuck Schumer", "majority leader"),
      ("state", "Mitch McConnell", "KY"), ("role", "Mitch McConnell", "republican leader"), ("state", "Mike Lee", "UT")},
     {("posted", "Rand Paul"), ("sponsors", "Mitch McConnell"), ("attendedBriefing", "Alexandria Ocasio-Cortez"),
      ("sponsors", "Chuck Schumer")}),
    (LIVE_COVERAGE,
     {("posted", "Josh Hawley"), ("attendedBriefing", "Alejandro Mayorkas"), ("attendedBriefing", "Jon Tester"),
      ("attendedBriefing", "James Lankford"), ("attendedBriefing", "Chris Murphy"),
      ("role", "Alejandro Mayorkas", "homeland security secretary")},
     {("attendedBriefing", "Chuck Schumer"), ("sponsors", "James Lankford")}),
]


@pytest.mark.parametrize("text, must, must_not", [
    pytest.param(text, must, must_not, id=name) for name, (text, must, must_not) in zip(["newspaper", "live"], WHOLE_ARTICLES)
])
def test_heldout_whole_articles_in_other_outlets_styles(text, must, must_not):
    found = facts_of(text)
    assert must <= found, f"missing {sorted(must - found)}"
    assert not (must_not & found), f"invented {sorted(must_not & found)}"


def test_heldout_two_rules_matching_one_phrase_give_one_event():
    from graphbuild.clean import clean_article
    from graphbuild.extract import extract_article
    from graphbuild.model import Article

    facts = extract_article(clean_article(Article("t.txt", "", LIVE_COVERAGE)))
    assert len([e for e in facts.events if e.kind == "Briefing"]) == 2
