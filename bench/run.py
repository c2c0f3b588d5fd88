"""Corpus benchmark: letters/s (one process, --jobs 2), PDF letters/s and pages/s, the rule stage
against the same durable-rules calls made directly, and memory while streaming a corpus.

    python bench/run.py [--letters 2000] [--stream 10000] [--pdfs 1000] [--decisions 3000]

It builds a corpus of N text letters by varying the bundled fixture letters (visit counts,
dates, body regions, treatments: the words a letter turns on) in a temporary folder, then:

- audits it with one process and with `--jobs 2`, writing `jsonl` to /dev/null (letters/s);
- audits the published PDFs in ../shared/letters when they are there (letters/s, pages/s);
- decides a pool of fact sets with `decide` and with the bare `RuleBook.fire` it makes
  (the ratio is the wrapper's share of the rule stage);
- runs `guideline-engine audit --format jsonl` on `--stream` letters in a child process and reads
  its peak RSS from /proc at each tenth of the run (flat means constant memory).

Prints figures; asserts nothing. The test suite only checks that it runs on a small N.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from benchmark import fact_pool  # noqa: E402

from guideline_engine.audit import audit_results  # noqa: E402
from guideline_engine.decide import decide, message, prepare  # noqa: E402
from guideline_engine.ingest import read_document  # noqa: E402
from guideline_engine.ingest.decode import decode_text  # noqa: E402
from guideline_engine.report import jsonl_lines  # noqa: E402
from guideline_engine.rules import load_rulebook  # noqa: E402

# the words that vary between copies: each list's members replace one another
VARIANTS = [
    ["lumbar spine", "cervical spine", "left shoulder", "right knee", "low back"],
    ["physical therapy", "chiropractic treatment", "acupuncture", "massage therapy"],
]
COUNT = re.compile(r"\b(\d{1,2})(\s+(?:sessions|visits|treatments))\b")
DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(20\d\d)\b")


def templates() -> list[str]:
    """The fixture letters that are plain text (seeds, synthetic, blind, layouts), decoded as the
    program decodes them (a letter saved in Windows-1252 is one of them)."""
    return [decode_text(p.read_bytes(), str(p))[0]
            for p in sorted((ROOT / "fixtures" / "letters").rglob("*.txt"))]


def vary(text: str, rng: random.Random) -> str:
    for group in VARIANTS:
        present = [w for w in group if w in text]
        if present:
            text = text.replace(present[0], rng.choice(group))
    text = COUNT.sub(lambda m: f"{rng.randrange(2, 25)}{m.group(2)}", text)
    shift = rng.randrange(-2, 3)
    return DATE.sub(lambda m: f"{m.group(1)}/{m.group(2)}/{int(m.group(3)) + shift}", text)


def build_corpus(folder: Path, n: int, seed: int = 11) -> list[Path]:
    rng = random.Random(seed)
    sources = templates()
    paths = []
    for i in range(n):
        path = folder / f"letter_{i:07d}.txt"
        path.write_text(vary(sources[i % len(sources)], rng), encoding="utf-8")
        paths.append(path)
    return paths


def letters_per_second(paths: list[Path], book, jobs: int) -> tuple[float, int]:
    start = time.perf_counter()
    items = 0
    with open(os.devnull, "w") as sink:
        for result in audit_results(paths, book, jobs):
            sink.write(jsonl_lines(result))
            items += 0 if not isinstance(result, list) else sum(len(r.items) for r in result)
    return len(paths) / (time.perf_counter() - start), items


def pdf_figures(book, limit: int) -> str:
    pdfs = sorted((ROOT.parent / "shared" / "letters").rglob("*.pdf"))[:limit]
    if not pdfs:
        return "PDF: ../shared/letters not found, skipped"
    start = time.perf_counter()
    pages = sum(len(read_document(p).page_starts) for p in pdfs)
    ingest = time.perf_counter() - start
    start = time.perf_counter()
    for _ in audit_results(pdfs, book, 1):
        pass
    whole = time.perf_counter() - start
    return (f"PDF ({len(pdfs)} letters, {pages} pages): text extraction {len(pdfs) / ingest:.0f} "
            f"letters/s, {pages / ingest:.0f} pages/s; full audit {len(pdfs) / whole:.1f} "
            f"letters/s on one core")


def rule_stage(book, n: int = 3000) -> str:
    pool = fact_pool(500)
    messages = [message(prepare(f, book)) for f in pool]
    for f in pool[:100]:
        decide(f, book)
    start = time.perf_counter()
    for i in range(n):
        decide(pool[i % len(pool)], book)
    wrapped = n / (time.perf_counter() - start)
    start = time.perf_counter()
    for i in range(n):
        book.fire(messages[i % len(messages)])
    direct = n / (time.perf_counter() - start)
    return (f"rule stage: decide {wrapped:.0f}/s, the same durable-rules calls made directly "
            f"{direct:.0f}/s (ratio {wrapped / direct:.2f})")


def streamed_rss(folder: Path, n: int, rules: str) -> str:
    """Peak RSS of `audit --format jsonl` over n letters, sampled at each tenth of the run."""
    paths = build_corpus(folder, n, seed=23)
    cmd = [sys.executable, "-m", "guideline_engine", "audit", str(folder), "--format", "jsonl",
           "--jobs", "1", "--quiet", "--rules", rules]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    samples = []
    marks = {max(1, n * k // 10) for k in range(1, 11)}
    seen = set()
    for line in proc.stdout:
        source = line[:200].split('"source": "', 1)[-1].split('"', 1)[0]
        if source not in seen:
            seen.add(source)
            if len(seen) in marks:
                samples.append((len(seen), _peak_rss(proc.pid)))
    proc.wait()
    shown = ", ".join(f"{k}: {mib:.0f}" for k, mib in samples)
    return f"streaming {len(paths)} letters as jsonl (peak RSS MiB by letters done): {shown}"


def _peak_rss(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=2000, help="corpus size for letters/s")
    parser.add_argument("--stream", type=int, default=10000,
                        help="letters streamed for the memory figure (0: skip)")
    parser.add_argument("--pdfs", type=int, default=1000, help="published PDFs to read at most")
    parser.add_argument("--decisions", type=int, default=3000, help="decisions for the ratio")
    parser.add_argument("--rules", default=str(ROOT / "rulesets"))
    args = parser.parse_args(argv)
    book = load_rulebook(args.rules)
    with tempfile.TemporaryDirectory() as tmp:
        paths = build_corpus(Path(tmp), args.letters)
        one, items = letters_per_second(paths, book, 1)
        two, _ = letters_per_second(paths, book, 2)
        print(f"text letters ({len(paths)} varied from the fixtures, {items} items): "
              f"{one:.1f} letters/s on one process, {two:.1f} letters/s with --jobs 2")
    print(pdf_figures(book, args.pdfs))
    print(rule_stage(book, args.decisions))
    if args.stream:
        with tempfile.TemporaryDirectory() as tmp:
            print(streamed_rss(Path(tmp), args.stream, args.rules))


if __name__ == "__main__":
    main()
