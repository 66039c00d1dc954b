# ruff: noqa: E501  (the hand tables below keep one fact a line, however long)
"""Heads of state and government of every country, for scripts/build_actors.py (people.tsv).

The base is every-politician's world-leaders-2021 (Wikidata, CC0: `wd21`): every holder of each
country's head-of-state and head-of-government posts in 2021 to October 2022, with QIDs but years
only. On top of it, three hand tables of facts from the public record:

* WD21_DATES: exact first and last days for wd21 holders. A wd21 row without an entry here keeps
  the source's years, written as the year's first day and tagged `wd21-year` (SOURCES.md says so).
* LEADERS_HAND: holders wd21 lacks (successors after October 2022, posts it misses), in the
  PEOPLE format of build_actors.py, tagged `hand`. Only facts the curator is sure of, with dates.
* KNOWN_CHANGED: posts whose KB holder is known to have left, but where the date or the successor
  could not be confirmed here; they are listed in SOURCES.md, not guessed.

Which post is "head of state" and which "head of government" comes from the post's name
(President, King, Emir ... / Prime Minister, Premier, Chancellor ...); a president with no prime
minister beside him is head of state and government (and the few listed in EXECUTIVE_PRESIDENT).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

# Entities in wd21 that are not states dotterel codes (no ISO3 of their own in countries.tsv).
NOT_STATES = {
    "Republic of Abkhazia", "Republic of Artsakh", "Republika Srpska", "South Ossetia", "Transnistria",
    "Sahrawi Arab Democratic Republic", "Somaliland", "Turkish Republic of Northern Cyprus",
}  # fmt: skip

# wd21 country names that countries.tsv does not know by that exact name.
COUNTRY_NAMES = {
    "Kingdom of Denmark": "DNK", "Kingdom of the Netherlands": "NLD", "Republic of Ireland": "IRL",
    "East Timor": "TLS", "People's Republic of China": "CHN", "State of Palestine": "PSE",
    "The Bahamas": "BHS", "The Gambia": "GMB", "Federated States of Micronesia": "FSM",
    "Republic of the Congo": "COG", "Democratic Republic of the Congo": "COD", "Vatican City": "VAT",
    "Cape Verde": "CPV", "Ivory Coast": "CIV", "Czech Republic": "CZE", "Eswatini": "SWZ",
    "São Tomé and Príncipe": "STP", "Kosovo": "KSV", "United States of America": "USA",
}  # fmt: skip

# Posts not taken from wd21, with why:
# (Elizabeth II and Charles III keep their one GBR role from PEOPLE as monarchs of the other
# realms too, so that "King Charles" stays GBRGOV: see SOURCES.md.)
SKIP_POSITIONS = re.compile(
    r"governor-general"  # the realm's monarch is head of state; wd21 lists only two of fifteen
    r"|french co-prince"  # Macron's Andorran title: he stays FRAGOV
    r"|chief minister of sierra leone"  # the president heads the government
    r"|^military leader$",  # a Wikidata placeholder row (Burkina Faso)
    re.I,
)
SKIP_PEOPLE = {
    "Abdel-Aziz bin Habtour",  # prime minister of the Houthi authorities, not of the recognised government
    "Muhammad Sabah Al-Salem Al-Sabah",  # listed for 2022 only; he was prime minister in 2024 (KNOWN_CHANGED)
}

HOG_WORDS = re.compile(
    r"prime minister|premier|chancellor|taoiseach|chairman of the council of ministers|"
    r"minister of state of monaco|president of the executive yuan|pontifical commission",
    re.I,
)
HOS_WORDS = re.compile(
    r"president|monarch|king|emperor|emir|sultan|prince|druk gyalpo|ngwenyama|yang di-pertuan agong|"
    r"o le ao o le malo|pope|supreme leader|captain regent|presidential council|federal council",
    re.I,
)
# Presidents who head the government although a prime minister serves under them.
EXECUTIVE_PRESIDENT = {"GUY"}
# Monarchs who are also their own head of government.
MONARCH_HEADS_GOVERNMENT = {"Hassanal Bolkiah", "Haitham bin Tarik Al Said"}
# Collective heads of state: the role says so.
COLLECTIVE = {
    "CHE": "member of the Federal Council (collective head of state and government)",
    "SMR": "captain regent (joint head of state)",
}
# Roles worded by hand for holders whose post is not simply the state's head.
ROLE_HAND = {
    "Fathi Bashagha": "rival head of government (appointed by the House of Representatives)",
    "Mohamed al-Menfi": "head of state (chairman of the Presidential Council)",
    "Myint Swe": "acting head of state",
    "Alen Simonyan": "acting head of state",
    "Seoule Simeon": "acting head of state",
    "Prawit Wongsuwan": "acting head of government",
    "Mohammed bin Rashid Al Maktoum": "head of government",  # his 2022 day as acting president is dropped
    "Mark Phillips": "prime minister (the executive president heads the government)",
    "Mahamat Déby Itno": "head of state",  # Chad has prime ministers (LEADERS_HAND), wd21 lists none
}

# News names for wd21 holders (wd21 spells them as Wikidata labels them).
WD21_ALIASES = {
    "Philippe I of Belgium": "King Philippe",
    "Abdullah II of Jordan": "King Abdullah; King Abdullah II; Abdullah II",
    "Harald V of Norway": "King Harald; Harald V",
    "Carl XVI Gustaf of Sweden": "King Carl XVI Gustaf; Carl XVI Gustaf; Carl Gustaf",
    "Felipe VI of Spain": "King Felipe; King Felipe VI; Felipe VI",
    "Willem-Alexander of the Netherlands": "King Willem-Alexander; Willem-Alexander",
    "Margrethe II of Denmark": "Queen Margrethe; Margrethe II",
    "Letsie III of Lesotho": "King Letsie III; Letsie III",
    "Tupou VI of Tonga": "King Tupou VI; Tupou VI",
    "Mohammed VI": "King Mohammed VI",
    "Mswati III": "King Mswati; King Mswati III",
    "Vajiralongkorn": "King Vajiralongkorn; King Maha Vajiralongkorn; Rama X",
    "Norodom Sihamoni": "King Norodom Sihamoni; King Sihamoni",
    "Jigme Khesar Namgyel Wangchuck": "King Jigme Khesar Namgyel Wangchuck",
    "Hans-Adam II, Prince of Liechtenstein": "Prince Hans-Adam II; Hans-Adam II",
    "Albert II, Prince of Monaco": "Prince Albert; Prince Albert II; Albert II of Monaco",
    "Hamad bin Isa Al Khalifa": "King Hamad",
    "Salman bin Hamad bin Isa Al Khalifa": "Crown Prince Salman bin Hamad",
    "Tamim bin Hamad Al Thani": "Sheikh Tamim; Emir Tamim; Sheikh Tamim bin Hamad Al Thani",
    "Mohammed bin Zayed Al Nahyan": "MBZ; Sheikh Mohammed bin Zayed; Mohamed bin Zayed",
    "Mohammed bin Rashid Al Maktoum": "Sheikh Mohammed bin Rashid",
    "Haitham bin Tarik Al Said": "Sultan Haitham; Haitham bin Tariq",
    "Hassanal Bolkiah": "Sultan Hassanal Bolkiah",
    "Nawaf Al-Ahmad Al-Jaber Al-Sabah": "Sheikh Nawaf",
    "Abiy Ahmed Ali": "Abiy Ahmed; Abiy",
    "Abdel Fattah el-Sisi": "el-Sisi; al-Sisi; Sisi; Abdel Fattah al-Sisi",
    "Alexander Lukashenko": "Lukashenko; Aliaksandr Lukashenka; Lukashenka",
    "Kassym-Jomart Tokayev": "Tokayev",
    "Shavkat Mirziyoyev": "Mirziyoyev",
    "Emomali Rahmon": "Rahmon",
    "Ilham Aliyev": "Aliyev",
    "Nikol Pashinyan": "Pashinyan",
    "Sadyr Zhaparov": "Sadyr Japarov",
    "Serdar Berdimuhamedow": "Serdar Berdymukhamedov",
    "Gurbanguly Berdimuhamedow": "Gurbanguly Berdymukhamedov",
    "Kim Jong-un": "Kim Jong Un",
    "Kim Tok-hun": "Kim Tok Hun",
    "Nguyễn Xuân Phúc": "Nguyen Xuan Phuc",
    "Phạm Minh Chính": "Pham Minh Chinh",
    "Khurelsukh Ukhnaa": "Ukhnaagiin Khürelsükh; Khurelsukh",
    "Oyunerdene Luvsannamsrai": "Oyun-Erdene Luvsannamsrai; Oyun-Erdene",
    "Tsai Ing-wen": "Tsai",
    "Lee Hsien Loong": "PM Lee Hsien Loong",
    "Prayut Chan-o-cha": "Prayuth Chan-ocha; Prayut; Prayuth",
    "Prawit Wongsuwan": "Prawit",
    "Bongbong Marcos": "Ferdinand Marcos Jr.; Ferdinand Marcos Jr; Marcos",
    "Rodrigo Duterte": "Duterte",
    "Mohamed Abdullahi Farmajo": "Farmajo; Farmaajo; Mohamed Abdullahi Mohamed",
    "Hassan Sheikh Mohamud": "Hassan Sheikh",
    "Salva Kiir Mayardit": "Salva Kiir",
    "Samia Suluhu": "Samia Suluhu Hassan",
    "Matamela Cyril Ramaphosa": "Cyril Ramaphosa",
    "Félix Tshisekedi": "Tshisekedi; Felix Tshisekedi",
    "Denis Sassou-Nguesso": "Sassou Nguesso",
    "Faustin-Archange Touadéra": "Touadéra; Touadera",
    "Mahamat Déby Itno": "Mahamat Idriss Déby; Mahamat Deby; Mahamat Idriss Deby",
    "Assimi Goïta": "Goïta; Goita; Assimi Goita",
    "Teodoro Obiang": "Teodoro Obiang Nguema Mbasogo; Obiang",
    "Isaias Afwerki": "Isaias",
    "Ismail Omar Guelleh": "Guelleh",
    "Yoweri Museveni": "Museveni",
    "Paul Kagame": "Kagame",
    "Paul Biya": "Biya",
    "Emmerson Mnangagwa": "Mnangagwa",
    "Alassane Ouattara": "Ouattara",
    "Umaro Sissoco Embaló": "Embaló; Embalo; Umaro Sissoco Embalo",
    "Faure Gnassingbé": "Gnassingbé; Gnassingbe; Faure Gnassingbe",
    "Kais Saied": "Saied; Kais Saïed",
    "Abdelmadjid Tebboune": "Tebboune",
    "Abdulhamid Dbeibeh": "Dbeibah; Abdul Hamid Dbeibah; Dbeibeh",
    "Mohamed al-Menfi": "Menfi",
    "Nicolás Maduro": "Maduro; Nicolas Maduro",
    "Daniel Ortega": "Ortega",
    "Miguel Díaz-Canel": "Díaz-Canel; Diaz-Canel; Miguel Diaz-Canel",
    "Nayib Bukele": "Bukele",
    "Gustavo Petro": "Petro",
    "Gabriel Boric": "Boric",
    "Rodrigo Alberto de Jesús Chaves Robles": "Rodrigo Chaves",
    "Luis Arce": "Arce",
    "Mahmoud Abbas": "Abbas; Abu Mazen",
    "Bashar al-Assad": "Assad; al-Assad; Bashar Assad",
    "Viktor Orbán": "Orbán; Orban; Viktor Orban",
    "Aleksandar Vučić": "Vučić; Vucic; Aleksandar Vucic",
    "Maia Sandu": "Sandu",
    "Pedro Sánchez": "Pedro Sanchez",
    "Alexander Van der Bellen": "Van der Bellen",
    "Alexander De Croo": "De Croo",
    "Sheikh Hasina": "Hasina; Sheikh Hasina Wazed",
    "Shehbaz Sharif": "Shahbaz Sharif",
    "Klaus Iohannis": "Iohannis; Klaus Johannis",
    "Mette Frederiksen": "Frederiksen",
    "Pope Francis": "Jorge Mario Bergoglio",
    "Vjosa Osmani": "Osmani",
    "Albin Kurti": "Kurti",
    "Andrej Plenković": "Plenkovic; Andrej Plenkovic",
    "Kyriakos Mitsotakis": "Mitsotakis",
    "Robert Golob": "Golob",
    "Petr Fiala": "Fiala",
    "Ulf Kristersson": "Kristersson",
    "Jonas Gahr Støre": "Støre; Jonas Gahr Store",
    "Michael D. Higgins": "Michael Higgins",
    "Micheál Martin": "Micheal Martin",
    "William Ruto": "Ruto",
    "Uhuru Kenyatta": "Kenyatta",
    "Hakainde Hichilema": "Hichilema",
    "Abdalla Hamdok": "Hamdok",
    "Robinah Nabbanja": "Nabbanja",
}


# Exact dates for wd21 holders (name as wd21 spells it | start | end | note). end empty = still in
# office as far as the curator knows (public record to about mid-2025); "-" = keep no end.
WD21_DATES = """
Ilir Meta | 2017-07-24 | 2022-07-24 |
Bajram Begaj | 2022-07-24 | |
Edi Rama | 2013-09-15 | |
Abdelmadjid Tebboune | 2019-12-19 | |
Aymen Benabderrahmane | 2021-06-30 | 2023-11-11 |
Xavier Espot Zamora | 2019-05-16 | |
João Lourenço | 2017-09-26 | |
Gaston Browne | 2014-06-13 | |
Armen Sarkissian | 2018-04-09 | 2022-02-01 |
Alen Simonyan | 2022-02-01 | 2022-03-13 |
Vahagn Khachatryan | 2022-03-13 | |
Nikol Pashinyan | 2018-05-08 | | wd21 gives 2021, his reappointment after the snap election
Karl Nehammer | 2021-12-06 | 2025-01-10 |
Alexander Van der Bellen | 2017-01-26 | |
Ilham Aliyev | 2003-10-31 | |
Ali Asadov | 2019-10-08 | |
Salman bin Hamad bin Isa Al Khalifa | 2020-11-11 | |
Hamad bin Isa Al Khalifa | 1999-03-06 | | emir, king from 2002
Abdul Hamid | 2013-04-24 | 2023-04-24 |
Sheikh Hasina | 2009-01-06 | 2024-08-05 | resigned and left the country
Sandra Mason | 2021-11-30 | |
Mia Mottley | 2018-05-25 | |
Alexander Lukashenko | 1994-07-20 | |
Philippe I of Belgium | 2013-07-21 | |
Alexander De Croo | 2020-10-01 | 2025-02-03 |
Johnny Briceño | 2020-11-12 | |
Patrice Talon | 2016-04-06 | |
Jigme Khesar Namgyel Wangchuck | 2006-12-09 | |
Lotay Tshering | 2018-11-07 | 2024-01-28 |
Luis Arce | 2020-11-08 | |
Zoran Tegeltija | 2019-12-23 | 2023-01-25 |
Mokgweetsi Masisi | 2018-04-01 | 2024-11-01 |
Jair Bolsonaro | 2019-01-01 | 2023-01-01 |
Hassanal Bolkiah | 1967-10-05 | | sultan; also prime minister since 1984-01-01
Rumen Radev | 2017-01-22 | |
Kiril Petkov | 2021-12-13 | 2022-08-02 |
Galab Donev | 2022-08-02 | 2023-06-06 |
Évariste Ndayishimiye | 2020-06-18 | |
Alain-Guillaume Bunyoni | 2020-06-23 | 2022-09-07 |
Gervais Ndirakobuca | 2022-09-07 | |
Norodom Sihamoni | 2004-10-14 | |
Hun Sen | 1998-11-30 | 2023-08-22 | sole prime minister from 1998 (earlier co-prime minister)
Paul Biya | 1982-11-06 | |
Joseph Ngute | 2019-01-04 | |
José Maria Neves | 2021-11-09 | |
Ulisses Correia e Silva | 2016-04-22 | |
Faustin-Archange Touadéra | 2016-03-30 | |
Henri-Marie Dondra | 2021-06-11 | 2022-02-07 |
Félix Moloua | 2022-02-07 | |
Mahamat Déby Itno | 2021-04-20 | | head of the transitional council, elected president 2024
Sebastián Piñera | 2018-03-11 | 2022-03-11 |
Gabriel Boric | 2022-03-11 | 2026-03-11 | fixed four-year term, no immediate re-election; successor not in the KB
Iván Duque | 2018-08-07 | 2022-08-07 |
Gustavo Petro | 2022-08-07 | 2026-08-07 | fixed four-year term, no re-election; successor not in the KB
Azali Assoumani | 2016-05-26 | | wd21 gives 2019, the start of his re-elected term
Carlos Alvarado Quesada | 2018-05-08 | 2022-05-08 |
Rodrigo Alberto de Jesús Chaves Robles | 2022-05-08 | 2026-05-08 | fixed four-year term, no immediate re-election; successor not in the KB
Andrej Plenković | 2016-10-19 | |
Zoran Milanović | 2020-02-19 | |
Miguel Díaz-Canel | 2018-04-19 | |
Manuel Marrero Cruz | 2019-12-21 | |
Nikos Anastasiades | 2013-02-28 | 2023-02-28 |
Miloš Zeman | 2013-03-08 | 2023-03-09 |
Petr Fiala | 2021-11-28 | |
Félix Tshisekedi | 2019-01-24 | |
Jean-Michel Sama Lukonde | 2021-02-15 | |
Ismail Omar Guelleh | 1999-05-08 | |
Abdoulkader Kamil Mohamed | 2013-04-01 | |
Roosevelt Skerrit | 2004-01-08 | |
Charles Savarin | 2013-10-02 | 2023-10-02 |
Luis Abinader | 2020-08-16 | |
Francisco Guterres | 2017-05-20 | 2022-05-20 |
José Ramos-Horta | 2022-05-20 | |
Taur Matan Ruak | 2018-06-22 | 2023-07-01 |
Guillermo Lasso | 2021-05-24 | 2023-11-23 |
Abdel Fattah el-Sisi | 2014-06-08 | |
Moustafa Madbouly | 2018-06-14 | |
Nayib Bukele | 2019-06-01 | |
Teodoro Obiang | 1979-08-03 | |
Francisco Pascual Obama Asue | 2016-06-23 | 2023-02-01 |
Alar Karis | 2021-10-11 | |
Mswati III | 1986-04-25 | |
Sahle-Work Zewde | 2018-10-25 | 2024-10-07 |
Abiy Ahmed Ali | 2018-04-02 | |
David W. Panuelo | 2019-05-11 | 2023-05-11 |
Wiliame Katonivere | 2021-11-12 | |
Frank Bainimarama | 2007-01-05 | 2022-12-24 |
Sauli Niinistö | 2012-03-01 | 2024-03-01 |
Sanna Marin | 2019-12-10 | 2023-06-20 |
Ali Bongo Ondimba | 2009-10-16 | 2023-08-30 | deposed
Rose Christiane Raponda | 2020-07-16 | 2023-01-09 |
Salome Zurabishvili | 2018-12-16 | 2024-12-29 |
Irakli Gharibashvili | 2021-02-22 | 2024-02-08 |
Nana Akufo-Addo | 2017-01-07 | 2025-01-07 |
Katerina Sakellaropoulou | 2020-03-13 | 2025-03-13 |
Kyriakos Mitsotakis | 2019-07-08 | 2023-05-25 | a caretaker served 2023-05-25 to 2023-06-26
Keith Mitchell | 2013-02-20 | 2022-06-24 |
Dickon Mitchell | 2022-06-24 | |
Alejandro Giammattei | 2020-01-14 | 2024-01-14 |
Mohamed Béavogui | 2021-10-06 | 2022-07-16 |
Bernard Goumou | 2022-07-16 | 2024-02-19 |
Umaro Sissoco Embaló | 2020-02-27 | |
Nuno Nabiam | 2020-02-28 | 2023-08-07 |
David A. Granger | 2015-05-16 | 2020-08-02 | wd21 leaves his end open
Irfaan Ali | 2020-08-02 | |
Mark Phillips | 2020-08-02 | |
Ariel Henry | 2021-07-20 | 2024-04-25 |
Juan Orlando Hernández | 2014-01-27 | 2022-01-27 |
Xiomara Castro | 2022-01-27 | 2026-01-27 | fixed four-year term, no re-election; successor not in the KB
János Áder | 2012-05-10 | 2022-05-10 |
Katalin Novák | 2022-05-10 | 2024-02-26 | resigned
Viktor Orbán | 2010-05-29 | |
Guðni Jóhannesson | 2016-08-01 | 2024-08-01 |
Katrín Jakobsdóttir | 2017-11-30 | 2024-04-09 |
Barham Salih | 2018-10-02 | 2022-10-17 |
Mustafa Al-Kadhimi | 2020-05-07 | 2022-10-27 |
Michael D. Higgins | 2011-11-11 | 2025-11-11 | second and last seven-year term; successor not in the KB
Micheál Martin | 2020-06-27 | 2022-12-17 |
Alassane Ouattara | 2010-12-04 | |
Andrew Holness | 2016-03-03 | |
Abdullah II of Jordan | 1999-02-07 | |
Bisher Al-Khasawneh | 2020-10-12 | 2024-09-18 |
Kassym-Jomart Tokayev | 2019-03-20 | |
Askar Mamin | 2019-02-25 | 2022-01-05 |
Alihan Smaiylov | 2022-01-05 | 2024-02-05 |
Uhuru Kenyatta | 2013-04-09 | 2022-09-13 |
William Ruto | 2022-09-13 | |
Mette Frederiksen | 2019-06-27 | |
Margrethe II of Denmark | 1972-01-14 | 2024-01-14 | abdicated
Willem-Alexander of the Netherlands | 2013-04-30 | |
Taneti Maamau | 2016-03-11 | |
Vjosa Osmani | 2021-04-04 | |
Albin Kurti | 2021-03-22 | |
Sabah Al-Khalid Al-Sabah | 2019-11-19 | 2022-07-24 |
Nawaf Al-Ahmad Al-Jaber Al-Sabah | 2020-09-30 | 2023-12-16 | died in office
Sadyr Zhaparov | 2021-01-28 | |
Akylbek Japarov | 2021-10-12 | 2024-12-16 |
Thongloun Sisoulith | 2021-03-22 | |
Phankham Viphavan | 2021-03-22 | 2022-12-30 |
Egils Levits | 2019-07-08 | 2023-07-08 |
Krišjānis Kariņš | 2019-01-23 | 2023-09-15 |
Michel Aoun | 2016-10-31 | 2022-10-31 | the post then stood vacant until 2025-01-09
Najib Mikati | 2021-09-10 | 2025-02-08 |
Letsie III of Lesotho | 1996-02-07 | |
Moeketsi Majoro | 2020-05-20 | 2022-10-28 |
George Weah | 2018-01-22 | 2024-01-22 |
Fayez al-Sarraj | 2016-03-30 | 2021-03-15 | wd21 leaves his end open
Mohamed al-Menfi | 2021-03-15 | |
Abdulhamid Dbeibeh | 2021-03-15 | |
Fathi Bashagha | 2022-03-03 | 2023-05-16 | suspended by the House of Representatives
Hans-Adam II, Prince of Liechtenstein | 1989-11-13 | | his son Alois has acted as regent since 2004
Gitanas Nausėda | 2019-07-12 | |
Ingrida Šimonytė | 2020-12-11 | 2024-12-12 |
Xavier Bettel | 2013-12-04 | 2023-11-17 |
Andry Rajoelina | 2019-01-19 | |
Christian Ntsay | 2018-06-06 | |
Lazarus Chakwera | 2020-06-28 | |
Ismail Sabri Yaakob | 2021-08-21 | 2022-11-24 |
Abdullah of Pahang | 2019-01-31 | 2024-01-31 |
Ibrahim Mohamed Solih | 2018-11-17 | 2023-11-17 |
Assimi Goïta | 2021-05-24 | |
Choguel Kokalla Maïga | 2021-06-07 | 2024-11-20 |
Abdoulaye Maïga | 2022-08-21 | 2022-12-05 | acting while Choguel Maïga was ill; prime minister again from 2024-11-21 (LEADERS_HAND)
George William Vella | 2019-04-04 | 2024-04-04 |
Robert Abela | 2020-01-13 | |
David Kabua | 2020-01-13 | |
Mohamed Ould Ghazouani | 2019-08-01 | |
Mohamed Ould Bilal | 2020-08-06 | 2024-08-02 |
Prithvirajsing Roopun | 2019-12-02 | |
Pravind Jugnauth | 2017-01-23 | 2024-11-13 |
Andrés Manuel López Obrador | 2018-12-01 | 2024-10-01 |
Maia Sandu | 2020-12-24 | |
Natalia Gavrilița | 2021-08-06 | 2023-02-16 |
Pierre Dartout | 2020-09-01 | |
Albert II, Prince of Monaco | 2005-04-06 | |
Khurelsukh Ukhnaa | 2021-06-25 | |
Oyunerdene Luvsannamsrai | 2021-01-27 | |
Milo Đukanović | 2018-05-20 | 2023-05-20 |
Zdravko Krivokapić | 2020-12-04 | 2022-04-28 |
Dritan Abazović | 2022-04-28 | 2023-10-31 |
Mohammed VI | 1999-07-23 | |
Aziz Akhannouch | 2021-10-07 | |
Filipe Nyusi | 2015-01-15 | 2025-01-15 |
Carlos Agostinho do Rosário | 2015-01-17 | 2022-03-03 |
Adriano Maleiane | 2022-03-03 | |
Myint Swe | 2021-02-01 | 2024-07-22 | acting president; on medical leave from 2024-07-22
Hage Gottfried Geingob | 2015-03-21 | 2024-02-04 | died in office
Saara Kuugongelwa | 2015-03-21 | 2025-03-21 |
Lionel Aingimea | 2019-08-27 | 2022-09-28 |
Russ J Kun | 2022-09-28 | 2023-10-30 |
Bidya Devi Bhandari | 2015-10-29 | 2023-03-13 |
Sher Bahadur Deuba | 2021-07-13 | 2022-12-26 |
Jacinda Ardern | 2017-10-26 | 2023-01-25 |
Daniel Ortega | 2007-01-10 | |
Mohamed Bazoum | 2021-04-02 | 2023-07-26 | deposed
Ouhoumoudou Mahamadou | 2021-04-03 | 2023-07-26 |
Muhammadu Buhari | 2015-05-29 | 2023-05-29 |
Kim Jong-un | 2011-12-17 | |
Kim Tok-hun | 2020-08-13 | |
Stevo Pendarovski | 2019-05-12 | 2024-05-12 |
Zoran Zaev | 2020-08-31 | 2022-01-16 |
Dimitar Kovačevski | 2022-01-17 | 2024-01-28 |
Harald V of Norway | 1991-01-17 | |
Jonas Gahr Støre | 2021-10-14 | |
Haitham bin Tarik Al Said | 2020-01-11 | |
Arif Alvi | 2018-09-09 | 2024-03-10 |
Imran Khan | 2018-08-18 | 2022-04-10 |
Shehbaz Sharif | 2022-04-11 | 2023-08-14 | prime minister again from 2024-03-04 (LEADERS_HAND)
Surangel Whipps Jr. | 2021-01-21 | |
Laurentino Cortizo | 2019-07-01 | 2024-07-01 |
James Marape | 2019-05-30 | |
Mario Abdo Benítez | 2018-08-15 | 2023-08-15 |
Pedro Castillo | 2021-07-28 | 2022-12-07 | removed from office
Rodrigo Duterte | 2016-06-30 | 2022-06-30 |
Marcelo Rebelo de Sousa | 2016-03-09 | 2026-03-09 | second and last five-year term; successor not in the KB
Tamim bin Hamad Al Thani | 2013-06-25 | |
Khalid bin Khalifa bin Abdul Aziz Al Thani | 2020-01-28 | 2023-03-07 |
Klaus Iohannis | 2014-12-21 | 2025-02-12 | resigned
Nicolae Ciucă | 2021-11-25 | 2023-06-15 |
Paul Kagame | 2000-03-24 | |
Édouard Ngirente | 2017-08-30 | |
Timothy Harris | 2015-02-18 | 2022-08-06 |
Terrance Drew | 2022-08-06 | |
Philip Pierre | 2021-07-28 | |
Ralph Gonsalves | 2001-03-29 | |
Va'aletoa Sualauvi II | 2017-07-21 | |
Francesco Mussoni | 2021-10-01 | 2022-04-01 |
Giacomo Simoncini | 2021-10-01 | 2022-04-01 |
Oscar Mina | 2022-04-01 | 2022-10-01 |
Paolo Rondelli | 2022-04-01 | 2022-10-01 |
Manuel Ciavatta | 2022-10-01 | 2023-04-01 | captains regent serve six months from 1 April or 1 October
Maria Luisa Berti | 2022-10-01 | 2023-04-01 |
Macky Sall | 2012-04-02 | 2024-04-02 |
Aleksandar Vučić | 2017-05-31 | |
Ana Brnabić | 2017-06-29 | 2024-05-02 |
Wavel Ramkalawan | 2020-10-26 | |
Julius Maada Bio | 2018-04-04 | |
Halimah Yacob | 2017-09-14 | 2023-09-14 |
Lee Hsien Loong | 2004-08-12 | 2024-05-15 |
Zuzana Čaputová | 2019-06-15 | 2024-06-15 |
Eduard Heger | 2021-04-01 | 2023-05-15 |
Borut Pahor | 2012-12-22 | 2022-12-23 |
Janez Janša | 2020-03-13 | 2022-06-01 |
Robert Golob | 2022-06-01 | |
Manasseh Sogavare | 2019-04-24 | 2024-05-02 |
Mohamed Abdullahi Farmajo | 2017-02-16 | 2022-05-23 |
Hassan Sheikh Mohamud | 2022-05-23 | |
Mohamed Hussein Roble | 2020-09-23 | 2022-06-25 |
Hamza Abdi Barre | 2022-06-25 | |
Salva Kiir Mayardit | 2011-07-09 | |
Felipe VI of Spain | 2014-06-19 | |
Pedro Sánchez | 2018-06-02 | |
Gotabaya Rajapaksa | 2019-11-18 | 2022-07-14 | resigned
Ranil Wickremesinghe | 2022-07-21 | 2024-09-23 | acting from 2022-07-15
Mahmoud Abbas | 2005-01-15 | |
Mohammad Shtayyeh | 2019-04-14 | 2024-03-31 |
Chan Santokhi | 2020-07-16 | 2025-07-16 |
Carl XVI Gustaf of Sweden | 1973-09-15 | |
Magdalena Andersson | 2021-11-30 | 2022-10-18 |
Ueli Maurer | 2009-01-01 | 2023-01-01 |
Simonetta Sommaruga | 2010-11-01 | 2023-01-01 |
Alain Berset | 2012-01-01 | 2024-01-01 |
Guy Parmelin | 2016-01-01 | |
Ignazio Cassis | 2017-11-01 | |
Karin Keller-Sutter | 2019-01-01 | |
Viola Amherd | 2019-01-01 | 2025-04-01 |
Bashar al-Assad | 2000-07-17 | 2024-12-08 | fled after the fall of Damascus
Hussein Arnous | 2020-08-30 | 2024-12-10 |
Carlos Vila Nova | 2021-10-02 | |
Jorge Bom Jesus | 2018-12-03 | 2022-11-11 |
Su Tseng-chang | 2019-01-14 | 2023-01-31 |
Tsai Ing-wen | 2016-05-20 | 2024-05-20 |
Kokhir Rasulzoda | 2013-11-23 | |
Emomali Rahmon | 1994-11-16 | |
Samia Suluhu | 2021-03-19 | |
Vajiralongkorn | 2016-10-13 | |
Prayut Chan-o-cha | 2014-08-24 | 2023-08-22 | suspended 2022-08-24 to 2022-09-30 by the Constitutional Court
Prawit Wongsuwan | 2022-08-24 | 2022-09-30 |
Philip "Brave" Davis | 2021-09-17 | |
Adama Barrow | 2017-01-19 | |
Faure Gnassingbé | 2005-05-04 | |
Victoire Dogbé Tomegah | 2020-09-28 | |
Tupou VI of Tonga | 2012-03-18 | |
Hu'akavameiliku | 2021-12-27 | |
Paula-Mae Weekes | 2018-03-19 | 2023-03-20 |
Keith Rowley | 2015-09-09 | 2025-03-17 |
Kais Saied | 2019-10-23 | |
Najla Bouden | 2021-10-11 | 2023-08-01 |
Gurbanguly Berdimuhamedow | 2007-02-14 | 2022-03-19 |
Serdar Berdimuhamedow | 2022-03-19 | |
Kausea Natano | 2019-09-19 | 2024-02-26 |
Yoweri Museveni | 1986-01-29 | |
Robinah Nabbanja | 2021-06-21 | |
Khalifa bin Zayed Al Nahyan | 2004-11-03 | 2022-05-13 | died in office
Mohammed bin Zayed Al Nahyan | 2022-05-14 | |
Mohammed bin Rashid Al Maktoum | 2006-01-05 | |
Luis Lacalle Pou | 2020-03-01 | 2025-03-01 |
Shavkat Mirziyoyev | 2016-09-08 | | acting until 2016-12-14
Abdulla Nigmatovich Aripov | 2016-12-14 | |
Tallis Obed Moses | 2017-07-06 | 2022-07-06 |
Seoule Simeon | 2022-07-06 | 2022-07-23 |
Nikenike Vurobaravu | 2022-07-23 | |
Bob Loughman | 2020-04-20 | 2022-11-04 |
Pope Francis | 2013-03-13 | 2025-04-21 | died in office
Fernando Vérgez Alzaga | 2021-10-01 | 2025-03-01 |
Nicolás Maduro | 2013-04-19 | | acting from 2013-03-05
Nguyễn Xuân Phúc | 2021-04-05 | 2023-01-18 | resigned
Phạm Minh Chính | 2021-04-05 | |
Abdrabbuh Mansour Hadi | 2012-02-25 | 2022-04-07 | handed power to the Presidential Leadership Council
Maeen Abdulmalik Saeed | 2018-10-15 | 2024-02-05 |
Bongbong Marcos | 2022-06-30 | |
Denis Sassou-Nguesso | 1997-10-25 | |
Roman Golovchenko | 2020-06-04 | |
Anatole Collinet Makosso | 2021-05-12 | |
Abdalla Hamdok | 2021-11-21 | 2022-01-02 | reinstated after the 2021 coup (also prime minister 2019-08-21 to 2021-10-25)
Fiamē Naomi Mataʻafa | 2021-07-23 | | from the court ruling that ended the 2021 constitutional crisis
Ahmed Nawaf Al-Ahmad Al-Sabah | 2022-07-24 | |
Hakainde Hichilema | 2021-08-24 | |
Emmerson Mnangagwa | 2017-11-24 | |
"""

# Holders wd21 lacks (PEOPLE format: name | aliases | country | role | sector | start | end | note).
LEADERS_HAND = """
# --- successors after October 2022 and posts wd21 misses
Alexander Schallenberg | Schallenberg | AUT | head of government | GOV | 2025-01-10 | 2025-03-03 | interim chancellor (also 2021-10-11 to 2021-12-06)
Christian Stocker | Stocker | AUT | head of government | GOV | 2025-03-03 | |
Nadir Larbaoui | Larbaoui; Mohamed Nadir Larbaoui | DZA | head of government | GOV | 2023-11-11 | |
Mohammed Shahabuddin | Shahabuddin | BGD | head of state | GOV | 2023-04-24 | |
Muhammad Yunus | Yunus | BGD | head of government | GOV | 2024-08-08 | | chief adviser of the interim government
Bart De Wever | De Wever | BEL | head of government | GOV | 2025-02-03 | |
Tshering Tobgay | Tobgay | BTN | head of government | GOV | 2024-01-28 | |
Borjana Krišto | Krišto; Borjana Kristo | BIH | head of government | GOV | 2023-01-25 | | chair of the Council of Ministers
Željko Komšić | Komšić; Zeljko Komsic | BIH | member of the Presidency (collective head of state) | GOV | 2018-11-20 | |
Denis Bećirović | Bećirović; Denis Becirovic | BIH | member of the Presidency (collective head of state) | GOV | 2022-11-16 | |
Željka Cvijanović | Cvijanović; Zeljka Cvijanovic | BIH | member of the Presidency (collective head of state) | GOV | 2022-11-16 | |
Duma Boko | Boko; Duma Gideon Boko | BWA | head of state and government | GOV | 2024-11-01 | |
Nikolai Denkov | Denkov; Nikolay Denkov | BGR | head of government | GOV | 2023-06-06 | 2024-04-09 |
Dimitar Glavchev | Glavchev | BGR | head of government | GOV | 2024-04-09 | 2025-01-16 | caretaker
Rosen Zhelyazkov | Zhelyazkov | BGR | head of government | GOV | 2025-01-16 | |
Roch Marc Christian Kaboré | Kaboré; Kabore; Roch Kaboré; Roch Marc Christian Kabore | BFA | head of state | GOV | 2015-12-29 | 2022-01-24 | deposed
Paul-Henri Sandaogo Damiba | Damiba; Paul-Henri Damiba | BFA | head of state | GOV | 2022-01-24 | 2022-09-30 | junta leader, deposed
Ibrahim Traoré | Traoré; Traore; Ibrahim Traore; Captain Ibrahim Traoré | BFA | head of state | GOV | 2022-09-30 | | junta leader; sworn in as transitional president 2022-10-21
Apollinaire Joachim Kyélem de Tambèla | Kyélem de Tambèla; Apollinaire Kyelem de Tambela | BFA | head of government | GOV | 2022-10-21 | 2024-12-06 |
Rimtalba Jean Emmanuel Ouédraogo | Jean Emmanuel Ouédraogo; Jean Emmanuel Ouedraogo | BFA | head of government | GOV | 2024-12-07 | |
Hun Manet | | KHM | head of government | GOV | 2023-08-22 | |
Hun Sen | Samdech Hun Sen | KHM | president of the Senate | LEG | 2024-04-03 | |
Albert Pahimi Padacké | Pahimi Padacké; Albert Pahimi Padacke | TCD | head of government | GOV | 2021-04-26 | 2022-10-12 | transitional prime minister
Saleh Kebzabo | Kebzabo | TCD | head of government | GOV | 2022-10-12 | 2024-01-01 |
Succès Masra | Masra; Succes Masra | TCD | head of government | GOV | 2024-01-01 | 2024-05-22 |
Allamaye Halina | Halina | TCD | head of government | GOV | 2024-05-23 | |
Nikos Christodoulides | Christodoulides | CYP | head of state and government | GOV | 2023-02-28 | |
Petr Pavel | | CZE | head of state | GOV | 2023-03-09 | |
Frederik X of Denmark | Frederik X; King Frederik; King Frederik X | DNK | head of state | GOV | 2024-01-14 | |
Sylvanie Burton | | DMA | head of state | GOV | 2023-10-02 | |
Xanana Gusmão | Xanana; Xanana Gusmao; Kay Rala Xanana Gusmão | TLS | head of government | GOV | 2023-07-01 | |
Daniel Noboa | Noboa | ECU | head of state and government | GOV | 2023-11-23 | |
Manuela Roka Botey | Roka Botey | GNQ | head of government | GOV | 2023-02-01 | 2024-08-16 |
Manuel Osa Nsue Nsua | Osa Nsue | GNQ | head of government | GOV | 2024-08-16 | |
Kristen Michal | Michal | EST | head of government | GOV | 2024-07-23 | |
Taye Atske Selassie | Taye Atske-Selassie | ETH | head of state | GOV | 2024-10-07 | |
Wesley Simina | Simina | FSM | head of state and government | GOV | 2023-05-11 | |
Sitiveni Rabuka | Rabuka | FJI | head of government | GOV | 2022-12-24 | |
Alexander Stubb | Stubb | FIN | head of state | GOV | 2024-03-01 | |
Petteri Orpo | Orpo | FIN | head of government | GOV | 2023-06-20 | |
Alain-Claude Bilie-By-Nze | Bilie-By-Nze; Alain Claude Bilie By Nze | GAB | head of government | GOV | 2023-01-09 | 2023-08-30 |
Brice Oligui Nguema | Oligui Nguema; Brice Clotaire Oligui Nguema; Oligui | GAB | head of state | GOV | 2023-08-30 | | led the coup; transitional president, elected in 2025
Raymond Ndong Sima | Ndong Sima | GAB | head of government | GOV | 2023-09-07 | | transitional prime minister
Mikheil Kavelashvili | Kavelashvili | GEO | head of state | GOV | 2024-12-29 | | his election is disputed by the opposition and the previous president
Irakli Kobakhidze | Kobakhidze | GEO | head of government | GOV | 2024-02-08 | |
John Mahama | Mahama; John Dramani Mahama | GHA | head of state and government | GOV | 2025-01-07 | |
Konstantinos Tasoulas | Tasoulas; Kostas Tasoulas | GRC | head of state | GOV | 2025-03-13 | |
Ioannis Sarmas | Sarmas | GRC | head of government | GOV | 2023-05-25 | 2023-06-26 | caretaker
Kyriakos Mitsotakis | | GRC | head of government | GOV | 2023-06-26 | |
Bernardo Arévalo | Arévalo; Arevalo; Bernardo Arevalo | GTM | head of state and government | GOV | 2024-01-15 | |
Mamady Doumbouya | Doumbouya; Colonel Mamady Doumbouya | GIN | head of state | GOV | 2021-09-05 | | led the coup; sworn in as transitional president 2021-10-01
Amadou Oury Bah | Oury Bah | GIN | head of government | GOV | 2024-02-27 | |
Geraldo Martins | | GNB | head of government | GOV | 2023-08-07 | 2023-12-20 |
Rui Duarte de Barros | Duarte de Barros | GNB | head of government | GOV | 2023-12-20 | |
Garry Conille | Conille | HTI | head of government | GOV | 2024-06-03 | 2024-11-11 |
Alix Didier Fils-Aimé | Fils-Aimé; Fils-Aime; Alix Didier Fils-Aime | HTI | head of government | GOV | 2024-11-11 | |
Tamás Sulyok | Sulyok; Tamas Sulyok | HUN | head of state | GOV | 2024-03-05 | |
Halla Tómasdóttir | Halla Tomasdottir | ISL | head of state | GOV | 2024-08-01 | |
Bjarni Benediktsson | Benediktsson | ISL | head of government | GOV | 2024-04-09 | 2024-12-21 |
Kristrún Frostadóttir | Frostadóttir; Kristrun Frostadottir | ISL | head of government | GOV | 2024-12-21 | |
Abdul Latif Rashid | | IRQ | head of state | GOV | 2022-10-17 | |
Mohammed Shia al-Sudani | al-Sudani; Sudani; Mohammed Shia' al-Sudani | IRQ | head of government | GOV | 2022-10-27 | |
Micheál Martin | | IRL | head of government | GOV | 2025-01-23 | |
Leo Varadkar | Varadkar | IRL | head of government | GOV | 2022-12-17 | 2024-04-09 |
Simon Harris | | IRL | head of government | GOV | 2024-04-09 | 2025-01-23 |
Jafar Hassan | | JOR | head of government | GOV | 2024-09-18 | |
Oljas Bektenov | Bektenov; Olzhas Bektenov | KAZ | head of government | GOV | 2024-02-06 | |
Mishal Al-Ahmad Al-Jaber Al-Sabah | Sheikh Mishal; Mishal al-Ahmad al-Sabah | KWT | head of state | GOV | 2023-12-16 | |
Adylbek Kasymaliev | Kasymaliev | KGZ | head of government | GOV | 2024-12-16 | | chairman of the Cabinet of Ministers
Sonexay Siphandone | Siphandone | LAO | head of government | GOV | 2022-12-30 | |
Edgars Rinkēvičs | Rinkēvičs; Edgars Rinkevics | LVA | head of state | GOV | 2023-07-08 | |
Evika Siliņa | Siliņa; Evika Silina | LVA | head of government | GOV | 2023-09-15 | |
Joseph Aoun | | LBN | head of state | GOV | 2025-01-09 | | army commander until his election
Nawaf Salam | | LBN | head of government | GOV | 2025-02-08 | |
Sam Matekane | Matekane | LSO | head of government | GOV | 2022-10-28 | |
Joseph Boakai | Boakai; Joseph Nyuma Boakai | LBR | head of state and government | GOV | 2024-01-22 | |
Brigitte Haas | | LIE | head of government | GOV | 2025-04-10 | |
Daniel Risch | Risch | LIE | head of government | GOV | 2021-03-25 | 2025-04-10 |
Gintautas Paluckas | Paluckas | LTU | head of government | GOV | 2024-12-12 | |
Luc Frieden | Frieden | LUX | head of government | GOV | 2023-11-17 | |
Henri, Grand Duke of Luxembourg | Grand Duke Henri | LUX | head of state | GOV | 2000-10-07 | |
Ibrahim Iskandar of Johor | Sultan Ibrahim; Sultan Ibrahim Iskandar | MYS | head of state | GOV | 2024-01-31 | | Yang di-Pertuan Agong
Anwar Ibrahim | Anwar | MYS | head of government | GOV | 2022-11-24 | |
Mohamed Muizzu | Muizzu; Mohamed Muizzu | MDV | head of state and government | GOV | 2023-11-17 | |
Abdoulaye Maïga | | MLI | head of government | GOV | 2024-11-21 | |
Myriam Spiteri Debono | Spiteri Debono | MLT | head of state | GOV | 2024-04-04 | |
Mokhtar Ould Djay | Ould Djay | MRT | head of government | GOV | 2024-08-02 | |
Navin Ramgoolam | Ramgoolam | MUS | head of government | GOV | 2024-11-13 | |
Dorin Recean | Recean | MDA | head of government | GOV | 2023-02-16 | |
Jakov Milatović | Milatović; Jakov Milatovic | MNE | head of state | GOV | 2023-05-20 | |
Milojko Spajić | Spajić; Milojko Spajic | MNE | head of government | GOV | 2023-10-31 | |
Daniel Chapo | Chapo | MOZ | head of state | GOV | 2025-01-15 | |
Min Aung Hlaing | Senior General Min Aung Hlaing | MMR | head of state and government | GOV | 2021-02-02 | | junta leader after the 2021 coup (chairman of the State Administration Council, prime minister from 2021-08-01, acting president from 2024-07-22)
Nangolo Mbumba | Mbumba | NAM | head of state | GOV | 2024-02-04 | 2025-03-21 |
Netumbo Nandi-Ndaitwah | Nandi-Ndaitwah | NAM | head of state | GOV | 2025-03-21 | |
Elijah Ngurare | Ngurare | NAM | head of government | GOV | 2025-03-21 | |
David Adeang | Adeang | NRU | head of state and government | GOV | 2023-10-30 | |
Ram Chandra Poudel | Poudel; Ram Chandra Paudel | NPL | head of state | GOV | 2023-03-13 | |
Pushpa Kamal Dahal | Prachanda; Dahal | NPL | head of government | GOV | 2022-12-26 | 2024-07-15 |
KP Sharma Oli | Oli; K. P. Sharma Oli; Khadga Prasad Sharma Oli | NPL | head of government | GOV | 2024-07-15 | |
Dick Schoof | Schoof | NLD | head of government | GOV | 2024-07-02 | |
Chris Hipkins | Hipkins | NZL | head of government | GOV | 2023-01-25 | 2023-11-27 |
Christopher Luxon | Luxon | NZL | head of government | GOV | 2023-11-27 | |
Abdourahamane Tiani | Tiani; Abdourahmane Tchiani; Tchiani | NER | head of state | GOV | 2023-07-26 | | junta leader after the coup
Ali Lamine Zeine | Lamine Zeine | NER | head of government | GOV | 2023-08-08 | |
Bola Tinubu | Tinubu; Bola Ahmed Tinubu | NGA | head of state and government | GOV | 2023-05-29 | |
Gordana Siljanovska-Davkova | Siljanovska-Davkova | MKD | head of state | GOV | 2024-05-12 | |
Talat Xhaferi | Xhaferi | MKD | head of government | GOV | 2024-01-28 | 2024-06-23 | caretaker
Hristijan Mickoski | Mickoski | MKD | head of government | GOV | 2024-06-23 | |
Asif Ali Zardari | Zardari | PAK | head of state | GOV | 2024-03-10 | |
Anwaar-ul-Haq Kakar | Kakar; Anwaar ul Haq Kakar | PAK | head of government | GOV | 2023-08-14 | 2024-03-04 | caretaker
Shehbaz Sharif | | PAK | head of government | GOV | 2024-03-04 | |
José Raúl Mulino | Mulino; Jose Raul Mulino | PAN | head of state and government | GOV | 2024-07-01 | |
Santiago Peña | Peña; Santiago Pena | PRY | head of state and government | GOV | 2023-08-15 | |
Dina Boluarte | Boluarte | PER | head of state and government | GOV | 2022-12-07 | |
Luís Montenegro | Luis Montenegro | PRT | head of government | GOV | 2024-04-02 | |
Mohammed bin Abdulrahman Al Thani | Sheikh Mohammed bin Abdulrahman; Mohammed bin Abdulrahman bin Jassim Al Thani | QAT | head of government | GOV | 2023-03-07 | | also foreign minister
Ilie Bolojan | Bolojan | ROU | acting head of state | GOV | 2025-02-12 | 2025-05-26 |
Nicușor Dan | Nicusor Dan | ROU | head of state | GOV | 2025-05-26 | |
Marcel Ciolacu | Ciolacu | ROU | head of government | GOV | 2023-06-15 | |
Patrice Trovoada | Trovoada | STP | head of government | GOV | 2022-11-11 | |
Bassirou Diomaye Faye | Diomaye Faye; Bassirou Faye | SEN | head of state | GOV | 2024-04-02 | |
Ousmane Sonko | Sonko | SEN | head of government | GOV | 2024-04-02 | |
Miloš Vučević | Vučević; Milos Vucevic | SRB | head of government | GOV | 2024-05-02 | 2025-04-16 |
Đuro Macut | Macut; Djuro Macut | SRB | head of government | GOV | 2025-04-16 | |
Tharman Shanmugaratnam | Tharman | SGP | head of state | GOV | 2023-09-14 | |
Lawrence Wong | | SGP | head of government | GOV | 2024-05-15 | |
Peter Pellegrini | Pellegrini | SVK | head of state | GOV | 2024-06-15 | |
Ľudovít Ódor | Ódor; Ludovit Odor | SVK | head of government | GOV | 2023-05-15 | 2023-10-25 | caretaker
Robert Fico | Fico | SVK | head of government | GOV | 2023-10-25 | |
Nataša Pirc Musar | Pirc Musar; Natasa Pirc Musar | SVN | head of state | GOV | 2022-12-23 | |
Jeremiah Manele | Manele | SLB | head of government | GOV | 2024-05-02 | |
Anura Kumara Dissanayake | Dissanayake; Anura Kumara Dissanayaka; AKD | LKA | head of state and government | GOV | 2024-09-23 | |
Mohammad Mustafa | | PSE | head of government | GOV | 2024-03-31 | |
Abdel Fattah al-Burhan | Burhan; al-Burhan; General Abdel Fattah al-Burhan | SDN | head of state | GOV | 2019-08-21 | | chairman of the Transitional Sovereignty Council
Jennifer Geerlings-Simons | Geerlings-Simons | SUR | head of state and government | GOV | 2025-07-16 | |
Ulf Kristersson | Kristersson | SWE | head of government | GOV | 2022-10-18 | |
Albert Rösti | Rösti; Albert Rosti | CHE | member of the Federal Council (collective head of state and government) | GOV | 2023-01-01 | |
Elisabeth Baume-Schneider | Baume-Schneider | CHE | member of the Federal Council (collective head of state and government) | GOV | 2023-01-01 | |
Beat Jans | | CHE | member of the Federal Council (collective head of state and government) | GOV | 2024-01-01 | |
Martin Pfister | Pfister | CHE | member of the Federal Council (collective head of state and government) | GOV | 2025-04-01 | |
Ahmed al-Sharaa | al-Sharaa; Abu Mohammed al-Jolani; Abu Mohammad al-Julani; al-Jolani | SYR | head of state | GOV | 2024-12-08 | 2025-03-29 | de facto leader after the fall of Assad; transitional president from 2025-01-29
Ahmed al-Sharaa | | SYR | head of state and government | GOV | 2025-03-29 | | transitional president; the 2025 transitional government has no prime minister
Mohammed al-Bashir | | SYR | head of government | GOV | 2024-12-10 | 2025-03-29 | caretaker; the post was left out of the 2025 transitional government
Chen Chien-jen | | TWN | head of government | GOV | 2023-01-31 | 2024-05-20 | President of the Executive Yuan
Cho Jung-tai | | TWN | head of government | GOV | 2024-05-20 | | President of the Executive Yuan
Lai Ching-te | William Lai; Lai | TWN | head of state | GOV | 2024-05-20 | |
Srettha Thavisin | Srettha | THA | head of government | GOV | 2023-08-22 | 2024-08-14 | removed by the Constitutional Court
Paetongtarn Shinawatra | Paetongtarn | THA | head of government | GOV | 2024-08-16 | 2025-08-29 | removed by the Constitutional Court
Anutin Charnvirakul | Anutin | THA | head of government | GOV | 2025-09-07 | | date as open-data-archive gives it
Christine Kangaloo | Kangaloo | TTO | head of state | GOV | 2023-03-20 | |
Stuart Young | | TTO | head of government | GOV | 2025-03-17 | 2025-05-01 |
Kamla Persad-Bissessar | Persad-Bissessar | TTO | head of government | GOV | 2025-05-01 | | also 2010-05-26 to 2015-09-09
Ahmed Hachani | Hachani | TUN | head of government | GOV | 2023-08-01 | 2024-08-07 |
Kamel Madouri | Madouri | TUN | head of government | GOV | 2024-08-07 | 2025-03-20 |
Sara Zaafrani Zenzri | Zaafrani Zenzri | TUN | head of government | GOV | 2025-03-21 | |
Feleti Teo | | TUV | head of government | GOV | 2024-02-26 | |
Yamandú Orsi | Orsi; Yamandu Orsi | URY | head of state and government | GOV | 2025-03-01 | |
Ishmael Kalsakau | Kalsakau | VUT | head of government | GOV | 2022-11-04 | |
Pope Leo XIV | Leo XIV; Robert Prevost; Robert Francis Prevost | VAT | head of state | GOV | 2025-05-08 | |
Raffaella Petrini | Sister Raffaella Petrini | VAT | head of government | GOV | 2025-03-01 | | President of the Governorate
Võ Văn Thưởng | Vo Van Thuong | VNM | head of state | GOV | 2023-03-02 | 2024-03-21 | resigned
Tô Lâm | To Lam | VNM | head of state | GOV | 2024-05-22 | 2024-10-21 | then General Secretary of the Communist Party (from 2024-08-03)
Lương Cường | Luong Cuong | VNM | head of state | GOV | 2024-10-21 | |
Rashad al-Alimi | al-Alimi; Rashad Muhammad al-Alimi | YEM | head of state | GOV | 2022-04-07 | | chairman of the Presidential Leadership Council
Ahmed Awad bin Mubarak | bin Mubarak | YEM | head of government | GOV | 2024-02-05 | |
Hibatullah Akhundzada | Akhundzada; Haibatullah Akhundzada; Mullah Hibatullah Akhundzada | AFG | head of state | GOV | 2021-08-15 | | supreme leader of the Taliban government; Taliban leader since 2016
Hasan Akhund | Mohammad Hasan Akhund; Mullah Hasan Akhund | AFG | head of government | GOV | 2021-09-07 | | acting prime minister of the Taliban government
"""

# Holders in the KB known (to the curator) to have left after October 2022 whose successor or date
# could not be confirmed here: listed in SOURCES.md rather than guessed. iso3 | post | note
KNOWN_CHANGED = """
DZA | head of government | Nadir Larbaoui is reported replaced in 2025; date and successor not verified
AND | head of state (episcopal co-prince) | Joan Enric Vives Sicília's successor as bishop of Urgell (2025) not verified
BRB | head of state | Sandra Mason's term ran to 2025; successor not verified
BLR | head of government | Roman Golovchenko was replaced in 2025 (Alexander Turchin); date not verified
BOL | head of state and government | Luis Arce's term ended in November 2025; successor not verified
BDI | head of government | Gervais Ndirakobuca reported replaced in 2025; not verified
COD | head of government | Jean-Michel Sama Lukonde was succeeded by Judith Suminwa in 2024; start date not verified
CIV | head of government | Patrick Achi (2021-2023) and Robert Beugré Mambé (from 2023) are not in the KB; dates not verified
SWZ | head of government | Cleopas Dlamini's successor (2023) not verified
GAB | head of government | the post of prime minister was abolished in 2025; end date of Raymond Ndong Sima not verified
GNB | head of state | Umaro Sissoco Embaló: events of late 2025 not verified
HTI | head of state | the Transitional Presidential Council (since 2024-04-25, rotating coordinator) is not in the KB
IRL | head of state | Michael D. Higgins's successor (from 2025-11-11) not verified
KWT | head of government | Ahmed Nawaf Al-Ahmad Al-Sabah (from 2022-07-24) left office in 2024; his successors' dates not verified
LTU | head of government | Gintautas Paluckas resigned in 2025; successor not verified
LUX | head of state | Grand Duke Henri's announced abdication in 2025 not verified
MDG | head of state and government | Andry Rajoelina and Christian Ntsay: events of October 2025 not verified
MWI | head of state and government | Lazarus Chakwera: the September 2025 election result not verified
MHL | head of state and government | David Kabua was succeeded by Hilda Heine in January 2024; date not verified
MUS | head of state | Prithvirajsing Roopun's successor (December 2024) not verified
MCO | head of government | Pierre Dartout's successors (2024-2025) not verified
MNG | head of government | Oyun-Erdene Luvsannamsrai was replaced in 2025; dates and successor not verified
MOZ | head of government | Adriano Maleiane's successor (2025) not verified
NPL | head of government | KP Sharma Oli resigned in September 2025; date and successor not verified
PRK | head of government | Kim Tok-hun's successor not verified
PER | head of state and government | Dina Boluarte: her removal in October 2025 not verified
ROU | head of government | Marcel Ciolacu resigned in May 2025 (Ilie Bolojan followed); dates not verified
RWA | head of government | Édouard Ngirente's successor (2025) not verified
WSM | head of government | Fiamē Naomi Mataʻafa: the 2025 election and its result not verified
STP | head of government | Patrice Trovoada was dismissed in January 2025; successor not verified
SMR | head of state | captains regent after 2023-04-01 (two every six months) are not in the KB
SDN | head of government | Osman Hussein and his successors (2025) not verified
TGO | head of state and government | the 2025 constitution made Faure Gnassingbé President of the Council of Ministers; date not verified
TON | head of government | Hu'akavameiliku resigned in December 2024; successor not verified
VUT | head of government | Ishmael Kalsakau was followed by several prime ministers from 2023; dates not verified
YEM | head of government | Ahmed Awad bin Mubarak's successor (2025) not verified
"""


def _iso3_of(name: str, country_iso3: Callable[[str], str | None]) -> str | None:
    return COUNTRY_NAMES.get(name) or country_iso3(name)


def _kind(label: str) -> str:
    if HOG_WORDS.search(label):
        return "hog"
    if HOS_WORDS.search(label):
        return "hos"
    raise ValueError(f"wd21: cannot tell head of state from head of government: {label}")


def wd21_rows(
    kb: Path, country_iso3: Callable[[str], str | None], known: set[str], key
) -> list[dict]:
    """People rows (dicts as build_actors._parse_people gives, plus qid/source) from wd21.

    `known` holds the folded names and QIDs already in the hand tables: those people keep their
    hand rows only.
    """
    dates = {}
    for line in WD21_DATES.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, start, end, note = (f.strip() for f in line.split("|"))
        dt.date.fromisoformat(start)
        if end:
            dt.date.fromisoformat(end)
        dates[name] = (start, end, note)
    with (kb / "leaders" / "epscrapers_world_leaders_2021" / "wikidata.csv").open(
        encoding="utf-8"
    ) as f:
        src = [r for r in csv.DictReader(f)]

    rows, kinds, unmapped = [], {}, set()
    for r in src:
        if r["country"] in NOT_STATES or SKIP_POSITIONS.search(r["positionLabel"]):
            continue
        iso3 = _iso3_of(r["country"], country_iso3)
        if not iso3:
            unmapped.add(r["country"])
            continue
        r["iso3"] = iso3
        kinds.setdefault(iso3, set()).add(_kind(r["positionLabel"]))
        rows.append(r)
    if unmapped:
        raise ValueError("wd21: countries without an ISO3 code: " + ", ".join(sorted(unmapped)))

    out, seen, unused = [], set(), set(dates)
    for r in rows:
        name, qid, iso3 = r["officeholderLabel"], r["officeholder"], r["iso3"]
        if name in SKIP_PEOPLE or key(name) in known or qid in known or (name, iso3) in seen:
            unused.discard(name)
            continue
        seen.add((name, iso3))  # a person listed twice for one post (two terms) gets one row
        kind = _kind(r["positionLabel"])
        if iso3 in COLLECTIVE:
            role = COLLECTIVE[iso3]
        elif name in ROLE_HAND:
            role = ROLE_HAND[name]
        elif name in MONARCH_HEADS_GOVERNMENT or (
            kind == "hos"
            and re.match(r"president", r["positionLabel"], re.I)
            and ("hog" not in kinds[iso3] or iso3 in EXECUTIVE_PRESIDENT)
        ):
            role = "head of state and government"
        else:
            role = "head of government" if kind == "hog" else "head of state"
        if name in dates:
            unused.discard(name)
            start, end, note = dates[name]
            source = "wd21"
        else:
            start = f"{r['start_year']}-01-01" if r["start_year"] else ""
            end = f"{r['end_year']}-01-01" if r["end_year"] else ""
            note = "dates are years only (the first of January stands for the year)"
            source = "wd21-year"
        aliases = [a.strip() for a in WD21_ALIASES.get(name, "").split(";") if a.strip()]
        out.append({"name": name, "aliases": aliases, "country": iso3, "role": role, "sector": "GOV",
                    "start": start, "end": end, "note": note, "qid": qid, "source": source})  # fmt: skip
    if unused:
        raise ValueError("WD21_DATES names not in wd21: " + ", ".join(sorted(unused)))
    return out


def known_changed() -> list[list[str]]:
    return [
        [f.strip() for f in line.split("|")]
        for line in KNOWN_CHANGED.strip().splitlines()
        if line.strip() and not line.startswith("#")
    ]
