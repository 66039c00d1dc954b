"""Each event's location: the place the parse ties to its trigger, else the one place its
sentence or its report gives or the dateline, or none (each step says so in the event's why).

1. **phrase**: the place nearest the trigger, by the parse, among the places in a locative
   position inside the event's own phrase: the trigger's subtree and, for a noun trigger
   ("talks", "airstrike"), the subtree of the verb that governs it. A place is in a locative
   position when it is
   - the object of an `at` preposition of data/places/cues.tsv ("in", "near", "outside", ...):
     "meet ... in Istanbul", "talks in Doha", "clashes near Goma", "met with officials in
     Kabul", "agreed to hold talks in Geneva";
   - the object of a `motion` preposition ("to", "into") on a movement word ("travel to
     Sylvania", "troops sent into Kursk"), of an `attack` preposition ("on", "against", "of")
     in an ASSAULT ("an airstrike on Kharkiv", "the shelling of Gaza"), of a `leave`
     preposition ("from") in a RETREAT ("withdrew from Kherson");
   - the object of a movement ("visited Moscow"), of an ASSAULT's own verb ("shelled
     Kharkiv") or of a trigger that acts on a place, whatever the event's type (`target`:
     "captured Bentiu", "besieged El Fasher", "the siege of Mariupol"), or the subject of
     such a trigger in the passive ("Kharkiv was shelled");
   - named by a kind-of-place noun in such a position ("in the city of Istanbul", "in Turkey's
     capital", "on the outskirts of Kyiv") or modifying a noun in one ("in a Kabul hotel",
     "in Helmand province"); a country's capital is the capital city ("in the capital of
     Latvia" is Riga);
   - a city owning a noun in such a position ("struck Kyiv's power grid");
   - a city modifying the trigger noun or a noun the trigger governs ("the Kabul bombing",
     "Paris police fired tear gas", "raided the Jenin camp"), unless that noun is an office
     or a government the city names as whose it is (`seat`: "the Baghdad government
     condemned").
   The search does not enter relative clauses (they describe a participant: "Putin, who was
   in Paris, ..."), coordinated clauses (another event: "supported the plan and will host talks
   in Doha") or parenthetical ones, and takes no place inside a quotation the trigger is not
   in. A place's depth in the parse decides, then its distance in words.
2. **sentence**: failing that, the one place in an `at` phrase on the trigger's own clause or on
   a clause above it (on its verb or its subject), when there is exactly one and its phrase is
   on no other event's trigger ("..., officials in Kharkiv said").
3. **only**: failing that, the sentence's one place named as where something is or is done
   (`where_named`): in a locative phrase, as what a verb acts on, or as a city modifying a noun,
   anywhere in the sentence ("gunmen attacked a church in Kaduna, killing 12" places the
   killing too). A country named as an actor ("Russia accused ..."), as whose something is
   ("Egypt's army"), inside a participant's relative clause or inside a quotation the trigger
   is not in does not count; a city and the country or state holding it count as the city;
   with two other places there is none. The `why` says the parse
   does not tie the place to the trigger.
4. **dateline**: failing that, the place of the article's dateline ("KABUL (Reuters) -",
   "MOSCOW, May 3 —"), when the event's sentence names no place as where something is: it is
   where the report was filed, the best evidence left. An event with a place of its own keeps
   it (a strike on Kharkiv filed from Kyiv is in Kharkiv).
5. **report**: failing that, when the events the steps above placed by their own sentences
   (not by the dateline) all happened in one place and the report names no other place as
   where something is, an event on the ground (a fight, a
   protest, an arrest, a deployment, a withdrawal) whose sentence names no place happened
   there too ("Gunmen attacked a checkpoint in Kandahar. Later they killed three officers.").
   A statement, a demand or a meeting is often made far from what it is about: not these.

No place rather than a wrong one: a place merely named elsewhere in the sentence (as an actor,
in a relative clause, with another place beside it) is not the location. By the same convention,
a place in the event's own phrase is taken even when it says where a participant is rather than
where the event was ("criticised a party in Austria" is placed in Austria): the phrase is what
the report ties to the event.

A meeting (CONSULT) placed only at a country ("meet ... in Turkey") is refined to the city in
that country the document names as a meeting's venue ("host the summit in Istanbul",
"Istanbul as the location for the talks"), when it names exactly one such city.

Each located event's `why` gains a clause saying which place and from which words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dotterel.attributes.dates import governing_predicate
from dotterel.attributes.place_cues import Cues, cues
from dotterel.attributes.places import PlaceMention
from dotterel.nlp import text_of
from dotterel.records import Event, Place

# Event types whose own prepositions place them (cues.tsv kinds `attack` and `leave`).
ATTACK_TYPES = {"ASSAULT"}
LEAVE_TYPES = {"RETREAT"}
SUBJECTS = ("nsubj", "nsubjpass")
# Events that happen where their participants are (a statement, a demand or a deal is often
# made far from what it is about): only these take the report's one place (step 5).
ON_THE_GROUND = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT"}
# Edges the phrase search does not follow: a participant's description, another event, an aside.
CLOSED = {"relcl", "conj", "parataxis", "cc", "punct"}
MODIFIERS = ("compound", "nmod", "amod")  # "a Kabul hotel", "Helmand province"
MAX_DEPTH = 8


@dataclass
class Found:
    """A place tied to an event, and the words that tie it."""

    mention: PlaceMention
    how: str  # "phrase", "sentence", "only" or "dateline"
    evidence: str  # the words: "in Istanbul"
    head: str = ""  # the trigger word the search started from
    place: Place | None = None  # when not the mention's own place (a country's capital)

    def __post_init__(self) -> None:
        if self.place is None:
            self.place = self.mention.place

    def why(self) -> str:
        name = self.place.name if self.place else self.mention.text
        if self.how == "phrase":
            return f"place '{name}' from '{self.evidence}' in the phrase of '{self.head}'"
        if self.how == "only":
            return (
                f"place '{name}': the only place the sentence names as where something is "
                f"('{self.evidence}'), not tied to the trigger by the parse"
            )
        if self.how == "dateline":
            return (
                f"place '{name}': the article's dateline ('{self.evidence}'); the sentence "
                "names no place of its own"
            )
        return f"place '{name}': the sentence's one place in a locative phrase ('{self.evidence}')"


class Locator:
    """Ties places to the events of one parsed document."""

    def __init__(self, doc, mentions: Iterable[PlaceMention], words: Cues | None = None):
        self.doc = doc
        self.cues = words or cues()
        self.mentions = [m for m in mentions if m.place is not None]
        self.by_root: dict[int, PlaceMention] = {m.root: m for m in self.mentions if m.root >= 0}

    # -- where a place stands ----------------------------------------------------------------

    def _preposition_ok(self, prep, event: Event) -> bool:
        word, lemma = prep.lower_, prep.head.lemma_.lower()
        if word in self.cues.at:
            return True
        if word in self.cues.motion and lemma in self.cues.mover:
            return True
        if word in self.cues.attack and (
            event.event_type in ATTACK_TYPES or lemma in self.cues.target
        ):
            return True  # "an airstrike on Kharkiv", "the siege of Mariupol"
        if word in self.cues.leave:
            if prep.head.dep_ == "dobj":  # "expelled the ambassador from Bamako"
                lemma = f"{lemma} {prep.head.head.lemma_.lower()}"
            return event.event_type in LEAVE_TYPES or bool(set(lemma.split()) & self.cues.leaver)
        return False

    def locative(self, tok, event: Event, depth: int = 0) -> int | None:
        """Where the locative phrase holding `tok` starts (a character offset), or None when
        `tok` stands in no locative position (see the module docstring)."""
        if depth > 3:
            return None
        dep, head = tok.dep_, tok.head
        if dep == "pobj":
            if head.lower_ == "of" and head.head.lemma_.lower() in self.cues.container:
                found = self.locative(head.head, event, depth + 1)  # "the city of Istanbul"
                if found is not None:
                    return found
            if self._preposition_ok(head, event):
                return head.idx
            if head.lower_ == "of" and head.head.dep_ == "prep":  # "out of", "ahead of"
                return head.head.idx if self._preposition_ok(head.head, event) else None
            return None
        if dep == "nsubjpass" and self._is_trigger(head, event):
            verb = head.lemma_.lower()  # "Kharkiv was shelled", "Mosul was retaken"
            if event.event_type in ATTACK_TYPES or verb in self.cues.target:
                return tok.left_edge.idx
            return None
        if dep in ("advmod", "npadvmod") and tok.lemma_.lower() in self.cues.container:
            return tok.idx  # "north of Kyiv", "10 km west of the city"
        if dep == "dobj":
            verb = head.lemma_.lower()
            acts_on = self._is_trigger(head, event) and (
                event.event_type in ATTACK_TYPES or verb in self.cues.target
            )
            return tok.left_edge.idx if verb in self.cues.mover or acts_on else None
        if dep == "poss" and head.lemma_.lower() in self.cues.container:
            return self.locative(head, event, depth + 1)  # "in Turkey's capital"
        if dep == "poss" and head.pos_ in ("NOUN", "PROPN") and self._city_modifier(tok, head):
            # "struck Kyiv's power grid"; not the event's own possessor, its agent as often as
            # its place ("Moscow's invasion of Ukraine")
            return self.locative(head, event, depth + 1)
        if dep in MODIFIERS and head.pos_ in ("NOUN", "PROPN") and self._city_modifier(tok, head):
            found = self.locative(head, event, depth + 1)  # "in a Kabul hotel"
            if found is not None or depth > 0:
                return found
            # "the Kabul bombing", "Paris police fired", "clashed with Gaza militants": a
            # city naming the event or one of its participants, unless it names whose a
            # government or an office is ("the Baghdad government").
            if head.lemma_.lower() in self.cues.seat:
                return None
            if self._is_trigger(head, event) or self._is_trigger(head.head, event):
                return tok.idx
            return None
        if dep == "appos" and head.lemma_.lower() in self.cues.container:
            return self.locative(head, event, depth + 1)  # "in the capital, Doha"
        return None

    def _city_modifier(self, tok, head) -> bool:
        """A city naming where a thing is ("a Kabul hotel", "Helmand province"), not a country
        or a person's title ("US troops", "Kiribati President Anote Tong")."""
        if head.lemma_.lower() in self.cues.container:
            return True
        mention = self.by_root.get(tok.i)
        person = head.ent_type_ in ("PERSON", "ORG", "NORP")
        return mention is not None and mention.place.precision == "city" and not person

    def _is_trigger(self, tok, event: Event) -> bool:
        return event.trigger.start <= tok.idx < event.trigger.end

    def words(self, start: int, mention: PlaceMention, end: int = 0) -> str:
        """The document's words from `start` to the end of the place name (or `end`), shortened
        when long: "in the city of Istanbul", "on ... Kharkiv"."""
        end = max(end, mention.end)
        text = " ".join(text_of(self.doc)[min(start, mention.start) : end].split())
        if len(text.split()) <= 8:
            return text
        return f"{text.split()[0]} ... {mention.text}"

    # -- one event -------------------------------------------------------------------------

    def heads(self, event: Event) -> list:
        """Where the phrase search starts: the trigger's root and ends (a verb and its noun,
        "reach ... deal"), and for a noun trigger the verb that governs it."""
        span = self.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is None or not len(span):
            return []
        out = list(dict.fromkeys([span.root, span[0], span[-1]]))
        if span.root.pos_ in ("NOUN", "PROPN"):
            verb = governing_predicate(span.root)
            if verb is not None and verb not in out:
                out.append(verb)
        return out

    def _starts(self, event: Event) -> list:
        """The tokens the phrase search starts from: the trigger's words, and for a noun
        trigger the prepositional phrases on its verb ("talks were held in Doha"), not the
        verb's other arguments ("the proposal followed a meeting in Kyiv")."""
        heads = self.heads(event)
        own = [h for h in heads if self._is_trigger(h, event)] or heads[:1]
        for verb in heads:
            if verb in own:
                continue
            own += [c for c in verb.children if c.dep_ == "prep" and c not in own]
        return own

    def in_phrase(self, event: Event) -> Found | None:
        heads = self._starts(event)
        if not heads:
            return None
        trigger = heads[0]
        quote = _in_quote(self.doc, trigger)
        depth = {h.i: 0 for h in heads}
        frontier = list(heads)
        found: list[tuple[tuple[int, int], PlaceMention, int]] = []
        while frontier:
            tok = frontier.pop(0)
            d = depth[tok.i]
            mention = self.by_root.get(tok.i)
            # A place in a quotation the trigger is not in is what the quotation is about.
            if mention is not None and _in_quote(self.doc, tok) == quote:
                start = self.locative(tok, event)
                if start is not None:
                    found.append(((d, abs(tok.i - trigger.i)), mention, start))
            if d >= MAX_DEPTH:
                continue
            for child in tok.children:
                if child.dep_ in CLOSED or child.i in depth:
                    continue
                depth[child.i] = d + 1
                frontier.append(child)
        if not found:
            return None
        found.sort(key=lambda f: f[0])
        _, mention, start = found[0]
        # A city inside the chosen country or state, in the same phrase, is the more precise
        # place: "clashes in Goma in eastern Congo", "in Syria's northern city of Aleppo".
        inside = [f for f in found[1:] if _within(f[1].place, mention.place)]
        if inside:
            _, mention, start = inside[0]
        # "in the capital of Latvia", "in Turkey's capital": the capital city.
        place = mention.capital if mention.place.precision == "country" else None
        end = 0
        if place is not None and self.doc[mention.root].dep_ == "poss":
            noun = self.doc[mention.root].head
            end = noun.idx + len(noun.text)
        return Found(mention, "phrase", self.words(start, mention, end), trigger.text, place)

    def in_sentence(self, event: Event, taken: set[int]) -> Found | None:
        """The sentence's one place in an `at` phrase on the trigger's own clause or on a
        clause above it (on its verb or its subject), when the phrase is on no other event's
        trigger (`taken`: token indices of the other events' heads)."""
        heads = self.heads(event)
        if not heads:
            return None
        above = set(_clause_and_above(heads[0]))
        found: dict[tuple, tuple[PlaceMention, str]] = {}
        for m in self.mentions:
            if m.sentence != event.sentence or m.root < 0:
                continue
            tok = self.doc[m.root]
            prep = tok.head
            if tok.dep_ != "pobj" or prep.lower_ not in self.cues.at:
                continue
            if prep.head.i in taken:
                return None
            # On a clause or on its subject ("officials in Kharkiv said"), not on some other
            # noun ("followed a meeting in Kyiv" does not place what followed).
            on_clause = prep.head.pos_ in ("VERB", "AUX") or prep.head.dep_ in SUBJECTS
            if not on_clause or _clause(prep) not in above:
                continue
            found.setdefault(_key(m.place), (m, self.words(prep.idx, m)))
        one = _innermost([m for m, _ in found.values()])
        if one is None:
            return None
        return Found(one, "sentence", found[_key(one.place)][1])

    # -- fallbacks: the sentence's only place, the dateline -----------------------------------

    def where_named(self, m: PlaceMention, event: Event) -> bool:
        """`m` is named in the event's sentence as a place where something is or is done: in a
        locative phrase ("officials in Kabul"), as what a verb acts on ("shelling Mariupol")
        or modifying a noun ("the Jenin camp"); not as an actor ("Russia accused ...",
        "Egypt's army"), whose an office is ("the Baghdad government"), in a participant's
        description (a relative clause without the trigger) or in a quotation the trigger is
        not in."""
        if m.label == "dateline" or m.root < 0 or m.sentence != event.sentence:
            return False
        tok = self.doc[m.root]
        trigger = self._trigger(event) or tok
        if _in_quote(self.doc, tok) != _in_quote(self.doc, trigger):
            return False
        if any(a.dep_ == "relcl" and trigger not in a.subtree for a in tok.ancestors):
            return False
        if tok.dep_ == "pobj":
            prep = tok.head
            if prep.lower_ == "of" and prep.head.lemma_.lower() in self.cues.container:
                return True
            return self._preposition_ok(prep, event)
        if tok.dep_ == "dobj":
            return tok.head.lemma_.lower() in self.cues.target | self.cues.mover
        if tok.dep_ in MODIFIERS and tok.head.pos_ in ("NOUN", "PROPN"):
            head = tok.head
            return self._city_modifier(tok, head) and head.lemma_.lower() not in self.cues.seat
        return False

    def _trigger(self, event: Event):
        heads = self.heads(event)
        return heads[0] if heads else None

    def only_place(self, event: Event) -> Found | None:
        """The one place the event's sentence names as where something is (`where_named`),
        when it names exactly one; the parse does not tie it to the trigger, so its `why`
        says so."""
        found = {_key(m.place): m for m in self.mentions if self.where_named(m, event)}
        mention = _innermost(list(found.values()))
        if mention is None:
            return None
        tok = self.doc[mention.root]
        start = tok.head.idx if tok.dep_ == "pobj" else mention.start
        return Found(mention, "only", self.words(start, mention))

    def dateline(self, event: Event) -> Found | None:
        """The article's dateline, for an event whose sentence names no place as where
        something is (`where_named`; a country as an actor does not count)."""
        line = next((m for m in self.mentions if m.label == "dateline"), None)
        if line is None or any(self.where_named(m, event) for m in self.mentions):
            return None
        return Found(line, "dateline", line.text)

    # -- the meeting's venue -----------------------------------------------------------------

    def venues(self) -> list[tuple[PlaceMention, str]]:
        """Cities the document names as a meeting's venue, with the words that say so."""
        out = []
        venue = self.cues.venue
        for m in self.mentions:
            if m.place.precision != "city" or m.root < 0:
                continue
            tok = self.doc[m.root]
            prep = tok.head
            if tok.dep_ == "pobj" and prep.lower_ in self.cues.at | self.cues.motion:
                head = prep.head
                objects = [c for c in head.children if c.dep_ == "dobj"]
                if any(w.lemma_.lower() in venue for w in (head, *objects)):
                    out.append((m, f"{head.text} ... {prep.text} {m.text}"))
                continue
            for child in tok.children:  # "Istanbul as the location for the meeting"
                if child.dep_ == "prep" and child.lower_ == "as":
                    pobj = [g for g in child.children if g.dep_ == "pobj"]
                    if pobj and pobj[0].lemma_.lower() in venue:
                        out.append((m, f"{m.text} as the {pobj[0].text}"))
        return out

    def refine(self, event: Event, found: Found, venues) -> tuple[PlaceMention, str] | None:
        if event.event_type != "CONSULT" or found.place.precision != "country":
            return None
        country = found.place.country
        inside = {
            m.place.geonameid: (m, words) for m, words in venues if m.place.country == country
        }
        if len(inside) != 1:
            return None
        return next(iter(inside.values()))


QUOTES = {'"', "\u201c", "\u201d"}


def _in_quote(doc, tok) -> int:
    """Which quotation of its sentence `tok` stands in (1, 2, ...), 0 when in none."""
    marks = 0
    for t in tok.sent:
        if t.i >= tok.i:
            break
        if t.text in QUOTES:
            marks += 1
    return (marks + 1) // 2 if marks % 2 else 0


def _within(inner, outer) -> bool:
    """`inner` is a city inside `outer`, a country or a state, or a region inside a country."""
    if inner.country != outer.country or outer.precision == "city":
        return False
    if inner.precision == "admin1":
        return outer.precision == "country"
    return inner.precision == "city" and (
        outer.precision == "country" or inner.admin1 == outer.admin1
    )


def _clause(tok):
    """The verb whose clause holds `tok` (the first verb above it; the root when none)."""
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return cur


def _clause_and_above(tok) -> list:
    """`tok`'s clause verb and every verb above it, up to the root."""
    out = [_clause(tok) if tok.pos_ not in ("VERB", "AUX") else tok]
    while out[-1].head.i != out[-1].i:
        out.append(_clause(out[-1]))
    return out


def locate_events(events: list[Event], doc, mentions: Iterable[PlaceMention]) -> None:
    """Set each event's `location` (see the module docstring) and say why."""
    loc = Locator(doc, mentions)
    if not loc.mentions:
        return
    heads = {id(e): {h.i for h in loc.heads(e)} for e in events}
    venues = None
    unplaced: list[Event] = []
    placed: dict[tuple, Found] = {}  # the places the events' own sentences gave them
    for event in events:
        found = loc.in_phrase(event)
        if found is None:
            taken = set().union(*(h for k, h in heads.items() if k != id(event)))
            found = loc.in_sentence(event, taken)
        if found is None:
            found = loc.only_place(event) or loc.dateline(event)
        if found is None:
            unplaced.append(event)
            continue
        if found.how != "dateline":
            placed.setdefault(_key(found.place), found)
        why = found.why()
        place = found.place
        if venues is None:
            venues = loc.venues()
        refined = loc.refine(event, found, venues)
        if refined is not None:
            venue, words = refined
            place = venue.place
            why += (
                f", refined to the meeting venue '{place.name}' named in sentence "
                f"{venue.sentence} ('{words}')"
            )
        event.location = place
        event.why = f"{event.why}; {why}" if event.why else why
    # An event whose sentence names no place, in a report whose other events all happened in
    # one place, happened there too ("Clashes broke out in Kabul. Three people were killed").
    if len(placed) != 1:
        return
    (found,) = placed.values()
    # Nor when the report names another place as where something is ("attacked a checkpoint
    # in Kandahar and a school in Herat").
    named = {_key(m.place) for e in events for m in loc.mentions if loc.where_named(m, e)}
    if named - set(placed):
        return
    for event in unplaced:
        if event.event_type not in ON_THE_GROUND:
            continue
        if any(loc.where_named(m, event) for m in loc.mentions):
            continue
        why = (
            f"place '{found.place.name}': the one place the report's other events happened "
            "in; its sentence names none"
        )
        event.location = found.place
        event.why = f"{event.why}; {why}" if event.why else why


def _innermost(mentions: list[PlaceMention]) -> PlaceMention | None:
    """The one place of `mentions` (distinct places), counting a city or region and the
    country or state that holds it as one, the more precise: "in Peshawar, Pakistan" or "a
    market in Kabul ... Afghanistan's" is Peshawar or Kabul; None for two unrelated places."""
    for m in mentions:
        if all(o is m or _within(m.place, o.place) for o in mentions):
            return m
    return None


def _key(place: Place) -> tuple:
    return (place.geonameid, place.name, place.country)
