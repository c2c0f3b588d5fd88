"""The decision log: every decision the service returns, one JSON line each, appended.

A line holds the time (UTC, ISO 8601), the rules version, the facts the decision was made on
(the known ones, derived facts included), the outcome and the approvable visits. Writes from
the server's threads are serialised by a lock, and each line is written by one call on a file
opened for appending.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path
from typing import Any

from ..errors import GuidelineEngineError
from ..models import CaseFacts, LetterReport
from ..precheck import CheckReport


class DecisionLogError(GuidelineEngineError):
    """The decision log cannot be written."""


def known_facts(facts: CaseFacts) -> dict[str, Any]:
    """The known facts' values, as JSON values."""
    return {name: fact["value"] for name, fact in facts.model_dump(mode="json").items()
            if isinstance(fact, dict) and fact.get("known")}


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


class DecisionLog:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        try:  # refuse to start with a log that cannot be written
            with self.path.open("a", encoding="utf-8"):
                pass
        except OSError as exc:
            raise DecisionLogError(f"cannot write the decision log {self.path}: "
                                   f"{exc.strerror or exc}") from exc

    def append(self, entries: list[dict[str, Any]]) -> None:
        lines = "".join(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n"
                        for entry in entries)
        if not lines:
            return
        with self._lock:
            try:
                with self.path.open("a", encoding="utf-8") as handle:
                    handle.write(lines)
            except OSError as exc:
                raise DecisionLogError(f"cannot write the decision log {self.path}: "
                                       f"{exc.strerror or exc}") from exc

    def check(self, report: CheckReport, rules_version: str, guideline: str | None) -> None:
        self.append([{
            "time": _now(), "endpoint": "/v1/check", "rules_version": rules_version,
            "guideline": guideline, "facts": known_facts(report.facts),
            "outcome": report.outcome, "medically_necessary": report.medically_necessary,
            "approvable_visits": report.approvable_visits}])

    def audit(self, letters: list[LetterReport], rules_version: str) -> None:
        time = _now()
        self.append([{
            "time": time, "endpoint": "/v1/audit", "rules_version": rules_version,
            "source": letter.source, "item": item.index, "title": item.title,
            "facts": known_facts(item.facts), "outcome": item.decision.outcome,
            "medically_necessary": item.decision.medically_necessary,
            "approvable_visits": item.decision.approvable_visits,
            "recorded_outcome": item.recorded_outcome.value, "verdict": item.verdict}
            for letter in letters for item in letter.items])
