from __future__ import annotations

from pathlib import Path

import pytest

from guideline_engine.rules import load_rulebook

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
LETTERS = FIXTURES / "letters"
SEEDS = sorted(LETTERS.glob("0*.txt"))
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def book():
    return load_rulebook(ROOT / "rulesets")
