"""Deciding when a date the edition depends on, or a count, is not stated exactly.

A letter that does not state the request date still bounds it: after the latest dated event of
the case before the UR decision, on or before the UR decision (extract/dates.py writes that
interval on the request_date fact). The reviewer's citation may name the edition too ("MTUS
Chronic Pain Medical Treatment Guidelines 2009"). The request is decided under every guideline
edition the interval (narrowed by the citation) still allows: when they all give the same
answer, that is the decision, with a note; only a real split is undetermined, naming both
answers.

A count of earlier sessions the letter gives as a range ("approximately 12-15 visits to date")
is decided at either end the same way; where the ends differ, the count the course depends on is
not documented (burden of proof), so the request is not shown to be medically necessary as made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from .decide import decide
from .models import CaseFacts, CountQualifier, Decision, Fact
from .rules import RuleBook


@dataclass(frozen=True)
class CitedEdition:
    """How a reviewer's citation names an MTUS edition, and the period it was in force."""

    pattern: str
    name: str
    start: dt.date
    end: dt.date | None


# data: citations that name an edition (the Acupuncture guidelines of 2007 stayed in force
# after 2009, so "Acupuncture Treatment 2007" names no period and is not listed)
CITED_EDITIONS = (
    # (the document's own title, with the year of an edition of it or with none: the MTUS
    # from December 2017 names its chronic pain guideline after ACOEM)
    # ("MTUS Chronic Pain Treatment Guidelines Physical Medicine": the title shortened)
    CitedEdition(r"Chronic\s+Pain\s+(?:Medical\s+)?Treatment(?:\s+Guidelines?)?+(?:\s*,?\s*\(?"
                 r"(?:2009|201[0-6])\b|(?!\s*,?\s*\(?20(?:1[7-9]|2\d)\b))",
                 "the MTUS of 18 Jul 2009 - 30 Nov 2017 (Chronic Pain Medical Treatment "
                 "Guidelines)", dt.date(2009, 7, 18), dt.date(2017, 11, 30)),
    CitedEdition(r"\bACOEM\b[^.;]{0,100}\b(?:2017|2018|2019|202\d)\b",
                 "the MTUS from 1 Dec 2017 (ACOEM guidelines)", dt.date(2017, 12, 1), None),
)


def cited_period(citation: str) -> CitedEdition | None:
    for cited in CITED_EDITIONS:
        if regex.search(cited.pattern, citation, regex.IGNORECASE):
            return cited
    return None


def _boundaries(book: RuleBook) -> list[dt.date]:
    """Every date on which some edition starts or the day after one ends."""
    found: set[dt.date] = set()
    for loaded in book.files:
        edition = loaded.ruleset.edition
        found.add(edition.effective_from)
        if edition.effective_to is not None:
            found.add(edition.effective_to + dt.timedelta(days=1))
    return sorted(found)


def _key(decision: Decision) -> tuple:
    return (decision.outcome, decision.approvable_visits, decision.governing_guideline)


def decide_uncertain(facts: CaseFacts, book: RuleBook, prefer: list[str] | None = None,
                     citation: str = "") -> Decision:
    """The decision under every value the uncertain facts still allow: a count of earlier
    sessions given as a range ("approximately 12-15 visits to date"), then the request date."""
    prior = facts.prior_sessions
    if not (prior.known and prior.qualifier == CountQualifier.range and prior.upper is not None
            and prior.upper > prior.value):
        return _decide_dated(facts, book, prefer, citation)
    ends = []
    for count in (prior.value, prior.upper):
        trial = facts.model_copy()
        trial.prior_sessions = prior.model_copy(update={
            "value": count, "qualifier": CountQualifier.exact, "upper": None,
            "note": f"one end of the range the letter gives ({prior.display()})"})
        ends.append(_decide_dated(trial, book, prefer, citation))
    span = f"the letter gives the earlier sessions as a range ({prior.display()})"
    if ends[0].outcome == ends[1].outcome:
        # one outcome at either end (the rules are monotone in the count): decided, allowing
        # what every count in the range allows
        chosen = min(reversed(ends), key=lambda d: (d.approvable_visits is None,
                                                    d.approvable_visits or 0))
        chosen.notes.append(f"{span}; either end gives the same outcome ({chosen.outcome})")
        return chosen
    if "undetermined" in (ends[0].outcome, ends[1].outcome):
        return _decide_dated(facts, book, prefer, citation)
    # burden of proof: the count the course depends on is not documented, and the record does
    # not show the request stays within the guideline at every count it allows (more earlier
    # sessions never turn a denial into an approval: the higher end is the denial)
    denied = next(d for d in ends if d.outcome == "upheld")
    denied.notes.append(f"{span}: {ends[0].outcome} at {prior.value}, {ends[1].outcome} at "
                        f"{prior.upper}; the count the course depends on is not documented, "
                        "so the request is not shown to be medically necessary as made")
    return denied


def _decide_dated(facts: CaseFacts, book: RuleBook, prefer: list[str] | None = None,
                  citation: str = "") -> Decision:
    request = facts.request_date
    cited = cited_period(citation)
    if request.known:
        return decide(facts, book, prefer=prefer)
    low = request.earliest or (facts.injury_date.value if facts.injury_date.known else None)
    high = request.latest
    notes = []
    if high is None:
        # no UR or decision date bounds the request (the seeds' layout has no header): the
        # edition the reviewer's citation names bounds it (after the injury, when it is dated)
        if cited is None or cited.end is None or (low is not None and low > cited.end):
            return decide(facts, book, prefer=prefer)
        high = cited.end
        low = low if low is not None else cited.start
    low = low if low is not None else high
    if cited is not None:
        c_low = max(low, cited.start)
        c_high = min(high, cited.end) if cited.end else high
        if c_low <= c_high:
            low, high = c_low, c_high
            notes.append(f"the reviewer's citation names {cited.name}")
    candidates = [low] + [b for b in _boundaries(book) if low < b <= high]
    if high != low:
        candidates.append(high)
    decisions: list[tuple[dt.date, Decision]] = []
    for day in candidates:
        trial = facts.model_copy()
        trial.request_date = Fact(value=day, known=True,
                                  note="a request date the letter's dates still allow")
        decisions.append((day, decide(trial, book, prefer=prefer)))
    span = (f"the request date is not stated; it lies between {low.isoformat()} and "
            f"{high.isoformat()}" + (f" ({'; '.join(notes)})" if notes else ""))
    answers = {}
    for day, decision in decisions:
        answers.setdefault(_key(decision), []).append((day, decision))
    chosen = decisions[-1][1]
    if len({outcome for outcome, _, _ in answers}) == 1:
        # one outcome on every date the interval allows: decided. Where the editions allow
        # different numbers of visits, what every one of them allows is the lowest.
        editions = sorted({e for _, d in decisions for g in d.by_guideline.values()
                           if g.edition for e in [g.edition]})
        visits = sorted({d.approvable_visits for _, d in decisions
                         if d.approvable_visits is not None})
        if len(answers) > 1:
            chosen = min((d for _, d in reversed(decisions)),
                         key=lambda d: (d.approvable_visits is None, d.approvable_visits or 0))
        same = "the same decision" if len(answers) == 1 else (
            f"the same outcome ({chosen.outcome})" + (
                f", allowing {visits[0]} to {visits[-1]} visits (the lowest is given)"
                if len(visits) > 1 else ""))
        chosen.notes.append(f"{span}; every edition in force in that interval"
                            + (f" ({', '.join(editions)})" if editions else "")
                            + f" gives {same}")
        chosen.as_of = None
        return chosen
    described = "; ".join(
        f"{outcome} under {guideline or 'no guideline'} for a request on "
        f"{group[0][0].isoformat()}" + (f" (approvable {visits})" if visits is not None else "")
        for (outcome, visits, guideline), group in answers.items())
    return Decision(outcome="undetermined", medically_necessary=None,
                    governing_guideline=chosen.governing_guideline,
                    governing_reason=f"{span}, and the editions in force in it disagree: "
                                     f"{described}",
                    by_guideline=chosen.by_guideline, as_of=None,
                    notes=[f"{span}; the answer depends on the edition: {described}"])
