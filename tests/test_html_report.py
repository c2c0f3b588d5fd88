"""The HTML report without a browser: the same bytes for the same input, `report` from a JSON
file equal to `audit --format html`, letter text that cannot break out of its <script> block,
charts drawn by matplotlib as inline SVG, clear errors for a file that is not an audit."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from conftest import LETTERS, ROOT, SEEDS

from guideline_engine.cli import main
from guideline_engine.html_report import read_audit_json, render_html
from guideline_engine.html_report.build import build_page, specialty
from guideline_engine.html_report.render import unpack_block
from guideline_engine.html_report.texts import file_of, read_letter_files

RULES = ["--rules", str(ROOT / "rulesets")]
HOSTILE = "\n</script><script>window.escaped = 1</script><!-- <script> </SCRIPT >\n"
PDF = sorted((LETTERS / "real-dev").glob("*.pdf"))[0]


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def letters(tmp_path_factory):
    """Two seed letters, a PDF, and a letter whose text holds "</script>" (copied, so that
    tests may change or remove them)."""
    folder = tmp_path_factory.mktemp("letters")
    paths = []
    for source in (SEEDS[0], SEEDS[1], PDF):
        paths.append(folder / source.name)
        shutil.copy(source, paths[-1])
    hostile = folder / "hostile<!--<script>.txt"
    hostile.write_text(SEEDS[2].read_text(encoding="utf-8") + HOSTILE, encoding="utf-8")
    return [*paths, hostile]


@pytest.fixture(scope="module")
def audit_json(letters, tmp_path_factory):
    path = tmp_path_factory.mktemp("audit") / "audit.json"
    assert main(["audit", *map(str, letters), "--format", "json", "-o", str(path), "--quiet",
                 "--jobs", "1", *RULES]) == 0
    return path


@pytest.fixture(scope="module")
def html(audit_json) -> str:
    return render_html(read_audit_json(audit_json))


class Scripts(HTMLParser):
    """The <script> elements of a page as a browser's parser finds them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._open = dict(attrs)
            self.scripts.append((self._open, ""))

    def handle_data(self, data):
        if self._open is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = None


def scripts_of(page: str) -> list[tuple[dict, str]]:
    parser = Scripts()
    parser.feed(page)
    parser.close()
    return parser.scripts


def test_the_same_report_gives_the_same_bytes(audit_json, html):
    assert render_html(read_audit_json(audit_json)) == html
    # and in other processes, whatever their hash seed (no set or dict order leaks out)
    for seed in ("1", "2"):
        out = subprocess.run(
            [sys.executable, "-m", "guideline_engine", "report", str(audit_json)],
            capture_output=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        assert out.stdout.decode("utf-8") == html


def test_report_from_json_is_audit_html(letters, audit_json, tmp_path):
    direct, via_json = tmp_path / "direct.html", tmp_path / "via-json.html"
    assert main(["audit", *map(str, letters), "--format", "html", "-o", str(direct), "--quiet",
                 *RULES]) == 0
    assert main(["report", str(audit_json), "-o", str(via_json)]) == 0
    assert direct.read_bytes() == via_json.read_bytes()


def test_letter_text_cannot_close_its_script_element(letters, audit_json, html):
    scripts = scripts_of(html)
    kinds = [attrs.get("type", "js") for attrs, _ in scripts]
    # the rows, the page's script, one block per letter and one per letter file: nothing more
    assert kinds == ["application/json", "js"] + ["application/octet-stream"] * (
        len(read_audit_json(audit_json).letters) + len(letters))
    assert "window.escaped" not in scripts[1][1]
    rows = json.loads(scripts[0][1])
    assert str(letters[-1]) in [row["source"] for row in rows]  # "<!--<script>" in its name
    blocks = {attrs["id"]: unpack_block(text) for attrs, text in scripts[2:]}
    hostile = letters[-1].read_text(encoding="utf-8")
    assert HOSTILE in hostile and hostile in blocks.values()  # the letter's text, exactly
    assert "</script><script>window.escaped" not in html
    assert re.search(r"</script\s*>\s*<script>window", html, re.IGNORECASE) is None
    assert "<!--<script>" not in html


def test_charts_are_inline_svg_drawn_by_matplotlib(html):
    figures = re.findall(r'<figure class="chart" id="chart-([\w-]+)">(.*?)</figure>', html,
                         re.DOTALL)
    assert [name for name, _ in figures] == ["confusion", "modality", "guideline",
                                             "specialty", "year"]
    for _, body in figures:
        assert body.count("<svg") == 1 and "<?xml" not in body
        assert re.search(r"Matplotlib v[\d.]+", body), "drawn by matplotlib"
        assert "<table" in body  # the numbers beside the chart
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "every id once on the page (charts' clip paths too)"
    # nothing is fetched: no src, no stylesheet link, no href but anchors and data:
    assert "src=" not in html
    assert all(h.startswith(("#", "data:")) for h in re.findall(r'href="([^"]*)"', html))


def test_the_numbers_beside_the_charts(audit_json, html):
    report = read_audit_json(audit_json)
    confusion = re.search(r'<table class="numbers" id="confusion">(.*?)</table>', html).group(1)
    counts = [[int(n) for n in re.findall(r"<td>(\d+)</td>", row)]
              for row in re.findall(r"<tr><th scope=row>.*?</tr>", confusion)]
    items = [item for letter in report.letters for item in letter.items]
    assert sum(map(sum, counts)) == len(items) == report.summary.items
    assert counts[0][0] == sum(i.recorded_outcome.value == "upheld"
                               and i.decision.outcome == "upheld"
                               and i.verdict != "out_of_scope" for i in items)
    assert f'<span class="number" id="item-count">{report.summary.items}</span>' in html


def test_reviewer_specialty_comes_from_the_letter_text(audit_json):
    report = read_audit_json(audit_json)
    page = build_page(report, read_letter_files(report))
    specialty = next(b for b in page.breakdowns if b.key == "specialty")
    assert sum(g.items for g in specialty.groups) == report.summary.items
    assert any(g.group != "not stated" for g in specialty.groups)
    # without the letters' texts there is no specialty: the chart is left out, saying why
    page = build_page(report, {})
    assert "specialty" not in [b.key for b in page.breakdowns]
    assert "reviewer specialty" in page.missing_breakdowns[0]
    assert all(view.text_status == "unavailable" for view in page.letters)


def test_a_changed_or_missing_letter_is_shown_without_its_text(letters, audit_json, tmp_path):
    report = read_audit_json(audit_json)
    moved = tmp_path / "moved.json"
    changed = tmp_path / letters[0].name
    changed.write_text("X" + letters[0].read_text(encoding="utf-8"), encoding="utf-8")
    text = audit_json.read_text(encoding="utf-8")
    text = text.replace(json.dumps(str(letters[0]))[1:-1], json.dumps(str(changed))[1:-1])
    text = text.replace(json.dumps(str(letters[1]))[1:-1],
                        json.dumps(str(tmp_path / "gone.txt"))[1:-1])
    moved.write_text(text, encoding="utf-8")
    report = read_audit_json(moved)
    files = read_letter_files(report)
    assert files[str(changed)].status == "changed"
    assert "changed since the audit" in files[str(changed)].note
    assert files[str(tmp_path / "gone.txt")].status == "unavailable"
    assert "no such file" in files[str(tmp_path / "gone.txt")].note
    page = build_page(report, files)
    assert page.texts_missing == 2 and len(page.texts) == len(letters) - 2


def test_a_relative_source_is_found_beside_the_json(letters, tmp_path, monkeypatch):
    folder = tmp_path / "shared"
    folder.mkdir()
    shutil.copy(letters[0], folder / "a.txt")
    monkeypatch.chdir(folder)
    assert main(["audit", "a.txt", "--format", "json", "-o", "audit.json", "--quiet", "--jobs",
                 "1", *RULES]) == 0
    monkeypatch.chdir(tmp_path)
    report = read_audit_json(folder / "audit.json")
    assert read_letter_files(report)["a.txt"].status == "unavailable"
    assert read_letter_files(report, base=folder)["a.txt"].status == "ok"


def test_the_nth_letter_of_a_file_names_its_file():
    assert file_of("x/letters.txt#2") == ("x/letters.txt", 2)
    assert file_of("x/letters.txt") == ("x/letters.txt", 1)
    assert file_of("x/odd#2.pdf") == ("x/odd#2.pdf", 1)


@pytest.mark.parametrize(("content", "says"), [
    ("{}", "not an audit report (summary: Field required"),
    ("this is not JSON", "not JSON"),
    ('{"source": "a.txt", "index": 1}\n{"source": "b.txt"}\n', "not JSON"),
    ('{"summary": {"letters": 1}, "letters": [], "errors": []}', "not an audit report"),
])
def test_a_file_that_is_not_an_audit_is_named(capsys, tmp_path, content, says):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "report", str(bad), "-o", str(tmp_path / "r.html"))
    assert code == 2 and out == ""
    assert err.startswith(f"guideline-engine: {bad}: ") and says in err
    assert "guideline-engine audit --format json" in err
    assert not (tmp_path / "r.html").exists()


def test_a_missing_file_and_a_missing_output_folder(capsys, tmp_path, audit_json):
    code, _, err = run(capsys, "report", str(tmp_path / "none.json"))
    assert code == 2 and f"{tmp_path / 'none.json'}: cannot read file" in err
    code, _, err = run(capsys, "report", str(audit_json), "-o", str(tmp_path / "no" / "r.html"))
    assert code == 2 and "no such folder" in err
    # checked before the audit, not after it
    code, _, err = run(capsys, "audit", str(SEEDS[0]), "--format", "html", "-o",
                       str(tmp_path / "no" / "r.html"), *RULES)
    assert code == 2 and "no such folder" in err


def test_output_file_for_a_streamed_format(capsys, tmp_path):
    code, stdout, _ = run(capsys, "audit", str(SEEDS[0]), "--format", "csv", "--quiet", *RULES)
    target = tmp_path / "audit.csv"
    assert main(["audit", str(SEEDS[0]), "--format", "csv", "--quiet", "-o", str(target),
                 *RULES]) == code == 0
    assert target.read_text(encoding="utf-8") == stdout


@pytest.mark.parametrize("names,expected", [
    (["Orthopaedic Surgery"], "Orthopedic Surgery"),
    (["Orthopedic Surgery", "Sports Medicine"], "Orthopedic Surgery"),
    (["Physical Medicine & Rehabilitation"], "Physical Medicine and Rehabilitation"),
    ([], None),
])
def test_a_specialty_is_counted_under_one_spelling(names, expected):
    assert specialty(names) == expected
