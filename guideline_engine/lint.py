"""`guideline-engine lint [DIR]`: everything wrong with a ruleset folder, with file and line.

Errors: schema errors (unknown keys, facts not in the vocabulary, bad values, bad reason
placeholders, a rule without a citation...), duplicate rule ids, carry-forward problems, a rule
whose conditions can never hold, and two rules of the same guideline and edition whose conditions
can hold at once while one denies and the other approves.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from .errors import RulesetError
from .rules import (
    file_ruleset,
    oversized_files,
    resolve_carry_forward,
    too_many_rules_message,
)
from .rules.analysis import can_hold, can_hold_together
from .rules.expand import Rule, expand
from .rules.loader import LoadedFile, check_ruleset, ruleset_paths


@dataclass(frozen=True)
class LintMessage:
    path: str
    line: int | None
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: error: {self.message} [{self.code}]"


def lint(directory: str | Path) -> list[LintMessage]:
    messages: list[LintMessage] = []
    try:
        paths = ruleset_paths(directory)
    except RulesetError as exc:
        return [LintMessage(exc.path, exc.line, "folder", exc.message)]
    if not paths:
        return [LintMessage(str(directory), None, "folder", "no ruleset files (*.yaml)")]
    loaded: list[LoadedFile] = []
    for path in paths:
        file, problems = check_ruleset(path)
        for p in problems:
            code = "schema"
            if "unknown fact" in p.message or "placeholder" in p.message:
                code = "unknown-fact"
            elif "citation" in p.message and "missing" in p.message:
                code = "no-citation"
            messages.append(LintMessage(p.path, p.line, code, p.message))
        if file is not None:
            loaded.append(file)
    try:
        loaded = resolve_carry_forward(loaded)
    except RulesetError as exc:
        messages.append(LintMessage(exc.path, exc.line, "carry-forward", exc.message))
        loaded = [f for f in loaded if f.ruleset.carry_forward is None]

    rules: list[Rule] = []
    for file in loaded:
        rules += expand(file)
    # a file durable-rules cannot register is reported, and left out of the pairwise analysis
    oversized = oversized_files(rules)
    messages += [LintMessage(path, None, "engine-limit", too_many_rules_message(count))
                 for path, count in oversized.items()]
    rules = [rule for rule in rules if rule.path not in oversized]
    messages += _duplicates(rules)
    messages += _never_hold(rules)
    messages += _conflicts(rules)
    messages += _too_many_at_once(rules)
    messages += _engine_refusals(rules)
    return sorted(messages, key=lambda m: (m.path, m.line or 0, m.code, m.message))


# durable-rules walks the rules that match one message with a 64-deep stack: a file in which more
# rules than that can hold for the same facts overflows it at run time (issue 11; 65 rules of two
# conditions each overflowed in a probe, 64 did not)
MAX_RULES_AT_ONCE = 64


def _too_many_at_once(rules: list[Rule]) -> list[LintMessage]:
    """Files in which more than MAX_RULES_AT_ONCE rules can hold together (a set of rules that
    can each hold with every other, found greedily; pairwise is enough for interval and value
    tests on independent facts)."""
    out = []
    by_file: dict[str, list[Rule]] = {}
    for rule in rules:
        by_file.setdefault(rule.path, []).append(rule)
    for path, own in sorted(by_file.items()):
        if len(own) <= MAX_RULES_AT_ONCE:
            continue
        holding = [r for r in own if can_hold(r)]
        with_: dict[str, set[str]] = {r.id: set() for r in holding}
        for i, rule in enumerate(holding):   # holding together is symmetric: each pair once
            for other in holding[i + 1:]:
                if can_hold_together(rule, other):
                    with_[rule.id].add(other.id)
                    with_[other.id].add(rule.id)
        if max((len(v) + 1 for v in with_.values()), default=0) <= MAX_RULES_AT_ONCE:
            continue
        together: list[Rule] = []
        for rule in sorted(holding, key=lambda r: (-len(with_[r.id]), r.line or 0)):
            if all(o.id in with_[rule.id] for o in together):
                together.append(rule)
        if len(together) > MAX_RULES_AT_ONCE:
            out.append(LintMessage(path, None, "engine-limit",
                                   f"{len(together)} rules can hold for the same facts (e.g. "
                                   f"'{together[0].id}' and '{together[-1].id}'); durable-rules "
                                   f"overflows its 64-deep stack with more than "
                                   f"{MAX_RULES_AT_ONCE}: split the file or make the rules "
                                   f"exclude each other"))
    return out


def _engine_refusals(rules: list[Rule]) -> list[LintMessage]:
    """Files whose rules durable-rules refuses to register (conditions that branch too much)."""
    out = []
    for path in sorted({rule.path for rule in rules}):
        try:
            file_ruleset(path, rules)
        except RulesetError as exc:
            out.append(LintMessage(path, None, "engine-limit", exc.message))
    return out


def _where(rule: Rule) -> tuple[str, int | None]:
    return rule.path, rule.line


def _duplicates(rules: list[Rule]) -> list[LintMessage]:
    out = []
    first: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in first:
            other = first[rule.id]
            out.append(LintMessage(*_where(rule), "duplicate-id",
                                   f"duplicate rule id '{rule.id}' (also at "
                                   f"{other.path}:{other.line})"))
        else:
            first[rule.id] = rule
    return out


def _never_hold(rules: list[Rule]) -> list[LintMessage]:
    return [LintMessage(*_where(rule), "never-holds",
                        f"rule '{rule.id}' can never hold: its conditions (with the file's "
                        f"applies_to) contradict each other")
            for rule in rules if not can_hold(rule)]


def _conflicts(rules: list[Rule]) -> list[LintMessage]:
    groups: dict[tuple[str, str], list[Rule]] = defaultdict(list)
    for rule in rules:
        if rule.effect in ("deny", "approve"):
            groups[(rule.guideline, rule.edition.name)].append(rule)
    out = []
    for (guideline, edition), members in sorted(groups.items()):
        for a, b in combinations(members, 2):
            if a.effect == b.effect or a.origin == b.origin == "rule" and a.id == b.id:
                continue
            if can_hold_together(a, b):
                deny, approve = (a, b) if a.effect == "deny" else (b, a)
                out.append(LintMessage(
                    *_where(approve), "conflict",
                    f"'{approve.id}' approves and '{deny.id}' ({deny.path}:{deny.line}) denies, "
                    f"and both can hold for the same facts ({guideline}, {edition})"))
    return out
