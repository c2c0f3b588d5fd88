"""Bytes of a text letter -> str. A byte-order mark chooses the encoding; otherwise strict UTF-8;
bytes that are not UTF-8 fall back to Windows-1252 with a note naming the first bad offset.
A file that is binary (NUL bytes without a UTF-16/32 mark) is refused."""

from __future__ import annotations

import codecs

from ..errors import LetterReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(raw: bytes, source: str) -> tuple[str, str | None]:
    """(text, note). The note says when a fallback encoding was used, else None."""
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
