"""Ruleset files -> flat Rules. Courses and trials expand into the standard rules they stand
for, so a figure is written once in YAML and every rule that uses it says where it came from.

Expanded rule ids are `<course or trial id>.<what>`, e.g.
`mtus.cpmtg2009.pm.myalgia.visit_limit_exceeded`.
"""

from __future__ import annotations

from ..models import Citation, Effect, FindingKind
from .loader import LoadedFile
from .schema import (
    Approvable,
    Conditions,
    CourseSpec,
    Edition,
    RuleSpec,
    Strict,
    Test,
    TrialSpec,
)


class Rule(Strict):
    """One executable rule: conditions (scope AND one of scope_any AND when AND one of any), its
    effect and text."""

    id: str
    kind: FindingKind
    effect: Effect
    guideline: str
    topic: str
    edition: Edition
    scope: Conditions
    scope_any: list[Conditions] = []   # the file's applies_to_any: one of them holds too
    when: Conditions
    any: list[Conditions] = []
    approvable_visits: int | Approvable | str | None = None
    reason: str
    context: dict[str, str] = {}
    citation: Citation
    verified: bool = True
    path: str
    line: int | None = None
    origin: str  # 'rule', or the course/trial id it was expanded from


def _t(**kwargs) -> Test:
    return Test.model_validate(kwargs)


def expand(loaded: LoadedFile) -> list[Rule]:
    rs = loaded.ruleset
    base = dict(guideline=rs.guideline, topic=rs.topic, edition=rs.edition, scope=rs.applies_to,
                scope_any=rs.applies_to_any, path=loaded.path)
    rules: list[Rule] = []
    for i, course in enumerate(rs.courses):
        line = loaded.line_of("courses", i)
        rules += _course(course, base, line)
    for i, trial in enumerate(rs.trials):
        line = loaded.line_of("trials", i)
        rules += _trial(trial, base, line)
    for i, spec in enumerate(rs.rules):
        rules.append(_plain(spec, base, loaded.line_of("rules", i)))
    return rules


def _plain(spec: RuleSpec, base: dict, line: int | None) -> Rule:
    return Rule(id=spec.id, kind=spec.kind, effect=spec.effect, when=spec.when, any=spec.any,
                approvable_visits=spec.approvable_visits, reason=spec.reason,
                citation=spec.citation, verified=spec.verified, line=line, origin="rule", **base)


def _merge(*parts: Conditions) -> Conditions:
    out: dict[str, Test] = {}
    for conditions in parts:
        for fact, test in conditions.items():
            if fact in out:
                merged = {**out[fact].model_dump(by_alias=True, exclude_none=True),
                          **test.model_dump(by_alias=True, exclude_none=True)}
                out[fact] = Test.model_validate(merged)
            else:
                out[fact] = test
    return out


def _factory(spec: CourseSpec | TrialSpec, base: dict, line: int | None, ctx: dict[str, str]):
    """Builds the rules a course or trial expands into: `<spec id>.<what>`, with the spec's own
    conditions, citation and verification."""
    common = dict(citation=spec.citation, verified=spec.verified, line=line, origin=spec.id,
                  context=ctx, **base)

    def rule(what: str, kind: FindingKind, effect: Effect, when: Conditions, reason: str,
             any_: list[Conditions] | None = None, approvable_visits=None) -> Rule:
        # an approval also needs the spec's entry criteria, and one alternative of each
        # criterion met in more than one way
        needs = spec.requires if effect == "approve" else {}
        groups = list(spec.requires_one_of.values()) if effect == "approve" else []
        any_ = any_ or []
        for alternatives in groups:
            any_ = [_merge(a, b) for a in any_ for b in alternatives] if any_ else alternatives
        return Rule(id=f"{spec.id}.{what}", kind=kind, effect=effect,
                    when=_merge(spec.when, needs, when), any=any_, reason=reason,
                    approvable_visits=approvable_visits, **common)

    return rule


def _course(c: CourseSpec, base: dict, line: int | None) -> list[Rule]:
    v = c.figure.visits
    ctx = {"label": c.label, "figure": c.figure.text(), "visits": str(v),
           "min_visits": str(c.figure.min_visits or v), "weeks": str(c.figure.weeks or ""),
           "guideline": base["guideline"]}
    rule = _factory(c, base, line, ctx)
    approvable = Approvable(visits=v)
    going_on = [{"prior_sessions": _t(eq=0)}, {"functional_improvement": _t(eq="documented")}]
    if not c.improvement_within_figure:
        going_on.append({"functional_improvement": _t(known=False)})

    rules = [
        rule("visit_limit_exceeded", "visit_limit_exceeded", "deny",
             {"requested_visits": _t(gt=v)},
             "{requested_visits} visits were requested; {guideline} recommends {figure} for "
             "{label}.", approvable_visits=approvable),
        # also when the earlier sessions alone reach the course: 12 had and 8 more make 20
        rule("course_exceeded", "visit_limit_exceeded", "deny",
             {"requested_visits": _t(lte=v), "prior_sessions": _t(gt=0),
              "total_visits": _t(gt=v)},
             "{prior_sessions} earlier sessions and {requested_visits} requested make "
             "{total_visits}, more than the {figure} {guideline} recommends for {label}.",
             approvable_visits=approvable),
        rule("prior_visits_exceed_limit", "prior_visits_exceed_limit", "deny",
             {"prior_sessions": _t(gte=v)},
             "{prior_sessions} earlier sessions already reach or exceed the {figure} "
             "{guideline} recommends for {label}.", approvable_visits=0),
        rule("within_guideline", "within_guideline", "approve",
             {"total_visits": _t(lte=v)},
             "{requested_visits} visits requested ({total_visits} counting earlier sessions) are "
             "within the {figure} {guideline} recommends for {label}.",
             any_=going_on, approvable_visits="requested"),
        rule("requested_visits_unknown", "insufficient_documentation", "deny",
             {"requested_visits": _t(known=False)},
             "The request states no number of visits, so it cannot be shown to stay within the "
             "{figure} {guideline} recommends for {label}; a request of unstated extent is not "
             "medically necessary as made.", approvable_visits=0),
        # a reason of its own even when the request alone exceeds the course: how much of the
        # course is left cannot be known ("the number of prior sessions is not documented")
        rule("prior_sessions_unknown", "insufficient_documentation", "deny",
             {"prior_sessions": _t(known=False)},
             "The record shows earlier sessions of this treatment but not how many, so it does "
             "not show that {requested_visits} more stay within the {figure} {guideline} "
             "recommends for {label}; the requesting physician must document it.",
             approvable_visits=0),
    ]
    if c.improvement_within_figure:
        rules.append(rule(
            "improvement_unknown", "insufficient_documentation", "deny",
            {"prior_sessions": _t(gt=0), "total_visits": _t(lte=v),
             "functional_improvement": _t(known=False)},
            "Continuing after {prior_sessions} earlier sessions needs documented functional "
            "improvement, and the record does not document any.", approvable_visits=0))
    return rules


def _trial(t: TrialSpec, base: dict, line: int | None) -> list[Rule]:
    tv = t.trial.visits
    ctx = {"label": t.label, "trial": t.trial.text(), "trial_visits": str(tv),
           "total": t.total.text() if t.total else "",
           "total_visits_allowed": str(t.total.visits) if t.total else "",
           "guideline": base["guideline"]}
    rule = _factory(t, base, line, ctx)

    not_shown = {"functional_improvement": _t(ne="documented", or_unknown=True)}
    not_documented = {"functional_improvement": _t(**{"in": ["not_documented", "worsened"]})}
    # (no sessions had: the count is only visits approved beside the request, which have shown
    # nothing yet, whatever earlier care did)
    untried = {"prior_treatment": _t(eq=False),
               "certified_part_given": _t(ne=True, or_unknown=True)}
    limit = t.total.visits if t.total else tv
    rules = [
        # improvement from *this* treatment needs earlier sessions of it: a first course is
        # held to the trial whatever else improved
        rule("trial_limit_exceeded", "trial_limit_exceeded", "deny",
             {"requested_visits": _t(gt=tv)},
             "{requested_visits} visits were requested, more than the {guideline} trial of "
             "{trial} for {label}; more is recommended only after the trial shows objective "
             "functional improvement, which is not documented.",
             # (a first course, unless UR's certified part of this request served as the
             # trial: "UR certified 4 of the 8 visits ... Those 4 visits have been completed,
             # and the therapy records document functional improvement")
             any_=[not_shown, {"prior_sessions": _t(eq=0),
                               "certified_part_given": _t(ne=True, or_unknown=True)}, untried],
             approvable_visits=Approvable(visits=tv)),
        rule("trial_remainder_exceeded", "trial_limit_exceeded", "deny",
             {"requested_visits": _t(lte=tv), "prior_sessions": _t(gt=0),
              "total_visits": _t(gt=tv)},
             "{prior_sessions} earlier sessions and {requested_visits} requested make "
             "{total_visits}, more than the {guideline} trial of {trial} for {label}; more is "
             "recommended only after the trial shows objective functional improvement, which "
             "is not documented.", any_=[not_shown, untried],
             approvable_visits=Approvable(visits=tv)),
        rule("improvement_not_documented", "functional_improvement_not_documented", "deny",
             {"prior_treatment": _t(eq=True), **not_documented},
             "Earlier sessions of this treatment ({prior_sessions}) did not show objective "
             "functional improvement (recorded as: {functional_improvement}); {guideline} "
             "continues past the trial of {trial} for {label} only when they do.",
             any_=[{"prior_sessions": _t(gte=tv)}, {"prior_sessions": _t(known=False)}],
             approvable_visits=0),
        rule("trial_used", "prior_visits_exceed_limit", "deny",
             {"prior_sessions": _t(gte=tv), **not_documented},
             "{prior_sessions} earlier sessions have already used the {guideline} trial of "
             "{trial} for {label}; more is recommended only with documented objective "
             "functional improvement.", approvable_visits=0),
        rule("within_trial", "within_guideline", "approve",
             {"total_visits": _t(lte=tv)},
             "{requested_visits} visits requested ({total_visits} counting earlier sessions) fit "
             "within the {guideline} trial of {trial} for {label}.",
             approvable_visits="requested"),
        rule("requested_visits_unknown", "insufficient_documentation", "deny",
             {"requested_visits": _t(known=False)},
             "The request states no number of visits, so it cannot be shown to stay within the "
             "{guideline} trial of {trial} for {label}; a request of unstated extent is not "
             "medically necessary as made.", approvable_visits=0),
        rule("prior_sessions_unknown", "insufficient_documentation", "deny",
             {"prior_sessions": _t(known=False),
              "functional_improvement": _t(ne="documented", or_unknown=True)},
             "The record shows earlier sessions of this treatment but not how many, so it does "
             "not show whether the {guideline} trial of {trial} for {label} has been used or "
             "what it achieved; the requesting physician must document it.",
             approvable_visits=0),
        rule("improvement_unknown", "insufficient_documentation", "deny",
             {"prior_sessions": _t(gte=tv), "requested_visits": _t(lte=limit),
              "functional_improvement": _t(known=False)},
             "Continuing after {prior_sessions} earlier sessions needs objective functional "
             "improvement from the trial, and the record does not document any.",
             approvable_visits=0),
    ]
    if t.total is not None:
        av = t.total.visits
        total_approvable = Approvable(visits=av)
        rules += [
            rule("total_exceeded", "visit_limit_exceeded", "deny",
                 {"requested_visits": _t(gt=av)},
                 "{requested_visits} visits were requested; even after a successful trial "
                 "{guideline} recommends a total of {total} for {label}.",
                 approvable_visits=total_approvable),
            rule("course_exceeded", "visit_limit_exceeded", "deny",
                 {"requested_visits": _t(lte=av), "prior_sessions": _t(gt=0),
                  "total_visits": _t(gt=av)},
                 "{prior_sessions} earlier sessions and {requested_visits} requested make "
                 "{total_visits}, more than the total of {total} {guideline} recommends for "
                 "{label}.", approvable_visits=total_approvable),
            rule("total_used", "prior_visits_exceed_limit", "deny",
                 {"prior_sessions": _t(gte=av)},
                 "{prior_sessions} earlier sessions already reach the total of {total} "
                 "{guideline} recommends for {label}.", approvable_visits=0),
            rule("within_total", "within_guideline", "approve",
                 {"total_visits": _t(lte=av), "functional_improvement": _t(eq="documented")},
                 "With documented functional improvement, {total_visits} visits in all are "
                 "within the total of {total} {guideline} recommends for {label}.",
                 # (sessions had: not only visits approved beside the request, which count
                 # against the course but have shown nothing yet)
                 any_=[{"prior_sessions": _t(gt=0),
                        "prior_treatment": _t(ne=False, or_unknown=True)},
                       {"certified_part_given": _t(eq=True)}],
                 approvable_visits="requested"),
            # (with improvement shown, the course depends on how many sessions were had, and
            # the burden of proof is the requester's: a count not documented is a reason)
            rule("total_prior_sessions_unknown", "insufficient_documentation", "deny",
                 {"requested_visits": _t(lte=av), "prior_sessions": _t(known=False),
                  "functional_improvement": _t(eq="documented"),
                  "prior_treatment": _t(ne=False, or_unknown=True)},
                 "With documented functional improvement {guideline} recommends up to a total "
                 "of {total} for {label}, but the record does not show how many sessions were "
                 "already given, so it does not show that {requested_visits} more stay within "
                 "it; the requesting physician must document it.", approvable_visits=0),
        ]
    return rules
