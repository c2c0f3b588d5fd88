"""The letter parser: structure of real letters, PDF noise, typos, and clear errors."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from guideline_engine.errors import LetterParseError
from guideline_engine.letters import parse_document
from guideline_engine.models import Document


def parse(text: str, source: str = "letter.txt"):
    return parse_document(Document(source=source, text=text))[1]


def seed_text(i: int) -> str:
    return SEEDS[i].read_text(encoding="utf-8")


def test_seed_structure():
    d = parse(seed_text(1))
    assert [i.title.quote for i in d.items] == [
        "Physical therapy 3x a week for 4 weeks for the cervical spine",
        "Chiropractic 3x a week for 6 weeks for the cervical spine",
    ]
    assert [i.recorded_outcome.value for i in d.items] == ["upheld", "upheld"]
    assert d.reviewer.licensure == ["California"]
    assert d.reviewer.specialties == ["Preventive Medicine", "Occupational Medicine"]
    assert d.case_summary.quote.startswith("The injured worker is a 62 year old male")
    first = d.items[0]
    assert "MTUS Chronic Pain Medical Treatment" in first.claims_administrator_citation.quote
    assert first.rationale.quote.startswith("The MTUS Guidelines recommend")
    assert first.rationale.quote.rstrip().endswith("medically necessary.")


def test_board_certified_reviewer_statement():
    d = parse(seed_text(3))
    assert d.reviewer.specialties == ["Occupational Medicine", "Preventive Medicine"]
    assert d.reviewer.licensure == ["California"]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_spans_are_normalised_text(path):
    normal, d = parse_document(Document(source=path.name, text=path.read_text(encoding="utf-8")))
    for item in d.items:
        for span in (item.title, item.rationale, item.reviewer_citation,
                     item.claims_administrator_citation, item.outcome_span):
            assert normal.clean[span.start:span.end] == span.quote


def _noisy(text: str, data) -> str:
    """PDF-extraction noise: extra blank lines, trailing spaces, page-break runs."""
    lines = text.split("\n")
    out = []
    for line in lines:
        out.append(line + " " * data.draw(st.integers(0, 3)))
        if data.draw(st.integers(0, 9)) == 0:
            out.extend([""] * data.draw(st.integers(1, 5)))
    return "\n".join(out)


@settings(max_examples=30, deadline=None)
@given(st.data(), st.integers(0, 4))
def test_pdf_noise_does_not_change_the_items(data, i):
    clean = parse(seed_text(i))
    noisy = parse(_noisy(seed_text(i), data))
    assert [(x.title.quote, x.recorded_outcome) for x in noisy.items] == [
        (x.title.quote, x.recorded_outcome) for x in clean.items]
    assert " ".join(noisy.items[-1].rationale.quote.split()) == " ".join(
        clean.items[-1].rationale.quote.split())


def test_heading_typos_are_tolerated():
    text = seed_text(1).replace("CLINICAL CASE SUMMARY", "CLINCAL CASE SUMARY")
    text = text.replace("Claims Administrator guideline", "Claims Adminstrator guideline")
    text = text.replace("for the cervical spine: Upheld", "for the cervical spine: Uphled")
    d = parse(text)
    assert len(d.items) == 2
    assert all(i.recorded_outcome.value == "upheld" for i in d.items)


def test_overturned_is_read():
    text = seed_text(0).replace("for the back:  Upheld", "for the back:  Overturned")
    assert parse(text).items[0].recorded_outcome.value == "overturned"


def test_missing_summary_heading_is_a_typed_error_naming_what_is_missing():
    text = seed_text(0).replace("CLINICAL CASE SUMMARY", "")
    with pytest.raises(LetterParseError) as err:
        parse(text, "x.txt")
    assert "CLINICAL CASE SUMMARY" in str(err.value)
    assert err.value.source == "x.txt"


def test_a_text_in_no_known_layout_names_the_headings_looked_for_as_they_read():
    with pytest.raises(LetterParseError) as err:
        parse("This is not a determination letter.\n", "x.txt")
    message = str(err.value)
    assert "not an IMR determination in a known layout" in message
    assert "'IMR DECISION(S) AND RATIONALE(S)'" in message
    assert "'Notice of Independent Medical Review Determination'" in message


def test_missing_issues_heading():
    text = seed_text(0).replace("IMR ISSUES, DECISIONS AND RATIONALES", "")
    with pytest.raises(LetterParseError, match="IMR ISSUES"):
        parse(text)


def test_item_without_rationale_is_an_error_not_a_silent_drop():
    text = seed_text(1)
    second = text.index("Chiropractic 3x a week")
    cut = text.index("Decision rationale:", second)
    text = text[:cut] + text[cut:].replace("Decision rationale:", "Rationale text:", 1)
    with pytest.raises(LetterParseError, match="item 2 .*Decision rationale") as err:
        parse(text)
    assert err.value.line is not None


def test_unreadable_item_heading_is_an_error_not_a_silent_drop():
    text = seed_text(1)
    head, tail = text.rsplit("for the cervical spine: Upheld", 1)
    text = head + "for the cervical spine: Partially certified" + tail
    assert "Partially certified" in text
    with pytest.raises(LetterParseError, match="could not be read"):
        parse(text)


def test_letter_without_items():
    text = seed_text(0)
    text = text[: text.index("12- 24 physical")]
    with pytest.raises(LetterParseError, match="no disputed item heading"):
        parse(text)


def test_empty_letter():
    with pytest.raises(LetterParseError):
        parse("")


# ---- page furniture and closing lines of real letters (blind3 letters found each)

def _dwc_letter(case: str = "CM17-0028417", body_break: str = "") -> str:
    return (
        f"Case Number: {case}\nDate Assigned: 02/14/2017\nDate of Injury: 01/09/2017\n"
        "Decision Date: 03/14/2017\nUR Denial Date: 02/06/2017\nPriority: Standard\n"
        "Application Received: 02/10/2017\nHOW THE IMR FINAL DETERMINATION WAS MADE\n"
        "MAXIMUS Federal Services sent the complete case file to an expert reviewer.\n"
        "CLINICAL CASE SUMMARY\nThe patient has low back pain after lifting at work.\n"
        "IMR ISSUES, DECISIONS AND RATIONALES\n"
        "Physical therapy 6 visits for the lumbar spine: Overturned\n"
        "Claims Administrator guideline: Decision based on MTUS Chronic Pain 2016.\n"
        f"MAXIMUS guideline: Decision based on MTUS Chronic Pain 2016.\n{body_break}"
        "Decision rationale: The 6 visits requested are within the guideline. The request is "
        "medically necessary.\n")


@pytest.mark.parametrize("furniture", [
    "Page 1 of 2\nCase Number: CM17-0028417\n",          # the case number atop the next page
    "Final Determination Letter for IMR Case Number CM17-0028417 1\n",
])
def test_page_furniture_between_an_items_parts_is_not_a_new_letter(furniture):
    from guideline_engine.letters import parse_letters
    letters = parse_letters(Document(source="l.txt", text=_dwc_letter(body_break=furniture)))
    assert len(letters) == 1
    (_, determination), = letters
    assert [i.recorded_outcome.value for i in determination.items] == ["overturned"]
    assert "Case Number" not in determination.items[0].rationale.quote


def test_two_letters_joined_are_still_two_letters():
    from guideline_engine.letters import parse_letters
    joined = _dwc_letter("CM17-0000001") + _dwc_letter("CM17-0000002")
    letters = parse_letters(Document(source="l.txt", text=joined))
    assert [d.header["case_number"].value for _, d in letters] == ["CM17-0000001",
                                                                    "CM17-0000002"]


@pytest.mark.parametrize("closing", ["/bh", "jd/bh", "cc: Claims Administrator", "Sincerely,"])
def test_a_closing_line_after_the_last_rationale_is_not_a_cut_letter(closing):
    determination = parse(_dwc_letter() + f"\n{closing}\n")
    assert len(determination.items) == 1


def test_an_unfinished_heading_after_the_last_rationale_is_still_refused():
    with pytest.raises(LetterParseError, match="unfinished line"):
        parse(_dwc_letter() + "Chiropractic treatment for the lumbar spine 2 times a week\n")


def test_heading_lengths_weigh_alternatives_and_optional_words():
    from guideline_engine.letters.parse import _literal_len
    assert _literal_len(r"(?:CLINICAL CASE SUMMARY){e<=2}") == (21, 21)
    assert _literal_len(r"(?:ISSUES? AT DISPUTE:?){e<=1}") == (16, 18)
    # "IS", "WAS" or "IS/WAS", with or without "NOT "
    low, high = _literal_len(r"(?:RATIONALE FOR WHY (?:IS/WAS|IS|WAS) (?:NOT )?NECESSARY:?){e<=3}")
    assert (low, high) == (len("RATIONALE FOR WHY IS NECESSARY"),
                           len("RATIONALE FOR WHY IS/WAS NOT NECESSARY:"))


def test_the_heading_verb_is_not_part_of_the_title():
    # "is:" alone on the line after a title that fills its line (fifth blind batch)
    text = (
        "Case Number: CM16-0207418\nDate Assigned: 11/01/2016\nDate of Injury: 05/23/2016\n"
        "Decision Date: 12/01/2016\nUR Denial Date: 10/11/2016\nPriority: Standard\n"
        "Application Received: 10/20/2016\nHOW THE IMR FINAL DETERMINATION WAS MADE\nMAXIMUS "
        "Federal Services sent the complete case file to an expert reviewer.\nCLINICAL CASE "
        "SUMMARY\nThe applicant has low back pain.\nIMR ISSUES, DECISIONS AND RATIONALES\n"
        "Work conditioning 10 visits (2 weeks) for the lumbar spine, 5 times weekly, 4 hours "
        "per session \nis: Overturned\nClaims Administrator guideline: Decision based on MTUS "
        "Chronic Pain Medical Treatment 2009.\nMAXIMUS guideline: Decision based on MTUS Chronic "
        "Pain Medical Treatment 2009.\nDecision rationale: The request is medically necessary.\n")
    d = parse(text)
    assert [i.title.quote for i in d.items] == [
        "Work conditioning 10 visits (2 weeks) for the lumbar spine, 5 times weekly, 4 hours "
        "per session"]
    assert d.items[0].recorded_outcome.value == "overturned"


@pytest.mark.parametrize("marker", ["1) ", "1. "])
def test_an_item_s_number_is_not_part_of_its_title(marker):
    # blind562_5: "1) Chiropractic treatment for the lumbar spine for flare-up, 2 \nvisits:\n
    # Overturned"
    text = _dwc_letter().replace("Physical therapy 6 visits for the lumbar spine: Overturned",
                                 f"{marker}Physical therapy 6 visits for the lumbar \nspine:\n"
                                 "Overturned")
    assert text != _dwc_letter()
    items = parse(text).items
    assert [" ".join(i.title.quote.split()) for i in items] == [
        "Physical therapy 6 visits for the lumbar spine"]
    assert items[0].recorded_outcome.value == "overturned"


_TWO_ITEMS = (
    "Physical therapy 6 visits for the lumbar spine: Overturned\n"
    "Claims Administrator guideline: Decision based on MTUS Chronic Pain 2016.\n"
    "MAXIMUS guideline: Decision based on MTUS Chronic Pain 2016.\n"
    "Decision rationale: The 6 visits requested are within the guideline. The request is "
    "medically necessary.\n"
    "Cyclobenzaprine 7.5 mg #60: Upheld\n"
    "Claims Administrator guideline: Decision based on MTUS Chronic Pain 2016.\n"
    "MAXIMUS guideline: Decision based on MTUS Chronic Pain 2016.\n"
    "Decision rationale: Muscle relaxants are for short-term use. The request is not "
    "medically necessary.\n")


@pytest.mark.parametrize("decisions", [
    "1. Physical therapy 6 visits for the lumbar spine: Overturned\n2. Cyclobenzaprine 7.5 mg "
    "#60: Upheld\n",
    # (a title that wraps, its outcome alone on the next line)
    "1. Physical therapy 6 visits for the lumbar \nspine: \nOverturned\n2) Cyclobenzaprine "
    "7.5 mg #60 - Upheld\n",
    "\u2022 Physical therapy 6 visits for the lumbar spine: Overturned\n\u2022 Cyclobenzaprine "
    "7.5 mg #60: Upheld\n",
    # blind1236_3-5: "(1) ...: UPHELD" with blank lines between; "1.MRI of the left shoulder :
    # Upheld"; "1)  ...     Overturned" (no colon)
    "(1) Physical therapy 6 visits for the lumbar spine: OVERTURNED\n\n(2) Cyclobenzaprine 7.5 "
    "mg #60: UPHELD\n\n",
    "1.Physical therapy 6 visits for the lumbar spine : Overturned\n2.Cyclobenzaprine 7.5 mg "
    "#60 : Upheld\n",
    "1)  Physical therapy 6 visits for the lumbar spine     Overturned\n2)  Cyclobenzaprine 7.5 "
    "mg #60     Upheld\n",
])
def test_a_list_of_the_decisions_before_the_items_is_not_the_first_title(decisions):
    # blind1229_1-6: "The Final Determination was based on decisions for the disputed
    # items/services set forth below:\n1. Chiropractic treatment ...: \nOverturned\n2.
    # Cyclobenzaprine 7.5 mg #60: Upheld\nChiropractic treatment ...: \nOverturned\nClaims
    # Administrator guideline: ..."
    base = _dwc_letter().split("Physical therapy 6 visits")[0]
    intro = "The Final Determination was based on decisions for the disputed items/services " \
            "set forth below:\n"
    items = parse(base + intro + decisions + _TWO_ITEMS).items
    assert [i.title.quote for i in items] == ["Physical therapy 6 visits for the lumbar spine",
                                              "Cyclobenzaprine 7.5 mg #60"]
    assert [i.recorded_outcome.value for i in items] == ["overturned", "upheld"]
    assert items[0].preamble is None


def test_a_first_item_numbered_in_its_own_heading_is_still_an_item():
    # blind687_4: "set forth below:\n1. Acupuncture 6 sessions for the cervical spine:
    # Overturned\nClaims Administrator guideline: ..." (the first entry is the heading)
    base = _dwc_letter().split("Physical therapy 6 visits")[0]
    intro = "The Final Determination was based on decisions for the disputed items/services " \
            "set forth below:\n"
    items = parse(base + intro + "1. " + _TWO_ITEMS.replace("Cyclobenzaprine", "2. "
                                                             "Cyclobenzaprine")).items
    assert [i.title.quote for i in items] == ["Physical therapy 6 visits for the lumbar spine",
                                              "Cyclobenzaprine 7.5 mg #60"]


def test_an_outcome_at_the_right_margin_without_its_colon():
    # blind1243_2: "Chiropractic manipulation 2 times a week for 3 weeks for the lumbar spine
    # <many spaces> Overturned" (a layout-keeping extraction of a tabbed heading)
    text = _dwc_letter().replace("Physical therapy 6 visits for the lumbar spine: Overturned",
                                 "Physical therapy 6 visits for the lumbar spine" + " " * 11 +
                                 "Overturned")
    items = parse(text).items
    assert [i.title.quote for i in items] == ["Physical therapy 6 visits for the lumbar spine"]
    assert items[0].recorded_outcome.value == "overturned"


@pytest.mark.parametrize("abbreviation", ["e.g.", "i.e.", "vs."])
def test_an_abbreviation_in_a_title_does_not_end_it(abbreviation):
    # blind552_3: "Medically supervised weight loss program (physician-directed, e.g. LA Weight
    # Loss, Medifast or equivalent), 12 weeks, ...: Upheld"
    title = (f"Medically supervised weight loss program (physician-directed, {abbreviation} LA "
             "Weight Loss or equivalent), 12 weeks")
    text = _dwc_letter().replace("Physical therapy 6 visits for the lumbar spine: Overturned",
                                 f"{title}: Upheld")
    assert text != _dwc_letter()
    assert [i.title.quote for i in parse(text).items] == [title]


@pytest.mark.parametrize("title", ["Lidoderm 5% patch No. 30", "Norco 10/325 mg No. 90"])
def test_the_number_signs_abbreviation_does_not_end_a_title(title):
    # blind814_2, blind814_3: "No." before the count is no sentence's end
    text = _dwc_letter().replace("Physical therapy 6 visits for the lumbar spine: Overturned",
                                 f"{title}: Upheld")
    assert [i.title.quote for i in parse(text).items] == [title]


@pytest.mark.parametrize("joint", ["", "\x0c", "\n"])
def test_a_heading_glued_to_the_rationale_before_it_is_its_own_title(joint):
    # a text that lost the page break between an item's closing sentence and the next heading
    # (blind54_5: "...the request is not medically necessary.EMG of the right upper extremity:
    # Upheld"); the published PDFs keep a form feed there
    second = ("EMG of the right upper extremity: Upheld\n"
              "Claims Administrator guideline: Decision based on MTUS Chronic Pain 2016.\n"
              "MAXIMUS guideline: Decision based on MTUS Chronic Pain 2016.\n"
              "Decision rationale: No neurological findings. The request is not medically "
              "necessary.\n")
    d = parse(_dwc_letter().rstrip("\n") + joint + second)
    assert [i.title.quote for i in d.items] == ["Physical therapy 6 visits for the lumbar spine",
                                                "EMG of the right upper extremity"]
    assert d.items[0].rationale.quote.endswith("The request is medically necessary.")


@pytest.mark.parametrize("closing", ["The request is medically necessary at this time.",
                                     "Further visits are not warranted.",
                                     "The remaining visits are not supported.",
                                     # blind542_1: the DWC's opioid paragraph ends so
                                     "The treating physician and the patient are advised to "
                                     "consult the MTUS Opioids Treatment Guidelines, regarding "
                                     "the most appropriate method for weaning and terminating "
                                     "opioids for this patient."])
def test_a_heading_glued_to_any_closing_sentence_is_its_own_title(closing):
    # blind306_5: "... are not medically necessary at this time.Hydrocodone-acetaminophen
    # 10/325mg #120: Upheld"
    letter = _dwc_letter().replace("The request is medically necessary.\n", closing)
    assert closing in letter
    second = ("Hydrocodone-acetaminophen 10/325mg #120: Upheld\n"
              "Claims Administrator guideline: Decision based on MTUS Chronic Pain 2016.\n"
              "MAXIMUS guideline: Decision based on MTUS Chronic Pain 2016.\n"
              "Decision rationale: Weaning is advised. The request is not medically necessary.\n")
    d = parse(letter + second)
    assert [i.title.quote for i in d.items] == ["Physical therapy 6 visits for the lumbar spine",
                                                "Hydrocodone-acetaminophen 10/325mg #120"]


_MARKER_WORDS = ["Decision rationale:", "Decisoin rationale :", "MAXIMUS guideline:",
                 "Claims Administrator guideline:", "Claims Adminstrator guidline:",
                 "Decision\nrationale:", "rationale:", "guideline", ":", " ", "\n", "x.",
                 "The request is not medically necessary."]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_MARKER_WORDS), st.text(max_size=12)), max_size=25))
def test_marker_windows_find_what_a_whole_text_search_finds(pieces):
    # the colon-window search of the item part markers is a faster finditer: its matches (the
    # pattern's own) come in order, and none that a search of the whole text finds is lost (it
    # also keeps a typed marker before an exact one, "Decisoin rationale :Decision
    # rationale:", which a best-match search of the whole text passes over)
    from guideline_engine.letters.layouts import LAYOUTS
    from guideline_engine.letters.parse import _LINE_START, _compiled, _marker_matches
    text = "".join(pieces)
    for layout in LAYOUTS:
        for rule in layout.parts:
            for source in (rule.marker, _LINE_START + f"(?:{rule.marker})"):
                pattern = _compiled(source)
                found = [m.span() for m in _marker_matches(source, text, 0, len(text))]
                assert all(a[1] <= b[0] for a, b in zip(found, found[1:], strict=False)), source
                for s, e in (m.span() for m in pattern.finditer(text, 0, len(text))):
                    assert any(fs < e and s < fe for fs, fe in found), (source, s, e)


def test_a_section_heading_glued_to_the_sentence_after_it():
    # blind66_5: a text that lost the form feed after the heading (the published PDFs keep it:
    # "IMR ISSUES, DECISIONS AND RATIONALES\x0cThe Final Determination was based on ...")
    text = _dwc_letter().replace(
        "IMR ISSUES, DECISIONS AND RATIONALES\n",
        "IMR ISSUES, DECISIONS AND RATIONALESThe Final Determination was based on decisions for "
        "the disputed items/services set forth below:\n")
    d = parse(text)
    assert [i.title.quote for i in d.items] == ["Physical therapy 6 visits for the lumbar spine"]
    assert "IMR ISSUES" not in d.case_summary.quote


@pytest.mark.parametrize("joint", [
    # blind548_6: glued to the sentence before and to the one after
    "after lifting at work.IMR ISSUES, DECISIONS AND RATIONALESThe Final Determination was based "
    "on decisions for the disputed items/services set forth below:\n",
    # blind549_1: glued to the sentence before, the rest of the heading on the next line
    "after lifting at work.IMR \nISSUES, DECISIONS AND RATIONALES\n",
    "after lifting at work. IMR ISSUES,\nDECISIONS AND RATIONALES\n",
])
def test_a_section_heading_glued_to_the_summary_s_last_sentence(joint):
    text = _dwc_letter().replace("after lifting at work.\nIMR ISSUES, DECISIONS AND RATIONALES\n",
                                 joint)
    assert text != _dwc_letter()
    d = parse(text)
    assert [i.title.quote for i in d.items] == ["Physical therapy 6 visits for the lumbar spine"]
    assert d.case_summary.quote.endswith("after lifting at work.")



def test_a_section_heading_glued_to_the_last_word_of_the_line_before():
    # blind611_4: "Certification(s)/Specialty: Orthopedic SurgeryCLINICAL CASE SUMMARY", the
    # line break between them lost
    text = _dwc_letter().replace(
        "an expert reviewer.\nCLINICAL CASE SUMMARY\n",
        "an expert reviewer.\nCertification(s)/Specialty: Orthopedic Surgery"
        "CLINICAL CASE SUMMARY\n")
    assert text != _dwc_letter()
    d = parse(text)
    assert d.case_summary.quote.startswith("The patient has low back pain")
    assert [i.title.quote for i in d.items] == ["Physical therapy 6 visits for the lumbar spine"]


def test_a_section_heading_in_title_case_glued_to_the_last_word_of_the_line_before():
    # blind988_3: "Certification(s)/Specialty: Orthopedic SurgeryClinical Case Summary"
    text = _dwc_letter().replace(
        "an expert reviewer.\nCLINICAL CASE SUMMARY\n",
        "an expert reviewer.\nCertification(s)/Specialty: Orthopedic Surgery"
        "Clinical Case Summary\n")
    assert text != _dwc_letter()
    d = parse(text)
    assert d.case_summary.quote.startswith("The patient has low back pain")


def test_an_issue_number_on_the_line_above_the_title_is_not_the_titles():
    # blind988_4: "Issue #1\nChiropractic treatment 2 times a week for 3 weeks for the lumbar
    # spine: OVERTURNED"
    text = _dwc_letter().replace("IMR ISSUES, DECISIONS AND RATIONALES\n",
                                 "IMR ISSUES, DECISIONS AND RATIONALES\nIssue #1\n")
    assert text != _dwc_letter()
    d = parse(text)
    assert [i.title.quote for i in d.items] == ["Physical therapy 6 visits for the lumbar spine"]


_HEADER_BODY = (
    "HOW THE IMR FINAL DETERMINATION WAS MADE\nMAXIMUS Federal Services sent the complete case "
    "file to an expert reviewer.\nCLINICAL CASE SUMMARY\nThe expert reviewer developed the "
    "following clinical case summary based on a review of the case file, including all medical "
    "records:\nThe patient has low back pain.\nIMR ISSUES, DECISIONS AND RATIONALES\nThe Final "
    "Determination was based on decisions for the disputed items/services set forth below:\n"
    "Physical therapy x6 for the lumbar spine: Upheld\nClaims Administrator guideline: "
    "Decision based on MTUS.\nMAXIMUS guideline: Decision based on MTUS.\nDecision rationale: "
    "The request is not medically necessary.\n")
_STACKABLE = ("Date Assigned", "Date of Injury", "Decision Date", "UR Denial Date")
_FIELD = {"Date Assigned": "date_assigned", "Date of Injury": "injury_date",
          "Decision Date": "decision_date", "UR Denial Date": "ur_date"}


@settings(max_examples=60, deadline=None)
@given(st.permutations(_STACKABLE).flatmap(
           lambda labels: st.tuples(st.just(labels), st.integers(2, len(labels)))),
       st.lists(st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2019, 12, 31)),
                min_size=4, max_size=4),
       st.sampled_from(["\n", "\r\n"]), st.integers(0, 2))
def test_labels_stacked_above_their_values_read_as_beside_them(order, dates, newline, blank):
    # "Date Assigned:\nDecision Date:\nUR Denial Date:\n04/28/2015\n05/27/2015\n04/07/2015":
    # one extraction's columns; the same fields as "Date Assigned: 04/28/2015 ..."
    # (blind686_3, a plain pdftotext run: blank lines between the labels and their values)
    labels, stacked = order
    values = {label: d.strftime("%m/%d/%Y") for label, d in zip(labels, dates, strict=True)}
    top, rest = labels[:stacked], labels[stacked:]
    head = ("Case Number: CM15-0087316" + newline
            + "".join(f"{label}:{newline}" for label in top) + newline * blank
            + "".join(f"{values[label]}{newline}" for label in top)
            + "".join(f"{label}: {values[label]}{newline}" for label in rest)
            + "Priority: Standard" + newline)
    determination = parse(head + _HEADER_BODY.replace("\n", newline))
    for label in labels:
        field = determination.header[_FIELD[label]]
        assert field.value.strftime("%m/%d/%Y") == values[label], label
        assert field.span.quote == values[label]


@pytest.mark.parametrize("head", [
    # blind555_3: rows of two labels over rows of their values, the priority among them
    "Case Number: Date Assigned:\nCM16-0236652 11/30/2016\nDate of Injury: Decision Date:\n"
    "02/17/2016 12/28/2016\nUR Denial Date: Priority:\n11/08/2016 Standard\n"
    "Application Received:\n11/21/2016\n",
    # blind555_5: rows of four and three
    "Case Number: Date Assigned: Date of Injury: Decision Date:\n"
    "CM16-0236652 11/30/2016 02/17/2016 12/28/2016\n"
    "UR Denial Date: Priority: Application Received:\n11/08/2016 Standard 11/21/2016\n",
])
def test_rows_of_labels_over_rows_of_values_with_the_priority(head):
    header = parse(head + _HEADER_BODY).header
    assert str(header["ur_date"].value) == "2016-11-08"
    assert header["ur_date"].span.quote == "11/08/2016"
    assert str(header["application_received"].value) == "2016-11-21"
    assert str(header["decision_date"].value) == "2016-12-28"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2019, 12, 31)),
                min_size=4, max_size=4),
       st.lists(st.booleans(), min_size=4, max_size=4),
       st.booleans())
def test_header_columns_interleaved_read_in_reading_order(dates, inline, split_label):
    # blind562_1, blind562_6: each label either with its value on its line, or waiting for the
    # next value standing alone ("Date Assigned: \nDecision Date: \nPriority: Standard \n
    # 12/19/2016\n01/17/2017"); "Application \nReceived:" broken over two lines
    values = {label: d.strftime("%m/%d/%Y") for label, d in zip(_STACKABLE, dates, strict=True)}
    lines, waiting = ["Case Number: CM16-0241187"], []
    for label, beside in zip(_STACKABLE, inline, strict=True):
        if beside:
            lines.append(f"{label}: {values[label]} ")
        else:
            lines.append(f"{label}: ")
            waiting.append(values[label])
    lines.append("Priority: Standard ")
    lines += waiting
    lines += ["Application ", "Received: ", "12/13/2016"] if split_label else \
        ["Application Received: ", "12/13/2016"]
    header = parse("\n".join(lines) + "\n" + _HEADER_BODY).header
    for label in _STACKABLE:
        assert header[_FIELD[label]].value.strftime("%m/%d/%Y") == values[label], label
        assert header[_FIELD[label]].span.quote == values[label]
    assert str(header["application_received"].value) == "2016-12-13"


def test_blank_header_labels_keep_nothing_and_the_lone_value_is_the_last_label_s():
    # blind476_3 (as the 2014 letters print a header whose injury and UR dates are blank):
    # "Application\nReceived:\n09/19/2014" is the application's date, not the injury's; and a
    # documents list after the header, with its dates, is no header
    head = ("Case Number: CM14-0156402\nDate Assigned: 09/26/2014 Date of Injury:\n"
            "Decision Date: 11/05/2014 UR Denial Date:\nPriority: Standard Application\n"
            "Received:\n09/19/2014\n")
    header = parse(head + _HEADER_BODY).header
    assert str(header["application_received"].value) == "2014-09-19"
    assert "injury_date" not in header and "ur_date" not in header
    assert str(header["decision_date"].value) == "2014-11-05"


def test_stacked_labels_with_the_case_number_and_priority_among_them():
    # blind333_2: "Case Number:\nDate Assigned:\nDecision Date:\nPriority:\nCM17-0011873\n
    # 01/31/2017\n03/01/2017\nStandard\nDate of Injury:\n..."
    head = ("Case Number:\nDate Assigned:\nDecision Date:\nPriority:\nCM17-0011873\n01/31/2017\n"
            "03/01/2017\nStandard\nDate of Injury:\nUR Denial Date:\nApplication Received:\n"
            "04/22/2014\n01/05/2017\n01/25/2017\n")
    determination = parse(head + _HEADER_BODY)
    assert determination.header["case_number"].value == "CM17-0011873"
    assert str(determination.header["date_assigned"].value) == "2017-01-31"
    assert str(determination.header["decision_date"].value) == "2017-03-01"
    assert str(determination.header["injury_date"].value) == "2014-04-22"
    assert determination.header["decision_date"].span.quote == "03/01/2017"


@pytest.mark.parametrize("heading,outcome", [
    # blind631: the outcome word after a dash, with a full stop, in capitals
    ("Physical therapy 6 visits for the lumbar spine - Overturned", "overturned"),
    ("Physical therapy 6 visits for the lumbar spine: Upheld.", "upheld"),
    ("Physical therapy 6 visits for the lumbar spine \u2013 UPHELD", "upheld"),
    # an OCR'd letter's digit for a letter (blind652)
    ("Physical therapy 6 visits for the lumbar spine: Uphe1d", "upheld"),
    ("Physical therapy 6 visits for the lumbar spine: 0verturned", "overturned"),
    # a space inside the word, as text from a justified PDF has it (blind771)
    ("Physical therapy 6 visits for the lumbar spine: Over turned", "overturned"),
    ("Physical therapy 6 visits for the lumbar spine: Up held", "upheld"),
    # the outcome at the right margin (blind661: a layout-keeping extraction)
    ("Physical therapy 6 visits for the lumbar spine:" + " " * 70 + "Overturned", "overturned"),
])
def test_an_items_outcome_may_follow_a_dash_or_end_with_a_full_stop(heading, outcome):
    text = _dwc_letter().replace("Physical therapy 6 visits for the lumbar spine: Overturned",
                                 heading)
    (item,) = parse(text).items
    assert item.title.quote == "Physical therapy 6 visits for the lumbar spine"
    assert item.recorded_outcome.value == outcome


def test_stacked_labels_parted_from_their_values_by_blank_lines():
    # blind686_3, a plain pdftotext run of a 2015 letter: each column's labels, a blank line,
    # then their values
    head = ("MAXIMUS FEDERAL SERVICES, INC.\nIndependent Medical Review\nP.O. Box 138009\n"
            "Sacramento, CA 95813-8009\nFax: (916) 605-4270\n\nDated: 3/30/2015\n\n"
            "Case Number:\n\nCM15-0032871\n\nDate Assigned:\nDecision Date:\nPriority:\n\n"
            "02/23/2015\n03/30/2015\nStandard\n\nDate of Injury:\nUR Denial Date:\n"
            "Application Received:\n\n07/29/2014\n01/30/2015\n02/11/2015\n\n")
    header = parse(head + _HEADER_BODY).header
    assert header["case_number"].value == "CM15-0032871"
    assert str(header["date_assigned"].value) == "2015-02-23"
    assert str(header["decision_date"].value) == "2015-03-30"
    assert str(header["injury_date"].value) == "2014-07-29"
    assert str(header["ur_date"].value) == "2015-01-30"
    assert str(header["application_received"].value) == "2015-02-11"
    assert header["application_received"].span.quote == "02/11/2015"


def _assert_header(header, want: tuple[str, ...]) -> None:
    """The header's case number and dates: (case, injury, UR, received, assigned, decided)."""
    case, injury, ur, received, assigned, decided = want
    assert header["case_number"].value == case
    assert str(header["injury_date"].value) == injury
    assert str(header["ur_date"].value) == ur
    assert str(header["application_received"].value) == received
    assert str(header["date_assigned"].value) == assigned
    assert str(header["decision_date"].value) == decided


@pytest.mark.parametrize("head,want", [
    # blind779_2: a page line above; the labels column by column, the values row by row
    ("Page 1 of 3\nCase Number:\nDate Assigned:\nDecision Date:\nPriority:\nDate of Injury:\n"
     "UR Denial Date:\nApplication\nReceived:\nCM16-0238816\n11/29/2016\n03/02/2016\n12/27/2016\n"
     "11/09/2016\nStandard\n11/21/2016\n",
     ("CM16-0238816", "2016-03-02", "2016-11-09", "2016-11-21", "2016-11-29", "2016-12-27")),
    # blind779_4: the right column's labels first, the values in the labels' order
    ("Date of Injury:\nUR Denial Date:\nApplication\nReceived:\nCase Number:\nDate Assigned:\n"
     "Decision Date:\nPriority:\n05/06/2014\n10/27/2016\n11/14/2016\nCM16-0240537\n11/18/2016\n"
     "12/20/2016\nStandard\n",
     ("CM16-0240537", "2014-05-06", "2016-10-27", "2016-11-14", "2016-11-18", "2016-12-20")),
    # blind779_5: a page number above the header; the values as the process dates them
    ("1\nCase Number:\nDate Assigned:\nDecision Date:\nPriority:\nDate of Injury:\n"
     "UR Denial Date:\nApplication\nReceived:\nCM16-0245210\n06/11/2013\n12/05/2016\n"
     "12/16/2016\n12/23/2016\n01/27/2017\nStandard\n",
     ("CM16-0245210", "2013-06-11", "2016-12-05", "2016-12-16", "2016-12-23", "2017-01-27")),
])
def test_a_header_read_column_by_column_gives_each_label_its_value(head, want):
    header = parse(head + _HEADER_BODY).header
    _assert_header(header, want)
    assert header["priority"].value == "Standard"


_LABELS_COLUMN = ("Case Number:\nDate Assigned:\nDate of Injury:\nDecision Date:\nUR Denial Date:\n"
                  "Priority:\nApplication Received:\n")


def test_a_header_column_with_a_value_left_out_gives_the_others_their_labels():
    # blind849_3: no date of injury among the values; only leaving it out puts the other dates
    # in the order the IMR process gives them
    head = _LABELS_COLUMN + ("CM16-0241953\n12/20/2016\n01/19/2017\n12/06/2016\nStandard\n"
                             "12/14/2016\n")
    header = parse(head + _HEADER_BODY).header
    assert header["case_number"].value == "CM16-0241953"
    assert "injury_date" not in header
    assert [str(header[k].value) for k in ("ur_date", "application_received", "date_assigned",
                                           "decision_date")] == [
        "2016-12-06", "2016-12-14", "2016-12-20", "2017-01-19"]
    assert header["priority"].value == "Standard"
    # blind849_5: no priority among them, the dates in the labels' order
    head = _LABELS_COLUMN + ("CM17-0007730\n01/17/2017\n09/14/2012\n02/13/2017\n12/28/2016\n"
                             "01/09/2017\n")
    header = parse(head + _HEADER_BODY).header
    _assert_header(header, ("CM17-0007730", "2012-09-14", "2016-12-28", "2017-01-09",
                            "2017-01-17", "2017-02-13"))
    assert "priority" not in header


def test_a_header_column_with_the_case_number_last_keeps_it():
    # blind849_4: "Standard" first and the case number after the dates, a page break after the
    # labels: the case number alone on its line is the header's, not a page footer
    head = (_LABELS_COLUMN.rstrip("\n") + "\fStandard\n12/28/2016\n07/18/2016\n01/27/2017\n"
            "12/09/2016\n12/21/2016\nCM16-0245310\n")
    header = parse(head + _HEADER_BODY).header
    _assert_header(header, ("CM16-0245310", "2016-07-18", "2016-12-09", "2016-12-21",
                            "2016-12-28", "2017-01-27"))


def test_the_issues_intro_with_words_parted_by_runs_of_spaces():
    # blind785_4: pdftotext -layout of a justified paragraph
    text = _dwc_letter().replace(
        "IMR ISSUES, DECISIONS AND RATIONALES\n",
        "IMR ISSUES, DECISIONS AND RATIONALES\n  The  Final  Determination was based on  decisions"
        "  for  the  disputed items/services set forth\n  below:\n")
    (item,) = parse(text).items
    assert item.title.quote == "Physical therapy 6 visits for the lumbar spine"


@pytest.mark.parametrize("head,want", [
    # blind792_1: a claims system's re-typed labels, two to a line, a value on the next line
    ("Case #: CM16-0061234\nDt Assigned: 04/01/2016 DOI: 06/14/2013\n"
     "Decision Dt: 05/03/2016 UR Date: 03/18/2016\nPriority: Standard App Rcvd: \n03/28/2016\n",
     ("CM16-0061234", "2013-06-14", "2016-03-18", "2016-03-28", "2016-04-01", "2016-05-03")),
    # blind792_2: the same labels in another order
    ("Decision Dt: 10/14/2016\nCase #: CM16-0178842\nDOI: 11/02/2015 UR Date: 08/22/2016\n"
     "App Rcvd: 09/06/2016 Dt Assigned: 09/12/2016\nPriority: Standard\n",
     ("CM16-0178842", "2015-11-02", "2016-08-22", "2016-09-06", "2016-09-12", "2016-10-14")),
    # the abbreviated labels stacked above their values
    ("Case #:\nDt Assigned:\nDOI:\nDecision Dt:\nUR Date:\nApp Rcvd:\nCM16-0178842\n09/12/2016\n"
     "11/02/2015\n10/14/2016\n08/22/2016\n09/06/2016\nPriority: Standard\n",
     ("CM16-0178842", "2015-11-02", "2016-08-22", "2016-09-06", "2016-09-12", "2016-10-14")),
])
def test_header_labels_as_a_claims_system_abbreviates_them(head, want):
    header = parse(head + _HEADER_BODY).header
    _assert_header(header, want)


@pytest.mark.parametrize("injury", [
    # blind790_1, blind790_5: a cumulative trauma's range; its end is the date of injury
    "01/01/2012 - 06/30/2015", "CT 01/01/2012 to 06/30/2015", "01/01/2012 through 06/30/2015",
    "01/01/2012 \u2013 06/30/2015"])
def test_a_cumulative_trauma_range_in_the_header_dates_the_injury_at_its_end(injury):
    head = (f"Case Number: CM16-0216418\nDate Assigned: 11/14/2016 Date of Injury: {injury}\n"
            "Decision Date: 12/12/2016 UR Denial Date: 11/01/2016\nPriority: Standard\n")
    field = parse(head + _HEADER_BODY).header["injury_date"]
    assert str(field.value) == "2015-06-30"
    assert field.span.quote == "06/30/2015"


def test_a_header_date_with_a_stray_space_inside_its_day():
    # blind1414_4: a careless extraction's "Date of Injury: 06/1 4/2012"
    head = ("Case Number: CM16-0237519\nDate Assigned: 12/09/2016 Date of Injury: 06/1 4/2012\n"
            "Decision Date: 01/10/2017 UR Denial Date: 11/23/2016\nPriority: Standard\n")
    header = parse(head + _HEADER_BODY).header
    assert str(header["injury_date"].value) == "2012-06-14"
    assert header["injury_date"].span.quote == "06/1 4/2012"
    assert str(header["ur_date"].value) == "2016-11-23"


@pytest.mark.parametrize("row", [
    # blind829: a case-management export's header, as a table, tab-separated, with dot leaders
    "| {label} | {value} |", "{label}\t{value}", "{label} ........ {value}"])
def test_header_labels_parted_from_values_by_bars_tabs_or_dot_leaders(row):
    fields = [("Case Number", "CM16-0239412"), ("Date Assigned", "12/16/2016"),
              ("Date of Injury", "03/04/2015"), ("Decision Date", "01/13/2017"),
              ("UR Denial Date", "11/29/2016"), ("Priority", "Standard"),
              ("Application Received", "12/09/2016")]
    head = "".join(row.format(label=label, value=value) + "\n" for label, value in fields)
    header = parse(head + _HEADER_BODY).header
    assert header["case_number"].value == "CM16-0239412"
    assert str(header["injury_date"].value) == "2015-03-04"
    assert str(header["ur_date"].value) == "2016-11-29"
    assert str(header["application_received"].value) == "2016-12-09"
    assert header["ur_date"].span.quote == "11/29/2016"


def test_a_header_label_glued_to_the_value_before_it():
    # blind835_3: "Decision Date: 01/12/2017UR Denial Date: 11/02/2016"
    head = ("Case Number: CM16-0238850\nDate Assigned: 12/01/2016 Date of Injury: 02/10/2016\n"
            "Decision Date: 01/12/2017UR Denial Date: 11/02/2016\nPriority: Standard\n")
    header = parse(head + _HEADER_BODY).header
    assert str(header["ur_date"].value) == "2016-11-02"
    assert str(header["decision_date"].value) == "2017-01-12"


def test_a_lower_case_heading_on_the_line_after_a_rationale_is_its_own_title():
    # blind943_1: "... Therefore, the request for PT x12 L/S is not medically \nnecessary.\n
    # tramadol ER 150MG #30: Upheld"
    from guideline_engine.letters import parse_letters
    text = _dwc_letter().replace(
        "medically necessary.\n",
        "medically necessary.\ntramadol ER 150MG #30: Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS Chronic Pain 2016.\n"
        "MAXIMUS guideline: Decision based on MTUS Chronic Pain 2016.\n"
        "Decision rationale: No benefit is documented. The request is not medically "
        "necessary.\n")
    (_, determination), = parse_letters(Document(source="l.txt", text=text))
    assert [" ".join(i.title.quote.split()) for i in determination.items] == [
        "Physical therapy 6 visits for the lumbar spine", "tramadol ER 150MG #30"]
