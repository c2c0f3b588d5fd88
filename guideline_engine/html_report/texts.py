"""The letters' texts, read again from their files for the report, and their reviewers'
specialties (which the audit report does not carry, but the letter text states).

Evidence offsets index the raw text of the letter file as `ingest.read_document` reads it (the
file, or the PDF's text layer with pages joined by form feeds); a file that holds several letters
gives `file`, `file#2`, `file#3`... whose offsets all index the whole file. The text is shown only
when every evidence quote of the file's letters still matches it: a file changed since the audit
is reported as such, never highlighted wrongly. Only local files are read (paths and file://
URLs): the report never goes on the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..errors import GuidelineEngineError
from ..ingest import is_url, read_document
from ..models import AuditReport, LetterReport
from .page import TextStatus

# `file#N`: the N-th letter of a file that holds several joined end to end
_NTH_LETTER = re.compile(r"^(?P<file>.+\.(?:txt|pdf))#(?P<n>[2-9]|[1-9]\d+)$", re.IGNORECASE)


@dataclass
class LetterFile:
    """A letter file as the report shows it: its text, or why the text is not shown."""

    status: TextStatus
    text: str | None = None
    note: str | None = None
    # the reviewer's specialties of each letter in the file, by letter number (1, 2, ...)
    specialties: dict[int, list[str]] = field(default_factory=dict)


def file_of(source: str) -> tuple[str, int]:
    """(the file a letter's source names, the letter's number in it)."""
    if match := _NTH_LETTER.match(source):
        return match["file"], int(match["n"])
    return source, 1


def _local_path(file: str, base: Path | None) -> Path | str:
    """The local path of a letter file, or (a str) why it is not read."""
    if is_url(file):
        parsed = urlparse(file)
        if parsed.scheme != "file":
            return f"not read: a {parsed.scheme}:// URL (the report reads local files only)"
        return Path(unquote(parsed.path))
    path = Path(file)
    if not path.is_absolute() and not path.exists() and base is not None \
            and (base / path).exists():
        return base / path
    return path


def _mismatch(text: str, letters: list[LetterReport]) -> str | None:
    """The first evidence quote the text no longer holds, described; None if all hold."""
    for letter in letters:
        for item in letter.items:
            for name, fact in item.facts:
                for ev in fact.evidence:
                    if text[ev.start:ev.end] != ev.quote:
                        return (f"the file has changed since the audit (the evidence of "
                                f"{name} at {ev.start}-{ev.end} is no longer there)")
    return None


def _specialties(doc) -> dict[int, list[str]]:
    from ..letters import parse_letters

    try:
        letters = parse_letters(doc)
    except GuidelineEngineError:
        return {}
    return {number: list(determination.reviewer.specialties)
            for number, (_, determination) in enumerate(letters, 1)}


def read_letter_file(file: str, letters: list[LetterReport],
                     base: Path | None = None) -> LetterFile:
    path = _local_path(file, base)
    if isinstance(path, str):
        return LetterFile(status="unavailable", note=path)
    try:
        doc = read_document(path)
    except GuidelineEngineError as exc:
        return LetterFile(status="unavailable", note=f"cannot be read now: {exc}")
    if why := _mismatch(doc.text, letters):
        return LetterFile(status="changed", note=why)
    return LetterFile(status="ok", text=doc.text, specialties=_specialties(doc))


def read_letter_files(report: AuditReport, base: Path | None = None) -> dict[str, LetterFile]:
    """Each letter file of the report (in order of first appearance) with its text. Relative
    sources are found from the working folder, then from `base` (the audit JSON's folder)."""
    by_file: dict[str, list[LetterReport]] = {}
    for letter in report.letters:
        by_file.setdefault(file_of(letter.source)[0], []).append(letter)
    return {file: read_letter_file(file, letters, base) for file, letters in by_file.items()}
