"""The corpus benchmark runs (a small N): it is a benchmark, not a timed test, so only that it
runs and prints each figure is checked here."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_the_benchmark_runs_on_a_small_corpus():
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--letters", "4", "--stream", "10",
         "--pdfs", "2", "--decisions", "50"],
        capture_output=True, text=True, timeout=600, check=True)
    out = result.stdout
    assert "letters/s on one process" in out and "with --jobs 2" in out
    assert "PDF" in out
    assert "the same durable-rules calls made directly" in out
    assert "streaming 10 letters as jsonl" in out and "10: " in out
