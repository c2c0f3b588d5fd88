"""Benchmark: decision throughput, memory over many decisions, and audit speed.

    python scripts/benchmark.py [--decisions 100000] [--rules rulesets]

Prints figures; asserts nothing (the tests check behaviour; this measures it). Memory is the
process's resident set size (VmRSS) read from /proc, which includes durable-rules' C heap.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import time
from pathlib import Path

from guideline_engine.audit import audit
from guideline_engine.decide import decide
from guideline_engine.precheck import build_facts
from guideline_engine.rules import load_rulebook
from guideline_engine.vocabulary import BodyRegion, Modality

ROOT = Path(__file__).resolve().parents[1]


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fact_pool(size: int, seed: int = 7) -> list:
    rng = random.Random(seed)
    modalities = [m.value for m in Modality]
    regions = [r.value for r in BodyRegion]
    pool = []
    for _ in range(size):
        injury = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(5000))
        values = {"modality": rng.choice(modalities), "body_region": rng.choice(regions),
                  "requested_visits": rng.randrange(1, 30), "injury_date": injury,
                  "request_date": injury + dt.timedelta(days=rng.randrange(1, 2500))}
        if rng.random() < 0.7:
            values["prior_sessions"] = rng.randrange(0, 30)
        if rng.random() < 0.6:
            values["functional_improvement"] = rng.choice(["documented", "not_documented"])
        pool.append(build_facts(values))
    return pool


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decisions", type=int, default=100_000)
    parser.add_argument("--rules", default=str(ROOT / "rulesets"))
    args = parser.parse_args()

    start = time.perf_counter()
    book = load_rulebook(args.rules)
    print(f"load rulesets: {len(book.rules)} rules in {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    report = audit([ROOT / "fixtures" / "letters"], book)
    elapsed = time.perf_counter() - start
    print(f"audit fixtures: {report.summary.letters} letters, {report.summary.items} items in "
          f"{elapsed:.2f} s ({report.summary.items / elapsed:.0f} items/s)")

    pool = fact_pool(1000)
    for facts in pool[:200]:  # warm up
        decide(facts, book)
    print(f"{'decisions':>10} {'RSS MiB':>8} {'decisions/s':>12} {'facts held':>10}")
    base = rss_mib()
    print(f"{0:>10} {base:>8.1f} {'-':>12} {book.facts_held():>10}")
    step = max(1, args.decisions // 10)
    done = 0
    start = time.perf_counter()
    while done < args.decisions:
        t = time.perf_counter()
        for i in range(step):
            decide(pool[(done + i) % len(pool)], book)
        done += step
        rate = step / (time.perf_counter() - t)
        print(f"{done:>10} {rss_mib():>8.1f} {rate:>12.0f} {book.facts_held():>10}")
    total = time.perf_counter() - start
    print(f"{done} decisions in {total:.1f} s ({done / total:.0f}/s); RSS grew "
          f"{rss_mib() - base:+.1f} MiB; facts held by durable-rules afterwards: "
          f"{book.facts_held()}")

    copy = load_rulebook(args.rules)  # a second version side by side
    same = sum(decide(f, book).outcome == decide(f, copy).outcome for f in pool[:500])
    print(f"two rulebooks side by side: {same}/500 identical decisions; "
          f"facts held {book.facts_held()} + {copy.facts_held()}")


if __name__ == "__main__":
    main()
