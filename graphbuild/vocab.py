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
    Person: URIRef
    Senator: URIRef
    Representative: URIRef
    Official: URIRef
    Party: URIRef
    Organization: URIRef
    Event: URIRef
    Statement: URIRef
    Tweet: URIRef
    Letter: URIRef
    Bill: URIRef
    Briefing: URIRef
    Hearing: URIRef
    Claim: URIRef
    # parties
    DemocraticParty: URIRef
    RepublicanParty: URIRef
    Independent: URIRef
    # person -> event
    signedStatement: URIRef
    posted: URIRef
    sentLetter: URIRef
    sponsors: URIRef
    attendedBriefing: URIRef
    testifiedAt: URIRef
    # event -> recipient
    addressedTo: URIRef
    # person -> person (symmetric conveniences)
    cosponsorsBillWith: URIRef
    coSignedWith: URIRef
    # person attributes
    party: URIRef
    state: URIRef
    role: URIRef
    mentionedIn: URIRef
    # provenance
    reportedIn: URIRef
    evidence: URIRef
    evidenceStart: URIRef
    evidenceEnd: URIRef
    extractor: URIRef
    # claims: one per attribute an article states
    about: URIRef
    claimedProperty: URIRef
    claimedValue: URIRef
