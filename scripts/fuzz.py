"""Long fuzz runs: the properties of tests/test_fuzz.py with N examples each.

    python scripts/fuzz.py [--examples 100000]

Prints the examples run, the time taken and the failures found (pytest's report shows each
shrunk failing input). The test suite runs the same properties with 60 examples each.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000, help="examples per property")
    args = parser.parse_args()
    env = {**os.environ, "GUIDELINE_ENGINE_FUZZ_EXAMPLES": str(args.examples)}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             str(ROOT / "tests" / "test_fuzz.py")], cwd=ROOT, env=env)
    elapsed = time.perf_counter() - start
    print(f"fuzz: 3 properties x {args.examples} examples in {elapsed:.0f} s; "
          f"{'no failures' if result.returncode == 0 else 'FAILURES (see above)'}")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
