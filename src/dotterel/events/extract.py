"""Event extraction: a verb from the lexicon, its actor and recipient from the parse.

For each verb of a sentence that the verb lexicon knows, the subject gives the actor and the
object (or the object of "with", "to", "against", "on") the recipient; both are resolved to
political actors, and a predicate with no political actor on either side codes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from dotterel.events.lexicon import NounLexicon, NounRule, VerbLexicon, VerbRule
from dotterel.events.modality import read_modality
from dotterel.events.ontology import Ontology
from dotterel.records import Actor, Event
from dotterel.records import Span as TextSpan

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
OBJECT_DEPS = ("dobj", "dative")
RECIPIENT_PREPS = {"with", "to", "against", "on", "at", "into", "from", "for", "between"}
# Verbs whose object does what their infinitive says: "urged Ukraine to accept".
OBJECT_CONTROL = {
    "urge", "ask", "press", "invite", "tell", "persuade", "force", "encourage", "call", "order",
    "allow", "pressure", "push", "help", "compel", "instruct", "advise", "warn",
}  # fmt: skip
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# Parts of a noun phrase that say more about it but name no one in it ("Starmer, who warned ...").
TRIM_DEPS = {"relcl", "acl", "advcl", "ccomp", "punct", "cc", "prep"}
KEEP_PREPS = {"of"}  # "President Putin of Russia", "the leaders of France and Germany"

Resolve = Callable[[Span], list[Actor]]
HAZARDS_FILE = Path(__file__).resolve().parent.parent / "data" / "lexicon" / "hazards.txt"
CAUSE_PREPS = {"in", "by", "during", "after", "from", "amid", "due"}


NAMED_ACTOR_LABELS = {"PERSON", "ORG", "NORP", "GPE"}


def _word_list(name: str) -> frozenset[str]:
    lines = (HAZARDS_FILE.parent / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def hazards() -> frozenset[str]:
    return _word_list("hazards.txt")


@lru_cache(maxsize=1)
def weapons() -> frozenset[str]:
    return _word_list("weapons.txt")


def _unknown_actor(subject: Token) -> list[Actor] | None:
    """An actor for a subject the KB does not know, or None when it is no actor at all.

    A named person or organisation ("Mr. Sisi", "the ELN") is kept with an unknown code; a
    weapon ("a car bomb killed five") leaves the attacker unnamed; anything else ("the report
    criticised", "the virus killed") is no political actor.
    """
    if subject.ent_type_ in NAMED_ACTOR_LABELS:
        phrase = _phrase(subject)
        ents = [e for e in phrase.ents if e.label_ in NAMED_ACTOR_LABELS] or [phrase]
        return [
            Actor(text=e.text, code="---", name=e.text, start=e.start_char, end=e.end_char,
                  why=f"{e.label_ if e is not phrase else 'name'} not in the actor KB")
            for e in ents[:1]
        ]  # fmt: skip
    if subject.lemma_.lower() in weapons():
        return []
    return None


def _hazard_cause(verb: Token, subject: Token | None) -> Token | None:
    """The natural or accidental cause of `verb`, if the sentence names one."""
    if subject is not None and subject.lemma_.lower() in hazards():
        return subject
    for child in verb.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in CAUSE_PREPS:
            for g in child.children:
                if g.dep_ == "pobj" and g.lemma_.lower() in hazards():
                    return g
    return None


@dataclass
class Argument:
    token: Token
    how: str  # which relation gave it, for `why`


def _phrase(token: Token) -> Span:
    """The words of the noun phrase headed by `token`, without clauses that describe it."""
    keep = [token]
    stack = [token]
    while stack:
        head = stack.pop()
        for child in head.children:
            if child.dep_ in TRIM_DEPS and not (
                child.dep_ == "prep" and child.lower_ in KEEP_PREPS
            ):
                continue
            keep.append(child)
            stack.append(child)
    doc = token.doc
    return doc[min(t.i for t in keep) : max(t.i for t in keep) + 1]


def _own_subject(verb: Token) -> tuple[Token | None, bool]:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child, False
        if child.dep_ in PASSIVE_SUBJECT_DEPS:
            return child, True
    return None, False


def _subject(verb: Token) -> tuple[Token | None, bool, str]:
    """The subject of `verb`, following control and coordination up the tree."""
    token = verb
    how = "subject"
    for _ in range(6):
        subject, passive = _own_subject(token)
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
                return token.head, passive, "relative clause on " + token.head.text
            return subject, passive, how
        if token.dep_ == "xcomp":
            objects = [c for c in token.head.children if c.dep_ in OBJECT_DEPS]
            if objects and token.head.lemma_.lower() in OBJECT_CONTROL:
                return objects[0], False, f"object of '{token.head.text}'"
            how = f"subject of '{token.head.text}'"
        elif token.dep_ in ("conj", "advcl", "ccomp"):
            how = f"subject of '{token.head.text}'"
        elif token.dep_ == "relcl":
            return token.head, False, "relative clause on " + token.head.text
        else:
            return None, False, how
        token = token.head
    return None, False, how


def _objects(verb: Token) -> list[Argument]:
    found = [Argument(c, "object") for c in verb.children if c.dep_ in OBJECT_DEPS]
    for child in verb.children:
        if child.dep_ in ("prep",) and child.lower_ in RECIPIENT_PREPS:
            found.extend(
                Argument(g, f"'{child.lower_}' phrase") for g in child.children if g.dep_ == "pobj"
            )
    return found


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _actors(args: list[Argument], resolve: Resolve) -> tuple[list[Actor], str]:
    for arg in args:
        actors = resolve(_phrase(arg.token))
        if actors:
            return actors, arg.how
    return [], ""


def _trigger(verb: Token, noun: Token | None) -> TextSpan:
    first, last = (verb, verb) if noun is None else (min(verb, noun), max(verb, noun))
    doc = verb.doc
    start, end = first.idx, last.idx + len(last.text)
    return TextSpan(doc.text[start:end], start, end)


def _confidence(
    rule: VerbRule | NounRule, actor: list[Actor], recipient: list[Actor], status: str
) -> float:
    # Placeholder scale until the coder is calibrated (issue 4): specific patterns and
    # events with both sides resolved are more often right; an event that has not
    # happened ("threatened to attack") ranks below the one that has.
    score = 0.5 + 0.1 * bool(rule.conditions) + 0.1 * bool(actor) + 0.1 * bool(recipient)
    score -= 0.15 * (status != "reported")
    return min(score, 0.95)


class EventExtractor:
    def __init__(self, lexicon: VerbLexicon, ontology: Ontology, nouns: NounLexicon | None = None):
        self.lexicon = lexicon
        self.nouns = nouns
        self.ontology = ontology

    def sentence_events(
        self, sent: Span, sentence_index: int, doc_id: str, resolve: Resolve
    ) -> list[Event]:
        events = []
        for verb in sent:
            if verb.pos_ != "VERB":
                continue
            rule: VerbRule | NounRule | None = self.lexicon.match(verb)
            noun = None
            if rule is None and self.nouns is not None:
                found = self.nouns.match(verb)
                if found is None:
                    continue
                rule, noun = found
            if rule is None:
                continue
            event = self._event(verb, rule, sent, sentence_index, doc_id, resolve, noun)
            if event is not None:
                events.append(event)
        return events

    def _event(
        self,
        verb: Token,
        rule: VerbRule | NounRule,
        sent: Span,
        sentence_index: int,
        doc_id: str,
        resolve: Resolve,
        noun: Token | None = None,
    ) -> Event | None:
        mapping = self.ontology.plover(rule.cameo)
        code = self.ontology.cameo(rule.cameo)
        if mapping is None or code is None:
            return None

        subject, passive, subject_how = _subject(verb)
        objects = _objects(verb)
        if passive:
            agent = _agent(verb)
            actor_args = [Argument(agent, "'by' phrase")] if agent is not None else []
            recipient_args = [Argument(subject, "passive subject")] if subject is not None else []
        else:
            actor_args = [Argument(subject, subject_how)] if subject is not None else []
            recipient_args = objects
        if noun is not None:
            # "launched attacks on the army": the noun's own phrases name the recipient.
            recipient_args = [a for a in _objects(noun) if a.token is not noun] + [
                a for a in recipient_args if a.token is not noun
            ]
        if not recipient_args:
            # "agreed to meet Putin": the one met is the recipient of the agreement too.
            for child in verb.children:
                if child.dep_ == "xcomp":
                    recipient_args = _objects(child)
                    break

        if _hazard_cause(verb, subject) is not None:
            return None
        actor, actor_how = _actors(actor_args, resolve)
        if (
            not actor
            and not passive
            and subject is not None
            and subject.pos_ in ("NOUN", "PROPN")
            and subject_how == "subject"
        ):
            unknown = _unknown_actor(subject)
            if unknown is None:
                return None
            actor, actor_how = unknown, "subject (not in the actor KB)"
        recipient, recipient_how = _actors(recipient_args, resolve)
        # Someone can't be their own counterpart: drop recipients that repeat the actor.
        actor_codes = {(a.code, a.name) for a in actor}
        recipient = [r for r in recipient if (r.code, r.name) not in actor_codes]
        if not any(a.code != "---" for a in actor + recipient):
            return None  # no political actor on either side that the KB knows

        reading = read_modality(verb)
        why = [f"{rule.describe()} -> CAMEO {code.code} ({code.name})"]
        if actor:
            why.append(f"actor from the {actor_how}")
        if recipient:
            why.append(f"recipient from the {recipient_how}")
        if reading.reasons:
            why.append(", ".join(reading.reasons))
        return Event(
            doc_id=doc_id,
            sentence=sentence_index,
            text=sent.text,
            trigger=_trigger(verb, noun),
            event_type=mapping.event_type,
            mode=mapping.mode,
            context=list(mapping.contexts),
            cameo=code.code,
            quad_class=code.quad_class,
            goldstein=code.goldstein,
            actor=actor,
            recipient=recipient,
            status=reading.status,
            modality=reading.modality,
            condition=reading.condition,
            confidence=_confidence(rule, actor, recipient, reading.status),
            why="; ".join(why),
        )
