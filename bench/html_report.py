"""HTML report benchmark: how long a report of N letters takes to build, how large it is, and
how soon headless chromium makes it usable.

    python bench/html_report.py [--letters 10000] [--runs 3] [--audit AUDIT.json] [--keep FILE]

It audits fixtures/ (or reads `--audit`, an `audit --format json` of them), then replicates that
audit to N letters: every letter file is copied (so each copy is a file of its own, read again
and embedded as its own text block) and its letters' reports are repeated with the copy as their
source. It times `render_html` (reading the texts again, parsing them for the reviewers'
specialties, building and writing the page), then opens the page in headless chromium --runs
times, each in a fresh context, and reports:

- DOMContentLoaded: the whole file parsed (every letter block included);
- table ready: the first page of the items table drawn and every control wired (the page's
  script runs before the letter blocks, so the table is usable while they are still parsed);
- interactive: the later of the two;
- opening an item (parse its letter's blocks, highlight the evidence) and a filter.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from guideline_engine.audit import audit, audit_report  # noqa: E402
from guideline_engine.html_report import read_audit_json, render_html  # noqa: E402
from guideline_engine.html_report.texts import file_of  # noqa: E402
from guideline_engine.models import AuditReport  # noqa: E402
from guideline_engine.rules import load_rulebook  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]

TIMINGS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return {dcl: nav.domContentLoadedEventEnd, table: window.reportTableReadyAt,
          load: nav.loadEventEnd};
}"""

OPEN_ITEM = """async () => {
  const view = document.getElementById('item-view');
  const shown = new Promise((resolve, reject) => {
    view.addEventListener('item-shown', resolve, {once: true});
    setTimeout(() => reject(new Error('the item view did not open in 10 s')), 10000);
  });
  const t0 = performance.now();
  document.querySelector('#items tr.item').click();
  await shown;
  const marks = view.querySelectorAll('mark.evidence').length;
  return {ms: performance.now() - t0, marks};
}"""

FILTER = """() => {
  const t0 = performance.now();
  const select = document.getElementById('filter-verdict');
  select.value = 'agree';
  select.dispatchEvent(new Event('change'));
  const shown = Number(document.getElementById('match-count').textContent);
  return {ms: performance.now() - t0, shown};
}"""


def replicate(report: AuditReport, letters: int, folder: Path) -> AuditReport:
    """`letters` letters: the report's letter files copied into `folder` over and over, each
    copy's letters repeated with the copy as their source."""
    by_file: dict[str, list] = {}
    for letter in report.letters:
        by_file.setdefault(file_of(letter.source)[0], []).append(letter)
    files = list(by_file.items())
    out, copy = [], 0
    while len(out) < letters:
        file, reports = files[copy % len(files)]
        target = folder / f"{copy:06d}_{Path(file).name}"
        shutil.copyfile(file, target)
        for letter in reports:
            number = file_of(letter.source)[1]
            source = str(target) + (f"#{number}" if number > 1 else "")
            out.append(letter.model_copy(update={"source": source}))
        copy += 1
    return audit_report(out[:letters], [])


def measure(page_file: Path, runs: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                             headless=True)
        try:
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                page = context.new_page()
                started = time.perf_counter()
                page.goto(page_file.as_uri(), wait_until="domcontentloaded", timeout=120_000)
                page.wait_for_selector("html[data-ready=table]", state="attached")
                wall = time.perf_counter() - started
                timings = page.evaluate(TIMINGS)
                opened = page.evaluate(OPEN_ITEM)
                filtered = page.evaluate(FILTER)
                results.append({"wall": wall * 1000, **timings, "open": opened["ms"],
                                "marks": opened["marks"], "filter": filtered["ms"],
                                "shown": filtered["shown"]})
                context.close()
        finally:
            browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--audit", metavar="AUDIT.json", default=None,
                        help="an `audit --format json` to replicate (default: audit fixtures/)")
    parser.add_argument("--keep", metavar="FILE", default=None, help="keep the page as FILE")
    parser.add_argument("--page", metavar="FILE", default=None,
                        help="only open this report page (one --keep wrote) in the browser")
    args = parser.parse_args()
    if args.page:
        print_figures(measure(Path(args.page), args.runs))
        return

    if args.audit:
        base = read_audit_json(args.audit)
    else:
        started = time.perf_counter()
        base = audit([ROOT / "fixtures"], load_rulebook(ROOT / "rulesets"), jobs=2)
        print(f"audited fixtures/: {base.summary.letters} letters in "
              f"{time.perf_counter() - started:.1f} s")
    with tempfile.TemporaryDirectory(prefix="html-report-bench-") as tmp:
        folder = Path(tmp)
        (folder / "letters").mkdir()
        big = replicate(base, args.letters, folder / "letters")
        started = time.perf_counter()
        html = render_html(big)
        built = time.perf_counter() - started
        page_file = Path(args.keep) if args.keep else folder / "report.html"
        page_file.write_text(html, encoding="utf-8", newline="")
        size = page_file.stat().st_size
        print(f"report of {big.summary.letters} letters, {big.summary.items} items: "
              f"{size / 1e6:.1f} MB, built in {built:.1f} s (texts read again and parsed for "
              f"the reviewers' specialties)")
        results = measure(page_file, args.runs)
    print_figures(results)


def print_figures(results: list[dict]) -> None:
    def median(key: str) -> float:
        return statistics.median(r[key] for r in results)

    print(f"in headless chromium, median of {len(results)} fresh loads:")
    print(f"  table ready (first page drawn, controls wired): {median('table'):.0f} ms")
    print(f"  DOMContentLoaded (every letter block parsed): {median('dcl'):.0f} ms")
    print(f"  interactive (the later of the two): "
          f"{statistics.median(max(r['dcl'], r['table']) for r in results):.0f} ms")
    print(f"  goto to interactive, measured from Python: {median('wall'):.0f} ms")
    print(f"  opening an item ({results[0]['marks']} evidence marks): {median('open'):.0f} ms")
    print(f"  filtering on verdict ({results[0]['shown']} items match): {median('filter'):.0f} ms")


if __name__ == "__main__":
    main()
