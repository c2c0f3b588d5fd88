"""Fuzzing every entry point's input with hypothesis (a CI-sized run; `python scripts/fuzz.py`
runs the same properties for as long as wanted): raw bytes and mangled letters given to the
audit, and arbitrary fact documents given to the pre-check. Whatever comes in, the answer is a
report or an error that names the file or field; never an internal error, never a traceback."""

from __future__ import annotations

import os
import re
import string

from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guideline_engine.audit import _audit_path
from guideline_engine.errors import FactsError
from guideline_engine.models import LetterError
from guideline_engine.precheck import build_facts
from guideline_engine.vocabulary import FACT_TYPES

# CI runs 60 examples a property; scripts/fuzz.py sets GUIDELINE_ENGINE_FUZZ_EXAMPLES for long runs
FUZZ = settings(max_examples=int(os.environ.get("GUIDELINE_ENGINE_FUZZ_EXAMPLES", "60")),
                deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
LETTER = SEEDS[1].read_text(encoding="utf-8")


def audited(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    result = _audit_path(path, BOOK[0])
    if isinstance(result, LetterError):
        assert "internal error" not in result.message, result.message
        assert str(path) in result.message
    return result


BOOK: list = []


def setup_module(module):
    from conftest import ROOT

    from guideline_engine.rules import load_rulebook

    BOOK.append(load_rulebook(ROOT / "rulesets"))


@FUZZ
@given(st.binary(max_size=4000), st.sampled_from(["x.txt", "x.pdf"]))
def test_any_bytes_are_a_report_or_a_named_error(tmp_path, data, name):
    audited(tmp_path, name, data)


@st.composite
def mangled_letters(draw) -> str:
    text = LETTER
    cut = draw(st.integers(0, len(text)))
    operations = draw(st.lists(st.sampled_from(["truncate", "crlf", "cr", "insert", "double",
                                                "delete", "join", "phrase"]), max_size=4))
    for op in operations:
        if op == "truncate":
            text = text[:cut]
        elif op == "crlf":
            text = text.replace("\n", "\r\n")
        elif op == "cr":
            text = text.replace("\n", "\r")
        elif op == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.text(alphabet=st.characters(), max_size=40)) + text[at:]
        elif op == "double":
            text = text + "\f" + text
        elif op == "delete":
            a = draw(st.integers(0, len(text)))
            b = draw(st.integers(a, min(len(text), a + 300)))
            text = text[:a] + text[b:]
        elif op == "join":
            text = text + text[: draw(st.integers(0, len(text)))]
        elif op == "phrase":
            # a wording letters use, opening a sentence (blind254_6: "2. Status post anterior
            # cervical discectomy and fusion, C5-6, 08/24/2015." once raised IndexError)
            starts = [m.end() for m in re.finditer(r"\.\s+", text)] or [0]
            at = draw(st.sampled_from(starts))
            text = text[:at] + draw(st.sampled_from(PHRASES)) + " " + text[at:]
    return text


# wordings the extractor's rules are written for, to put where they are unexpected
PHRASES = ["Status post right knee arthroscopy.", "S/p fusion 3/2/2015.",
           "For the low back he received 12 sessions.", "Dx: lumbar strain; L/S sprain.",
           "DOS 10/5/2016-11/2/2016.", "Physical therapy (12).", "The \ufb02are-up \ufb01nished.",
           "They were the patient's first course.", "per RFA 7/22/2016",
           "The 18 sessions completed to date, 6 before, were all directed to the left knee.",
           "Those sessions were for the neck; the back has not been treated with therapy.",
           "completed in the fall of 2015", "open reduction and internal fixation,",
           "The therapist's re-evaluation notes 10 visits."]


@FUZZ
@given(mangled_letters(), st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_mangled_letters_are_a_report_or_a_named_error(tmp_path, text, encoding):
    audited(tmp_path, "letter.txt", text.encode(encoding, errors="replace"))


VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
    | st.text(alphabet=string.printable, max_size=30),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5),
                                                                      children, max_size=3),
    max_leaves=10)


@FUZZ
@given(st.dictionaries(st.sampled_from(sorted(FACT_TYPES)) | st.text(max_size=12), VALUES,
                       max_size=8))
def test_any_fact_document_is_facts_or_an_error_naming_the_field(values):
    try:
        build_facts(values)
    except FactsError as exc:
        assert exc.args and str(exc)
