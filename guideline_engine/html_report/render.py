"""Page -> one self-contained HTML file: styles, script and charts inline, no network.

The summary, charts and errors are written as HTML here; the items table and the item view are
drawn by the page's script from data blocks: the rows, JSON parsed at load, and one packed block
per letter and per letter file, unpacked and parsed only when one of the letter's items is
opened. A packed block is the JSON deflated (zlib) and written in base64: a report of ten
thousand letters is about a quarter of the size it would be as plain JSON, and the browser
reads it in a quarter of the time (bench/html_report.py). Neither kind of block can end its
<script> element early: base64 has no "<", and the rows' JSON has every "<" as "\\u003c".
"""

from __future__ import annotations

import base64
import json
import re
import zlib
from html import escape
from importlib import resources

from .. import __version__
from .charts import breakdown_svg, confusion_svg
from .page import Breakdown, Confusion, GroupCount, Page

_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def asset(name: str) -> str:
    return (resources.files(__package__) / "assets" / name).read_text(encoding="utf-8")


def fill(template: str, **parts: str) -> str:
    """Replace each {{name}} once, in one pass (inserted text is never scanned again)."""
    missing = set(_PLACEHOLDER.findall(template)) - set(parts)
    if missing:
        raise KeyError(f"template placeholders without a value: {sorted(missing)}")
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], template)


def json_block(block_id: str, data) -> str:
    """A <script type="application/json"> element whose content cannot end it early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="{block_id}">{text}</script>\n'


def packed_block(block_id: str, data) -> str:
    """A <script> data block holding `data` as JSON, deflated, in base64 (the page's script
    unpacks it with DecompressionStream("deflate"))."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packed = base64.b64encode(zlib.compress(raw, 6)).decode("ascii")
    return (f'<script type="application/octet-stream" data-encoding="deflate+base64" '
            f'id="{block_id}">{packed}</script>\n')


def unpack_block(packed: str):
    """The data of a packed block's content (for tests and tools)."""
    return json.loads(zlib.decompress(base64.b64decode(packed)).decode("utf-8"))


def _percent(group: GroupCount) -> str:
    rate = group.agreement
    return "–" if rate is None else f"{100 * rate:.1f}%"


def _breakdown_table(breakdown: Breakdown) -> str:
    head = ("<tr><th scope=col>group</th><th scope=col>items</th><th scope=col>agree</th>"
            "<th scope=col>disagree</th><th scope=col>undetermined</th>"
            "<th scope=col>out of scope</th><th scope=col title='agree / (agree + disagree)'>"
            "agreement</th></tr>")
    body = "".join(
        f"<tr><th scope=row>{escape(g.group)}</th><td>{g.items}</td><td>{g.agree}</td>"
        f"<td>{g.disagree}</td><td>{g.undetermined}</td><td>{g.out_of_scope}</td>"
        f"<td>{_percent(g)}</td></tr>" for g in breakdown.groups)
    return f'<table class="numbers"><thead>{head}</thead><tbody>{body}</tbody></table>'


def _confusion_table(confusion: Confusion) -> str:
    head = "<tr><th scope=col>recorded \\ engine</th>" + "".join(
        f"<th scope=col>{escape(c)}</th>" for c in confusion.columns) + "</tr>"
    body = "".join(
        f"<tr><th scope=row>{escape(r)}</th>" + "".join(f"<td>{n}</td>" for n in counts)
        + "</tr>" for r, counts in zip(confusion.rows, confusion.counts, strict=True))
    return f'<table class="numbers" id="confusion"><thead>{head}</thead><tbody>{body}</tbody>' \
           "</table>"


def _chart(chart_id: str, title: str, note: str | None, svg: str, table: str) -> str:
    note_html = f'<p class="note">{escape(note)}</p>' if note else ""
    return (f'<figure class="chart" id="chart-{chart_id}"><figcaption><h3>{escape(title)}</h3>'
            f'{note_html}</figcaption><div class="chart-body"><div class="svg">{svg}</div>'
            f"{table}</div></figure>\n")


def charts_html(page: Page) -> str:
    out = [_chart("confusion", "Recorded outcome × engine outcome",
                  "Rows: the outcome the letter records. Columns: the engine's outcome "
                  "(an out-of-scope item is not physical medicine and is not decided).",
                  confusion_svg(page.confusion), _confusion_table(page.confusion))]
    for breakdown in page.breakdowns:
        out.append(_chart(breakdown.key, breakdown.title, breakdown.note,
                          breakdown_svg(breakdown), _breakdown_table(breakdown)))
    for missing in page.missing_breakdowns:
        out.append(f'<p class="note missing-chart">{escape(missing)}</p>\n')
    return "".join(out)


SUMMARY_FIELDS = (("letters", "letters", None), ("items", "items", None),
                  ("agree", "agree", "agree"), ("disagree", "disagree", "disagree"),
                  ("undetermined", "undetermined", "undetermined"),
                  ("out_of_scope", "out of scope", "out_of_scope"), ("errors", "errors", None))


def summary_html(page: Page) -> str:
    cells = []
    for key, label, verdict in SUMMARY_FIELDS:
        element_id = "item-count" if key == "items" else f"count-{key.replace('_', '-')}"
        number = f'<span class="number" id="{element_id}">{page.summary[key]}</span>'
        if verdict:
            number = (f'<button type="button" class="show-verdict" data-verdict="{verdict}" '
                      f'title="show these items">{number}</button>')
        elif key == "errors" and page.summary[key]:
            number = f'<a href="#errors">{number}</a>'
        cells.append(f'<div class="count count-{verdict or key}">{number}'
                     f'<span class="label">{label}</span></div>')
    note = ""
    if page.texts_missing:
        note = (f'<p class="note" id="texts-missing">The text of {page.texts_missing} '
                f'letter(s) is not shown (the item view says why).</p>')
    return "".join(cells) + note


def _options(choices, everything: str) -> str:
    return f'<option value="">{escape(everything)}</option>' + "".join(
        f'<option value="{escape(c.value)}">{escape(c.label)} ({c.count})</option>'
        for c in choices)


def errors_html(page: Page) -> str:
    if not page.errors:
        return '<p class="note">No letter failed.</p>'
    rows = "".join(f"<tr><td>{escape(source)}</td><td>{escape(message)}</td></tr>"
                   for source, message in page.errors)
    return ('<table class="numbers" id="error-list"><thead><tr><th scope=col>file</th>'
            f"<th scope=col>message</th></tr></thead><tbody>{rows}</tbody></table>")


def render_page(page: Page) -> str:
    blocks, written = [], set()
    for i, letter in enumerate(page.letters):  # each letter, then its file's text the first time
        blocks.append(packed_block(f"letter-{i}", letter.model_dump(mode="json")))
        if letter.text_block is not None and letter.text_block not in written:
            written.add(letter.text_block)
            blocks.append(packed_block(f"text-{letter.text_block}",
                                       page.texts[letter.text_block]))
    return fill(
        asset("report.html"),
        title=escape(page.title), version=escape(__version__), style=asset("report.css"),
        summary=summary_html(page), charts=charts_html(page), errors=errors_html(page),
        error_count=str(len(page.errors)),
        verdict_options=_options(page.filters.verdict, "all verdicts"),
        modality_options=_options(page.filters.modality, "all modalities"),
        guideline_options=_options(page.filters.guideline, "all guidelines"),
        finding_options=_options(page.filters.finding, "all findings"),
        rows=json_block("rows", [r.model_dump(mode="json") for r in page.rows]),
        script=asset("report.js"), blocks="".join(blocks))
