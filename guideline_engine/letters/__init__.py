"""Letter text (normalised) -> Determination: header facts, reviewer, case summary and every
disputed item, whatever the published layout.

    layouts.py  one entry per published layout: how to recognise it, its section headings, how
                its items are marked, its header fields (data, read once per letter)
    header.py   the header block's labelled fields (case number, dates)
    parse.py    applies a layout to a letter
"""

from __future__ import annotations

from ..ingest import NormalText, normalise, read_document
from ..models import Determination, Document
from .parse import parse_determination

__all__ = ["parse_determination", "parse_document", "read_letter"]


def parse_document(doc: Document) -> tuple[NormalText, Determination]:
    """Normalise and parse a letter already read."""
    text = normalise(doc.text, doc.page_starts)
    return text, parse_determination(text, doc.source)


def read_letter(path) -> tuple[NormalText, Determination]:
    """Read, normalise and parse one letter file."""
    return parse_document(read_document(path))
