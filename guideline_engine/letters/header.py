"""The header block of a letter: labelled fields (case number, dates) read by the layout's
header rules, each with the span it was read from."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..models import HeaderField, Span
from ..textdates import parse_date
from .layouts import HeaderRule


@lru_cache(maxsize=64)
def _pattern(source: str) -> regex.Pattern:
    return regex.compile(source, regex.IGNORECASE)


def read_header(text: str, end: int, rules: tuple[HeaderRule, ...]) -> dict[str, HeaderField]:
    """Fields found in text[:end] (in all the text for a rule marked `anywhere`); a field
    whose value cannot be read is left out."""
    fields: dict[str, HeaderField] = {}
    for rule in rules:
        match = _pattern(rule.pattern).search(text, 0, len(text) if rule.anywhere else end)
        if match is None:
            continue
        raw = match.group("v")
        value = parse_date(raw) if rule.kind == "date" else " ".join(raw.split())
        if value is None:
            continue
        start, stop = match.span("v")
        fields[rule.name] = HeaderField(value=value, span=Span(start=start, end=stop,
                                                               quote=text[start:stop]))
    return fields
