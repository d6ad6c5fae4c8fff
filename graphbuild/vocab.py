"""The gb: vocabulary as a closed namespace: a typo such as GB.emplys raises.

Generated from ontology/graphbuild.ttl by scripts/gen_vocab.py; do not edit by hand.
"""
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class GB(DefinedNamespace):
    _NS = Namespace("https://w3id.org/graphbuild/ontology#")
    _fail = True

    # classes
    Article: URIRef
    Bill: URIRef
    Briefing: URIRef
    Claim: URIRef
    Event: URIRef
    Hearing: URIRef
    Legislation: URIRef
    Letter: URIRef
    Official: URIRef
    Organization: URIRef
    Party: URIRef
    Person: URIRef
    Representative: URIRef
    Senator: URIRef
    Statement: URIRef
    Tweet: URIRef

    # individuals
    DemocraticParty: URIRef
    Independent: URIRef
    RepublicanParty: URIRef

    # object properties
    about: URIRef
    addressedTo: URIRef
    attendedBriefing: URIRef
    claimedProperty: URIRef
    coSignedWith: URIRef
    cosponsorsBillWith: URIRef
    currentParty: URIRef
    legislation: URIRef
    mentionedIn: URIRef
    party: URIRef
    posted: URIRef
    reportedIn: URIRef
    sentLetter: URIRef
    signedStatement: URIRef
    sponsors: URIRef
    testifiedAt: URIRef

    # datatype properties
    bioguideId: URIRef
    currentState: URIRef
    evidence: URIRef
    evidenceEnd: URIRef
    evidenceStart: URIRef
    extractor: URIRef
    gazetteerSource: URIRef
    officialName: URIRef
    role: URIRef
    state: URIRef

    # other properties
    claimedValue: URIRef
