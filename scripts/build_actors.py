#!/usr/bin/env python3
# ruff: noqa: E501  (the hand tables below keep one fact a line, however long)
"""Build the actor knowledge base files in src/dotterel/data/actors/ from ../shared/data/kb.

    python scripts/build_actors.py [--kb DIR] [--out DIR] [--check]

What is derived and what is curated here (SOURCES.md in the output folder says it for readers):

* countries.tsv: derived from mledoze/countries (ODbL) and the NGEC nationality list (MIT), plus
  the COUNTRY_HAND table (aliases such as "Turkey"), COUNTRY_CONFLICTS (ambiguous demonyms) and
  CAPITAL_BLOCK (capitals too ambiguous to read as a government).
* agents.tsv: derived from Phoenix.agents.txt (PETRARCH2, MIT), plus AGENT_HAND rows that add or
  override terms (analyst -> EDU, spokesman -> generic GOV, leader/official -> generic GOV).
* organisations.tsv: ORGANISATIONS; codes are checked against Phoenix.International.actors.txt.
* metonyms.tsv: METONYMS (the Kremlin, the White House, regions such as "European").
* people.tsv: PEOPLE (dated roles curated from the public record); Wikidata QIDs are filled from
  the leaders folder (Wikidata CC0 via every-politician; open-data-archive CC BY-SA 4.0) where a
  name matches, and the current holders listed there are compared with ours.

Hand tables are text: one row a line, fields separated by " | ", lists inside a field by ";".
The output is deterministic: the same inputs give byte-identical files. `--check` builds in
memory, prints the comparisons and writes nothing.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import actors_leaders  # the world-leaders tables and the wd21 reader (a sibling of this script)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_KB = ROOT.parent / "shared" / "data" / "kb"
DEFAULT_OUT = ROOT / "src" / "dotterel" / "data" / "actors"

# ----------------------------------------------------------------------------------------------
# Hand tables: countries
# ----------------------------------------------------------------------------------------------

# mledoze uses "UNK" for Kosovo; CAMEO/PETRARCH use KSV, which we keep so codes match Phoenix data.
CODE_OVERRIDES = {"UNK": "KSV"}

# Names shown as Actor.name where mledoze's common name is not the usual English one in news.
NAME_OVERRIDES = {"KSV": "Kosovo", "COG": "Republic of the Congo"}

# Extra aliases / adjectives / capitals (;-separated), added before what the sources give.
COUNTRY_HAND = """
# iso3 | aliases | adjectives | capitals
TUR | Turkey; Türkiye; Turkiye; Republic of Turkey | Turk; Turks
CIV | Côte d'Ivoire; Cote d'Ivoire; Ivory Coast
USA | United States; United States of America; U.S.; US; USA; U.S.A.; America | American; Americans; U.S.; US | Washington; Washington D.C.; Washington DC
GBR | United Kingdom; UK; U.K.; Britain; Great Britain; England; Scotland; Wales | British; Briton; Britons; Brits; UK; U.K.; English; Scottish; Welsh
DNK |  | Dane; Danes
POL |  | Poles
SLB |  | Solomon Islander; Solomon Islanders
RUS | Russian Federation
UKR | the Ukraine |  | Kyiv; Kiev
CHN | People's Republic of China; PRC; mainland China
TWN | Republic of China; Taiwan
KOR | South Korea; Republic of Korea; ROK; Korea | South Korean; South Koreans; Korean; Koreans
PRK | North Korea; DPRK | North Korean; North Koreans
IRN | Islamic Republic of Iran
SYR | Syrian Arab Republic
PSE | Palestinian territories; Gaza; Gaza Strip; West Bank
SAU | Saudi | Saudi; Saudis
ARE | UAE; U.A.E.; Emirates | Emirati; Emiratis
NLD | the Netherlands; Holland
CZE | Czech Republic; Czechia
MKD | North Macedonia; Macedonia; FYROM
MMR | Burma
COD | DRC; DR Congo; Democratic Republic of Congo; Congo-Kinshasa; Zaire; Congo
COG | Republic of the Congo; Republic of Congo; Congo-Brazzaville
VAT | Holy See; Vatican
KSV | Kosovo; Republic of Kosovo | Kosovar; Kosovars; Kosovan
BIH | Bosnia; Bosnia-Herzegovina
PHL |  | Philippine
DEU |  | Germans
FRA |  | French
ISR |  | Israeli; Israelis
IRQ |  | Iraqi; Iraqis
AFG |  | Afghan; Afghans
NZL |  | New Zealander; New Zealanders; Kiwi; Kiwis
"""

# A variant claimed by several codes goes to the one named here; other unresolved clashes are dropped.
COUNTRY_CONFLICTS = {
    "congolese": "COD",  # DR Congo is far more frequent in news; "Republic of the Congo" stays COG.
    "congo": "COD",
    "dominican": "DOM",
    "dominicans": "DOM",
    "guinean": "GIN",
    "guineans": "GIN",
    "samoan": "WSM",
    "samoans": "WSM",
    "virgin islander": None,
    "virgin islanders": None,
    "korea": "KOR",
    "korean": "KOR",
    "koreans": "KOR",
    "sudanese": "SDN",
    "macedonia": "MKD",
    "timor": "TLS",
    "republic of china": "TWN",
}

# Capitals that are too ambiguous to be read as "the government of X" (common words, names of other
# places or people), and Brussels, which in news stands for the EU (see organisations.tsv).
CAPITAL_BLOCK = """
alofi; amsterdam; apia; avarua; basseterre; bloemfontein; brussels; cape town; castries;
city of san marino; city of victoria; funafuti; georgetown; guatemala city; gustavia; hamilton;
jamestown; jerusalem; juba; kingston; kingstown; kuwait city; lima; lobamba; male; marigot;
melekeok; mexico city; moroni; nassau; ngerulmud; palikir; panama city; philipsburg; plymouth;
port louis; praia; ramallah; road town; roseau; saint george's; saint john's; san jose;
santiago; south tarawa; st. george's; st. john's; sucre; suva; victoria; yamoussoukro; yaren
"""

# NGEC lists "territories" of a sovereign under it; we keep mledoze's separate entries instead, so an
# NGEC variant that is another entry's name is dropped from the sovereign (see _country_rows).

# ----------------------------------------------------------------------------------------------
# Hand tables: agents (role words -> CAMEO sector codes)
# ----------------------------------------------------------------------------------------------
# kind: "" = a specific role word; "generic" = a head word that yields to a more specific word in the
# same phrase ("military spokesman" -> MIL, "opposition leader" -> OPP); "override" = a modifier that
# turns the phrase into an elite/former role ("former president" -> ELI).
AGENT_HAND = """
# term | sector | kind | note
leader | GOV | generic | bare 'leader' of a country is its government
leadership | GOV | generic |
official | GOV | generic | Phoenix lacks the bare word
authorities | GOV | generic |
spokesman | GOV | generic | Phoenix codes SPOKES!PERSON! as MED; a national spokesman speaks for the government
spokeswoman | GOV | generic |
spokesperson | GOV | generic |
spokespeople | GOV | generic |
representative | GOV | generic |
head | GOV | generic | 'the head of the IAEA'
chief | GOV | generic | 'army chief' -> MIL, 'police chief' -> COP
aide | GOV | generic |
counterpart | GOV | generic | 'his Russian counterpart'
adviser | GOV | generic |
advisor | GOV | generic |
negotiator | GOV | generic |
delegation | GOV | generic |
delegate | GOV | generic |
envoy | GOV |  |
minister | GOV |  |
ministry | GOV |  |
ministries | GOV |  |
government | GOV |  |
president | GOV |  |
vice president | GOV |  |
presidency | GOV |  |
prime minister | GOV |  |
premier | GOV |  |
chancellor | GOV |  |
foreign minister | GOV |  |
foreign secretary | GOV |  |
secretary of state | GOV |  |
national security adviser | GOV |  |
head of state | GOV |  |
supreme leader | GOV |  |
king | GOV |  |
queen | GOV |  |
emperor | GOV |  |
crown prince | GOV |  |
emir | GOV |  |
sultan | GOV |  |
junta | GOVMIL |  |
forces | MIL |  | Phoenix lacks the bare word
force | MIL | generic |
troops | MIL |  |
military | MIL |  |
militaries | MIL |  |
army | MIL |  |
navy | MIL |  |
air force | MIL |  |
general | MIL |  | title, as in 'General Valery Gerasimov'
gen | MIL |  | abbreviation of General
commander | MIL | generic | 'rebel commander' -> REB
defence forces | MIL |  |
defense forces | MIL |  |
government forces | MIL |  |
government troops | MIL |  |
security forces | COP |  | Phoenix lists it under both COP and MIL; we keep COP, its first entry
police | COP |  |
opposition | OPP |  |
opposition leader | OPP |  |
leader of the opposition | OPP |  |
protester | OPP |  | CAMEO: opposition includes anti-government activists (Phoenix)
protestor | OPP |  |
demonstrator | OPP |  |
activist | OPP |  |
rebel | REB |  |
insurgent | REB |  |
separatist | REB |  |
militant | UAF |  | CAMEO/Phoenix: armed groups aligned neither with nor against a government
militia | UAF |  |
journalist | MED |  |
reporter | MED |  |
media | MED |  |
broadcaster | MED |  |
news agency | MED |  |
state media | GOVMED |  |
state television | GOVMED |  |
state news agency | GOVMED |  |
analyst | EDU |  | CAMEO has no analyst code; Phoenix codes ECONOMIC_EXPERT, SCHOLAR, ACADEMIC as EDU
defence analyst | EDU |  |
defense analyst | EDU |  |
military analyst | EDU |  |
political analyst | EDU |  |
security analyst | EDU |  |
expert | EDU |  |
researcher | EDU |  |
think tank | EDU |  |
think-tank | EDU |  |
parliament | LEG |  |
lawmaker | LEG |  |
legislator | LEG |  |
senator | LEG |  |
senate | LEG |  |
house of representatives | LEG |  |
member of parliament | LEG |  |
members of parliament | LEG |  |
judge | JUD |  |
court | JUD |  |
supreme court | JUD |  |
prosecutor | JUD |  |
businessman | BUS |  |
businesswoman | BUS |  |
company | BUS |  |
firm | BUS |  |
civilian | CVL |  |
resident | CVL |  |
former | ELI | override | CAMEO ELI: former government officials (Phoenix FORMER_PRESIDENT)
ex | ELI | override | 'ex-president'
"""


# Phoenix agent phrases dropped: they are not actors in news sentences or mislead in our matcher.
AGENT_DROP = {
    "passenger jet",
    "a cabinet meeting",
    "kingdom",
    "administrative unit",
    "police district",
    "police post",
}

# ----------------------------------------------------------------------------------------------
# Hand tables: organisations
# ----------------------------------------------------------------------------------------------
# code, name, aliases, country, note, reach. note "phoenix" = the code is Phoenix.International's;
# "cameo" = the code follows CAMEO manual table 3.4 style; "dotterel" = assigned here (no code exists).
# reach (news outlets only): "national" = a national outlet whose interviewees without a stated country
# are presumed to be of its country ("speaking to Sky News, analyst X" -> GBR); "international" = a wire
# service that quotes people from everywhere, from which no country is presumed.
ORGANISATIONS = """
# code | name | aliases (;) | country | note | reach
IGOUNO | United Nations | UN; U.N.; the United Nations; UN Secretariat |  | phoenix
IGOUNO | UN Security Council | Security Council; UNSC; U.N. Security Council; United Nations Security Council |  | phoenix
IGOUNO | UN General Assembly | General Assembly; UNGA; United Nations General Assembly; U.N. General Assembly |  | phoenix
IGOUNOIAE | International Atomic Energy Agency | IAEA; UN nuclear watchdog; U.N. nuclear watchdog; UN atomic watchdog; U.N. atomic watchdog |  | phoenix
IGOUNOHLHWHO | World Health Organization | WHO; World Health Organisation; World Health Assembly |  | phoenix
IGOUNOKID | UNICEF | United Nations Children's Fund; UN Children's Fund |  | phoenix
IGOUNOREFHCR | UN High Commissioner for Refugees | UNHCR; UN refugee agency; U.N. refugee agency |  | phoenix
IGOUNOHRIHCH | UN human rights office | OHCHR; UN High Commissioner for Human Rights; U.N. human rights office |  | phoenix
IGOUNOHRI | UN Human Rights Council | UNHRC; Human Rights Council; U.N. Human Rights Council |  | phoenix code family
IGOUNOWFP | World Food Programme | WFP; World Food Program |  | phoenix
IGOUNODEV | UN Development Programme | UNDP; United Nations Development Programme |  | phoenix
IGOUNODEV | UNESCO | United Nations Educational, Scientific and Cultural Organization |  | phoenix
IGOUNOREF | UNRWA | UN Relief and Works Agency; United Nations Relief and Works Agency |  | cameo
IGOUNOJUDICJ | International Court of Justice | ICJ; World Court |  | phoenix
IGOUNOAGRFAO | Food and Agriculture Organization | FAO; UN Food and Agriculture Organization |  | phoenix
IGOUNOLABILO | International Labour Organization | ILO; International Labor Organization |  | phoenix
IGOUNOENV | Intergovernmental Panel on Climate Change | IPCC |  | phoenix
IGOUNODEVWBK | World Bank | World Bank Group |  | phoenix
IGOBUSIMF | International Monetary Fund | IMF |  | phoenix
IGOBUSWTO | World Trade Organization | WTO; World Trade Organisation |  | phoenix
IGOWSTNAT | NATO | North Atlantic Treaty Organization; North Atlantic Treaty Organisation; Nato; the Atlantic alliance; North Atlantic Council |  | phoenix
IGOEUREEC | European Union | EU; E.U.; the European Union; Brussels |  | phoenix; 'Brussels' read as the EU, not Belgium
IGOEUREEC | European Commission | EU Commission; the Commission; EC |  | phoenix
IGOEUREEC | European Council | EU Council; Council of the European Union; Council of the EU |  | phoenix code family
IGOEUREEC | European Parliament | EU Parliament; MEPs |  | phoenix
IGOEUREEC | European Central Bank | ECB |  | phoenix code family
IGOAFRAFU | African Union | AU; A.U.; African Union Commission; AU Commission; AU Peace and Security Council |  | phoenix
IGOSEAASN | ASEAN | Association of Southeast Asian Nations; Association of South East Asian Nations |  | phoenix
IGOEURSCE | OSCE | Organization for Security and Co-operation in Europe; Organization for Security and Cooperation in Europe; Organisation for Security and Co-operation in Europe |  | phoenix (CSCE entry)
IGOEURCOE | Council of Europe |  |  | phoenix
IGOJUDICC | International Criminal Court | ICC |  | phoenix
IGOMEAARL | Arab League | League of Arab States |  | phoenix
IGOPGSGCC | Gulf Cooperation Council | GCC; Gulf Co-operation Council; Cooperation Council for the Arab States of the Gulf |  | phoenix
IGOMOSOIC | Organisation of Islamic Cooperation | OIC; Organization of Islamic Cooperation; Organization of the Islamic Conference |  | phoenix
IGOOAS | Organization of American States | OAS |  | phoenix
IGOOPC | OPEC | Organization of the Petroleum Exporting Countries; Organization of Petroleum Exporting Countries; OPEC+ |  | phoenix
IGOGOS | G7 | G-7; Group of Seven; G7 countries |  | phoenix
IGOGOE | G8 | G-8; Group of Eight |  | phoenix
IGOGTW | G20 | G-20; Group of Twenty; Group of 20 |  | dotterel (no CAMEO/Phoenix code)
IGOBRC | BRICS |  |  | dotterel (no CAMEO/Phoenix code)
IGOWAFWAS | ECOWAS | Economic Community of West African States |  | phoenix (full name)
IGOSAFDEVSAD | SADC | Southern African Development Community |  | phoenix
IGOEAFEAC | East African Community | EAC |  | phoenix
IGODEVIAD | IGAD | Intergovernmental Authority on Development |  | phoenix
IGOCASCIS | Commonwealth of Independent States | CIS |  | phoenix
IGOCAS | Shanghai Cooperation Organisation | SCO; Shanghai Cooperation Organization |  | phoenix
IGOCASCST | Collective Security Treaty Organization | CSTO; Collective Security Treaty Organisation |  | dotterel (no CAMEO/Phoenix code)
IGOCOPITP | Interpol | International Criminal Police Organization; INTERPOL |  | phoenix
IGOCWN | Commonwealth of Nations | the Commonwealth |  | phoenix
NGOHLHIRC | International Committee of the Red Cross | ICRC; Red Cross; Red Crescent |  | phoenix
NGOHRIAMN | Amnesty International | Amnesty |  | phoenix
NGOHRI | Human Rights Watch | HRW |  | phoenix
NGOHLH | Doctors Without Borders | MSF; Médecins Sans Frontières; Medecins Sans Frontieres |  | cameo (manual example)
GBRMED | Sky News |  | GBR | hand | national
GBRMED | BBC | British Broadcasting Corporation; the BBC | GBR | hand | national
GBRMED | Reuters |  | GBR | hand | international
GBRMED | Financial Times | FT | GBR | hand | national
USAMED | CNN |  | USA | hand | national
USAMED | Associated Press | AP | USA | hand | international
USAMED | The New York Times | New York Times | USA | hand | national
USAMED | The Washington Post | Washington Post | USA | hand | national
USAMED | The Wall Street Journal | Wall Street Journal; WSJ | USA | hand | national
FRAMED | Agence France-Presse | AFP | FRA | hand | international
RUSGOVMED | TASS | Tass | RUS | hand: state news agency | national
RUSGOVMED | RIA Novosti | RIA | RUS | hand: state news agency | national
CHNGOVMED | Xinhua | Xinhua News Agency | CHN | hand: state news agency | national
PSEGOV | Palestinian Authority |  | PSE | phoenix (Countries file)
PSEREBHMS | Hamas |  | PSE | phoenix (MilNonState)
LBNREB | Hezbollah | Hizbollah; Hizbullah | LBN | phoenix (MilNonState)
AFGGOV | Taliban | the Taliban | AFG | hand: governing Afghanistan since 2021-08-15 (Phoenix, older: AFGREB)
IMGMUSISI | Islamic State | ISIS; ISIL; IS; Daesh; Islamic State group |  | phoenix (Countries file)
IMGMUSALQ | al-Qaeda | al Qaeda; al-Qaida; Al Qaeda |  | phoenix (MilNonState)
NGAREB | Boko Haram |  | NGA | phoenix (MilNonState)
SOMREB | al-Shabaab | al-Shabab; al Shabaab; Al-Shabaab | SOM | phoenix (MilNonState)
TURREB | PKK | Kurdistan Workers' Party; Kurdistan Workers Party | TUR | phoenix (MilNonState)
YEMREB | Houthis | Houthi; Houthi rebels; Ansar Allah; Ansarallah | YEM | hand (Phoenix style)
COLREB | FARC | Revolutionary Armed Forces of Colombia; FARC-EP | COL | phoenix (MilNonState)
COLREB | ELN | National Liberation Army | COL | phoenix (MilNonState)
PHLREB | Moro Islamic Liberation Front | MILF | PHL | phoenix (MilNonState)
PHLREB | New People's Army |  | PHL | phoenix (MilNonState)
PHLREB | Abu Sayyaf | Abu Sayyaf Group | PHL | phoenix (MilNonState)
PERREB | Shining Path | Sendero Luminoso | PER | phoenix (MilNonState)
PSEREB | Palestinian Islamic Jihad | Islamic Jihad | PSE | hand (CAMEO style; Phoenix: MEAREB)
PAKREB | Lashkar-e-Taiba | Lashkar-e-Toiba; LeT | PAK | hand (CAMEO style; Phoenix: SASREB)
# Short forms another body also uses in news are left out: RSF (Reporters Without Borders),
# SDF (Japan's Self-Defense Forces), ADF (Australian Defence Force), NPA, TTP, BLA.
PAKREB | Pakistani Taliban | Tehrik-i-Taliban Pakistan; Tehreek-e-Taliban Pakistan | PAK | hand (CAMEO style)
PAKREB | Baloch Liberation Army |  | PAK | hand (CAMEO style)
CODREB | M23 | March 23 Movement; M23 rebels | COD | hand (CAMEO style)
CODREB | Allied Democratic Forces |  | COD | hand (CAMEO style)
SDNREB | Rapid Support Forces |  | SDN | hand (CAMEO style; at war with the army since 2023-04)
SYRREB | Syrian Democratic Forces |  | SYR | hand (CAMEO style)
SYRREB | YPG | People's Protection Units | SYR | hand (CAMEO style)
SYRREB | Hayat Tahrir al-Sham | HTS | SYR | hand (CAMEO style; it led the rebels who took Damascus in 2024-12)
MLIREB | JNIM | Jama'at Nusrat al-Islam wal-Muslimin | MLI | hand (CAMEO style)
ETHREB | Tigray People's Liberation Front | TPLF | ETH | hand (CAMEO style)
MMRREB | Arakan Army |  | MMR | hand (CAMEO style)
USASPY | CIA | Central Intelligence Agency | USA | hand
RUSSPY | FSB | Federal Security Service | RUS | hand
UKRSPY | SBU | Security Service of Ukraine | UKR | hand
ISRSPY | Mossad |  | ISR | hand
"""


# ----------------------------------------------------------------------------------------------
# Hand tables: metonyms and collectives
# ----------------------------------------------------------------------------------------------
# term, code (ISO3 country or CAMEO region; "-" = not an actor, consume and ignore), sector, note.
# Capitals of sovereign states are metonyms for their governments too; those come from countries.tsv.
METONYMS = """
# term | code | sector | note
the Kremlin | RUS | GOV | Phoenix KREMLIN_ [RUSGOV]
Kremlin | RUS | GOV |
the White House | USA | GOV | Phoenix WHITE_HOUSE_ [USAGOV]
White House | USA | GOV |
the West Wing | USA | GOV |
State Department | USA | GOV | Phoenix DEPARTMENT_OF_STATE [USAGOV]
Department of State | USA | GOV |
the Pentagon | USA | MIL | Phoenix PENTAGON_ [USAMIL]
Pentagon | USA | MIL |
Department of Defense | USA | MIL | Phoenix [USAMIL]
Department of War | USA | MIL | secondary name of the Department of Defense since 2025
Capitol Hill | USA | LEG |
US Congress | USA | LEG |
U.S. Congress | USA | LEG |
Downing Street | GBR | GOV |
Number 10 | GBR | GOV |
No 10 | GBR | GOV |
No. 10 | GBR | GOV |
Whitehall | GBR | GOV |
the Foreign Office | GBR | GOV |
Foreign Office | GBR | GOV |
Ministry of Defence | GBR | GOVMIL | British usage; other countries say 'defence ministry'
the Elysee | FRA | GOV |
Elysee | FRA | GOV |
Elysee Palace | FRA | GOV |
Quai d'Orsay | FRA | GOV |
Bankova | UKR | GOV |
Verkhovna Rada | UKR | LEG |
Zhongnanhai | CHN | GOV |
the Knesset | ISR | LEG | Phoenix KNESSET [ISRGOVLEG]
Knesset | ISR | LEG |
the Duma | RUS | LEG | Phoenix STATE_DUMA
State Duma | RUS | LEG |
Bundestag | DEU | LEG | Phoenix BUNDESTAG
Chancellery | DEU | GOV |
Sejm | POL | LEG |
Blue House | KOR | GOV |
European | EUR |  | CAMEO region Europe: 'European leaders' -> EURGOV
Europeans | EUR |  |
Europe | EUR |  |
Western | WST |  | CAMEO region 'the West'
the West | WST |  |
African | AFR |  | CAMEO region Africa
Africa | AFR |  |
Asian | ASA |  | CAMEO region Asia
Asia | ASA |  |
Latin American | LAM |  | CAMEO region Latin America
Latin America | LAM |  |
South American | SAM |  |
North American | NMR |  |
Middle Eastern | MEA |  |
Middle East | MEA |  |
Gulf states | PGS |  | CAMEO region Persian Gulf
Balkan | BLK |  |
Caribbean | CRB |  |
Nordic | SCN |  | CAMEO region Scandinavia
Scandinavian | SCN |  |
New Mexico | - |  | a US state, not Mexico
New Jersey | - |  | a US state, not Jersey
Georgia Tech | - |  |
Washington Post | - |  | kept in organisations.tsv; listed here so 'Washington' is not a metonym
African American | - |  |
African Americans | - |  |
Native American | - |  |
Native Americans | - |  |
"""


# ----------------------------------------------------------------------------------------------
# Hand tables: people with dated roles
# ----------------------------------------------------------------------------------------------
# One role per line: name | aliases (;) | country or organisation code | role | sector | start | end | note
# end is the first day out of office (the successor's start), empty while in office. sector is empty
# for roles in an organisation (the organisation's code is the actor code). Facts are from the public
# record as known on the curation date; QIDs come from the leaders sources (see fill_qids).
PEOPLE = """
# --- United States
Barack Obama | Obama; Barack H. Obama | USA | head of state and government | GOV | 2009-01-20 | 2017-01-20 |
Barack Obama | | USA | former head of state | ELI | 2017-01-20 | |
Donald Trump | Trump; Donald J. Trump; President Trump | USA | head of state and government | GOV | 2017-01-20 | 2021-01-20 |
Donald Trump | | USA | former head of state | ELI | 2021-01-20 | 2025-01-20 | between his two terms (CAMEO ELI)
Donald Trump | | USA | head of state and government | GOV | 2025-01-20 | |
Joe Biden | Biden; Joseph Biden; Joseph R. Biden; Joseph R. Biden Jr. | USA | vice president | GOV | 2009-01-20 | 2017-01-20 |
Joe Biden | | USA | former vice president | ELI | 2017-01-20 | 2021-01-20 |
Joe Biden | | USA | head of state and government | GOV | 2021-01-20 | 2025-01-20 |
Joe Biden | | USA | former head of state | ELI | 2025-01-20 | |
Mike Pence | Pence | USA | vice president | GOV | 2017-01-20 | 2021-01-20 |
Kamala Harris | | USA | vice president | GOV | 2021-01-20 | 2025-01-20 |
JD Vance | J.D. Vance; J. D. Vance; Vance | USA | vice president | GOV | 2025-01-20 | |
Marco Rubio | Rubio | USA | senator | LEG | 2011-01-03 | 2025-01-20 |
Marco Rubio | | USA | foreign minister | GOV | 2025-01-21 | | Secretary of State
Antony Blinken | Blinken | USA | foreign minister | GOV | 2021-01-26 | 2025-01-20 | Secretary of State
Lloyd Austin | | USA | defence minister | GOV | 2021-01-22 | 2025-01-20 | Secretary of Defense
Pete Hegseth | Hegseth | USA | defence minister | GOV | 2025-01-25 | | Secretary of Defense
Steve Witkoff | Witkoff; Steven Witkoff | USA | special envoy | GOV | 2025-01-20 | | Special Envoy to the Middle East
# --- Russia
Vladimir Putin | Putin; Vladimir Vladimirovich Putin | RUS | head of government | GOV | 1999-08-16 | 1999-12-31 |
Vladimir Putin | | RUS | head of state | GOV | 1999-12-31 | 2008-05-07 | acting until 2000-05-07
Vladimir Putin | | RUS | head of government | GOV | 2008-05-08 | 2012-05-07 |
Vladimir Putin | | RUS | head of state | GOV | 2012-05-07 | |
Dmitry Medvedev | Medvedev; Dmitri Medvedev | RUS | head of state | GOV | 2008-05-07 | 2012-05-07 |
Dmitry Medvedev | | RUS | head of government | GOV | 2012-05-08 | 2020-01-16 |
Dmitry Medvedev | | RUS | deputy chairman of the Security Council | GOV | 2020-01-16 | |
Mikhail Mishustin | Mishustin | RUS | head of government | GOV | 2020-01-16 | |
Sergey Lavrov | Lavrov; Sergei Lavrov | RUS | foreign minister | GOV | 2004-03-09 | |
Sergei Shoigu | Shoigu; Sergey Shoigu; Sergei Shoygu | RUS | defence minister | GOV | 2012-11-06 | 2024-05-12 |
Sergei Shoigu | | RUS | secretary of the Security Council | GOV | 2024-05-12 | |
Andrei Belousov | Belousov; Andrey Belousov | RUS | defence minister | GOV | 2024-05-14 | |
Valery Gerasimov | Gerasimov; Valeriy Gerasimov | RUS | chief of the general staff | MIL | 2012-11-09 | |
Dmitry Peskov | Peskov; Dmitri Peskov | RUS | presidential press secretary | GOV | 2012-05-22 | | start approximate (May 2012)
# --- Ukraine
Petro Poroshenko | Poroshenko | UKR | head of state | GOV | 2014-06-07 | 2019-05-20 |
Petro Poroshenko | | UKR | opposition member of parliament | OPP | 2019-08-29 | |
Volodymyr Zelenskyy | Zelenskyy; Zelensky; Zelenskiy; Zelenskyi; Volodymyr Zelensky; Volodymyr Zelenskiy; Volodymyr Zelenskyi; Vladimir Zelensky | UKR | head of state | GOV | 2019-05-20 | |
Arseniy Yatsenyuk | Yatsenyuk; Arseny Yatsenyuk | UKR | head of government | GOV | 2014-02-27 | 2016-04-14 |
Volodymyr Groysman | Groysman; Hroisman; Volodymyr Hroisman | UKR | head of government | GOV | 2016-04-14 | 2019-08-29 |
Oleksiy Honcharuk | Honcharuk; Oleksii Honcharuk | UKR | head of government | GOV | 2019-08-29 | 2020-03-04 |
Denys Shmyhal | Shmyhal | UKR | head of government | GOV | 2020-03-04 | 2025-07-17 |
Denys Shmyhal | | UKR | government minister | GOV | 2025-07-17 | | defence minister from 2025-07-17
Yulia Svyrydenko | Svyrydenko; Yuliia Svyrydenko | UKR | first deputy prime minister | GOV | 2021-11-04 | 2025-07-17 |
Yulia Svyrydenko | | UKR | head of government | GOV | 2025-07-17 | |
Dmytro Kuleba | Kuleba | UKR | foreign minister | GOV | 2020-03-04 | 2024-09-05 |
Andrii Sybiha | Sybiha; Andriy Sybiha | UKR | foreign minister | GOV | 2024-09-05 | |
Oleksii Reznikov | Reznikov; Oleksiy Reznikov | UKR | defence minister | GOV | 2021-11-04 | 2023-09-06 |
Rustem Umerov | Umerov | UKR | defence minister | GOV | 2023-09-06 | 2025-07-17 |
Rustem Umerov | | UKR | secretary of the National Security and Defence Council | GOV | 2025-07-17 | |
Andriy Yermak | Yermak; Andrii Yermak | UKR | head of the presidential office | GOV | 2020-02-11 | 2025-11-28 |
Valerii Zaluzhnyi | Zaluzhnyi; Zaluzhny; Valery Zaluzhny | UKR | commander-in-chief of the armed forces | MIL | 2021-07-27 | 2024-02-08 |
Valerii Zaluzhnyi | | UKR | ambassador to the United Kingdom | GOV | 2024-03-07 | | start approximate (March 2024)
Oleksandr Syrskyi | Syrskyi; Syrsky; Oleksandr Syrsky | UKR | commander-in-chief of the armed forces | MIL | 2024-02-08 | |
# --- United Kingdom
David Cameron | Cameron | GBR | head of government | GOV | 2010-05-11 | 2016-07-13 |
David Cameron | | GBR | former head of government | ELI | 2016-07-13 | 2023-11-13 |
David Cameron | | GBR | foreign minister | GOV | 2023-11-13 | 2024-07-05 | Foreign Secretary
David Cameron | | GBR | former head of government | ELI | 2024-07-05 | |
Theresa May | | GBR | interior minister | GOV | 2010-05-12 | 2016-07-13 | Home Secretary
Theresa May | | GBR | head of government | GOV | 2016-07-13 | 2019-07-24 |
Boris Johnson | Boris | GBR | foreign minister | GOV | 2016-07-13 | 2018-07-09 | Foreign Secretary
Boris Johnson | | GBR | head of government | GOV | 2019-07-24 | 2022-09-06 |
Liz Truss | Truss; Elizabeth Truss | GBR | foreign minister | GOV | 2021-09-15 | 2022-09-06 | Foreign Secretary
Liz Truss | | GBR | head of government | GOV | 2022-09-06 | 2022-10-25 |
Rishi Sunak | Sunak | GBR | finance minister | GOV | 2020-02-13 | 2022-07-05 | Chancellor of the Exchequer
Rishi Sunak | | GBR | head of government | GOV | 2022-10-25 | 2024-07-05 |
Rishi Sunak | | GBR | opposition leader | OPP | 2024-07-05 | 2024-11-02 |
Keir Starmer | Starmer; Sir Keir Starmer; Sir Keir | GBR | opposition leader | OPP | 2020-04-04 | 2024-07-05 |
Keir Starmer | | GBR | head of government | GOV | 2024-07-05 | | UNVERIFIED lead: open-data-archive reports Andy Burnham PM from 2026-07-20
Kemi Badenoch | Badenoch | GBR | opposition leader | OPP | 2024-11-02 | |
David Lammy | Lammy | GBR | foreign minister | GOV | 2024-07-05 | 2025-09-05 | Foreign Secretary
David Lammy | | GBR | deputy head of government | GOV | 2025-09-05 | | Deputy Prime Minister
Yvette Cooper | | GBR | interior minister | GOV | 2024-07-05 | 2025-09-05 | Home Secretary
Yvette Cooper | | GBR | foreign minister | GOV | 2025-09-05 | | Foreign Secretary
John Healey | Healey | GBR | defence minister | GOV | 2024-07-05 | |
Elizabeth II | Queen Elizabeth; Queen Elizabeth II | GBR | head of state | GOV | 1952-02-06 | 2022-09-08 |
Charles III | King Charles; King Charles III | GBR | head of state | GOV | 2022-09-08 | |
# --- France
François Hollande | Hollande; Francois Hollande | FRA | head of state | GOV | 2012-05-15 | 2017-05-14 |
Emmanuel Macron | Macron | FRA | head of state | GOV | 2017-05-14 | |
Manuel Valls | Valls | FRA | head of government | GOV | 2014-03-31 | 2016-12-06 |
Bernard Cazeneuve | Cazeneuve | FRA | head of government | GOV | 2016-12-06 | 2017-05-15 |
Édouard Philippe | Edouard Philippe | FRA | head of government | GOV | 2017-05-15 | 2020-07-03 |
Jean Castex | Castex | FRA | head of government | GOV | 2020-07-03 | 2022-05-16 |
Élisabeth Borne | Borne; Elisabeth Borne | FRA | head of government | GOV | 2022-05-16 | 2024-01-09 |
Gabriel Attal | Attal | FRA | head of government | GOV | 2024-01-09 | 2024-09-05 |
Michel Barnier | Barnier | FRA | head of government | GOV | 2024-09-05 | 2024-12-13 |
François Bayrou | Bayrou; Francois Bayrou | FRA | head of government | GOV | 2024-12-13 | 2025-09-09 |
Sébastien Lecornu | Lecornu; Sebastien Lecornu | FRA | defence minister | GOV | 2022-05-20 | 2025-09-09 |
Sébastien Lecornu | | FRA | head of government | GOV | 2025-09-09 | |
# --- Germany
Angela Merkel | Merkel | DEU | head of government | GOV | 2005-11-22 | 2021-12-08 |
Angela Merkel | | DEU | former head of government | ELI | 2021-12-08 | |
Olaf Scholz | Scholz | DEU | finance minister | GOV | 2018-03-14 | 2021-12-08 | and Vice-Chancellor
Olaf Scholz | | DEU | head of government | GOV | 2021-12-08 | 2025-05-06 |
Olaf Scholz | | DEU | former head of government | ELI | 2025-05-06 | |
Friedrich Merz | Merz | DEU | opposition leader | OPP | 2022-01-31 | 2025-05-06 | CDU leader in opposition
Friedrich Merz | | DEU | head of government | GOV | 2025-05-06 | |
Joachim Gauck | Gauck | DEU | head of state | GOV | 2012-03-18 | 2017-03-19 |
Frank-Walter Steinmeier | Steinmeier | DEU | foreign minister | GOV | 2013-12-17 | 2017-01-27 |
Frank-Walter Steinmeier | | DEU | head of state | GOV | 2017-03-19 | |
Annalena Baerbock | Baerbock | DEU | foreign minister | GOV | 2021-12-08 | 2025-05-06 |
Annalena Baerbock | | IGOUNO | president of the UN General Assembly | | 2025-09-09 | |
Johann Wadephul | Wadephul | DEU | foreign minister | GOV | 2025-05-06 | |
Boris Pistorius | Pistorius | DEU | defence minister | GOV | 2023-01-19 | |
# --- Türkiye
Recep Tayyip Erdoğan | Erdoğan; Erdogan; Tayyip Erdoğan; Tayyip Erdogan; Recep Tayyip Erdogan; Recep Erdogan | TUR | head of government | GOV | 2003-03-14 | 2014-08-28 |
Recep Tayyip Erdoğan | | TUR | head of state | GOV | 2014-08-28 | 2018-07-09 |
Recep Tayyip Erdoğan | | TUR | head of state and government | GOV | 2018-07-09 | | executive presidency
Abdullah Gül | Gül; Gul; Abdullah Gul | TUR | head of state | GOV | 2007-08-28 | 2014-08-28 |
Ahmet Davutoğlu | Davutoğlu; Davutoglu; Ahmet Davutoglu | TUR | foreign minister | GOV | 2009-05-01 | 2014-08-29 |
Ahmet Davutoğlu | | TUR | head of government | GOV | 2014-08-29 | 2016-05-24 |
Binali Yıldırım | Yıldırım; Yildirim; Binali Yildirim | TUR | head of government | GOV | 2016-05-24 | 2018-07-09 |
Mevlüt Çavuşoğlu | Çavuşoğlu; Cavusoglu; Mevlut Cavusoglu | TUR | foreign minister | GOV | 2014-08-29 | 2015-08-28 |
Mevlüt Çavuşoğlu | | TUR | foreign minister | GOV | 2015-11-24 | 2023-06-04 |
Hakan Fidan | Fidan | TUR | foreign minister | GOV | 2023-06-04 | |
# --- Poland
Bronisław Komorowski | Komorowski; Bronislaw Komorowski | POL | head of state | GOV | 2010-08-06 | 2015-08-06 |
Andrzej Duda | Duda | POL | head of state | GOV | 2015-08-06 | 2025-08-06 |
Karol Nawrocki | Nawrocki | POL | head of state | GOV | 2025-08-06 | |
Ewa Kopacz | Kopacz | POL | head of government | GOV | 2014-09-22 | 2015-11-16 |
Beata Szydło | Szydło; Szydlo; Beata Szydlo | POL | head of government | GOV | 2015-11-16 | 2017-12-11 |
Mateusz Morawiecki | Morawiecki | POL | head of government | GOV | 2017-12-11 | 2023-12-13 |
Donald Tusk | Tusk | POL | head of government | GOV | 2007-11-16 | 2014-09-22 |
Donald Tusk | | IGOEUREEC | president of the European Council | | 2014-12-01 | 2019-12-01 |
Donald Tusk | | POL | opposition leader | OPP | 2021-07-03 | 2023-12-13 | Civic Platform leader
Donald Tusk | | POL | head of government | GOV | 2023-12-13 | |
Radosław Sikorski | Sikorski; Radoslaw Sikorski | POL | foreign minister | GOV | 2023-12-13 | |
Władysław Kosiniak-Kamysz | Kosiniak-Kamysz; Wladyslaw Kosiniak-Kamysz | POL | defence minister | GOV | 2023-12-13 | |
# --- China
Xi Jinping | Xi; President Xi | CHN | vice president | GOV | 2008-03-15 | 2012-11-15 |
Xi Jinping | | CHN | general secretary of the Communist Party | GOV | 2012-11-15 | 2013-03-14 |
Xi Jinping | | CHN | head of state | GOV | 2013-03-14 | |
Li Keqiang | | CHN | head of government | GOV | 2013-03-15 | 2023-03-11 |
Li Qiang | | CHN | head of government | GOV | 2023-03-11 | |
Wang Yi | | CHN | foreign minister | GOV | 2013-03-16 | 2022-12-30 |
Wang Yi | | CHN | director of the Central Foreign Affairs Commission office | GOV | 2022-12-30 | 2023-07-25 |
Wang Yi | | CHN | foreign minister | GOV | 2023-07-25 | |
Qin Gang | | CHN | foreign minister | GOV | 2022-12-30 | 2023-07-25 |
# --- Israel
Benjamin Netanyahu | Netanyahu; Bibi Netanyahu | ISR | head of government | GOV | 2009-03-31 | 2021-06-13 |
Benjamin Netanyahu | | ISR | opposition leader | OPP | 2021-06-13 | 2022-12-29 |
Benjamin Netanyahu | | ISR | head of government | GOV | 2022-12-29 | |
Naftali Bennett | Bennett | ISR | head of government | GOV | 2021-06-13 | 2022-07-01 |
Yair Lapid | Lapid | ISR | foreign minister | GOV | 2021-06-13 | 2022-07-01 |
Yair Lapid | | ISR | head of government | GOV | 2022-07-01 | 2022-12-29 |
Yair Lapid | | ISR | opposition leader | OPP | 2022-12-29 | |
Reuven Rivlin | Rivlin | ISR | head of state | GOV | 2014-07-24 | 2021-07-07 |
Isaac Herzog | Herzog | ISR | head of state | GOV | 2021-07-07 | |
# --- Iran
Ali Khamenei | Khamenei; Ayatollah Khamenei; Ayatollah Ali Khamenei | IRN | supreme leader | GOV | 1989-06-04 | |
Hassan Rouhani | Rouhani | IRN | head of government | GOV | 2013-08-03 | 2021-08-03 | president
Ebrahim Raisi | Raisi; Ebrahim Raeisi | IRN | head of government | GOV | 2021-08-03 | 2024-05-19 | president; died in office
Mohammad Mokhber | Mokhber | IRN | acting head of government | GOV | 2024-05-20 | 2024-07-28 | acting president
Masoud Pezeshkian | Pezeshkian | IRN | head of government | GOV | 2024-07-28 | | president
Abbas Araghchi | Araghchi | IRN | foreign minister | GOV | 2024-08-21 | |
# --- other G20 members: current and recent heads of state and government
Javier Milei | Milei | ARG | head of state and government | GOV | 2023-12-10 | |
Alberto Fernández | Alberto Fernandez | ARG | head of state and government | GOV | 2019-12-10 | 2023-12-10 |
Anthony Albanese | Albanese | AUS | head of government | GOV | 2022-05-23 | |
Scott Morrison | Morrison | AUS | head of government | GOV | 2018-08-24 | 2022-05-23 |
Luiz Inácio Lula da Silva | Lula; Lula da Silva; Luiz Inacio Lula da Silva | BRA | head of state and government | GOV | 2023-01-01 | |
Jair Bolsonaro | Bolsonaro | BRA | head of state and government | GOV | 2019-01-01 | 2023-01-01 |
Mark Carney | Carney | CAN | head of government | GOV | 2025-03-14 | |
Justin Trudeau | Trudeau | CAN | head of government | GOV | 2015-11-04 | 2025-03-14 |
Narendra Modi | Modi | IND | head of government | GOV | 2014-05-26 | |
Droupadi Murmu | Murmu | IND | head of state | GOV | 2022-07-25 | |
Ram Nath Kovind | Kovind | IND | head of state | GOV | 2017-07-25 | 2022-07-25 |
Subrahmanyam Jaishankar | Jaishankar; S. Jaishankar | IND | foreign minister | GOV | 2019-05-30 | |
Prabowo Subianto | Prabowo | IDN | defence minister | GOV | 2019-10-23 | 2024-10-20 |
Prabowo Subianto | | IDN | head of state and government | GOV | 2024-10-20 | |
Joko Widodo | Jokowi; Widodo | IDN | head of state and government | GOV | 2014-10-20 | 2024-10-20 |
Giorgia Meloni | Meloni | ITA | head of government | GOV | 2022-10-22 | |
Mario Draghi | Draghi | ITA | head of government | GOV | 2021-02-13 | 2022-10-22 |
Giuseppe Conte | Conte | ITA | head of government | GOV | 2018-06-01 | 2021-02-13 |
Sergio Mattarella | Mattarella | ITA | head of state | GOV | 2015-02-03 | |
Sanae Takaichi | Takaichi | JPN | head of government | GOV | 2025-10-21 | |
Shigeru Ishiba | Ishiba | JPN | head of government | GOV | 2024-10-01 | 2025-10-21 |
Fumio Kishida | Kishida | JPN | head of government | GOV | 2021-10-04 | 2024-10-01 |
Yoshihide Suga | Suga | JPN | head of government | GOV | 2020-09-16 | 2021-10-04 |
Shinzo Abe | Shinzō Abe | JPN | head of government | GOV | 2012-12-26 | 2020-09-16 |
Naruhito | Emperor Naruhito | JPN | head of state | GOV | 2019-05-01 | |
Lee Jae-myung | Lee Jae Myung; Lee Jae-Myung | KOR | head of state and government | GOV | 2025-06-04 | |
Yoon Suk Yeol | Yoon Suk-yeol; Yoon Seok-youl | KOR | head of state and government | GOV | 2022-05-10 | 2025-04-04 | removed from office 2025-04-04
Moon Jae-in | Moon Jae In | KOR | head of state and government | GOV | 2017-05-10 | 2022-05-10 |
Claudia Sheinbaum | Sheinbaum | MEX | head of state and government | GOV | 2024-10-01 | |
Andrés Manuel López Obrador | López Obrador; Lopez Obrador; AMLO; Andres Manuel Lopez Obrador | MEX | head of state and government | GOV | 2018-12-01 | 2024-10-01 |
Salman bin Abdulaziz | King Salman; Salman of Saudi Arabia; Salman bin Abdulaziz Al Saud | SAU | head of state | GOV | 2015-01-23 | | also prime minister until 2022-09-27
Mohammed bin Salman | MBS; Mohammad bin Salman; Crown Prince Mohammed bin Salman; Prince Mohammed bin Salman | SAU | crown prince | GOV | 2017-06-21 | 2022-09-27 |
Mohammed bin Salman | | SAU | head of government | GOV | 2022-09-27 | | and crown prince
Cyril Ramaphosa | Ramaphosa; Matamela Cyril Ramaphosa | ZAF | head of state and government | GOV | 2018-02-15 | |
Jacob Zuma | Zuma | ZAF | head of state and government | GOV | 2009-05-09 | 2018-02-15 |
# --- international organisations
António Guterres | Guterres; Antonio Guterres | IGOUNO | secretary-general | | 2017-01-01 | |
Ban Ki-moon | Ban Ki Moon | IGOUNO | secretary-general | | 2007-01-01 | 2017-01-01 |
Amina J. Mohammed | Amina Mohammed | IGOUNO | deputy secretary-general | | 2017-02-28 | |
Jens Stoltenberg | Stoltenberg | IGOWSTNAT | secretary general | | 2014-10-01 | 2024-10-01 |
Jens Stoltenberg | | NOR | finance minister | GOV | 2025-02-04 | |
Mark Rutte | Rutte | NLD | head of government | GOV | 2010-10-14 | 2024-07-02 |
Mark Rutte | | IGOWSTNAT | secretary general | | 2024-10-01 | |
Jean-Claude Juncker | Juncker | IGOEUREEC | president of the European Commission | | 2014-11-01 | 2019-12-01 |
Ursula von der Leyen | von der Leyen; Von der Leyen | DEU | defence minister | GOV | 2013-12-17 | 2019-07-17 |
Ursula von der Leyen | | IGOEUREEC | president of the European Commission | | 2019-12-01 | |
Charles Michel | | BEL | head of government | GOV | 2014-10-11 | 2019-10-27 |
Charles Michel | | IGOEUREEC | president of the European Council | | 2019-12-01 | 2024-12-01 |
António Costa | Antonio Costa | PRT | head of government | GOV | 2015-11-26 | 2024-04-02 |
António Costa | | IGOEUREEC | president of the European Council | | 2024-12-01 | |
Josep Borrell | Borrell | IGOEUREEC | high representative for foreign affairs | | 2019-12-01 | 2024-12-01 |
Kaja Kallas | Kallas | EST | head of government | GOV | 2021-01-26 | 2024-07-23 |
Kaja Kallas | | IGOEUREEC | high representative for foreign affairs | | 2024-12-01 | |
Roberta Metsola | Metsola | IGOEUREEC | president of the European Parliament | | 2022-01-18 | |
Moussa Faki Mahamat | Moussa Faki; Faki | IGOAFRAFU | chairperson of the AU Commission | | 2017-03-14 | 2025-03-13 |
Mahamoud Ali Youssouf | Youssouf | IGOAFRAFU | chairperson of the AU Commission | | 2025-03-13 | |
Rafael Grossi | Grossi; Rafael Mariano Grossi | IGOUNOIAE | director general | | 2019-12-03 | |
Tedros Adhanom Ghebreyesus | Tedros; Tedros Adhanom | IGOUNOHLHWHO | director-general | | 2017-07-01 | |
Kristalina Georgieva | Georgieva | IGOBUSIMF | managing director | | 2019-10-01 | |
Ngozi Okonjo-Iweala | Okonjo-Iweala | IGOBUSWTO | director-general | | 2021-03-01 | |
Karim Khan | Karim A. A. Khan | IGOJUDICC | prosecutor | | 2021-06-16 | |
"""

# QIDs we know without a source row in ../shared (Wikidata identifiers are CC0 facts).
QID_HAND = {"Barack Obama": "Q76", "Angela Merkel": "Q567", "Benjamin Netanyahu": "Q43723"}

# Current holders reported by open-data-archive (2026-08-22) that we could not verify: kept as leads.
UNVERIFIED_LEADS = [
    "GBR head of government: Andy Burnham (Q269909) since 2026-07-20 replacing Keir Starmer (open-data-archive changes_2026.json)",
    "VNM head of state: To Lam since 2026-04-07, and head of government: Le Minh Hung since 2026-04-07 (open-data-archive)",
    "MMR head of state: Min Aung Hlaing as president since 2026-04-10 (open-data-archive)",
    "AU chairperson: Evariste Ndayishimiye since 2026-02-14 (open-data-archive)",
    "SAU head of state: the snapshot names Mohammed bin Salman as king since 2022-09-27, which is his start as prime minister (a scraping error; King Salman kept)",
]

# ----------------------------------------------------------------------------------------------
# Helpers
# ----------------------------------------------------------------------------------------------

_FOLD = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                       "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "’": "'", "‘": "'"})  # fmt: skip


def key(text: str) -> str:
    """Folded comparison key, the same folding the loader uses (diacritics, case, punctuation)."""
    t = unicodedata.normalize("NFKD", text.translate(_FOLD))
    t = "".join(c for c in t if not unicodedata.combining(c)).casefold()
    return " ".join(re.findall(r"[^\W_]+", t))


def latin(text: str) -> bool:
    return all(ord(c) < 0x250 or unicodedata.combining(c) for c in text)


def uniq(items):
    seen, out = set(), []
    for it in items:
        it = it.strip()
        k = key(it)
        if it and k and k not in seen:
            seen.add(k)
            out.append(it)
    return out


def table(text: str, width: int) -> list[list[str]]:
    """Rows of a hand table: one row a line, fields separated by ' | ', '#' lines are comments."""
    rows = []
    for n, line in enumerate(text.strip().splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("|")]
        fields += [""] * (width - len(fields))
        if len(fields) != width:
            raise ValueError(f"hand table line {n}: expected {width} fields: {line}")
        rows.append(fields)
    return rows


def clean(field: str) -> str:
    if "\t" in field or "\n" in field or "|" in field:
        raise ValueError(f"field may not hold tab, newline or '|': {field!r}")
    return field


def write_tsv(
    path: Path, header_comment: list[str], columns: list[str], rows: list[list[str]]
) -> None:
    lines = [f"# {c}" if c else "#" for c in header_comment]
    lines.append("\t".join(columns))
    for r in rows:
        assert len(r) == len(columns), r
        lines.append("\t".join(r))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ----------------------------------------------------------------------------------------------
# Countries
# ----------------------------------------------------------------------------------------------


def _country_hand() -> dict[str, dict[str, list[str]]]:
    out = {}
    for iso3, *fields in table(COUNTRY_HAND, 4):
        out[iso3] = {
            name: [v.strip() for v in value.split(";") if v.strip()]
            for name, value in zip(("aliases", "adjectives", "capitals"), fields, strict=True)
        }
    return out


def _country_rows(kb: Path) -> list[list[str]]:
    blocked = {key(c) for c in CAPITAL_BLOCK.replace("\n", " ").split(";") if c.strip()}
    mledoze = json.loads((kb / "countries" / "mledoze_countries.json").read_text(encoding="utf-8"))
    with (kb / "countries" / "ngec_countries_nationality.csv").open(encoding="utf-8") as f:
        ngec = {r["CCA3"]: r for r in csv.DictReader(f)}

    entries: dict[str, dict] = {}
    for c in mledoze:
        code = CODE_OVERRIDES.get(c["cca3"], c["cca3"])
        dem = c.get("demonyms", {}).get("eng", {})
        alts = [a for a in c.get("altSpellings", []) if latin(a) and len(a) > 3 and "," not in a]
        sovereign = bool(c.get("unMember")) or code in {"VAT", "PSE", "TWN", "KSV"}
        entries[code] = {
            "name": NAME_OVERRIDES.get(code, c["name"]["common"]),
            "aliases": [c["name"]["common"], c["name"]["official"], *alts],
            # "Antiguan, Barbudan" is two demonyms.
            "adjectives": [d.strip() for g in ("m", "f") for d in dem.get(g, "").split(",")],
            "capitals": list(c.get("capital", [])) if sovereign else [],
            "sovereign": sovereign,
        }

    # Names of every entry: an NGEC variant naming another entry is a territory, not the sovereign.
    owner_of: dict[str, set[str]] = defaultdict(set)
    for code, e in entries.items():
        for v in e["aliases"] + e["adjectives"]:
            if v:
                owner_of[key(v)].add(code)
    rejected: list[str] = []
    for cca3, row in ngec.items():
        code = CODE_OVERRIDES.get(cca3, "KSV" if cca3 == "XKX" else cca3)
        if code not in entries:
            continue
        e = entries[code]
        e["aliases"].append(row["Name"])
        demonyms = {key(a) for a in e["adjectives"] if a}
        own_words = {w[:4] for v in e["aliases"] + e["adjectives"] if v for w in key(v).split()}
        for item in (s.strip() for s in row["Nationality"].split(",")):
            k = key(item)
            base = k[:-1] if k.endswith("s") else k
            others = owner_of.get(k, set()) | owner_of.get(base, set())
            # Keep the sovereign's own forms (sharing a word stem with its names), not the territories
            # NGEC folds into it (Guam, Falkland Islanders); GBR's home nations are in COUNTRY_HAND.
            if not k or (others and code not in others) or re.search(r"\bislands?|islanders?\b", k):
                rejected.append(f"{code}:{item}")
                continue
            if not any(w[:4] in own_words for w in k.split()):
                rejected.append(f"{code}:{item}")
                continue
            if k in demonyms or base in demonyms or re.search(r"(an|ans|ese|ish|i|is|ch|ers?)$", k):
                e["adjectives"].append(item)
            else:
                e["aliases"].append(item)

    if rejected:
        print(f"countries: {len(rejected)} NGEC variants not taken: " + ", ".join(rejected))
    hand = _country_hand()
    for code, extra in hand.items():
        e = entries[code]
        for field in ("aliases", "adjectives", "capitals"):
            e[field] = list(extra.get(field, [])) + e[field]

    # Plural demonyms the sources leave out (Ukrainians, Israelis): "-an"/"-i" adjectives take "-s".
    for e in entries.values():
        more = [a + "s" for a in e["adjectives"] if a and re.search(r"(an|i)$", a) and " " not in a]
        e["adjectives"] += more

    # Resolve variants claimed by several entries.
    claims: dict[str, set[str]] = defaultdict(set)
    for code, e in entries.items():
        for field in ("aliases", "adjectives", "capitals"):
            for v in e[field]:
                if v:
                    claims[key(v)].add(code)
    dropped = []
    for code, e in entries.items():
        for field in ("aliases", "adjectives", "capitals"):
            keep = []
            for v in e[field]:
                k = key(v)
                if not k:
                    continue
                if len(claims[k]) > 1:
                    choice = COUNTRY_CONFLICTS.get(k, "?")
                    if choice == "?":
                        # The entry whose own common name it is keeps it, else the one sovereign state
                        # among territories ("American": USA, not MNP); otherwise it is dropped.
                        named = [c for c in claims[k] if key(entries[c]["name"]) == k]
                        states = [c for c in claims[k] if entries[c]["sovereign"]]
                        choice = (
                            named[0] if len(named) == 1 else states[0] if len(states) == 1 else None
                        )
                    if choice != code:
                        if choice is None:
                            dropped.append(f"{v} ({'/'.join(sorted(claims[k]))})")
                        continue
                if field == "capitals" and (k in blocked or k in {key(a) for a in e["aliases"]}):
                    continue
                keep.append(v)
            e[field] = uniq(keep)
    if dropped:
        print(
            f"countries: dropped {len(set(dropped))} ambiguous variants: "
            + ", ".join(sorted(set(dropped))[:40])
        )

    rows = []
    for code in sorted(entries):
        e = entries[code]
        name_k = key(e["name"])
        aliases = [a for a in e["aliases"] if key(a) != name_k]
        adj_keys = {key(a) for a in e["adjectives"]}
        aliases = [
            a
            for a in aliases
            if key(a) not in adj_keys or a in hand.get(code, {}).get("aliases", [])
        ]
        rows.append([clean(code), clean(e["name"]), "|".join(map(clean, aliases)),
                     "|".join(map(clean, e["adjectives"])), "|".join(map(clean, e["capitals"]))])  # fmt: skip
    return rows


# ----------------------------------------------------------------------------------------------
# Agents
# ----------------------------------------------------------------------------------------------


def _phoenix_agents(kb: Path) -> list[tuple[str, str]]:
    text = (kb / "petrarch2_actors" / "Phoenix.agents.txt").read_text(
        encoding="utf-8", errors="replace"
    )
    macros: dict[str, list[str]] = {}
    out: list[tuple[str, str]] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            # Singular forms only: the loader makes plurals (MINISTERS, WOMEN ...) itself.
            forms = [w.strip().lower() for w in m.group(2).split(",")]
            macros[m.group(1)] = [
                w for w in forms if w not in {"men", "women", "ministers", "ministries"}
            ]
            continue
        m = re.match(r"^(.*?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]\s*$", line)
        if not m:
            continue  # e.g. "[IGO~]" entries: organisations, not role words
        phrase, plural, code = m.group(1), m.group(2), m.group(3)
        forms = [phrase]
        if plural and plural.strip("{} "):
            forms.append(plural.strip("{} "))
        for form in forms:
            variants = [form]
            for name, subs in macros.items():
                if name in form:
                    variants = [v.replace(name, s.upper()) for v in variants for s in subs]
            for v in variants:
                if "ã" in v.lower():
                    continue  # mis-encoded in the source
                words = [w for w in v.replace("_", " ").lower().split()]
                # "MINIST" is a stem in the Phoenix file: minister(s) and ministry/ministries.
                if words and words[-1] == "minist":
                    for stem in ("minister", "ministry"):
                        out.append((" ".join(words[:-1] + [stem]), code))
                elif words:
                    out.append((" ".join(words), code))
    return out


def _agent_rows(kb: Path) -> list[list[str]]:
    hand = {key(t): (t, s, k, n) for t, s, k, n in table(AGENT_HAND, 4)}
    rows: dict[str, list[str]] = {}
    conflicts = []
    for term, code in _phoenix_agents(kb):
        k = key(term)
        if not k or k in AGENT_DROP or k in hand:
            continue
        if k in rows and rows[k][1] != code:
            conflicts.append(f"{term} ({rows[k][1]}/{code})")
            continue
        rows.setdefault(k, [term, code, "", "phoenix"])
    if conflicts:
        print(
            f"agents: {len(conflicts)} Phoenix terms with two codes kept their first: "
            + ", ".join(conflicts[:20])
        )
    for k, (t, s, kind, note) in hand.items():
        rows[k] = [t, s, kind, ("hand: " + note) if note else "hand"]
    return [[clean(c) for c in r] for r in sorted(rows.values(), key=lambda r: (r[1], r[0]))]


# ----------------------------------------------------------------------------------------------
# Organisations, metonyms
# ----------------------------------------------------------------------------------------------


def _phoenix_codes(kb: Path) -> set[str]:
    text = (kb / "petrarch2_actors" / "Phoenix.International.actors.txt").read_text(
        encoding="utf-8", errors="replace"
    )
    return set(re.findall(r"\[([A-Z]{3,})[\s\]]", text))


def _organisation_rows(kb: Path) -> list[list[str]]:
    phoenix = _phoenix_codes(kb)
    rows = []
    for code, name, aliases, country, note, reach in table(ORGANISATIONS, 6):
        if note == "phoenix" and code not in phoenix:
            print(f"organisations: {code} ({name}) is not in Phoenix.International")
        if reach not in ("", "national", "international"):
            raise ValueError(f"organisations: {name}: reach must be national or international")
        alias_list = [clean(a.strip()) for a in aliases.split(";") if a.strip()]
        rows.append([clean(code), clean(name), "|".join(alias_list), country, clean(note), reach])
    return rows


def _metonym_rows() -> list[list[str]]:
    return [[clean(f) for f in row] for row in table(METONYMS, 4)]


# ----------------------------------------------------------------------------------------------
# People
# ----------------------------------------------------------------------------------------------


def _parse_people(text: str = PEOPLE) -> list[dict]:
    out = []
    for n, raw in enumerate(text.strip().splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in raw.split("|")]
        if len(parts) != 8:
            raise ValueError(f"PEOPLE line {n}: expected 8 fields, got {len(parts)}: {raw}")
        name, aliases, country, role, sector, start, end, note = parts
        for d in (start, end):
            if d:
                dt.date.fromisoformat(d)
        if start and end and end <= start:
            raise ValueError(f"PEOPLE line {n}: end before start: {raw}")
        out.append({"name": name, "aliases": [a.strip() for a in aliases.split(";") if a.strip()],
                    "country": country, "role": role, "sector": sector, "start": start, "end": end,
                    "note": note})  # fmt: skip
    return out


def _leader_sources(kb: Path) -> tuple[dict[str, tuple[str, str]], list[dict]]:
    """Folded name -> (QID, source tag), and the open-data-archive current holders."""
    qids: dict[str, tuple[str, str]] = {}
    lead = kb / "leaders"
    with (lead / "epscrapers_world_leaders_2021" / "wikidata.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            qids.setdefault(key(r["officeholderLabel"]), (r["officeholder"], "wd21"))
    with (lead / "epscrapers_world" / "html_holders21.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            qids.setdefault(key(r["person"]), (r["personID"], "wd23"))
    current = []
    for p in sorted((lead / "open_data_archive_current_2026" / "countries").glob("*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        for pos, v in d["positions"].items():
            h = v.get("current_holder") or {}
            if h.get("name_en"):
                qids.setdefault(key(h["name_en"]), (h.get("wikidata_id") or "", "oda26"))
                current.append({"iso2": d["country"]["iso_code"], "position": pos, "name": h["name_en"],
                                "qid": h.get("wikidata_id"), "since": h.get("since")})  # fmt: skip
    return qids, current


def _country_lookup(countries: list[list[str]]):
    """Folded country name or alias -> ISO3, from the countries.tsv rows."""
    names: dict[str, str] = {}
    for iso3, name, aliases, _adj, _caps in countries:
        for n in (name, *aliases.split("|")):
            if n:
                names.setdefault(key(n), iso3)
    return lambda text: names.get(key(text))


def _world_leaders(kb: Path, countries: list[list[str]], hand: list[dict]) -> list[dict]:
    """Heads of state and government of every country (scripts/actors_leaders.py), for the people
    the PEOPLE table does not already give; sorted by country, then start."""
    known = {key(n) for p in hand for n in [p["name"], *p["aliases"]]}
    known |= set(QID_HAND.values())
    rows = actors_leaders.wd21_rows(kb, _country_lookup(countries), known, key)
    for p in _parse_people(actors_leaders.LEADERS_HAND):
        if key(p["name"]) in known:
            raise ValueError(f"LEADERS_HAND: {p['name']} is in PEOPLE; add the role there")
        rows.append(p | {"source": "hand"})
    return sorted(rows, key=lambda p: (p["country"], p["start"], p["name"]))


def _people_rows(kb: Path, countries: list[list[str]]) -> list[list[str]]:
    people = _parse_people()
    people += _world_leaders(kb, countries, people)
    qids, current = _leader_sources(kb)
    aliases: dict[str, list[str]] = defaultdict(list)
    for p in people:
        aliases[p["name"]] += p["aliases"]
    found: dict[str, tuple[str, str]] = {}
    for name, al in aliases.items():
        if name in QID_HAND:
            found[name] = (QID_HAND[name], "")
            continue
        own = next((p["qid"] for p in people if p["name"] == name and p.get("qid")), "")
        if own:
            found[name] = (own, "wd21")
            continue
        for cand in [name, *al]:
            if key(cand) in qids and qids[key(cand)][0]:
                found[name] = qids[key(cand)]
                break
    missing = sorted(n for n in aliases if n not in found)
    if missing:
        print(f"people: {len(missing)} without a QID in the sources: " + ", ".join(missing))

    # Compare with the 2026 snapshot's current holders (names only; leads, not truth).
    ours_now = {key(p["name"]) for p in people if not p["end"]}
    for c in current:
        if key(c["name"]) not in ours_now and not any(
            key(c["name"]) == key(a) for al in aliases.values() for a in al
        ):
            print(
                f"people: snapshot lists {c['name']} ({c['iso2']} {c['position']}, since {c['since']}); not current here"
            )

    rows = []
    for p in people:
        qid, tag = found.get(p["name"], ("", ""))
        if p.get("source", "hand") != "hand":
            source = p["source"]  # wd21 (exact dates from WD21_DATES) or wd21-year
        else:
            source = "hand" + (f"+{tag}" if tag else "")
        if p["note"] and p.get("source") != "wd21-year":
            source += f" ({p['note']})"
        rows.append([clean(p["name"]), "|".join(map(clean, uniq(aliases[p["name"]]))), qid, p["country"], p["role"],
                     p["sector"], p["start"], p["end"], clean(source)])  # fmt: skip
    return rows


# ----------------------------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------------------------

HEADER = "Generated by scripts/build_actors.py from ../shared/data/kb and its hand tables; see SOURCES.md."


def build(kb: Path, out: Path | None) -> dict[str, list[list[str]]]:
    tables = {
        "countries": _country_rows(kb),
        "agents": _agent_rows(kb),
        "organisations": _organisation_rows(kb),
        "metonyms": _metonym_rows(),
    }
    tables["people"] = _people_rows(kb, tables["countries"])
    if out is None:
        return tables
    out.mkdir(parents=True, exist_ok=True)
    write_tsv(out / "countries.tsv", [
        "Countries and territories: ISO 3166-1 alpha-3 code (KSV for Kosovo, as in CAMEO), the name dotterel",
        "reports, then '|'-separated aliases, adjectives/demonyms and capitals. A capital listed here is read",
        "as the country's government when it acts ('Moscow said' -> RUSGOV). " + HEADER,
    ], ["iso3", "name", "aliases", "adjectives", "capitals"], tables["countries"])  # fmt: skip
    write_tsv(out / "agents.tsv", [
        "Role words -> CAMEO sector codes (a compound such as GOVMIL is primary + secondary role).",
        "kind: empty = specific; generic = yields to a more specific word in the same phrase",
        "('opposition leader' -> OPP); override = turns the phrase into an elite ('former president' -> ELI).",
        "Plurals are generated when loading (official -> officials), so list the singular. " + HEADER,
    ], ["term", "sector", "kind", "note"], tables["agents"])  # fmt: skip
    write_tsv(out / "organisations.tsv", [
        "International (IGO/NGO) and some national organisations. code is the CAMEO-style actor code;",
        "country is empty for international bodies. note says where the code comes from. reach (news",
        "outlets): national = a person without a stated country who speaks to it is presumed to be of its",
        "country; international = a wire service, no presumption. " + HEADER,
    ], ["code", "name", "aliases", "country", "note", "reach"], tables["organisations"])  # fmt: skip
    write_tsv(out / "metonyms.tsv", [
        "Places and buildings that stand for an actor ('the Kremlin' -> RUS + GOV) and regional collectives",
        "('European leaders' -> EUR + GOV; code is ISO3 or a CAMEO region code). code '-' = not an actor:",
        "the words are consumed and ignored ('New Mexico' is not Mexico). " + HEADER,
    ], ["term", "code", "sector", "note"], tables["metonyms"])  # fmt: skip
    write_tsv(out / "people.tsv", [
        "People with dated roles, one role a row. start is the first day in the role; end the first day out",
        "of it (the successor's start), empty while in office. country is an ISO3 code or, for a post in an",
        "organisation, its code from organisations.tsv (sector then empty). A person with no role on a date is",
        "coded as an elite (ELI) of the country of the nearest role. kb_id = Wikidata QID where known.",
        "source: hand = curated from the public record (as of 2026-11); +wd21/+wd23 = QID from Wikidata via",
        "every-politician (CC0); +oda26 = QID from open-data-archive world-leaders-current 2026-08-22 (CC BY-SA 4.0).",
        "Unverified leads, not applied: " + "; ".join(UNVERIFIED_LEADS),
        HEADER,
    ], ["name", "aliases", "kb_id", "country", "role", "sector", "start", "end", "source"], tables["people"])  # fmt: skip
    return tables


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--kb",
        type=Path,
        default=DEFAULT_KB,
        help="the shared kb folder (default: ../shared/data/kb)",
    )
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    ap.add_argument(
        "--check", action="store_true", help="build in memory and report; write nothing"
    )
    args = ap.parse_args(argv)
    if not args.kb.is_dir():
        print(f"no kb folder at {args.kb}", file=sys.stderr)
        return 2
    tables = build(args.kb, None if args.check else args.out)
    for name, rows in tables.items():
        print(f"{name}: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
