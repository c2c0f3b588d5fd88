"""Rulesets: YAML files -> validated models -> expanded rules -> a durable-rules ruleset.

    loader   YAML (safe) -> RulesetFile, errors with file and line
    schema   the pydantic models of a ruleset file
    expand   courses and trials -> the rules they stand for
    compile  rules -> durable-rules JSON expressions
    engine   durable-rules behind an isolated, leave-nothing-behind interface
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RulesetError
from .compile import rule_expression, scope_expression
from .engine import DurableRuleset, EngineError
from .expand import Rule, expand
from .loader import LoadedFile, read_ruleset, ruleset_paths


@dataclass(frozen=True)
class Scope:
    """What one ruleset file addresses: its guideline, topic and edition."""

    key: str
    guideline: str
    topic: str
    edition: str
    path: str


@dataclass
class RuleBook:
    """Loaded rules ready to run. durable-rules holds them as one router ruleset (each file's
    scope and edition) and one ruleset per file; a message goes to the router first, then only
    to the files whose scope it met. (durable-rules walks its alpha network with a 64-deep
    stack, so one ruleset in which a hundred rules match at once would overflow it.)"""

    directory: str
    files: list[LoadedFile]
    rules: list[Rule]
    scopes: list[Scope]
    router: DurableRuleset = field(repr=False)
    per_file: dict[str, DurableRuleset] = field(repr=False)

    def fire(self, message: dict) -> list[str]:
        """Topic keys (the file's scope holds, whatever the date), scope keys (and its edition
        is in force) and rule ids that hold for the message, in ruleset order."""
        fired: list[str] = []
        for key in self.router.fire(message):
            fired.append(key)
            if key.startswith("scope:"):
                try:
                    fired += self.per_file[key].fire(message)
                except EngineError as exc:  # name the file whose rules broke the engine
                    raise RulesetError(key.split(":", 1)[1], str(exc)) from exc
        return fired

    def facts_held(self) -> int:
        """How many facts durable-rules holds for this book (0 between decisions)."""
        return sum(len(e.facts_held()) for e in [self.router, *self.per_file.values()])

    @property
    def postsurgical_periods(self) -> dict[str, int]:
        periods: dict[str, int] = {}
        for loaded in self.files:
            for category, months in loaded.ruleset.postsurgical_periods.items():
                periods[category.value] = months
        return periods

    def rule(self, rule_id: str) -> Rule:
        return self._by_id[rule_id]

    def __post_init__(self) -> None:
        self._by_id = {rule.id: rule for rule in self.rules}
        self._scope_by_key = {scope.key: scope for scope in self.scopes}
        self.order = {rule.id: i for i, rule in enumerate(self.rules)}

    def scope(self, key: str) -> Scope:
        """The Scope of a 'scope:' or 'topic:' key."""
        return self._scope_by_key["scope:" + key.split(":", 1)[1]]

    @property
    def guidelines(self) -> list[str]:
        seen: list[str] = []
        for scope in self.scopes:
            if scope.guideline not in seen:
                seen.append(scope.guideline)
        return seen


def default_rules_dir() -> Path:
    """$GUIDELINE_ENGINE_RULES, else ./rulesets, else the rulesets folder of this checkout."""
    if env := os.environ.get("GUIDELINE_ENGINE_RULES"):
        return Path(env)
    here = Path.cwd() / "rulesets"
    if here.is_dir():
        return here
    return Path(__file__).resolve().parents[2] / "rulesets"


def load_files(directory: str | Path) -> list[LoadedFile]:
    paths = ruleset_paths(directory)
    if not paths:
        raise RulesetError(str(directory), "no ruleset files (*.yaml) in this folder")
    return resolve_carry_forward([read_ruleset(path) for path in paths])


def resolve_carry_forward(files: list[LoadedFile]) -> list[LoadedFile]:
    by_path = {Path(f.path).resolve(): f for f in files}
    out = []
    for loaded in files:
        cf = loaded.ruleset.carry_forward
        if cf is None:
            out.append(loaded)
            continue
        source_path = (Path(loaded.path).parent / cf.source).resolve()
        source = by_path.get(source_path)
        line = loaded.line_of("carry_forward", "source")
        if source is None:
            raise RulesetError(loaded.path, f"carry_forward source '{cf.source}' is not a "
                               "ruleset file in this folder", line)
        if source.ruleset.carry_forward is not None:
            raise RulesetError(loaded.path, "carry_forward source is itself carried forward",
                               line)
        try:
            ruleset = loaded.ruleset.carried_forward(source.ruleset)
        except ValueError as exc:
            raise RulesetError(loaded.path, str(exc), line) from exc
        out.append(LoadedFile(loaded.path, ruleset, loaded.root))
    return out


# durable-rules does not finish registering a ruleset of more rules than this (issue 11: `check`,
# `test` and `diff` hung on a 513-rule file); lint and loading both refuse such a file
MAX_RULES_PER_FILE = 512


def oversized_files(rules: list[Rule]) -> dict[str, int]:
    """Ruleset files whose expanded rules exceed what durable-rules can register, with counts."""
    counts = Counter(rule.path for rule in rules)
    return {path: n for path, n in sorted(counts.items()) if n > MAX_RULES_PER_FILE}


def too_many_rules_message(count: int) -> str:
    return (f"{count} rules after expansion; durable-rules cannot register more than "
            f"{MAX_RULES_PER_FILE} in one ruleset file: split the file")


def build_rulebook(files: list[LoadedFile], directory: str = "") -> RuleBook:
    rules: list[Rule] = []
    for loaded in files:
        rules += expand(loaded)
    for path, count in oversized_files(rules).items():
        raise RulesetError(path, too_many_rules_message(count))
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in seen:
            first = seen[rule.id]
            raise RulesetError(rule.path, f"duplicate rule id '{rule.id}' (also at "
                               f"{first.path}:{first.line})", rule.line)
        seen[rule.id] = rule
    # an unknown date cannot choose between editions; it need not when a guideline's files all
    # share one effective period
    editions: Counter[str] = Counter()
    for guideline, _, _ in {(f.ruleset.guideline, f.ruleset.edition.effective_from,
                             f.ruleset.edition.effective_to) for f in files}:
        editions[guideline] += 1
    scopes = []
    router: dict[str, dict] = {}
    per_file: dict[str, DurableRuleset] = {}
    for loaded in files:
        rs = loaded.ruleset
        key = f"scope:{loaded.path}"
        scopes.append(Scope(key, rs.guideline, rs.topic, rs.edition.name, loaded.path))
        router[f"topic:{loaded.path}"] = scope_expression(rs.applies_to, None,
                                                          scope_any=rs.applies_to_any)
        router[key] = scope_expression(rs.applies_to, rs.edition, editions[rs.guideline] == 1,
                                       rs.applies_to_any)
        per_file[key] = file_ruleset(loaded.path, rules)
    return RuleBook(directory=directory, files=files, rules=rules, scopes=scopes,
                    router=DurableRuleset(router), per_file=per_file)


def file_ruleset(path: str, rules: list[Rule]) -> DurableRuleset:
    """The durable-rules ruleset of one file's rules; a file durable-rules refuses is an error
    naming the file."""
    try:
        return DurableRuleset({rule.id: rule_expression(rule) for rule in rules
                               if rule.path == path})
    except EngineError as exc:
        raise RulesetError(path, str(exc)) from exc


def load_rulebook(directory: str | Path | None = None) -> RuleBook:
    directory = Path(directory) if directory is not None else default_rules_dir()
    return build_rulebook(load_files(directory), str(directory))
