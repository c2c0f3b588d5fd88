"""Letter text (normalised) -> Determination: header facts, reviewer, case summary and every
disputed item, whatever the published layout.

    layouts.py  one entry per published layout: how to recognise it, its section headings, how
                its items are marked, its header fields (data, read once per letter)
    header.py   the header block's labelled fields (case number, dates)
    parse.py    applies a layout to a letter
"""

from __future__ import annotations

import regex

from ..ingest import NormalText, normalise, read_document
from ..ingest.normalise import CASE_NUMBER, HEADER_LABELS
from ..models import Determination, Document
from .layouts import LETTER_STARTS
from .parse import choose_layout, heading_lines, parse_determination

__all__ = ["parse_determination", "parse_document", "parse_letters", "read_letter",
           "split_letters"]


def parse_document(doc: Document) -> tuple[NormalText, Determination]:
    """Normalise and parse a letter already read."""
    text = normalise(doc.text, doc.page_starts)
    return text, parse_determination(text, doc.source)


def split_letters(text: NormalText) -> list[tuple[int, int]]:
    """The clean-text bounds of each letter in the text (one pair for an ordinary letter)."""
    starts: set[int] = set()
    for pattern in LETTER_STARTS:
        starts |= {m.start() for m in regex.finditer(pattern, text.clean,
                                                     regex.MULTILINE | regex.IGNORECASE)}
    cuts = sorted(s for s in starts if text.clean[:s].strip())  # not the first letter's start
    # cut only where a whole letter (one whose layout is recognised) precedes: a letterhead
    # before the "Case Number:" line belongs to the same letter
    bounds, begin = [], 0
    for cut in cuts:
        segment = text.clean[begin:cut]
        number = _case_number(text.clean, cut)
        if number is not None and number == _case_number(segment):
            continue  # the letter's own case number repeated at the top of a page
        if choose_layout(segment, heading_lines(segment)) is None:
            continue
        bounds.append((begin, cut))
        begin = cut
    bounds.append((begin, len(text.clean)))
    return bounds


_CASE_NUMBER = regex.compile(rf"[ \t]*(?:{HEADER_LABELS['case_number']})\s*:\s*"
                             rf"(?P<number>{CASE_NUMBER})",
                             regex.IGNORECASE)


def _case_number(text: str, at: int | None = None) -> str | None:
    """The case number of the "Case Number:" line at `at`, or of the first one in `text`."""
    found = (_CASE_NUMBER.match(text, at) if at is not None
             else regex.search(r"(?m)^" + _CASE_NUMBER.pattern, text, regex.IGNORECASE))
    return found.group("number").upper() if found else None


def parse_letters(doc: Document) -> list[tuple[NormalText, Determination]]:
    """Every letter in a document: a file of letters joined end to end gives one each, their
    sources named `file#2`, `file#3`... (the first keeps the file's name)."""
    text = normalise(doc.text, doc.page_starts)
    bounds = split_letters(text)
    if len(bounds) == 1:
        return [(text, parse_determination(text, doc.source))]
    out = []
    for number, (start, end) in enumerate(bounds, 1):
        piece = text.piece(start, end)
        source = doc.source if number == 1 else f"{doc.source}#{number}"
        out.append((piece, parse_determination(piece, source)))
    return out


def read_letter(path) -> tuple[NormalText, Determination]:
    """Read, normalise and parse one letter file."""
    return parse_document(read_document(path))
