"""What happened before the request: prior sessions of the same modality and whether they
produced functional improvement.

Negation follows the ConText idea (a trigger, a scope that runs to the end of the clause, and
terminators such as "but"): "without significant pain relief or functional improvement" and "no
documentation indicating objective functional improvement" are negated readings; "has plateaued"
is its own not-documented reading; "resulted in increased pain" is a worsened one.
"""

from __future__ import annotations

import regex

from ..models import Fact, Reading
from ..vocabulary import CountQualifier, FunctionalImprovement
from . import categories
from .numbers import NUMBER, to_int
from .parts import RECORD_ORDER, ItemText, Sentence, resolve

_N = NUMBER
_UNIT = r"(?:sessions?|visits?|treatments?)"
_COUNT = regex.compile(
    rf"(?P<qual>at\s+least|a\s+minimum\s+of|no\s+fewer\s+than|more\s+than|over|in\s+excess\s+of|"
    rf"approximately|about|around|roughly|some|nearly)?\s*"
    rf"(?<![\w.-])(?P<low>{_N})(?:\s*(?:-|–|to)\s*(?P<high>{_N}))?\s+"
    rf"(?:(?:prior|previous|earlier|additional|completed|approved|authorized|total|"
    rf"[A-Za-z]+(?:\s+[A-Za-z]+)?)\s+)?{_UNIT}\b(?!\s*(?:clinical\s+)?(?:trial|course))",
    regex.IGNORECASE,
)
_PAST = regex.compile(
    r"\b(?:had|has\s+had|have\s+had|completed|attended|participated|received|underwent|"
    r"undergone|prior|previous|previously|earlier|already|to\s+date|thus\s+far|so\s+far|"
    r"approved|authorized|certified|through|since|alone|throughout|history|treated)\b",
    regex.IGNORECASE,
)
_REQUEST = regex.compile(
    r"\b(?:request\w*|reqquest\w*|authorization\s+for|RFA|prescri\w+|asked\s+for|"
    r"plan\s+included|is\s+(?:not\s+)?medically\s+necessary)\b", regex.IGNORECASE)
_AT_LEAST = {"at least", "a minimum of", "no fewer than", "more than", "over", "in excess of"}
_NO_RECENT = regex.compile(
    r"\b(?:had\s+not\s+had|has\s+not\s+had|hasn't\s+had|no)\s+(?:any\s+)?(?:recent\s+|prior\s+|"
    r"previous\s+)?(?P<what>[A-Za-z ]{2,30}?)(?:\s+(?:treatment|sessions))?\b(?=[,.;]|\s+(?:and|"
    r"or|since|to\s+date|in))", regex.IGNORECASE)
_HISTORY = regex.compile(
    r"\b(?:treatment\s+to\s+date|treated\s+with|has\s+been\s+treated|thus\s+far|"
    r"participated\s+in|previous|prior|earlier|had\s+(?:some|extensive)|completed|received|"
    r"underwent|benefit\w*\s+from|following\s+(?:some|earlier|extensive))\b", regex.IGNORECASE)


def _count_modality(sentence: Sentence, start: int, end: int, item_modality: str | None,
                    in_rationale: bool) -> str | None:
    """Which treatment a count in a sentence refers to."""
    text = sentence.text
    # "N sessions of X" / "N physical therapy sessions"
    after = regex.match(r"\s*(?:of|with|in)\s+(?:the\s+)?(?:\w+\s+){0,2}?", text[end:])
    if after:
        hit = categories.first(categories.MODALITY, text[end:end + after.end() + 40])
        if hit and hit.start <= after.end() + 1:
            return hit.value
    inside = categories.first(categories.MODALITY, text[start:end])
    if inside:
        return inside.value
    # "unspecified physical therapy (at least 6 sessions approved)"
    before = [m for m in categories.mentions(categories.MODALITY, text[max(0, start - 60):start])]
    if before and text[max(0, start - 60) + before[-1].end:start].strip(" (") == "":
        return before[-1].value
    if before and "(" in text[max(0, start - 60) + before[-1].end:start]:
        return before[-1].value
    if in_rationale and not sentence.modalities() - ({item_modality} if item_modality else set()):
        return item_modality
    return None


def prior_sessions(text: ItemText, item_modality: str | None) -> Fact:
    readings: list[Reading] = []
    for part in (text.rationale, text.summary):
        for sentence in part.sentences():
            if sentence.is_guideline_talk():
                continue
            s = sentence.text
            for m in _COUNT.finditer(s):
                if not _PAST.search(s) or _request_near(s, m.start(), m.end()):
                    continue
                mod = _count_modality(sentence, m.start("low"), m.end(), item_modality,
                                      part.name == "rationale")
                if item_modality is None or mod != item_modality:
                    continue
                low = to_int(m.group("low"))
                high = to_int(m.group("high")) if m.group("high") else None
                qual_text = " ".join((m.group("qual") or "").lower().split())
                if high is not None and high > low:
                    qualifier, upper = CountQualifier.range, high
                elif qual_text in _AT_LEAST:
                    qualifier, upper = CountQualifier.at_least, None
                elif qual_text:
                    qualifier, upper = CountQualifier.approximately, None
                else:
                    qualifier, upper = CountQualifier.exact, None
                qstart = m.start("qual") if m.group("qual") else m.start("low")
                readings.append(Reading(value=low, part=part.name, qualifier=qualifier,
                                        upper=upper, evidence=[sentence.evidence(qstart, m.end())]))
            none = _no_recent(sentence, item_modality)
            if none is not None:
                readings.append(none)
    if not readings:
        return Fact.unknown("the letter gives no count of earlier sessions of this treatment")
    return resolve(readings, RECORD_ORDER)


def _request_near(text: str, start: int, end: int) -> bool:
    """A request cue in the same clause before the count ('this request for 12 sessions')."""
    clause_start = max(text.rfind(",", 0, start), text.rfind(";", 0, start), 0)
    return bool(_REQUEST.search(text, clause_start, end))


def _no_recent(sentence: Sentence, item_modality: str | None) -> Reading | None:
    for m in _NO_RECENT.finditer(sentence.text):
        what = categories.first(categories.MODALITY, m.group("what"))
        if what and what.value == item_modality:
            return Reading(value=0, part=sentence.part.name, qualifier=CountQualifier.exact,
                           evidence=[sentence.evidence(m.start(), m.end())])
    return None


def prior_treatment(text: ItemText, item_modality: str | None, prior: Fact) -> Fact:
    """Whether this treatment was given before (a count is not needed for that)."""
    if prior.known:
        return Fact(value=prior.value > 0, known=True, evidence=prior.evidence,
                    note=f"from the prior session count ({prior.display()})")
    readings: list[Reading] = []
    for part in (text.rationale, text.summary):
        for sentence in part.sentences():
            if sentence.is_guideline_talk() or item_modality not in sentence.modalities():
                continue
            m = _HISTORY.search(sentence.text)
            if m and not _REQUEST.search(sentence.text[: m.start()]):
                readings.append(Reading(value=True, part=part.name,
                                        evidence=[sentence.evidence()]))
    if not readings:
        return Fact.unknown("the letter does not say whether this treatment was given before")
    return resolve(readings, RECORD_ORDER, note="the letter says this treatment was given "
                   "before but not how many sessions")


# ---------------------------------------------------------------- functional improvement

_FI_TERM = regex.compile(
    r"\b(?:(?:objective\s+)?functional\s+(?:improvement|gains?|benefit|restoration)|"
    r"improvement\s+in\s+function|improved\s+function|(?:much\s+)?improved|improvement|"
    r"benefit(?:ed|s)?|beneficial|helpful|respond\w*\s+favorably|progress)\b",
    regex.IGNORECASE)
_NEGATION = regex.compile(
    r"\b(?:no|not|without|absent|absence\s+of|lack(?:ing|s)?(?:\s+of)?|failed\s+to|fails\s+to|"
    r"did\s+not|does\s+not|has\s+not|have\s+not|never|neither|nor|little\s+(?:or|to)\s+no|"
    r"unable\s+to|no\s+evidence\s+of|no\s+documentation|minimal)\b", regex.IGNORECASE)
_TERMINATOR = regex.compile(r"\b(?:but|however|although|though|yet|whereas|except)\b|[;:]",
                            regex.IGNORECASE)
_PLATEAU = regex.compile(r"\bplateau\w*\b", regex.IGNORECASE)
_WORSE = regex.compile(
    r"\b(?:increased\s+pain|worsen\w*|worse|aggravat\w*|exacerbat\w*\s+(?:by|with|after))\b",
    regex.IGNORECASE)
# other treatments: a statement about them is not about this item's treatment
_OTHER_TREATMENT = regex.compile(
    r"\b(?:medications?|medicine|drugs?|injections?|epidural|surgery|NSAIDs?|opioids?|TENS|"
    r"brace|pills?|ibuprofen|norco)\b", regex.IGNORECASE)

_FI_RANK = {FunctionalImprovement.worsened.value: 0,
            FunctionalImprovement.not_documented.value: 1,
            FunctionalImprovement.documented.value: 2}


def _about_item(sentence: Sentence, item_modality: str | None) -> bool:
    mods = sentence.modalities()
    if item_modality in mods:
        return True
    if sentence.part.name != "rationale" or mods:
        return False
    # a rationale sentence naming no treatment is about the item, unless it is about another
    # kind of treatment (medication, injections...)
    return not _OTHER_TREATMENT.search(sentence.text)


def _polarity(sentence: Sentence) -> tuple[str, int, int] | None:
    s = sentence.text
    if m := _WORSE.search(s):
        return FunctionalImprovement.worsened.value, m.start(), m.end()
    if m := _PLATEAU.search(s):
        return FunctionalImprovement.not_documented.value, m.start(), m.end()
    for m in _FI_TERM.finditer(s):
        clause_start = 0
        for t in _TERMINATOR.finditer(s, 0, m.start()):
            clause_start = t.end()
        negations = list(_NEGATION.finditer(s, clause_start, m.start()))
        # ConText-style window: the trigger governs the next few words only
        negations = [n for n in negations if len(s[n.end():m.start()].split()) <= 8]
        if negations:
            return FunctionalImprovement.not_documented.value, negations[-1].start(), m.end()
        return FunctionalImprovement.documented.value, m.start(), m.end()
    return None


def functional_improvement(text: ItemText, item_modality: str | None) -> Fact:
    readings: list[Reading] = []
    for part in (text.rationale, text.summary):
        for sentence in part.sentences():
            if sentence.is_guideline_talk() or not _about_item(sentence, item_modality):
                continue
            found = _polarity(sentence)
            if found is None:
                continue
            value, start, end = found
            readings.append(Reading(value=value, part=part.name,
                                    evidence=[sentence.evidence(start, end)]))
    if not readings:
        return Fact.unknown("the letter says nothing about functional improvement from this "
                            "treatment")
    return resolve(readings, RECORD_ORDER, rank=_FI_RANK)
