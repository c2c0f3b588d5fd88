"""PDF bytes -> the text of each page, through pypdfium2 (PDFium). It opens the DWC's published
letters (AES-encrypted with an empty user password) and reads about ten times faster than pypdf.
A PDF with a real password, a corrupt file and a PDF with no text layer each give their own
LetterReadError; the caller's batch goes on."""

from __future__ import annotations

import pypdfium2 as pdfium

from ..errors import LetterReadError


def read_pdf(raw: bytes, source: str) -> list[str]:
    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise LetterReadError(source, "the PDF is protected by a password; "
                                  "give the unlocked file") from exc
        raise LetterReadError(source, f"cannot read PDF: {message}") from exc
    try:
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    except pdfium.PdfiumError as exc:
        raise LetterReadError(source, f"cannot read PDF text: {exc}") from exc
    finally:
        pdf.close()
    if not any(page.strip() for page in pages):
        raise LetterReadError(source, f"the PDF has no text layer ({len(pages)} page(s) of "
                              "images, a scan?); run OCR first")
    return pages
