"""PLOVER's coding conventions for events that did not (yet) happen.

- A cooperative action reported in the future tense is an intention to cooperate, AGREE
  ("will release the hostages", "is willing to withdraw": CAMEO 03x).
- A cooperative action negated is a rejection, REJECT ("will not lift the embargo",
  "failed to reach a deal": CAMEO 12x).
- An action that is the content of a coded commitment or threat is not a second event
  ("threatened to attack": the THREATEN codes it), nor is the condition of another event
  ("would face sanctions if it closed the border": closing the border has not happened).

dotterel's one departure: a planned meeting stays a CONSULT with status "planned" ("agreed to
meet on Thursday" gives the AGREE and the planned CONSULT), because analysts follow planned
meetings as events of their own (their date, their place) and `status` already says that the
meeting has not happened.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dotterel.events.ontology import Ontology
from dotterel.records import Event

COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
KEPT_WHEN_PLANNED = {"CONSULT"}
# Weighing an option is a statement (CAMEO 014), and the option weighed is no event yet.
DELIBERATION = {"consider", "mull", "contemplate", "weigh", "study", "explore"}
# The CAMEO intention (03x) for a future cooperative action, by its CAMEO root.
INTENT_BY_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
# The CAMEO rejection (12x) for a negated cooperative action, by its CAMEO root.
REJECTION_BY_ROOT = {
    "03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124",
}  # fmt: skip
REJECTION_BY_CODE = {"036": "125", "037": "127", "057": "127", "046": "125"}


def _recoded(event: Event, cameo: str, ontology: Ontology, reason: str) -> Event | None:
    coding = ontology.coding(cameo)
    if coding is None:
        return None
    name = ontology.cameo(cameo).name
    return replace(event, **coding, why=f"{event.why}; {reason} -> CAMEO {cameo} ({name})")


def _governing_event(token: Token, by_token: dict[int, Event]) -> Event | None:
    head = token
    while head.dep_ in ("xcomp", "conj", "acomp") and head.head is not head:
        if head.dep_ == "conj":
            return None  # "met and agreed": coordinated, not governed
        head = head.head
        if head.i in by_token:
            return by_token[head.i]
    return None


CONDITION_MARKS = {"if", "unless"}


def _in_condition(token: Token) -> bool:
    """ "... if it closed the border": the verb heads (or is coordinated into) an if-clause."""
    head = token
    for _ in range(4):
        marks = {c.lower_ for c in head.children if c.dep_ == "mark"}
        if head.dep_ == "advcl" and marks & CONDITION_MARKS:
            return True
        if head.dep_ not in ("conj", "xcomp") or head.head is head:
            return False
        head = head.head
    return False


def _deliberated(token: Token) -> bool:
    """ "is considering sending aid": the action is an option under consideration."""
    head = token
    while (
        head.dep_ in ("xcomp", "ccomp", "conj", "pcomp", "pobj", "prep") and head.head is not head
    ):
        head = head.head
        if head.lemma_.lower() in DELIBERATION:
            return True
    return False


def apply_conventions(found: list[tuple[Token, Event]], ontology: Ontology) -> list[Event]:
    """The sentence's events after PLOVER's conventions for future, negated and governed
    actions; `found` pairs each event with its trigger token, in sentence order."""
    by_token = {token.i: event for token, event in found}
    out = []
    for token, event in found:
        if _deliberated(token) or _in_condition(token):
            continue
        governor = _governing_event(token, by_token)
        planned_meeting = event.event_type in KEPT_WHEN_PLANNED and not event.modality.negated
        if planned_meeting:
            out.append(event)
            continue
        if governor is not None and (event.modality.future or event.status != "reported"):
            continue  # the content of a coded commitment, proposal or threat
        root = event.cameo[:2] if event.cameo else ""
        if event.modality.negated and (event.event_type in COOPERATIVE or root == "03"):
            cameo = REJECTION_BY_CODE.get(event.cameo or "") or REJECTION_BY_ROOT.get(root)
            if cameo:
                recoded = _recoded(event, cameo, ontology, "negated cooperation is a rejection")
                if recoded is not None:
                    recoded.modality = replace(event.modality, negated=False, future=False)
                    recoded.status = "reported"
                    out.append(recoded)
                    continue
        if event.modality.future and event.event_type in COOPERATIVE:
            cameo = INTENT_BY_ROOT.get(root)
            if cameo:
                recoded = _recoded(
                    event, cameo, ontology, "PLOVER codes future cooperation as AGREE"
                )
                if recoded is not None:
                    out.append(recoded)
                    continue
        out.append(event)
    return out
