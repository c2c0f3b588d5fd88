"""Reading an audit JSON file (`guideline-engine audit --format json`) back as an AuditReport."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..errors import GuidelineEngineError
from ..models import AuditReport


class AuditFileError(GuidelineEngineError):
    """The file is not an audit report: it names the file and what is wrong."""

    def __init__(self, path: str | Path, message: str):
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message


def _first_problem(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error.get("loc", ())) or "the document"
    more = exc.error_count() - 1
    return f"{where}: {error['msg']}" + (f" (and {more} more problem(s))" if more else "")


def read_audit_json(path: str | Path) -> AuditReport:
    """The audit report in `path`; AuditFileError naming the file if it cannot be read or is
    not the JSON document `audit --format json` writes."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise AuditFileError(path, f"cannot read file: {exc.strerror or exc}") from exc
    try:
        return AuditReport.model_validate_json(raw)
    except ValidationError as exc:
        kind = exc.errors()[0].get("type", "")
        if kind.startswith("json"):
            what = f"not JSON ({exc.errors()[0]['msg']})"
        else:
            what = f"not an audit report ({_first_problem(exc)})"
        raise AuditFileError(path, f"{what}; expected the output of `guideline-engine audit "
                                   "--format json`") from exc
