"""Broken letters give typed errors that say what is missing, and a batch goes on past them."""

from __future__ import annotations

import pytest
from conftest import DATA, SEEDS

from guideline_engine.audit import audit
from guideline_engine.errors import LetterParseError
from guideline_engine.ingest import read_document
from guideline_engine.letters import parse_document

BROKEN = DATA / "broken"


@pytest.mark.parametrize("name,expected", [
    ("broken_no_summary.txt", "CLINICAL CASE SUMMARY"),
    ("broken_no_rationale.txt", "Decision rationale"),
    ("broken_bad_outcome.txt", "could not be read"),
    ("broken_empty.txt", "empty"),
])
def test_broken_letter_error_names_what_is_missing(name, expected):
    with pytest.raises(LetterParseError) as err:
        parse_document(read_document(BROKEN / name))
    assert expected in str(err.value)
    assert name in str(err.value)


def test_batch_reports_broken_letters_and_goes_on(book):
    report = audit([BROKEN, *SEEDS[:2]], book)
    assert report.summary.errors == 4
    assert report.summary.letters == 2
    assert {e.source.rsplit("/", 1)[-1] for e in report.errors} == {
        "broken_no_summary.txt", "broken_no_rationale.txt", "broken_bad_outcome.txt",
        "broken_empty.txt"}
