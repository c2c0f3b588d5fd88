"""The normalisation step: one layout-independent text whose every character maps back to the
raw text, whatever the line endings, blank-line doubling, page breaks and broken words."""

from __future__ import annotations

import html
import re

import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from guideline_engine.ingest import normalise
from guideline_engine.letters import parse_document
from guideline_engine.models import Document

# characters the normalisation treats specially, mixed with ordinary text
ALPHABET = st.sampled_from(list("ab Z9-/.:\t\n\r\f\xa0\ufffe\xad\ufb01\ufb02\ufb03&<;lIO")
                           + ["Page 2 of 3", "11-21-", "&nbsp;", "&amp;", "&#8217;", "<br>",
                              "</p>", "&bogus;"])
# a web page's entities are the character they name, kept at the entity's "&"; a block tag is a
# line break at its "<" where it parts two lines' words
ENTITY_AT = re.compile(r"&(?:#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});|<(?:br|/?p)>")


def _from_markup(raw: str, i: int, ch: str) -> bool:
    m = ENTITY_AT.match(raw, i)
    return m is not None and ch in (html.unescape(m.group()).translate(
        str.maketrans(REPLACED)), "\n")
REPLACED = {"\r": "\n", "\f": "\n", "\v": "\n", "\t": " ", "\xa0": " "}
# a PDF text layer's ligatures are their letters, each mapping back to the ligature
LIGATURES = {"\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi"}
# a scan's letters inside a number are the digits they stand for
SCANNED = {"l": "1", "I": "1", "O": "0"}


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_every_clean_character_maps_back_to_its_raw_character(raw):
    text = normalise(raw)
    assert len(text.offsets) == len(text.clean)
    # in order; only a ligature's letters share their raw character
    assert all(a < b or (a == b and raw[a] in LIGATURES)
               for a, b in zip(text.offsets, text.offsets[1:], strict=False))
    for i, ch in enumerate(text.clean):
        source = raw[text.offsets[i]]
        assert ch == source or ch == REPLACED.get(source) or ch in LIGATURES.get(source, "") \
            or ch == SCANNED.get(source) or _from_markup(raw, text.offsets[i], ch), \
            (i, ch, source)
    # each ligature kept is spelled out in full
    for raw_index in sorted(set(text.offsets)):
        if raw[raw_index] in LIGATURES:
            spelled = "".join(c for c, o in zip(text.clean, text.offsets, strict=True)
                              if o == raw_index)
            assert spelled == LIGATURES[raw[raw_index]]


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join), st.data())
def test_any_clean_span_maps_to_a_raw_span_holding_its_characters(raw, data):
    text = normalise(raw)
    if not text.clean:
        return
    start = data.draw(st.integers(0, len(text.clean) - 1))
    end = data.draw(st.integers(start + 1, len(text.clean)))
    rs, re_ = text.raw_span(start, end)
    assert 0 <= rs < re_ <= len(raw)
    # every clean character of the span comes from inside the raw span, in order (a span
    # may start or end inside a ligature's letters: the raw span holds the whole ligature)
    assert sorted({text.offsets[i] for i in range(start, end)}) == sorted(
        {o for o in text.offsets if rs <= o < re_})
    assert text.offsets[text.clean_pos(rs)] == text.offsets[start]


def test_what_a_web_page_copy_leaves_is_read_as_the_page_shows_it():
    # blind813: entities and stray tags in a letter copied out of a web page; the evidence still
    # quotes the file's characters
    raw = ("<p>Physical therapy 2&nbsp;times a week for 4&nbsp;weeks, neck &amp; upper back<br>\n"
           "The injured worker&#8217;s pain is 6/10.</p><p>She had &lt;1 block tolerance.</p>\n"
           "AT&T &copy2016 &bogus; a<b</p>")
    text = normalise(raw)
    assert text.clean == ("Physical therapy 2 times a week for 4 weeks, neck & upper back\n"
                          "The injured worker\u2019s pain is 6/10.\nShe had <1 block tolerance.\n"
                          "AT&T &copy2016 &bogus; a<b")
    start = text.clean.index("2 times")
    rs, re_ = text.raw_span(start, start + len("2 times a week"))
    assert raw[rs:re_] == "2&nbsp;times a week"


def test_line_endings_and_blank_line_doubling_read_the_same():
    seed = SEEDS[1].read_text(encoding="utf-8")
    single = seed.replace("\n\n", "\n")
    variants = {"seed": seed, "single": single, "crlf": single.replace("\n", "\r\n"),
                "cr": single.replace("\n", "\r"),
                "pages": single.replace("MAXIMUS guideline", "\fMAXIMUS guideline")}
    parsed = {name: parse_document(Document(source=name, text=text))
              for name, text in variants.items()}
    want = [(i.title.quote, i.recorded_outcome) for i in parsed["seed"][1].items]
    for name, (_, determination) in parsed.items():
        assert [(" ".join(i.title.quote.split()), i.recorded_outcome)
                for i in determination.items] == want, name


def test_broken_dates_words_and_soft_hyphens_are_joined():
    text = normalise("seen on 11-21-\r\n2016 for Uti-\nlization re\ufffe\r\nview\n")
    assert "11-21-2016" in text.clean
    assert "Utilization" in text.clean
    assert "review" in text.clean


@pytest.mark.parametrize("raw, clean", [
    # both halves are words of the letter, the two joined are not: a compound
    ("a lumbar sprain-\nstrain; the sprain and the strain", "lumbar sprain-strain;"),
    # the letter writes the compound with its hyphen elsewhere
    ("was non-\ncertified. It was non-certified again.", "was non-certified."),
    # the letter writes the word joined elsewhere
    ("a follow-\nup visit and a followup note, the follow up", "a followup visit"),
    # a half that is no word of the letter: a word broken in two
    ("the Uti-\nlization Review", "the Utilization Review"),
])
def test_a_compound_broken_at_its_hyphen_keeps_it(raw, clean):
    assert clean in normalise(raw).clean


@pytest.mark.parametrize("raw, clean", [
    # a scan's l and O inside a number (blind1010)
    ("Date Assigned: 12/2l/2016", "Date Assigned: 12/21/2016"),
    ("Date of Injury: O4/O9/2015", "Date of Injury: 04/09/2015"),
    ("he had l2 sessions", "he had 12 sessions"),
    ("9-1O visits", "9-10 visits"),
    ("Naproxen 55O mg #6O", "Naproxen 550 mg #60"),
    # words, a lone letter and spine levels stay as they are
    ("I had l x 6 at L5-S1 and T1O", "I had l x 6 at L5-S1 and T1O"),
    ("Oswestry lO", "Oswestry lO"),
])
def test_a_scans_letters_inside_a_number_are_its_digits(raw, clean):
    text = normalise(raw)
    assert text.clean == clean
    # evidence still quotes the letter's own characters
    assert raw[slice(*text.raw_span(0, len(text.clean)))] == raw


def test_page_furniture_is_dropped_and_pages_are_counted():
    raw = "first page text\nPage 1 of 2\fsecond page text\nPage 2 of 2\n"
    text = normalise(raw, [0, raw.index("\f") + 1])
    assert "Page 1 of 2" not in text.clean and "Page 2 of 2" not in text.clean
    assert text.page_of(raw.index("second")) == 2
    assert text.page_of(raw.index("first")) == 1


def test_a_bare_page_number_where_a_page_begins_is_dropped():
    # blind147_5: a title, the page's end (a lone LF in CR LF text), the page number, the outcome
    raw = ("Additional chiropractic treatment for the cervical spine: \n2\r\nOverturned\r\n"
           "The requested visits were\r\n12\r\nin all.\r\n")
    text = normalise(raw)
    assert "spine:\nOverturned" in text.clean
    # a number alone on a line elsewhere is the letter's
    assert "were\n12\nin all" in text.clean
    # and so after a form feed or at a PDF page start
    assert normalise("end of page one\f3\nnext page").clean == "end of page one\nnext page"
    pdf = "end of page one\n4\nnext page"
    assert normalise(pdf, [0, pdf.index("4")]).clean == "end of page one\nnext page"
    # and beside another furniture line, wherever the page break fell (blind166_3)
    raw = ("for the cervical spine and right \r\n2\r\nFinal Determination Letter for IMR Case "
           "Number CM16-0238492 \r\nshoulder: Upheld\r\n")
    assert normalise(raw).clean == "for the cervical spine and right\nshoulder: Upheld\n"


def test_a_page_number_where_a_page_ends_and_a_repeated_case_header_are_dropped():
    # blind182_5: the page's number is its last line, before the lone LF that ends the page,
    # in the middle of a schedule; and the letter's last line
    raw = ("physical therapy 2 times a week \r\n1\nfor 4 weeks for the lumbar spine is not "
           "medically necessary.\r\n2")
    assert normalise(raw).clean == ("physical therapy 2 times a week\nfor 4 weeks for the lumbar "
                                    "spine is not medically necessary.\n")
    # blind182_2: a page footer and the next page's header between a title and its outcome
    raw = ("Case Number: CM17-0003914\nDate Assigned: 01/10/2017\nPhysical therapy for the "
           "lumbar spine\nPage 1 of 3\nCase Number: CM17-0003914\n: Upheld\n")
    clean = normalise(raw).clean
    assert clean.startswith("Case Number: CM17-0003914\n")   # the letter's own header stays
    assert clean.endswith("lumbar spine\n: Upheld\n")


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET | st.just("Uti-\n\nlization"), max_size=80).map("".join), st.data())
def test_the_folded_view_keeps_every_word_and_maps_each_character_back(raw, data):
    from guideline_engine.textview import TextView
    text = normalise(raw)
    start = data.draw(st.integers(0, len(text.clean)))
    end = data.draw(st.integers(start, len(text.clean)))
    view = TextView.of(text, start, end)
    folded = view.folded
    assert folded == folded.strip() and "  " not in folded
    assert not any(ch.isspace() and ch != " " for ch in folded)
    assert len(view.offsets) == len(folded)
    assert all(a < b or (a == b and raw[a] in LIGATURES)
               for a, b in zip(view.offsets, view.offsets[1:], strict=False))
    for i, ch in enumerate(folded):
        source = raw[view.offsets[i]]
        if ch == " ":
            assert source.isspace() or source in REPLACED or \
                _from_markup(raw, view.offsets[i], "\n") or \
                _from_markup(raw, view.offsets[i], " "), (i, source)
        else:
            # (a scan's letter inside a number is the digit it stands for: "Page 2 of 3l")
            assert ch == source or ch == REPLACED.get(source) or \
                ch in LIGATURES.get(source, "") or ch == SCANNED.get(source) or \
                _from_markup(raw, view.offsets[i], ch), (i, ch, source)
    # the words are those of the clean text, but for a hyphen dropped where a line-end join
    # ("Uti-\nlization") makes one word of two
    words = text.clean[start:end].split()
    assert "".join(folded.split()) == "".join(words) or (
        "".join(folded.split()).replace("-", "") == "".join(words).replace("-", ""))


def test_the_folded_view_joins_a_word_broken_across_a_blank_line():
    from guideline_engine.textview import TextView
    raw = "the Uti-\n\nlization Review  of\n6/1/16"
    view = TextView.of(normalise(raw))
    assert view.folded == "the Utilization Review of 6/1/16"
    assert "".join(raw[o] for o in view.offsets) == "the Utilization Review of\n6/1/16"
    assert view.span(4, 15).quote == "Uti-\n\nlization"


@pytest.mark.parametrize("raw,sentences", [
    ("Seen by Dr. Smith on 11/02/2016. He was better.",
     ["Seen by Dr. Smith on 11/02/2016.", "He was better."]),
    # a month's abbreviation is no end of a sentence (blind230_5: "dated Dec. 1, 2016")
    ("A request dated Dec. 1, 2016 asked for therapy. UR denied it.",
     ["A request dated Dec. 1, 2016 asked for therapy.", "UR denied it."]),
    ("He saw the doctor. No change was noted.", ["He saw the doctor.", "No change was noted."]),
])
def test_sentences_end_at_a_stop_but_not_after_an_abbreviation(raw, sentences):
    from guideline_engine.textview import TextView
    view = TextView.of(normalise(raw))
    assert [view.folded[a:b] for a, b in view.sentences()] == sentences


def test_a_joined_view_maps_both_parts_back_to_the_letter():
    from guideline_engine.textview import TextView
    raw = "First part here.\nMiddle text.\nLast part."
    text = normalise(raw)
    first, last = TextView.of(text, 0, 16), TextView.of(text, 30, len(text.clean))
    joined = first.joined(last)
    assert joined.folded == "First part here. Last part."
    assert [joined.span(a, b).quote for a, b in joined.sentences()] == ["First part here.",
                                                                        "Last part."]


def test_ligatures_read_as_their_letters_and_quote_the_raw_text():
    # blind244: a PDF text layer's "ﬂare-up", "non-certiﬁed"
    raw = "during the current \ufb02are-up; UR non-certi\ufb01ed it.\n"
    text = normalise(raw)
    assert text.clean == "during the current flare-up; UR non-certified it.\n"
    start = text.clean.index("flare-up")
    a, b = text.raw_span(start, start + len("flare-up"))
    assert raw[a:b] == "\ufb02are-up"


def test_a_running_header_above_the_letters_own_header_leaves_the_case_number():
    # blind244_1, blind244_6: the running header stands above "Case Number:" on page one
    for running in ("IMR Final Determination\tCM17-0029364\tPage 1 of 3",
                    "Final Determination Letter for IMR Case Number CM17-0029364"):
        raw = (f"{running}\nCase Number:\tCM17-0029364\nDate Assigned:\t02/03/2017\n"
               "HOW THE IMR FINAL DETERMINATION WAS MADE\n")
        clean = normalise(raw).clean
        assert clean.startswith("Case Number: CM17-0029364\nDate Assigned:"), clean
        assert "Final Determination" not in clean.split("\n")[0]


def test_a_bare_case_number_footer_and_confidentiality_lines_are_furniture():
    # blind293_1: the case number alone under the last rationale; blind295_1, _3, _5: the
    # confidentiality line of every page, one inside a heading split across pages
    raw = ("is not medically necessary.\nCM16-0219463")
    assert normalise(raw).clean == "is not medically necessary.\n"
    raw = ("IMR ISSUES, DECISIONS AND\nCM16-0207731 Page 2 of 3\n"
           "CONFIDENTIAL - Contains protected health information\nRATIONALES\n")
    assert normalise(raw).clean == "IMR ISSUES, DECISIONS AND\nRATIONALES\n"
    raw = ("CLINICAL CASE\r\nCase Number: CM17-0021186\r\nPage 1 of 3\r\n"
           "Confidential: for use by the parties to this review only\r\n\fSUMMARY\r\n")
    assert "Confidential" not in normalise(raw).clean
    raw = ("sary.\nConfidential Health Information - Do Not Disclose Without Authorization "
           "Page 3 of 3")
    assert normalise(raw).clean == "sary.\n"
    # a sentence that opens on the word is the letter's
    kept = "Confidential records were reviewed.\n"
    assert normalise(kept).clean == kept


def test_a_header_flattened_into_a_row_of_labels_over_a_row_of_values():
    # blind295_4: the two columns of the header came out as one line of labels, one of values
    raw = ("Case Number: Date Assigned: Date of Injury: Decision Date: UR Denial Date:\n"
           "CM16-0190457 10/03/2016 06/20/2016 11/04/2016 09/16/2016\n"
           "Priority: Standard Application Received: 09/27/2016\n"
           "HOW THE IMR FINAL DETERMINATION WAS MADE\nMAXIMUS sent the file to a reviewer.\n"
           "CLINICAL CASE SUMMARY\nThe patient has low back pain.\n"
           "IMR ISSUES, DECISIONS AND RATIONALES\nThe Final Determination was based on "
           "decisions for the disputed items/services set forth below:\n"
           "Physical therapy 2x4 for the lumbar spine: Upheld\n"
           "Claims Administrator guideline: Decision based on MTUS Chronic Pain 2016.\n"
           "MAXIMUS guideline: Decision based on MTUS Chronic Pain 2016.\n"
           "Decision rationale: The request is not medically necessary.\n")
    _, determination = parse_document(Document(source="row.txt", text=raw))
    header = determination.header
    assert header["case_number"].value == "CM16-0190457"
    assert str(header["injury_date"].value) == "2016-06-20"
    assert str(header["ur_date"].value) == "2016-09-16"
    decided = header["decision_date"].span
    assert decided.quote == "11/04/2016"


@pytest.mark.parametrize("footer", [
    # blind333_4, blind333_5, blind333_1: footers in other orders, with separators
    "CM16-0240961 - IMR Final Determination - Page 2 of 2",
    "Page 2 of 2   |   CM17-0013905",
    "CM17-0004218  Page 3 of 3",
    "Independent Medical Review Final Determination Letter  Page 1 of 3",
    # blind520_2, blind520_6: an em dash between the pieces
    "CM17-0005202 \u2014 Page 3 of 3",
    "Page 3 of 3 \u2014 CM17-0005206",
])
def test_footers_in_any_order_are_furniture(footer):
    raw = f"the request is not\n{footer}\nmedically necessary.\n"
    assert normalise(raw).clean == "the request is not\nmedically necessary.\n"


def test_a_running_title_beside_a_footer_is_furniture_but_the_headers_case_number_stays():
    # blind333_5: the title on every page; the header's "Case Number:" line under it stays
    raw = ("Independent Medical Review - Final Determination\nCase Number: CM17-0013905\n"
           "Date Assigned: 01/25/2017\nthe request is not\nPage 1 of 2 | CM17-0013905\n"
           "Independent Medical Review - Final Determination\nmedically necessary.\n")
    clean = normalise(raw).clean
    assert "Case Number: CM17-0013905\nDate Assigned: 01/25/2017\n" in clean
    assert clean.endswith("the request is not\nmedically necessary.\n")
    # the header's case number stacked under its label is no footer (blind333_2)
    raw = "Case Number:\nDate Assigned:\nCM17-0011873\n01/31/2017\nText.\n"
    assert normalise(raw).clean == raw


def test_a_professional_reviews_final_determination_heading_is_not_furniture():
    # blind3_5: "FINAL DETERMINATION:" opens the reviewer's decision, not a running title
    raw = ("ISSUE AT DISPUTE:\nWork conditioning x10 visits\n\nFINAL DETERMINATION:\n"
           "Work conditioning x10 visits: OVERTURNED.\n")
    assert "FINAL DETERMINATION:" in normalise(raw).clean


def test_a_case_header_repeated_where_a_page_begins_is_furniture():
    raw = ("Case Number: CM16-0238815\nDate Assigned: 12/20/2016\nDate of Injury: 03/02/2015\n"
           "The Final Determination was based on decisions for the disputed items/services set "
           "forth below:\fCase Number: CM16-0238815\nMRI of the cervical spine: Upheld\n")
    clean = normalise(raw).clean
    # the letter's own header stays; the page header after the form feed goes
    assert clean.startswith("Case Number: CM16-0238815\nDate Assigned")
    assert clean.count("CM16-0238815") == 1
    assert "below:\nMRI of the cervical spine: Upheld" in clean


def test_a_running_line_naming_the_case_on_every_page_is_furniture():
    # blind555_4: "MAXIMUS Federal Services | California Independent Medical Review |
    # CM16-0246031" above "Page N" on every page, once as the letter's last line
    running = "MAXIMUS Federal Services | California Independent Medical Review | CM16-0246031"
    raw = (f"Case Number: CM16-0246031\nShe continues her daily home exercise\n{running}\n"
           f"Page 1\n\fprogram and is working full duty.\nThe request is not medically "
           f"necessary.\n{running}\nPage 2\n")
    clean = normalise(raw).clean
    assert running not in clean
    assert "home exercise program and is working" in " ".join(clean.split())
    assert clean.rstrip().endswith("not medically necessary.")
    # once only, it is no running line: it stays
    once = raw.replace(f"{running}\nPage 1\n", "Page 1\n")
    assert running in normalise(once).clean


def test_a_running_footer_with_the_page_number_is_furniture():
    # blind625_3: "Reviewer ID: 4091-7723    Page N of 3" on every page, the last one the
    # letter's last line
    raw = ("She reports neck pain.\nReviewer ID: 4091-7723    Page 1 of 2\fShe is working.\n"
           "The request is not medically necessary.\nReviewer ID: 4091-7723    Page 2 of 2\f")
    clean = normalise(raw).clean
    assert "Reviewer ID" not in clean
    assert clean.rstrip().endswith("not medically necessary.")
    # once only, the line is the letter's
    once = "She reports neck pain.\nSee the note on Page 2 of 2\n"
    assert "See the note on Page 2 of 2" in normalise(once).clean


def test_a_fax_header_with_the_page_as_n_slash_m_is_furniture():
    # blind743_3: a fax machine's line at the top of each page, no form feed, one page's line
    # between a heading and the item title below it
    fax = "FEB-14-2017 16:08  FROM: MAXIMUS FEDERAL SERVICES  FAX NO. (916) 555-0187  PAGE {}/2\n"
    raw = (fax.format(1) + "She reports low back pain.\nset forth below:\n" + fax.format(2)
           + "Chiropractic treatment 2 times a week for 3 weeks: Overturned\n")
    clean = normalise(raw).clean
    assert "FAX NO" not in clean
    assert "set forth below:\nChiropractic treatment" in clean


def test_a_running_header_at_the_top_of_each_page_is_furniture():
    # blind781_6: the same lines and a heading "(continued)" after each page break, inside a
    # sentence that goes on over the break
    top = ("MAXIMUS Federal Services\nIndependent Medical Review Final Determination\n"
           "IMR ISSUES, DECISIONS AND RATIONALES (continued)\n")
    page = "".join(f"Line {n} of the page.\n" for n in range(16))
    raw = (page + "She had 6 visits for the neck.\n\f" + top + page + "The 12 therapy sessions "
           "she received were\n\f" + top + "directed to the right ankle only.\n" + page)
    clean = normalise(raw).clean
    assert "MAXIMUS Federal Services" not in clean and "(continued)" not in clean
    assert "she received were\ndirected to the right ankle" in clean
    # a page's own first line is kept, though two pages begin with it
    guide = "MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,\n"
    raw = page + "One.\n\f" + guide + page + "Two.\n\f" + guide + page + "Three.\n"
    assert normalise(raw).clean.count("MAXIMUS guideline:") == 2
    # a line repeated within one page's top is the page's own (blind658_1: a line printed twice
    # after a page break)
    twice = "He completed 12 sessions of physical therapy between 08-29-2016 and\n"
    raw = page + "cyclobenzaprine.\n\f" + twice + twice + "10-21-2016.\n" + page
    assert normalise(raw).clean.count("He completed 12 sessions") == 2
    # nor where the "page breaks" are too close to be pages
    close = "Intro.\n\f" + top + "One.\n\f" + top + "Two.\n"
    assert "MAXIMUS Federal Services" in normalise(close).clean


def test_a_bare_page_number_after_blank_lines_where_a_page_begins_is_dropped():
    # blind630_5: a form feed on its own line, then the page number, then an item's title
    raw = "the acupuncture is not medically necessary.\n\f\n2\nPhysical therapy 2 times a week"
    clean = normalise(raw).clean
    assert "\n2\n" not in clean and clean.rstrip().endswith("Physical therapy 2 times a week")
    # a number alone after a blank line elsewhere is the letter's
    assert "\n2\n" in normalise("requested visits:\n\n2\nin all").clean


# the body of a letter under the header of the header tests below
_HEADER_TEST_BODY = ("HOW THE IMR FINAL DETERMINATION WAS MADE\n"
                     "MAXIMUS sent the file to a reviewer.\n"
                     "CLINICAL CASE SUMMARY\nThe patient has low back pain.\n"
                     "IMR ISSUES, DECISIONS AND RATIONALES\n"
                     "Physical therapy 2x4 for the lumbar spine: Upheld\n"
                     "Claims Administrator guideline: Decision based on MTUS Chronic Pain 2016.\n"
                     "MAXIMUS guideline: Decision based on MTUS Chronic Pain 2016.\n"
                     "Decision rationale: The request is not medically necessary.\n")

def test_a_header_row_whose_case_number_label_has_no_colon():
    # blind631_6: "IMR Case Number Date Assigned: Date of Injury:" over its three values
    raw = ("1612190241376\nIMR Case Number Date Assigned: Date of Injury:\n"
           "CM16-0241376 12/19/2016 04/16/2012\n"
           "Decision Date: UR Denial Date: Priority: Application Received:\n"
           "01/17/2017 11/29/2016 Standard 12/13/2016\n"
           + _HEADER_TEST_BODY)
    _, determination = parse_document(Document(source="row.txt", text=raw))
    header = determination.header
    assert header["case_number"].value == "CM16-0241376"
    assert str(header["date_assigned"].value) == "2016-12-19"
    assert header["injury_date"].span.quote == "04/16/2012"


def test_a_layout_kept_header_with_its_label_wrapped_round_the_value():
    # blind649_2: two columns side by side, "Application" and "Received:" either side of the date;
    # a right-aligned "2 of 2" page number
    raw = ("      Case Number:        CM17-0004526\n"
           "      Date Assigned:      01/10/2017          Date of Injury:         07/22/2015\n"
           "      Decision Date:      02/09/2017          UR Denial Date:         12/27/2016\n"
           "      Priority:           Standard            Application             01/04/2017\n"
           "                                              Received:\n\n"
           + _HEADER_TEST_BODY
           + "                                                                    2 of 2\n")
    _, determination = parse_document(Document(source="columns.txt", text=raw))
    header = determination.header
    assert header["application_received"].span.quote == "01/04/2017"
    assert str(header["ur_date"].value) == "2016-12-27"
    assert determination.items[0].rationale.quote.rstrip().endswith("not medically necessary.")
    # the date on a line of its own between the label's halves (blind677_1)
    between = raw.replace("Application             01/04/2017\n", "Application\n"
                          "                                              01/04/2017\n", 1)
    assert between != raw
    _, determination = parse_document(Document(source="columns.txt", text=between))
    assert determination.header["application_received"].span.quote == "01/04/2017"


def test_a_case_header_beside_a_page_number_across_the_seeds_blank_lines_is_furniture():
    # blind663_6: the seeds' doubled breaks between a footer's lines and the next item's title
    raw = ("Case Number: CM17-0015083\n\nDate Assigned: 01/10/2017\n\n"
           "The request is not medically necessary.\n\nCase Number: CM17-0015083\n\n"
           "Page 2 of 3\n\nInterferential current stimulator for home use:\n\nUpheld\n\n")
    clean = normalise(raw).clean
    assert clean.count("CM17-0015083") == 1 and clean.startswith("Case Number: CM17-0015083")
    assert "necessary.\nInterferential current" in clean


def test_a_page_number_joined_to_a_line_of_text_is_furniture():
    # blind679: a PDF viewer's copy joins "Page 2 of 3" to the next page's first line, or a
    # heading in capitals to its page's footer
    raw = ("She reports neck pain.\nPage 2 of 3 MRI of the lumbar spine: Upheld\n"
           "IMR ISSUES, DECISIONS AND RATIONALES Page 2 of 4\nThe request is upheld.\n")
    normal = normalise(raw)
    assert "Page" not in normal.clean
    assert ("\nMRI of the lumbar spine: Upheld\nIMR ISSUES, DECISIONS AND RATIONALES\n"
            in normal.clean)
    start = normal.clean.index("MRI of")
    assert raw[normal.raw_pos(start):].startswith("MRI of the lumbar spine")
    # after the words of a sentence, the page is the letter's
    assert "see the note on Page 2 of 2" in normalise("see the note on Page 2 of 2\n").clean


def test_a_sentence_goes_on_over_a_page_break_and_its_footer():
    # blind686_2: a numbered item's title broken by the page's blank lines and footer
    raw = ("The Final Determination was based on decisions for the disputed items/services\n"
           "set forth below:\n"
           "1. Physical therapy 3 times a week for 4 weeks for the\n\nIMR Case Number "
           "CM14-0168233 Page 2 of 3\n\n\fcervical spine is not medically necessary and "
           "appropriate.\n\nThe Claims Administrator based its decision on the MTUS.\n")
    normal = normalise(raw)
    assert "for the\ncervical spine is not medically necessary" in normal.clean
    start = normal.clean.index("cervical")
    assert raw[normal.raw_pos(start):].startswith("cervical spine")
    # a paragraph that ends before the break keeps its blank line; so do blank lines with no
    # page break between them
    assert "appropriate.\n\nThe Claims" in normal.clean
    assert "for the\n\ncervical" in normalise("The request was\nfor the\n\ncervical spine\n"
                                               "and the lumbar spine.\n").clean


def test_a_right_aligned_page_number_before_a_form_feed_is_dropped():
    # blind709_4, a layout-keeping extraction: "<spaces>1" ends page 1, the form feed begins
    # page 2 with the item's heading
    raw = ("The Final Determination was based on decisions for the disputed items/services set "
           "forth below:\n\n" + " " * 90 + "1\n\fPhysical therapy 2 times a week for 3 weeks: "
           "Overturned\nClaims Administrator guideline: Decision based on MTUS.\n")
    clean = normalise(raw).clean
    assert "\n1\n" not in clean and " 1\n" not in clean
    assert "\nPhysical therapy 2 times a week for 3 weeks: Overturned\n" in clean


@pytest.mark.parametrize("prefix", [
    # blind830: a letter quoted in an email reply; blind828: pleading paper's line numbers
    lambda i: "> ", lambda i: ">> ", lambda i: f"{i % 28 + 1} | ", lambda i: f"{i % 28 + 1:>2}   "])
def test_what_every_line_starts_with_is_not_the_letters(prefix):
    lines = [f"Line {i} of the letter says {i} things." for i in range(40)]
    raw = "".join(prefix(i) + line + "\n" for i, line in enumerate(lines))
    text = normalise(raw)
    assert text.clean == "".join(line + "\n" for line in lines)
    start = text.clean.index("Line 30")
    rs, re_ = text.raw_span(start, start + len("Line 30 of the letter"))
    assert raw[rs:re_] == "Line 30 of the letter"


def test_a_few_lines_that_open_with_a_number_keep_it():
    raw = "".join(f"{n} sessions were given in week {n}.\n" for n in (12, 6, 8)) + \
        "".join(f"Line {i} has no number.\n" for i in range(12))
    assert normalise(raw).clean == raw


@pytest.mark.parametrize("footer", [
    # blind831_1: the page's number inside the line; blind831_5: the same line on every page
    lambda n: f"CM16-0239712 - {n} - FINAL DETERMINATION", lambda n: "Confidential - CM16-0244019"])
def test_a_running_line_naming_the_case_where_each_page_ends_is_furniture(footer):
    page = "".join(f"Line {n} of the page.\n" for n in range(16))
    raw = (page + "The request is not\n" + footer(1) + "\n\f" + "medically necessary.\n" + page
           + footer(2) + "\n\f" + page + "The request is medically necessary.\n" + footer(3)
           + "\n")
    clean = normalise(raw).clean
    assert "CM16-" not in clean
    assert "The request is not\nmedically necessary." in clean
    assert clean.endswith("The request is medically necessary.\n")
    # the letter's own case number line stays
    assert "Case Number: CM16-0239712" in normalise(
        "Case Number: CM16-0239712\n" + raw).clean
