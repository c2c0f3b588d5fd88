"""Bytes of a text letter -> str. A byte-order mark chooses the encoding; otherwise strict UTF-8;
bytes that are not UTF-8 fall back to Windows-1252 with a note naming the first bad offset.
A file that is binary (NUL bytes without a UTF-16/32 mark) is refused. Text that was decoded
with the wrong encoding before it was saved ("donâ€™t", "Â" before a no-break space, "ï»¿" for
a byte-order mark) is repaired by ftfy, with a note; nothing else in the text is changed."""

from __future__ import annotations

import codecs

import ftfy
import regex

from ..errors import LetterReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(raw: bytes, source: str) -> tuple[str, str | None]:
    """(text, note). The note says when a fallback encoding was used or the text repaired,
    else None."""
    text, note = _decode(raw, source)
    repaired = repair_mojibake(text)
    if repaired == text:
        return text, note
    said = "text decoded with the wrong encoding before it was saved was repaired (mojibake)"
    return repaired, f"{note}; {said}" if note else said


# characters that mojibake leaves and letters hardly use: the test before the repair
_SUSPECT = regex.compile(r"[\u00c2\u00c3\u00e2\u00ef\u00c5\u00c6][\u0080-\u02ff\u2000-\u20ff]")
# ftfy's repair of the encoding only: quotes, ligatures, widths and line breaks stay as written
_REPAIR = ftfy.TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
    fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
    remove_control_chars=False, normalization=None, explain=False)


def repair_mojibake(text: str) -> str:
    """The text with its encoding damage undone (ftfy), or the text itself."""
    if not _SUSPECT.search(text):
        return text
    return ftfy.fix_text(text, _REPAIR)


def _decode(raw: bytes, source: str) -> tuple[str, str | None]:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(encoding), None
            except UnicodeDecodeError as exc:
                raise LetterReadError(source, f"not valid {encoding} after its byte-order mark "
                                      f"(byte {exc.start + len(bom)})") from exc
    if b"\x00" in raw[:4096]:
        raise LetterReadError(source, "binary file (NUL bytes, no text byte-order mark); "
                              "expected a text letter or a PDF")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        bad = exc.start
    return raw.decode("cp1252", errors="replace"), (
        f"not valid UTF-8 (first bad byte at offset {bad}); read as Windows-1252")
