"""Reading letters from disk into a Document (raw text, pages, source), and normalising that text
into one layout-independent form that maps back to the raw offsets.

    decode.py     bytes of a .txt file -> text (BOMs, UTF-8, the Windows-1252 fallback)
    pdf.py        a .pdf -> text per page (pypdfium2; opens the DWC's AES-encrypted letters)
    normalise.py  raw text -> NormalText (clean text + offset map back to the raw text)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import LetterReadError
from ..models import Document
from .decode import decode_text
from .normalise import NormalText, normalise
from .pdf import read_pdf

LETTER_SUFFIXES = (".txt", ".pdf")

__all__ = ["LETTER_SUFFIXES", "NormalText", "PathProblem", "is_url", "iter_letter_paths",
           "normalise", "read_document"]


def is_url(path: str | Path) -> bool:
    """A path fsspec reads ("s3://bucket/letters/", "file:///data/x.pdf", "memory://...")."""
    return isinstance(path, str) and "://" in path


# a published IMR letter is tens of kilobytes of text or a few hundred of PDF; a file far larger
# is not a letter (or is thousands joined), and is refused before it is read. The limit is
# configurable: `audit --max-letter-mb`, or GUIDELINE_ENGINE_MAX_LETTER_MB (also for Dask
# workers, which read the letters themselves)
DEFAULT_MAX_LETTER_MB = 20.0


def max_letter_bytes() -> int:
    value = os.environ.get("GUIDELINE_ENGINE_MAX_LETTER_MB")
    try:
        megabytes = float(value) if value else DEFAULT_MAX_LETTER_MB
    except ValueError:
        megabytes = DEFAULT_MAX_LETTER_MB
    return int(megabytes * 1024 * 1024)


def _too_large(path: str | Path, size: int) -> LetterReadError:
    limit = max_letter_bytes()
    return LetterReadError(str(path), f"is {size:,} bytes, more than the {limit:,} bytes a "
                           f"letter may be (--max-letter-mb)")


def _read_bytes(path: str | Path) -> bytes:
    limit = max_letter_bytes()
    if is_url(path):
        try:
            import fsspec
        except ImportError as exc:  # the 'dask' extra is not installed
            raise LetterReadError(str(path), "reading URLs needs fsspec: pip install "
                                  "'guideline-engine[dask]'") from exc
        try:
            with fsspec.open(str(path), "rb") as handle:
                raw = handle.read(limit + 1)
        except (OSError, ValueError, ImportError) as exc:
            raise LetterReadError(str(path), f"cannot read file: {exc}") from exc
        if len(raw) > limit:
            raise _too_large(path, len(raw))
        return raw
    try:
        size = Path(path).stat().st_size
        if size > limit:
            raise _too_large(path, size)
        return Path(path).read_bytes()
    except OSError as exc:
        raise LetterReadError(str(path), f"cannot read file: {exc.strerror or exc}") from exc


@dataclass(frozen=True)
class PathProblem:
    """A path under the given ones that cannot be audited (a folder that cannot be read, a
    symbolic-link loop, a path that does not exist): reading it reports why."""

    path: str
    message: str

    def __str__(self) -> str:
        return self.path


def read_document(path: str | Path | PathProblem) -> Document:
    """Read one letter, from disk or (a URL) through fsspec. Raises LetterReadError naming the
    file on any failure."""
    if isinstance(path, PathProblem):
        raise LetterReadError(path.path, path.message)
    if not is_url(path) and not Path(path).exists():
        raise LetterReadError(str(path), "no such file or folder")
    suffix = Path(str(path).split("?", 1)[0]).suffix.lower()
    if suffix not in LETTER_SUFFIXES:
        raise LetterReadError(str(path), f"unsupported file type {suffix or '(none)'}; "
                              "expected .txt or .pdf")
    raw = _read_bytes(path)
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


_GLOB = ("*", "?", "[")


def _iter_url(url: str) -> Iterator[str]:
    """A URL's letter files: a folder's, a glob's, or the file itself (sorted)."""
    try:
        import fsspec
    except ImportError:
        yield url  # reading it reports what to install
        return
    fs, root = fsspec.core.url_to_fs(url)
    protocol = url.split("://", 1)[0]
    if any(c in root for c in _GLOB):
        found = sorted(fs.glob(root))
    elif fs.isdir(root):
        found = sorted(fs.find(root))
    else:
        yield url
        return
    for name in found:
        if name.lower().endswith(LETTER_SUFFIXES):
            yield fs.unstrip_protocol(name) if hasattr(fs, "unstrip_protocol") else \
                f"{protocol}://{name}"


def _walk(folder: Path) -> Iterator[Path | PathProblem]:
    """A folder's letter files, sorted, following symbolic links once each; folders that cannot
    be read and links that loop back are reported, never skipped in silence."""
    seen: set[str] = set()
    found: list[Path | PathProblem] = []

    def unreadable(exc: OSError) -> None:
        found.append(PathProblem(str(exc.filename or folder),
                                 f"cannot read folder: {exc.strerror or exc}"))

    for root, dirs, files in os.walk(folder, followlinks=True, onerror=unreadable):
        real = os.path.realpath(root)
        if real in seen:
            found.append(PathProblem(root, "a symbolic link back into a folder already read "
                                           "(a loop); not read again"))
            dirs[:] = []
            continue
        seen.add(real)
        for name in files:
            if name.lower().endswith(LETTER_SUFFIXES):
                found.append(Path(root) / name)
    yield from sorted(found, key=str)


def iter_letter_paths(paths: Iterable[str | Path]) -> Iterator[Path | str | PathProblem]:
    """Expand files, folders and globs (local, or URLs that fsspec reads) into letter files, in a
    stable (sorted) order.

    A path that does not exist is yielded as is so that reading it reports the error.
    """
    for given in paths:
        if is_url(given):
            yield from _iter_url(str(given))
            continue
        path = Path(given)
        if not path.exists() and any(c in str(given) for c in _GLOB):
            for match in sorted(Path().glob(str(given)) if not path.is_absolute() else
                                Path(path.anchor).glob(str(path.relative_to(path.anchor)))):
                if match.is_file() and match.suffix.lower() in LETTER_SUFFIXES:
                    yield match
            continue
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path
