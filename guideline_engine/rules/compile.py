"""Rules -> durable-rules JSON rulesets. Conditions become durable-rules expressions
($and/$or/$gt/$neq/$ex/$nex...); durable-rules evaluates them, not Python.

Encoding of fact values in the asserted message (decide.message): enumerated and yes/no facts
as strings, always present, "unknown" when unknown; numbers and dates (as integers YYYYMMDD, so
that they order) present only when known.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..vocabulary import SYMBOLIC_FACTS
from .expand import Rule
from .schema import Conditions, Edition, Test

ITEM_MARK = "ge_item"  # present in every asserted message; the catch-all rule tests it
AS_OF = "as_of"

_OPS = {"gt": "$gt", "gte": "$gte", "lt": "$lt", "lte": "$lte"}


UNKNOWN = "unknown"


def is_symbolic(fact: str) -> bool:
    """Enumerated and yes/no facts travel as strings, with "unknown" for an unknown value, so
    that "or unknown" and "one of" are single regex-match nodes rather than $or branches (each
    $or branch multiplies durable-rules' alpha network, whose traversal stack is 64 deep)."""
    return fact in SYMBOLIC_FACTS


def encode(fact: str, value: Any) -> Any:
    if value is None:
        return UNKNOWN
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.year * 10000 + value.month * 100 + value.day
    return getattr(value, "value", value)


def _all(parts: list[dict]) -> dict:
    return parts[0] if len(parts) == 1 else {"$and": parts}


def _one_of(parts: list[dict]) -> dict:
    return parts[0] if len(parts) == 1 else {"$or": parts}


def _symbolic_test(fact: str, test: Test) -> dict:
    if test.known is False:
        return {fact: UNKNOWN}
    parts: list[dict] = []
    allowed_unknown = test.or_unknown
    for key, value in test.value_tests().items():
        if key == "eq":
            parts.append({fact: encode(fact, value)})
        elif key == "in":
            choices = sorted({str(encode(fact, v)) for v in value})
            if allowed_unknown:
                choices.append(UNKNOWN)
            parts.append({"$mt": {fact: "|".join(choices)}})
            allowed_unknown = False  # already folded into the match
        elif key in ("ne", "not_in"):
            for v in value if isinstance(value, list) else [value]:
                parts.append({"$neq": {fact: encode(fact, v)}})
    if allowed_unknown and any(fact in p for p in parts):
        # eq with or_unknown: one regex match of the value or "unknown"
        values = [p[fact] for p in parts if fact in p]
        parts = [p for p in parts if fact not in p]
        parts.append({"$mt": {fact: "|".join(sorted({str(v) for v in values}) + [UNKNOWN])}})
    elif not test.or_unknown or test.known is True:
        # a value test on an unknown fact is false unless or_unknown says otherwise
        parts.append({"$neq": {fact: UNKNOWN}})
    return _all(parts)


def test_expression(fact: str, test: Test) -> dict:
    if is_symbolic(fact):
        return _symbolic_test(fact, test)
    if test.known is False:
        return {"$nex": {fact: 1}}
    parts: list[dict] = []
    for key, value in test.value_tests().items():
        if key == "eq":
            parts.append({fact: encode(fact, value)})
        elif key == "ne":
            parts.append({"$neq": {fact: encode(fact, value)}})
        elif key == "in":
            parts.append(_one_of([{fact: encode(fact, v)} for v in value]))
        elif key == "not_in":
            parts.append(_all([{"$ex": {fact: 1}}]
                              + [{"$neq": {fact: encode(fact, v)}} for v in value]))
        else:
            parts.append({_OPS[key]: {fact: encode(fact, value)}})
    if test.known is True or not parts:
        parts.append({"$ex": {fact: 1}})
    expression = _all(parts)
    if test.or_unknown:
        expression = {"$or": [expression, {"$nex": {fact: 1}}]}
    return expression


def conditions_expression(conditions: Conditions) -> list[dict]:
    return [test_expression(fact, test) for fact, test in conditions.items()]


def edition_expression(edition: Edition, sole_edition: bool) -> list[dict]:
    """The edition is in force on the as_of date. When it is the only edition of its guideline
    in the ruleset folder, an unknown date does not prevent choosing it."""
    test = Test.model_validate({
        "gte": edition.effective_from,
        **({"lte": edition.effective_to} if edition.effective_to else {}),
        "or_unknown": sole_edition,
    })
    return [test_expression(AS_OF, test)]


def rule_expression(rule: Rule) -> dict:
    """The rule's own conditions. Its file's scope and edition are checked by the router
    ruleset before a message reaches the file's rules (see rules.RuleBook)."""
    parts = [{ITEM_MARK: 1}]
    parts += conditions_expression(rule.when)
    if rule.any:
        parts.append(_one_of([_all(conditions_expression(c)) for c in rule.any]))
    return _all(parts)


def scope_expression(scope: Conditions, edition: Edition | None, sole_edition: bool = True,
                     scope_any: list[Conditions] | None = None) -> dict:
    """The file's scope (applies_to, and one of applies_to_any where it has them), in its
    edition; without an edition, whether the topic applies at all (a guideline addresses a
    treatment even when the date cannot choose its edition)."""
    parts = [{ITEM_MARK: 1}] + conditions_expression(scope)
    if scope_any:
        parts.append(_one_of([_all(conditions_expression(c)) for c in scope_any]))
    if edition is not None:
        parts += edition_expression(edition, sole_edition)
    return _all(parts)
