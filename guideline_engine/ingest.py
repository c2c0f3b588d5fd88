"""Read letters from disk: .txt as UTF-8 text, .pdf through pypdf. Produces a Document."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import LetterReadError
from .models import Document

LETTER_SUFFIXES = (".txt", ".pdf")


def read_document(path: str | Path) -> Document:
    """Read one letter. Raises LetterReadError naming the file on any failure."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _read_pdf(path)
    if suffix != ".txt":
        raise LetterReadError(str(path), f"unsupported file type {suffix or '(none)'}; "
                              "expected .txt or .pdf")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LetterReadError(str(path), f"cannot read file: {exc.strerror}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        # Letters exported by older tools are often Windows-1252; keep going rather than fail.
        text = raw.decode("cp1252", errors="replace")
    return Document(source=str(path), text=text, pages=max(1, text.count("\f") + 1))


def _read_pdf(path: Path) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, OSError, ValueError) as exc:
        raise LetterReadError(str(path), f"cannot read PDF: {exc}") from exc
    text = "\n\f".join(pages)
    if not text.strip():
        raise LetterReadError(str(path), "the PDF has no extractable text (scanned image?); "
                              "run OCR first")
    return Document(source=str(path), text=text, pages=len(pages))


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
