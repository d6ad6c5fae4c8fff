"""Word lists the mention finder relies on: honorifics, title words, given names."""

HONORIFICS = {
    "Sen.": ("senator", False), "Sens.": ("senator", True),
    "Senator": ("senator", False), "Senators": ("senator", True),
    "Rep.": ("representative", False), "Reps.": ("representative", True),
    "Representative": ("representative", False), "Representatives": ("representative", True),
    "Congressman": ("representative", False), "Congresswoman": ("representative", False),
}
"""Honorific -> (role it gives, whether it introduces a list of names)."""

RANKS = {"Gen.", "Gov.", "Lt.", "Adm.", "Col.", "Sgt.", "Capt.", "Dr.", "Mr.", "Mrs.", "Ms.", "Amb."}
"""Words before a name that mark a person but are not roles (guideline: ranks are not roles)."""

TITLE_HEADS = {
    "president", "vice", "secretary", "director", "leader", "whip", "chairman", "chairwoman",
    "chair", "administrator", "ceo", "cfo", "coo", "speaker", "adviser", "advisor",
    "counsel", "commissioner", "governor", "general", "ambassador", "member", "mayor",
    "justice", "judge", "spokesman", "spokeswoman", "spokesperson", "chief", "officer",
    "prince", "king", "queen", "minister", "premier", "chancellor", "attorney",
    "executive", "founder", "head", "inspector", "comptroller", "treasurer", "sheriff",
    "superintendent", "commander", "surgeon", "administrator", "envoy", "czar",
    "democrat", "republican", "manager", "coordinator", "lawmaker",
}
"""Words that make a phrase before a name a title: "Treasury Secretary", "CIA Director"."""

TITLE_MODIFIERS = {
    "national", "security", "senior", "deputy", "acting", "former", "chief", "executive",
    "committee", "top", "assistant", "special", "general", "majority", "minority",
    "ranking", "vice", "press", "operating", "then", "interim", "principal", "panel",
    "republican", "democratic", "house", "senate", "state", "attorney", "white",
}
"""Lowercase words that may stand inside a title: "national security advisor"."""

TITLE_CONNECTORS = {"of", "for", "and", "on", "the"}
"""Lowercase words that may join the words of a title: "Secretary of State"."""

NOT_NAMES = {
    "The", "A", "An", "But", "And", "Or", "In", "On", "At", "As", "By", "For", "From", "Of",
    "To", "With", "After", "Before", "When", "While", "Since", "During", "Under", "Over",
    "Among", "Meanwhile", "Separately", "Today", "Tonight", "Yesterday", "Last", "Next",
    "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "His", "Her",
    "Their", "Our", "Its", "If", "Not", "No", "Both", "All", "Some", "Many", "Most",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Jan.", "Feb.", "Aug.", "Sept.",
    "Oct.", "Nov.", "Dec.", "Senate", "House", "Congress", "Capitol", "White",
    "Democrats", "Republicans", "Democratic", "Republican", "GOP", "Former", "Federal",
    "American", "Americans", "U.S.", "Washington", "Committee", "Act", "Bill", "State",
    "Department", "Party", "Still", "Yet", "Also", "Then", "Now", "Later", "Earlier",
    "Why", "How", "What", "Who", "Where", "Even", "Only", "Just", "Several", "Every",
    "Tags", "Photo", "Associated", "Press", "Contact", "According", "Although",
}
"""Capitalized words that never start or end a personal name."""

PARTY_WORDS = {
    "Democratic": "D", "Democrat": "D", "Democrats": "D",
    "Republican": "R", "Republicans": "R", "GOP": "R",
    "Independent": "I", "independent": "I",
}

# Common US given names (and nickname forms); a two-word name starting with one
# of these is taken as a person even without a title or a party tag.
FIRST_NAMES = set("""
Aaron Abigail Adam Adrian Al Alan Albert Alex Alexander Alexandria Alexis Alfred Alice Alicia
Allen Alma Alvin Amanda Amber Amy Andrea Andrew Andy Angela Angie Angus Ann Anna Anne Annie
Anthony Antonio April Arthur Ashley Austin Ayanna Barack Barbara Barry Ben Benjamin Bennie
Bernard Bernie Beth Betsy Betty Beverly Bill Billy Blake Bob Bobby Bonnie Brad Bradley
Brandon Brenda Brett Brian Bruce Bryan Byron Carl Carla Carlos Carol Caroline Carolyn
Catherine Cathy Chad Charles Charlie Cheri Cheryl Chris Christina Christine Christopher
Chuck Cindy Claire Clarence Claudia Cory Craig Cynthia Dale Dan Dana Daniel Danny Darrell
Dave David Dean Deb Debbie Deborah Debra Denise Dennis Derek Diana Diane Dianne Dick Don
Donald Donna Doris Doug Douglas Earl Ed Eddie Edward Elaine Eleanor Elise Elissa Elizabeth
Ellen Emily Eric Erica Erin Eugene Evan Fran Frances Francis Frank Fred Frederick Gary
Gavin George Gerald Gina Glenn Gloria Grace Greg Gregory Gustave Hakeem Hank Harold Harry
Heather Heidi Helen Henry Hillary Howard Ilhan Jack Jackie Jacky Jacob James Jamie Jamal
Jan Jane Janet Janice Jared Jason Jay Jean Jeanne Jeff Jefferson Jeffrey Jennifer Jeremy
Jerome Jerry Jesse Jessica Jill Jim Jimmy Jo Joan Joaquin Jodi Joe Joel John Johnny Jon
Jonathan Joni Joseph Josh Joshua Joyce Juan Judith Judy Julia Julian Julie Justin Kamala
Karen Karl Kate Katherine Kathleen Kathy Katie Kay Kelly Ken Kenneth Kevin Kim Kimberly
Kirsten Kristi Kristen Kyle Kyrsten Lamar Larry Laura Lauren Lawrence Lee Leon Lindsey
Linda Lisa Liz Lloyd Lori Louis Lucy Luis Marc Marco Margaret Maria Marie Marilyn Mario
Mark Marsha Martha Martin Mary Matt Matthew Maxine Mazie Megan Melissa Merrick Michael
Michele Michelle Mike Mitch Mitt Mohammed Nancy Nathan Neal Neil Nicholas Nick Nicole
Nikki Norma Olivia Pam Pamela Pat Patricia Patrick Patty Paul Paula Peggy Pete Peter
Phil Philip Rachel Raja Ralph Rand Randy Raphael Ray Raymond Rebecca Richard Rick Rob
Robert Roberta Roger Ron Ronald Ron Rosa Roy Ruben Russ Russell Ruth Ryan Sam Samuel
Sandra Sara Sarah Scott Sean Seema Shannon Sharon Shelley Sheldon Sherrod Shirley Stacey
Stephanie Stephen Steve Steven Susan Tammy Ted Terri Terry Thad Theresa Thom Thomas Tim
Timothy Tina Todd Tom Tommy Tony Tracy Troy Tulsi Valerie Vance Victor Victoria Vincent
Virginia Walter Wayne Wendy William Willie Xavier Zoe
""".split())
