"""Reading letters from disk into a Document (raw text, pages, source), and normalising that text
into one layout-independent form that maps back to the raw offsets.

    decode.py     bytes of a .txt file -> text (BOMs, UTF-8, the Windows-1252 fallback)
    pdf.py        a .pdf -> text per page (pypdfium2; opens the DWC's AES-encrypted letters)
    normalise.py  raw text -> NormalText (clean text + offset map back to the raw text)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import LetterReadError
from ..models import Document
from .decode import decode_text
from .normalise import NormalText, normalise
from .pdf import read_pdf

LETTER_SUFFIXES = (".txt", ".pdf")

__all__ = ["LETTER_SUFFIXES", "NormalText", "iter_letter_paths", "normalise", "read_document"]


def read_document(path: str | Path) -> Document:
    """Read one letter. Raises LetterReadError naming the file on any failure."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in LETTER_SUFFIXES:
        raise LetterReadError(str(path), f"unsupported file type {suffix or '(none)'}; "
                              "expected .txt or .pdf")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LetterReadError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    if suffix == ".pdf":
        pages = read_pdf(raw, str(path))
        starts, offset = [], 0
        for page in pages:
            starts.append(offset)
            offset += len(page) + 1
        return Document(source=str(path), text="\f".join(pages), page_starts=starts)
    text, note = decode_text(raw, str(path))
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\f"]
    return Document(source=str(path), text=text, page_starts=starts, notes=[note] if note else [])


def iter_letter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand files and folders into letter files, in a stable (sorted) order.

    A path that does not exist is yielded as is so that reading it reports the error.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in LETTER_SUFFIXES:
                    yield child
        else:
            yield path
