"""The pre-check form page: static/form.html with the vocabulary's choices filled in.

The page is one self-contained file (inline CSS and JavaScript, nothing fetched from elsewhere).
Its select lists are rendered here, from the fact vocabulary, so that the page offers exactly
the values `/v1/check` accepts.
"""

from __future__ import annotations

import html
from importlib import resources

from ..vocabulary import GUIDELINE_FAMILIES, enum_values

# words for a person, where the value's own name reads badly
LABELS = {
    "functional_improvement": {"documented": "yes, documented",
                               "not_documented": "no, not documented",
                               "worsened": "worsened"},
    "body_region": {"wrist_hand": "wrist / hand", "ankle_foot": "ankle / foot",
                    "unspecified": "unspecified"},
}
# the first option of each list: what leaving it alone means
BLANK = {"modality": "choose…", "body_region": "choose…", "functional_improvement": "unknown",
         "guideline": "MTUS first (Medical Evidence Search Sequence)"}
SELECTS = ("modality", "body_region", "functional_improvement")


def _options(name: str, values: list[str]) -> str:
    labels = LABELS.get(name, {})
    out = [f'<option value="">{html.escape(BLANK[name])}</option>']
    for value in values:
        label = labels.get(value, value.replace("_", " "))
        out.append(f'<option value="{html.escape(value)}">{html.escape(label)}</option>')
    return "".join(out)


def render_form(rules_version: str) -> str:
    template = resources.files(__package__).joinpath("static").joinpath("form.html")
    page = template.read_text("utf-8")
    for name in SELECTS:
        page = page.replace(f"<!--options:{name}-->", _options(name, enum_values(name) or []))
    page = page.replace("<!--options:guideline-->", _options("guideline",
                                                              list(GUIDELINE_FAMILIES)))
    return page.replace("<!--rules_version-->", html.escape(rules_version))


# the page loads nothing from elsewhere; the browser is told to refuse anything that tries
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'unsafe-inline'; "
                           "style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; "
                           "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
