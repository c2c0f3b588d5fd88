"""Long fuzz runs: the properties of tests/test_fuzz.py with as many examples as wanted.

    python scripts/fuzz.py [--examples 100000] [--bytes N] [--letters N] [--facts N]

Each property runs in its own pytest process with its own count (--examples is the default for
all three); the script prints, per property, the examples run, the time taken and whether it
failed (pytest's report shows each shrunk failing input), then the totals. The test suite runs
the same properties with 60 examples each.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROPERTIES = {
    "bytes": "test_any_bytes_are_a_report_or_a_named_error",
    "letters": "test_mangled_letters_are_a_report_or_a_named_error",
    "facts": "test_any_fact_document_is_facts_or_an_error_naming_the_field",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000,
                        help="examples per property unless given below (default 100000)")
    for name, test in PROPERTIES.items():
        parser.add_argument(f"--{name}", type=int, metavar="N", help=f"examples for {test}")
    args = parser.parse_args()
    failed = 0
    total_examples = 0
    total_time = 0.0
    for name, test in PROPERTIES.items():
        examples = getattr(args, name) or args.examples
        env = {**os.environ, "GUIDELINE_ENGINE_FUZZ_EXAMPLES": str(examples)}
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                                 f"{ROOT / 'tests' / 'test_fuzz.py'}::{test}"], cwd=ROOT, env=env)
        elapsed = time.perf_counter() - start
        failed += result.returncode != 0
        total_examples += examples
        total_time += elapsed
        print(f"fuzz {name}: {examples} examples in {elapsed:.0f} s; "
              f"{'no failures' if result.returncode == 0 else 'FAILURES (see above)'}",
              flush=True)
    print(f"fuzz: {total_examples} examples in {total_time:.0f} s; "
          f"{'no failures' if not failed else f'{failed} properties FAILED'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
