"""The published IMR layouts, one entry each. Recognising a layout, its section headings, how its
disputed items are marked and which labelled fields its header carries are data here; parse.py
applies them. A new layout is one more entry in LAYOUTS.

Patterns are `regex` sources matched case-insensitively on the normalised text (single newlines,
no page furniture). `{e<=N}` allows N typing errors in a heading.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..ingest.normalise import CASE_NUMBER, HEADER_LABELS, OWN_CASE_LABEL

# (a stray space beside a separator, as PDF text leaves it: "12 /19/2016", "01/ 20/2017"; or
# inside a month or a day, with the year's four digits: "06/1 4/2012")
DATE = (r"(?P<v>\d{1,2}[ \t]?[/-][ \t]?\d{1,2}[ \t]?[/-][ \t]?\d{2,4}|"
        r"(?:[01][ \t]\d|\d{1,2})[/-](?:[0-3][ \t]\d|\d{1,2})[/-](?:19|20)\d\d(?![\w/])|"
        r"[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})")
# (a date, no group)
DATE_TEXT = "(?:" + DATE.removeprefix("(?P<v>")


@dataclass(frozen=True)
class PartRule:
    """A labelled part of a disputed item ("Decision rationale:")."""

    name: Literal["claims_administrator_citation", "reviewer_citation", "rationale"]
    label: str      # as a person would name it in a message
    marker: str
    required: bool = True


@dataclass(frozen=True)
class HeaderRule:
    """A labelled field of the header block; the value is the group `v`."""

    name: str
    pattern: str
    kind: Literal["date", "text"] = "date"
    # searched in the whole letter, not only before the case summary (a layout whose header
    # has no such field states it in the summary)
    anywhere: bool = False


@dataclass(frozen=True)
class Layout:
    name: str
    description: str
    # the layout is chosen when all of these headings stand on a line of their own
    detect: tuple[str, ...]
    summary_heading: str
    issues_heading: str
    # how items are marked:
    #   outcome_heading  "<title>: Upheld" then the parts (2014-2017 decisions)
    #   numbered_heading "1. <title> is not medically necessary" (or "1) Regarding the request
    #                    for <title>:") then the parts; the outcome is in the heading or in a
    #                    numbered list of determinations (2013 notices)
    #   issue_sections   the items listed under an issue heading, each section (guidelines,
    #                    rationale) numbered by item; the outcome is the rationale's conclusion
    #                    (professional reviews)
    item_style: Literal["outcome_heading", "numbered_heading", "issue_sections"]
    parts: tuple[PartRule, ...]
    header: tuple[HeaderRule, ...] = ()
    # text before the summary that introduces it ("The expert reviewer developed ...:")
    summary_intro: str | None = None
    # a sentence that introduces the list of items ("... set forth below:")
    issues_intro: str | None = None
    # outcome_heading: one entry of a list of the items and their decisions that may come
    # before the first item's heading ("1. Chiropractic treatment ...: Overturned\n2.
    # Cyclobenzaprine 7.5 mg #60: Upheld"), each item then following with its own heading; an
    # entry that is the first item's own heading is not skipped
    issues_list: str | None = None
    # sentences before an item heading that belong to it: the original request and what UR
    # already authorised ("... was the original request. ... was authorized by the Claims
    # Administrator. The remaining IMR eligible portion ... is: Upheld")
    heading_preamble: tuple[str, ...] = ()
    # outcome words, each with the pattern that reads it (typos allowed)
    upheld: str = r"(?:upheld){e<=2}"
    overturned: str = r"(?:overturned){e<=2}"
    # detect patterns may stand anywhere in a line (headings glued to text by the extraction)
    detect_anywhere: bool = False
    # numbered_heading: the item heading (groups n, title and, if it states it, verdict)
    item_heading: str | None = None
    # numbered_heading: the list that gives each item's verdict when the heading does not
    decision_list: str | None = None
    # issue_sections: the heading of the list of disputed items
    issue_heading: str | None = None
    # headings of the sections that follow the items or the summary (where they end)
    other_headings: tuple[str, ...] = ()


# how a verdict reads: "is not medically necessary" (upheld) / "is medically necessary"
VERDICT = r"(?P<verdict>(?:not|notmedically|non)?\s*medically\s+necessary)"


# what parts a header label from its value: a colon, or in a case-management export a table's
# bar, a tab or dot leaders ("| Case Number | CM16-0239412 |", "Case Number<TAB>CM16-0241187",
# "Case Number ........ CM16-0243870"; the normalised text has a tab as a space)
LABEL_SEPARATOR = r"(?:\s*:\s*|[ \t]*\|[ \t|]*|[ \t]*\.{2,}[ \t]*|[ \t]+)"


def _labelled(name: str, value: str = DATE) -> str:
    """A header label and its value after the separator."""
    # (not inside a word; a label may follow a value glued to it: "01/12/2017UR Denial Date:")
    return rf"(?<![A-Za-z])(?:{HEADER_LABELS[name]}){LABEL_SEPARATOR}" + value


_IMR_HEADER = (
    HeaderRule("case_number", _labelled("case_number", rf"(?P<v>{CASE_NUMBER})"), "text"),
    HeaderRule("date_assigned", _labelled("date_assigned")),
    HeaderRule("injury_date", _labelled("injury_date")),
    # a cumulative trauma's range: its end ("Date of Injury: 01/01/2012 - 06/30/2015", "DOI: CT
    # 04/15/2006 to 09/02/2016")
    HeaderRule("injury_date", _labelled("injury_date", r"(?:CT\s*)?" + DATE_TEXT +
                                        r"\s*(?:-|\u2013|to|through|thru)\s*" + DATE)),
    HeaderRule("decision_date", _labelled("decision_date")),
    HeaderRule("ur_date", _labelled("ur_date")),
    HeaderRule("priority", _labelled("priority", r"(?P<v>Standard|Expedited)"), "text"),
    HeaderRule("application_received", r"\bReceived\s*:\s*" + DATE),
    HeaderRule("application_received", _labelled("application_received")),
    # the label wrapped around its value in a column ("Application   01/04/2017\n
    # Received:", "Application\n   12/08/2016\nReceived:", as a layout-keeping text extraction
    # gives it)
    HeaderRule("application_received", r"\bApplication\s+" + DATE + r"\s+Received[ \t]*:"),
)

# the accident told from its day, as the opening of a sentence: "On 1/14/2013 he was climbing
# down a six-foot stepladder ... when he missed the bottom rung"
ACCIDENT_AT = (r"\b(?:he|she|they|the\s+(?:patient|applicant|claimant|employee|injured\s+worker))"
               r"\s+was\s+(?:climbing|carrying|lifting|pushing|pulling|moving|unloading|loading|"
               r"stocking|reaching|bending|restraining|transferring|descending|stepping|"
               r"repositioning|lowering|stacking|throwing|dragging)\b")

# the date of injury as the case summary gives it, for layouts with no table or none that has
# it ("a date of injury of 11/26/2012", "injured her neck on 2/7/2012", "sustained an industrial
# injury on May 6, 2013", "developed pain in the neck ... on 5/6/2013 while lifting"); a later
# rule wins, so a table's "Date of Injury:" placed after these does
_INJURY_IN_SUMMARY = (
    # the accident told with its date, the weakest reading ("fell approximately 8 feet from a
    # ladder at a residential construction site on 6/11/2013", "struck the back of his head ...
    # on 7/17/2012")
    # ("whose right hand was caught between a pallet and the mast of a forklift on 7/29/2013")
    # ("lacerated the palmar surface of her left index finger with a box cutter while opening
    # cartons at work on 8/5/2013")
    HeaderRule("injury_date", r"\b(?:fell|slipped|tripped|struck|twisted|lacerated|sprained|"
               r"strained|crushed|jammed|(?:cut|burned|hyperextended)\s+(?:his|her|their)|"
               r"was\s+(?:struck|hit|"
               r"rear-ended|caught|crushed|pinned)|were\s+(?:caught|crushed|pinned))\b[^.;]{0,100}?"
               r"\bon\s+" + DATE, anywhere=True),
    HeaderRule("injury_date", r"(?:^|(?<=[.;]\s+))On\s+" + DATE + r",?\s+" + ACCIDENT_AT,
               anywhere=True),
    HeaderRule("injury_date", r"\bdeveloped\s+(?:[\w-]+,?\s+){1,12}?on\s+" + DATE +
               r"\s+while\b", anywhere=True),
    # ("developed low back pain radiating into the left leg while lifting cases of bottled
    # water on 2/11/2013")
    HeaderRule("injury_date", r"\bdeveloped\s+(?:[\w-]+,?\s+){1,12}?while\s+(?:[\w-]+,?\s+){1,10}?"
               r"on\s+" + DATE + r"(?=\s*[.;,])", anywhere=True),
    # ("felt a pull in his right shoulder on 7/16/2013 while lifting")
    HeaderRule("injury_date", r"\bfelt\s+(?:an?\s+)?(?:[\w-]+,?\s+){1,10}?on\s+" + DATE +
               r"\s+while\b", anywhere=True),
    HeaderRule("injury_date", r"\b(?:was|were)\s+injured\s+on\s+" + DATE, anywhere=True),
    HeaderRule("injury_date", r"\b(?:sustained|suffered|with)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?"
               r"injur(?:y|ies)\s+(?:(?:to|of|involving)\s+(?:[\w-]+,?\s+){1,6}?)?on\s+" + DATE,
               anywhere=True),
    # (not another claim's: "he injured his low back at a different employer on 3/2/2009")
    HeaderRule("injury_date", r"(?<!\b(?:prior|previous|earlier|separate|unrelated|other)\s+claim:?"
               r"\s+(?:[\w-]+\s+){0,2})\binjured\s+(?:his|her|their)\s+(?:(?!different\b|"
               r"another\b|prior\b|previous\b|separate\b)[\w-]+,?\s+){1,6}?on\s+" + DATE,
               anywhere=True),
    # a UR note's cumulative trauma, told by its range: its end ("47 y/o F production line
    # assembler. CT 1/1/10-2/15/13, repetitive bending")
    HeaderRule("injury_date", r"\b(?-i:CT)\s+" + DATE_TEXT + r"\s*(?:-|\u2013|to|through|thru)\s*"
               + DATE, anywhere=True),
    # ("with a cumulative trauma injury, date of injury 6/30/2003, to the low back")
    # (a UR note's shorthand: "58 y/o M bus mechanic. DOI 7/22/11 - fell from bus step")
    # ("The date of injury is listed as 2/8/10, when she slipped ...")
    HeaderRule("injury_date", r"\b(?:date\s+of\s+injury|(?-i:DOI))\s*(?:(?:of|was|is|on)\s+"
               r"(?:(?:listed|given|reported|recorded|noted)\s+as\s+)?|:\s*)?" + DATE,
               anywhere=True),
    # ... as a cumulative trauma's range: its end ("with a cumulative trauma date of injury of
    # 3/1/2009 to 3/1/2011")
    HeaderRule("injury_date", r"\b(?:date\s+of\s+injury|(?-i:DOI))\s*"
               r"(?:(?:of|was|is|from)\s+|:\s*)?" + DATE_TEXT +
               r"\s*(?:-|\u2013|to|through|thru)\s*" + DATE, anywhere=True),
)

# the UR decision, the application and the case number as the letter's text gives them, for
# layouts with no header field for them ("Utilization review dated 8/14/13 non-certified", "the
# utilization review denial/modification dated October 29, 2013", "o Application for
# Independent Medical Review, filed 12/2/2013", "Application for Independent Medical Review
# (08/20/2013)", an "IMR Case Number CM13-0041276" the text keeps, as a footer run into a line).
# The first mention is read; these are the weakest readings, so a table's field wins. (A footer
# on its own line is furniture: parse.py takes the case number from it when nothing else names
# the case, header.footer_case_number.)
_HEADER_IN_TEXT = (
    HeaderRule("ur_date", r"\b(?:utilization\s+review|UR)(?:\s+(?:denial/modification|denial|"
               r"determination|decision|non-?certification|modification|letter))?\s+"
               r"(?:dated|of|on)\s+" + DATE, anywhere=True),
    # ("On 06/04/2013, utilization review non-certified both requests")
    HeaderRule("ur_date", r"\bOn\s+" + DATE + r"\s*,\s*(?:the\s+)?(?:utilization\s+review|UR)"
               r"\s+(?:non-?certified|denied|modified)", anywhere=True),
    # the documents list names the disputed decision ("2. Utilization Review Determination
    # (06/04/2013)", "Utilization Review Determination, dated 10/4/2013"): it wins
    HeaderRule("ur_date", r"\bUtilization\s+Review\s+(?:Determination|Denial)\s*,?\s*"
               r"(?:dated\s+|\(\s*)" + DATE, anywhere=True),
    HeaderRule("application_received", r"\bApplication\s+for\s+Independent\s+Medical\s+Review"
               r"\s*[,(]?\s*(?:(?:dated|filed|received|signed)\s+(?:on\s+)?)?" + DATE,
               anywhere=True),
    HeaderRule("case_number", rf"\bIMR\s+Case\s+Number\s*:?\s*(?P<v>{CASE_NUMBER})", "text",
               anywhere=True),
    # the documents list's entry for the request ("3) Request for Authorization, 01/30/2015",
    # "- Request for Authorization dated 04/09/2015 (chiropractic treatment)", "...;
    # surgeon's request for authorization of 7/31/13;"): the first listed; extract/dates.py
    # reads it only where the case text dates no request
    HeaderRule("request_date", r"(?m)(?:^|;)[ \t]*(?:[-\u2022*]|o(?=\s)|\d{1,2}[.)])?[ \t]*"
               r"(?:[\w'\u2019]+\s+){0,2}?Request\s+for\s+Authori[sz]ation\s*"
               r"(?:\([^)\n]{0,60}\)\s*)?,?\s*(?:(?:dated|of|received|signed)\s+)?" + DATE,
               anywhere=True),
)

_IMR_PARTS = (
    PartRule("claims_administrator_citation", "Claims Administrator guideline:",
             r"(?:Claims\s+Administrator\s+guideline){e<=2}\s*:"),
    PartRule("reviewer_citation", "MAXIMUS guideline:",
             r"(?:(?:MAXIMUS|Expert\s+Reviewer)\s+guideline){e<=2}\s*:"),
    PartRule("rationale", "Decision rationale:", r"(?:Decision\s+rationale){e<=2}\s*:"),
)

_PREAMBLE = (
    r"\bwas\s+the\s+original\s+request\b",
    # ("Four sessions of occupational therapy to the right hand were authorized by the Claims
    # Administrator")
    r"\b(?:was|were)\s+authori[sz]ed\s+by\s+the\s+Claims\s+Administrator\b",
    r"\bClaims\s+Administrator\s+(?:authori[sz]ed|certified|approved)\b",
    r"\bleaving\s+the\s+(?:original\s+)?request\s+IMR\s+eligible\b",
    r"\b(?:was|were)\s+(?:certified|approved|modified)\s+by\s+(?:the\s+)?(?:Claims\s+Administrator|"
    r"utilization\s+review)\b",
)

LAYOUTS: tuple[Layout, ...] = (
    Layout(
        name="imr-2014",
        description="MAXIMUS final determination, 2014-2017: header block, 'HOW THE IMR FINAL "
                    "DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS "
                    "AND RATIONALES' with '<item>: Upheld|Overturned' headings (the DWC's "
                    "published PDFs and the seeds' extraction of them)",
        detect=(r"(?:IMR ISSUES,? DECISIONS,? AND RATIONALES){e<=3}",),
        summary_heading=r"(?:CLINICAL CASE SUMMARY){e<=2}",
        issues_heading=r"(?:IMR ISSUES,? DECISIONS,? AND RATIONALES){e<=3}",
        item_style="outcome_heading",
        parts=_IMR_PARTS,
        header=_IMR_HEADER,
        # (the words parted by runs of spaces too, as text from a justified PDF has them)
        summary_intro=r"(?:The\s+expert\s+reviewer\s+developed\s+the\s+following\s+clinical\s+"
                      r"case\s+summary){e<=4}[^:]{0,120}:",
        issues_intro=r"(?:The\s+Final\s+Determination\s+was\s+based\s+on\s+decisions\s+for\s+the\s+"
                     r"disputed){e<=4}[^:]{0,80}:",
        # (numbered "1.", "1)" or "(1)", or bulleted, the number glued to the title too; a title
        # of up to four lines; its outcome after a colon, a dash or a run of spaces, on its line
        # or the next; blank lines between the entries)
        issues_list=r"\s*(?:\(?\d{1,2}[.)]|[\u2022*-])[ \t]*[^\n]+?(?:\n(?![ \t]*(?:\(?\d{1,2}"
                    r"[.)]|[\u2022*-]))[^\n]+?){0,3}?(?:\s*:|[ \t][-\u2013\u2014]|[ \t]{2,})\s*"
                    r"(?i:upheld|overturned)\.?[ \t]*(?=\n|\Z)",
        heading_preamble=_PREAMBLE,
    ),
    Layout(
        name="imr-2014-numbered",
        description="MAXIMUS final determination, 2014: header block, 'DOCUMENTS REVIEWED', "
                    "'CLINICAL CASE SUMMARY', 'IMR DECISION(S) AND RATIONALE(S)' with numbered "
                    "headings '1. <item> is (not) medically necessary and appropriate.'",
        detect=(r"(?:IMR DECISION\(?S\)? AND RATIONALE\(?S\)?){e<=2}",),
        summary_heading=r"(?:CLINICAL CASE SUMMARY){e<=2}",
        issues_heading=r"(?:IMR DECISION\(?S\)? AND RATIONALE\(?S\)?){e<=2}",
        item_style="numbered_heading",
        # (a colon inside the title: "3. Compounded topical cream: Flurbiprofen 20%, ... is not
        # medically necessary and appropriate.", "... cream, 120gm (DOS:\n06/13/2014) is not")
        # (numbered "1.", "1)", "(1)" or "Item 1:")
        # (the first one may follow the section's heading on its line: "IMR DECISION(S) AND
        # RATIONALE(S)1. Chiropractic ...")
        item_heading=r"(?:^|\G)[ \t]*(?:\(?(?P<n>\d{1,2})[.)]|Item\s+(?P<n>\d{1,2})\s*[:.)\u2013-])"
                     r"[ \t]+"
                     r"(?P<title>(?:(?!\n\n)(?:[^:]|:(?=\s*\S)))+?)"
                     r"\s+(?:is|are)\s+" + VERDICT + r"(?:\s+and\s+appropriate)?\s*\.?[ \t]*$",
        parts=(
            PartRule("claims_administrator_citation", "The Claims Administrator based its "
                     "decision on", r"The\s+Claims\s+Administrator\s+based\s+(?:its|their)\s+"
                     r"decision\s+on", required=False),
            # (some of these letters name the reviewer "the Physician Reviewer")
            PartRule("reviewer_citation", "The Expert Reviewer based his/her decision on",
                     r"The\s+(?:Expert|Physician)\s+Reviewer\s+(?:based\s+his/her\s+decision\s+"
                     r"on|found)", required=False),
            # (also "The Expert Reviewer's rationale for the decision:", "... decision and
            # rationale:", "... decision rationale is as follows:")
            PartRule("rationale", "The Expert Reviewer's decision rationale:",
                     r"(?:(?:(?:The\s+)?(?:Expert|Physician)\s+Reviewer(?:'|\u2019)?s?\s+"
                     r"(?:decision\s+(?:and\s+)?rationale|rationale\s+for\s+(?:the\s+)?"
                     r"decision))"
                     r"{e<=2}|(?:Rationale\s+for\s+the\s+Decision){e<=2})"
                     r"(?:\s+is\s+as\s+follows)?\s*:"),
        ),
        # the letter's date ("Dated: 9/14/2015") is the decision date; a "Decision Date:" line
        # wins (later rules win)
        header=(*_HEADER_IN_TEXT,
                HeaderRule("decision_date", r"\bDated\s*:\s*" + DATE),
                # the early-2014 cover's table ("IMR Case Number: CM14-0021479", "Date of UR
                # Decision: 1/15/2014")
                HeaderRule("case_number", r"IMR\s+Case\s+Number\s*:\s*"
                           rf"(?P<v>{CASE_NUMBER})", "text"),
                HeaderRule("ur_date", r"Date\s+of\s+UR\s+Decision\s*:\s*" + DATE),
                *_INJURY_IN_SUMMARY,
                *_IMR_HEADER),
        summary_intro=r"(?:The expert reviewer developed the following clinical case summary)"
                      r"{e<=4}[^:]{0,120}:",
        other_headings=(r"(?:DOCUMENTS REVIEWED){e<=1}",),
    ),
    Layout(
        name="notice-2013",
        description="MAXIMUS 'Notice of Independent Medical Review Determination', 2013: a "
                    "numbered list of determinations ('1) MAXIMUS Federal Services, Inc. has "
                    "determined the request for <item> is not medically necessary and "
                    "appropriate'), 'Case Summary:', then '1) Regarding the request for <item>:' "
                    "with the guidelines relied upon and 'Rationale for the Decision:'",
        detect=(r"Notice\s+of\s+Independent\s+Medical\s+Review\s+Determination",),
        detect_anywhere=True,
        summary_heading=r"(?:(?:Expert\s+Reviewer\s+)?Case Summary:){e<=1}",
        issues_heading=r"(?:(?:Expert\s+Reviewer\s+)?Case Summary:){e<=1}",
        item_style="numbered_heading",
        # ("1) Regarding the retrospective request for chiropractic treatment, 8 visits, ...:":
        # the request's kind stays in its title)
        item_heading=r"^[ \t]*(?P<n>\d{1,2})\)[ \t]+Regarding\s+the\s+(?:requests?\s+for\s+|"
                     r"(?=(?:retrospective|prospective|additional|continued|renewed|concurrent)"
                     r"\s+requests?\s+for\s+))"
                     r"(?P<title>[^\n]+(?:\n(?![ \t]*(?:Medical\s+Treatment|Rationale\s+for|"
                     r"\d{1,2}\)))[^\n]+){0,3}?):[ \t]*$",
        decision_list=r"(?P<n>\d{1,2})\)\s+MAXIMUS\s+Federal\s+Services,?\s+Inc\.?\s+has\s+"
                      r"determined\s+the\s+(?:requests?\s+for\s+|(?=(?:retrospective|prospective|"
                      r"additional|continued|renewed|concurrent)\s+requests?\s+for\s+))"
                      # (a title of up to four lines, not into the next determination, even on
                      # the same line: "... is medically necessary and appropriate. 2) MAXIMUS
                      # Federal Services, Inc. has determined ... is notmedically necessary")
                      r"(?P<title>(?:(?!\d{1,2}\)\s+MAXIMUS\b)[^\n])+(?:\n(?![ \t]*\d{1,2}\)\s+"
                      r"MAXIMUS\b)(?:(?!\d{1,2}\)\s+MAXIMUS\b)[^\n])+){0,3}?)\s+"
                      r"(?:is|are)\s+" + VERDICT,
        parts=(
            PartRule("claims_administrator_citation",
                     "Medical Treatment Guideline(s) Relied Upon by the Claims Administrator:",
                     r"(?:Medical\s+Treatment\s+Guideline\(s\)\s+Relied\s+Upon\s+by\s+the\s+"
                     r"Claims\s+Administrator){e<=3}\s*:", required=False),
            PartRule("reviewer_citation",
                     "Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer:",
                     r"(?:Medical\s+Treatment\s+Guideline\(s\)\s+Relied\s+Upon\s+by\s+the\s+"
                     r"Expert\s+Reviewer){e<=3}\s*:", required=False),
            PartRule("rationale", "Rationale for the Decision:",
                     r"(?:Rationale\s+for\s+the\s+Decision){e<=2}\s*:"),
        ),
        header=(
            *_HEADER_IN_TEXT,
            HeaderRule("decision_date", r"\bDated\s*:\s*" + DATE),
            HeaderRule("application_received", r"Independent\s+Medical\s+Review\s+was\s+filed"
                       r"\s+on\s+" + DATE),
            HeaderRule("ur_date", r"Utilization\s+Review\s+(?:Denial|Determination|"
                       r"Modification)\s+dated\s+" + DATE),
            HeaderRule("date_assigned", r"Notice\s+of\s+Assignment\s+and\s+Request\s+for\s+"
                       r"Information\s+was\s+provided\s+to\s+the\s+above\s+parties\s+on\s+" + DATE),
            *_INJURY_IN_SUMMARY,
            # the header table of the notice (a later rule wins for the same field)
            HeaderRule("case_number", r"(?:MAXIMUS\s+)?Case\s+Number\s*:\s*"
                       rf"(?P<v>{CASE_NUMBER})", "text"),
            HeaderRule("injury_date", r"Date\s+of\s+Injury\s*:\s*" + DATE),
            HeaderRule("ur_date", r"Date\s+of\s+UR\s+Decision\s*:\s*" + DATE),
            HeaderRule("application_received", r"IMR\s+Application\s+Received\s*:\s*" + DATE),
        ),
        summary_intro=r"Disclaimer:[^\n]*(?:\n[^\n]*){0,2}?dated\s+(?:" + DATE[6:-1] + r")\.",
    ),
    Layout(
        name="professional-review",
        description="'MEDICAL PROFESSIONAL REVIEW': 'ISSUE AT DISPUTE:' (one item, or a numbered "
                    "list), 'CASE SUMMARY:', 'DOCUMENTS REVIEWED FOR DETERMINATION:', 'MEDICAL "
                    "TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:', "
                    "'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY "
                    "NECESSARY:', 'MEDICAL REVIEWER QUALIFICATIONS:'",
        # ("ISSUE AT DISPUTE:", "ISSUES AT DISPUTE:", "ISSUE(S) AT DISPUTE:")
        detect=(r"(?:MEDICAL PROFESSIONAL REVIEW){e<=2}",
                r"(?:ISSUE(?:\(?S\)?)? AT DISPUTE:?){e<=1}"),
        # (also worded short: "SUMMARY:", "CLINICAL HISTORY:"; the short ones in capitals only,
        # not a sentence's "records:" at a line's end)
        summary_heading=r"(?:CASE SUMMARY:?){e<=1}|(?-i:(?:CLINICAL )?SUMMARY:|CLINICAL HISTORY:)",
        issues_heading=r"(?:ISSUE(?:\(?S\)?)? AT DISPUTE:?){e<=1}",
        item_style="issue_sections",
        issue_heading=r"(?:ISSUE(?:\(?S\)?)? AT DISPUTE:?){e<=1}",
        parts=(
            PartRule("reviewer_citation", "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY "
                     "PROFESSIONAL REVIEWER AND WHY:",
                     # (also "GUIDELINES RELIED UPON BY THE PROFESSIONAL REVIEWER", "GUIDELINES
                     # RELIED UPON:", "EVIDENCE-BASED GUIDELINES USED BY THE REVIEWER AND WHY:",
                     # "CLINICAL CRITERIA/GUIDELINES RELIED UPON BY PROFESSIONAL REVIEWER:")
                     # (or short: "GUIDELINES:", "STANDARD(S) APPLIED:"; first, so that the
                     # marker does not end in a colon: parse._marker_matches)
                     r"(?-i:GUIDELINES:|STANDARD(?:\(S\)|S)? APPLIED:)|"
                     r"(?:(?:MEDICAL TREATMENT |EVIDENCE-BASED |CLINICAL CRITERIA/)?"
                     r"GUIDELINE(?:\(S\)|S)? (?:RELIED UPON|USED)(?: BY (?:THE )?(?:PROFESSIONAL )?"
                     r"REVIEWER)?(?: AND WHY)?:?){e<=3}",
                     # (a review whose heading is worded otherwise still has its rationale: the
                     # item is read without the reviewer's citation)
                     required=False),
            PartRule("rationale", "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT "
                     "MEDICALLY NECESSARY:",
                     # (or short: "RATIONALE:", "REASONS:", "DETERMINATION AND RATIONALE:";
                     # first, so that the marker does not end in a colon)
                     r"(?-i:(?:DETERMINATION AND )?RATIONALE:|REASONS:)|"
                     r"(?:RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE "
                     r"(?:IS/WAS|IS OR IS|IS|WAS) (?:NOT )?MEDICALLY NECESSARY:?){e<=3}"),
        ),
        other_headings=(r"(?:DOCUMENTS REVIEWED FOR DETERMINATION:?){e<=2}",
                        r"(?:MEDICAL REVIEWER QUALIFICATIONS:?){e<=2}",
                        # (short: "RECORDS:", "MATERIALS REVIEWED:", "CREDENTIALS:")
                        r"(?-i:RECORDS(?: REVIEWED)?:|(?:MATERIALS|DOCUMENTS) REVIEWED:|"
                        r"(?:REVIEWER )?QUALIFICATIONS:|CREDENTIALS:|REVIEWER:)",
                        r"(?:FINAL DETERMINATION:?){e<=1}"),
        # the header block the final determinations share ("IMR Case Number:", "Date of
        # Injury:", "UR Denial Date:" ...), where there is one; a review with none gives the
        # date of injury in its case summary (a later rule wins: the block's, when both)
        header=(*_HEADER_IN_TEXT, *_INJURY_IN_SUMMARY, *_IMR_HEADER),
    ),
)


# an item's label, up to its number: "Request #1", "Item 2", "Issue No. 3"
ITEM_WORD = r"(?i:request|item|issue)"
ITEM_LABEL = rf"{ITEM_WORD}[ \t]*(?:#|(?i:no)\.?)?[ \t]*"

# the marker of an entry in a list of disputed items that are not numbered 1., 2.: a bullet,
# "(a)", "b)", "A.", "Request #1:", "Item 2 -" (the title is what follows it)
LIST_MARKER = (r"(?:(?:[\u2022\u25cf\u25aa\u2023\u2043\u00b7*\u2013-]|"
               r"\((?:[a-hA-H]|[ivx]{1,4}|\d{1,2})\)|(?:[a-hA-H]|[ivx]{1,4})[.)]|\d{1,2}\)|"
               rf"{ITEM_LABEL}\d{{1,2}}[ \t]*[:.)\u2013-])[ \t]+|"
               # an issue's number on the line above its title ("Issue #1\nChiropractic treatment
               # 2 times a week ...: Overturned"; its label has a sign)
               rf"{ITEM_WORD}[ \t]*(?:#|(?i:no)\.)[ \t]*\d{{1,2}}[ \t]*\r?\n\s*|"
               # a "+" bullet, its space lost in extraction ("+Chiropractic treatment ...")
               r"\+[ \t]*(?=[A-Z]))")


# where a letter begins: a file holding several letters (joined end to end) is split at each
LETTER_STARTS = (
    # (not a 2013 notice's "IMR Case Number:", which its second page repeats)
    rf"^[ \t]*{OWN_CASE_LABEL}\s*:",
    r"^[ \t]*HOW\s+THE\s+IMR\s+FINAL\s+DETERMINATION\s+WAS\s+MADE",
    r"^[^\n]{0,80}Notice\s+of\s+Independent\s+Medical\s+Review\s+Determination",
    r"^[ \t]*MEDICAL\s+PROFESSIONAL\s+REVIEW[ \t]*$",
)
