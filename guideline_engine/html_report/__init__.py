"""The audit as one self-contained HTML page: summary, charts, a sortable and filterable items
table, each item with its letter's text and the evidence of its facts highlighted.

    texts.py   the letters' texts, read again from their files (and their reviewers' specialties)
    build.py   AuditReport + texts -> Page (page.py: the page's data as pydantic models)
    charts.py  the charts: SVG drawn by matplotlib, deterministic
    render.py  Page -> HTML, with assets/ (template, style, script) inline
    load.py    an audit JSON file -> AuditReport, with a clear error
"""

from __future__ import annotations

from pathlib import Path

from ..models import AuditReport
from .build import build_page
from .load import AuditFileError, read_audit_json
from .render import render_page
from .texts import read_letter_files

__all__ = ["AuditFileError", "read_audit_json", "render_html"]


def render_html(report: AuditReport, base: str | Path | None = None) -> str:
    """The report page. Letter texts are read again from the letters' sources (relative ones
    from the working folder, then from `base`); a letter whose file cannot be read is shown
    without its text, saying why. The same report gives the same bytes."""
    files = read_letter_files(report, Path(base) if base is not None else None)
    return render_page(build_page(report, files))
