"""`guideline-engine diff OLD NEW`: what a rule change alters.

OLD and NEW are ruleset folders or git revisions of one (`HEAD~1:rulesets`). The corpus (letters
and pre-check cases) is extracted once and every item is decided under both rulesets in one
process (each registers with durable-rules under its own names). An item changed when, under
any guideline family, its outcome, approvable visits or findings (rule, kind, approvable visits)
differ. The rules responsible are the changed, added or removed rules that fired on the item
under either version.

`--explore N` then searches the fact vocabulary with hypothesis for the smallest fact sets on
which OLD and NEW decide differently, once per changed rule group, so that a change no corpus
item touches is still found.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .compare import relied_on
from .decide import decide
from .errors import GuidelineEngineError
from .expectations import load_cases
from .extract import extract_facts, treatments
from .ingest import iter_letter_paths
from .letters import read_letter
from .models import CaseFacts, Decision, Model
from .precheck import build_facts
from .regression import discover
from .rules import RuleBook, load_rulebook


class DiffError(GuidelineEngineError):
    pass


# ---------------------------------------------------------------- ruleset versions


def materialize(spec: str, workdir: Path) -> Path:
    """A folder holding the ruleset named by `spec`: a folder as is, or REV:PATH from git."""
    path = Path(spec)
    if path.is_dir():
        return path
    if ":" not in spec:
        raise DiffError(f"{spec}: not a folder, and not a git revision of one (REV:PATH, e.g. "
                        "HEAD~1:rulesets)")
    rev, sub = spec.split(":", 1)
    sub = sub.strip("/") or "."

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], check=True, capture_output=True,
                                  text=True).stdout
        except (OSError, subprocess.CalledProcessError) as exc:
            detail = getattr(exc, "stderr", "") or str(exc)
            raise DiffError(f"{spec}: git {' '.join(args[:2])} failed: {detail.strip()}") from exc

    names = [n for n in git("ls-tree", "-r", "--name-only", rev, "--", sub).splitlines() if n]
    if not names:
        raise DiffError(f"{spec}: no files at {sub} in revision {rev}")
    target = workdir / (rev.replace("/", "_").replace("~", "-").replace("^", "-") or "rev")
    for name in names:
        relative = Path(name).relative_to(sub) if sub != "." else Path(name)
        out = target / relative
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(git("show", f"{rev}:{name}"), encoding="utf-8")
    return target


# ---------------------------------------------------------------- corpus


@dataclass
class CorpusItem:
    label: str
    facts: CaseFacts
    prefer: list[str] = field(default_factory=list)
    force: str | None = None


def _letter_items(letter: Path | str) -> list[CorpusItem] | str:
    """One letter's items with their facts (extraction needs no rulebook), or its error."""
    try:
        text, determination = read_letter(letter)
    except GuidelineEngineError as exc:
        return str(exc)
    out = []
    for item in determination.items:
        label = f"{letter}#{item.index} {' '.join(item.title.quote.split())}"
        prefer = relied_on(item.reviewer_citation.quote if item.reviewer_citation else "",
                           item.rationale.quote)
        facts = extract_facts(text, determination, item)
        # a request for several treatments is compared treatment by treatment
        out += ([CorpusItem(label=f"{label} [{name}]", prefer=prefer,
                            facts=extract_facts(text, determination, item, treatment=name))
                 for name in several] if (several := treatments(facts))
                else [CorpusItem(label=label, facts=facts, prefer=prefer)])
    return out


def load_corpus(paths: Iterable[str | Path], jobs: int = 1
                ) -> tuple[list[CorpusItem], list[str]]:
    """Every letter item and pre-check case under the paths, extracted once (in `jobs` worker
    processes when more than one), in input order; and the errors."""
    paths = list(paths)
    items: list[CorpusItem] = []
    errors: list[str] = []
    letters = list(iter_letter_paths(paths))
    if jobs > 1 and len(letters) > 1:
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(min(jobs, len(letters))) as pool:
            results = list(pool.imap(_letter_items, letters, chunksize=4))
    else:
        results = [_letter_items(letter) for letter in letters]
    for result in results:
        if isinstance(result, str):
            errors.append(result)
        else:
            items.extend(result)
    _, case_files = discover(paths)
    for path in case_files:
        try:
            for case in load_cases(path).cases:
                items.append(CorpusItem(label=f"{path}::{case.name}",
                                        facts=build_facts(case.facts), force=case.guideline))
        except GuidelineEngineError as exc:
            errors.append(str(exc))
    return items, errors


# ---------------------------------------------------------------- comparing decisions


def signature(decision: Decision) -> dict[str, Any]:
    """What a change is judged on: per guideline family, the outcome, approvable visits and
    findings (rule, kind, approvable visits); and the governing family's."""
    families = {
        family: (d.outcome, d.approvable_visits,
                 tuple(sorted((f.rule, f.kind, f.approvable_visits) for f in d.findings)))
        for family, d in decision.by_guideline.items() if d.addresses
    }
    return {"governing": (decision.governing_guideline, decision.outcome,
                          decision.approvable_visits), "families": families}


def _fired(decision: Decision) -> set[str]:
    return {f.rule for d in decision.by_guideline.values() for f in d.findings}


class ItemChange(Model):
    item: str
    changes: list[str]
    old_outcome: str
    new_outcome: str
    old_approvable_visits: int | None
    new_approvable_visits: int | None
    findings_added: list[str]
    findings_removed: list[str]
    rules_responsible: list[str]


class RuleChanges(Model):
    modified: list[str]
    added: list[str]
    removed: list[str]


class Disagreement(Model):
    rules: list[str]
    facts: dict[str, Any]
    old: str
    new: str


class DiffReport(Model):
    old: str
    new: str
    rules: RuleChanges
    items_compared: int
    changed: list[ItemChange]
    summary: dict[str, int]
    explored: list[Disagreement] = []
    # changed rule groups for which the search found no disagreement within its budget
    explored_without_difference: list[str] = []
    errors: list[str] = []


def _definition(rule) -> dict:
    return rule.model_dump(mode="json", exclude={"path", "line"})


def rule_changes(old: RuleBook, new: RuleBook) -> RuleChanges:
    a = {r.id: _definition(r) for r in old.rules}
    b = {r.id: _definition(r) for r in new.rules}
    return RuleChanges(modified=sorted(i for i in a.keys() & b.keys() if a[i] != b[i]),
                       added=sorted(b.keys() - a.keys()), removed=sorted(a.keys() - b.keys()))


def _describe(decision: Decision) -> str:
    """The outcome and the reasons: two decisions with one outcome can differ in why."""
    text = f"{decision.governing_guideline or '-'} {decision.outcome}"
    if decision.approvable_visits is not None:
        text += f" (approvable {decision.approvable_visits})"
    kinds = sorted({f.kind for f in decision.findings if f.effect != "note"})
    return text + (f": {', '.join(kinds)}" if kinds else "")


def compare_item(label: str, old: Decision, new: Decision, touched: set[str]
                 ) -> ItemChange | None:
    sig_old, sig_new = signature(old), signature(new)
    if sig_old == sig_new:
        return None
    changes = []
    if old.outcome != new.outcome:
        changes.append("outcome")
    if old.approvable_visits != new.approvable_visits:
        changes.append("approvable_visits")
    fired_old, fired_new = _fired(old), _fired(new)
    if fired_old != fired_new or sig_old["families"] != sig_new["families"]:
        changes.append("findings")
    return ItemChange(
        item=label, changes=changes, old_outcome=old.outcome, new_outcome=new.outcome,
        old_approvable_visits=old.approvable_visits, new_approvable_visits=new.approvable_visits,
        findings_added=sorted(fired_new - fired_old),
        findings_removed=sorted(fired_old - fired_new),
        rules_responsible=sorted((fired_old | fired_new) & touched))


def diff(old_spec: str, new_spec: str, corpus: Iterable[str | Path], explore: int = 0,
         jobs: int = 1) -> DiffReport:
    with tempfile.TemporaryDirectory(prefix="guideline-engine-diff-") as tmp:
        work = Path(tmp)
        (work / "old").mkdir()
        (work / "new").mkdir()
        old = load_rulebook(materialize(old_spec, work / "old"))
        new = load_rulebook(materialize(new_spec, work / "new"))
    rules = rule_changes(old, new)
    touched = set(rules.modified) | set(rules.added) | set(rules.removed)
    items, errors = load_corpus(corpus, jobs)
    changed: list[ItemChange] = []
    for item in items:
        a = decide(item.facts, old, prefer=item.prefer, force=item.force)
        b = decide(item.facts, new, prefer=item.prefer, force=item.force)
        change = compare_item(item.label, a, b, touched)
        if change is not None:
            changed.append(change)
    summary = Counter(kind for change in changed for kind in change.changes)
    report = DiffReport(
        old=old_spec, new=new_spec, rules=rules, items_compared=len(items), changed=changed,
        summary={"items_changed": len(changed), "outcome": summary["outcome"],
                 "approvable_visits": summary["approvable_visits"],
                 "findings": summary["findings"], "rules_modified": len(rules.modified),
                 "rules_added": len(rules.added), "rules_removed": len(rules.removed)},
        errors=errors)
    if explore:
        report.explored, report.explored_without_difference = explore_differences(
            old, new, rules, explore)
    return report


# ---------------------------------------------------------------- differential search


def _groups(rules: RuleChanges, old: RuleBook, new: RuleBook) -> dict[str, list[str]]:
    """Changed rules grouped by what they were expanded from (a course, a trial, a rule)."""
    origin = {r.id: r.origin if r.origin != "rule" else r.id for r in [*old.rules, *new.rules]}
    groups: dict[str, list[str]] = {}
    for rule_id in [*rules.modified, *rules.added, *rules.removed]:
        groups.setdefault(origin[rule_id], []).append(rule_id)
    return groups


def explore_differences(old: RuleBook, new: RuleBook, rules: RuleChanges, budget: int
                        ) -> tuple[list[Disagreement], list[str]]:
    from hypothesis import HealthCheck, Phase, find, settings
    from hypothesis.errors import NoSuchExample, Unsatisfiable

    from .strategies import fact_sets_near

    def decisions(values: dict[str, Any]) -> tuple[Decision, Decision] | None:
        try:
            facts = build_facts(values)
        except GuidelineEngineError:
            return None
        return decide(facts, old), decide(facts, new)

    config = settings(max_examples=budget, database=None, derandomize=True, deadline=None,
                      phases=[Phase.generate, Phase.shrink],
                      suppress_health_check=list(HealthCheck))
    found: list[Disagreement] = []
    silent: list[str] = []
    seen: set[str] = set()
    targets = list(_groups(rules, old, new).items()) or [("(any rule)", [])]
    for name, group in targets:
        wanted = set(group)

        def differs(values: dict[str, Any], wanted: set[str] = wanted) -> bool:
            pair = decisions(values)
            if pair is None:
                return False
            a, b = pair
            if signature(a) == signature(b):
                return False
            return not wanted or bool((_fired(a) | _fired(b)) & wanted)

        near = [r for book in (old, new) for r in book.rules if r.id in wanted]
        try:
            example = find(fact_sets_near(near), differs, settings=config)
        except (NoSuchExample, Unsatisfiable):
            silent.append(name)
            continue
        key = repr(sorted(example.items()))
        if key in seen:
            continue
        seen.add(key)
        a, b = decisions(example)  # type: ignore[misc]
        found.append(Disagreement(
            rules=sorted((_fired(a) | _fired(b)) & wanted) if wanted else sorted(
                _fired(a) ^ _fired(b)),
            facts={k: (v.isoformat() if hasattr(v, "isoformat") else v)
                   for k, v in sorted(example.items())},
            old=_describe(a), new=_describe(b)))
    return found, silent


# ---------------------------------------------------------------- rendering


def to_table(report: DiffReport) -> str:
    out = [f"diff {report.old} -> {report.new}",
           f"rules: {len(report.rules.modified)} modified, {len(report.rules.added)} added, "
           f"{len(report.rules.removed)} removed"]
    for name, ids in (("modified", report.rules.modified), ("added", report.rules.added),
                      ("removed", report.rules.removed)):
        for rule_id in ids:
            out.append(f"  {name:<8} {rule_id}")
    out.append("")
    for change in report.changed:
        out.append(f"{change.item}")
        out.append(f"    {', '.join(change.changes)}: {change.old_outcome} "
                   f"({change.old_approvable_visits}) -> {change.new_outcome} "
                   f"({change.new_approvable_visits})")
        if change.findings_added:
            out.append(f"    + {', '.join(change.findings_added)}")
        if change.findings_removed:
            out.append(f"    - {', '.join(change.findings_removed)}")
        out.append(f"    rules responsible: {', '.join(change.rules_responsible) or '-'}")
    for d in report.explored:
        out.append(f"explored: {d.old} -> {d.new} on {d.facts}")
        out.append(f"    rules: {', '.join(d.rules)}")
    for name in report.explored_without_difference:
        out.append(f"explored: no disagreement found for {name} within the search budget")
    s = report.summary
    out.append("")
    out.append(f"{report.items_compared} items compared; {s['items_changed']} changed "
               f"(outcome {s['outcome']}, approvable visits {s['approvable_visits']}, findings "
               f"{s['findings']}); {len(report.explored)} disagreements found by exploring")
    for error in report.errors:
        out.append(f"error: {error}")
    return "\n".join(out) + "\n"
