"""The header block of a letter: labelled fields (case number, dates) read by the layout's
header rules, each with the span it was read from."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..ingest.normalise import CASE_NUMBER, FOOTER_CASE_NUMBER, HEADER_LABELS, NormalText
from ..models import HeaderField, Span
from ..textdates import parse_date
from .layouts import DATE_TEXT, HeaderRule


@lru_cache(maxsize=64)
def _pattern(source: str) -> regex.Pattern:
    return regex.compile(source, regex.IGNORECASE)


# a header's values: a date as the layouts read one, a case number or the priority
_PRIORITY_WORDS = r"Standard|Expedited|Urgent|Regular"
_HEADER_VALUE = rf"{DATE_TEXT}|{CASE_NUMBER}|{_PRIORITY_WORDS}"

# a header whose labels and values an extraction put in two columns, one under the other:
# "Date Assigned:\nDecision Date:\nUR Denial Date:\n04/28/2015\n05/27/2015\n04/07/2015"
_LABEL_LINE = regex.compile(r"^[ \t]*(?P<label>[A-Z][A-Za-z ./()#-]{1,40}:)[ \t]*\r?$",
                            regex.MULTILINE)
# (a header value: a date as the layouts read one, or a case number)
# (or the priority: "Case Number:\nDate Assigned:\nDecision Date:\nPriority:\nCM17-0011873\n
# 01/31/2017\n03/01/2017\nStandard")
_VALUE_LINE = regex.compile(rf"[ \t]*(?P<value>{_HEADER_VALUE})[ \t]*\r?(?:\n|$)")

# a row of labels over a row of values: "Case Number: Date Assigned: Date of Injury:\n
# CM16-0190457 10/03/2016 06/20/2016"
_LABEL_ROW = regex.compile(r"^[ \t]*(?:[A-Z][A-Za-z ./()#-]{1,40}?:[ \t]*){2,}\r?$",
                        regex.MULTILINE)
# (the case number's label may stand without its colon: "IMR Case Number Date Assigned: Date of
# Injury:\nCM16-0241376 12/19/2016 04/16/2012")
_ROW_LABEL = regex.compile(r"(?P<label>(?:IMR[ \t]+)?Case[ \t]+Number(?=[ \t]+[A-Z])|"
                           r"[A-Z][A-Za-z ./()#-]{1,40}?:)")
# (the priority too: "UR Denial Date: Priority:\n11/08/2016 Standard")
_ROW_VALUE = regex.compile(rf"[ \t]*(?P<value>{_HEADER_VALUE})(?=[ \t]|\r?\n|$)")
_LINE_END = regex.compile(r"[ \t]*(?:\r?\n|$)")
_BLANK_LINES = regex.compile(r"(?:[ \t]*\r?\n)*")

# the header's labels and values in reading order, for columns an extraction interleaved:
# "Date Assigned: \nDecision Date: \nPriority: Standard \n12/19/2016\n01/17/2017" (a label with
# its value on its line keeps it; those without wait for the values standing alone after them:
# `_queued`), a label broken over two lines too ("Application \nReceived:")
_HEADER_TOKEN = regex.compile(
    rf"(?P<label>{'|'.join(HEADER_LABELS.values())})[ \t]*:|"
    rf"(?P<value>{_HEADER_VALUE})(?![\w/-])", regex.IGNORECASE)
_SAME_LINE = regex.compile(r"[ \t]*")


def _stacked(text: str, end: int) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """The stacked labels and values of text[:end] joined again, one "label value" line each:
    (joined text, for each line the offset of its value there and in `text`, the stacked runs'
    spans in `text`)."""
    lines: list[str] = []
    shifts: list[tuple[int, int]] = []
    runs: list[tuple[int, int]] = []

    def pair(start: int, labels: list[regex.Match], values: list[regex.Match]) -> None:
        """Each label joined to its value, one line each; the run they came from."""
        runs.append((start, values[-1].end()))
        for label, value in zip(labels, values, strict=True):
            head = label.group("label").rstrip(":") + ": "
            joined_before = sum(len(line) + 1 for line in lines)
            shifts.append((joined_before + len(head), value.start("value")))
            lines.append(head + value.group("value"))

    position = 0
    while (first := _LABEL_LINE.search(text, position, end)) is not None:
        labels = [first]
        while (more := _LABEL_LINE.match(text, labels[-1].end() + 1, end)) is not None:
            labels.append(more)
        # (blank lines may part the labels from their values: "Date Assigned:\nDecision
        # Date:\nPriority:\n\n02/23/2015\n03/30/2015\nStandard")
        values, at = [], _BLANK_LINES.match(text, labels[-1].end() + 1, end).end()
        while len(values) < len(labels) and (value := _VALUE_LINE.match(text, at, end)):
            values.append(value)
            at = value.end()
        position = labels[-1].end() + 1
        if len(labels) < 2 or len(values) != len(labels) or not _fits(
                [label.group("label") for label in labels], [v.group("value") for v in values]):
            continue
        pair(first.start(), labels, values)
        position = values[-1].end()
    for row in _LABEL_ROW.finditer(text, 0, end):
        labels = list(_ROW_LABEL.finditer(row.group()))
        values, at = [], row.end() + 1
        while len(values) < len(labels) and (value := _ROW_VALUE.match(text, at, end)):
            values.append(value)
            at = value.end()
        if len(values) != len(labels) or not _LINE_END.match(text, at):
            continue
        pair(row.start(), labels, values)
    _queued(text, end, lines, shifts, runs)
    return "\n".join(lines), shifts, runs


_WORDY = regex.compile(r"\w")


def _block_end(text: str, end: int) -> int:
    """Where the header's lines of labels and values end: at the first line holding anything
    else (the text after it, a documents list with its dates, is no header)."""
    covered = bytearray(end)
    for token in _HEADER_TOKEN.finditer(text, 0, end):
        covered[token.start():token.end()] = b"\x01" * (token.end() - token.start())
    position = 0
    while position < end:
        stop = text.find("\n", position, end)
        stop = end if stop == -1 else stop + 1
        if any(not covered[i] and _WORDY.match(text[i]) for i in range(position, stop)):
            return position
        position = stop
    return end


def _queued(text: str, end: int, lines: list[str], shifts: list[tuple[int, int]],
            runs: list[tuple[int, int]]) -> None:
    """Labels with no value on their line, given the values that stand alone after them (the
    header's columns interleaved); added as "label value" lines, with the run they span. A run
    of n values goes to the last n labels waiting (a label left blank keeps nothing: "Date of
    Injury:" then "Application\nReceived:\n09/19/2014" gives the date to the last)."""
    done = list(runs)
    waiting: list[regex.Match] = []
    values: list[regex.Match] = []
    previous: regex.Match | None = None

    def give() -> None:
        n = min(len(values), len(waiting))
        labels, given = waiting[len(waiting) - n:], values[:n]
        pairs = list(zip(labels, given, strict=True))
        if not _fits([a.group("label") for a in labels], [b.group("value") for b in given]):
            # (the columns in another order, or a value missing: each label takes a value of
            # its kind)
            pairs = _by_kind(labels, given) or _by_kind(waiting, values) or pairs
        for label, value in pairs:
            head = " ".join(label.group("label").split()) + ": "
            joined_before = sum(len(line) + 1 for line in lines)
            shifts.append((joined_before + len(head), value.start("value")))
            lines.append(head + value.group("value"))
        if pairs:
            runs.append((min(a.start() for a, _ in pairs), max(b.end() for _, b in pairs)))
        waiting.clear()
        values.clear()

    for token in _HEADER_TOKEN.finditer(text, 0, _block_end(text, end)):
        if any(a <= token.start() < b for a, b in done):
            previous = None
            continue
        if token.group("label"):
            if values:
                give()
            waiting.append(token)
        elif previous is not None and previous.group("label") and \
                _SAME_LINE.fullmatch(text, previous.end(), token.start()):
            waiting.remove(previous)   # the label's own value, beside it
        else:
            values.append(token)
        previous = token
    give()


# the kind of value each label takes; the dates in the order the IMR process gives them (the
# injury, UR's denial, the application, its assignment, the decision)
_CASE_LABEL = regex.compile(HEADER_LABELS["case_number"], regex.IGNORECASE)
_PRIORITY_LABEL = regex.compile(HEADER_LABELS["priority"], regex.IGNORECASE)
_CASE_VALUE = regex.compile(CASE_NUMBER)
_PRIORITY_VALUE = regex.compile(_PRIORITY_WORDS, regex.IGNORECASE)
_DATE_ORDER = tuple(regex.compile(HEADER_LABELS[name], regex.IGNORECASE) for name in (
    "injury_date", "ur_date", "application_received", "date_assigned", "decision_date"))


def _bare(label: str) -> str:
    """A label's words, without its colon and spacing ("Application\nReceived:")."""
    return " ".join(label.strip().rstrip(":").split())


def _day(value: regex.Match):
    """The date a header value stands for (None if it is not one)."""
    return parse_date(_STRAY_SPACE.sub("", value.group("value")))


def _label_kind(label: str) -> str:
    return ("case" if _CASE_LABEL.fullmatch(_bare(label)) else
            "priority" if _PRIORITY_LABEL.fullmatch(_bare(label)) else "date")


def _value_kind(value: str) -> str:
    return ("case" if _CASE_VALUE.fullmatch(value) else
            "priority" if _PRIORITY_VALUE.fullmatch(value) else "date")


def _fits(labels: list[str], values: list[str]) -> bool:
    """Does each value have its label's kind (a case number, a priority, a date)?"""
    return all(_label_kind(a) == _value_kind(b) for a, b in zip(labels, values, strict=True))


def _chronology(label: str) -> int | None:
    return next((i for i, p in enumerate(_DATE_ORDER) if p.fullmatch(_bare(label))), None)


def _by_kind(labels: list[regex.Match], values: list[regex.Match]
             ) -> list[tuple[regex.Match, regex.Match]]:
    """Labels waiting for values that stand alone after them, paired by kind where pairing in
    order would give a label a value of another kind: the case number and the priority to their
    labels, the dates in the labels' order. Where an extraction read the header's columns in
    another order than its labels ("Case Number:" / "Date Assigned:" / "Decision Date:" /
    "Priority:" / "Date of Injury:" / ... then "CM16-0238816" / "11/29/2016" / "03/02/2016" / ...)
    the dates go in the order the IMR process gives them; where a value is left out ("Case
    Number:" ... "Priority:" ... then "Standard", the dates, "CM16-0245310"), the one label whose
    leaving out puts the others in that order. Empty when that is not one answer."""
    kinds = {k: [v for v in values if _value_kind(v.group("value")) == k]
             for k in ("case", "priority", "date")}
    wanted = {k: [a for a in labels if _label_kind(a.group("label")) == k]
              for k in ("case", "priority", "date")}
    if any(len(kinds[k]) > len(wanted[k]) or len(wanted[k]) > 1 + len(kinds[k])
           for k in kinds) or any(len(wanted[k]) > max(1, len(kinds[k]))
                                  for k in ("case", "priority")):
        return []
    pairs = [p for k in ("case", "priority") for p in zip(wanted[k], kinds[k], strict=False)]
    dates, named = kinds["date"], wanted["date"]
    known = None not in (_chronology(a.group("label")) for a in named) and \
        None not in map(_day, dates)
    if len(dates) == len(named):
        dated = list(zip(named, dates, strict=True))
        if not _in_order(dated) and known:
            dated = list(zip(sorted(named, key=lambda a: _chronology(a.group("label"))),
                             sorted(dates, key=_day), strict=True))
        return pairs + dated
    if not known:
        return []
    choices = [kept for gap in range(len(named))
               if _in_order(kept := list(zip(named[:gap] + named[gap + 1:], dates, strict=True)))]
    return pairs + choices[0] if len(choices) == 1 else []


def _in_order(pairs: list[tuple[regex.Match, regex.Match]]) -> bool:
    """Do the dates paired with the process's labels fall in its order?"""
    known = sorted((rank, day) for a, v in pairs
                   if (rank := _chronology(a.group("label"))) is not None
                   and (day := _day(v)) is not None)
    return all(x[1] <= y[1] for x, y in zip(known, known[1:], strict=False))


_STRAY_SPACE = regex.compile(r"[ \t]+(?=[/-])|(?<=[/-])[ \t]+|(?<=\d)[ \t](?=\d[/-])")


def read_header(text: str, end: int, rules: tuple[HeaderRule, ...]) -> dict[str, HeaderField]:
    """Fields found in text[:end] (in all the text for a rule marked `anywhere`); a field
    whose value cannot be read is left out. Labels stacked above their values are read as
    if each stood beside its value, and win over a reading that runs across them."""
    fields: dict[str, HeaderField] = {}
    joined, shifts, runs = _stacked(text, end)
    for rule in rules:
        match = _pattern(rule.pattern).search(text, 0, len(text) if rule.anywhere else end)
        where = text
        if joined and not rule.anywhere and (
                match is None or any(a <= match.start() < b for a, b in runs)) and \
                (paired := _pattern(rule.pattern).search(joined)) is not None:
            match, where = paired, joined
        if match is None:
            continue
        raw = match.group("v")
        value = (parse_date(_STRAY_SPACE.sub("", raw)) if rule.kind == "date"
                 else " ".join(raw.split()))
        if value is None:
            continue
        start, stop = match.span("v")
        if where is joined:
            # back to the value's place in the letter
            line_start, original = max((s for s in shifts if s[0] <= start),
                                       key=lambda s: s[0])
            start, stop = original + start - line_start, original + stop - line_start
        fields[rule.name] = HeaderField(value=value, span=Span(start=start, end=stop,
                                                               quote=text[start:stop]))
    return fields


def footer_case_number(text: NormalText) -> HeaderField | None:
    """The case number of the first page footer that names it ("IMR Case Number CM13-0068214
    Page 1 of 3"), quoted from the raw text: the normalised text drops footers as furniture."""
    match = FOOTER_CASE_NUMBER.search(text.raw)
    if match is None:
        return None
    start, end = match.span("v")
    return HeaderField(value=match.group("v"), span=Span(start=start, end=end,
                                                         quote=text.raw[start:end]), in_raw=True)
