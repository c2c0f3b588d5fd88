"""A whitespace-folded view of part of a letter that maps every character back to the letter.

The view folds the normalised text (ingest.NormalText.clean: runs of whitespace become one space,
a word broken at a line end is joined). Patterns are matched on the folded view; every match is
turned back into a Span of the *raw* letter text, so evidence quotes the letter's own characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

import regex

from .ingest import NormalText
from .models import Span

# a sentence ends at . ! ? followed by space and a capital, or glued to the next sentence
# ("medications.On 8-19-2015"), but not after common abbreviations (nor a month's: "Dec. 1,
# 2016").
# (the cheap assertion first: most positions follow no stop, and fail there at once)
_SENTENCE_END = regex.compile(
    r"""(?<=[.!?]["')\u201d\u2019]?)
        (?<!\b(?:Dr|Mr|Mrs|Ms|vs|e\.g|i\.e|p|pp|No|approx|St|Jr|Sr|
                 Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)
        (?:\s+(?=["(\u201c\u2018]?[A-Z0-9])|(?<=[a-z0-9]{2}[.!?])(?=[A-Z][a-z]))""",
    regex.VERBOSE,
)


# a run of whitespace as str.isspace() sees it (the standard library's \s on str is exactly that)
_WHITESPACE = re.compile(r"\s+")
# a line that is an entry of a bulleted list ("\u2022 Physical therapy, 12 sessions", "o Cervical
# sprain/strain", "- Chiropractic treatment, 6 sessions")
_BULLET_LINE = re.compile("(?:[\u2022\uf0b7\u25aa\u25cf\u2023\u2043\u00b7*\u2013-]|"
                          "o(?=[ \t]+[A-Z]))[ \t]+\\S")


@dataclass(frozen=True)
class TextView:
    """Folded text of clean[start:end] with `offsets[i]` = raw letter index of folded char i."""

    letter: str   # the raw letter text
    folded: str
    offsets: tuple[int, ...]
    # folded offsets where a sentence starts that no stop marks: the line after a bulleted
    # list, whose last entry ends with no full stop
    breaks: tuple[int, ...] = ()

    @classmethod
    def of(cls, text: NormalText | str, start: int = 0, end: int | None = None) -> TextView:
        if isinstance(text, str):
            from .ingest import normalise
            text = normalise(text)
        letter, to_raw = text.clean, text.offsets
        end = len(letter) if end is None else end
        pieces: list[str] = []          # non-space chunks and single spaces, in order
        offsets: list[int] = []         # raw offset of every folded character
        pos = start
        breaks: list[int] = []
        in_list = bool(_BULLET_LINE.match(letter, start))   # on a bulleted list's line
        for run in _WHITESPACE.finditer(letter, start, end):
            i, j = run.span()
            if i > pos:
                pieces.append(letter[pos:i])
                offsets.extend(to_raw[pos:i])
            pos = j
            new_line = "\n" in letter[i:j]
            if new_line:
                bullet = bool(_BULLET_LINE.match(letter, j))
                if in_list and not bullet and j < end and letter[j].isupper() and pieces:
                    breaks.append(len(offsets) + 1)   # after the space appended below
                in_list = bullet or (in_list and not letter[j:j + 1].isupper())
            if not pieces:
                continue                # leading whitespace folds to nothing
            last = pieces[-1]
            glued_hyphen = (
                "\n" in letter[i:j] and len(last) > 1 and last[-1] == "-"
                and last[-2].isalpha() and j < end and letter[j].islower()
            )
            if glued_hyphen:
                # a word broken at a line end ("Uti-\n\nlization"): drop the hyphen too
                pieces[-1] = last[:-1]
                offsets.pop()
            elif j < end:
                pieces.append(" ")
                offsets.append(to_raw[i])
        if pos < end:
            pieces.append(letter[pos:end])
            offsets.extend(to_raw[pos:end])
        return cls(letter=text.raw, folded="".join(pieces), offsets=tuple(offsets),
                   breaks=tuple(breaks))

    def joined(self, other: TextView) -> TextView:
        """This view, a space, then `other` (a later part of the same letter)."""
        if not self.folded or not other.folded:
            return self if other.folded == "" else other
        shift = len(self.folded) + 1
        return TextView(letter=self.letter, folded=f"{self.folded} {other.folded}",
                        offsets=(*self.offsets, other.offsets[0], *other.offsets),
                        breaks=(*self.breaks, *(b + shift for b in other.breaks)))

    def span(self, fstart: int, fend: int) -> Span:
        """The letter span covered by folded[fstart:fend] (fend exclusive, fend > fstart)."""
        if fend <= fstart:
            raise ValueError("empty span")
        start = self.offsets[fstart]
        end = self.offsets[fend - 1] + 1
        return Span(start=start, end=end, quote=self.letter[start:end])

    def sentences(self) -> Iterator[tuple[int, int]]:
        """(start, end) folded offsets of each sentence-like clause."""
        return iter(self._sentence_bounds)

    @cached_property
    def _sentence_bounds(self) -> tuple[tuple[int, int], ...]:
        cuts = sorted({(m.start(), m.end()) for m in _SENTENCE_END.finditer(self.folded)} |
                      {(b - 1, b) for b in self.breaks if 0 < b < len(self.folded)})
        bounds = []
        pos = 0
        for cut_start, cut_end in cuts:
            if cut_start < pos:
                continue
            if cut_start > pos:
                bounds.append((pos, cut_start))
            pos = cut_end
        if pos < len(self.folded):
            bounds.append((pos, len(self.folded)))
        return tuple(bounds)
