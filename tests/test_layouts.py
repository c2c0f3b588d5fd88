"""Every published layout is recognised and read: the 2014-17 decisions (PDF text and the
seeds' extraction), the 2014 numbered decisions, the 2013 notices and professional reviews."""

from __future__ import annotations

import re

import pytest
from conftest import LETTERS

from guideline_engine.errors import LetterParseError
from guideline_engine.extract import extract_facts
from guideline_engine.letters import parse_document, read_letter
from guideline_engine.letters.layouts import LAYOUTS
from guideline_engine.models import Document

LAYOUT_LETTERS = LETTERS / "layouts"

# (file, layout, recorded outcomes in order), read from the letters themselves
CASES = [
    ("c2014_1_pt-lumbar-radiculitis.txt", "imr-2014-numbered", ["upheld"]),
    ("c2014_2_chiro-naproxen-mri.txt", "imr-2014-numbered", ["upheld", "overturned", "upheld"]),
    ("c2014_3_acupuncture-shoulder.txt", "imr-2014-numbered", ["overturned"]),
    ("d_profreview_1_aquatic-lumbar-knees.txt", "professional-review", ["upheld"]),
    ("d_profreview_2_pt-cervical-cyclobenzaprine.txt", "professional-review",
     ["overturned", "upheld"]),
    ("d_profreview_3_work-hardening.txt", "professional-review", ["upheld"]),
    ("e2013_1_pt-lumbar.txt", "notice-2013", ["upheld"]),
    ("e2013_2_acupuncture-chiro-mri.txt", "notice-2013", ["upheld", "overturned", "upheld"]),
    ("e2013_3_aquatic-knees.txt", "notice-2013", ["overturned"]),
    # batch 67: the notices' "IMR Case Number ... Page 3 of 3" footer closing the text; the
    # professional review listing its items one a line with no numbers, one guideline section
    # for all and each rationale opened by the item's title
    ("c2014_4_pt-acupuncture-tramadol.txt", "imr-2014-numbered",
     ["upheld", "overturned", "upheld"]),
    ("c2015_5_postop-pt-shoulder-partial.txt", "imr-2014-numbered", ["overturned", "upheld"]),
    ("e2013_4_chiro-pt-mri.txt", "notice-2013", ["upheld", "upheld", "upheld"]),
    ("e2013_5_postop-ot-acupuncture-footers.txt", "notice-2013", ["overturned", "upheld"]),
    ("d_profreview_4_aquatic-epidural.txt", "professional-review", ["overturned", "upheld"]),
    ("d_profreview_5_unnumbered-issues.txt", "professional-review", ["upheld", "upheld"]),
    ("real-dev/CM16-0243453.pdf", "imr-2014", ["upheld"] * 4),
    ("000_81edd1edd61ff77f.txt", "imr-2014", ["upheld"]),
]


@pytest.mark.parametrize("name,layout,outcomes", CASES, ids=[c[0] for c in CASES])
def test_layout_is_recognised_and_every_item_read(name, layout, outcomes):
    path = LAYOUT_LETTERS / name if not name.startswith(("real-dev", "0")) else LETTERS / name
    _, determination = read_letter(path)
    assert determination.layout == layout
    assert [i.recorded_outcome.value for i in determination.items] == outcomes
    for item in determination.items:
        assert item.title.quote.strip() and item.rationale.quote.strip()


@pytest.mark.parametrize("name", [c[0] for c in CASES if c[0].endswith(".txt")])
def test_a_layout_reads_the_same_with_windows_line_endings(name):
    path = LAYOUT_LETTERS / name if not name.startswith("0") else LETTERS / name
    text = path.read_text(encoding="utf-8")
    _, plain = parse_document(Document(source=name, text=text))
    _, crlf = parse_document(Document(source=name, text=text.replace("\n", "\r\n")))
    assert [(" ".join(i.title.quote.split()), i.recorded_outcome) for i in crlf.items] == \
        [(" ".join(i.title.quote.split()), i.recorded_outcome) for i in plain.items]


def test_remaining_eligible_portion_keeps_the_original_request_in_the_heading():
    _, determination = read_letter(LETTERS / "real-dev" / "CM16-0248698.pdf")
    item = next(i for i in determination.items if "Acupuncture" in i.title.quote)
    assert " ".join(item.title.quote.split()) == "Acupuncture 12 sessions"
    assert "Acupuncture 18 sessions was the original request" in " ".join(
        item.preamble.quote.split())
    assert " ".join(item.heading.quote.split()).endswith("Acupuncture 12 sessions is")


def test_an_unknown_layout_names_the_headings_looked_for():
    with pytest.raises(LetterParseError) as err:
        parse_document(Document(source="memo.txt", text="Dear colleague,\nplease see me.\n"))
    message = str(err.value)
    assert "memo.txt" in message and "not an IMR determination" in message
    for layout in LAYOUTS:
        assert layout.name in message


def test_an_unreadable_outcome_word_is_an_error_not_a_lost_item():
    text = (LETTERS / "000_81edd1edd61ff77f.txt").read_text(encoding="utf-8")
    broken = re.sub(r":\s*Upheld", ": Partially", text, count=1)
    assert broken != text
    with pytest.raises(LetterParseError, match="could not be read"):
        parse_document(Document(source="x.txt", text=broken))


@pytest.mark.parametrize("title,modality", [
    ("Pre-op labs: CBC/CMP/PT/PTT", None),            # a blood test, not physical therapy
    ("PT/INR", None),
    ("Physical therapy, times 12", "physical_therapy"),
    ("Chirophysio therapy two times a week", "chiropractic"),
    ("Four sessions of therapeutic exercise", "physical_therapy"),
    ("Additional PT 2x4 for the lumbar spine", "physical_therapy"),
])
def test_item_titles_name_their_treatment(title, modality):
    from guideline_engine.extract import categories

    assert categories.modality(title) == modality


def test_a_letter_cut_inside_an_item_heading_is_an_error_not_a_lost_item():
    text = (LETTERS / "001_9aa3df6fc47e6d47.txt").read_text(encoding="utf-8")
    second = text.index("Chiropractic 3x a week")
    cut = text[:second] + "Chiropractic 3x a week for"
    with pytest.raises(LetterParseError, match="truncated"):
        parse_document(Document(source="cut.txt", text=cut))


@pytest.mark.parametrize("name", [c[0] for c in CASES if c[0].startswith(("d_", "e2013"))])
def test_one_letter_of_each_layout_is_one_letter_not_split(name):
    # a 2013 notice's table opens a line with "IMR Case Number:": not where a letter begins
    from guideline_engine.ingest import read_document
    from guideline_engine.letters import parse_letters

    letters = parse_letters(read_document(LAYOUT_LETTERS / name))
    assert len(letters) == 1
    assert letters[0][1].layout == dict((c[0], c[1]) for c in CASES)[name]


def test_letters_joined_end_to_end_are_read_as_letters(book, tmp_path):
    from guideline_engine.audit import audit

    names = ("001_9aa3df6fc47e6d47.txt", "layouts/e2013_2_acupuncture-chiro-mri.txt",
             "003_0a1eae2b9c5340e3.txt")
    joined = "\n".join((LETTERS / name).read_text(encoding="utf-8") for name in names)
    path = tmp_path / "joined.txt"
    path.write_text(joined, encoding="utf-8")
    report = audit([path], book)
    assert [letter.source.rsplit("/", 1)[-1] for letter in report.letters] == [
        "joined.txt", "joined.txt#2", "joined.txt#3"]
    assert [len(letter.items) for letter in report.letters] == [2, 3, 2]
    raw = joined
    for letter in report.letters:
        for item in letter.items:
            for name in type(item.facts).model_fields:
                for ev in getattr(item.facts, name).evidence:
                    assert raw[ev.start:ev.end] == ev.quote


def test_a_numbered_heading_title_loses_the_comma_before_its_verdict():
    # blind143_4: "3. TENS unit, 30-day rental, is not medically necessary and appropriate."
    text = (LAYOUT_LETTERS / "c2014_2_chiro-naproxen-mri.txt").read_text(encoding="utf-8")
    commaed = text.replace("2. Naproxen sodium 550 mg #60 is medically",
                           "2. Naproxen sodium 550 mg, #60, is medically")
    assert commaed != text
    _, determination = parse_document(Document(source="x.txt", text=commaed))
    assert determination.items[1].title.quote == "Naproxen sodium 550 mg, #60"


@pytest.mark.parametrize("title,read", [
    # blind609_1: "3. Compounded topical cream: Flurbiprofen 20%, ... is not medically
    # necessary and appropriate." (a colon inside the title, wrapped over lines)
    ("Compounded topical cream: Naproxen sodium 550 mg #60, in a\nLipoderm base,",
     "Compounded topical cream: Naproxen sodium 550 mg #60, in a Lipoderm base"),
    # blind613_5: "... cream, 120gm (DOS:\n06/13/2014) is not medically necessary and
    # appropriate." (the colon at a line's end)
    ("Retrospective request for Naproxen sodium 550 mg #60 (DOS:\n06/13/2014)",
     "Retrospective request for Naproxen sodium 550 mg #60 (DOS: 06/13/2014)"),
])
def test_a_numbered_heading_title_may_hold_a_colon(title, read):
    text = (LAYOUT_LETTERS / "c2014_2_chiro-naproxen-mri.txt").read_text(encoding="utf-8")
    colon = text.replace("2. Naproxen sodium 550 mg #60 is medically",
                         f"2. {title} is medically")
    assert colon != text
    _, original = parse_document(Document(source="x.txt", text=text))
    _, determination = parse_document(Document(source="y.txt", text=colon))
    assert len(determination.items) == len(original.items)
    assert " ".join(determination.items[1].title.quote.split()) == read


def test_an_unnumbered_issue_whose_rationale_starts_after_the_last_ones_sentence():
    # blind440_5: "... request is not medically necessary. Diclofenac sodium 1% gel, 100 grams:
    # The guidelines recommend ...", the second entry run onto the first's last line
    text = (LAYOUT_LETTERS / "d_profreview_5_unnumbered-issues.txt").read_text(encoding="utf-8")
    joined = text.replace("is not medically necessary.\nMassage therapy 1 x 8 for the right knee:",
                          "is not medically necessary. Massage therapy 1 x 8 for the right knee:",
                          1)
    assert joined != text
    _, determination = parse_document(Document(source="joined.txt", text=joined))
    assert [" ".join(i.title.quote.split()) for i in determination.items] == [
        "Additional physical therapy x12 for the right knee",
        "Massage therapy 1 x 8 for the right knee"]
    assert determination.items[1].rationale.quote.startswith("The Chronic Pain")


@pytest.mark.parametrize("wrap", ["\n", "\r\n"])
def test_an_unnumbered_issue_wrapped_over_lines_is_one_item(wrap):
    # the issue list gives a title on two lines; its rationale entry gives it on one
    text = (LAYOUT_LETTERS / "d_profreview_5_unnumbered-issues.txt").read_text(encoding="utf-8")
    text = text.replace("Additional physical therapy x12 for the right knee\n",
                        f"Additional physical therapy x12 for the right knee for{wrap}"
                        "strengthening and gait training\n", 1)
    text = text.replace("Additional physical therapy x12 for the right knee:",
                        "Additional physical therapy x12 for the right knee for strengthening and "
                        "gait training:", 1)
    _, determination = parse_document(Document(source="wrapped.txt", text=text))
    assert [" ".join(i.title.quote.split()) for i in determination.items] == [
        "Additional physical therapy x12 for the right knee for strengthening and gait training",
        "Massage therapy 1 x 8 for the right knee"]
    assert [i.recorded_outcome.value for i in determination.items] == ["upheld", "upheld"]


def test_a_2013_notice_takes_the_date_of_injury_from_the_summarys_story():
    text = (LAYOUT_LETTERS / "e2013_1_pt-lumbar.txt").read_text(encoding="utf-8")
    text = text.replace("with a date of injury of 1/9/2012. He injured his\nlow back lifting",
                        "who injured his\nlow back on 1/9/2012 lifting", 1)
    _, determination = parse_document(Document(source="notice.txt", text=text))
    assert str(determination.header["injury_date"].value) == "2012-01-09"
    assert determination.header["injury_date"].span.quote == "1/9/2012"


@pytest.mark.parametrize("story,quote", [
    ("He sustained an industrial injury to his low back on 1/9/2012 lifting", "1/9/2012"),
    ("He was injured on January 9, 2012 lifting", "January 9, 2012"),
    ("He developed pain in the low back and the right buttock on 01-09-2012 while lifting",
     "01-09-2012"),
    # the accident told with its date
    ("He fell approximately 8 feet from a ladder at a construction site on 1/9/2012 after",
     "1/9/2012"),
    # (blind427_5)
    ("His right hand was caught between a pallet and the mast of a forklift on 1/9/2012 while",
     "1/9/2012"),
    # (blind432_5: the other claim's injury, told after this one's, is not this claim's)
    ("He felt a pull in his low back on 1/9/2012 while lifting. The records also contain an "
     "unrelated prior claim: he injured his neck at a different employer on 3/2/2009 and",
     "1/9/2012"),
    # (blind438_5)
    ("She lacerated her left index finger with a box cutter while opening cartons at work on "
     "1/9/2012 and", "1/9/2012"),
    # (blind465_6: the label with no verb)
    ("She has a cumulative trauma injury, date of injury 1/9/2012, to the low back and",
     "1/9/2012"),
    # (blind1051_2: a UR note's shorthand quoted as the summary)
    ("58 y/o M bus mechanic. DOI 1/9/2012 - fell from bus step, landed on buttocks. He",
     "1/9/2012"),
    # (blind1046_5: what he was doing before its day)
    ("He developed low back pain radiating into the left leg while lifting cases of bottled "
     "water on 1/9/2012. An", "1/9/2012"),
    # (blind445_3: the accident told from its day, opening the sentence)
    ("On 1/9/2012 he was climbing down a stepladder when he missed the bottom rung and",
     "1/9/2012"),
    # (blind1065_6: the label's date as the file gives it, a two-digit year)
    ("The date of injury is listed as 1/9/12, when she slipped on a wet floor and", "1/9/12"),
    # (blind1114_4: a cumulative trauma's range in a UR note's shorthand, its end)
    ("47 y/o F production line assembler. CT 1/1/10-1/9/12, repetitive bending and lifting of",
     "1/9/12"),
    # (blind1174_5: the label with a cumulative trauma's range, its end)
    ("She worked as a housekeeper, with a cumulative trauma date of injury of 3/1/2009 to "
     "1/9/2012. She", "1/9/2012"),
])
def test_a_2013_notice_reads_the_injury_however_the_summary_tells_it(story, quote):
    text = (LAYOUT_LETTERS / "e2013_1_pt-lumbar.txt").read_text(encoding="utf-8")
    told = text.replace("with a date of injury of 1/9/2012. He injured his\nlow back lifting",
                        f"in his fifties. {story}", 1)
    assert told != text
    _, determination = parse_document(Document(source="notice.txt", text=told))
    assert str(determination.header["injury_date"].value) == "2012-01-09"
    assert determination.header["injury_date"].span.quote == quote


def test_a_2014_letter_with_no_date_of_injury_line_reads_it_from_the_summary():
    text = (LAYOUT_LETTERS / "c2014_1_pt-lumbar-radiculitis.txt").read_text(encoding="utf-8")
    told = text.replace("Date of Injury:  03/05/2011", "", 1)
    told = told.replace("CLINICAL CASE SUMMARY", "CLINICAL CASE SUMMARY\nThe patient sustained an "
                        "industrial injury on March 5, 2011.", 1)
    assert told.count("March 5, 2011") == 1 and "Date of Injury" not in told
    _, determination = parse_document(Document(source="c2014.txt", text=told))
    assert str(determination.header["injury_date"].value) == "2011-03-05"
    # the table's line wins where there is one
    _, determination = parse_document(Document(source="c2014.txt", text=text))
    assert determination.header["injury_date"].span.quote == "03/05/2011"


def test_a_professional_review_with_no_header_block_reads_the_injury_from_its_summary():
    text = (LAYOUT_LETTERS / "d_profreview_1_aquatic-lumbar-knees.txt").read_text(encoding="utf-8")
    assert "Date of Injury" not in text
    _, determination = parse_document(Document(source="review.txt", text=text))
    assert str(determination.header["injury_date"].value) == "2010-02-14"


def test_a_professional_review_reads_ur_and_application_dates_from_its_documents_list():
    text = (LAYOUT_LETTERS / "d_profreview_1_aquatic-lumbar-knees.txt").read_text(encoding="utf-8")
    assert "UR Denial Date" not in text and "Received:" not in text
    _, determination = parse_document(Document(source="review.txt", text=text))
    assert str(determination.header["ur_date"].value) == "2013-07-16"
    assert str(determination.header["application_received"].value) == "2013-07-25"
    assert determination.header["application_received"].span.quote == "7/25/2013"


@pytest.mark.parametrize("entry,quote", [
    ("3) Request for Authorization, 07/09/2013", "07/09/2013"),
    ("- Request for Authorization dated 7/9/2013 (aquatic therapy)", "7/9/2013"),
    ("\u2022 Request for Authorization (aquatic therapy x 12), 07/09/2013", "07/09/2013"),
])
def test_a_professional_review_dates_the_request_from_its_documents_list(entry, quote):
    # a request the case summary does not date: the documents list's entry dates it
    text = (LAYOUT_LETTERS / "d_profreview_1_aquatic-lumbar-knees.txt").read_text(encoding="utf-8")
    told = "request for authorization dated 7/9/2013 for aquatic therapy"
    assert told in text
    text = text.replace(told, "request for aquatic therapy", 1).replace(
        "DOCUMENTS REVIEWED FOR DETERMINATION:\n",
        f"DOCUMENTS REVIEWED FOR DETERMINATION:\n{entry}\n", 1)
    assert entry in text
    normal, determination = parse_document(Document(source="review.txt", text=text))
    facts = extract_facts(normal, determination, determination.items[0])
    assert str(facts.request_date.value) == "2013-07-09"
    assert [e.quote for e in facts.request_date.evidence] == [quote]
    # a listed request dated after the UR decision is not the one it answered
    late = text.replace(entry, entry.replace("7/9/2013", "8/9/2013").replace(
        "07/09/2013", "08/09/2013"), 1)
    normal, determination = parse_document(Document(source="review.txt", text=late))
    assert not extract_facts(normal, determination, determination.items[0]).request_date.known


@pytest.mark.parametrize("told,quote", [
    ("Utilization review dated 11/12/2013 non-certified the request.", "11/12/2013"),
    ("On 11/12/2013, utilization review non-certified the request.", "11/12/2013"),
    ("The utilization review denial/modification dated November 12, 2013 followed.",
     "November 12, 2013"),
])
def test_a_2014_letter_with_no_ur_date_line_reads_it_from_the_text(told, quote):
    text = (LAYOUT_LETTERS / "c2014_1_pt-lumbar-radiculitis.txt").read_text(encoding="utf-8")
    without = text.replace("UR Denial Date:  11/12/2013", "", 1).replace(
        "Utilization review on 11/12/2013 non-certified the request.", told, 1)
    assert without.count(quote) == 1 and "UR Denial Date" not in without
    _, determination = parse_document(Document(source="c2014.txt", text=without))
    assert str(determination.header["ur_date"].value) == "2013-11-12"
    assert determination.header["ur_date"].span.quote == quote
    # the table's line wins where there is one
    _, determination = parse_document(Document(source="c2014.txt", text=text))
    assert determination.header["ur_date"].span.start == text.index("11/12/2013")


@pytest.mark.parametrize("footer", ["IMR Case Number CM13-0061587 Page 2 of 3",
                                    # blind301_5: the case number alone before the page
                                    "CM13-0061587 Page 2 of 3"])
def test_a_notice_footer_inside_an_item_heading_is_furniture_and_still_names_the_case(footer):
    # blind204_1: "2) Regarding the request for ... for the right wrist and" / footer / "..."
    text = (LAYOUT_LETTERS / "e2013_5_postop-ot-acupuncture-footers.txt").read_text(
        encoding="utf-8")
    heading = "2) Regarding the request for acupuncture 2 times per week for 4 weeks for the " \
              "right wrist and\n"
    assert heading in text
    # (the letter's own footers taken away: the one written here is the only one)
    text = re.sub(r"(?m)^IMR Case Number CM13-0061587 Page \d of 3\n?", "", text)
    assert "CM13-0061587" not in text
    broken = text.replace(heading, heading + footer + "\n", 1)
    normal, determination = parse_document(Document(source="notice.txt", text=broken))
    title = " ".join(determination.items[1].title.quote.split())
    assert "Case Number" not in title and title.startswith("acupuncture 2 times per week")
    assert "IMR Case Number" not in normal.clean
    # the case number is read from the footer the normalised text left out, quoted from the raw
    case = determination.header["case_number"]
    assert case.value == "CM13-0061587" and case.in_raw
    assert broken[case.span.start:case.span.end] == "CM13-0061587"


def test_a_heading_in_capitals_glued_to_the_last_line_of_a_list_is_found():
    # blind204_2: "MRI of the left knee dated 09/21/2013 CLINICAL CASE SUMMARY"
    text = (LAYOUT_LETTERS / "c2014_4_pt-acupuncture-tramadol.txt").read_text(encoding="utf-8")
    glued = text.replace("dated 06/19/2012\nCLINICAL CASE SUMMARY", "dated 06/19/2012 CLINICAL "
                         "CASE SUMMARY", 1)
    assert glued != text
    _, plain = parse_document(Document(source="c2014.txt", text=text))
    _, determination = parse_document(Document(source="c2014.txt", text=glued))
    assert determination.case_summary.quote == plain.case_summary.quote
    assert [i.recorded_outcome for i in determination.items] == [
        i.recorded_outcome for i in plain.items]
    # in lower case, the words are the list's, not a heading
    lower = text.replace("dated 06/19/2012\nCLINICAL CASE SUMMARY", "dated 06/19/2012 clinical "
                         "case summary", 1)
    with pytest.raises(LetterParseError, match="CLINICAL CASE SUMMARY"):
        parse_document(Document(source="c2014.txt", text=lower))


def test_a_2014_letter_that_names_the_physician_reviewer_is_read_as_one_naming_the_expert():
    # blind299_1: "The Physician Reviewer based his/her decision on ...", "The Physician
    # Reviewer's decision rationale:"
    text = (LAYOUT_LETTERS / "c2014_1_pt-lumbar-radiculitis.txt").read_text(encoding="utf-8")
    assert "The Expert Reviewer's decision rationale:" in text
    physician = text.replace("Expert Reviewer", "Physician Reviewer")
    _, expert = parse_document(Document(source="c2014.txt", text=text))
    _, determination = parse_document(Document(source="c2014.txt", text=physician))
    assert [i.recorded_outcome for i in determination.items] == \
        [i.recorded_outcome for i in expert.items]
    for item, same in zip(determination.items, expert.items, strict=True):
        assert item.reviewer_citation is not None and item.claims_administrator_citation
        assert item.rationale.quote == same.rationale.quote


def test_numbered_issues_with_titled_rationales_and_one_guideline_section():
    # blind325_5: "1. Electro-acupuncture ..." in the issue list, one guideline paragraph for
    # every item, and rationale paragraphs that open with each title and a colon
    text = (LAYOUT_LETTERS / "d_profreview_5_unnumbered-issues.txt").read_text(encoding="utf-8")
    text = text.replace("ISSUE AT DISPUTE:\nAdditional physical therapy x12 for the right knee\n"
                        "Massage therapy 1 x 8 for the right knee\n",
                        "ISSUE AT DISPUTE:\n1. Additional physical therapy x12 for the right knee\n"
                        "2. Massage therapy 1 x 8 for the right knee\n", 1)
    assert "1. Additional" in text
    _, determination = parse_document(Document(source="numbered.txt", text=text))
    assert [i.title.quote for i in determination.items] == [
        "Additional physical therapy x12 for the right knee",
        "Massage therapy 1 x 8 for the right knee"]
    first, second = determination.items
    assert first.rationale.quote.startswith("The Postsurgical Treatment Guidelines")
    assert "Massage" not in first.rationale.quote.split(".")[0]
    assert second.rationale.start > first.rationale.end
    assert first.reviewer_citation.quote == second.reviewer_citation.quote
    assert first.reviewer_citation.quote.startswith("MTUS Postsurgical Treatment Guidelines")


def test_rationales_under_their_titles_on_lines_of_their_own():
    # blind348_3: each rationale under its title alone on a line, not "title: ..."
    text = (LAYOUT_LETTERS / "d_profreview_5_unnumbered-issues.txt").read_text(encoding="utf-8")
    for title in ("Additional physical therapy x12 for the right knee",
                  "Massage therapy 1 x 8 for the right knee"):
        assert f"\n{title}: " in text
        text = text.replace(f"\n{title}: ", f"\n{title}\n", 1)
    _, determination = parse_document(Document(source="alone.txt", text=text))
    assert [i.title.quote for i in determination.items] == [
        "Additional physical therapy x12 for the right knee",
        "Massage therapy 1 x 8 for the right knee"]
    first, second = determination.items
    assert "Massage" not in first.rationale.quote.split(".")[0]
    assert second.rationale.start > first.rationale.end
    assert [i.recorded_outcome.value for i in determination.items] == ["upheld", "upheld"]


@pytest.mark.parametrize("first, second", [
    ("\u2022 ", "\u2022 "), ("Request #1: ", "Request #2: "), ("(a) ", "(b) "), ("- ", "- ")])
def test_issues_listed_with_bullets_letters_or_request_numbers(first, second):
    # blind423_1 ("\u2022 Chiropractic ..." in the issues and over each rationale), blind423_4
    # ("Request #1: Work conditioning ..."), blind423_5 ("(a) Physical therapy ...")
    text = (LAYOUT_LETTERS / "d_profreview_5_unnumbered-issues.txt").read_text(encoding="utf-8")
    titles = ("Additional physical therapy x12 for the right knee",
              "Massage therapy 1 x 8 for the right knee")
    listed = f"ISSUE AT DISPUTE:\n{titles[0]}\n{titles[1]}\n"
    assert listed in text
    text = text.replace(listed, f"ISSUE AT DISPUTE:\n{first}{titles[0]}\n{second}{titles[1]}\n")
    for marker, title in zip((first, second), titles, strict=True):
        text = text.replace(f"\n{title}: ", f"\n{marker}{title}: ", 1)
    _, determination = parse_document(Document(source="listed.txt", text=text))
    assert [i.title.quote for i in determination.items] == list(titles)
    one, two = determination.items
    assert "Massage" not in one.rationale.quote.split(".")[0]
    assert two.rationale.start > one.rationale.end


def test_a_rationale_heading_repeated_for_the_other_items_is_one_section():
    # blind436_6: "RATIONALE FOR WHY ... IS/WAS NOT MEDICALLY NECESSARY:" over the upheld items,
    # then "RATIONALE FOR WHY ... IS/WAS MEDICALLY NECESSARY:" over the overturned one
    text = (LAYOUT_LETTERS / "d_profreview_5_unnumbered-issues.txt").read_text(encoding="utf-8")
    second = "\nMassage therapy 1 x 8 for the right knee: "
    assert second in text
    heading = "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS MEDICALLY NECESSARY:"
    text = text.replace(second, f"\n{heading}{second}", 1)
    _, determination = parse_document(Document(source="two.txt", text=text))
    assert [i.title.quote for i in determination.items] == [
        "Additional physical therapy x12 for the right knee",
        "Massage therapy 1 x 8 for the right knee"]
    first, massage = determination.items
    assert heading not in first.rationale.quote
    assert massage.rationale.quote.startswith("The Chronic Pain")


def test_a_wrapped_line_opening_on_a_number_is_not_a_numbered_item():
    # blind347_6: "... bring the total to\n20. The 4 sessions certified by utilization review are
    # sufficient ... Occupational therapy 3 x 4 for the right wrist is\nnot medically necessary
    # and appropriate." inside item 2's rationale
    text = (LAYOUT_LETTERS / "c2014_2_chiro-naproxen-mri.txt").read_text(encoding="utf-8")
    _, before = parse_document(Document(source="c.txt", text=text))
    old = "functional improvement. Because the request exceeds the \n"
    assert old in text
    wrapped = text.replace(old, "functional improvement, making\n20. Because the request "
                                "exceeds the \n", 1)
    _, after = parse_document(Document(source="c.txt", text=wrapped))
    assert [i.title.quote for i in after.items] == [i.title.quote for i in before.items]


def test_header_dates_with_a_stray_space_beside_a_separator():
    from test_extract_evidence import letter
    text = letter("The patient has knee pain.", ("Physical therapy 2x2 for the right knee",
                                                 "Overturned", "The request is necessary."))
    text = text.replace("Date Assigned: 12/01/2016", "Date Assigned: 12 /01/2016").replace(
        "Decision Date: 01/10/2017", "Decision Date: 01/ 10/2017")
    _, determination = parse_document(Document(source="example.txt", text=text))
    assert str(determination.header["date_assigned"].value) == "2016-12-01"
    assert str(determination.header["decision_date"].value) == "2017-01-10"
    assert determination.header["date_assigned"].span.quote == "12 /01/2016"


def test_a_2013_notice_with_a_retrospective_request_keeps_the_kind_in_its_title():
    text = (LAYOUT_LETTERS / "e2013_1_pt-lumbar.txt").read_text(encoding="utf-8")
    text = text.replace("has determined the request for physical therapy",
                        "has determined the retrospective request for physical therapy").replace(
        "1) Regarding the request for physical therapy",
        "1) Regarding the retrospective request for physical therapy")
    normal, determination = parse_document(Document(source="notice.txt", text=text))
    item = determination.items[0]
    assert " ".join(item.title.quote.split()).startswith(
        "retrospective request for physical therapy 3 times a week for 4 weeks")
    assert extract_facts(normal, determination, item).retrospective.value is True


def test_a_professional_review_lettering_its_issues_reads_them_as_numbered():
    # blind484_4: "A. Physical therapy x 6 visits, lumbar spine", "B. Massage therapy ..."
    text = (LAYOUT_LETTERS / "d_profreview_2_pt-cervical-cyclobenzaprine.txt").read_text(
        encoding="utf-8")
    lettered = re.sub(r"(?m)^1\. ", "A. ", re.sub(r"(?m)^2\. ", "B. ", text))
    assert lettered != text
    _, numbered = parse_document(Document(source="numbered.txt", text=text))
    _, determination = parse_document(Document(source="lettered.txt", text=lettered))
    assert [" ".join(i.title.quote.split()) for i in determination.items] == [
        "Physical therapy 2 times a week for 3 weeks for the cervical spine",
        "Cyclobenzaprine 7.5 mg #90"]
    assert [i.recorded_outcome for i in determination.items] == \
        [i.recorded_outcome for i in numbered.items]


def _items(determination) -> list[tuple]:
    """What a reading of a letter's items comes to: each item's number, title and outcome."""
    return [(i.index, i.title.quote, i.recorded_outcome) for i in determination.items]


def _review_in_blocks(guideline: str, rationale: str) -> str:
    blocks = "".join(
        f"ISSUE {n}: {title}\n{guideline}\nCalifornia MTUS Chronic Pain Medical Treatment "
        f"Guidelines (2009).\n{rationale}\nThe request for {title.lower()} is {verdict}.\n"
        for n, (title, verdict) in enumerate((
            ("Physical therapy (additional): 2 times a week for 6 weeks, lumbar spine",
             "not medically necessary"),
            ("Chiropractic manipulation (trial): 6 visits for the lumbar spine",
             "medically necessary")), start=1))
    return ("MEDICAL PROFESSIONAL REVIEW\nCase Number: CM15-0087214\nDate of Injury: 08/27/2013\n"
            "ISSUES AT DISPUTE:\n"
            "1. Physical therapy (additional): 2 times a week for 6 weeks, lumbar spine\n"
            "2. Chiropractic manipulation (trial): 6 visits for the lumbar spine\n"
            "CASE SUMMARY:\nShe has low back pain. She attended 24 sessions of physical "
            "therapy.\nDOCUMENTS REVIEWED FOR DETERMINATION:\n- Utilization review\n"
            f"{blocks}MEDICAL REVIEWER QUALIFICATIONS:\nBoard certified.\n")


@pytest.mark.parametrize("guideline,rationale", [
    ("MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:",
     "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:"),
    # blind615_5: the headings worded a little differently
    ("MEDICAL TREATMENT GUIDELINES RELIED UPON BY THE PROFESSIONAL REVIEWER AND WHY:",
     "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS OR IS NOT MEDICALLY NECESSARY:"),
])
def test_a_professional_review_with_a_block_for_each_issue(guideline, rationale):
    # blind615_1: "ISSUE 1: ..." then the guidelines and the rationale, "ISSUE 2: ..." then the
    # same headings again: the k-th section is the k-th issue's
    text = _review_in_blocks(guideline, rationale)
    _, determination = parse_document(Document(source="blocks.txt", text=text))
    items = determination.items
    assert [i.recorded_outcome.value for i in items] == ["upheld", "overturned"]
    assert "ISSUE 2" not in items[0].rationale.quote
    assert items[1].rationale.quote.strip().startswith("The request for chiropractic")


def test_a_notices_sections_out_of_the_numbered_order_are_the_items_of_their_numbers():
    # blind616_1: "1) Regarding ...", "3) Regarding ...", "2) Regarding ..."
    text = (LAYOUT_LETTERS / "e2013_2_acupuncture-chiro-mri.txt").read_text(encoding="utf-8")
    second = text.index("2) Regarding the request for")
    third = text.index("3) Regarding the request for")
    swapped = text[:second] + text[third:].rstrip("\n") + "\n" + text[second:third]
    assert swapped != text
    _, original = parse_document(Document(source="x.txt", text=text))
    _, determination = parse_document(Document(source="y.txt", text=swapped))
    assert _items(determination) == _items(original)
    assert "chiropractic" in determination.items[1].rationale.quote.lower()


@pytest.mark.parametrize("number,label", [
    # blind624: numbering and the rationale's label written in other ways
    ("({n})", "The Expert Reviewer's rationale for the decision:"),
    ("Item {n}:", "Expert Reviewer's Decision Rationale:"),
    ("{n})", "The Expert Reviewers decision rationale:"),
    ("({n})", "The Expert Reviewer's decision rationale is as follows:"),
])
def test_a_2014_letter_numbered_and_labelled_in_other_ways(number, label):
    text = (LAYOUT_LETTERS / "c2014_2_chiro-naproxen-mri.txt").read_text(encoding="utf-8")
    varied = text.replace("The Expert Reviewer's decision rationale:", label)
    for n in (1, 2, 3):
        varied = re.sub(rf"(?m)^{n}\. ", number.format(n=n) + " ", varied)
    assert varied != text
    _, original = parse_document(Document(source="x.txt", text=text))
    _, determination = parse_document(Document(source="y.txt", text=varied))
    assert _items(determination) == _items(original)


def test_a_2013_notices_title_may_run_over_four_lines():
    # blind636_6: a retrospective request with its modalities and dates of service, "is" on
    # the third line of the title and the verdict on the fourth
    text = (LAYOUT_LETTERS / "e2013_1_pt-lumbar.txt").read_text(encoding="utf-8")
    long_title = ("physical therapy evaluation and treatment with hot packs,\nultrasound and "
                  "therapeutic exercise 3 times a week for 4 weeks for the lumbar\nspine, dates "
                  "of service 6/3/2013 through 6/28/2013, is\nnotmedically necessary")
    told = text.replace("physical therapy 3\ntimes a week for 4 weeks for the lumbar spine is "
                        "notmedically necessary", long_title)
    told = told.replace("1) Regarding the request for physical therapy 3 times a week for 4 "
                        "weeks for the lumbar\nspine:",
                        "1) Regarding the request for physical therapy evaluation and "
                        "treatment with hot\npacks, ultrasound and therapeutic exercise 3 times "
                        "a week for 4 weeks for the\nlumbar spine, dates of service 6/3/2013 "
                        "through 6/28/2013:", 1)
    assert told.count("dates of service") == 3
    _, determination = parse_document(Document(source="notice.txt", text=told))
    (item,) = determination.items
    assert " ".join(item.title.quote.split()).endswith("service 6/3/2013 through 6/28/2013")
    assert item.recorded_outcome == "upheld"


def test_a_professional_review_with_issues_as_issue_s_and_a_heading_over_three_lines():
    # blind657: "ISSUE(S) AT DISPUTE:" and the guideline heading wrapped in a narrow column
    text = (LAYOUT_LETTERS / "d_profreview_1_aquatic-lumbar-knees.txt").read_text(encoding="utf-8")
    told = text.replace("ISSUE AT DISPUTE:", "     ISSUE(S) AT DISPUTE:", 1)
    told = told.replace("MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL \n"
                        "REVIEWER AND WHY:", "   MEDICAL TREATMENT GUIDELINE(S)\n   RELIED UPON "
                        "BY PROFESSIONAL\n   REVIEWER AND WHY:", 1)
    assert told.count("ISSUE(S)") == 1 and told.count("BY PROFESSIONAL\n") == 1
    _, determination = parse_document(Document(source="review.txt", text=told))
    _, original = parse_document(Document(source="review.txt", text=text))
    assert [i.recorded_outcome for i in determination.items] == \
        [i.recorded_outcome for i in original.items]
    assert determination.items[0].reviewer_citation is not None


def test_a_2013_notices_decisions_run_together_on_one_line_keep_their_own_outcomes():
    # blind722_6: "... is medically necessary and appropriate. 3) MAXIMUS Federal Services, Inc.
    # has determined the request for an MRI ... is not medically necessary": item 2's outcome is
    # its own, not the next determination's on the same line
    text = (LAYOUT_LETTERS / "e2013_2_acupuncture-chiro-mri.txt").read_text(encoding="utf-8")
    joined = text.replace("is medically necessary and appropriate.\n3) MAXIMUS",
                          "is medically necessary and appropriate. 3) MAXIMUS", 1)
    assert joined != text
    _, determination = parse_document(Document(source="notice.txt", text=joined))
    assert [i.recorded_outcome.value for i in determination.items] == \
        ["upheld", "overturned", "upheld"]


@pytest.mark.parametrize("run_in", [True, False])
def test_professional_review_headings_spaced_out_or_run_into_their_text(run_in):
    # blind799_2: "ISSUE  AT  DISPUTE:", "CASE  SUMMARY:" (runs of spaces); blind799_4: each
    # heading with its section's text after it on its line ("ISSUE AT DISPUTE: 1. Aquatic ...",
    # "CASE SUMMARY: The claimant is ...")
    text = (LAYOUT_LETTERS / "d_profreview_4_aquatic-epidural.txt").read_text(encoding="utf-8")
    for heading in ("ISSUE AT DISPUTE:", "CASE SUMMARY:", "DOCUMENTS REVIEWED FOR DETERMINATION:",
                    "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:",
                    "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY "
                    "NECESSARY:"):
        assert text.count(heading + "\n") == 1
        text = text.replace(heading + "\n", heading + " " if run_in
                            else heading.replace(" ", "  ") + "\n")
    _, determination = parse_document(Document(source="letter.txt", text=text))
    assert determination.layout == "professional-review"
    assert [i.title.quote for i in determination.items] == [
        "Aquatic therapy twice weekly for four weeks for the lumbar spine",
        "Lumbar epidural steroid injection at L4-L5"]
    assert determination.case_summary.quote.startswith("The claimant is a 54-year-old female")
    assert determination.items[0].rationale.quote.startswith("The MTUS Chronic Pain")


@pytest.mark.parametrize("heading, cited", [
    # blind881: the guideline section's heading worded otherwise
    ("GUIDELINES RELIED UPON:", True),
    ("MEDICAL TREATMENT GUIDELINES RELIED UPON BY THE PROFESSIONAL REVIEWER:", True),
    ("EVIDENCE-BASED GUIDELINES USED BY THE REVIEWER AND WHY:", True),
    ("CLINICAL CRITERIA/GUIDELINES RELIED UPON BY PROFESSIONAL REVIEWER:", True),
    ("GUIDELINE(S) RELIED UPON AND WHY:", True),
    # one not foreseen: the items are still read, without the reviewer's citation
    ("AUTHORITIES CONSULTED:", False)])
def test_a_professional_reviews_guideline_heading_worded_otherwise(heading, cited):
    text = (LAYOUT_LETTERS / "d_profreview_1_aquatic-lumbar-knees.txt").read_text(encoding="utf-8")
    old = "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL \nREVIEWER AND WHY:"
    assert text.count(old) == 1
    _, original = parse_document(Document(source="review.txt", text=text))
    _, determination = parse_document(Document(source="review.txt",
                                                text=text.replace(old, heading)))
    assert [i.recorded_outcome for i in determination.items] == \
        [i.recorded_outcome for i in original.items]
    citation = determination.items[0].reviewer_citation
    assert (citation is not None) == cited
    if cited:
        assert citation.quote == original.items[0].reviewer_citation.quote


@pytest.mark.parametrize("label", ["ISSUE {n}:", "Issue #{n}:"])
def test_a_professional_review_listing_labelled_issues_with_a_block_for_each(label):
    # blind885_1: the issues listed as "ISSUE 1: ...", "ISSUE 2: ..." (not "1.", "2."), then a
    # block for each, opening with its label again
    text = _review_in_blocks(
        "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:",
        "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:")
    for n in (1, 2):
        text = text.replace(f"\n{n}. ", f"\n{label.format(n=n)} ", 1)
        text = text.replace(f"ISSUE {n}: ", f"{label.format(n=n)} ")
    assert "\n1. " not in text
    _, determination = parse_document(Document(source="blocks.txt", text=text))
    items = determination.items
    assert [i.recorded_outcome.value for i in items] == ["upheld", "overturned"]
    assert items[0].title.quote.startswith("Physical therapy (additional)")
    assert "chiropractic" not in items[0].rationale.quote.lower()
    assert items[1].rationale.quote.strip().startswith("The request for chiropractic")


def _short_review(summary: str, rationale: str, label: str) -> str:
    titles = ("PT, right elbow, x 6 additional", "Acupuncture, right elbow, 1 x 6")
    listed = "".join(f"{label.format(n=n)} {t}\n" for n, t in enumerate(titles, start=1))
    reasons = "".join(
        f"{label.format(n=n)} The request for {t.lower()} is {v}.\n"
        for n, (t, v) in enumerate(zip(titles, ("not medically necessary",
                                                "medically necessary"), strict=True), start=1))
    return ("MEDICAL PROFESSIONAL REVIEW\nCase Number: CM15-0102376\nDate of Injury: 09/08/2014\n"
            f"ISSUE AT DISPUTE:\n{listed}{summary}\nShe has elbow pain. The treating physician's "
            "records:\nsix visits of physical therapy.\nRECORDS:\n- Utilization review\n"
            f"GUIDELINES:\nMTUS Chronic Pain Medical Treatment Guidelines (2009).\n{rationale}\n"
            f"{reasons}CREDENTIALS:\nBoard certified.\n")


@pytest.mark.parametrize("summary,rationale,label", [
    # blind1041_1, blind1041_4, blind1041_6: the sections' headings worded short; the issues
    # labelled "Issue 1:" (blind1041_3) or "#1" (blind1041_4)
    ("SUMMARY:", "RATIONALE:", "{n}."),
    ("CLINICAL HISTORY:", "DETERMINATION AND RATIONALE:", "#{n}"),
    ("CASE SUMMARY:", "REASONS:", "Issue {n}:"),
])
def test_a_professional_review_with_short_headings(summary, rationale, label):
    text = _short_review(summary, rationale, label)
    _, determination = parse_document(Document(source="short.txt", text=text))
    items = determination.items
    assert [i.title.quote for i in items] == ["PT, right elbow, x 6 additional",
                                             "Acupuncture, right elbow, 1 x 6"]
    assert [i.recorded_outcome.value for i in items] == ["upheld", "overturned"]
    # (a sentence's "records:" at a line's end is no heading: the summary goes on past it)
    assert "six visits of physical therapy" in determination.case_summary.quote


def test_a_2014_letters_first_item_glued_to_the_section_heading():
    # blind1044_3: "IMR DECISION(S) AND RATIONALE(S)1. Chiropractic manipulation ..." (the line
    # break lost in extraction)
    text = (LAYOUT_LETTERS / "c2014_2_chiro-naproxen-mri.txt").read_text(encoding="utf-8")
    glued = text.replace("IMR DECISION(S) AND RATIONALE(S)\n\n1. ",
                         "IMR DECISION(S) AND RATIONALE(S)1. ", 1)
    assert glued != text
    _, original = parse_document(Document(source="x.txt", text=text))
    _, determination = parse_document(Document(source="y.txt", text=glued))
    assert _items(determination) == _items(original)


def test_a_professional_reviews_first_issue_run_in_after_its_heading():
    # blind1044_6: "ISSUE AT DISPUTE:Massage therapy 1 time a week for 6 weeks for the cervical
    # spine" then "Cyclobenzaprine 7.5 mg #60" on the next line
    titles = ("Massage therapy 1 time a week for 6 weeks for the cervical spine",
              "Cyclobenzaprine 7.5 mg #60")
    text = ("MEDICAL PROFESSIONAL REVIEW\nCase Number: CM16-0229930\nDate of Injury: 02/11/2015\n"
            f"ISSUE AT DISPUTE:{titles[0]}\n{titles[1]}\nCASE SUMMARY:\nShe has neck pain.\n"
            "DOCUMENTS REVIEWED FOR DETERMINATION:\n- Utilization review\n"
            "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:\n"
            f"{titles[0]}: The request is not medically necessary.\n"
            f"{titles[1]}: The request is medically necessary.\n"
            "MEDICAL REVIEWER QUALIFICATIONS:\nBoard certified.\n")
    _, determination = parse_document(Document(source="run-in.txt", text=text))
    assert [i.title.quote for i in determination.items] == list(titles)
    assert [i.recorded_outcome.value for i in determination.items] == ["upheld", "overturned"]
