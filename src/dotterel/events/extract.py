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

from dotterel.events.lexicon import (
    NounLexicon,
    NounRule,
    VerbLexicon,
    VerbRule,
    noun_keys,
    noun_lexicon,
)
from dotterel.events.modality import read_modality
from dotterel.events.ontology import Ontology
from dotterel.events.recode import apply_conventions
from dotterel.nlp import noun_chunks_in, text_of
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
# Adjectives through which the subject of "be" reaches a verb: "the US is willing to provide",
# "the Front is guilty of violating". Kept to a list: "unable to", "unlikely to" report no act.
SUBJECT_ADJECTIVES = {
    "willing", "ready", "prepared", "eager", "keen", "determined", "poised", "guilty",
    "responsible",
}  # fmt: skip
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
def message_nouns() -> frozenset[str]:
    return _word_list("message_nouns.txt")


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
    lemma = subject.lemma_.lower()
    if lemma in weapons() or lemma in noun_lexicon().nouns:
        return []  # a weapon or an event ("clashes erupted") as the subject: attacker unnamed
    return None


BETWEEN = "'between' phrase"
BETWEEN_ON_VERB = "'between' phrase on its verb"


def _sides_named(candidate: Candidate) -> bool:
    return any(a.how in (BETWEEN, BETWEEN_ON_VERB) for a in candidate.actor_args)


def _between(noun: Token) -> list[Argument]:
    """The sides a 'between' phrase names for an event noun: on the noun ("clashes between
    police and protesters", "talks between Kyiv and Moscow") or, for the subject of a verb
    of happening, on that verb ("fighting broke out between the army and rebels")."""
    holders = [(noun, BETWEEN)]
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB":
        holders.append((noun.head, BETWEEN_ON_VERB))
    for holder, how in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "between":
                sides = [g for g in prep.children if g.dep_ == "pobj"]
                sides += [c for g in sides for c in g.children if c.dep_ == "conj"]
                if sides:
                    return [Argument(side, how) for side in sides]
    return []


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
        relative = subject is not None and subject.lower_ in RELATIVE_PRONOUNS
        if relative and token.dep_ == "relcl" and _claimed(token.head) is not None:
            # "X claimed responsibility for the bombing that killed 30": X did the killing.
            token = _claimed(token.head)
            how = f"subject of '{token.text} responsibility'"
            continue
        if subject is not None:
            if relative and token.dep_ == "relcl":
                return token.head, passive, "relative clause on " + token.head.text
            return subject, passive, how
        if token.dep_ == "xcomp":
            objects = [c for c in token.head.children if c.dep_ in OBJECT_DEPS]
            if objects and token.head.lemma_.lower() in OBJECT_CONTROL:
                return objects[0], False, f"object of '{token.head.text}'"
            how = f"subject of '{token.head.text}'"
        elif token.dep_ in ("conj", "advcl", "ccomp"):
            how = f"subject of '{token.head.text}'"
        elif token.dep_ == "acomp" and token.lemma_.lower() in SUBJECT_ADJECTIVES:
            how = f"subject of '{token.head.text} {token.text}'"
        elif (
            token.dep_ == "pcomp"
            and token.head.dep_ == "prep"
            and token.head.head.dep_ == "acomp"
            and token.head.head.lemma_.lower() in SUBJECT_ADJECTIVES
        ):
            token = token.head  # "guilty of violating": on through the preposition
        elif token.dep_ == "relcl":
            return token.head, False, "relative clause on " + token.head.text
        elif (
            token.dep_ == "acl"
            and token.tag_ == "VBG"
            and token.head.dep_ == "dobj"
            and token.head.lemma_.lower() in message_nouns()
        ):
            # "issued a statement urging Y": the statement's author urges.
            how = f"subject of '{token.head.head.text} a {token.head.text}'"
            token = token.head
        else:
            return None, False, how
        token = token.head
    return None, False, how


def _claimed(noun: Token) -> Token | None:
    """The verb by which someone claims `noun` as theirs: "claimed responsibility for the
    attack", "took responsibility for the bombing"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() != "responsibility":
        return None
    verb = prep.head.head
    if prep.head.dep_ == "dobj" and verb.lemma_.lower() in ("claim", "take", "accept", "admit"):
        return verb
    return None


OBJECT_NOUN_PREPS = RECIPIENT_PREPS | {"by", "toward", "towards", "over"}


def _objects(verb: Token) -> list[Argument]:
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    found = [Argument(c, "object") for c in objects]
    nouns = objects + [g for c in objects for g in c.children if g.dep_ == "conj"]
    for child in verb.children:
        if child.dep_ in ("prep",) and child.lower_ in RECIPIENT_PREPS:
            pobjs = [g for g in child.children if g.dep_ == "pobj"]
            found.extend(Argument(g, f"'{child.lower_}' phrase") for g in pobjs)
            nouns.extend(pobjs)  # "called for sanctions against China"
    for noun in nouns:
        found.extend(_aimed_at(noun))
    return found


OWN_PRONOUNS = {"its", "his", "her", "their", "it", "he", "she", "they", "itself", "themselves"}
ACL_TARGET_PREPS = {"on", "against", "to", "at"}


def _aimed_at(noun: Token) -> list[Argument]:
    """Whom a thing is aimed at, by its own phrases: "sanctions against Burma", "a request by
    Ankara", "the travel ban imposed on Chad"."""
    found = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in OBJECT_NOUN_PREPS:
            found.extend(
                Argument(g, f"'{noun.text} {child.lower_}' phrase")
                for g in child.children
                if g.dep_ == "pobj"
            )
        elif child.dep_ == "acl":
            found.extend(
                Argument(g, f"'{noun.text} {child.text} {prep.lower_}' phrase")
                for prep in child.children
                if prep.dep_ == "prep" and prep.lower_ in ACL_TARGET_PREPS
                for g in prep.children
                if g.dep_ == "pobj"
            )
    return found


def _places_struck(verb: Token, noun: Token | None) -> list[Argument]:
    heads = [verb] + [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if noun is not None:
        heads.append(noun)
    return [
        Argument(g, f"'{child.lower_}' place")
        for head in heads
        for child in head.children
        if child.dep_ == "prep" and child.lower_ in ("in", "near", "across")
        for g in child.children
        if g.dep_ == "pobj"
    ]


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _actors(args: list[Argument], resolve: Resolve) -> tuple[list[Actor], str]:
    """The actors of the best argument: one the argument's head word names beats one only its
    modifiers name ("returned Iraqi artifacts to the government of Iraq": the government, not
    the artifacts), and one that names a country beats one that does not ("sent troops to
    Mali": Mali); among equals, the first."""
    best: tuple[list[Actor], str] = ([], "")
    best_rank = -1
    for arg in args:
        actors = resolve(_phrase(arg.token))
        if not actors:
            continue
        headed = any(a.start <= arg.token.idx < a.end for a in actors)
        rank = 2 * headed + any(bool(a.country) for a in actors)
        if rank > best_rank:
            best, best_rank = (actors, arg.how), rank
        if rank == 3:
            break
    return best


def _trigger(verb: Token, noun: Token | None) -> TextSpan:
    first, last = (verb, verb) if noun is None else (min(verb, noun), max(verb, noun))
    doc = verb.doc
    start, end = first.idx, last.idx + len(last.text)
    return TextSpan(text_of(doc)[start:end], start, end)


def _confidence(rule, actor: list[Actor], recipient: list[Actor], status: str) -> float:
    # Placeholder scale until the coder is calibrated (issue 4): specific patterns and
    # events with both sides resolved are more often right; an event that has not
    # happened ("threatened to attack") ranks below the one that has.
    score = 0.5 + 0.1 * bool(rule.conditions) + 0.1 * bool(actor) + 0.1 * bool(recipient)
    score -= 0.15 * (status != "reported")
    return min(score, 0.95)


@dataclass
class Candidate:
    """What a rule found, before its arguments are resolved to actors."""

    rule: VerbRule | NounRule | AppealRule
    trigger: TextSpan
    modality_token: Token  # the verb whose parse gives tense, negation and conditions
    actor_args: list[Argument]
    recipient_args: list[Argument]
    subject: Token | None = None  # an active subject, which must be an actor if named
    status: str | None = None  # set by the rule itself ("a proposal" is proposed)
    needs_actor: bool = True  # False for a ceasefire window, coded even when no party is named


@dataclass(frozen=True)
class AppealRule:
    """ "X said Y should/must do Z": an appeal to Y (CAMEO 020) or a demand (100)."""

    modal: str
    cameo: str
    conditions: tuple = ()

    def describe(self) -> str:
        return f"speech verb with '{self.modal}' clause"


APPEAL_MODALS = {"should": "020", "must": "100"}
SPEECH_LEMMAS = {"say", "write", "post", "tweet", "add", "tell", "state", "insist", "argue"}
# Verbs whose message is about the subject of their clause: "warned that Russia could face".
CLAUSE_RECIPIENT_VERBS = {"warn", "threaten", "urge", "demand", "accuse", "criticize", "say"}
WINDOW_NOUNS = {"ceasefire", "cease-fire", "truce", "armistice", "moratorium"}
WINDOW_VERBS = {"begin", "start", "last", "run", "expire", "end", "hold"}
WINDOW_UNITS = {"day", "week", "month", "hour", "year"}


# Verbs by which someone answers what was aimed at them: "China rejected accusations by the US"
# (the US accused China), "Bulgaria welcomed the visit by the Sudanese minister".
RESPONSE_VERBS = {
    "reject", "deny", "dismiss", "refute", "accept", "welcome", "respond", "answer", "condemn",
    "denounce", "criticize", "criticise", "ignore", "heed", "receive", "protest", "decline",
}  # fmt: skip


def _responder(noun: Token) -> Token | None:
    """The subject of a response verb whose object (or "to" object) is the event noun."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head  # "responded to the proposal by Chile"
    elif noun.dep_ not in OBJECT_DEPS:
        return None
    if head.lemma_.lower() not in RESPONSE_VERBS:
        return None
    subject, passive = _own_subject(head)
    return None if passive else subject


def trailing_modifier(noun: Token) -> Token | None:
    """A participle right after a noun phrase that the parser hung on the clause's verb instead
    ("... contingent on a ceasefire, set to begin on Monday": "set" modifies the ceasefire)."""
    end = max(t.i for t in noun.subtree)
    for tok in noun.doc[end + 1 : end + 3]:
        if tok.is_punct and tok.text == ",":
            continue
        if tok.pos_ == "VERB" and tok.dep_ in ("advcl", "acl") and tok.tag_ in ("VBN", "VBG"):
            return tok
        return None
    return None


def _has_window(noun: Token) -> bool:
    """The noun says when it starts or how long it lasts: "a 30-day truce", "a ceasefire set to
    begin on Monday", "a truce starting tomorrow", "which would last 30 days"."""
    words = list(noun.subtree)
    following = trailing_modifier(noun)
    if following is not None:
        words += list(following.subtree)
    for tok in words:
        if tok.lemma_.lower() in WINDOW_VERBS and tok.pos_ == "VERB":
            return True
        if tok.lemma_.lower() in WINDOW_UNITS and any(c.like_num for c in tok.children):
            return True
        if "-" in tok.text and tok.text.split("-")[-1].lower() in WINDOW_UNITS:
            return True  # "30-day", tokenised as one word
    return False


PROPOSAL_NOUNS = {"proposal", "offer", "invitation", "plan", "pledge", "appeal", "request"}


class EventExtractor:
    def __init__(self, lexicon: VerbLexicon, ontology: Ontology, nouns: NounLexicon | None = None):
        self.lexicon = lexicon
        self.nouns = nouns
        self.ontology = ontology

    def sentence_events(
        self, sent: Span, sentence_index: int, doc_id: str, resolve: Resolve
    ) -> list[Event]:
        events: list[tuple[Token, Event]] = []
        carried: set[int] = set()  # nouns already coded through their light verb
        happened: set[int] = set()  # verbs whose event-noun subject is the event ("broke out")
        for token in sent:
            candidate = None
            if token.pos_ == "VERB" and token.i in happened:
                continue
            if token.pos_ == "VERB":
                candidate = self._verbal(token)
                if candidate is None or self.ontology.plover(candidate.rule.cameo) is None:
                    # A speech verb codes a statement, but "said Y should ..." is an appeal.
                    candidate = self._appeal(token) or candidate
                if candidate is not None and isinstance(candidate.rule, NounRule):
                    carried.add(candidate.trigger.end)
            elif token.pos_ == "NOUN" and self.nouns is not None:
                candidate = self._nominal(token)
                if candidate is not None and token.idx + len(token.text) in carried:
                    candidate = None
            if candidate is None:
                continue
            event = self._make(
                candidate, sent, sentence_index, doc_id, resolve, need_actor=candidate.needs_actor
            )
            if event is not None:
                events.append((token, event))
                if any(a.how == BETWEEN_ON_VERB for a in candidate.actor_args):
                    happened.add(token.head.i)  # the verb says only that the fight happened
        return apply_conventions(events, self.ontology)

    def _verbal(self, verb: Token) -> Candidate | None:
        rule: VerbRule | NounRule | None = self.lexicon.match(verb)
        noun = None
        if (rule is None or rule.derived) and self.nouns is not None:
            # The hand-written noun lexicon outranks a derived verb row: "announced a truce"
            # is the truce, with the noun in its trigger.
            found = self.nouns.match(verb)
            if found is not None:
                rule, noun = found
        if rule is None:
            return None
        return self.candidate(verb, rule, noun)

    def candidate(self, verb: Token, rule, noun: Token | None = None) -> Candidate | None:
        """The candidate event of `verb` coded by `rule`: its arguments read off the parse."""
        subject, passive, subject_how = _subject(verb)
        if passive:
            agent = _agent(verb)
            actor_args = [Argument(agent, "'by' phrase")] if agent is not None else []
            recipient_args = (
                [Argument(subject, "passive subject"), *_aimed_at(subject)]
                if subject is not None
                else []
            )  # "sanctions against Iran were lifted": Iran
        else:
            actor_args = [Argument(subject, subject_how)] if subject is not None else []
            recipient_args = _objects(verb)
        if noun is not None:
            # "launched attacks on the army": the noun's own phrases name the recipient.
            recipient_args = [a for a in _objects(noun) if a.token is not noun] + [
                a for a in recipient_args if a.token is not noun
            ]
        if not recipient_args:
            recipient_args = _complement_arguments(verb)
        if rule.cameo[:2] >= "14":
            # Force is used against the place it strikes: "shelled villages in Syria" targets
            # Syria, "imposed a curfew in Kashmir" India. Tried after every other argument.
            recipient_args = recipient_args + _places_struck(verb, noun)
        if _hazard_cause(verb, subject) is not None:
            return None
        # A subject that must be an actor if it is a noun: its own, or one inherited through
        # coordination or an adverbial clause ("a bus plunged ..., killing 22").
        inherited = subject_how.startswith("subject of")
        named = subject if not passive and (subject_how == "subject" or inherited) else None
        return Candidate(rule, _trigger(verb, noun), verb, actor_args, recipient_args, named)

    def _nominal(self, noun: Token) -> Candidate | None:
        """ "Putin's proposal for talks", "the offer by Ankara": an event named by a noun whose
        owner is an actor."""
        keys = [k for k in noun_keys(noun) if k in self.nouns.nouns]
        if not keys:
            return None
        owners = [Argument(c, "possessive") for c in noun.children if c.dep_ == "poss"]
        owners += [
            Argument(g, "'by' phrase")
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "by"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        rule = NounRule(keys[0], "", self.nouns.nouns[keys[0]])
        sides = _between(noun)
        if not owners and sides:
            # "clashes between the army and rebels", "talks between Kyiv and Moscow": an event
            # both sides take part in, coded as PLOVER codes a reciprocal act (both sides
            # actors, no recipient)
            head = noun.head if noun.head.pos_ in ("VERB", "AUX") else noun
            return Candidate(rule, _trigger(noun, None), head, sides, [], None)
        if not owners:
            if noun.lemma_.lower() in WINDOW_NOUNS and _has_window(noun):
                # "an unconditional ceasefire, set to begin on Monday, which would last 30
                # days": a window analysts follow even when the text names no party.
                recipients = [a for a in _objects(noun) if a.token is not noun]
                return Candidate(
                    rule, _trigger(noun, None), noun, [], recipients, None, "planned", False
                )
            return None
        recipients = [a for a in _objects(noun) if a.token is not noun]
        responder = _responder(noun)
        if not recipients and responder is not None:
            recipients = [Argument(responder, f"subject of '{noun.head.text}'")]
        status = "proposed" if noun.lemma_.lower() in PROPOSAL_NOUNS else None
        head = noun.head if noun.head.pos_ in ("VERB", "AUX") else noun
        return Candidate(rule, _trigger(noun, None), head, owners, recipients, None, status)

    def _appeal(self, verb: Token) -> Candidate | None:
        if verb.lemma_.lower() not in SPEECH_LEMMAS:
            return None
        for clause in verb.children:
            if clause.dep_ != "ccomp":
                continue
            modals = [c.lower_ for c in clause.children if c.dep_ == "aux"]
            modal = next((m for m in modals if m in APPEAL_MODALS), None)
            subject, passive, _ = _own_subject_of(clause)
            if modal is None or subject is None or passive:
                continue
            speaker, _, how = _subject(verb)
            if speaker is None:
                return None
            rule = AppealRule(modal, APPEAL_MODALS[modal])
            return Candidate(
                rule,
                _trigger(verb, None),
                verb,
                [Argument(speaker, how)],
                [Argument(subject, f"subject of the '{modal}' clause")],
                speaker if how == "subject" else None,
            )
        return None

    def _make(
        self,
        found: Candidate,
        sent: Span,
        sentence_index: int,
        doc_id: str,
        resolve: Resolve,
        need_actor: bool = True,
    ) -> Event | None:
        coding = self.ontology.coding(found.rule.cameo)
        if coding is None:
            return None  # a statement: PLOVER codes no event for it
        code = self.ontology.cameo(found.rule.cameo)

        actor, actor_how = _actors(found.actor_args, resolve)
        subject = found.subject
        if not actor and subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            unknown = _unknown_actor(subject)
            if unknown is None and need_actor:
                return None  # "a bus plunged ..., killing 22": the subject is no actor at all
            if unknown is not None:
                actor, actor_how = unknown, "subject (not in the actor KB)"
        recipient, recipient_how = _actors(found.recipient_args, resolve)
        # Someone can't be their own counterpart: drop recipients that repeat the actor.
        actor_codes = {(a.code, a.name) for a in actor}
        recipient = [r for r in recipient if (r.code, r.name) not in actor_codes]
        # "withdraw its troops": a pronoun for the actor's own side is not its counterpart.
        actor_countries = {a.country for a in actor if a.country}
        recipient = [
            r
            for r in recipient
            if not (r.text.lower() in OWN_PRONOUNS and r.country in actor_countries)
        ]
        if need_actor and not any(a.code != "---" for a in actor + recipient):
            return None  # no political actor on either side that the KB knows
        derived = getattr(found.rule, "derived", False)
        if derived and not found.rule.conditions and not (actor and recipient):
            # A derived verb's default row, often a general verb ("leave", "come"), codes only
            # with a source and a target, as PETRARCH itself demands.
            return None
        if (
            coding["event_type"] == "CONSULT"
            and recipient
            and all("MED" in r.sector for r in recipient)
        ):
            return None  # speaking to the press is a statement, not a consultation
        nearby = False
        if not recipient and actor and found.needs_actor and not _sides_named(found):
            # (an event whose sides the text names has them all as actors: no counterpart)
            recipient, recipient_how = _nearby_actor(sent, found, actor, resolve)
            nearby = bool(recipient)

        reading = read_modality(found.modality_token)
        status = found.status if found.status and reading.status == "reported" else reading.status
        why = [f"{found.rule.describe()} -> CAMEO {code.code} ({code.name})"]
        if actor:
            why.append(f"actor from the {actor_how}")
        if recipient:
            why.append(f"recipient from the {recipient_how}")
        if not found.needs_actor and not actor:
            why.append("a window with its own start or length, coded though no party is named")
        if reading.reasons:
            why.append(", ".join(reading.reasons))
        return Event(
            doc_id=doc_id,
            sentence=sentence_index,
            text=sent.text,
            trigger=found.trigger,
            **coding,
            actor=actor,
            recipient=recipient,
            status=status,
            modality=reading.modality,
            condition=reading.condition,
            confidence=_confidence(found.rule, actor, [] if nearby else recipient, status),
            why="; ".join(why),
        )

    def classifier_event(
        self,
        sent: Span,
        verb: Token,
        rule,
        sentence_index: int,
        doc_id: str,
        resolve: Resolve,
        need_actor: bool = True,
    ) -> Event | None:
        """An event that the sentence classifier (events/decide.py) typed where no lexicon rule
        fired: `verb` is the trigger, `rule` gives the type's generic CAMEO code and `why`;
        actor and recipient come from the parse exactly as for a lexicon verb."""
        found = self.candidate(verb, rule)
        if found is None:
            return None
        return self._make(found, sent, sentence_index, doc_id, resolve, need_actor=need_actor)


def _nearby_actor(
    sent: Span, found: Candidate, actor: list[Actor], resolve: Resolve
) -> tuple[list[Actor], str]:
    """When the verb's own arguments name no counterpart, the actor the sentence names nearest
    the trigger (after it first), other than the actor: "imposed sanctions in relation to
    Guinea-Bissau", "an assault on the SDF headquarters" are aimed at what they name."""
    # One with the actor's own code is its own side ("Kenya's president said Kenya would").
    own = {a.code for a in actor}
    spans = [(a.start, a.end) for a in actor]
    if found.subject is not None:
        phrase = _phrase(found.subject)
        spans.append((phrase.start_char, phrase.end_char))
    best: tuple[tuple[int, int], list[Actor]] | None = None
    for chunk in noun_chunks_in(sent):
        if chunk.root.pos_ == "PRON" or any(
            lo < chunk.end_char and chunk.start_char < hi for lo, hi in spans
        ):
            continue
        actors = [a for a in resolve(chunk) if a.code != "---" and a.code not in own]
        if not actors:
            continue
        before = chunk.start_char < found.trigger.start
        distance = found.trigger.start - chunk.end_char if before else chunk.start_char
        rank = (int(before), abs(distance - found.trigger.end) if not before else distance)
        if best is None or rank < best[0]:
            best = (rank, actors)
    if best is None:
        return [], ""
    return best[1], "actor named nearest the trigger (no argument of the verb names one)"


def _own_subject_of(clause: Token) -> tuple[Token | None, bool, str]:
    subject, passive = _own_subject(clause)
    return subject, passive, "subject"


def _complement_arguments(verb: Token) -> list[Argument]:
    """Recipients named in a verb's complement when the verb itself has no object."""
    for child in verb.children:
        # "agreed to meet Putin": the one met is the recipient of the agreement too.
        if child.dep_ == "xcomp":
            return _objects(child)
    if verb.lemma_.lower() in CLAUSE_RECIPIENT_VERBS:
        # "warned that Russia could face sanctions": the warning is addressed to Russia.
        for child in verb.children:
            if child.dep_ == "ccomp":
                subject, passive = _own_subject(child)
                if subject is not None and not passive:
                    return [Argument(subject, f"subject of the '{child.text}' clause")]
    return []
