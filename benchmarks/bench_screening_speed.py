"""Screening speed against a synthetic list of 1,000,000 names, side by side with a brute-force scan.

Run: .venv/bin/python benchmarks/bench_screening_speed.py [--size 1000000] [--queries 2000]
On the matcher compiled by mypyc: make compiled && PYTHONPATH=build/compiled .venv/bin/python benchmarks/...

The list: the 149 bundled missile-sanctions entities plus synthetic organisation names built from
place names, invented distinctive words, generic words and company forms (a fixed seed), so token
frequencies look like a real list's. The queries: half are variants of listed names (typos, word
order, company forms, romanisations), half are names not on the list. Measured on one core:
index build time and memory, queries per second through the candidate index (full matcher on the
candidates), and queries per second of a brute-force rapidfuzz scan (``process.extract`` with
``token_sort_ratio`` over every name: the scan the index replaces), with the ratio.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import random
import resource
import statistics
import time

from rapidfuzz import fuzz, process

from mtcr.screening import matcher
from mtcr.screening.importers import parse_list
from mtcr.screening.index import CandidateIndex
from mtcr.screening.model import EntityType, ListEntity, ListFormat, Party

PLACES = [
    "beijing",
    "shanghai",
    "tianjin",
    "shenzhen",
    "dalian",
    "harbin",
    "wuhan",
    "xian",
    "chengdu",
    "tehran",
    "isfahan",
    "shiraz",
    "tabriz",
    "mashhad",
    "pyongyang",
    "nampo",
    "wonsan",
    "hamhung",
    "moscow",
    "novosibirsk",
    "samara",
    "kazan",
    "karachi",
    "lahore",
    "islamabad",
    "rawalpindi",
    "mumbai",
    "delhi",
    "chennai",
    "bangalore",
    "hyderabad",
    "damascus",
    "aleppo",
    "minsk",
    "dubai",
    "sharjah",
    "singapore",
    "hong",
    "kong",
    "taipei",
]
GENERIC = [
    "industrial",
    "industries",
    "trading",
    "technology",
    "technologies",
    "engineering",
    "electronics",
    "machinery",
    "aerospace",
    "precision",
    "chemical",
    "materials",
    "metals",
    "equipment",
    "systems",
    "international",
    "general",
    "development",
    "import",
    "export",
    "science",
    "research",
    "manufacturing",
    "logistics",
    "shipping",
    "group",
    "holding",
]
FORMS = ("co ltd", "company limited", "corporation", "llc", "group", "inc", "jsc", "pvt ltd", "gmbh", "")
SYLLABLES = [
    "ka",
    "ri",
    "to",
    "mo",
    "na",
    "sa",
    "ze",
    "vi",
    "lo",
    "pe",
    "tu",
    "ra",
    "ne",
    "ha",
    "shi",
    "ko",
    "yu",
    "an",
    "el",
    "or",
    "in",
    "us",
    "ar",
    "en",
    "ul",
    "ta",
    "ba",
    "do",
    "gi",
    "fa",
    "jo",
    "lu",
    "me",
    "qi",
    "xi",
    "zhu",
    "chang",
    "hong",
    "wei",
    "ming",
    "hua",
]


def invented_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def synthetic_name(rng: random.Random) -> str:
    words = []
    if rng.random() < 0.6:
        words.append(rng.choice(PLACES))
    words.extend(invented_word(rng) for _ in range(rng.randint(1, 2)))
    words.extend(rng.sample(GENERIC, rng.randint(1, 2)))
    words.append(rng.choice(FORMS))
    return " ".join(w for w in words if w).title()


def variant(name: str, rng: random.Random) -> str:
    words = name.split()
    choice = rng.randrange(4)
    if choice == 0 and len(words) > 1:
        rng.shuffle(words)
    elif choice == 1:
        word = rng.randrange(len(words))
        w = words[word]
        if len(w) > 4:
            i = rng.randrange(1, len(w) - 1)
            words[word] = w[:i] + w[i + 1 :]
    elif choice == 2:
        words = [w for w in words if w.lower() not in ("co", "ltd", "corporation", "company", "limited")] + [
            "Co.",
            "Ltd.",
        ]
    return " ".join(words)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--brute-queries", type=int, default=20)
    # the machine's speed drifts by a quarter from minute to minute: three batches of new queries, the median
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(20261127)
    listed = parse_list(
        __import__("pathlib").Path(__file__).resolve().parent.parent
        / "src/mtcr/data/screening/mtcr-missile-sanctions.csv",
        ListFormat.CSV,
    )
    entities = list(listed)
    while len(entities) < args.size:
        entities.append(ListEntity(f"S{len(entities)}", EntityType.ORGANIZATION, (synthetic_name(rng),)))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    index = CandidateIndex(entities)
    build_s = time.perf_counter() - start
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    batches = []
    for _ in range(args.passes):
        on_list = [rng.choice(entities) for _ in range(args.queries // 2)]
        queries = [Party(variant(e.names[0], rng)) for e in on_list]
        queries += [Party(synthetic_name(random.Random(rng.random()))) for _ in range(args.queries - len(queries))]
        rng.shuffle(queries)
        batches.append((on_list, queries))
    on_list, queries = batches[0]

    for party in queries[:50]:
        index.screen(party)  # warm caches
    found, batch_s = 0, []
    for _, batch in batches:  # each batch new names: a name screened again would be prepared already
        start = time.perf_counter()
        for party in batch:
            found += bool(index.screen(party))
        batch_s.append(time.perf_counter() - start)
    index_s = statistics.median(batch_s)
    sampled = on_list[:300]
    recovered = sum(
        any(hit.entity_id == e.entity_id for hit in index.screen(Party(variant(e.names[0], random.Random(7)))))
        for e in sampled
    )

    names = [e.names[0] for e in entities]
    brute_times = []
    for party in queries[: args.brute_queries]:
        start = time.perf_counter()
        process.extract(party.name, names, scorer=fuzz.token_sort_ratio, limit=10)
        brute_times.append(time.perf_counter() - start)
    brute_s = statistics.median(brute_times)

    qps = len(queries) / index_s
    build = "compiled by mypyc" if matcher.__file__.endswith(".so") else "pure Python"
    print(f"| list size | {len(entities):,} names |")
    print("|---|---:|")
    print(f"| matcher | {matcher.MATCHER_VERSION}, {build} |")
    print(f"| index build | {build_s:.1f} s ({len(entities) / build_s:,.0f} names/s) |")
    print(f"| index memory (peak RSS growth) | {(rss_after - rss_before) / 1024:,.0f} MiB |")
    print(f"| queries | {len(batches)} batches of {len(queries):,} ({len(on_list):,} variants of listed names) |")
    passes = ", ".join(f"{len(queries) / s:,.0f}" for s in batch_s)
    print(
        f"| screening through the index (median batch) | {qps:,.0f} queries/s ({index_s / len(queries) * 1e3:.2f} ms "
        f"each; batches {passes}) |"
    )
    print(f"| queries with a hit | {found:,} of {sum(len(batch) for _, batch in batches):,} |")
    print(f"| listed variants found ({len(sampled)} sampled) | {recovered} / {len(sampled)} |")
    print(
        f"| brute-force rapidfuzz scan (token_sort_ratio, median of {len(brute_times)}) | {1 / brute_s:,.2f} "
        f"queries/s ({brute_s * 1e3:,.0f} ms each) |"
    )
    print(f"| index speed-up over the scan | {qps * brute_s:,.0f}x |")


if __name__ == "__main__":
    main()
