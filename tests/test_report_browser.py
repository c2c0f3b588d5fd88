"""The HTML report of fixtures/ in a real browser (headless chromium): what it shows matches the
JSON audit of the same letters, it sends no request anywhere and logs no error."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter

import pytest
from conftest import ROOT, SAMPLE, SEEDS

from guideline_engine.cli import main


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(the JSON audit of a cross-section of the fixture letters, the HTML report made from
    it)."""
    folder = tmp_path_factory.mktemp("report")
    audit_json, page = folder / "audit.json", folder / "report.html"
    code = main(["audit", *map(str, SAMPLE), "--format", "json", "-o", str(audit_json), "--quiet",
                 "--rules", str(ROOT / "rulesets")])
    audit = json.loads(audit_json.read_text(encoding="utf-8"))
    assert code == (1 if audit["errors"] else 0)
    assert main(["report", str(audit_json), "-o", str(page)]) == 0
    return audit, page


@pytest.fixture
def opened(browser_page):
    """Open a report: every request that is not a file:// one is refused and recorded, and so
    is every console error and uncaught exception; the test ends by checking both are empty."""
    page = browser_page
    problems: dict[str, list[str]] = {"requests": [], "errors": []}

    def refuse(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            problems["requests"].append(route.request.url)
            route.abort()

    page.route("**/*", refuse)
    page.on("request", lambda r: r.url.startswith(("file://", "data:"))
            or problems["requests"].append(r.url))
    page.on("console", lambda m: m.type == "error" and problems["errors"].append(m.text))
    page.on("pageerror", lambda e: problems["errors"].append(str(e)))

    def open_report(path):
        page.goto(path.as_uri())
        page.wait_for_selector("html[data-ready=table]")
        return page

    yield open_report
    assert problems == {"requests": [], "errors": []}


def items_of(audit: dict) -> list[tuple[dict, dict]]:
    return [(letter, item) for letter in audit["letters"] for item in letter["items"]]


def shown_rows(page) -> list[tuple[str, int]]:
    """(source, item number) of each row of the table's current page."""
    return page.eval_on_selector_all(
        "#items tr.item",
        "rows => rows.map(r => [r.querySelector('td.source').title, "
        "Number(r.children[2].textContent)])")


def wait_for_count(page, count: int) -> None:
    """Until the table says `count` items match (the letter filter waits for typing to stop).
    A function, not an expression: the page's Content-Security-Policy forbids eval."""
    page.wait_for_function(
        "n => document.getElementById('match-count').textContent === String(n)", arg=count)


def open_row(page, row) -> None:
    """Click a row, as a person would, and wait for its item view (drawn once its letter's
    blocks are unpacked)."""
    number = row.get_attribute("data-id")
    row.click()
    page.wait_for_selector(f'#item-view[data-row="{number}"]')


def first_page(page) -> None:
    while not page.locator("#page-prev").is_disabled():
        page.click("#page-prev")


def pages(page):
    """Go through the table's pages from the first, yielding at each."""
    first_page(page)
    yield
    while not page.locator("#page-next").is_disabled():
        page.click("#page-next")
        yield


def all_matching_rows(page) -> list[tuple[str, int]]:
    """The rows of every page of the table."""
    return [tuple(row) for _ in pages(page) for row in shown_rows(page)]


def test_the_item_count_is_the_audits(built, opened, tmp_path):
    audit, path = built
    page = opened(path)
    assert int(page.text_content("#item-count")) == len(items_of(audit)) \
        == audit["summary"]["items"]
    assert int(page.text_content("#match-count")) == len(items_of(audit))
    # drawn a page at a time, every item reachable; disagreements first
    assert page.locator("#items tr.item").count() == min(100, len(items_of(audit)))
    rows = all_matching_rows(page)
    assert Counter(rows) == Counter((letter["source"], item["index"])
                                    for letter, item in items_of(audit))
    first_page(page)
    verdicts = page.eval_on_selector_all("#items tr.item", "rs => rs.map(r => r.dataset.verdict)")
    disagree = sum(item["verdict"] == "disagree" for _, item in items_of(audit))
    assert disagree and verdicts[:disagree] == ["disagree"] * disagree
    assert verdicts[disagree] != "disagree"
    # the letters that could not be read, each with its message
    listed = page.eval_on_selector_all("#error-list tbody tr",
                                       "rs => rs.map(r => [...r.cells].map(c => c.textContent))")
    assert listed == [[e["source"], e["message"]] for e in audit["errors"]]
    assert int(page.text_content("#count-errors")) == len(audit["errors"])
    page.screenshot(path=str(tmp_path / "report.png"))


@pytest.mark.parametrize(("control", "value", "keep"), [
    ("#filter-verdict", "disagree", lambda letter, item: item["verdict"] == "disagree"),
    ("#filter-modality", "acupuncture",
     lambda letter, item: item["facts"]["modality"]["value"] == "acupuncture"),
    ("#filter-finding", "functional_improvement_not_documented",
     lambda letter, item: any(f["kind"] == "functional_improvement_not_documented"
                              for f in item["decision"]["findings"])),
    ("#filter-guideline", "ODG",
     lambda letter, item: item["decision"]["governing_guideline"] == "ODG"),
])
def test_a_filter_keeps_exactly_the_items_the_json_says(built, opened, control, value, keep):
    audit, path = built
    page = opened(path)
    page.select_option(control, value)
    expected = Counter((letter["source"], item["index"]) for letter, item in items_of(audit)
                       if keep(letter, item))
    assert expected, "the fixtures hold such items"
    assert Counter(all_matching_rows(page)) == expected
    assert int(page.text_content("#match-count")) == sum(expected.values())


def test_the_letter_filter_and_sorting(built, opened):
    audit, path = built
    page = opened(path)
    page.fill("#filter-letter", "SYN_0")  # case does not matter
    expected = Counter((letter["source"], item["index"]) for letter, item in items_of(audit)
                       if "syn_0" in letter["source"].lower())
    wait_for_count(page, sum(expected.values()))
    assert Counter(all_matching_rows(page)) == expected
    page.click("#items th[data-sort=title]")
    titles = page.eval_on_selector_all("#items tr.item td.title",
                                       "cells => cells.map(c => c.firstChild.textContent)")
    assert titles == sorted(titles, key=str.lower)
    page.click("#items th[data-sort=title]")
    again = page.eval_on_selector_all("#items tr.item td.title",
                                      "cells => cells.map(c => c.firstChild.textContent)")
    assert again == sorted(titles, key=str.lower, reverse=True)
    assert page.get_attribute("#items th[data-sort=title]", "aria-sort") == "descending"


def evidence_in_json(item: dict) -> Counter:
    """The evidence the report marks: all of it but the sentences kept around it for context."""
    return Counter((name, ev["quote"]) for name, fact in item["facts"].items()
                   for ev in fact["evidence"] if not ev.get("context"))


# click the n-th row of the table's page and read the item view, in one round trip
OPEN_ROW = """async n => {
  const row = document.querySelectorAll('#items tr.item')[n];
  const view = document.getElementById('item-view');
  const shown = new Promise((resolve, reject) => {
    view.addEventListener('item-shown', resolve, {once: true});
    setTimeout(() => reject(new Error('the item view did not open in 10 s')), 10000);
  });
  row.click();
  await shown;
  const marks = [...view.querySelectorAll('mark.evidence')]
    .map(m => [m.dataset.fact, m.dataset.ev, m.textContent]);
  const disagreement = document.getElementById('disagreement');
  return {source: row.querySelector('td.source').title, index: Number(row.cells[2].textContent),
          visible: !view.hidden, title: view.querySelector('h3').textContent,
          text: view.textContent, marks, letter: !!view.querySelector('.letter-text'),
          disagreement: disagreement && disagreement.textContent};
}"""


def evidence_shown(marks: list) -> Counter:
    """(fact, text) of each piece of evidence highlighted: a mark, or the marks that share its
    data-ev when it overlaps another without nesting."""
    pieces: dict[str, list] = {}
    for fact, ev, text in marks:
        pieces.setdefault(ev, [fact, ""])[1] += text
    return Counter((fact, text) for fact, text in pieces.values())


def test_an_item_shows_its_letter_with_the_evidence_of_its_facts(built, opened, tmp_path):
    audit, path = built
    page = opened(path)
    by_key = {(letter["source"], item["index"]): item for letter, item in items_of(audit)}
    seen = []
    for _ in pages(page):
        for number in range(page.locator("#items tr.item").count()):
            shown = page.evaluate(OPEN_ROW, number)
            key = (shown["source"], shown["index"])
            item = by_key[key]
            assert shown["visible"] and shown["letter"], key
            assert shown["title"] == f"#{item['index']} {item['title']}"
            assert evidence_shown(shown["marks"]) == evidence_in_json(item), key
            for finding in item["decision"]["findings"]:
                assert finding["rule"] in shown["text"] and finding["reason"] in shown["text"]
            for note in item["audit_notes"]:
                assert note in shown["text"]
            if item["verdict"] == "disagree":
                assert shown["disagreement"] == item["disagreement"]
            seen.append(key)
    assert sorted(seen) == sorted(by_key)
    # and with the mouse, as a person would
    first_page(page)
    page.select_option("#filter-verdict", "disagree")
    open_row(page, page.locator("#items tr.item").first)
    assert page.locator("#item-view mark.evidence").count() > 0
    page.locator("#item-view").screenshot(path=str(tmp_path / "disagreement.png"))


def test_unconfirmed_figures_are_marked(built, opened):
    audit, path = built
    page = opened(path)
    unconfirmed = [(letter["source"], item) for letter, item in items_of(audit)
                   if any(not f["verified"] for f in item["decision"]["findings"])]
    assert unconfirmed
    source, item = unconfirmed[0]
    page.fill("#filter-letter", source)
    wait_for_count(page, sum(letter["source"] == source for letter, _ in items_of(audit)))
    row = page.locator(f"#items tr.item:has(td.title:text-is('{item['title']}'))")
    assert row.locator(".unconfirmed").count() == 1
    open_row(page, row)
    assert page.locator("#item-view .finding .unconfirmed").count() == sum(
        not f["verified"] for f in item["decision"]["findings"])


def test_a_letter_whose_file_is_gone_is_shown_without_its_text(opened, tmp_path):
    letter = tmp_path / "letter.txt"
    shutil.copy(SEEDS[0], letter)
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(SEEDS[1].read_text(encoding="utf-8")
                       + "\n</script><script>window.escaped = 1</script><!-- <script>\n",
                       encoding="utf-8")
    audit_json, page_file = tmp_path / "audit.json", tmp_path / "report.html"
    assert main(["audit", str(letter), str(hostile), "--format", "json", "-o", str(audit_json),
                 "--quiet", "--rules", str(ROOT / "rulesets")]) == 0
    letter.unlink()
    assert main(["report", str(audit_json), "-o", str(page_file)]) == 0
    page = opened(page_file)
    page.fill("#filter-letter", "letter.txt")
    wait_for_count(page, 1)
    open_row(page, page.locator("#items tr.item").first)
    assert "no such file" in page.text_content("#text-missing")
    assert page.locator("#item-view mark.evidence").count() == 0
    page.fill("#filter-letter", "hostile.txt")
    wait_for_count(page, 2)
    open_row(page, page.locator("#items tr.item").first)
    # the letter's "</script>" is text on the page, not markup that ran
    assert "</script><script>window.escaped = 1</script>" in \
        page.text_content("#item-view .letter-text")
    assert page.evaluate("window.escaped") is None


def test_the_benchmark_runs_on_a_small_report(built):
    """bench/html_report.py is a benchmark, not a timed test: only that it runs and prints
    each figure is checked here."""
    _, page = built
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "html_report.py"), "--audit",
         str(page.parent / "audit.json"), "--letters", "40", "--runs", "1"],
        capture_output=True, text=True, timeout=600, check=True)
    assert "report of 40 letters" in result.stdout
    for figure in ("table ready", "DOMContentLoaded", "interactive", "opening an item",
                   "filtering on verdict"):
        assert re.search(rf"{figure}.*: \d+ ms", result.stdout), figure
