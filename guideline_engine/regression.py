"""`guideline-engine test`: run every fixture that carries expectations, as data: letters with a
NAME.expected.yaml beside them, and pre-check case files (a YAML mapping with `cases:`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .audit import audit_document
from .errors import GuidelineEngineError
from .expectations import (
    EXPECTED_SUFFIX,
    FactTally,
    check_letter,
    compare_decision,
    expectation_path,
    load_cases,
    load_expectation,
)
from .ingest import LETTER_SUFFIXES, read_document
from .precheck import check
from .rules import RuleBook


@dataclass
class FixtureResult:
    name: str
    failures: list[str] = field(default_factory=list)
    fired: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


def _is_case_file(path: Path) -> bool:
    if path.suffix not in (".yaml", ".yml") or path.name.endswith(EXPECTED_SUFFIX):
        return False
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return True  # report it as a failure rather than skip it silently
    return isinstance(data, dict) and "cases" in data


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """(letters with expectations, case files) under the given files and folders."""
    letters: list[Path] = []
    cases: list[Path] = []
    for given in paths:
        given = Path(given)
        candidates = sorted(given.rglob("*")) if given.is_dir() else [given]
        for path in candidates:
            if not path.is_file():
                continue
            if path.suffix.lower() in LETTER_SUFFIXES and expectation_path(path).exists():
                letters.append(path)
            elif _is_case_file(path):
                cases.append(path)
    return letters, cases


def run(paths: Iterable[str | Path], book: RuleBook,
        tally: FactTally | None = None) -> Iterator[FixtureResult]:
    """Run every fixture; `tally` (if given) counts the expected facts matched."""
    letters, case_files = discover(paths)
    for letter in letters:
        outcome = FixtureResult(str(letter))
        try:
            doc = read_document(letter)
            report = audit_document(doc, book)
            outcome.failures = check_letter(report, load_expectation(expectation_path(letter)),
                                            letter_text=doc.text, tally=tally)
            outcome.fired = sorted({f.rule for item in report.items
                                    for d in item.decision.by_guideline.values()
                                    for f in d.findings})
        except GuidelineEngineError as exc:
            outcome.failures = [str(exc)]
        yield outcome
    for path in case_files:
        try:
            cases = load_cases(path).cases
        except GuidelineEngineError as exc:
            yield FixtureResult(str(path), [str(exc)])
            continue
        for case in cases:
            outcome = FixtureResult(f"{path}::{case.name}")
            try:
                decision = check(case.facts, book, case.guideline)
                outcome.failures = compare_decision(decision, case.expect, case.name)
                outcome.fired = sorted({f.rule for d in decision.by_guideline.values()
                                        for f in d.findings})
                if outcome.failures:
                    outcome.failures.append(f"{case.name}: cited basis: {case.citation}")
            except GuidelineEngineError as exc:
                outcome.failures = [f"{case.name}: {exc}"]
            yield outcome
