"""The project's own promises: the README's two commands, CI running exactly the second, and
the fact vocabulary defined once."""

from __future__ import annotations

from conftest import ROOT

from guideline_engine.models import CaseFacts
from guideline_engine.vocabulary import FACT_TYPES


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    block = text.split("```sh", 1)[1].split("```", 1)[0]
    return [line.strip() for line in block.strip().splitlines()]


def test_readme_opens_with_the_audit_and_the_test_command():
    audit, tests = readme_commands()
    assert audit.endswith("guideline-engine audit fixtures/")
    assert "pip install" in audit and "pip install" in tests
    assert tests.endswith("python -m pytest")


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert readme_commands()[1] in [line.strip() for line in ci]


def test_case_facts_follow_the_vocabulary():
    assert list(CaseFacts.model_fields) == list(FACT_TYPES)
