"""docs/figures.md is the in-repository record of the guideline figures: rules and fixtures cite
it ("docs/figures.md §2"), never the team's shared reference outside the repository."""

from __future__ import annotations

import pathlib
import re

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[1]
FIGURES = ROOT / "docs" / "figures.md"
OLD_NAME = "REFERENCE" + ".md"  # split so this file does not cite it either

HEADING = re.compile(r"^#{2,6} §(\d+(?:\.\d+)*)\s", re.MULTILINE)
SECTION_MARK = re.compile(r"§(\d+(?:\.\d+)*)?")
SOURCE_KEY_LINE = re.compile(r"^- \[([^\]]+)\] ", re.MULTILINE)
SOURCE_KEY = re.compile(r"\[([A-Za-z0-9][A-Za-z0-9.\-]*)\]")
OLD_STYLE = re.compile(r"docs/figures\.md (?:s\.|sections? )\d")


def _files(*dirs: str, suffix: str | None = None) -> list[pathlib.Path]:
    out = []
    for d in dirs:
        for path in sorted((ROOT / d).rglob("*")):
            if (path.is_file() and "__pycache__" not in path.parts
                    and (suffix is None or path.name.endswith(suffix))):
                out.append(path)
    return out


def _sections() -> set[str]:
    return set(HEADING.findall(FIGURES.read_text(encoding="utf-8")))


def _citations(node):
    """Citation mappings (a `guideline` plus `verified`/`source`/`note`) in a ruleset."""
    if isinstance(node, dict):
        if "guideline" in node and {"source", "note", "confidence", "verified"} & node.keys():
            yield node
        for value in node.values():
            yield from _citations(value)
    elif isinstance(node, list):
        for value in node:
            yield from _citations(value)


def _ruleset_citations():
    for path in _files("rulesets", suffix=".yaml"):
        for cite in _citations(yaml.safe_load(path.read_text(encoding="utf-8"))):
            yield path, cite


def test_figures_doc_has_the_numbered_sections():
    sections = _sections()
    expected = {"1", "1.1", "1.2", "1.3", "1.4", "1.5", "2", "3", "4", "4.1", "4.2",
                "5", "6", "7", "8", "9"}
    assert expected <= sections


@pytest.mark.parametrize("folder", ["rulesets", "fixtures", "guideline_engine"])
def test_nothing_cites_the_shared_reference(folder):
    offenders = [str(p.relative_to(ROOT)) for p in _files(folder)
                 if OLD_NAME.encode() in p.read_bytes()]
    assert offenders == [], f"cite docs/figures.md, not {OLD_NAME}: {offenders}"


def test_cited_sections_exist():
    sections = _sections()
    cited = 0
    problems = []
    for path in _files("rulesets", "fixtures", suffix=".yaml"):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.relative_to(ROOT)}:{lineno}"
            if OLD_STYLE.search(line):
                problems.append(f"{where}: write 'docs/figures.md §N': {line.strip()}")
            for match in SECTION_MARK.finditer(line):
                cited += 1
                if match.group(1) is None:
                    problems.append(f"{where}: '§' without a section number: {line.strip()}")
                elif match.group(1) not in sections:
                    problems.append(f"{where}: no heading '§{match.group(1)}' in docs/figures.md")
    assert cited > 0, "no docs/figures.md citation found: the scan is broken"
    assert problems == [], "\n".join(problems)


def test_ruleset_citations_name_existing_sections_and_source_keys():
    text = FIGURES.read_text(encoding="utf-8")
    sections = _sections()
    keys = set(SOURCE_KEY_LINE.findall(text))
    problems = []
    checked = 0
    for path, cite in _ruleset_citations():
        for field in ("source", "note", "confidence"):
            value = str(cite.get(field) or "")
            if "docs/figures.md" not in value:
                continue
            checked += 1
            for number in re.findall(r"§(\d+(?:\.\d+)*)", value):
                if number not in sections:
                    problems.append(f"{path.relative_to(ROOT)}: {field} cites missing §{number}")
            for key in SOURCE_KEY.findall(value):
                if key not in keys:
                    problems.append(f"{path.relative_to(ROOT)}: {field} cites unknown [{key}]")
    assert checked > 0
    assert problems == [], "\n".join(problems)


def test_unconfirmed_figures_are_not_verified():
    """A citation whose confidence starts 'unconfirmed' must carry `verified: false`."""
    wrong = [f"{path.relative_to(ROOT)}: {cite.get('section')}"
             for path, cite in _ruleset_citations()
             if str(cite.get("confidence", "")).startswith("unconfirmed")
             and cite.get("verified", True) is not False]
    assert wrong == []
