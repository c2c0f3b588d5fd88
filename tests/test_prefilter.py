"""The cheap tests run before costly patterns never change an answer."""
from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from guideline_engine.extract import clinical, criteria, history, parts, prefilter


def test_lookarounds_are_removed_and_nothing_else():
    assert prefilter.without_lookarounds(
        r"(?<!\b(?:if|whether)\s+)\breturned[(?=]to(?=\s)\(work\)") == r"\breturned[(?=]to\(work\)"
    assert prefilter.without_lookarounds(r"\bplain\s+words\b") is None
    # a quantified assertion cannot be removed without changing what the quantifier applies to
    assert prefilter.without_lookarounds(r"a(?=b){2}") is None
    # a verbose pattern's comments may hold brackets: it is searched as it is
    assert prefilter.stripped(regex.compile(r"(?<!x)a  # (not (?=this)", regex.VERBOSE)) is None
    assert prefilter.stripped(regex.compile(r"(?<!x)a")).pattern == "a"


def _project_patterns() -> list[regex.Pattern]:
    found = []
    for module in (clinical, criteria, history, parts):
        found += [v for v in vars(module).values()
                  if isinstance(v, regex.Pattern) and prefilter.stripped(v) is not None]
    return found


PATTERNS = _project_patterns()
# words the patterns are made of, so that generated texts often match them
WORDS = ["if", "not", "returned", "to", "work", "he", "has", "after", "having", "been", "from",
         "full", "duty", "the", "patient", "is", "was", "no", "improvement", "therapy", "surgery",
         "UR", "however", "should", "home", "exercise", "acute", "flare-up", "utilization",
         "review", "program", ",", ".", ";", "whether", "unless", "modified", "yet", "gone",
         "back", "regular", "job", "outside", "postoperative", "period", "stand-alone"]


def test_the_project_has_patterns_with_lookarounds_to_prefilter():
    assert len(PATTERNS) > 20


@given(st.lists(st.sampled_from(WORDS), max_size=25), st.data())
def test_a_pattern_matches_only_where_its_stripped_form_does(words, data):
    text = " ".join(words)
    pattern = data.draw(st.sampled_from(PATTERNS))
    if pattern.search(text) is not None:
        assert prefilter.stripped(pattern).search(text) is not None
    assert (prefilter.search(pattern, text) is None) == (pattern.search(text) is None)


@given(st.lists(st.sampled_from(WORDS), max_size=25), st.data())
def test_every_match_is_found_as_without_the_prefilter(words, data):
    text = " ".join(words)
    pattern = data.draw(st.sampled_from(PATTERNS))
    assert [m.span() for m in prefilter.finditer(pattern, text)] == \
        [m.span() for m in pattern.finditer(text)]
