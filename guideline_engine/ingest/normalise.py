"""Raw letter text -> one layout-independent text, with a map back to the raw offsets.

The same letter reaches us in several spellings of its layout: Windows line endings from PDF text
extraction, the seeds' blank line after every line, form feeds between pages, page furniture
("Page 2 of 4" lines), numbers and words broken across a line end ("11-21-" / "2016"), trailing
spaces. Every later stage reads `NormalText.clean`; every span it finds is turned back into raw
offsets with `raw_span`, so evidence quotes the letter's own characters and names its page.

The clean text is built only by deleting raw characters or replacing one raw character by one
clean character, so `offsets[i]` (the raw index of clean character i) is strictly increasing.
"""

from __future__ import annotations

import bisect
import html
from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import compress

import regex

# an IMR case number ("CM16-0230548", "CM13-0041276"): the header, the page footers and the
# 2013 notices' footer sign-off all name it
CASE_NUMBER = r"[A-Z]{2}\d{2}-\d{5,8}"
# the header's labels, as the DWC prints them and as a claims system re-types them ("Case #:",
# "Dt Assigned:", "DOI:", "Decision Dt:", "UR Date:", "App Rcvd:"): the header is no furniture
# here, and letters/layouts.py and letters/header.py read its fields by them
# (the letter's own case label; a footer's or a 2013 notice's table says "IMR Case Number")
OWN_CASE_LABEL = r"Case\s+(?:Number|No\.?|\#)"
HEADER_LABELS = {
    "case_number": rf"(?:IMR\s+)?{OWN_CASE_LABEL}",
    "date_assigned": r"(?:Date|Dt\.?)\s+Assigned",
    "injury_date": r"Date\s+of\s+Injury|DOI",
    "decision_date": r"Decision\s+(?:Date|Dt\.?)",
    "ur_date": r"UR\s+(?:Denial\s+)?(?:Date|Dt\.?)",
    "priority": r"Priority",
    "application_received": r"(?:Application|App\.?)\s+(?:Received|Rec'?v?d\.?|Rcv?d\.?)",
}

# a letter's running title: "IMR Final Determination", "Independent Medical Review Final
# Determination Letter", "Independent Medical Review - Final Determination"
# (not the professional review's own "FINAL DETERMINATION:" heading)
_TITLE = (r"(?:(?:Independent[ \t]+Medical[ \t]+Review|IMR)(?:[ \t]*[-\u2013][ \t]*|[ \t]+)"
          r"Final[ \t]+Determination(?:[ \t]+Letter)?|Final[ \t]+Determination[ \t]+Letter)")

# lines that are page furniture wherever they stand
# ("Page 2 of 4", "- 2 -", the DWC letters' footer "Final Determination Letter for IMR Case
# Number CM17-0001386 2", a bare "CM13-0068314 Page 2 of 3", the 2013 notices' "IMR Case Number
# CM13-0068214 Page 1 of 3", which the header reads from the raw text: FOOTER_CASE_NUMBER)
_FURNITURE = regex.compile(
    # ("IMR Final Determination   CM17-0029364   Page 3 of 3")
    rf"^[ \t]*(?:(?:IMR[ \t]+)?Final[ \t]+Determination[ \t]+)?"
    rf"(?:(?:(?:IMR[ \t]+)?Case[ \t]+Number[ \t]*:?[ \t]*)?(?:{CASE_NUMBER}[ \t]+)?"
    r"Page[ \t]+\d+(?:[ \t]+of[ \t]+\d+)?|-[ \t]*\d+[ \t]*-|"
    # (a right-aligned "2 of 2" alone on its line)
    r"\d{1,3}[ \t]+of[ \t]+\d{1,3}|"
    r"(?:Final[ \t]+)?Determination[ \t]+Letter[ \t]+for[ \t]+IMR[ \t]+Case[ \t]+Number[ \t]+"
    rf"{CASE_NUMBER}(?:[ \t]+\d{{1,3}})?|"
    # a footer of the case number alone ("CM16-0219463" under the last rationale)
    rf"{CASE_NUMBER}|"
    # a confidentiality line ("CONFIDENTIAL - Contains protected health information")
    # ("Confidential Health Information - Do Not Disclose Without Authorization Page 3 of 3")
    r"CONFIDENTIAL\b:?(?:[ \t]+[A-Za-z-][A-Za-z -]{0,90}?)?"
    r"(?:[ \t]+Page[ \t]+\d+(?:[ \t]+of[ \t]+\d+)?)?|"
    # the same pieces in any order, with separators ("CM16-0240961 - IMR Final Determination -
    # Page 2 of 2", "Page 2 of 2 | CM17-0013905", "CM17-0005202 \u2014 Page 3 of 3"), naming the
    # page or the case
    # (not the header's own "Case Number: CM17-0013905")
    rf"(?=.*?(?:Page[ \t]+\d|{_TITLE}[^\n]*{CASE_NUMBER}|{CASE_NUMBER}[^\n]*{_TITLE}))"
    rf"(?:(?:Page[ \t]+\d+(?:[ \t]+of[ \t]+\d+)?|"
    rf"{CASE_NUMBER}|(?:IMR[ \t]+)?Case[ \t]+Number|{_TITLE})[ \t]*[-\u2013\u2014|:,\u00b7\u2022]?"
    r"[ \t]*)+)"
    r"[ \t]*$", regex.IGNORECASE)
# a running title on every page ("Independent Medical Review - Final Determination"): furniture
# beside another furniture line
_TITLE_LINE = regex.compile(rf"^[ \t]*(?:{_TITLE})[ \t]*$", regex.IGNORECASE)
# the case number a page footer names (dropped from the normalised text as furniture)
# (the running header alone too: "Final Determination Letter for IMR Case Number CM16-0238710")
FOOTER_CASE_NUMBER = regex.compile(
    rf"^[ \t]*(?:(?:Final[ \t]+)?Determination[ \t]+Letter[ \t]+for[ \t]+IMR[ \t]+Case[ \t]+"
    rf"Number[ \t]*:?[ \t]*(?P<v>{CASE_NUMBER})|IMR[ \t]+Case[ \t]+"
    rf"Number[ \t]*:?[ \t]*(?P<v>{CASE_NUMBER})(?=[ \t]+(?:Page|\d))|"
    # a bare case number before the page number ("CM13-0038847 Page 1 of 3")
    rf"(?P<v>{CASE_NUMBER})(?=[ \t]+Page[ \t]+\d))"
    r"(?:[ \t]+Page[ \t]+\d+(?:[ \t]+of[ \t]+\d+)?|[ \t]+\d{1,3})?[ \t]*\r?$",
    regex.IGNORECASE | regex.MULTILINE)
# a page header naming the case ("Case Number: CM17-0003914"), furniture beside another furniture
# line ("Page 1 of 3" above it); the letter's own first line is its header's
_CASE_LINE = regex.compile(
    rf"^[ \t]*(?:{HEADER_LABELS['case_number']})[ \t]*:?[ \t]*{CASE_NUMBER}[ \t]*$",
    regex.IGNORECASE)
_DIGITS = regex.compile(r"\d+")
# (the header's own "Case Number: CM..." line is no running line)
_CASE_LABEL_AT = regex.compile(rf"^[ \t]*{OWN_CASE_LABEL}\s*:", regex.IGNORECASE)
_BARE_CASE = regex.compile(rf"^[ \t]*{CASE_NUMBER}[ \t]*\r?$")
# a line naming the case: the same on every page and beside other furniture, a running header
# or footer ("MAXIMUS Federal Services | California Independent Medical Review | CM16-0246031"
# above "Page 1")
_NAMES_CASE = regex.compile(rf"\b{CASE_NUMBER}\b")
_CASE_LABEL = regex.compile(rf"^[ \t]*(?:{HEADER_LABELS['case_number']})[ \t]*:?[ \t]*\r?$",
                            regex.IGNORECASE)
_HEADER_NEXT = regex.compile(rf"^[ \t]*(?:{HEADER_LABELS['date_assigned']})\b", regex.IGNORECASE)
# a running footer or header with the page's number ("Reviewer ID: 4091-7723    Page 2 of 3",
# a fax machine's "FROM: MAXIMUS FEDERAL SERVICES  FAX NO. (916) 555-0187  PAGE 2/4"):
# the same text before "Page N" on two pages or more
_PAGE_TAIL = regex.compile(r"^[ \t]*(?P<running>\S.*?)[ \t]*[-|,:\u2013\u2014\u00b7]?[ \t]*"
                           r"Page[ \t]+\d+(?:[ \t]+of[ \t]+\d+|[ \t]*/[ \t]*\d+)?[ \t]*$",
                           regex.IGNORECASE)
# a page number on a line of the text, where a copy from a PDF viewer joins the footer to the next
# page's first line or a heading to its page's ("Page 2 of 3 MRI of the lumbar spine: Upheld",
# "IMR ISSUES, DECISIONS AND RATIONALES Page 2 of 4"): the "N of M" form only
_PAGE_AHEAD = regex.compile(r"^[ \t]*Page[ \t]+\d{1,3}[ \t]+of[ \t]+\d{1,3}[ \t]+(?=\S)",
                            regex.IGNORECASE)
# (after a heading in capitals only: "See the note on Page 2 of 2" is the letter's)
_PAGE_BEHIND = regex.compile(r"(?<=^[ \t]*[A-Z][A-Z0-9 ,&()/'-]{7,}[A-Z)])[ \t]+Page[ \t]+"
                             r"\d{1,3}[ \t]+of[ \t]+\d{1,3}[ \t]*$")
# the lines a running header may take at a page's top, and a heading carried over to a page
_TOP_LINES = 4
_LINES_PER_PAGE = 15   # fewer lines than this to a page: the "page breaks" are something else
_CONTINUED = regex.compile(r"^[ \t]*[A-Z][A-Z ,&/'-]{6,}[ \t]*\((?:continued|cont'?d\.?)\)[ \t]*"
                           r"\r?$", regex.IGNORECASE)
# blank lines between the halves of a sentence (a letter or a comma before, a lower-case word
# after)
_ACROSS_PAGES = regex.compile(r"(?<=[A-Za-z,])\n(?:[ \t\f]*\n)+[ \t\f]*(?=[a-z])")
# a bare page number, page furniture where a page begins ("2" alone on the first line of page 2)
_PAGE_NUMBER = regex.compile(r"^[ \t]*\d{1,3}[ \t]*$")
# a number broken at a line end inside a date or a range: "11-21-" + newline + "2016"
_BROKEN_NUMBER = regex.compile(r"(?<=\d[-/])[ \t]*\n[ \t]*(?=\d)")
# a soft hyphen at a line end (PDFium writes U+FFFE for it): the word goes on after the break
_SOFT_HYPHEN = regex.compile(r"[\ufffe\xad][ \t]*\n?[ \t]*")
# a word broken at a line end: "Uti-" + newline + "lization" (a lower-case letter follows)
_BROKEN_WORD = regex.compile(r"(?<=[A-Za-z]{2})-[ \t]*\n[ \t]*(?=[a-z]{2})")


def _word_counts(text: str) -> Counter[str]:
    """How often each word (hyphenated compounds whole) stands in the text, words broken at
    a line end counted joined."""
    return Counter(w.casefold() for w in _WORD.findall(_BROKEN_WORD.sub("", text)))


def _compound(text: str, match: regex.Match, words: Counter[str]) -> bool:
    """Whether a word broken at a hyphen at a line end is a hyphenated compound: the letter
    writes it so elsewhere, or writes both halves as words of their own and never the two
    joined ("sprain-strain", "non-certified", "follow-up"; not "Uti-lization")."""
    before = _WORD_END.search(text, 0, match.start()).group().casefold()
    after = _WORD_START.match(text, match.end()).group().casefold()
    if words[f"{before}-{after}"]:
        return True
    if words[before + after] > 1:
        return False
    return words[before] > 0 and words[after] > 0


_WORD = regex.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_WORD_END = regex.compile(r"[A-Za-z]+$")
_WORD_START = regex.compile(r"[a-z]+")


@dataclass(frozen=True)
class NormalText:
    raw: str
    clean: str
    offsets: tuple[int, ...]   # clean index -> raw index
    page_starts: tuple[int, ...] = (0,)   # raw offsets where pages start

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw [start, end) covering clean [start, end) (end > start)."""
        if end <= start:
            return self.raw_pos(start), self.raw_pos(start)
        return self.offsets[start], self.offsets[end - 1] + 1

    def raw_pos(self, clean_pos: int) -> int:
        if clean_pos >= len(self.offsets):
            return len(self.raw)
        return self.offsets[clean_pos]

    def clean_pos(self, raw_pos: int) -> int:
        """The first clean index whose raw index is >= raw_pos."""
        return bisect.bisect_left(self.offsets, raw_pos)

    def piece(self, start: int, end: int) -> NormalText:
        """clean[start:end] as a text of its own whose offsets still index the whole raw text
        (one letter of a file that holds several)."""
        return NormalText(raw=self.raw, clean=self.clean[start:end],
                          offsets=self.offsets[start:end], page_starts=self.page_starts)

    def page_of(self, raw_pos: int) -> int:
        """1-based page number of a raw offset."""
        return bisect.bisect_right(self.page_starts, raw_pos)


def _is_doubled(lines: list[str]) -> bool:
    """The seeds' extraction: (nearly) every text line is followed by one blank line."""
    text_lines = [i for i, line in enumerate(lines[:-1]) if line.strip()]
    if len(text_lines) < 4:
        return False
    followed = sum(1 for i in text_lines if not lines[i + 1].strip())
    return followed >= 0.9 * len(text_lines)


_LINE_BREAKS = str.maketrans({"\r": "\n", "\f": "\n", "\v": "\n", "\x85": "\n",
                              "\u2028": "\n", "\u2029": "\n", "\t": " ", "\xa0": " "})


def normalise(raw: str, page_starts: tuple[int, ...] | list[int] = (0,)) -> NormalText:
    # 1. one character per raw character, line endings unified: \r\n -> (drop \r) \n, lone \r
    #    and form feed -> \n.  keep[i] says whether raw[i] survives; chars[i] is its clean form.
    #    (bytearray flags and itertools.compress keep every per-character step in C)
    n = len(raw)
    chars = raw.translate(_LINE_BREAKS)
    keep = bytearray(b"\x01") * n
    if "&" in raw or "<" in raw:
        chars = _html_residue(raw, chars, keep)
    _line_prefixes(raw, keep)
    start = raw.find("\r\n")
    while start != -1:
        keep[start] = 0
        start = raw.find("\r\n", start + 2)
    _line_rules(keep, chars, _page_breaks(raw, page_starts))
    clean = "".join(compress(chars, keep))
    offsets = tuple(compress(range(n), keep))
    if _LIGATURE.search(clean):
        clean, offsets = _unligate(clean, offsets)
    clean = repair_scanned_digits(clean)
    return NormalText(raw=raw, clean=clean, offsets=offsets,
                      page_starts=tuple(page_starts) or (0,))


# 1b. what a copy out of a web page leaves in the text: character entities ("2&nbsp;times",
#     "neck &amp; upper back", "worker&#8217;s") are the character they name, kept at the
#     entity's first raw offset; tags ("<br>", "<p>", "</p>") are nothing, or a line break where
#     a block tag parts two lines' words
_HTML_RESIDUE = regex.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|"
    r"</?(?:br|p|div|span|b|i|u|em|strong|font|td|tr|li|ul|ol|table|tbody|h[1-6])\b[^<>\n]{0,200}>",
    regex.IGNORECASE)
_BLOCK_TAG = regex.compile(r"</?(?:br|p|div|td|tr|li|ul|ol|table|tbody|h[1-6])\b", regex.IGNORECASE)


def _html_residue(raw: str, chars: str, keep: bytearray) -> str:
    found = list(_HTML_RESIDUE.finditer(raw))
    if not found:
        return chars
    out = list(chars)
    broken = -1   # where the last block tag that broke a line ended
    for m in found:
        start, end = m.span()
        if m.group().startswith("&"):
            named = html.unescape(m.group())
            if len(named) != 1 or named == m.group():
                continue   # not an entity html knows: left as written
            out[start] = named.translate(_LINE_BREAKS)
            start += 1
        elif _BLOCK_TAG.match(m.group()) and start > 0 and raw[start - 1] not in "\r\n" and \
                end < len(raw) and raw[end] not in "\r\n" and start != broken:
            out[start] = "\n"
            start += 1
            broken = end
        elif _BLOCK_TAG.match(m.group()) and start == broken:
            broken = end   # "</p><p>": one break
        keep[start:end] = bytes(end - start)
    return "".join(out)


# 1c. what every line of the letter starts with and the letter does not say: a mail client's
#     quotation marks ("> ", ">> "), pleading paper's line numbers ("1 | ", " 2   ", 1 to 28 on
#     each page); dropped where most lines carry them (and, for line numbers, where they count
#     up line by line)
_QUOTED = regex.compile(r"^(?:[ \t]*>)+[ \t]?", regex.MULTILINE)
_LINE_NUMBER = regex.compile(r"^[ \t]*(?P<n>[1-9]\d?)(?:[ \t]*\|[ \t]?|[ \t]+|[ \t]*$)",
                             regex.MULTILINE)


def _line_prefixes(raw: str, keep: bytearray) -> None:
    lines = sum(1 for line in raw.splitlines() if line.strip())
    if lines < 10:
        return
    quoted = list(_QUOTED.finditer(raw))
    if len(quoted) >= 0.6 * lines:
        for m in quoted:
            keep[m.start():m.end()] = bytes(m.end() - m.start())
        return
    numbered = list(_LINE_NUMBER.finditer(raw))
    if len(numbered) < 0.6 * lines:
        return
    counting = sum(1 for a, b in zip(numbered, numbered[1:], strict=False)
                   if int(b.group("n")) == int(a.group("n")) + 1)
    if counting >= 0.5 * len(numbered):
        for m in numbered:
            keep[m.start():m.end()] = bytes(m.end() - m.start())


# 2. typographic ligatures a PDF's text layer keeps ("ﬁled", "ﬂare-up", "modiﬁed") are their
#    letters; each letter maps back to the ligature's raw offset, so evidence still quotes the
#    raw text exactly
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
              "\ufb05": "st", "\ufb06": "st"}
_LIGATURE = regex.compile("[" + "".join(_LIGATURES) + "]")


def _unligate(clean: str, offsets: tuple[int, ...]) -> tuple[str, tuple[int, ...]]:
    pieces: list[str] = []
    mapped: list[int] = []
    pos = 0
    for m in _LIGATURE.finditer(clean):
        pieces.append(clean[pos:m.start()])
        mapped.extend(offsets[pos:m.start()])
        letters = _LIGATURES[m.group()]
        pieces.append(letters)
        mapped.extend([offsets[m.start()]] * len(letters))
        pos = m.end()
    pieces.append(clean[pos:])
    mapped.extend(offsets[pos:])
    return "".join(pieces), tuple(mapped)


# 3. a scan's letters for digits inside a number ("l2 sessions", "12/2l/2016", "O4/O9/2015",
#    "9-1O"): a token of digits, the letters l, I and O, and the separators of dates and ranges,
#    with at least one real digit, is the number it stands for (one clean character for one raw
#    one; a word, "I", "lO" or "Oswestry", is no number)
_OCR_NUMBER = regex.compile(r"(?<![A-Za-z0-9])[0-9lIO](?:[0-9lIO]|[/-](?=[0-9lIO])|\.(?=[0-9]))*"
                            r"(?![A-Za-z0-9])")
_OCR_LETTERS = regex.compile(r"[lIO]")
_OCR_DIGIT = str.maketrans("lIO", "110")


def repair_scanned_digits(clean: str) -> str:
    pieces: list[str] = []
    pos = 0
    for m in _OCR_NUMBER.finditer(clean):
        token = m.group()
        if token.isdigit() or not _OCR_LETTERS.search(token) or \
                not any(c.isdigit() for c in token):
            continue
        pieces += [clean[pos:m.start()], token.translate(_OCR_DIGIT)]
        pos = m.end()
    if not pieces:
        return clean
    pieces.append(clean[pos:])
    return "".join(pieces)


def _current(keep: bytearray, chars: str) -> tuple[str, list[int]]:
    return "".join(compress(chars, keep)), list(compress(range(len(chars)), keep))


def _page_breaks(raw: str, page_starts: tuple[int, ...] | list[int]) -> set[int]:
    """Raw offsets where a page begins: the PDF's page starts, after a form feed, and after a
    bare line feed in a text whose lines end in CR LF (the published letters' text keeps the
    page's end as a lone LF)."""
    breaks = set(page_starts) - {0}
    breaks.update(m.end() for m in regex.finditer(r"\f", raw))
    if "\r\n" in raw:
        breaks.update(m.end() for m in regex.finditer(r"(?<!\r)\n", raw))
    return breaks


# the lines a header's labels stacked above their values take (seven labels, seven values)
_STACKED_HEADER_LINES = 14


def _line_rules(keep: bytearray, chars: str, page_breaks: AbstractSet[int] = frozenset()) -> None:
    text, idx = _current(keep, chars)
    # lines with their clean start offsets
    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1

    def drop(cstart: int, cend: int) -> None:
        for c in range(cstart, cend):
            keep[idx[c]] = 0

    def beside(i: int) -> tuple[int, ...]:
        """The lines next to line i, blank lines between aside (the seeds' doubled breaks)."""
        before = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
        after = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
        return tuple(j for j in (before, after) if j is not None)

    def header_next(i: int) -> bool:
        """The next line with words is the header's "Date Assigned:" (line i is the letter's
        own "Case Number:" line)."""
        after = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
        return after is not None and bool(_HEADER_NEXT.match(lines[after]))

    # trailing spaces and furniture lines (a bare page number is furniture where a page
    # begins, or beside another furniture line: "2" above "Final Determination Letter for IMR
    # Case Number ...")
    furniture = [bool(_FURNITURE.match(line)) for line in lines]
    # (not the header's case number stacked under its label: "Case Number:\nDate Assigned:\n...
    # \nCM17-0011873\n01/31/2017"), the values in another order than the labels ("...\nPriority:
    # \nApplication Received:\nStandard\n12/28/2016\n...\nCM16-0245310")
    furniture = [f and not (_BARE_CASE.match(line) and any(
        _CASE_LABEL.match(lines[j]) for j in range(max(0, i - _STACKED_HEADER_LINES), i)))
        for i, (f, line) in enumerate(zip(furniture, lines, strict=True))]
    # (not the header's own line, above its "Date Assigned:": a running header may stand
    # above it on the first page)
    # (or where a page begins: "... set forth below:<form feed>Case Number: CM16-0238815")
    furniture = [f or bool((_CASE_LINE.match(line) or _TITLE_LINE.match(line)) and (any(
        furniture[j] for j in beside(i)) or (
        i > 0 and starts[i] < len(idx) and idx[starts[i]] in page_breaks))
        and not header_next(i))
        for i, (f, line) in enumerate(zip(furniture, lines, strict=True))]
    running = Counter(line.strip() for line in lines
                      if len(line) <= 160 and _NAMES_CASE.search(line))
    furniture = [f or bool(running[line.strip()] >= 2 and any(
        furniture[j] for j in beside(i))
        and not header_next(i))
        for i, (f, line) in enumerate(zip(furniture, lines, strict=True))]
    footers = Counter(m.group("running") for line in lines
                      if len(line) <= 160 and (m := _PAGE_TAIL.match(line)))
    furniture = [f or bool((m := _PAGE_TAIL.match(line)) and footers[m.group("running")] >= 2)
                 for f, line in zip(furniture, lines, strict=True)]

    def page_begins(i: int) -> bool:
        """Whether line i begins a page, blank lines after the page break aside (the letter's
        first line begins its first page: "1" above "Case Number:")."""
        while i > 0:
            if starts[i] < len(idx) and idx[starts[i]] in page_breaks:
                return True
            if lines[i - 1].strip():
                return False
            i -= 1
        return True

    def page_ends(i: int) -> bool:
        """Whether line i is the last line with words before a page break or the text's end."""
        after = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
        return after is None or page_begins(after)

    # a running line naming the case, alike on two pages or more but for its numbers, where a
    # page ends or begins ("CM16-0239712 - 2 - FINAL DETERMINATION", "Confidential -
    # CM16-0244019"), the last page's too
    masks = [_DIGITS.sub("#", line.strip()) if len(line) <= 160 and _NAMES_CASE.search(line)
             else None for line in lines]
    masked = Counter(mask for mask in masks if mask is not None)
    furniture = [f or bool(mask is not None and masked[mask] >= 2
                           and (page_begins(i) or page_ends(i)) and not header_next(i)
                           and not _CASE_LABEL_AT.match(line))
                 for i, (f, line, mask) in enumerate(zip(furniture, lines, masks, strict=True))]

    # a running header: the same short lines at the top of two pages or more ("MAXIMUS Federal
    # Services" / "Independent Medical Review Final Determination" / "IMR ISSUES, DECISIONS AND
    # RATIONALES (continued)" after each page break), the page's first lines only
    begins = [i for i in range(1, len(lines))
              if starts[i] < len(idx) and idx[starts[i]] in page_breaks]
    tops = []
    for i, following in zip(begins, [*begins[1:], len(lines)], strict=False):
        j, group = i, []
        while j < following and len(group) < _TOP_LINES and lines[j].strip() and \
                len(lines[j]) <= 100:
            group.append(j)
            j += 1
        tops.append(group)
    if len(tops) * _LINES_PER_PAGE > len(lines):
        tops = []   # (breaks too close to be pages: a CR LF text with lone line feeds inside)
    # (on how many pages' tops each line stands: two pages' tops do not overlap, and a line
    # repeated within one page's top counts once)
    on_top = Counter(text for group in tops for text in {lines[j].strip() for j in group})
    for group in tops:
        for j in group:
            # (not a line of the letter's own that pages happen to begin with alike: "MAXIMUS
            # guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016," has a label)
            repeated = on_top[lines[j].strip()] >= 2 and ":" not in lines[j]
            if not (furniture[j] or repeated or _CONTINUED.search(lines[j])):
                break
            furniture[j] = True

    for i, (line, start) in enumerate(zip(lines, starts, strict=False)):
        stripped = line.rstrip(" ")
        if len(stripped) < len(line):
            drop(start + len(stripped), start + len(line))
        end = start + len(line)
        if furniture[i] or (_PAGE_NUMBER.match(line) and (
                page_begins(i)
                # where a page ends: the last line before a page break ("2 times a week\r\n1\n
                # for 4 weeks") or of the letter
                # (or before the form feed that begins the next page: "   1\n\fPhysical ...")
                or (end < len(idx) and (idx[end] + 1 in page_breaks or (
                    chars[idx[end] + 1:idx[end] + 2] == "\n" and idx[end] + 2 in page_breaks)))
                or not text[end:].strip()
                or any(furniture[j] for j in beside(i)))):
            drop(start, end + (1 if end < len(text) else 0))
        else:
            for m in (_PAGE_AHEAD.match(line), _PAGE_BEHIND.search(line)):
                if m is not None:
                    drop(start + m.start(), start + m.end())
    # the seeds' doubled line breaks: every run of k newlines keeps k // 2 (at least one)
    if _is_doubled(lines):
        for match in regex.finditer(r"\n(?:[ ]*\n)+", text):
            run = [match.start() + j for j, ch in enumerate(match.group()) if ch == "\n"]
            keep_n = max(1, len(run) // 2)
            for c in run[keep_n:]:
                keep[idx[c]] = 0
            # spaces between the dropped newlines go too
            for c in range(match.start(), match.end()):
                if text[c] == " ":
                    keep[idx[c]] = 0
    # words and numbers broken at a line end
    text, idx = _current(keep, chars)
    for pattern in (_SOFT_HYPHEN, _BROKEN_NUMBER, _BROKEN_WORD):
        matched = False
        words: Counter[str] | None = None   # counted at the first broken word, if any
        for match in pattern.finditer(text):
            matched = True
            # a compound broken at its hyphen ("sprain-" + newline + "strain") keeps the hyphen
            keep_hyphen = False
            if pattern is _BROKEN_WORD:
                words = _word_counts(text) if words is None else words
                keep_hyphen = _compound(text, match, words)
            drop(match.start() + int(keep_hyphen), match.end())
        if matched:
            text, idx = _current(keep, chars)
    # a sentence that goes on over a page break, the page's blank lines and its furniture
    # between ("1. Physical therapy 3 times a week for 4 weeks for the" / footer / "cervical
    # spine is not medically necessary"): one line break, as within the page
    for match in _ACROSS_PAGES.finditer(text):
        first, last = idx[match.start()], idx[match.end() - 1]
        if any(b in page_breaks for b in range(first, last + 2)):
            drop(match.start() + 1, match.end())
