"""Reading letters: text files, PDFs (made here with fpdf2 from a seed letter), folders."""

from __future__ import annotations

import pytest
from conftest import SEEDS
from fpdf import FPDF

from guideline_engine.audit import audit_letter
from guideline_engine.errors import LetterReadError
from guideline_engine.ingest import iter_letter_paths, read_document


def make_pdf(path, text: str) -> None:
    pdf = FPDF(format="letter")
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in text.splitlines():
        pdf.multi_cell(0, 5, line.strip() or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def test_pdf_letter_is_read_and_audited_like_its_text(tmp_path, book):
    seed = SEEDS[1]
    pdf_path = tmp_path / "letter.pdf"
    make_pdf(pdf_path, seed.read_text(encoding="utf-8"))
    doc = read_document(pdf_path)
    assert doc.pages >= 2
    from_pdf = audit_letter(pdf_path, book)
    from_text = audit_letter(seed, book)
    assert [i.title for i in from_pdf.items] == [i.title for i in from_text.items]
    assert [i.decision.outcome for i in from_pdf.items] == [i.decision.outcome
                                                            for i in from_text.items]
    for item in from_pdf.items:
        for name in type(item.facts).model_fields:
            for ev in getattr(item.facts, name).evidence:
                assert doc.text[ev.start:ev.end] == ev.quote


def test_not_a_pdf(tmp_path):
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"not a pdf at all")
    with pytest.raises(LetterReadError, match="x.pdf"):
        read_document(bad)


def test_unsupported_suffix(tmp_path):
    path = tmp_path / "x.docx"
    path.write_text("hello")
    with pytest.raises(LetterReadError, match="unsupported file type"):
        read_document(path)


def test_windows_1252_text_is_read(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes("caf\xe9 \x93quoted\x94".encode("latin-1"))
    assert "quoted" in read_document(path).text


def test_folders_are_searched_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "notes.md").write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_letter_paths([tmp_path])]
    assert found == ["a.txt", "b/2.txt"]
