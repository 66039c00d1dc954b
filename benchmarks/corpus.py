#!/usr/bin/env python3
"""A synthetic news corpus for the benchmarks: made-up political articles, not real ones.

    .venv/bin/python benchmarks/corpus.py --articles 1000 --out corpus.jsonl [--seed 7]

Each article is about 600 words of templated news sentences (meetings, accusations, offers,
strikes, sanctions, aid, protests, quotes) and background sentences, recombined by a seeded
random generator so that no two articles are the same text and the same seed gives the same
corpus. The templates and names are written for this project; the actors are ones the shipped
knowledge base knows, so the coder does its full work (actors, events, dates) on them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta

LEADERS = [
    ("Kenyan President", "William Ruto", "Ruto"),
    ("Ethiopian Prime Minister", "Abiy Ahmed", "Abiy"),
    ("Turkish President", "Recep Tayyip Erdogan", "Erdogan"),
    ("Russian President", "Vladimir Putin", "Putin"),
    ("Ukrainian President", "Volodymyr Zelenskiy", "Zelenskiy"),
    ("British Prime Minister", "Keir Starmer", "Starmer"),
    ("German Chancellor", "Friedrich Merz", "Merz"),
    ("Chinese President", "Xi Jinping", "Xi"),
    ("French President", "Emmanuel Macron", "Macron"),
    ("NATO Secretary General", "Mark Rutte", "Rutte"),
    ("UN Secretary-General", "Antonio Guterres", "Guterres"),
    ("Serbian President", "Aleksandar Vucic", "Vucic"),
]
COUNTRIES = [
    ("Kenya", "Kenyan"), ("Ethiopia", "Ethiopian"), ("Turkey", "Turkish"), ("Russia", "Russian"),
    ("Ukraine", "Ukrainian"), ("Britain", "British"), ("Germany", "German"), ("China", "Chinese"),
    ("France", "French"), ("Serbia", "Serbian"), ("Sudan", "Sudanese"), ("Somalia", "Somali"),
    ("Japan", "Japanese"), ("the Philippines", "Philippine"), ("Iran", "Iranian"),
    ("Israel", "Israeli"), ("Egypt", "Egyptian"), ("Poland", "Polish"), ("Hungary", "Hungarian"),
]  # fmt: skip
CITIES = ["Nairobi", "Addis Ababa", "Istanbul", "Geneva", "Brussels", "Doha", "Cairo", "Warsaw",
          "Belgrade", "Manila", "Vienna", "Oslo", "Riyadh", "Kampala"]  # fmt: skip
ORGS = ["the African Union", "the European Union", "the United Nations", "NATO",
        "the Red Cross", "the World Bank"]  # fmt: skip
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
GROUPS = ["police", "soldiers", "rebels", "protesters", "militants", "border guards",
          "opposition lawmakers", "students"]  # fmt: skip
TOPICS = ["the disputed border", "grain exports", "the ceasefire", "prisoner exchanges",
          "energy prices", "refugee returns", "the peace plan", "trade tariffs",
          "water rights on the river", "the detained journalists"]  # fmt: skip

EVENT_TEMPLATES = [
    "{title} {name} met {title2} {name2} in {city} on {day} to discuss {topic}.",
    "{name} accused {country2} of violating {topic_short} agreement, officials said on {day}.",
    "{country} offered a {n}-day ceasefire starting {day}, according to a government statement.",
    "{Adj} {group} detained dozens of {group2} near the frontier on {day}, witnesses said.",
    "{org} urged {country} and {country2} to settle their dispute over {topic} peacefully.",
    "{name} said {pron} was ready to sign a new security agreement with {country2} "
    "if the prisoners were released.",
    "{country} threatened {country2} with new sanctions after {group} in {city} arrested "
    "more than {n} people.",
    "{adj2} forces shelled positions held by {group} outside {city} overnight, killing {n} "
    "people, the health ministry said.",
    "{title} {name} will travel to {city} next week for talks on {topic}, a spokesman said.",
    "{org} pledged {n} million dollars in aid to {country} after the floods.",
    "Thousands of {group} demonstrated outside parliament in {city} for a third night, "
    "demanding early elections.",
    "{name} rejected the criticism and accused foreign governments of interfering in "
    "{country}'s affairs.",
    "{country} and {country2} agreed on {day} to reopen the border crossing near {city}.",
    "{title} {name} condemned the attack and called for an independent investigation.",
    '"We will not accept any deal that ignores {topic}," {name} told reporters in {city}.',
    "{country} expelled two {adj2} diplomats on {day}, accusing them of espionage.",
    "{org} welcomed the decision and said it would send observers to {city}.",
    "{name} proposed a summit in {city} on {day} to end the dispute over {topic}.",
]
BACKGROUND = [
    "Analysts in {city} remain sceptical that a single meeting can end the tension.",
    "The dispute has simmered for years and flared again last spring.",
    "Prices of bread and fuel have risen sharply in recent months, adding to public anger.",
    "Heavy rain is expected across the region later in the week.",
    "The talks are the first of their kind since the election in {year}.",
    "Diplomats said the negotiations were difficult but that progress had been made on {topic}.",
    "The region is home to about {n} million people, many of them farmers and herders.",
    "Local newspapers carried the story on their front pages on {day}.",
    "Markets in {city} were calm after the announcement, and the currency held steady.",
    "Opposition parties have called for a debate on {topic} in parliament.",
    "Observers noted that similar promises had been made before and were never kept.",
    "The road between {city} and the coast was closed for several hours.",
]


def _fill(template: str, rng: random.Random) -> str:
    (title, name, _), (title2, name2, _) = rng.sample(LEADERS, 2)
    (country, adj), (country2, adj2) = rng.sample(COUNTRIES, 2)
    group, group2 = rng.sample(GROUPS, 2)
    topic = rng.choice(TOPICS)
    text = template.format(
        title=title, name=name, title2=title2, name2=name2, country=country, country2=country2,
        Adj=adj, adj2=adj2, group=group, group2=group2, topic=topic,
        topic_short=topic.removeprefix("the "), city=rng.choice(CITIES), day=rng.choice(DAYS),
        org=rng.choice(ORGS), n=rng.randint(2, 90), pron=rng.choice(("he", "she")),
        year=rng.randint(2015, 2025),
    )  # fmt: skip
    return text[0].upper() + text[1:]  # "the Red Cross" opens a sentence as "The Red Cross"


def article(index: int, seed: int = 7, words: int = 600) -> dict:
    """Article `index` of the corpus for `seed`: a JSONL record of about `words` words."""
    rng = random.Random(f"{seed}:{index}")
    paragraphs, count = [], 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            pool = EVENT_TEMPLATES if rng.random() < 0.6 else BACKGROUND
            sentences.append(_fill(rng.choice(pool), rng))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    published = date(2026, 1, 1) + timedelta(days=rng.randrange(300))
    title = _fill(rng.choice(EVENT_TEMPLATES), rng).rstrip(".")
    return {
        "id": f"synthetic-{seed}-{index:06d}",
        "date": published.isoformat(),
        "title": title,
        "source": "dotterel synthetic corpus",
        "text": "\n".join(paragraphs),
    }


def articles(n: int, seed: int = 7, words: int = 600) -> Iterator[dict]:
    for index in range(n):
        yield article(index, seed, words)


def write_jsonl(path, n: int, seed: int = 7, words: int = 600) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for record in articles(n, seed, words):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--words", type=int, default=600, help="about this many words an article")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default="-", help="JSONL file (default: standard output)")
    args = ap.parse_args(argv)
    if args.out == "-":
        for record in articles(args.articles, args.seed, args.words):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        write_jsonl(args.out, args.articles, args.seed, args.words)
    return 0


if __name__ == "__main__":
    sys.exit(main())
