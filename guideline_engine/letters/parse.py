"""Normalised letter text -> Determination, by the layout the letter is written in.

The layouts are data (layouts.py). This module finds a layout's headings on whole lines
(case-insensitively, with the typing errors the layout allows), reads the header block, the case
summary and every disputed item. Anything that cannot be found raises LetterParseError saying
what was missing and on which line; an item heading that cannot be read is detected because its
parts are still there, so an item is never silently dropped.

Spans index the normalised text (`NormalText.clean`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..errors import LetterParseError
from ..ingest import NormalText
from ..ingest.normalise import CASE_NUMBER
from ..models import Determination, DisputedItem, RecordedOutcome, Reviewer, Span
from .header import footer_case_number, read_header
from .layouts import ITEM_LABEL, LAYOUTS, LIST_MARKER, Layout

_FLAGS = regex.IGNORECASE | regex.BESTMATCH | regex.MULTILINE


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> regex.Pattern:
    return regex.compile(pattern, _FLAGS)


@lru_cache(maxsize=256)
def _literal_len(pattern: str) -> tuple[int, int]:
    """Shortest and longest reading of a heading pattern, counting a run of whitespace as one
    character (to skip lines cheaply). Alternatives and optional groups are weighed;
    fuzziness ({e<=n}) is left to the caller's tolerance."""
    pattern = regex.sub(r"\{e<=\d\}", "", pattern)
    pattern = regex.sub(r"\\s\+|\[ \\t\]\+", " ", pattern)
    pattern = regex.sub(r"\\s\*|\[ \\t\]\*", "", pattern)

    def sequence(i: int) -> tuple[int, int, int]:
        """(shortest, longest, index after) of the alternatives from i to ')' or the end."""
        best: tuple[int, int] | None = None
        low = high = 0
        while True:
            if i >= len(pattern) or pattern[i] in "|)":
                best = (low, high) if best is None else (min(best[0], low), max(best[1], high))
                if i >= len(pattern) or pattern[i] == ")":
                    return best[0], best[1], i
                low = high = 0
                i += 1
                continue
            if pattern[i] == "(":
                i += 3 if pattern.startswith("(?:", i) else 1
                a, b, i = sequence(i)
                i += 1   # ')'
            elif pattern[i] == "[":
                a = b = 1
                i = pattern.index("]", i + 1) + 1
            else:
                a = b = 1
                i += 2 if pattern[i] == "\\" else 1
            if i < len(pattern) and pattern[i] == "?":
                a, i = 0, i + 1
            low, high = low + a, high + b

    shortest, longest, _ = sequence(0)
    return shortest, longest


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


def heading_lines(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def _find_heading(pattern: str, lines: list[Line], after: int = 0) -> Line | None:
    """The first line (starting at or after `after`) that is, as a whole, the heading; a
    heading wrapped onto a second line is found too."""
    compiled = _compiled(pattern)
    shortest, longest = _literal_len(pattern)
    for i, line in enumerate(lines):
        if line.start < after:
            continue
        # (words parted by runs of spaces, as a justified or re-typed heading has them: "ISSUE
        # AT  DISPUTE:")
        flat = _SPACE_RUN.sub(" ", line.text)
        if shortest - 6 <= len(flat) <= longest + 6 and compiled.fullmatch(flat):
            return line
        # (or over three, in a narrow column: "MEDICAL TREATMENT GUIDELINE(S)\nRELIED UPON BY
        # PROFESSIONAL\nREVIEWER AND WHY:")
        joined, last = flat, i
        while len(joined) < longest and last + 1 < len(lines) and last < i + 2:
            last += 1
            joined = f"{joined} {_SPACE_RUN.sub(' ', lines[last].text)}"
            if shortest - 6 <= len(joined) <= longest + 6 and compiled.fullmatch(joined):
                return Line(line.start, lines[last].end, joined)
        # a heading glued to the end of the sentence before it, where the page break between
        # them was lost ("... modified the chiropractic therapy to 6 visits.IMR ISSUES, ...")
        if len(line.text) > longest and (tail := _glued(pattern).search(line.text)):
            return Line(line.start + tail.start(), line.end, tail.group())
        # or, in capitals, to the end of a line with no stop ("MRI of the left knee dated
        # 09/21/2013 CLINICAL CASE SUMMARY": the last entry of a documents list)
        # (or in any case glued to a word with no space: "Certification(s)/Specialty: Orthopedic
        # SurgeryClinical Case Summary")
        if len(line.text) > longest and _caps_word(pattern) in line.text.upper() and \
                (tail := _glued_caps(pattern).search(line.text)) and (
                    tail.group().isupper() or (line.text[tail.start() - 1].islower()
                                               and tail.group()[:1].isupper())):
            return Line(line.start + tail.start(), line.end, tail.group())
        # or glued to the start of the sentence after it ("IMR ISSUES, DECISIONS AND
        # RATIONALESThe Final Determination was based on ...")
        if len(line.text) > longest and (head := _glued_ahead(pattern).match(line.text)):
            return Line(line.start, line.start + head.end(), head.group())
        # or, in capitals and ending in its colon, with the section's text after it on its
        # line ("CASE SUMMARY: This 44 year old female ...", "ISSUE AT DISPUTE: 1. Massage ...")
        if len(line.text) > longest and (head := _run_in(pattern).match(line.text)) and \
                head.group("head").isupper():
            return Line(line.start, line.start + head.end("head"), head.group("head"))
        # or glued on both sides ("... the acupuncture.IMR ISSUES, DECISIONS AND
        # RATIONALESThe Final Determination ...")
        if len(line.text) > longest and _caps_word(pattern) in line.text and \
                (inner := _glued_between(pattern).search(line.text)):
            return Line(line.start + inner.start(), line.start + inner.end(), inner.group())
        if i + 1 < len(lines) and len(lines[i + 1].text) < longest and \
                _caps_word(pattern) in lines[i + 1].text:
            # or glued to the sentence before and wrapped onto the next line ("... is not
            # supported.IMR" / "ISSUES, DECISIONS AND RATIONALES")
            joined = f"{line.text} {lines[i + 1].text}"
            if (tail := _glued(pattern).search(joined, max(0, len(line.text) - longest))) and \
                    0 < tail.start() < len(line.text):
                return Line(line.start + tail.start(), lines[i + 1].end, tail.group())
    return None


# a heading glued to the sentence before it (after its stop) or to the one after it (before
# its capital)
_AFTER_A_STOP = r"(?<=[a-z0-9)][.;:]\s{0,2})"
# (or the first numbered item: "IMR DECISION(S) AND RATIONALE(S)1. Chiropractic manipulation
# ...")
_BEFORE_A_SENTENCE = r"(?=(?-i:[A-Z][a-z])|\(?\d{1,2}[.)][ \t]+(?-i:[A-Z]))"


@lru_cache(maxsize=256)
def _glued_between(pattern: str) -> regex.Pattern:
    return regex.compile(rf"{_AFTER_A_STOP}(?:{pattern}){_BEFORE_A_SENTENCE}", _FLAGS)


_SPACE_RUN = regex.compile(r"[ \t]{2,}")


@lru_cache(maxsize=256)
def _run_in(pattern: str) -> regex.Pattern:
    return regex.compile(rf"(?P<head>(?:{pattern})(?<=:))[ \t]+(?=\S)", _FLAGS)


@lru_cache(maxsize=256)
def _glued_ahead(pattern: str) -> regex.Pattern:
    return regex.compile(rf"(?:{pattern}){_BEFORE_A_SENTENCE}", _FLAGS)


@lru_cache(maxsize=256)
def _glued(pattern: str) -> regex.Pattern:
    return regex.compile(rf"{_AFTER_A_STOP}(?:{pattern})$", _FLAGS)


@lru_cache(maxsize=256)
def _caps_word(pattern: str) -> str:
    """The heading's last word in capitals (a cheap test before the fuzzy search)."""
    last = _plain(pattern).split()[-1].upper()
    return regex.match(r"[A-Z]*", last).group() or last


@lru_cache(maxsize=256)
def _glued_caps(pattern: str) -> regex.Pattern:
    # (or with no space at all: "Certification(s)/Specialty: Orthopedic SurgeryCLINICAL CASE
    # SUMMARY", where the line break between them was lost)
    return regex.compile(rf"(?<=[\w)][ \t]{{1,3}}|(?-i:[a-z]))(?:{pattern})$", _FLAGS)


_ENDS_AT_COLON = regex.compile(r"(?:\\s\*)?:\)*\Z")


def _marker_matches(source: str, text: str, start: int, end: int) -> Iterator[regex.Match]:
    """`_compiled(source).finditer(text, start, end)`, faster for a marker that ends with its
    colon ("(?:Decision\\s+rationale){e<=2}\\s*:"): a fuzzy pattern is tried only in the
    stretch before each colon, where a match must end (the same matches: a window is longer
    than any reading of the marker with its typing errors and runs of spaces)."""
    pattern = _compiled(source)
    if not _ENDS_AT_COLON.search(source):
        yield from pattern.finditer(text, start, end)
        return
    reach = 2 * _literal_len(source)[1] + 16
    lower = start
    colon = text.find(":", start, end)
    while colon != -1:
        m = pattern.search(text, max(lower, colon - reach), colon + 1)
        if m is not None and m.end() == colon + 1:
            yield m
            lower = m.end()
        colon = text.find(":", colon + 1, end)


def _trimmed(text: str, start: int, end: int, trailing: str = "") -> Span:
    """The span without the white space around it (and without `trailing` characters at its
    end: the comma of "3. TENS unit, 30-day rental, is not medically necessary")."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in trailing):
        end -= 1
    return Span(start=start, end=end, quote=text[start:end])


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def choose_layout(text: str, lines: list[Line]) -> Layout | None:
    for layout in LAYOUTS:
        if layout.detect_anywhere:
            if all(_compiled(p).search(text) for p in layout.detect):
                return layout
        elif all(_find_heading(p, lines) is not None for p in layout.detect):
            return layout
    return None


def parse_determination(text: NormalText, source: str) -> Determination:
    clean = text.clean
    lines = heading_lines(clean)
    if not lines:
        raise LetterParseError(source, "the letter is empty (no text)")
    layout = choose_layout(clean, lines)
    if layout is None:
        sought = "; ".join(f"{known.name}: " + ", ".join(repr(_plain(p)) for p in known.detect)
                           for known in LAYOUTS)
        raise LetterParseError(
            source, "not an IMR determination in a known layout: no section heading of a known "
            f"layout was found (looked for {sought})")
    summary_head = _find_heading(layout.summary_heading, lines)
    if summary_head is None:
        raise LetterParseError(source, f"no '{_plain(layout.summary_heading)}' heading found "
                               f"({layout.name} layout)")
    issues_head = _find_heading(layout.issues_heading, lines)
    if issues_head is None:
        raise LetterParseError(source, f"no '{_plain(layout.issues_heading)}' heading found "
                               f"({layout.name} layout)")
    ends = [h.start for h in (issues_head, *(_find_heading(p, lines, summary_head.end)
                                                for p in layout.other_headings))
            if h is not None and h.start > summary_head.start]
    if layout.item_style == "outcome_heading":
        items = _outcome_heading_items(clean, source, layout, issues_head.end)
    elif layout.item_style == "numbered_heading":
        start = issues_head.end if issues_head.start > summary_head.start else summary_head.end
        items = _numbered_items(clean, source, layout, start, lines)
        ends.append(min(i.title.start for i in items))
    else:
        items = _issue_section_items(clean, source, layout, lines)
    summary_end = min(ends, default=len(clean))
    summary_start = summary_head.end
    if layout.summary_intro:
        intro = _compiled(layout.summary_intro).search(clean, summary_start, summary_end)
        if intro is not None and not clean[summary_start:intro.start()].strip():
            summary_start = intro.end()
    case_summary = _trimmed(clean, summary_start, summary_end)
    if not case_summary.quote:
        raise LetterParseError(source, "the clinical case summary is empty",
                               _line_of(clean, summary_head.start))
    head_end = min(summary_head.start, issues_head.start)
    _check_not_cut_short(clean, source, items[-1].rationale)
    header = read_header(clean, head_end, layout.header)
    if "case_number" not in header and (footer := footer_case_number(text)) is not None:
        header["case_number"] = footer
    return Determination(
        source=source, layout=layout.name,
        header=header,
        reviewer=_parse_reviewer(clean[:head_end]), case_summary=case_summary, items=items)


def _plain(pattern: str) -> str:
    """A heading pattern as the heading reads ("CLINICAL CASE SUMMARY", "IMR DECISION(S) AND
    RATIONALE(S)": a bracket the pattern escapes is the heading's own)."""
    pattern = pattern.replace("\\(", "\x00").replace("\\)", "\x01")
    plain = regex.sub(r"\{e<=\d\}|\(\?:|\)|,\?|\?", lambda m: "," if m.group() == ",?" else "",
                      pattern).replace("\\s+", " ").replace("\\", "")
    return plain.replace("\x00", "(").replace("\x01", ")")


# a last line that is not the end of a sentence, standing after one that is: the start of a
# heading (or a sentence) that the letter never finishes
_UNFINISHED_TAIL = regex.compile(r"[.!?][\"')]?[ \t]*\n\s*(?P<tail>[^\n.!?]{1,200})\Z")


# what may close a letter after the last sentence: typist's initials ("/bh", "jd/bh"), copies
# and enclosures, a complimentary close
_SIGN_OFF = regex.compile(r"(?:/?[A-Za-z]{2,3}(?:/[A-Za-z]{2,3})?|(?:cc|Enclosures?|Encl)\b.*|"
                          r"Sincerely,?|Respectfully,?|"
                          # a page footer the text kept ("IMR Case Number CM13-0061587 Page 3 of
                          # 3": the normaliser keeps it, for the case number it names)
                          rf"(?:IMR\s+)?Case\s+(?:Number|No\.?)\s*:?\s*{CASE_NUMBER}"
                          r"(?:\s+Page\s+\d+(?:\s+of\s+\d+)?)?)\s*", regex.IGNORECASE)


def _check_not_cut_short(text: str, source: str, last: Span) -> None:
    """A letter cut inside the heading of an item would lose that item: say so instead."""
    tail = _UNFINISHED_TAIL.search(last.quote)
    if tail is not None and not _SIGN_OFF.fullmatch(tail.group("tail")):
        raise LetterParseError(
            source, "the letter ends with an unfinished line after the last item's rationale "
            f"('{' '.join(tail.group('tail').split())}'): an item heading cut short? The letter "
            "may be truncated", _line_of(text, last.start + tail.start("tail")))


# ---------------------------------------------------------------- items: "<title>: Upheld"

# the words a rationale's closing sentence ends with ("... is not medically necessary.")
_CLOSING_WORDS = (r"[Mm]edically\s+necessary|at\s+this\s+time|appropriate|warranted|indicated|"
                  r"supported|recommended|certified|approved|upheld|overturned|"
                  r"for\s+this\s+patient")

# where a sentence ends before an item heading: a full stop (or ?/!) and a capital or digit next
_SENTENCE_END = regex.compile(
    # (not after an abbreviation: "Medically supervised weight loss program (physician-directed,
    # e.g. LA Weight Loss, Medifast or equivalent), 12 weeks: Upheld")
    # (nor the number sign's abbreviation: "Lidoderm 5% patch No. 30: Upheld")
    r"(?<=[.!?][\"')]?)(?<!\b(?:[Ee]\.g|[Ii]\.e|[Vv]s|[Cc]f|[Dd]r|Mrs?|Ms)\.)"
    r"(?<!\b(?:No|no|Nos)\.(?=\s+\d))\s+(?=[\"(]?[A-Z0-9])"
    # a rationale's closing sentence glued to the next item's heading where the text lost the
    # page break between them: "...the request is not medically necessary.EMG of the ...: Upheld"
    # (or a terse reviewer's "... Medically necessary.Repeat EMG/NCV ...: Upheld")
    # (and the other closing words: "... are not medically necessary at this time.Hydrocodone-
    # acetaminophen 10/325mg #120: Upheld")
    # (and the DWC's opioid paragraph, whose last words are "... weaning and terminating opioids
    # for this patient.")
    r"|(?<=\b(?:" + _CLOSING_WORDS + r")\.)"
    r"(?=[A-Z])"
    # (and the next item's heading on its own line in lower case: "... is not medically
    # necessary.\ntramadol ER 150MG #30: Upheld")
    r"|(?<=\b(?:" + _CLOSING_WORDS + r")\.)"
    r"[ \t]*\n\s*(?=[a-z])")
# (or after a dash, with a full stop: "... for the lumbar spine - Overturned", "...: Upheld.")
# (a digit for a letter, as OCR reads them: "Uphe1d", "0verturned")
# (a space inside the word, as text from a justified PDF may have it: "Over turned")
# (or at the right margin after a long run of spaces, the colon lost: "... for the lumbar spine
#           Overturned", as a layout-keeping extraction may give a tabbed heading)
_OUTCOME_TAIL = regex.compile(r"(?::|[ \t][-\u2013\u2014]|[ \t]{4,})\s*"
                              r"(?P<word>[A-Za-z0-9][A-Za-z0-9-]*(?: [a-z]{2,})?)\.?\s*\Z")


def _outcome(layout: Layout, word: str) -> RecordedOutcome | None:
    if _compiled(layout.upheld).fullmatch(word):
        return RecordedOutcome.upheld
    if _compiled(layout.overturned).fullmatch(word):
        return RecordedOutcome.overturned
    return None


# (or glued to the outcome word where the page break between them was lost: "...: Upheld
# Claims Administrator guideline:" read as "UpheldClaims Administrator guideline:")
_LINE_START = r"(?:(?<=^[^\S\n]*)|(?<=:\s*(?:upheld|overturned)))"


@dataclass
class _Heading:
    colon: int        # the ':' before the outcome word
    word_start: int
    word_end: int
    outcome: RecordedOutcome
    parts_start: int  # where the item's first part marker starts


def _outcome_heading_items(text: str, source: str, layout: Layout,
                           start: int) -> list[DisputedItem]:
    markers = [(rule, _compiled(rule.marker)) for rule in layout.parts]
    first_rule = markers[0][0]
    headings: list[_Heading] = []
    for rule in layout.parts:
        # an item's first part starts a line: the fuzzy marker is tried only there
        for match in _marker_matches(_LINE_START + f"(?:{rule.marker})", text, start,
                                     len(text)):
            # (the outcome word may stand at the right margin, after a long run of spaces, as a
            # layout-keeping extraction gives it)
            tail = _OUTCOME_TAIL.search(text, max(start, match.start() - 200), match.start())
            outcome = _outcome(layout, tail.group("word")) if tail else None
            if outcome is None:
                if rule is first_rule:
                    raise LetterParseError(
                        source, f"a '{first_rule.label}' part follows a heading whose "
                        "outcome (Upheld/Overturned) could not be read; that item would be lost",
                        _line_of(text, match.start()))
                continue
            if any(h.parts_start <= match.start() < h.parts_start + 1 for h in headings):
                continue
            headings.append(_Heading(tail.start(), tail.start("word"), tail.end("word"),
                                     outcome, match.start()))
    headings.sort(key=lambda h: h.parts_start)
    # a later part marker directly after a heading already found is not a new item
    unique: list[_Heading] = []
    for h in headings:
        if unique and h.colon <= unique[-1].parts_start:
            continue
        unique.append(h)
    if not unique:
        raise LetterParseError(
            source, "no disputed item heading ('<item>: Upheld' or '<item>: Overturned' "
            f"followed by '{first_rule.label}') found", _line_of(text, start))

    region_start = start
    if layout.issues_intro:
        intro = _compiled(layout.issues_intro).search(text, start, unique[0].colon)
        if intro is not None:
            region_start = intro.end()
    if layout.issues_list:
        # (a list of the decisions before the first item is not its heading)
        entry = _compiled(layout.issues_list)
        while (m := entry.match(text, region_start)) and m.end() < unique[0].word_start:
            region_start = m.end()
    items: list[DisputedItem] = []
    bounds = []  # (heading start, preamble span, title span) per item
    previous_end = region_start
    for h in unique:
        preamble, title, heading = _heading_text(text, layout, previous_end, h.colon)
        bounds.append((preamble.start if preamble else title.start, preamble, title, heading))
        previous_end = h.parts_start
    for index, (h, (_, preamble, title, heading)) in enumerate(zip(unique, bounds,
                                                                    strict=True)):
        region_end = bounds[index + 1][0] if index + 1 < len(unique) else len(text)
        label = f"item {index + 1} ('{title.quote}')"
        line = _line_of(text, title.start)
        spans = _read_parts(text, source, markers, h.parts_start, region_end, label, line)
        items.append(DisputedItem(
            index=index + 1, title=title, preamble=preamble, heading=heading,
            recorded_outcome=h.outcome,
            outcome_span=Span(start=h.word_start, end=h.word_end,
                              quote=text[h.word_start:h.word_end]),
            claims_administrator_citation=spans.get("claims_administrator_citation"),
            reviewer_citation=spans.get("reviewer_citation"),
            rationale=spans["rationale"]))
    return items


def _read_parts(text: str, source: str, markers, start: int, end: int, label: str,
                line: int) -> dict[str, Span]:
    """The labelled parts of one item, in the layout's order, within text[start:end]."""
    found: dict[str, regex.Match] = {}
    cursor = start
    for position, (rule, _) in enumerate(markers):
        matches = list(_marker_matches(rule.marker, text, cursor, end))
        if not matches:
            if rule.required:
                raise LetterParseError(source, f"{label} has no '{rule.label}'", line)
            continue
        # the marker's words again inside its own part ("The Expert Reviewer found ... The
        # Expert Reviewer based his/her decision on"), before the next part starts, are the part
        later = [m.start() for r, _ in markers[position + 1:]
                 if (m := next(_marker_matches(r.marker, text, matches[0].end(), end), None))]
        if later:
            matches = [matches[0]] + [m for m in matches[1:] if m.start() >= min(later)]
        if len(matches) > 1:
            raise LetterParseError(
                source, f"{label} has {len(matches)} '{rule.label}' parts; the heading of an "
                "item after it could not be read", _line_of(text, matches[1].start()))
        found[rule.name] = matches[0]
        cursor = matches[0].end()
    spans: dict[str, Span] = {}
    ordered = sorted(found.items(), key=lambda kv: kv[1].start())
    for i, (name, match) in enumerate(ordered):
        stop = ordered[i + 1][1].start() if i + 1 < len(ordered) else end
        spans[name] = _trimmed(text, match.end(), stop)
    if not spans["rationale"].quote:
        raise LetterParseError(source, f"{label} has an empty decision rationale", line)
    return spans


def _verdict(word: str) -> RecordedOutcome:
    """'not medically necessary' -> upheld (the denial stands); 'medically necessary' ->
    overturned."""
    negated = regex.match(r"\s*(?:not|non)", word, regex.IGNORECASE)
    return RecordedOutcome.upheld if negated else RecordedOutcome.overturned


def _occurrences(pattern: str, lines: list[Line]) -> list[Line]:
    """Every line that is the heading, in order."""
    found: list[Line] = []
    while (head := _find_heading(pattern, lines, found[-1].end if found else 0)) is not None:
        found.append(head)
    return found


# the label that opens an issue's own block: "ISSUE 2: Chiropractic manipulation ...",
# "REQUESTED TREATMENT #2: ...", "ISSUE AT DISPUTE NO. 2:"
_ISSUE_LABEL = regex.compile(
    r"^[ \t]*(?:ISSUES?(?:\s+(?:AT|IN)\s+DISPUTE)?|(?:REQUESTED\s+)?(?:TREATMENT|SERVICE|"
    # (or in title case: "Issue #2:")
    r"REQUEST)|ITEM|Issue|Item)\s*(?:NO\.?|NUMBER|#)?\s*\d{1,2}\s*:", regex.MULTILINE)


def _before_issue_label(text: str, start: int, end: int) -> tuple[int, int]:
    """The section [start, end) without the next issue's label line at its end."""
    labels = list(_ISSUE_LABEL.finditer(text, start, end))
    return (start, labels[-1].start() if labels else end)


def _section_end(text: str, layout: Layout, lines: list[Line], after: int) -> int:
    """Where the next known heading after `after` starts (or the end of the letter)."""
    found = [h.start for p in (layout.summary_heading, layout.issues_heading,
                               *layout.other_headings, *(r.marker for r in layout.parts
                                                         if layout.item_style ==
                                                         "issue_sections"))
             if (h := _find_heading(p, lines, after + 1)) is not None]
    return min(found, default=len(text))


# ---------------------------------------------------------------- items: numbered headings

def _in_sequence(headings: list[regex.Match]) -> list[regex.Match]:
    """The headings numbered 1, 2, 3 ... in order: a wrapped line that starts with a number
    ("20. The 4 sessions certified by utilization review ... is not medically necessary and
    appropriate.") is no item heading."""
    first = next((i for i, h in enumerate(headings) if h.group("n") == "1"), 0)
    kept: list[regex.Match] = []
    for heading in headings[first:]:
        if not kept or int(heading.group("n")) == int(kept[-1].group("n")) + 1:
            kept.append(heading)
    # (or every number from 1 once, out of order: "1) Regarding ...", "3) Regarding ...",
    # "2) Regarding ...", each matched to its determination by number)
    numbers = sorted(int(h.group("n")) for h in headings[first:])
    if len(kept) < len(numbers) and numbers == list(range(1, len(numbers) + 1)):
        return headings[first:]
    return kept


def _numbered_items(text: str, source: str, layout: Layout, start: int,
                    lines: list[Line]) -> list[DisputedItem]:
    markers = [(rule, _compiled(rule.marker)) for rule in layout.parts]
    headings = _in_sequence(list(_compiled(layout.item_heading).finditer(text, start)))
    if not headings:
        raise LetterParseError(source, f"no numbered item heading found ({layout.name} layout)",
                               _line_of(text, start))
    decided: dict[str, tuple[RecordedOutcome, Span]] = {}
    if layout.decision_list:
        for m in _compiled(layout.decision_list).finditer(text):
            decided.setdefault(m.group("n"), (_verdict(m.group("verdict")),
                                              Span(start=m.start("verdict"),
                                                   end=m.end("verdict"),
                                                   quote=m.group("verdict"))))
    items = []
    # (numbered 1 to n, in any order: each item is its number's)
    by_number = sorted(int(h.group("n")) for h in headings) == list(range(1, len(headings) + 1))
    for index, m in enumerate(headings):
        title = _trimmed(text, m.start("title"), m.end("title"), trailing=",")
        label = f"item {index + 1} ('{' '.join(title.quote.split())}')"
        line = _line_of(text, m.start())
        if "verdict" in m.groupdict() and m.group("verdict"):
            outcome = _verdict(m.group("verdict"))
            outcome_span = Span(start=m.start("verdict"), end=m.end("verdict"),
                                quote=m.group("verdict"))
        elif m.group("n") in decided:
            outcome, outcome_span = decided[m.group("n")]
        else:
            raise LetterParseError(source, f"{label}: no determination numbered "
                                   f"{m.group('n')} states its outcome", line)
        end = headings[index + 1].start() if index + 1 < len(headings) else \
            _section_end(text, layout, lines, m.end())
        spans = _read_parts(text, source, markers, m.end(), end, label, line)
        items.append(DisputedItem(
            index=int(m.group("n")) if by_number else index + 1, title=title,
            recorded_outcome=outcome,
            outcome_span=outcome_span,
            claims_administrator_citation=spans.get("claims_administrator_citation"),
            reviewer_citation=spans.get("reviewer_citation"), rationale=spans["rationale"]))
    # (sections out of the numbered order are the items of their numbers)
    return sorted(items, key=lambda item: item.index)


# ---------------------------------------------------------------- items: issue sections

_LIST_MARKER = regex.compile(r"[ \t]*" + LIST_MARKER)
# ("1. ...", "2) ...", or lettered: "A. Physical therapy x 6 visits, lumbar spine")
# (at a line's start, or where the section starts: a heading run into its first entry, "ISSUE
# AT DISPUTE: 1. Massage therapy ...")
# (or labelled: "Issue 1: PT, right elbow, x 6 additional", "#1 Additional post-op OT L elbow
# 2 x 6"; a "#" with one digit only, not a drug's quantity: "#90")
_NUMBERED_ENTRY = regex.compile(r"(?:^|\G)[ \t]*(?:(?:(?P<n>\d{1,2})|(?P<letter>[A-H]))[.)]|"
                                rf"{ITEM_LABEL}(?P<n>\d{{1,2}})[ \t]*[:.)]|"
                                r"#[ \t]?(?P<n>[1-9])(?![\d,.])[:.)]?)"
                                r"[ \t]+", regex.MULTILINE)


def _entry_number(m: regex.Match) -> str:
    """An entry's number: its digits, or its letter's place ("A." is 1)."""
    return m.group("n") or str(ord(m.group("letter")) - ord("A") + 1)
_VERDICT_ANY = regex.compile(r"(?P<verdict>(?:not|non)?\s*medically\s+necessary)",
                             regex.IGNORECASE)


def _entries(text: str, start: int, end: int) -> dict[str, tuple[int, int]]:
    """Numbered entries ("1. ...") of a section, by number; one unnumbered entry is '1'."""
    found = list(_NUMBERED_ENTRY.finditer(text, start, end))
    if not found:
        return {"1": (start, end)}
    out = {}
    for i, m in enumerate(found):
        out.setdefault(_entry_number(m), (m.end(), found[i + 1].start() if i + 1 < len(found)
                                      else end))
    return out


def _titled_entries(text: str, start: int, end: int,
                    titles: dict[str, str]) -> dict[str, tuple[int, int]] | None:
    """Entries of a section that start with each item's title and a colon ("Massage therapy 1 x
    8 for the right knee: The Chronic Pain ..."), by item number; None unless every title
    opens one (or, failing that, stands alone on the line over it)."""
    for alone in (False, True):
        found = [(m.start(), m.end(), n) for n, title in titles.items()
                 if (m := _title_entry(text, title, start, end, alone)) is not None]
        if len(found) == len(titles):
            break
    else:
        return None
    found.sort()
    return {n: (body, found[i + 1][0] if i + 1 < len(found) else end)
            for i, (_, body, n) in enumerate(found)}


def _title_entry(text: str, title: str, start: int, end: int,
                 alone: bool = False) -> regex.Match | None:
    """The line of [start, end) that starts with the title and a colon ("Massage therapy x 8
    (neck): The Chronic Pain ..."), or with `alone`, holds the title alone ("Physical therapy 2
    x 4 for the lumbar spine" over its rationale)."""
    words = r"\s+".join(regex.escape(w) for w in title.split())
    end_of_title = r"(?::|\r?$)" if alone else ":"
    # (after a list marker too: "\u2022 Lidoderm 5% patch #30" over its rationale)
    # (or after the sentence that ends the last item's rationale on the same line: "... the
    # request is not medically necessary. Diclofenac sodium 1% gel, 100 grams: The guidelines
    # recommend ...")
    opening = r"(?:^[ \t]*|(?<=[.!?][ \t]{1,3}))" if not alone else r"^[ \t]*"
    return regex.compile(rf"{opening}(?:{LIST_MARKER})?{words}[ \t]*{end_of_title}",
                         regex.MULTILINE | regex.IGNORECASE).search(text, start, end)


def _listed_titles(text: str, layout: Layout, lines: list[Line],
                   listed: list[Line]) -> list[tuple[int, int]] | None:
    """The items listed one a line with no numbers, each on one line or wrapped over several:
    the runs of lines that the rationale section takes up by title. None unless every line
    falls in one."""
    rule = next((r for r in layout.parts if r.name == "rationale"), None)
    head = _find_heading(rule.marker, lines) if rule else None
    if head is None:
        return None
    end = _section_end(text, layout, lines, head.end)
    # (titles opening their rationale with a colon first; then titles alone on a line over it,
    # where a wrapped title's first line could stand alone too)
    for alone in (False, True):
        groups = []
        i = 0
        while i < len(listed):
            j = next((j for j in range(i + 1, len(listed) + 1) if _title_entry(
                text, text[listed[i].start:listed[j - 1].end], head.end, end, alone)), None)
            if j is None:
                break
            groups.append((listed[i].start, listed[j - 1].end))
            i = j
        else:
            return groups
    return None


def _issue_section_items(text: str, source: str, layout: Layout,
                         lines: list[Line]) -> list[DisputedItem]:
    issue = _find_heading(layout.issue_heading, lines)
    assert issue is not None  # the layout was detected by it
    issue_end = _section_end(text, layout, lines, issue.end)
    issues = _entries(text, issue.end, issue_end)
    # the items listed one a line with no numbers ("ISSUE AT DISPUTE:" then a line each); they
    # are items when the rationale section takes them up by title
    listed = [line for line in lines if issue.end <= line.start and line.end <= issue_end]
    # (the first one run in after the heading: "ISSUE AT DISPUTE:Massage therapy 1 time a week
    # for 6 weeks for the cervical spine" then "Cyclobenzaprine 7.5 mg #60")
    line_end = text.find("\n", issue.end)
    line_end = issue_end if line_end < 0 else min(line_end, issue_end)
    # (not a title wrapped onto the next line: "...for the\nlumbar spine")
    if (run_in := text[issue.end:line_end]).strip() and listed and \
            all(line.text[:1].isupper() for line in listed):
        lead = len(run_in) - len(run_in.lstrip())
        listed.insert(0, Line(issue.end + lead, issue.end + len(run_in.rstrip()),
                              run_in.strip()))
    groups: list[tuple[int, int]] | None = None
    if not _NUMBERED_ENTRY.search(text, issue.end, issue_end) and len(listed) > 1:
        groups = _listed_titles(text, layout, lines, listed) or [
            (line.start, line.end) for line in listed]
        # (the title after its list marker: "\u2022 Chiropractic ...", "Request #1: Work ...")
        groups = [(m.end() if (m := _LIST_MARKER.match(text, start, end)) else start, end)
                  for start, end in groups]
    titles = ({str(i + 1): text[start:end] for i, (start, end) in enumerate(groups)}
              if groups else None)
    # numbered issues whose rationales are not numbered but open with each title ("1.
    # Chiropractic treatment 2 times a week for 3 weeks, lumbar spine" then "Chiropractic
    # treatment 2 times a week for 3 weeks, lumbar spine: The Chronic Pain ...")
    numbered_titles = ({n: _trimmed(text, start, end).quote for n, (start, end) in issues.items()}
                       if titles is None and len(issues) > 1 else None)
    sections: dict[str, dict[str, tuple[int, int]]] = {}
    in_order = sorted(issues, key=lambda n: issues[n])
    for rule in layout.parts:
        head = _find_heading(rule.marker, lines)
        if head is None:
            if rule.required:
                raise LetterParseError(source, f"no '{rule.label}' section")
            continue
        section_end = _section_end(text, layout, lines, head.end)
        # a block for each issue, each with its own sections ("ISSUE 1: ..." then the guidelines
        # and the rationale, "ISSUE 2: ..." then the same headings again): the k-th section is
        # the k-th issue's, up to the next issue's label
        # (the issues listed with labels, "ISSUE 1: ...", not numbers: in the list's order)
        blocks = _occurrences(rule.marker, lines)
        order = list(titles) if titles and len(in_order) < 2 else in_order
        if len(order) > 1 and len(blocks) == len(order) and blocks[1].start > section_end:
            sections[rule.name] = {
                n: _before_issue_label(text, block.end,
                                       _section_end(text, layout, lines, block.end))
                for n, block in zip(order, blocks, strict=True)}
            continue
        # the same section heading again at once, for the other items ("... IS/WAS NOT MEDICALLY
        # NECESSARY:" over the upheld items, "... IS/WAS MEDICALLY NECESSARY:" over the
        # overturned): one section, each entry ending where a heading starts
        repeated: list[Line] = []
        while (again := _find_heading(rule.marker, lines, section_end)) is not None and \
                again.start == section_end:
            repeated.append(again)
            section_end = _section_end(text, layout, lines, again.end)
        titled = _titled_entries(text, head.end, section_end, titles or numbered_titles) \
            if titles or numbered_titles else None
        if titled is not None and repeated:
            titled = {n: (a, min([b] + [h.start for h in repeated if a < h.start < b]))
                      for n, (a, b) in titled.items()}
        if titled is not None:
            sections[rule.name] = titled
        elif numbered_titles and rule.name != "rationale" and \
                not set(numbered_titles) <= set(_entries(text, head.end, section_end)):
            # one section, not numbered, for every numbered item: the guidelines relied upon
            # (a wrapped line may start "60. The ...")
            sections[rule.name] = dict.fromkeys(numbered_titles, (head.end, section_end))
        else:
            numbered = _entries(text, head.end, section_end)
            # (not numbered for each item: one section for every item, the guidelines relied
            # upon for all of them; a wrapped line may start "60. The ...")
            sections[rule.name] = numbered if not titles or set(titles) <= set(numbered) \
                else dict.fromkeys(titles, (head.end, section_end))
    if titles and "rationale" in sections and set(sections["rationale"]) == set(titles) \
            and sections["rationale"]["1"] != sections["rationale"].get("2"):
        issues = dict(zip(titles, groups, strict=True))
    items = []
    for index, (n, (start, end)) in enumerate(sorted(issues.items(), key=lambda kv: kv[1])):
        title = _trimmed(text, start, end)
        label = f"item {index + 1} ('{' '.join(title.quote.split())}')"
        line = _line_of(text, start)
        spans = {}
        for name, entries in sections.items():
            entry = entries.get(n) or (entries.get("1") if len(issues) == 1 else None)
            if entry is None:
                raise LetterParseError(source, f"{label}: its '{name}' entry numbered {n} is "
                                       "missing", line)
            spans[name] = _trimmed(text, *entry)
        rationale = spans.get("rationale")
        verdicts = list(_VERDICT_ANY.finditer(text, rationale.start, rationale.end)) \
            if rationale else []
        if not verdicts:
            raise LetterParseError(source, f"{label}: the rationale does not conclude whether "
                                   "the request is medically necessary", line)
        last = verdicts[-1]
        items.append(DisputedItem(
            index=index + 1, title=title, recorded_outcome=_verdict(last.group("verdict")),
            outcome_span=Span(start=last.start(), end=last.end(), quote=last.group()),
            reviewer_citation=spans.get("reviewer_citation"), rationale=rationale))
    return items


_TITLE_PREFIX = regex.compile(
    r"^(?:The\s+remaining\s+IMR\s+eligible\s+portion\s+of\s+the\s+original\s+request|"
    r"The\s+original\s+request)\s*,\s*", regex.IGNORECASE)
_TITLE_SUFFIX = regex.compile(r"\s+(?:is|are)\s*\Z", regex.IGNORECASE)


def _heading_text(text: str, layout: Layout, lower: int,
                  colon: int) -> tuple[Span | None, Span, Span | None]:
    """(preamble, title) of the heading that ends at `colon`: the title is the last sentence
    before the colon; sentences before it belong to the heading when they state the original
    request and what was already authorised."""
    cuts = [lower] + [m.end() for m in _SENTENCE_END.finditer(text, lower, colon)]
    title_start = cuts[-1]
    preamble_start = title_start
    preamble_rules = [_compiled(p) for p in layout.heading_preamble]
    for cut in reversed(cuts[:-1]):
        sentence = text[cut:preamble_start]
        if any(p.search(sentence) for p in preamble_rules):
            preamble_start = cut
        else:
            break
    title = _trimmed(text, title_start, colon)
    # (a list marker is not the title's: "+Chiropractic treatment 2 times a week ...: Upheld")
    if (m := _LIST_MARKER.match(title.quote)) and m.end() < len(title.quote):
        title = _trimmed(text, title.start + m.end(), title.end)
    if (m := _TITLE_PREFIX.match(title.quote)) and preamble_start < title_start:
        title = _trimmed(text, title.start + m.end(), title.end)
    # "<title> is: Upheld" (the verb is the heading's, not the title's)
    if m := _TITLE_SUFFIX.search(title.quote):
        title = _trimmed(text, title.start, title.start + m.start())
    preamble = _trimmed(text, preamble_start, title_start) if preamble_start < title_start \
        else None
    heading = _trimmed(text, preamble_start, colon)
    return preamble, title, (heading if heading != title else None)


# ---------------------------------------------------------------- reviewer

_LICENSURE = regex.compile(r"State\(s\) of Licensure\s*:\s*(?P<v>[^\n]+)", regex.IGNORECASE)
_SPECIALTY = regex.compile(r"Certification\(s\)/Specialty\s*:\s*(?P<v>[^\n]+)", regex.IGNORECASE)
_BOARD = regex.compile(
    r"reviewer\s+is\s+Board\s+Certified\s+in\s+(?P<spec>[^,]+?)"
    r"(?:,\s*has\s+a\s+subspecialty\s+in\s+(?P<sub>.+?))?\s+and\s+is\s+licensed\s+to\s+practice"
    r"\s+in\s+(?P<state>[A-Z][A-Za-z ]+?)\s*\.",
    regex.IGNORECASE | regex.DOTALL,
)


def _parse_reviewer(head: str) -> Reviewer:
    licensure: list[str] = []
    specialties: list[str] = []
    statement = None
    if m := _LICENSURE.search(head):
        licensure = [s.strip() for s in m.group("v").split(",") if s.strip()]
    if m := _SPECIALTY.search(head):
        specialties = [s.strip() for s in m.group("v").split(",") if s.strip()]
    if m := _BOARD.search(head):
        specialties = specialties or [" ".join(m.group("spec").split())]
        if m.group("sub"):
            specialties.append(" ".join(m.group("sub").split()))
        licensure = licensure or [" ".join(m.group("state").split())]
        statement = _trimmed(head, m.start(), m.end())
    return Reviewer(licensure=licensure, specialties=specialties, statement=statement)
