"""Render an audit: a terminal table, one JSON document, or JSON lines (one item per line).
Output is deterministic: the same input gives the same bytes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .models import AuditReport, Decision, ItemReport, LetterError, LetterReport
from .precheck import CheckReport


def to_json(report: AuditReport) -> str:
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def jsonl_lines(result: list[LetterReport] | LetterError) -> str:
    """One file's audit as JSON lines: an item per line, or the file's error."""
    if isinstance(result, LetterError):
        return json.dumps({"source": result.source, "error": result.message},
                          ensure_ascii=False) + "\n"
    return "".join(
        json.dumps({"source": letter.source, **item.model_dump(mode="json")},
                   ensure_ascii=False, sort_keys=False) + "\n"
        for letter in result for item in letter.items)


def to_jsonl(report: AuditReport) -> str:
    return "".join([jsonl_lines(report.letters)] + [jsonl_lines(e) for e in report.errors])


CSV_COLUMNS = ["source", "index", "title", "recorded_outcome", "outcome", "approvable_visits",
               "governing_guideline", "verdict", "finding_kinds", "rules", "requested_visits",
               "prior_sessions", "functional_improvement", "disagreement", "audit_notes"]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    """A cell a spreadsheet will not run as a formula: text starting with = + - @ (or a tab or
    carriage return) gets a leading apostrophe (OWASP's advice for CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_header() -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(CSV_COLUMNS + ["error"])
    return buffer.getvalue()


def csv_rows(result: list[LetterReport] | LetterError) -> str:
    """One file's audit as CSV rows: a row per item, or a row with the file's error."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if isinstance(result, LetterError):
        writer.writerow(map(_cell, [result.source] + [""] * (len(CSV_COLUMNS) - 1)
                            + [result.message]))
        return buffer.getvalue()
    for letter in result:
        for item in letter.items:
            d = item.decision
            writer.writerow(map(_cell, [
                letter.source, item.index, item.title, item.recorded_outcome.value, d.outcome,
                "" if d.approvable_visits is None else d.approvable_visits,
                d.governing_guideline or "", item.verdict,
                " ".join(dict.fromkeys(f.kind for f in d.findings)),
                " ".join(f.rule for f in d.findings),
                item.facts.requested_visits.display(), item.facts.prior_sessions.display(),
                item.facts.functional_improvement.display(), item.disagreement or "",
                " | ".join(item.audit_notes), ""]))
    return buffer.getvalue()


def to_csv(report: AuditReport) -> str:
    """One row per item, for spreadsheets; letters that failed are rows with the error."""
    return "".join([csv_header(), csv_rows(report.letters)]
                   + [csv_rows(e) for e in report.errors])


# formats written file by file as the audit goes (constant memory): a header, then each file's
STREAMED = {"jsonl": (lambda: "", jsonl_lines), "csv": (csv_header, csv_rows)}


def _outcome(decision: Decision) -> str:
    text = decision.outcome
    if decision.approvable_visits is not None and decision.outcome == "upheld":
        text += f" (up to {decision.approvable_visits})"
    return text


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def item_lines(item: ItemReport) -> list[str]:
    lines = []
    if item.verdict == "out_of_scope":
        return [f"      ({item.disagreement})"]
    if not item.decision.findings and item.decision.governing_reason:
        lines.append(f"      ({item.decision.governing_reason})")
    for finding in item.decision.findings:
        mark = "" if finding.verified else " [unconfirmed figure]"
        lines.append(f"      - {finding.kind}: {finding.reason}{mark}")
        lines.append(f"        {finding.rule} · {finding.citation.text()}")
    if item.disagreement:
        lines.append(f"      ! {item.disagreement}")
    for note in item.decision.notes + item.audit_notes:
        lines.append(f"      note: {note}")
    for legal in item.decision.legal_notes:
        lines.append(f"      legal ({legal.kind}, payment, not medical necessity): {legal.reason}")
    return lines


def to_table(report: AuditReport) -> str:
    header = f"{'letter':<24} {'#':>2}  {'item':<44} {'recorded':<10} {'rules':<18} " \
             f"{'by':<5} verdict"
    out = [header, "-" * len(header)]
    for letter in report.letters:
        name = _cut(Path(letter.source).name, 24)
        for item in letter.items:
            out.append(
                f"{name:<24} {item.index:>2}  {_cut(item.title, 44):<44} "
                f"{item.recorded_outcome.value:<10} {_outcome(item.decision):<18} "
                f"{item.decision.governing_guideline or '-':<5} {item.verdict.upper()}")
            out += item_lines(item)
    s = report.summary
    out.append("")
    out.append(f"{s.letters} letters, {s.items} items: {s.agree} agree, {s.disagree} disagree, "
               f"{s.undetermined} undetermined, {s.out_of_scope} out of scope; {s.errors} errors")
    for error in report.errors:
        out.append(f"error: {error.message}")
    return "\n".join(out) + "\n"


RENDERERS = {"table": to_table, "json": to_json, "jsonl": to_jsonl, "csv": to_csv}


# ---------------------------------------------------------------- pre-check


def check_json(report: CheckReport) -> str:
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def check_table(report: CheckReport) -> str:
    verdict = {"upheld": "NOT medically necessary as requested (a denial would be upheld)",
               "overturned": "medically necessary (a denial would be overturned)",
               "undetermined": "undetermined: the rules need facts that are not given"}
    out = [f"Outcome: {verdict[report.outcome]}"]
    if report.approvable_visits is not None:
        out.append(f"Approvable visits: {report.approvable_visits}")
    out.append(f"Governing guideline: {report.governing_guideline or '-'}"
               + (f" ({report.governing_reason})" if report.governing_reason else ""))
    if report.as_of:
        out.append(f"Edition chosen for: {report.as_of.isoformat()}")
    out.append("")
    out.append("Findings:")
    for finding in report.findings:
        mark = "" if finding.verified else " [unconfirmed figure]"
        out.append(f"  - {finding.kind}: {finding.reason}{mark}")
        out.append(f"    {finding.rule} · {finding.citation.text()}")
    if not report.findings:
        out.append("  (none)")
    if report.notes:
        out.append("")
        out.append("Notes:")
        out += [f"  - {note}" for note in report.notes]
    if report.legal_notes:
        out.append("")
        out.append("Legal notes (they limit payment; they do not decide medical necessity):")
        for note in report.legal_notes:
            out.append(f"  - {note.kind}: {note.reason}")
            out.append(f"    {note.rule} · {note.citation.text()}")
    out.append("")
    out.append("By guideline:")
    for family, decision in report.by_guideline.items():
        line = f"  {family}: {decision.outcome}"
        if decision.approvable_visits is not None:
            line += f", approvable {decision.approvable_visits}"
        if decision.edition:
            line += f" [{decision.edition}]"
        if decision.note:
            line += f" ({decision.note})"
        out.append(line)
    if report.to_change_outcome:
        out.append("")
        out.append("To change the outcome:")
        for change in report.to_change_outcome:
            out.append(f"  - {change.description}")
    return "\n".join(out) + "\n"
