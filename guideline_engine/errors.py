"""Typed errors. Each names the file it is about, and the line where there is one."""

from __future__ import annotations


class GuidelineEngineError(Exception):
    """Base class for the errors this package raises on bad input."""


class LetterReadError(GuidelineEngineError):
    def __init__(self, source: str, message: str):
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class LetterParseError(GuidelineEngineError):
    """The structure of a determination letter could not be found.

    `missing` names what was looked for and not found."""

    def __init__(self, source: str, missing: str, line: int | None = None):
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {missing}")
        self.source = source
        self.missing = missing
        self.line = line


class RulesetError(GuidelineEngineError):
    """A ruleset file is broken: YAML syntax, schema, or an unknown fact."""

    def __init__(self, path: str, message: str, line: int | None = None):
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.message = message
        self.line = line


class FactsError(GuidelineEngineError):
    """Pre-check facts are invalid: unknown name, wrong type, impossible value."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
