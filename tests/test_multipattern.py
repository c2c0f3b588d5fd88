"""The one-pass scan of a text against every extractor pattern never hides a match."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from guideline_engine.extract import multipattern
from guideline_engine.textview import TextView

hyperscan = pytest.importorskip("hyperscan", reason="hyperscan has no wheel for this platform")

ROOT = Path(__file__).resolve().parent.parent
BLIND = sorted((ROOT / "fixtures" / "letters" / "blind").glob("*.txt"))


def _sentences(paths: list[Path]) -> list[str]:
    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        view = TextView.of(text)
        out += [view.folded[a:b] for a, b in view.sentences()]
    return out


# real sentences (every 40th blind letter), so that the patterns match often
SENTENCES = _sentences(BLIND[::40])
SCANNER = multipattern.scanner()
SCANNED = sorted(SCANNER.ids, key=SCANNER.ids.get)


def test_most_of_the_extractor_patterns_are_scanned():
    gathered = multipattern._gathered(multipattern._extractor_modules())
    assert len(SCANNED) > 300
    assert len(SCANNED) / len(gathered) > 0.9
    assert len(SENTENCES) > 1000


def _unhidden(text: str) -> None:
    matching = SCANNER.matching(text)
    if matching is None:
        return
    for pattern in SCANNED:
        if pattern.search(text) is not None:
            assert SCANNER.ids[pattern] in matching, (pattern.pattern[:120], text)


def test_no_real_sentence_hides_a_match():
    for text in SENTENCES:
        _unhidden(text)


# what real letters hold beyond plain ASCII: dashes, curly quotes, bullets, signs, a page break
WIDE = ["\u2013", "\u2014", "\u2019", "\u201c", "\u201d", "\u2022", "\u00d7", "\u00a7", "\f",
        "\u00b0"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(SENTENCES), st.randoms(use_true_random=False),
       st.lists(st.sampled_from(WIDE + [" ", "-", ",", "x", "#", "'", "/"]), max_size=6))
def test_a_changed_sentence_hides_no_match(sentence, rng: random.Random, inserts):
    # case changed, punctuation beyond ASCII put in at random places
    text = sentence.upper() if rng.random() < 0.2 else sentence
    for piece in inserts:
        at = rng.randrange(len(text) + 1)
        text = text[:at] + piece + text[at:]
    _unhidden(text)


def test_wider_forms():
    source = multipattern.hyperscan_source
    # lookarounds, anchors and group names go; bounded repeats are opened when compiled
    assert source(regex.compile(r"^(?<!x)(?P<n>\d{1,2})\s+visits(?=\.)$")) == \
        r"(?:\d{1,2})\s+visits"
    assert multipattern._relaxed(r"a{0,200}b{2}") == r"a{0,}b{2}"
    # a dash in a class stands for any character beyond ASCII; a negated class matches them
    assert source(regex.compile("[-\u2013]")) == r"[-\x80-\xff]"
    assert source(regex.compile("[^\u2013x]")) == r"[^x]"
    assert source(regex.compile(r"(?:-|\u2013|to)")) == r"(?:-|[\x80-\xff]|to)"
    # not scanned: fuzzy matching, atomic groups, possessive repeats, back-references, and a
    # character beyond ASCII whose case-insensitive match is ASCII (the Kelvin sign is a 'k')
    for pattern in (r"(?:therapy){e<=1}", r"(?>ab)c", r"a++", r"(?P<x>a)(?P=x)", r"(a)\1",
                    r"\Kx"):
        assert source(regex.compile(pattern)) is None, pattern
    assert source(regex.compile("\u212a", regex.IGNORECASE)) is None
    assert source(regex.compile("x", regex.VERBOSE)) is None


def test_scanned_bytes():
    assert multipattern._scanned("pain 5/10 \u2013 better") == b"pain 5/10 \x80 better"
    assert multipattern._scanned("it\u2019s\fnext") == b"it\x80s\x0cnext"
    # a letter beyond ASCII may be \w to one matcher and not the other: not scanned
    assert multipattern._scanned("caf\u00e9") is None
    assert multipattern._scanned("a\x01b") is None


def test_an_unscanned_text_or_pattern_is_always_searched():
    never = regex.compile(r"zzz(?=q)")
    assert multipattern.may_match(never, "caf\u00e9 visits")  # a text not scanned
    assert multipattern.may_match(never, "no match here")  # a pattern not in the scan
    scanned = next(p for p in SCANNED if p.search("physical therapy") is None
                   and p.search("x") is None)
    assert not multipattern.may_match(scanned, "x")


def test_the_database_is_cached_and_a_broken_cache_is_rebuilt(tmp_path):
    patterns = [regex.compile(r"\bvisits?\b", regex.IGNORECASE), regex.compile(r"(?>a)b"),
                regex.compile(r"\d+\s+sessions")]
    first = multipattern.Scanner(patterns, cache=tmp_path)
    [stored] = tmp_path.glob("patterns-*.hsdb")
    assert first.ids == {patterns[0]: 0, patterns[2]: 1}
    again = multipattern.Scanner(patterns, cache=tmp_path)
    assert again.ids == first.ids
    assert again.matching("6 Sessions and 2 visits") == frozenset({0}) | (
        frozenset({1}) if patterns[2].search("6 Sessions and 2 visits") else frozenset())
    stored.write_bytes(b"\x00\x00\x00\x02[]garbage")
    rebuilt = multipattern.Scanner(patterns, cache=tmp_path)
    assert rebuilt.matching("12 sessions") == frozenset({1})


def test_audit_output_is_the_same_with_and_without_the_scan():
    from guideline_engine.audit import audit_letter
    from guideline_engine.extract import categories, parts
    from guideline_engine.rules import load_rulebook

    book = load_rulebook(ROOT / "rulesets")
    letters = BLIND[5::150]

    def reports() -> str:
        # (the answers remembered from earlier letters would hide a difference)
        for cached in (parts._search, parts._finditer, categories._mentions):
            cached.cache_clear()
        return json.dumps([audit_letter(p, book).model_dump(mode="json") for p in letters],
                          sort_keys=True)

    scanned = reports()
    try:
        multipattern.set_enabled(False)
        plain = reports()
    finally:
        multipattern.set_enabled(True)
    assert len(letters) >= 15
    assert scanned == plain
