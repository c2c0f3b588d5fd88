"""Reading letters: text files, PDFs (made here with fpdf2 from a seed letter), folders."""

from __future__ import annotations

import pytest
from conftest import LETTERS, SEEDS, pdf_bytes
from fpdf import FPDF

from guideline_engine.audit import audit_letter
from guideline_engine.errors import LetterReadError
from guideline_engine.ingest import iter_letter_paths, read_document


def make_pdf(path, text: str) -> None:
    path.write_bytes(pdf_bytes(text))


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


def test_windows_1252_text_is_read_with_a_note_naming_the_first_bad_byte(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes("caf\xe9 \x93quoted\x94".encode("latin-1"))
    doc = read_document(path)
    assert doc.text == "caf\xe9 \u201cquoted\u201d"
    assert doc.notes == ["not valid UTF-8 (first bad byte at offset 3); read as Windows-1252"]


@pytest.mark.parametrize("damaged,repaired", [
    # blind780: UTF-8 read as Windows-1252 and saved again, once or twice; a byte-order mark
    # read as text; "Â" before a no-break space
    ("Additional acupuncture 2 times a week for 3 weeks \u00e2\u20ac\u201c lumbar spine",
     "Additional acupuncture 2 times a week for 3 weeks \u2013 lumbar spine"),
    ("the patient\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2s knee",
     "the patient\u2019s knee"),
    ("\u00ef\u00bb\u00bfCase Number: CM16-0240537", "\ufeffCase Number: CM16-0240537"),
    ("flexion to 90\u00c2\u00b0.\u00c2\u00a0 She", "flexion to 90\u00b0.\u00a0 She"),
])
def test_text_decoded_with_the_wrong_encoding_is_repaired_with_a_note(tmp_path, damaged,
                                                                     repaired):
    path = tmp_path / "x.txt"
    path.write_bytes(damaged.encode("utf-8"))
    doc = read_document(path)
    assert doc.text.lstrip("\ufeff") == repaired.lstrip("\ufeff")
    assert doc.notes and "mojibake" in doc.notes[-1]


def test_sound_text_is_left_as_written(tmp_path):
    # curly quotes, dashes, ligatures, accents and no-break spaces a letter really has stay
    text = ("The employee\u2019s \u201cfirst\u201d course \u2013 non-certi\ufb01ed \u2014 "
            "caf\u00e9,\u00a0Dr. M\u00fcller, 90\u00b0")
    path = tmp_path / "x.txt"
    path.write_bytes(text.encode("utf-8"))
    doc = read_document(path)
    assert doc.text == text
    assert not doc.notes


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes("\ufeffcaf\xe9 letter".encode("utf-16-le"))
    assert read_document(path).text == "caf\xe9 letter"


def test_a_binary_file_is_refused_as_binary(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x00\x01\x02binary\x00")
    with pytest.raises(LetterReadError, match="binary"):
        read_document(path)


def test_folders_are_searched_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "notes.md").write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_letter_paths([tmp_path])]
    assert found == ["a.txt", "b/2.txt"]


# ------------------------------------------------------------------ published PDFs (pypdfium2)

PUBLISHED = LETTERS / "real-dev" / "CM16-0230548.pdf"


def test_a_published_aes_encrypted_pdf_is_read_with_its_pages(book):
    doc = read_document(PUBLISHED)
    assert doc.pages == 2 and doc.page_starts[0] == 0
    assert doc.text[doc.page_starts[1] - 1] == "\f"
    report = audit_letter(PUBLISHED, book)
    acupuncture = report.items[1]
    for name in type(acupuncture.facts).model_fields:
        for ev in getattr(acupuncture.facts, name).evidence:
            assert doc.text[ev.start:ev.end] == ev.quote
            assert ev.page == (2 if ev.start >= doc.page_starts[1] else 1)


def test_the_header_block_is_read_as_facts_with_evidence(book):
    report = audit_letter(PUBLISHED, book)
    assert report.header == {
        "application_received": "2016-12-01", "case_number": "CM16-0230548",
        "date_assigned": "2016-12-06", "decision_date": "2017-01-04",
        "injury_date": "2016-11-01", "priority": "Standard", "ur_date": "2016-12-01"}
    facts = report.items[1].facts
    assert str(facts.decision_date.value) == "2017-01-04"
    assert facts.decision_date.evidence[0].part == "header"
    assert facts.decision_date.evidence[0].quote == "01/04/2017"


def test_an_image_only_pdf_says_it_has_no_text_layer(tmp_path):
    from PIL import Image

    image = tmp_path / "scan.png"
    Image.new("RGB", (200, 100), "white").save(image)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(image), x=10, y=10, w=100)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(LetterReadError, match="no text layer"):
        read_document(path)


def test_a_password_protected_pdf_says_so(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 10, "CLINICAL CASE SUMMARY")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    with pytest.raises(LetterReadError, match="password"):
        read_document(path)


def test_a_corrupt_pdf_in_a_batch_is_an_error_entry_and_the_batch_goes_on(tmp_path, book):
    from guideline_engine.audit import audit

    bad = tmp_path / "corrupt.pdf"
    bad.write_bytes(PUBLISHED.read_bytes()[:3000])
    report = audit([bad, PUBLISHED], book)
    assert report.summary.letters == 1 and report.summary.errors == 1
    assert "corrupt.pdf" in report.errors[0].message


def test_every_path_under_a_folder_is_audited_or_reported(tmp_path, monkeypatch):
    import os

    from guideline_engine import ingest
    from guideline_engine.ingest import PathProblem, iter_letter_paths

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "letter.txt").write_text("x")
    (tmp_path / "a" / "back").symlink_to(tmp_path)  # a loop
    (tmp_path / "locked").mkdir()
    real_walk = os.walk

    def walk(top, followlinks=False, onerror=None):
        for root, dirs, files in real_walk(top, followlinks=followlinks, onerror=onerror):
            if root.endswith("locked"):
                onerror(PermissionError(13, "Permission denied", root))
                continue
            yield root, dirs, files

    monkeypatch.setattr(ingest.os, "walk", walk)
    found = list(iter_letter_paths([tmp_path, tmp_path / "missing"]))
    problems = {str(p): p.message for p in found if isinstance(p, PathProblem)}
    assert tmp_path / "a" / "letter.txt" in found
    assert "loop" in problems[str(tmp_path / "a" / "back")]
    assert "Permission denied" in problems[str(tmp_path / "locked")]
    with pytest.raises(LetterReadError, match="no such file or folder"):
        read_document(tmp_path / "missing")
