"""Word pools the corpus generator draws from. Every name here is invented.

People are made by combining these pools with a seeded RNG, so the same seed
always gives the same cast. Given names come as (formal, nickname or "",
gender); a nickname is what the articles usually print ("Bob Halvorsen"),
the formal form is what hover cards and newspapers print ("Robert J. Halvorsen").
"""
from __future__ import annotations

GIVEN_NAMES = [
    ("Robert", "Bob", "m"), ("William", "Bill", "m"), ("Thomas", "Tom", "m"), ("James", "Jim", "m"),
    ("Richard", "Dick", "m"), ("Michael", "Mike", "m"), ("Joseph", "Joe", "m"), ("Daniel", "Dan", "m"),
    ("Edward", "Ed", "m"), ("Steven", "Steve", "m"), ("Timothy", "Tim", "m"), ("Anthony", "Tony", "m"),
    ("Kenneth", "Ken", "m"), ("Gregory", "Greg", "m"), ("Andrew", "Andy", "m"), ("Christopher", "Chris", "m"),
    ("Benjamin", "Ben", "m"), ("Matthew", "Matt", "m"), ("Samuel", "Sam", "m"), ("Charles", "Chuck", "m"),
    ("Katherine", "Kate", "f"), ("Margaret", "Peggy", "f"), ("Elizabeth", "Liz", "f"), ("Deborah", "Debbie", "f"),
    ("Patricia", "Patty", "f"), ("Susan", "Sue", "f"), ("Catherine", "Cathy", "f"),
    ("Mark", "", "m"), ("Paul", "", "m"), ("Brian", "", "m"), ("Craig", "", "m"), ("Dean", "", "m"),
    ("Gary", "", "m"), ("Henry", "", "m"), ("Kevin", "", "m"), ("Luis", "", "m"), ("Martin", "", "m"),
    ("Raymond", "", "m"), ("Roger", "", "m"), ("Victor", "", "m"), ("Walter", "", "m"), ("Carlos", "", "m"),
    ("Angela", "", "f"), ("Carol", "", "f"), ("Diane", "", "f"), ("Ellen", "", "f"), ("Grace", "", "f"),
    ("Heather", "", "f"), ("Janet", "", "f"), ("Julia", "", "f"), ("Laura", "", "f"), ("Linda", "", "f"),
    ("Maria", "", "f"), ("Megan", "", "f"), ("Nancy", "", "f"), ("Rachel", "", "f"), ("Sharon", "", "f"),
    ("Tina", "", "f"), ("Wendy", "", "f"), ("Claudia", "", "f"), ("Valerie", "", "f"), ("Heidi", "", "f"),
]

MIDDLE_NAMES = [
    "Alan", "Anne", "Bruce", "Clare", "Dale", "Eugene", "Faith", "Grant", "Hope", "Irene", "Jay",
    "Joy", "Lane", "Lee", "Louise", "Marie", "Neil", "Owen", "Paige", "Quinn", "Ray", "Rose",
    "Scott", "Wade", "Lynn", "Dean", "Jean", "Ellis", "Earl", "June",
]

SURNAMES = """
Abernathy Ainsley Albrecht Alcott Ashdown Bancroft Barlowe Beckford Bellamy Blakemore Brandt
Brightwell Calloway Carrow Castellano Chadwick Colfax Corrigan Crandall Dunmore Easterly Eckhart
Ellsworth Fairbanks Farrow Fenwick Garrity Gilmore Glasser Halvorsen Hargrove Hathaway Holloway
Huxley Iverson Jandreau Kessler Kimbrough Lachance Langford Lindqvist Lockhart Lowther Maddox
Marchetti Mayhew Merriweather Montague Nakamura Northcutt Okafor Oldham Ostrander Pell Pemberton
Prescott Quintero Radcliffe Ransome Redfield Renner Rutledge Salcedo Sandoval Shipley Sorensen
Stanhope Stroud Sutherland Talbot Thackeray Thornbury Treadwell Underhill Vance Varga Wainwright
Whitcombe Whitlock Wexler Yardley Zamora Ashby Birchfield Coventry Delacroix Everly Foxworth
Galloway Hollister Kearney Lyndon Mercer Norwood Pryor Rowland Stratton Tolliver Winslow
""".split()

# (name, postal code, AP abbreviation)
STATES = [
    ("Alabama", "AL", "Ala."), ("Alaska", "AK", "Alaska"), ("Arizona", "AZ", "Ariz."),
    ("Arkansas", "AR", "Ark."), ("California", "CA", "Calif."), ("Colorado", "CO", "Colo."),
    ("Connecticut", "CT", "Conn."), ("Delaware", "DE", "Del."), ("Florida", "FL", "Fla."),
    ("Georgia", "GA", "Ga."), ("Hawaii", "HI", "Hawaii"), ("Idaho", "ID", "Idaho"),
    ("Illinois", "IL", "Ill."), ("Indiana", "IN", "Ind."), ("Iowa", "IA", "Iowa"),
    ("Kansas", "KS", "Kan."), ("Kentucky", "KY", "Ky."), ("Louisiana", "LA", "La."),
    ("Maine", "ME", "Maine"), ("Maryland", "MD", "Md."), ("Massachusetts", "MA", "Mass."),
    ("Michigan", "MI", "Mich."), ("Minnesota", "MN", "Minn."), ("Mississippi", "MS", "Miss."),
    ("Missouri", "MO", "Mo."), ("Montana", "MT", "Mont."), ("Nebraska", "NE", "Neb."),
    ("Nevada", "NV", "Nev."), ("New Hampshire", "NH", "N.H."), ("New Jersey", "NJ", "N.J."),
    ("New Mexico", "NM", "N.M."), ("New York", "NY", "N.Y."), ("North Carolina", "NC", "N.C."),
    ("North Dakota", "ND", "N.D."), ("Ohio", "OH", "Ohio"), ("Oklahoma", "OK", "Okla."),
    ("Oregon", "OR", "Ore."), ("Pennsylvania", "PA", "Pa."), ("Rhode Island", "RI", "R.I."),
    ("South Carolina", "SC", "S.C."), ("South Dakota", "SD", "S.D."), ("Tennessee", "TN", "Tenn."),
    ("Texas", "TX", "Texas"), ("Utah", "UT", "Utah"), ("Vermont", "VT", "Vt."),
    ("Virginia", "VA", "Va."), ("Washington", "WA", "Wash."), ("West Virginia", "WV", "W.Va."),
    ("Wisconsin", "WI", "Wis."), ("Wyoming", "WY", "Wyo."),
]

PARTY_NAMES = {"D": "Democrat", "R": "Republican", "I": "independent"}
PARTY_ADJECTIVES = {"D": "Democratic", "R": "Republican", "I": "independent"}

OFFICIAL_TITLES = [
    "Treasury Secretary", "Homeland Security Secretary", "Energy Secretary", "Transportation Secretary",
    "Health and Human Services Secretary", "Agriculture Secretary", "Commerce Secretary", "FBI Director",
    "CIA Director", "Director of National Intelligence", "Labor Secretary", "Education Secretary",
    "Interior Secretary", "Defense Secretary", "Secretary of State", "Attorney General",
]

COMMITTEES = [
    "Senate Finance Committee", "Senate Judiciary Committee", "Senate Commerce Committee",
    "Senate Banking Committee", "Senate Armed Services Committee", "Senate Energy and Natural Resources Committee",
    "Senate Health, Education, Labor and Pensions Committee", "Senate Homeland Security Committee",
    "House Energy and Commerce Committee", "House Financial Services Committee", "House Judiciary Committee",
    "House Oversight Committee", "House Agriculture Committee", "House Transportation Committee",
]

# (topic as a phrase, bill name stem, what the bill would do, an agency or company sector)
TOPICS = [
    ("rural broadband", "Rural Broadband Expansion", "pay for fiber lines in counties without high-speed internet", "telecom"),
    ("railway safety", "Freight Rail Safety", "require two-person crews and new brake sensors on hazardous trains", "rail"),
    ("drug prices", "Prescription Cost Relief", "cap out-of-pocket costs for insulin and inhalers", "drug"),
    ("wildfire funding", "Wildfire Readiness", "hire more seasonal firefighters and clear dead timber", "utility"),
    ("election security", "Secure Ballots", "fund paper ballot backups and post-election audits", "voting machine"),
    ("child care", "Child Care Access", "expand tax credits for working parents", "child care"),
    ("water systems", "Clean Water Infrastructure", "replace lead pipes in older cities", "water utility"),
    ("social media and teens", "Kids Online Safety", "require platforms to offer stronger privacy settings for minors", "social media"),
    ("veterans' health", "Veterans Care Modernization", "shorten wait times at veterans hospitals", "health"),
    ("bank failures", "Deposit Protection", "raise capital requirements for midsize banks", "bank"),
    ("farm aid", "Family Farm Resilience", "extend emergency loans to growers hit by drought", "agriculture"),
    ("cybersecurity", "Federal Network Defense", "require agencies to report breaches within 72 hours", "software"),
    ("housing costs", "Affordable Homes", "expand low-income housing credits", "homebuilding"),
    ("opioid treatment", "Recovery Access", "fund addiction treatment in rural clinics", "pharmacy"),
    ("air travel", "Passenger Fairness", "require airlines to refund cancelled flights within a week", "airline"),
    ("artificial intelligence", "Digital Likeness Protection", "bar unauthorized digital replicas of performers", "tech"),
]

COMPANY_WORDS = ["Northfield", "Keystone", "Bluewater", "Summit", "Pioneer", "Redstone", "Clearview", "Harbor", "Ironbridge", "Westmark"]
COMPANY_SUFFIXES = {"telecom": "Communications", "rail": "Rail", "drug": "Pharmaceuticals", "utility": "Power",
                    "voting machine": "Voting Systems", "child care": "Learning Centers", "water utility": "Water",
                    "social media": "Social", "health": "Health", "bank": "Bank", "agriculture": "Grain",
                    "software": "Software", "homebuilding": "Homes", "pharmacy": "Pharmacy", "airline": "Airlines", "tech": "Labs"}

ORGANISATIONS = ["the Chamber of Commerce", "the American Farm Bureau", "the National Governors Association",
                 "the AFL-CIO", "the Heritage Foundation", "the Center for American Progress", "the AARP"]

OUTLETS = ["a local radio station", "a cable news program", "a morning television show", "a podcast", "a newspaper in his home state"]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

SITES = [("The Capitol Ledger", "capitolledger.example"), ("Beltway Daily", "beltwaydaily.example"),
         ("Civic Wire", "civicwire.example"), ("The Hill Report", "hillreport.example")]

REPORTERS = ["Dana Hollis", "Mark Renner", "Ellen Marsh", "Tom Keegan", "Priya Natarajan", "Luis Ortega", "Grace Whitby", "Sam Okoro"]
