"""Letters end to end (the five real seeds and the synthetic corpus) against expectations kept
next to each letter as data."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import LETTERS, SEEDS

from guideline_engine.audit import audit, audit_letter
from guideline_engine.expectations import (
    FactTally,
    check_letter,
    expectation_path,
    load_expectation,
)
from guideline_engine.ingest import read_document

SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_seed_fixtures_are_the_seed_letters_byte_for_byte():
    # SEEDS.sha256 was written from shared/seeds when the letters were copied
    recorded = dict(
        reversed(line.split()) for line in (LETTERS / "SEEDS.sha256").read_text().splitlines()
    )
    assert sorted(recorded) == [seed.name for seed in SEEDS]
    for seed in SEEDS:
        assert hashlib.sha256(seed.read_bytes()).hexdigest() == recorded[seed.name]
        if SHARED_SEEDS.is_dir():
            assert seed.read_bytes() == (SHARED_SEEDS / seed.name).read_bytes()


ALL_LETTERS = sorted(LETTERS.rglob("*.txt"))


@pytest.mark.parametrize("letter", ALL_LETTERS, ids=lambda p: p.stem)
def test_letter_meets_its_expectations_and_quotes_its_own_text(letter, book):
    report = audit_letter(letter, book)
    expectation = load_expectation(expectation_path(letter))
    assert check_letter(report, expectation) == []
    # every evidence quote is the letter's text at its offsets, and an unknown fact says why
    # the letter's text as read (no newline translation; a file saved in Windows-1252 or with
    # encoding damage is decoded and repaired as the program reads it)
    text = read_document(letter).text
    for item in report.items:
        for name in type(item.facts).model_fields:
            fact = getattr(item.facts, name)
            assert fact.known or fact.note, f"{name}: unknown without a reason"
            for ev in fact.evidence + [e for r in fact.readings for e in r.evidence]:
                assert text[ev.start:ev.end] == ev.quote, name


def test_seed_audit_counts(book):
    report = audit(SEEDS, book)
    # the five seeds hold 7 disputed items (000:1, 001:2, 002:1, 003:2, 004:1)
    assert report.summary.letters == 5
    assert report.summary.items == 7
    assert report.summary.agree == 7
    assert report.summary.errors == 0
    for letter in report.letters:
        for item in letter.items:
            assert item.recorded_outcome.value == "upheld"
            assert item.decision.outcome == "upheld"
            assert item.verdict == "agree"


def test_seed_003_conflicting_readings_are_kept_with_the_reason(book):
    report = audit_letter(LETTERS / "003_0a1eae2b9c5340e3.txt", book)
    fi = report.items[0].facts.functional_improvement
    assert fi.value == "not_documented"
    parts = {r.part for r in fi.readings}
    assert parts == {"rationale", "summary"}
    assert "rationale" in fi.resolution and "wins" in fi.resolution
    assert any(r.value == "documented" for r in fi.readings)


def test_audit_notes_for_the_guideline_the_reviewer_relied_on(book):
    seed_004 = audit_letter(LETTERS / "004_1a808298af5f0d86.txt", book).items[0]
    assert seed_004.reviewer_guidelines == ["ODG"]
    assert seed_004.decision.governing_guideline == "ODG"
    assert any("relied on ODG although the MTUS addresses" in n for n in seed_004.audit_notes)
    postop = audit_letter(LETTERS / "synthetic" / "syn_04_knee_postop_meniscectomy.txt",
                          book).items[0]
    assert postop.verdict == "disagree"
    assert any("Postsurgical Treatment Guidelines, which the reviewer did not cite" in n
               for n in postop.audit_notes)
    for seed in SEEDS[:4]:
        for item in audit_letter(seed, book).items:
            assert not any("did not cite" in n for n in item.audit_notes)


def test_conflicting_counts_keep_both_readings_with_their_qualifiers(book):
    prior = audit_letter(LETTERS / "003_0a1eae2b9c5340e3.txt", book).items[0].facts.prior_sessions
    assert prior.display() == "at least 22"
    assert prior.resolution.startswith("at least 22 (from the rationale) wins over 20 to 22 "
                                       "(from the summary)")
    assert "reviewer's reading of the record" in prior.resolution


def test_a_stray_page_reference_is_noted(book):
    massage = audit_letter(LETTERS / "003_0a1eae2b9c5340e3.txt", book).items[1]
    assert any("page(s) 68" in note for note in massage.audit_notes)
    for seed in SEEDS:
        for item in audit_letter(seed, book).items:
            if (seed.name, item.index) != ("003_0a1eae2b9c5340e3.txt", 2):
                assert not any("page(s)" in note for note in item.audit_notes)


def test_a_header_line_the_letter_lacks_is_expected_absent(book):
    letter = SEEDS[0]
    report = audit_letter(letter, book)
    expectation = load_expectation(expectation_path(letter))
    absent = expectation.model_copy(update={"header": {"ur_date": None}})
    # the seeds have no header block: a reader who expects no UR date line is right
    assert "ur_date" not in report.header or report.header["ur_date"] is None
    assert check_letter(report, absent) == []
    present = expectation.model_copy(update={"header": {"ur_date": "2016-01-01"}})
    assert check_letter(report, present) == ["header ur_date: expected 2016-01-01, found None"]


@pytest.mark.parametrize("citation,families", [
    ("The Expert Reviewer based their decision on recommendation(s) outside of the MTUS "
     "Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low "
     "Back, Work conditioning (WC).", ["ODG"]),
    ("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine "
     "treatment, and Non-MTUS Citation Official Disability Guidelines (ODG).", ["MTUS", "ODG"]),
    ("The Expert Reviewer did not base their decision on the MTUS. Decision based on ACOEM.",
     ["ACOEM"]),
    # the MTUS named only as silent on the question
    ("The Expert Reviewer found that the MTUS does not set a number of visits for physical "
     "therapy of an acute low back condition. The Expert Reviewer based his/her decision on the "
     "Official Disability Guidelines (ODG), Low Back Chapter, which are not part of the MTUS.",
     ["ODG"]),
    # but "the MTUS does not recommend" is the MTUS relied on
    ("The MTUS does not recommend more than 10 visits; ODG agrees.", ["MTUS", "ODG"]),
])
def test_the_guidelines_a_reviewer_relied_on(citation, families):
    from guideline_engine.compare import cited_guidelines

    assert cited_guidelines(citation) == families


def test_a_measured_letter_counts_the_readers_approvable_visits_and_fails_on_the_outcome(book):
    # readers differ on what of a request is approvable (the trial, the course, none): for a
    # letter whose expectation is measured, a different figure is counted, not a failure
    letter = SEEDS[0]
    report = audit_letter(letter, book)
    expectation = load_expectation(expectation_path(letter))
    first = expectation.items[0]
    assert first.expect.approvable_visits == report.items[0].decision.approvable_visits == 10
    other = first.model_copy(update={"expect": first.expect.model_copy(
        update={"approvable_visits": 8})})
    exact = expectation.model_copy(update={"items": [other, *expectation.items[1:]]})
    assert check_letter(report, exact) == ["item 1: approvable visits expected 8, found 10"]
    measured = exact.model_copy(update={"fact_policy": "measured"})
    tally = FactTally()
    assert check_letter(report, measured, tally=tally) == []
    assert (tally.approvable, tally.same_approvable) == (1, 0)
    assert any("approvable visits expected 8" in d for d in tally.differences)
    # the outcome is still the reader's, measured or not
    wrong = other.model_copy(update={"expect": other.expect.model_copy(
        update={"outcome": "overturned"})})
    assert check_letter(report, measured.model_copy(update={"items": [wrong]})) != []


def test_a_readers_title_with_a_soft_hyphen_inside_a_word_is_the_title(book):
    # blind795_5: the reader copied "Aquatic thera\u00adpy ..." as the letter prints it; the
    # program reads the word whole
    letter = SEEDS[0]
    report = audit_letter(letter, book)
    expectation = load_expectation(expectation_path(letter))
    first = expectation.items[0]
    title = first.title
    cut = title.index(" ") - 2
    soft = first.model_copy(update={"title": title[:cut] + "\u00ad" + title[cut:]})
    assert check_letter(report, expectation.model_copy(
        update={"items": [soft, *expectation.items[1:]]})) == []
    # (and an entity a web page's copy left is the character it names)
    space = title.index(" ")
    entity = first.model_copy(update={"title": title[:space] + "&nbsp;" + title[space + 1:]})
    assert check_letter(report, expectation.model_copy(
        update={"items": [entity, *expectation.items[1:]]})) == []
    broken = first.model_copy(update={"title": title[:cut] + "-" + title[cut:]})
    assert check_letter(report, expectation.model_copy(
        update={"items": [broken, *expectation.items[1:]]})) != []
