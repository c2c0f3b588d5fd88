"""Numbers as letters write them: digits, words ("six", "twenty-two", "two dozen") and
"eight (8)"."""

from __future__ import annotations

import regex

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}

WORDS: dict[str, int] = dict(_UNITS)
for _tens_word, _tens in _TENS.items():
    WORDS[_tens_word] = _tens
    for _unit_word, _unit in _UNITS.items():
        if 1 <= _unit <= 9:
            WORDS[f"{_tens_word}-{_unit_word}"] = _tens + _unit
            WORDS[f"{_tens_word} {_unit_word}"] = _tens + _unit

# "over two dozen sessions", "half a dozen visits"
WORDS.update({"a dozen": 12, "one dozen": 12, "two dozen": 24, "three dozen": 36,
              "half a dozen": 6, "half-dozen": 6, "a half-dozen": 6})

# longest first so that "twenty-two" wins over "twenty"
_WORD_ALTERNATION = "|".join(sorted((w.replace(" ", r"\s") for w in WORDS), key=len,
                                    reverse=True))

# a number: digits, or a number word optionally followed by its digits in parentheses
NUMBER = rf"(?:\d{{1,3}}|(?:{_WORD_ALTERNATION})(?:\s*\(\d{{1,3}}\))?)"

FREQUENCY_WORDS = {"once": 1, "twice": 2, "thrice": 3}


def to_int(text: str) -> int:
    """Value of a NUMBER match: '12', 'six', 'twenty-two', 'eight (8)'."""
    text = text.strip().lower()
    if "(" in text:
        text = text.split("(")[0].strip()
    if text.isdigit():
        return int(text)
    text = " ".join(text.split())
    if text in WORDS:
        return WORDS[text]
    if text in FREQUENCY_WORDS:
        return FREQUENCY_WORDS[text]
    raise ValueError(f"not a number: {text!r}")


_A_NUMBER = regex.compile(rf"\b{NUMBER}\b", regex.IGNORECASE)


def numbers_in(text: str) -> set[int]:
    """The values of every number the text writes ("8 sessions", "six-treatment trial")."""
    return {to_int(m.group()) for m in _A_NUMBER.finditer(text)}


# ordinals: "8th", "the sixth visit", "the twenty-fourth session"
_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
}
ORDINAL_WORDS: dict[str, int] = dict(_ORDINAL_UNITS)
for _tens_word, _tens in _TENS.items():
    ORDINAL_WORDS[_tens_word[:-1] + "ieth"] = _tens
    for _unit_word, _unit in _ORDINAL_UNITS.items():
        if 1 <= _unit <= 9:
            ORDINAL_WORDS[f"{_tens_word}-{_unit_word}"] = _tens + _unit
ORDINAL = (r"(?:\d{1,2}(?:st|nd|rd|th)|"
           + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + ")")


def ordinal_value(text: str) -> int:
    """Value of an ORDINAL match: '8th', 'sixth', 'twenty-fourth'."""
    text = text.strip().lower()
    if text[:1].isdigit():
        return int(text.rstrip("stndrh"))
    return ORDINAL_WORDS[text]
