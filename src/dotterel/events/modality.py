"""Modality of an event predicate: negated, hypothetical, conditional, future, reported speech.

Read off the dependency parse around the trigger verb and the verbs that govern it
("doesn't want to have", "agreed to meet", "said it would").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dotterel.nlp import text_of
from dotterel.records import Modality

FUTURE_AUX = {"will", "shall", "'ll", "’ll", "wo"}
HYPOTHETICAL_AUX = {"could", "might", "may", "would", "should"}
# Verbs whose infinitive complement has not happened yet: "agreed to meet", "plans to visit".
INTENT_VERBS = {
    "agree", "plan", "want", "intend", "prepare", "expect", "hope", "aim", "seek", "promise",
    "pledge", "vow", "offer", "propose", "decide", "schedule", "set", "threaten", "wish", "try",
    "urge", "ask", "invite", "press", "call", "ready", "willing", "prepared",
}  # fmt: skip
PROPOSAL_VERBS = {"propose", "suggest", "offer", "call", "urge", "invite", "ask"}
SPEECH_VERBS = {
    "say", "tell", "write", "add", "state", "announce", "claim", "insist", "note", "stress",
    "post", "tweet", "declare", "report", "confirm", "warn", "argue", "explain", "reiterate",
}  # fmt: skip
NEGATING_VERBS = {"fail", "refuse", "decline"}
CONDITION_MARKS = {"if", "unless", "provided", "providing"}
CONDITION_WORDS = {"contingent", "conditional", "dependent"}
GOVERNING_DEPS = {"xcomp", "ccomp", "conj", "advcl", "acomp"}


@dataclass
class ModalityReading:
    modality: Modality
    status: str
    condition: str | None
    reasons: list[str]


def _governors(verb: Token):
    """The verb itself, then the verbs that govern it through complement clauses.

    Each comes with the relation that led up to it ("xcomp" for "agreed to meet").
    """
    token = verb
    yield token, ""
    while token.dep_ in GOVERNING_DEPS and token.head is not token:
        link = token.dep_
        token = token.head
        yield token, link


def _aux(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}


def _has_neg(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _in_quotes(verb: Token) -> bool:
    """Inside a quotation: more quotes opened than closed since the paragraph began."""
    text = text_of(verb.doc)
    before = text[text.rfind("\n", 0, verb.idx) + 1 : verb.idx]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _condition(verb: Token) -> str | None:
    # The verb, the verbs above it, and the clause it governs ("warned that Russia could face
    # sanctions if it failed to comply": the warning is conditional).
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    for token in [t for t, _ in _governors(verb)] + clauses:
        for child in token.children:
            if child.dep_ == "advcl" and any(
                g.dep_ == "mark" and g.lower_ in CONDITION_MARKS for g in child.children
            ):
                return child.doc[child.left_edge.i : child.right_edge.i + 1].text
    # "The offer is contingent on a ceasefire": a condition stated on the sentence's predicate.
    for token in verb.sent:
        if token.lower_ in CONDITION_WORDS:
            preps = [c for c in token.children if c.dep_ == "prep"]
            if preps:
                return token.doc[token.i : preps[0].right_edge.i + 1].text
    return None


def read_modality(verb: Token) -> ModalityReading:
    modality = Modality()
    reasons: list[str] = []
    status = "reported"
    governors = list(_governors(verb))

    # "failed to reach a deal", "refused to lift": the governing verb negates its complement.
    negating = any(link == "xcomp" and t.lemma_.lower() in NEGATING_VERBS for t, link in governors)
    # The verb and its governor carry the negation, or the copula of an adjective that
    # governs it: "is not willing to send troops".
    near = governors[:2] + [g for g in governors[2:3] if g[1] == "acomp"]
    if negating or any(_has_neg(t) for t, _ in near):
        modality.negated = True
        reasons.append("negated")

    for depth, (token, link) in enumerate(governors):
        lemma = token.lemma_.lower()
        aux = _aux(token)
        # Only a complement inherits intent ("agreed to meet"); a clause that merely sits
        # beside the verb ("threatened ... after police arrested") does not.
        complement = link in ("xcomp", "acomp")
        if aux & FUTURE_AUX or (complement and lemma in INTENT_VERBS):
            modality.future = True
        if aux & HYPOTHETICAL_AUX and depth < 2:
            modality.hypothetical = True
        if complement and lemma in PROPOSAL_VERBS and status == "reported":
            status = "proposed"
        if link == "ccomp" and lemma in SPEECH_VERBS:
            modality.reported_speech = True
        if depth and link not in ("xcomp", "acomp", "conj"):
            break
    if _in_quotes(verb):
        modality.reported_speech = True

    condition = _condition(verb)
    if condition:
        modality.conditional = True
        reasons.append("conditional")
    if modality.future:
        reasons.append("future")
        if status == "reported":
            status = "planned"
    if modality.hypothetical:
        reasons.append("hypothetical")
    if modality.negated and status == "reported":
        status = "denied"
    return ModalityReading(modality, status, condition, reasons)
