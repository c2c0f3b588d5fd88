from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from guideline_engine.rules import load_rulebook

# property tests check behaviour, not speed (the benchmark measures speed): no per-example
# deadline, which a loaded CI machine would trip on a first, cache-filling example
settings.register_profile("guideline-engine", deadline=None)
settings.load_profile("guideline-engine")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
LETTERS = FIXTURES / "letters"
SEEDS = sorted(LETTERS.glob("0*.txt"))
# a cross-section of the letters (seeds, synthetic, layouts, every 25th blind letter, the dev
# PDFs) for tests that need many letters but not all: every letter is checked against its
# expectations once, by test_seeds and by `guideline-engine test fixtures`
SAMPLE = [*SEEDS, *sorted((LETTERS / "synthetic").glob("*.txt")),
          *sorted((LETTERS / "layouts").glob("*.txt")),
          *sorted((LETTERS / "blind").glob("*.txt"))[::25],
          *sorted((LETTERS / "real-dev").glob("*.pdf"))]
DATA = Path(__file__).resolve().parent / "data"


def pdf_bytes(text: str) -> bytes:
    """A letter's text as a one-column PDF (fpdf2), line by line."""
    from fpdf import FPDF

    pdf = FPDF(format="letter")
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in text.splitlines():
        pdf.multi_cell(0, 5, line.strip() or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.fixture(scope="session")
def book():
    return load_rulebook(ROOT / "rulesets")


# ---------------------------------------------------------------- a real browser

# Debian's chromium (.ci/run installs it), driven by Playwright; never `playwright install`,
# which downloads a browser and cannot here
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


@pytest.fixture(scope="session")
def chromium():
    """The launched headless chromium (a Playwright Browser). Playwright gives it a fresh
    profile (user-data-dir) in a temporary folder, removed when it closes. The README's test
    command installs chromium; without it the browser tests fail, saying what to install."""
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed: apt-get install -y chromium chromium-driver "
                    "(the README's test command does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def browser_page(chromium, tmp_path):
    """A new Playwright Page (sync API, 1280x800, a context of its own); on teardown its
    screenshot is saved as tmp_path / "screenshot.png"."""
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        yield page
    finally:
        try:
            if not page.is_closed():
                page.screenshot(path=str(tmp_path / "screenshot.png"))
        finally:
            context.close()
