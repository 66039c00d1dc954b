"""Resolve a noun phrase to the actors it names.

`ActorResolver.resolve(span, on)` takes the phrase of a verb's subject or object (a spaCy Span,
usually a token's subtree) and returns one `Actor` per distinct actor in it, in order.

How a phrase is read:

1. **Units.** With a dependency parse, the phrase's root and each `conj`, `appos`, `of`/`from` and
   `including` complement is a unit: the head word with its premodifiers ("Russian President
   Vladimir Putin"). Relative clauses, participles and other prepositional phrases are left out
   ("who visited Kyiv", "in Istanbul"). Without a parse (a blank tokenizer), units are cut at
   commas, "and"/"or" and "of"/"from", and a unit stops at a clause word ("who", "in", "said" ...).
2. **Matching.** The words of a unit are matched greedily, longest first, against the knowledge
   base's phrase index: people, organisations, metonyms, countries (names, adjectives, capitals),
   role words.
3. **One unit -> actors**, in this order:
   (a) a KB person at the head: code from the role held on the date, whatever the title says;
   (b) owners (countries, organisations, metonyms, a possessor's country) x the role word:
       "Kenya's opposition leader" -> KENOPP, "Hungarian and Romanian officials" -> HUNGOV, ROUGOV;
   (c) an owner alone: "Russia" -> RUS, "Moscow" -> RUSGOV (capital as metonym), "NATO" ->
       IGOWSTNAT;
   (d) a role word alone: "police" -> ---COP (PETRARCH's way of writing an agent without country).
4. **Units together.** A role word with an of-complement takes its owners ("the leaders of France
   and Germany" -> FRAGOV, DEUGOV); a bare role word after a conjunction shares a preceding
   adjective ("Israeli troops and police" -> ISRMIL, ISRCOP); an apposition that describes a named
   person is the same actor ("Michael Clarke, a defence analyst" -> one ---EDU actor); a role word
   without a country takes the one country it is placed in ("rebels in the Ivory Coast" -> CIVREB)
   or the national body it comes from ("ministers from the Georgian government" -> GEOGOV); the
   of-complement of a word that is no actor is the actor ("the withdrawal of Russian troops" ->
   RUSMIL), unless the word is a place ("the city of Kyiv"); an apposition that only describes
   the actor before it is not another actor ("Norway, a close NATO partner" -> NOR).

Pronouns and words that are not actors give nothing here; `ActorResolver.document(doc, on)`
(`dotterel.actors.coref`) resolves them inside a document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dotterel.actors.kb import (
    Entry,
    KnowledgeBase,
    Person,
    acceptable,
    raw_words,
    split_sector,
    words,
)
from dotterel.records import Actor

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from dotterel.actors.coref import DocumentActors


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A match may not run across these tokens.
_BARRIERS = {",", ";", ":", "(", ")", "[", "]", '"', "“", "”", "—", "–", "/", "…", "|"}
# Premodifiers that belong to a unit (their whole subtree is taken).
_PREMOD = _wordset(
    "compound amod poss det nmod nummod quantmod predet case flat advmod npadvmod neg nn dep punct"
)
# Dependents after the head that still belong to it ("Kenya 's", "Putin himself" is left out).
_POSTMOD = {"compound", "flat", "case", "nummod"}
# Heads that stand for a part of what their of-complement names ("a group of protesters").
_QUANTIFIERS = _wordset(
    "group groups number numbers dozen dozens hundreds thousands millions some many most all "
    "both each either neither one two three four five several member members majority rest "
    "team pair couple few none any half part contingent unit units battalion battalions "
    "detachment"
)
# A count that, standing alone as a noun phrase in news, counts people.
_CROWDS = _wordset("hundreds thousands millions dozens")


def _bare_crowd(tok) -> bool:
    """ "Thousands" with no "of" complement saying what they are."""
    return tok.lower_ in _CROWDS and not any(c.lower_ == "of" for c in tok.children)


_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "mx"}
# Words that end a unit when there is no parse.
_CLAUSE_WORDS = _wordset(
    "who whom whose which that where when while after before in at on with to for by during "
    "under over into since as said says told has have had is are was were will would against "
    "about near"
)
# Heads whose of-complement is a place, not an actor ("the city of Kyiv", "the north of Syria").
_PLACE_HEADS = _wordset(
    "city cities town towns village villages capital region regions province provinces district "
    "districts area areas outskirts suburb suburbs north south east west centre center heart "
    "streets border borders territory territories coast island islands part parts rest"
)
# Prepositions that place a role word somewhere ("rebels in the Ivory Coast").
_LOCATIVE = _wordset("in throughout across inside")
_PERSON_KINDS = ("person", "surname")
_OWNER_KINDS = ("country", "adjective", "capital", "organisation", "metonym")


@dataclass(slots=True)
class _Item:
    entries: list[Entry]
    start: int  # token index in the doc
    end: int  # exclusive

    @property
    def kind(self) -> str:
        return self.entries[0].kind


@dataclass(slots=True)
class _Owner:
    code: str  # country/region/organisation code
    country: str | None  # ISO3 when it is a country
    default_sector: str  # metonyms and capitals: "GOV"; the Pentagon: "MIL"
    name: str | None
    org: bool
    modifier: bool  # an adjective or possessive before the head ("Israeli troops")
    why: str


@dataclass(slots=True)
class _Unit:
    tokens: list[int]
    head: int
    rel: str  # head, conj, appos, list (comma, no parse), of, incl ("including"), loc ("in")
    parent: int | None
    kind: str = "none"  # person, owned, agent, name, quant, none
    actors: list[Actor] = field(default_factory=list)
    owners: list[_Owner] = field(default_factory=list)
    sector: str | None = None  # from a role word
    role: str | None = None
    name: str | None = None
    adjective_only: bool = False
    moved: list[_Unit] = field(default_factory=list)  # of-complements that took this description
    dropped: bool = False  # an of-complement that is not an actor here ("pressure from X")


class ActorResolver:
    """Resolve noun phrases to actors with a `KnowledgeBase` (see the module docstring)."""

    def __init__(self, kb: KnowledgeBase | None = None):
        self.kb = kb or KnowledgeBase.load()
        self._tok_cache: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool]] = {}
        self._blank: Language | None = None
        self._last: tuple[Doc, str] | None = None

    def _text(self, doc: Doc) -> str:
        # Doc.text is rebuilt from the tokens on every access: keep the last document's text.
        if self._last is None or self._last[0] is not doc:
            self._last = (doc, doc.text)
        return self._last[1]

    # -- public ----------------------------------------------------------------------------------

    def resolve(self, span: Span, on: dt.date | None = None) -> list[Actor]:
        """Every distinct actor named in `span`, in order; `on` (default: today) dates roles."""
        on = on or dt.date.today()
        if not hasattr(span, "doc"):  # a whole Doc
            span = span[:]
        if len(span) == 0:
            return []
        doc = span.doc
        span = _past_preposition(span)
        parsed = doc.has_annotation("DEP") and span.root.pos_ not in ("VERB", "AUX")
        units = self._units_tree(span) if parsed else self._units_linear(span)
        for unit in units:
            self._read(doc, unit, on)
        self._combine(doc, units)
        return _dedupe(units)

    def document(self, doc: Doc, on: dt.date | None = None) -> DocumentActors:
        """The actors of a whole parsed document, with coreference: its `.resolve(span)` also
        resolves pronouns and descriptions to earlier actors (see `dotterel.actors.coref`)."""
        from dotterel.actors.coref import DocumentActors

        return DocumentActors(self, doc, on)

    def resolve_text(
        self, text: str, on: dt.date | None = None, nlp: Language | None = None
    ) -> list[Actor]:
        """Resolve a noun phrase given as text. With `nlp` (a full pipeline) the phrase is parsed;
        without, a blank English tokenizer is used and the phrase is read without a parse."""
        if nlp is None:
            if self._blank is None:
                import spacy

                self._blank = spacy.blank("en")
            nlp = self._blank
        doc = nlp(text)
        return self.resolve(doc[:], on)

    # -- units -----------------------------------------------------------------------------------

    def _units_tree(self, span: Span) -> list[_Unit]:
        lo, hi = span.start, span.end
        units: list[_Unit] = []

        def core(tok) -> list[int]:
            idx = {tok.i}
            for child in tok.children:
                if not (lo <= child.i < hi):
                    continue
                if child.dep_ in _PREMOD and (child.i < tok.i or child.dep_ in _POSTMOD):
                    if child.dep_ == "punct" and child.text in _BARRIERS:
                        continue
                    idx.update(
                        t.i
                        for t in child.subtree
                        if lo <= t.i < hi and t.dep_ not in ("relcl", "acl")
                    )
            return sorted(idx)

        def walk(tok, rel: str, parent: int | None) -> None:
            units.append(_Unit(tokens=core(tok), head=tok.i, rel=rel, parent=parent))
            me = len(units) - 1
            for child in tok.children:
                if not (lo <= child.i < hi):
                    continue
                if child.dep_ == "conj":
                    # Conjuncts of an of-complement stay complements of the same head.
                    walk(child, "of" if rel == "of" else "conj", parent if rel == "of" else me)
                elif child.dep_ == "appos":
                    walk(child, "appos", me)
                elif child.dep_ == "prep" and child.lower_ in ("of", "from", "including"):
                    # "including" lists members of a collective: they are actors in their own right.
                    rel_p = "incl" if child.lower_ == "including" else "of"
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and lo <= pobj.i < hi:
                            walk(pobj, rel_p, me)
                elif child.dep_ == "prep" and child.lower_ in _LOCATIVE and rel == "head":
                    # "rebels in the Ivory Coast": where a role word is, never an actor itself.
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and lo <= pobj.i < hi:
                            units.append(
                                _Unit(tokens=core(pobj), head=pobj.i, rel="loc", parent=me)
                            )

        walk(span.root, "head", None)
        return units

    def _units_linear(self, span: Span) -> list[_Unit]:
        units: list[_Unit] = []
        cur: list[int] = []
        rel, parent, skipping = "head", None, False
        of_parent: int | None = None

        def close() -> None:
            nonlocal cur, rel, parent
            toks = [i for i in cur if not span.doc[i].is_punct]
            if toks:
                units.append(_Unit(tokens=cur, head=toks[-1], rel=rel, parent=parent))
            cur = []

        for tok in span:
            low = tok.lower_
            if tok.text in (",", ";") or low in ("and", "or", "&", "nor"):
                had = bool(cur)
                close()
                skipping = False
                if units and had:
                    if of_parent is not None and low in ("and", "or", "&"):
                        rel, parent = "of", of_parent
                    else:
                        rel, parent = ("list" if tok.text == "," else "conj"), len(units) - 1
                        of_parent = None
                continue
            if skipping:
                continue
            if low in ("of", "from") and cur:
                close()
                if units:
                    of_parent = len(units) - 1
                    rel, parent = "of", of_parent
                continue
            if low in _CLAUSE_WORDS:
                close()
                skipping = True
                continue
            cur.append(tok.i)
        close()
        return units

    # -- matching --------------------------------------------------------------------------------

    def _tok(self, text: str) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
        info = self._tok_cache.get(text)
        if info is None:
            raw = raw_words(text)
            low = tuple(w.casefold() for w in raw)
            barrier = (not raw) and (text in _BARRIERS or not text.strip())
            info = (low, raw, barrier)
            if len(self._tok_cache) > 100_000:
                self._tok_cache.clear()
            self._tok_cache[text] = info
        return info

    def _match(self, doc: Doc, tokens: list[int]) -> list[_Item]:
        """Greedy longest match of the phrase index over runs of consecutive tokens."""
        index, prefixes = self.kb.index, self.kb.prefixes
        items: list[_Item] = []
        i, n = 0, len(tokens)
        while i < n:
            best: tuple[int, list[Entry]] | None = None
            key: tuple[str, ...] = ()
            raw: tuple[str, ...] = ()
            for j in range(i, n):
                if j > i and tokens[j] != tokens[j - 1] + 1:
                    break
                low, rw, barrier = self._tok(doc[tokens[j]].text)
                if barrier or (not low and j == i):
                    break
                if not low:
                    continue  # a hyphen or full stop inside a name
                key += low
                raw += rw
                if key not in prefixes:
                    break
                found = index.get(key)
                if found:
                    ok = [e for e in found if acceptable(e, raw)]
                    if ok:
                        best = (j, ok)
            if best is None:
                i += 1
                continue
            j, entries = best
            items.append(_Item(entries, tokens[i], tokens[j] + 1))
            i = j + 1
        return items

    # -- one unit --------------------------------------------------------------------------------

    def _person(self, item: _Item, on: dt.date) -> Person | None:
        people: list[Person] = []
        for kind in _PERSON_KINDS:
            people = _unique_refs(e for e in item.entries if e.kind == kind)
            if people:
                break
        if len(people) > 1:
            people = [p for p in people if p.roles_on(on)] or people
        return people[0] if len(people) == 1 else None

    def _read(self, doc: Doc, unit: _Unit, on: dt.date) -> None:
        items = self._match(doc, unit.tokens)
        covered = {t for it in items for t in range(it.start, it.end)}
        items = [it for it in items if not self._part_of_a_name(doc, it, unit, covered)]
        covered = {t for it in items for t in range(it.start, it.end)}
        head_item = next((it for it in items if it.start <= unit.head < it.end), None)
        text_start, text_end = _char_span(doc, unit.tokens)
        text = self._text(doc)[text_start:text_end]

        # (a) a KB person at the head.
        persons = [(it, self._person(it, on)) for it in items if it.kind in _PERSON_KINDS]
        head_person = None
        for it, p in persons:
            if p is not None and it is head_item:
                head_person = (it, p)
        if head_person is None and head_item is None and not self._is_name(doc[unit.head]):
            # "Putin's proposal": the head is not an actor word, so the possessor is the actor.
            owned = [(it, p) for it, p in persons if p is not None and _possessive(doc, it)]
            head_person = owned[-1] if owned else None
        if head_person is not None:
            unit.kind = "person"
            unit.actors = [self._person_actor(head_person[1], on, text, text_start, text_end)]
            unit.name = head_person[1].name
            return

        # Owners and role words.
        owners: list[_Owner] = []
        agents = []
        extra: list[Actor] = []
        for it in items:
            kind = it.kind
            modifier = it is not head_item or _possessive(doc, it)
            if kind in _PERSON_KINDS:
                p = self._person(it, on)
                if p is not None and _coordinated(doc, it, unit.tokens):
                    # "Zelenskyy and European leaders" parsed as one phrase: a separate actor.
                    s, e = doc[it.start].idx, doc[it.end - 1].idx + len(doc[it.end - 1])
                    extra.append(self._person_actor(p, on, self._text(doc)[s:e], s, e))
                elif p is not None:
                    owners.append(self._person_owner(p, on))
                else:
                    covered -= set(range(it.start, it.end))  # ambiguous surname: just a name
            elif kind in _OWNER_KINDS:
                owners.append(self._owner(it, modifier, doc[it.start : it.end].text))
            elif kind == "agent":
                agents.append(it)
        # "Hungarian" in "Hungarian and Romanian officials" when the parse (or no parse) cut it off.
        unit.adjective_only = (
            len(owners) == 1
            and not agents
            and head_item is not None
            and any(e.kind == "adjective" for e in head_item.entries)
        )
        name_toks = [t for t in unit.tokens if t not in covered and self._is_name(doc[t])]
        if len(name_toks) == 1 and not doc[name_toks[0]].pos_ and name_toks[0] == unit.tokens[0]:
            name_toks = []  # without a parse, one capitalised first word is not taken for a name
        unit.name = " ".join(doc[t].text for t in name_toks) or None
        unit.owners = _unique_owners(owners)
        if agents:
            unit.sector, unit.role = _choose_sector(doc, agents)
        if unit.owners:
            unit.kind = "owned"
        elif unit.sector:
            unit.kind = "agent"
        elif unit.name:
            unit.kind = "name"
        elif _bare_crowd(doc[unit.head]):
            # "Thousands rallied", "hundreds were arrested": a count of people, unnamed
            unit.sector, unit.role, unit.kind = "PPL", doc[unit.head].lower_, "agent"
        elif doc[unit.head].lower_ in _QUANTIFIERS:
            unit.kind = "quant"
        unit.actors = extra + self._owned_actors(unit, unit.owners, text, text_start, text_end)

    def _owned_actors(
        self, unit: _Unit, owners: list[_Owner], text: str, start: int, end: int
    ) -> list[Actor]:
        out = []
        if owners:
            for o in owners:
                out.append(
                    self._owner_actor(o, unit.sector, unit.role, unit.name, text, start, end)
                )
        elif unit.sector:
            why = f"role word '{unit.role}' ({unit.sector}), no country in the phrase"
            out.append(
                Actor(
                    text=text,
                    code="---" + unit.sector,
                    name=unit.name,
                    country=None,
                    sector=split_sector(unit.sector),
                    role=unit.role,
                    start=start,
                    end=end,
                    why=why,
                )
            )
        return out

    def _owner_actor(
        self,
        o: _Owner,
        sector: str | None,
        role: str | None,
        name: str | None,
        text: str,
        start: int,
        end: int,
    ) -> Actor:
        if o.org:
            # An organisation keeps its own code: "NATO officials" are NATO.
            org = o
            why = o.why + (f" (role word '{role}')" if role else "")
            return Actor(
                text=text,
                code=org.code,
                name=name or org.name,
                country=org.country,
                sector=_org_sector(org.code, org.country),
                role=role,
                start=start,
                end=end,
                why=why,
            )
        sec = sector or o.default_sector
        why = o.why
        if sector:
            why += f" + role word '{role}' ({sector})"
        elif o.default_sector:
            role = None
        return Actor(
            text=text,
            code=o.code + sec,
            name=name if (name or sec) else o.name,
            country=o.country,
            sector=split_sector(sec),
            role=role,
            start=start,
            end=end,
            why=why,
        )

    def _person_actor(self, p: Person, on: dt.date, text: str, start: int, end: int) -> Actor:
        roles = p.roles_on(on)
        if roles:
            r = roles[0]
            if r.in_organisation:
                code, country, sector = r.country + r.sector, None, _org_sector(r.country, None)
            else:
                code, country, sector = r.code, r.country, split_sector(r.sector)
            why = f"KB person '{p.name}': {r.role} of {r.country} on {on.isoformat()}"
            return Actor(
                text=text,
                code=code,
                name=p.name,
                country=country,
                sector=sector,
                kb_id=p.kb_id,
                role=r.role,
                start=start,
                end=end,
                why=why,
            )
        r = p.nearest_role(on)
        country = None if (r is None or r.in_organisation) else r.country
        role = (
            None if r is None else (r.role if r.role.startswith("former") else f"former {r.role}")
        )
        why = f"KB person '{p.name}': no role on {on.isoformat()}" + (
            f"; nearest: {r.role} of {r.country}, coded as elite" if r else ""
        )
        return Actor(
            text=text,
            code=(country or "---") + "ELI",
            name=p.name,
            country=country,
            sector=["ELI"],
            kb_id=p.kb_id,
            role=role,
            start=start,
            end=end,
            why=why,
        )

    def _person_owner(self, p: Person, on: dt.date) -> _Owner:
        roles = p.roles_on(on)
        r = roles[0] if roles else p.nearest_role(on)
        why = f"possessor '{p.name}'"
        if r is None:
            return _Owner("---", None, "", None, False, True, why)
        if r.in_organisation:
            return _Owner(r.country, None, "", None, True, True, why + f" of {r.country}")
        c = self.kb.countries.get(r.country)
        return _Owner(
            r.country,
            r.country,
            "",
            c.name if c else r.country,
            False,
            True,
            why + f" of {r.country}",
        )

    def _owner(self, it: _Item, modifier: bool, text: str) -> _Owner:
        e = it.entries[0]
        ref = e.ref
        if e.kind in ("country", "adjective"):
            why = f"country {'name' if e.kind == 'country' else 'adjective'} '{text}' -> {ref.iso3}"
            return _Owner(
                ref.iso3, ref.iso3, "", ref.name, False, modifier or e.kind == "adjective", why
            )
        if e.kind == "capital":
            why = f"capital '{text}' as metonym for the government of {ref.iso3}"
            return _Owner(ref.iso3, ref.iso3, "GOV", ref.name, False, modifier, why)
        if e.kind == "organisation":
            why = f"organisation '{text}' -> {ref.code}"
            return _Owner(ref.code, ref.country, "", ref.name, True, modifier, why)
        # A metonym: a country or region code with a default sector.
        country = ref.code if ref.code in self.kb.countries else None
        c = self.kb.countries.get(ref.code)
        why = f"metonym '{text}' -> {ref.code}{ref.sector}"
        name = c.name if c else ref.term
        return _Owner(ref.code, country, ref.sector, name, False, modifier, why)

    def _part_of_a_name(self, doc: Doc, it: _Item, unit: _Unit, covered: set[int]) -> bool:
        """'Michael Jordan' is not Jordan, 'Michael Carney' is not Mark Carney: a country name or a
        bare surname right after an unmatched first name belongs to that name."""
        prev = it.start - 1
        if prev not in unit.tokens or prev in covered or not self._is_name(doc[prev]):
            return False
        if it.kind in ("country", "capital"):
            return True
        if it.kind in _PERSON_KINDS and len(words(doc[it.start : it.end].text)) == 1:
            first = words(doc[prev].text)
            people = _unique_refs(e for e in it.entries if e.kind in _PERSON_KINDS)
            # A transliteration of the same first name (Andrii/Andriy/Andrei) keeps the person.
            return not any(first and words(p.name)[0][:3] == first[0][:3] for p in people)
        return False

    @staticmethod
    def _is_name(tok) -> bool:
        text = tok.text
        if not text[:1].isupper() or tok.is_punct or text.lower().strip(".") in _HONORIFICS:
            return False
        if tok.pos_:
            return tok.pos_ == "PROPN"
        return not tok.is_stop and not (
            tok.is_sent_start and tok.i == 0 and text.lower() in ("the", "a", "an")
        )

    # -- units together --------------------------------------------------------------------------

    def _combine(self, doc: Doc, units: list[_Unit]) -> None:
        for u in units:
            if u.parent is None:
                continue
            p = units[u.parent]
            if u.rel == "loc":
                self._loc(doc, p, u)
            elif u.rel == "of":
                self._of(doc, p, u)
            elif u.rel == "conj" and p.dropped and p.rel == "incl":
                u.actors, u.dropped = [], True
            elif u.rel == "conj":
                self._conj(doc, p, u)
            elif u.rel in ("appos", "list"):
                self._appos(doc, p, u)
            elif u.rel == "incl" and p.dropped:
                u.actors, u.dropped = [], True
        # "Hungarian and Romanian officials" without a parse that joins the adjectives.
        for i, u in enumerate(units[:-1]):
            nxt = units[i + 1]
            shared = nxt.sector and nxt.owners and all(o.modifier for o in nxt.owners)
            if u.adjective_only and nxt.rel == "conj" and nxt.parent == i and shared:
                u.sector, u.role = nxt.sector, nxt.role
                start, end = _char_span(doc, u.tokens + nxt.tokens)
                u.actors = self._owned_actors(u, u.owners, self._text(doc)[start:end], start, end)

    def _of(self, doc: Doc, p: _Unit, u: _Unit) -> None:
        if p.kind in ("agent", "name") and u.kind == "owned" and not u.sector:
            # "the leaders of France and Germany", "Trentino of Sylvania"
            start, end = _char_span(doc, p.tokens + u.tokens)
            text = self._text(doc)[start:end]
            u.actors = [
                self._owner_actor(o, p.sector, p.role, p.name, text, start, end) for o in u.owners
            ]
            p.actors = []
            p.moved.append(u)
        elif (
            p.kind == "agent"
            and u.kind == "owned"
            and u.sector
            and len(u.owners) == 1
            and u.owners[0].country
            and doc[u.head].head.lower_ == "from"
        ):
            # "ministers from the Georgian government": one actor, of that country.
            start, end = _char_span(doc, p.tokens + u.tokens)
            p.owners = [replace_owner(u.owners[0], why=u.owners[0].why + " ('from')")]
            p.kind = "owned"
            p.actors = self._owned_actors(p, p.owners, self._text(doc)[start:end], start, end)
            u.actors = []
            u.dropped = True
        elif p.kind == "quant" or (p.kind in ("agent", "name") and u.actors):
            return  # "a group of protesters"; "leaders of the rebels": both kept
        elif p.kind == "none" and u.actors and doc[p.head].lower_ not in _PLACE_HEADS:
            # "the withdrawal of Serbian forces", "the rights of Palestinians": the actor is the
            # complement, as "Putin's proposal" is Putin (but "the city of Kyiv" is a place).
            return
        else:
            u.actors = []  # "Putin of Russia", "the north of Syria": not a new actor
            u.dropped = True

    def _loc(self, doc: Doc, p: _Unit, u: _Unit) -> None:
        """'Rebels in the Ivory Coast', 'opposition groups in Zimbabwe': a role word without a
        country takes the one country it is placed in."""
        countries = [o for o in u.owners if o.country and not o.org and not o.modifier]
        if p.kind == "agent" and not p.owners and len(countries) == 1 and not u.sector:
            o = countries[0]
            start, end = _char_span(doc, p.tokens)
            text = self._text(doc)[start:end]
            place = replace_owner(o, why=f"{o.why}, where the {p.role} are")
            p.owners = [place]
            p.kind = "owned"
            p.actors = self._owned_actors(p, p.owners, text, start, end)
        u.actors = []
        u.dropped = True

    def _conj(self, doc: Doc, p: _Unit, u: _Unit) -> None:
        if (
            u.kind == "agent"
            and p.kind == "owned"
            and p.owners
            and all(o.modifier for o in p.owners)
        ):
            # "Israeli troops and police": the adjective is shared.
            start, end = _char_span(doc, u.tokens)
            u.owners = [o for o in p.owners if not o.org] or p.owners
            u.actors = self._owned_actors(u, u.owners, self._text(doc)[start:end], start, end)

    def _appos(self, doc: Doc, p: _Unit, u: _Unit) -> None:
        def description(x: _Unit) -> bool:
            return x.kind in ("agent", "owned") and x.sector is not None and x.name is None

        if (
            u.kind == "owned"
            and not u.sector
            and u.name is None
            and p.kind in ("owned", "person", "name")
            and u.owners
            and all(o.modifier for o in u.owners)
            and doc[u.head].pos_ == "NOUN"
        ):
            # "Pakistan, a key U.S. ally": a description of the actor before it, not an actor.
            u.actors = []
            return

        if description(u) and p.kind in ("person", "name"):
            if p.kind == "name":
                # "Michael Clarke, a defence analyst": one actor, named.
                start, end = _char_span(doc, p.tokens + u.tokens)
                p.sector, p.role = u.sector, u.role
                p.actors = self._owned_actors(p, u.owners, self._text(doc)[start:end], start, end)
                for a in p.actors:
                    a.name = p.name
            u.actors = []
        elif (description(p) or p.moved) and (
            u.kind in ("person", "name") or (u.kind == "agent" and u.name and not u.owners)
        ):
            if u.kind == "person":
                # "The president of Russia, Vladimir Putin": the description is the person.
                for m in p.moved:
                    m.actors = []
            elif p.moved:
                start, end = _char_span(doc, p.tokens + u.tokens)
                u.actors = [a for m in p.moved for a in m.actors]
                for m in p.moved:
                    m.actors = []
                for a in u.actors:
                    a.name, a.text, a.start, a.end = u.name, self._text(doc)[start:end], start, end
            else:
                # "The US commander in Iraq, General David Petraeus": the description's country;
                # the name's own title (General: MIL) where it has one.
                start, end = _char_span(doc, p.tokens + u.tokens)
                if not u.sector:
                    u.sector, u.role = p.sector, p.role
                u.actors = self._owned_actors(u, p.owners, self._text(doc)[start:end], start, end)
                for a in u.actors:
                    a.name = u.name
            p.actors = []


# ----------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------


def replace_owner(o: _Owner, why: str) -> _Owner:
    return _Owner(o.code, o.country, o.default_sector, o.name, o.org, True, why)


def _past_preposition(span: Span) -> Span:
    """'to five Panamanian army officers' -> the noun phrase after the preposition."""
    root = span.root
    if root.pos_ != "ADP" and root.dep_ not in ("prep", "agent"):
        return span
    for child in root.children:
        if child.dep_ == "pobj" and span.start <= child.i < span.end:
            lo = max(child.left_edge.i, span.start)
            hi = min(child.right_edge.i + 1, span.end)
            return span.doc[lo:hi]
    return span


def _char_span(doc: Doc, tokens: list[int]) -> tuple[int, int]:
    toks = sorted(t for t in tokens if not (doc[t].is_punct and doc[t].text in _BARRIERS))
    if not toks:
        toks = sorted(tokens)
    first, last = doc[toks[0]], doc[toks[-1]]
    return first.idx, last.idx + len(last.text)


def _coordinated(doc: Doc, it: _Item, tokens: list[int]) -> bool:
    """The match is followed, inside the unit, by 'and'/'or' or a comma."""
    nxt = it.end
    return nxt in tokens and doc[nxt].lower_ in ("and", "or", ",", "&")


def _possessive(doc: Doc, it: _Item) -> bool:
    if it.end < len(doc) and doc[it.end].lower_ in ("'s", "’s", "'", "’"):
        return True
    return doc[it.end - 1].dep_ == "poss"


def _choose_sector(doc: Doc, agents: list[_Item]) -> tuple[str, str]:
    """The deciding role word: the last specific one, else the last generic; 'former' -> ELI."""
    roles = [(it, it.entries[0].ref) for it in agents]
    specific = [(it, a) for it, a in roles if a.kind == ""]
    generic = [(it, a) for it, a in roles if a.kind == "generic"]
    override = [(it, a) for it, a in roles if a.kind == "override"]
    main = (specific or generic or override)[-1]
    sector = main[1].sector
    if override and (specific or generic):
        sector = override[-1][1].sector
    first = min(it.start for it, _ in roles)
    last = max(it.end for it, _ in roles)
    role = doc[first:last].text.lower()
    return sector, role


def _org_sector(code: str, country: str | None) -> list[str]:
    if country:
        return split_sector(code[3:])
    return [code[:3]]


def _unique_refs(entries) -> list:
    seen, out = set(), []
    for e in entries:
        if id(e.ref) not in seen:
            seen.add(id(e.ref))
            out.append(e.ref)
    return out


def _unique_owners(owners: list[_Owner]) -> list[_Owner]:
    seen, out = set(), []
    for o in owners:
        if o.code not in seen:
            seen.add(o.code)
            out.append(o)
    return out


def _dedupe(units: list[_Unit]) -> list[Actor]:
    actors = [(a.start, n, a) for n, u in enumerate(units) for a in u.actors]
    actors.sort(key=lambda x: (x[0], x[1]))
    seen, out = set(), []
    for _, _, a in actors:
        key = (a.code, a.name, a.kb_id)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


_DEFAULT: ActorResolver | None = None


def resolve_text(text: str, on: dt.date | None = None, nlp: Language | None = None) -> list[Actor]:
    """Resolve a noun phrase given as text with a shared default resolver.

    See `ActorResolver.resolve_text`."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = ActorResolver()
    return _DEFAULT.resolve_text(text, on, nlp)
