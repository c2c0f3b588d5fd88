"""Static analysis of rule conditions: can a rule ever hold, and can two rules hold at once?

Each fact gets a domain: for enumerated and yes/no facts the set of values it may take ("unknown"
included); for numbers and dates an interval of known values plus whether it may be unknown.
Tests narrow the domains; a few relations between facts narrow them further:
- total_visits = requested_visits + prior_sessions, known only when both are;
- prior_treatment is true exactly when prior_sessions > 0, when the count is known;
- a request asks for at least one visit.
A conjunction is satisfiable when every domain is non-empty. The analysis is sound for the
tests the schema allows except `ne` on numbers, which it ignores (over-approximating).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import product

from ..vocabulary import SYMBOLIC_FACTS, enum_values
from .expand import Rule
from .schema import Conditions, Test

UNKNOWN = "unknown"
INF = 10**9
MINIMUM = {"requested_visits": 1}


@dataclass(frozen=True)
class Interval:
    lo: int = 0
    hi: int = INF
    known: bool = True  # a known value is possible
    unknown: bool = True  # the fact may be unknown

    def empty(self) -> bool:
        return not (self.unknown or (self.known and self.lo <= self.hi))

    def has_known(self) -> bool:
        return self.known and self.lo <= self.hi


def _num(value) -> int:
    if isinstance(value, dt.date):
        return value.toordinal()
    return int(value)


@cache
def _symbolic_values(fact: str) -> frozenset[str]:
    values = enum_values(fact)
    return frozenset(values) if values else frozenset({"true", "false"})


def _sym(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(getattr(value, "value", value))


@dataclass
class Space:
    symbolic: dict[str, set[str]] = field(default_factory=dict)
    numeric: dict[str, Interval] = field(default_factory=dict)

    def copy(self) -> Space:
        return Space({k: set(v) for k, v in self.symbolic.items()}, dict(self.numeric))

    def sym(self, fact: str) -> set[str]:
        if fact not in self.symbolic:
            self.symbolic[fact] = set(_symbolic_values(fact)) | {UNKNOWN}
        return self.symbolic[fact]

    def num(self, fact: str) -> Interval:
        if fact not in self.numeric:
            self.numeric[fact] = Interval(lo=MINIMUM.get(fact, 0))
        return self.numeric[fact]

    def apply(self, fact: str, test: Test) -> None:
        if fact in SYMBOLIC_FACTS:
            self._apply_symbolic(fact, test)
        else:
            self._apply_numeric(fact, test)

    def _apply_symbolic(self, fact: str, test: Test) -> None:
        current = self.sym(fact)
        if test.known is False:
            allowed = {UNKNOWN}
        else:
            allowed = set(_symbolic_values(fact))
            for key, value in test.value_tests().items():
                values = {_sym(v) for v in (value if isinstance(value, list) else [value])}
                if key in ("eq", "in"):
                    allowed &= values
                elif key in ("ne", "not_in"):
                    allowed -= values
            if test.or_unknown:
                allowed.add(UNKNOWN)
        current &= allowed

    def _apply_numeric(self, fact: str, test: Test) -> None:
        iv = self.num(fact)
        if test.known is False:
            self.numeric[fact] = replace(iv, known=False)
            return
        lo, hi = iv.lo, iv.hi
        for key, value in test.value_tests().items():
            if key == "eq":
                lo, hi = max(lo, _num(value)), min(hi, _num(value))
            elif key == "in":
                nums = [_num(v) for v in value]
                lo, hi = max(lo, min(nums)), min(hi, max(nums))
            elif key == "gt":
                lo = max(lo, _num(value) + 1)
            elif key == "gte":
                lo = max(lo, _num(value))
            elif key == "lt":
                hi = min(hi, _num(value) - 1)
            elif key == "lte":
                hi = min(hi, _num(value))
        has_value_test = bool(test.value_tests()) or test.known is True
        unknown = iv.unknown and (test.or_unknown or not has_value_test)
        self.numeric[fact] = Interval(lo, hi, iv.known, unknown)

    def propagate(self) -> None:
        for _ in range(3):
            self._total()
            self._prior_treatment()

    def _total(self) -> None:
        if not ({"total_visits", "requested_visits", "prior_sessions"} & set(self.numeric)):
            return
        total, req, prior = (self.num(f) for f in ("total_visits", "requested_visits",
                                                   "prior_sessions"))
        both_known_possible = req.has_known() and prior.has_known()
        either_unknown_possible = req.unknown or prior.unknown
        total = replace(total, known=total.known and both_known_possible,
                        unknown=total.unknown and either_unknown_possible)
        if not total.unknown:  # total must be known: so must both parts
            req = replace(req, unknown=False)
            prior = replace(prior, unknown=False)
        if not total.has_known():  # total must be unknown: one part must be
            if not req.unknown:
                prior = replace(prior, known=False)
            if not prior.unknown:
                req = replace(req, known=False)
        if total.has_known() and req.has_known() and prior.has_known():
            total = replace(total, lo=max(total.lo, req.lo + prior.lo),
                            hi=min(total.hi, req.hi + prior.hi))
            if not total.unknown:
                req = replace(req, lo=max(req.lo, total.lo - prior.hi),
                              hi=min(req.hi, total.hi - prior.lo))
                prior = replace(prior, lo=max(prior.lo, total.lo - req.hi),
                                hi=min(prior.hi, total.hi - req.lo))
        self.numeric.update(total_visits=total, requested_visits=req, prior_sessions=prior)

    def _prior_treatment(self) -> None:
        if "prior_treatment" not in self.symbolic and "prior_sessions" not in self.numeric:
            return
        treated = self.sym("prior_treatment")
        prior = self.num("prior_sessions")
        if prior.has_known() and not prior.unknown:
            possible = set()
            if prior.lo == 0:
                possible.add("false")
            if prior.hi >= 1:
                possible.add("true")
            treated &= possible
        if treated == {"false"} and not prior.unknown:
            self.numeric["prior_sessions"] = replace(prior, hi=min(prior.hi, 0))
        if treated == {"true"} and not prior.unknown:
            self.numeric["prior_sessions"] = replace(prior, lo=max(prior.lo, 1))

    def satisfiable(self) -> bool:
        self.propagate()
        return all(self.symbolic.values()) and not any(iv.empty() for iv in
                                                       self.numeric.values())


def _alternatives(rule: Rule) -> list[list[Conditions]]:
    base = [rule.scope, rule.when]
    scopes = [[alt] for alt in rule.scope_any] or [[]]
    alternatives = [[alt] for alt in rule.any] or [[]]
    return [base + s + a for s, a in product(scopes, alternatives)]


def _space(conditions: list[Conditions]) -> Space:
    space = Space()
    for part in conditions:
        for fact, test in part.items():
            space.apply(fact, test)
    return space


def can_hold(rule: Rule) -> bool:
    return any(_space(parts).satisfiable() for parts in _alternatives(rule))


def can_hold_together(a: Rule, b: Rule) -> bool:
    return any(_space(pa + pb).satisfiable()
               for pa, pb in product(_alternatives(a), _alternatives(b)))
