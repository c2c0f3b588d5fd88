"""AuditReport + the letters' texts -> Page, the data the report page shows.

Everything is ordered deterministically: rows disagreements first (then undetermined, agree,
out of scope), each group in the report's order; groups of a breakdown by size, then name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from enum import Enum
from typing import Any

from ..models import AuditReport, CaseFacts, Fact, Finding, ItemReport, LetterReport
from .page import (
    Breakdown,
    Choice,
    Confusion,
    EvidenceView,
    FactView,
    Filters,
    FindingView,
    GroupCount,
    GuidelineView,
    ItemView,
    LetterView,
    Page,
    Row,
)
from .texts import LetterFile, file_of

VERDICTS = ("disagree", "undetermined", "agree", "out_of_scope")
VERDICT_LABELS = {"agree": "agree", "disagree": "disagree", "undetermined": "undetermined",
                  "out_of_scope": "out of scope"}
ENGINE_COLUMNS = ("upheld", "overturned", "undetermined", "out of scope")
NO_GUIDELINE = "none"
NOT_STATED = "not stated"


def _text(value: Any) -> str:
    """A value as the JSON report spells it (enums by value, dates ISO)."""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# ---------------------------------------------------------------- one item


def _finding(finding: Finding) -> FindingView:
    return FindingView(
        rule=finding.rule, kind=finding.kind, effect=finding.effect, guideline=finding.guideline,
        reason=finding.reason, citation=finding.citation.text(),
        unconfirmed=not (finding.verified and finding.citation.verified),
        approvable=finding.approvable_visits)


def _facts(facts: CaseFacts, counted_as: dict[str, Fact] | None = None) -> list[FactView]:
    """The facts worth showing: known ones, and unknown ones with evidence or a reason other
    than "not stated"; where the decision counted one otherwise, how and why."""
    out = []
    counted_as = counted_as or {}
    for name, fact in facts:
        if not (fact.known or fact.evidence or (fact.note and fact.note != NOT_STATED)):
            continue
        notes = [fact.note, fact.resolution]
        if name in counted_as:
            counted = counted_as[name]
            notes.append(f"counted as {counted.display()} for the decision: {counted.note}")
        if fact.earliest or fact.latest:
            notes.append(f"the letter allows {_text(fact.earliest) if fact.earliest else '?'}"
                         f" to {_text(fact.latest) if fact.latest else '?'}")
        if fact.basis == "not_in_record":
            notes.append("not in the record (the letter never mentions it)")
        out.append(FactView(
            name=name, value=fact.display(), known=fact.known,
            note="; ".join(n for n in notes if n) or None,
            # the sentences kept around the evidence are not highlighted: the evidence is
            evidence=[EvidenceView(start=e.start, end=e.end, quote=e.quote, part=e.part,
                                   page=e.page) for e in fact.evidence if not e.context]))
    return out


def _edition(item: ItemReport) -> str:
    decision = item.decision
    governing = decision.by_guideline.get(decision.governing_guideline or "")
    return (governing.edition or "") if governing else ""


def _modality(item: ItemReport) -> str:
    fact = item.facts.modality
    return _text(fact.value) if fact.known else "unknown"


def item_view(item: ItemReport, row: int) -> ItemView:
    d = item.decision
    return ItemView(
        row=row, index=item.index, title=item.title, heading=item.heading,
        recorded=_text(item.recorded_outcome), verdict=item.verdict,
        disagreement=item.disagreement, outcome=d.outcome,
        medically_necessary=d.medically_necessary, approvable=d.approvable_visits,
        governing=d.governing_guideline, governing_reason=d.governing_reason,
        as_of=_text(d.as_of) if d.as_of else None,
        reviewer_guidelines=list(item.reviewer_guidelines),
        findings=[_finding(f) for f in d.findings],
        legal_notes=[_finding(f) for f in d.legal_notes],
        by_guideline=[GuidelineView(guideline=g.guideline, edition=g.edition,
                                    addresses=g.addresses, outcome=g.outcome,
                                    approvable=g.approvable_visits, note=g.note)
                      for g in d.by_guideline.values()],
        notes=list(d.notes), audit_notes=list(item.audit_notes),
        facts=_facts(item.facts, item.counted_as))


def _row(row: int, letter: int, position: int, source: str, item: ItemReport) -> Row:
    d = item.decision
    findings = d.findings + d.legal_notes
    return Row(
        id=row, letter=letter, item=position, source=source, index=item.index,
        title=item.title, recorded=_text(item.recorded_outcome), outcome=d.outcome,
        approvable=d.approvable_visits, guideline=d.governing_guideline or NO_GUIDELINE,
        edition=_edition(item), modality=_modality(item),
        kinds=list(dict.fromkeys(f.kind for f in findings)), verdict=item.verdict,
        unconfirmed=any(not (f.verified and f.citation.verified) for f in d.findings))


# ---------------------------------------------------------------- groups


_PUNCT = re.compile(r"[\s,.;:]+$")


# British spellings the letters use for the same specialty ("Orthopaedic Surgery")
_SPELLINGS = ((re.compile(r"\bOrthopaed", re.IGNORECASE), "Orthoped"),
              (re.compile(r"\bAnaesthes", re.IGNORECASE), "Anesthes"),
              (re.compile(r"\bPaediatr", re.IGNORECASE), "Pediatr"))


def specialty(names: list[str]) -> str | None:
    """The reviewer's first (board) specialty, spelled one way ("&" as "and", "Orthopaedic"
    as "Orthopedic")."""
    if not names:
        return None
    name = _PUNCT.sub("", " ".join(names[0].replace("&", " and ").split()))
    for british, american in _SPELLINGS:
        name = british.sub(american, name)
    return name or None


def _year(letter: LetterReport) -> str:
    date = letter.header.get("decision_date", "")
    return date[:4] if re.match(r"\d{4}-", date) else NOT_STATED


def _guideline_group(item: ItemReport) -> str:
    governing = item.decision.governing_guideline
    if not governing:
        return "no governing guideline"
    edition = _edition(item)
    return f"{governing} · {edition}" if edition else governing


def _breakdown(key: str, title: str, labelled: list[tuple[str, ItemReport]],
               note: str | None = None) -> Breakdown:
    groups: dict[str, GroupCount] = {}
    for label, item in labelled:
        group = groups.setdefault(label, GroupCount(group=label))
        group.items += 1
        setattr(group, item.verdict, getattr(group, item.verdict) + 1)
    ordered = sorted(groups.values(), key=lambda g: (-g.items, g.group))
    return Breakdown(key=key, title=title, note=note, groups=ordered)


def _confusion(items: list[ItemReport]) -> Confusion:
    rows = ["upheld", "overturned"]
    counts = [[0] * len(ENGINE_COLUMNS) for _ in rows]
    for item in items:
        column = "out of scope" if item.verdict == "out_of_scope" else item.decision.outcome
        counts[rows.index(_text(item.recorded_outcome))][ENGINE_COLUMNS.index(column)] += 1
    return Confusion(rows=rows, columns=list(ENGINE_COLUMNS), counts=counts)


def _choices(values: list[str], labels: dict[str, str] | None = None,
             order: tuple[str, ...] = ()) -> list[Choice]:
    counts = Counter(values)
    ranked = sorted(counts, key=lambda v: (order.index(v) if v in order else len(order), v))
    return [Choice(value=v, label=(labels or {}).get(v, v.replace("_", " ")), count=counts[v])
            for v in ranked]


def _guideline_choices(rows: list[Row]) -> list[Choice]:
    """Each governing guideline (all its editions), then each guideline and edition."""
    families = Counter(r.guideline for r in rows)
    editions = Counter((r.guideline, r.edition) for r in rows if r.edition)
    out = []
    for family in sorted(families, key=lambda f: (f == NO_GUIDELINE, f)):
        label = "no governing guideline" if family == NO_GUIDELINE else f"{family} (all)"
        out.append(Choice(value=family, label=label, count=families[family]))
        for (fam, edition), count in sorted(editions.items()):
            if fam == family:
                out.append(Choice(value=f"{fam}|{edition}", label=f"{fam} · {edition}",
                                  count=count))
    return out


# ---------------------------------------------------------------- the page


def _rows(letters: list[LetterReport]) -> list[Row]:
    """One row per item, disagreements first; within a verdict, the report's order."""
    positions = [(li, pos) for li, letter in enumerate(letters)
                 for pos in range(len(letter.items))]
    order = sorted(positions, key=lambda p: VERDICTS.index(letters[p[0]].items[p[1]].verdict))
    return [_row(row, li, pos, letters[li].source, letters[li].items[pos])
            for row, (li, pos) in enumerate(order)]


def _letter_views(letters: list[LetterReport], files: dict[str, LetterFile], rows: list[Row]
                  ) -> tuple[list[LetterView], list[str], list[str | None]]:
    """(each letter's view, the files' texts by text block, each letter's reviewer specialty)."""
    row_of = {(row.letter, row.item): row.id for row in rows}
    texts: list[str] = []
    text_block: dict[str, int] = {}
    views, specialties = [], []
    for li, letter in enumerate(letters):
        file, number = file_of(letter.source)
        lf = files.get(file) or LetterFile(status="unavailable", note="not read")
        if lf.status == "ok" and file not in text_block:
            text_block[file] = len(texts)
            texts.append(lf.text or "")
        names = lf.specialties.get(number, [])
        specialties.append(specialty(names) or (None if lf.status == "ok" else ""))
        views.append(LetterView(
            source=letter.source, layout=letter.layout, header=dict(letter.header),
            specialties=names, text_block=text_block.get(file) if lf.status == "ok" else None,
            text_status=lf.status, text_note=lf.note,
            items=[item_view(item, row_of[(li, pos)]) for pos, item in enumerate(letter.items)]))
    return views, texts, specialties


def _breakdowns(letters: list[LetterReport], specialties: list[str | None]
                ) -> tuple[list[Breakdown], list[str]]:
    """The agreement breakdowns, and a sentence for each one left out."""
    items = [item for letter in letters for item in letter.items]
    breakdowns = [
        _breakdown("modality", "Agreement by modality",
                   [(_modality(i).replace("_", " "), i) for i in items]),
        _breakdown("guideline", "Agreement by governing guideline and edition",
                   [(_guideline_group(i), i) for i in items]),
    ]
    missing = []
    if any(specialties):
        # None: the text was read and states none; "": the text was not read
        labels = [NOT_STATED if name is None else name or "unknown (letter text not read)"
                  for name in specialties]
        breakdowns.append(_breakdown(
            "specialty", "Agreement by reviewer specialty",
            [(label, item) for label, letter in zip(labels, letters, strict=True)
             for item in letter.items],
            note="The reviewer's first specialty as the letter states it (the audit report "
                 "does not carry it; it is read from the letter text)."))
    else:
        missing.append("Agreement by reviewer specialty: no letter text states the reviewer's "
                       "specialty (or no letter text could be read), and the audit report "
                       "does not carry it.")
    breakdowns.append(_breakdown(
        "year", "Agreement by decision year",
        [(_year(letter), item) for letter in letters for item in letter.items],
        note="The year of the decision date in the letter's header."))
    return breakdowns, missing


def build_page(report: AuditReport, files: dict[str, LetterFile]) -> Page:
    """The page of an audit; `files` are the letter files' texts (texts.read_letter_files)."""
    letters = report.letters
    rows = _rows(letters)
    views, texts, specialties = _letter_views(letters, files, rows)
    breakdowns, missing = _breakdowns(letters, specialties)
    items = [item for letter in letters for item in letter.items]
    s = report.summary
    return Page(
        title=f"IMR audit: {s.letters} letters, {s.items} items",
        summary=s.model_dump(), confusion=_confusion(items), breakdowns=breakdowns,
        missing_breakdowns=missing,
        filters=Filters(
            verdict=_choices([r.verdict for r in rows], VERDICT_LABELS, VERDICTS),
            modality=_choices([r.modality for r in rows]),
            guideline=_guideline_choices(rows),
            finding=_choices([k for r in rows for k in r.kinds])),
        rows=rows, letters=views, texts=texts,
        errors=[(e.source, e.message) for e in report.errors],
        texts_missing=sum(v.text_status != "ok" for v in views))
