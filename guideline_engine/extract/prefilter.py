"""Cheap necessary tests run before the costly patterns, which never change an answer.

A pattern with lookarounds, asked of every sentence, is tried first without them, a form
built from the pattern itself (no second copy of any wording): an assertion only narrows what a
pattern matches, so where the pattern stripped of its lookarounds finds nothing, neither does
the pattern. A variable-length lookbehind at the front of a pattern
("(?<!\\b(?:if|whether|unless)\\s+(?:\\w+\\s+){0,5})\\breturned ...") is evaluated at every
position of the text; the stripped pattern scans for its first word.

(A lexicon searched first as one alternation was measured too: on the blind letters' sentences
it was slower than the lexicon's own patterns for the surgeries and barely faster for the
treatments, so the lexicons are searched as they are.)
"""
from __future__ import annotations

from functools import cache

import regex

_LOOKAROUNDS = ("(?<!", "(?<=", "(?=", "(?!")
_QUANTIFIERS = frozenset("*+?{")


def class_end(pattern: str, i: int) -> int:
    """The index just past the character class opening at `pattern[i]` ('[')."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def _group_end(pattern: str, i: int) -> int:
    """The index just past the group opening at `pattern[i]` ('(')."""
    depth = 0
    j = i
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = class_end(pattern, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    raise ValueError("unbalanced group")


def without_lookarounds(pattern: str) -> str | None:
    """`pattern` with every lookahead and lookbehind removed, or None where it has none or
    removing one would change what a quantifier applies to ("(?=x){2}")."""
    out: list[str] = []
    i, removed = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif c == "[":
            end = class_end(pattern, i)
            out.append(pattern[i:end])
            i = end
        elif pattern.startswith(_LOOKAROUNDS, i):
            end = _group_end(pattern, i)
            if end < len(pattern) and pattern[end] in _QUANTIFIERS:
                return None
            i, removed = end, True
        else:
            out.append(c)
            i += 1
    return "".join(out) if removed else None


@cache
def stripped(pattern: regex.Pattern) -> regex.Pattern | None:
    """The lookaround-free form of a compiled pattern (same flags), if it has lookarounds (not
    for a verbose pattern, whose comments may hold brackets)."""
    if pattern.flags & regex.VERBOSE:
        return None
    try:
        source = without_lookarounds(pattern.pattern)
        return None if source is None else regex.compile(source, pattern.flags)
    except (ValueError, regex.error):
        return None


def search(pattern: regex.Pattern, text: str) -> regex.Match | None:
    """`pattern.search(text)`, tried first without its lookarounds."""
    cheap = stripped(pattern)
    if cheap is not None and cheap.search(text) is None:
        return None
    return pattern.search(text)


def finditer(pattern: regex.Pattern, text: str) -> tuple[regex.Match, ...]:
    """Every match of `pattern` in `text`, none where its lookaround-free form finds none."""
    cheap = stripped(pattern)
    if cheap is not None and cheap.search(text) is None:
        return ()
    return tuple(pattern.finditer(text))
