"""durable-rules behind a small, isolated interface.

durable-rules keeps one global host per process, and never frees a ruleset it was given. Each
distinct set of conditions is registered once, under a name of its own, so any number of ruleset
versions live side by side without touching each other, and loading the same rules again adds
nothing.
Deciding an item asserts one fact, collects every rule that fired, and retracts the fact, so
nothing is left behind (`assert_fact` fires every matching rule once; `post` would stop at the
first). The host's background dispatch is turned off for these rulesets, so that every action
runs within the call that asserted its fact (otherwise a decision could, rarely, lose a rule).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import threading
from collections.abc import Callable
from typing import Any

from durable.lang import get_host

from ..errors import GuidelineEngineError
from .compile import ITEM_MARK

_LOCK = threading.RLock()
_NAMES = itertools.count()
_FACT_IDS = itertools.count()
_SESSION = "ge"


class EngineError(GuidelineEngineError):
    """durable-rules failed at run time (an overflow, an action that raised)."""


class _Registration:
    """One ruleset as durable-rules holds it: its name, its conditions' keys in order, and the
    keys that fired during the current `fire` (None between decisions)."""

    def __init__(self, name: str, keys: list[str]):
        self.name = name
        self.keys = keys
        self.fired: list[str] | None = None

    def collector(self, key: str) -> Callable[[Any], None]:
        def run(_context: Any) -> None:
            if self.fired is not None:
                self.fired.append(key)
        return run


def _register(conditions: dict[str, dict], digest: str) -> _Registration:
    registration = _Registration(f"guideline_engine_{next(_NAMES)}_{digest[:12]}",
                                 list(conditions))
    definition: dict[str, dict[str, Any]] = {
        f"r{i}": {"all": [{"m": expression}], "run": registration.collector(key)}
        for i, (key, expression) in enumerate(conditions.items())
    }
    # a catch-all, so that a message no rule matches is not an error in durable-rules
    definition["seen"] = {"all": [{"m": {"$ex": {ITEM_MARK: 1}}}], "run": _ignore}
    try:
        get_host().set_rulesets({registration.name: definition})
    except Exception as exc:  # durable_rules_engine.error carries only a code
        raise EngineError(
            f"durable-rules could not create the ruleset ({exc}): its conditions branch "
            "too much (each 'or unknown' on a number and each alternative of a "
            "requires_one_of is another branch); simplify them") from exc
    # the host's timer thread takes queued actions of every ruleset (Ruleset.dispatch, for
    # events and timers, which these rulesets never use); an action it took while `fire` runs
    # would be lost, or counted for the next message. Every action of a decision runs in
    # `fire`'s own call.
    rules = get_host().get_ruleset(registration.name)
    rules.dispatch = _ignore_dispatch
    rules.dispatch_timers = _ignore_dispatch
    return registration


_REGISTERED: dict[str, _Registration] = {}


class DurableRuleset:
    """A set of named conditions registered with durable-rules; `fire` returns the names of the
    conditions a message satisfies.

    durable-rules never frees a ruleset it was given, so the same conditions (in the same
    order) are registered once per process and shared: loading the same rules again (each
    `guideline-engine` call of a long-lived process, a rule diff whose files mostly did not
    change) costs no more memory."""

    def __init__(self, conditions: dict[str, dict]):
        payload = json.dumps([list(conditions), conditions], sort_keys=True).encode()
        digest = hashlib.sha256(payload).hexdigest()
        with _LOCK:
            registered = _REGISTERED.get(digest)
            if registered is None:
                registered = _REGISTERED[digest] = _register(conditions, digest)
        self._registered = registered
        self.name = registered.name

    def fire(self, message: dict[str, Any]) -> list[str]:
        """Assert `message`, collect what fired, retract it. Returns the fired keys in the
        order the conditions were given."""
        host = get_host()
        with _LOCK:
            fact = dict(message)
            fact[ITEM_MARK] = 1
            fact["sid"] = _SESSION
            fact["id"] = f"f{next(_FACT_IDS)}"
            registered = self._registered
            registered.fired = []
            try:
                try:
                    result = host.assert_fact(self.name, fact)
                except Exception as exc:  # durable_rules_engine.error carries only a code
                    if "303" in str(exc):
                        raise EngineError(
                            "durable-rules overflowed its 64-deep alpha stack: too many rules of "
                            "one ruleset file hold at once; split the file") from exc
                    raise
                if isinstance(result, dict) and result.get("exception"):
                    host.delete_state(self.name, _SESSION)
                    raise EngineError(f"durable-rules action failed: {result['exception']}")
                fired = set(registered.fired)
            finally:
                registered.fired = None
                host.retract_fact(self.name, fact)
        return [key for key in registered.keys if key in fired]

    def facts_held(self) -> list[dict]:
        """The facts durable-rules still holds for this ruleset (empty between decisions)."""
        with _LOCK:
            try:
                return list(get_host().get_facts(self.name, _SESSION))
            except Exception:  # no session yet: nothing was ever asserted
                return []


def _ignore(_context: Any) -> None:
    return None


def _ignore_dispatch() -> None:
    return None
