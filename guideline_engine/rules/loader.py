"""Load ruleset YAML files safely and validate them, with errors naming the file and line.

Data is read with PyYAML's safe loader (libyaml's when available; no Python tags, nothing
executed), in one parse: the node tree finds the line of whatever a validation error names and
catches duplicate mapping keys, which PyYAML would otherwise drop silently; the data is
constructed from a copy of it.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..errors import RulesetError
from .schema import RulesetFile

RULESET_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else \
            f"{self.path}: {self.message}"


@dataclass(frozen=True)
class LoadedFile:
    path: str
    ruleset: RulesetFile
    root: yaml.Node

    def line_of(self, *loc: Any) -> int | None:
        return _line_of(self.root, loc)


def ruleset_paths(directory: str | Path) -> list[Path]:
    directory = Path(directory)
    if not directory.is_dir():
        raise RulesetError(str(directory), "not a ruleset folder")
    return sorted(p for p in directory.rglob("*") if p.suffix in RULESET_SUFFIXES and p.is_file())


def read_ruleset(path: str | Path, text: str | None = None) -> LoadedFile:
    """Parse and validate one file. Raises RulesetError (first problem) on any defect."""
    loaded, problems = check_ruleset(path, text)
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise RulesetError(first.path, first.message + more, first.line)
    assert loaded is not None
    return loaded


def check_ruleset(path: str | Path, text: str | None = None
                  ) -> tuple[LoadedFile | None, list[Problem]]:
    """Parse and validate one file, returning every problem found rather than the first."""
    name = str(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            return None, [Problem(name, None, f"cannot read: {exc}")]
    try:
        root, data = _compose_and_construct(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        return None, [Problem(name, line, f"YAML syntax error: {problem}")]
    if not isinstance(data, dict) or root is None:
        return None, [Problem(name, 1, "a ruleset file must be a YAML mapping "
                                      "(guideline, topic, edition, applies_to, rules...)")]
    problems = [Problem(name, line, message) for line, message in _duplicate_keys(root)]
    try:
        ruleset = RulesetFile.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            where = ".".join(str(p) for p in loc) or "(top level)"
            message = error["msg"].removeprefix("Value error, ")
            if error["type"] == "extra_forbidden":
                message = f"unknown key '{loc[-1]}'"
            elif error["type"] == "missing":
                message = "missing required key"
            problems.append(Problem(name, _line_of(root, _refine(root, loc, message)),
                                    f"{where}: {message}"))
        return None, sorted(problems, key=lambda p: (p.line or 0, p.message))
    if problems:
        return None, problems
    return LoadedFile(name, ruleset, root), []


# libyaml's safe loader when PyYAML was built with it (ten times faster), else the Python one;
# both construct plain data only
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose_and_construct(text: str) -> tuple[yaml.Node | None, Any]:
    """One parse: the node tree (for lines and duplicate keys) and the plain data built from it."""
    loader = _SAFE_LOADER(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, None
        # construction flattens merge keys ('<<: *anchor') in place: build from a copy, so the
        # tree keeps the file as written for duplicate keys and line numbers
        return root, loader.construct_document(copy.deepcopy(root))
    finally:
        loader.dispose()


def _duplicate_keys(node: yaml.Node) -> list[tuple[int, str]]:
    out = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    out.append((key.start_mark.line + 1,
                                f"duplicate key '{key.value}' (first at line {seen[key.value]})"))
                seen[key.value] = key.start_mark.line + 1
            out += _duplicate_keys(value)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            out += _duplicate_keys(child)
    return out


def _refine(root: yaml.Node, loc: tuple[Any, ...], message: str) -> tuple[Any, ...]:
    """A condition error names the fact ('unknown fact 'x''); point at that key's line."""
    node = _node_at(root, loc)
    if isinstance(node, yaml.MappingNode):
        quoted = set(re.findall(r"'([^']+)'", message))
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value in quoted:
                return (*loc, key.value)
    return loc


def _node_at(root: yaml.Node, loc: tuple[Any, ...]) -> yaml.Node | None:
    node = root
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value
                          if isinstance(k, yaml.ScalarNode) and k.value == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            child = node.value[part] if 0 <= part < len(node.value) else None
        if child is None:
            return None
        node = child
    return node


def _line_of(root: yaml.Node, loc: tuple[Any, ...]) -> int | None:
    """The line of the deepest node the location path reaches (1-based)."""
    node = root
    line = node.start_mark.line + 1
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                    child = value
                    line = key.start_mark.line + 1
                    break
        elif (isinstance(node, yaml.SequenceNode) and isinstance(part, int)
              and 0 <= part < len(node.value)):
            child = node.value[part]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line
