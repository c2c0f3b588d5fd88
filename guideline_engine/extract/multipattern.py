"""One pass of a text against every extractor pattern at once, so each pattern's own search
runs only where it can match.

The extractor asks about a hundred patterns of every sentence, and almost all of them find
nothing. Hyperscan (a multi-pattern matcher made for this) scans a sentence once for all of
them and says which can match; `prefilter.search` then skips the rest. The scan is a necessary
test, never an answer: the match itself, its groups and offsets, still come from the pattern.

What makes the test safe (a pattern the scan says cannot match really cannot):
- the scan reads ASCII text as it is and each character beyond ASCII that the regex module
  takes as punctuation (a dash, a curly quote, a bullet: not \\w, \\s or \\d, no case variant
  in ASCII) as one byte beyond ASCII, so Hyperscan's classes (\\w, \\d, \\s, \\b, case
  folding) agree with the regex module's on every byte; a text with any other character (a
  letter beyond ASCII, a control character) gets no answer and every pattern is searched;
- each pattern is given to Hyperscan in a wider form: without its lookarounds and anchors (an
  assertion only narrows what a pattern matches), its group names, or the upper bounds of its
  repeats, and with each character beyond ASCII written as any byte beyond ASCII; a pattern
  Hyperscan cannot take (fuzzy matching, atomic groups, back-references, verbose mode, ...)
  is not in the scan and is always searched.

The patterns scanned are the extractor's own module constants (and those held in its lexicon
lists and tables), gathered once per process when the first text is scanned. Without the
`hyperscan` package (it has no wheel for some platforms) nothing is scanned and every pattern is
searched: the same answers, more slowly. The compiled database is cached on disk (`Scanner`).
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import regex

from .prefilter import class_end, without_lookarounds

try:  # pragma: no cover - which branch runs depends on the platform
    import hyperscan
except ImportError:  # pragma: no cover
    hyperscan = None

# the characters scanned as themselves
_PLAIN = frozenset("\t\n\x0b\x0c\r" + "".join(map(chr, range(0x20, 0x7F))))
_UNSCANNED = "\uffff"
# regex-module syntax Hyperscan does not share (fuzzy constraints "{e<=1}", atomic groups,
# possessive quantifiers, back-references, conditionals, recursion, version and word flags),
# looked for with every escaped character blanked; and escapes it does not share (\K, \m, \M,
# \G, Unicode properties, named lists, numbered back-references): such a pattern is not scanned
_FOREIGN = regex.compile(r"\(\?>|\{[eisd]\s*(?:[<=}]|\+)|\(\?[a-zA-Z-]*[VWrb]|"
                         r"\(\?(?:P=|P>|&|R|\d|\(|\|)|[*+?}]\+")
_FOREIGN_ESCAPE = regex.compile(r"\\(?:[KmMGpPNLX]|\d)")
_ESCAPE = regex.compile(r"\\.", regex.DOTALL)
_NAMED = regex.compile(r"\(\?P?<(?![=!])\w+>")
_ESCAPED_WIDE = regex.compile(r"\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})|\\x\{([0-9a-fA-F]+)\}")
_BOUNDED = regex.compile(r"(?<!\\)\{(\d+),\d+\}")
# what every character beyond ASCII is scanned as (see `_scanned`)
_WIDE_BYTE = "\x80"
_WIDE_BYTES = r"\x80-\xff"


def _decoded_wide(source: str) -> str:
    """`source` with its escapes of characters beyond ASCII written as the characters (never
    special characters, so the pattern means the same)."""
    def literal(m: regex.Match) -> str:
        code = int(next(g for g in m.groups() if g is not None), 16)
        return chr(code) if code > 0x7F else m.group(0)
    return _ESCAPED_WIDE.sub(literal, source)


def _ascii_only(source: str) -> str | None:
    """`source` for the scanned bytes (`_scanned`): a character beyond ASCII, in a class or
    outside one, becomes any byte beyond ASCII (a negated class keeps only its ASCII members,
    and so matches those bytes already); anchors are dropped. None where such a character's
    case-insensitive match may be an ASCII letter (the Kelvin sign is a 'k'), a class range has
    an end beyond ASCII, or a negated class would be left empty."""
    out: list[str] = []
    i = 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            if i + 1 < len(source) and not source[i + 1].isascii():
                return None
            if source[i + 1:i + 2] not in ("A", "Z", "z"):  # (anchors: see below)
                out.append(source[i:i + 2])
            i += 2
        elif c == "[":
            end = class_end(source, i)
            body = source[i + 1:end - 1]
            if body.isascii():
                out.append(source[i:end])
            else:
                # (a member beyond ASCII is any such character in the scanned bytes; a negated
                # class matches them all already)
                kept = _ascii_members(body)
                if kept is None or kept == "^":
                    return None
                out.append("[" + kept + ("]" if kept.startswith("^") else _WIDE_BYTES + "]"))
            i = end
        elif not c.isascii():
            # a character beyond ASCII never matches plain text, unless a case-insensitive
            # match of it is an ASCII letter (the Kelvin sign is a 'k'): a class of bytes
            # plain text never holds stands for it
            if any(x.isascii() for x in c.lower() + c.upper() + c.casefold()):
                return None
            out.append("[" + _WIDE_BYTES + "]")
            i += 1
        elif c in "^$":
            # (an anchor dropped only widens what the pattern matches; Hyperscan takes none
            # inside a pattern)
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _ascii_members(body: str) -> str | None:
    """A class body without its members beyond ASCII; None where a range has an end beyond
    ASCII ("a-\\u00ff": dropping one end would change the class)."""
    kept: list[str] = []
    i = 0
    while i < len(body):
        j = i + 2 if body[i] == "\\" else i + 1
        member = body[i:j]
        if j < len(body) and body[j] == "-" and j + 1 < len(body):
            end = j + 2 if body[j + 1] == "\\" else j + 1
            if not (member + body[j + 1:end]).isascii():
                return None
        if member.isascii():
            kept.append(member)
        i = j
    return "".join(kept)


def hyperscan_source(pattern: regex.Pattern) -> str | None:
    """The form of `pattern` scanned for plain text (a superset of its matches there), or None
    where it is not scanned."""
    if pattern.flags & (regex.VERBOSE | regex.WORD | regex.VERSION1 | regex.ASCII):
        return None
    source = pattern.pattern
    if "\\\\" in source or _FOREIGN_ESCAPE.search(source) or \
            _FOREIGN.search(_ESCAPE.sub("__", source)):
        return None
    source = without_lookarounds(source) or source
    source = _ascii_only(_decoded_wide(_NAMED.sub("(?:", source)))
    return source


def _flags(pattern: regex.Pattern) -> int:
    flags = hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY
    if pattern.flags & regex.IGNORECASE:
        flags |= hyperscan.HS_FLAG_CASELESS
    if pattern.flags & regex.DOTALL:
        flags |= hyperscan.HS_FLAG_DOTALL
    if pattern.flags & regex.MULTILINE:
        flags |= hyperscan.HS_FLAG_MULTILINE
    return flags


def _gathered(modules: list[object]) -> list[regex.Pattern]:
    """Every compiled pattern among the modules' globals and in their lists, tuples, sets and
    dicts (two levels down: a lexicon is a list of (pattern, value) pairs), in a fixed order."""
    seen: dict[regex.Pattern, None] = {}

    def visit(value: object, depth: int) -> None:
        if isinstance(value, regex.Pattern):
            seen.setdefault(value)
        elif depth and isinstance(value, (list, tuple)):
            for v in value:
                visit(v, depth - 1)
        elif depth and isinstance(value, dict):
            for v in value.values():
                visit(v, depth - 1)
        elif depth and isinstance(value, (set, frozenset)):
            for v in sorted(value, key=repr):
                visit(v, depth - 1)

    for module in modules:
        for name in sorted(vars(module)):
            visit(vars(module)[name], 3)
    return list(seen)


def _punctuation(c: str) -> bool:
    """Is `c` (beyond ASCII) a character the regex module's classes take as punctuation (not
    \\w, \\s or \\d), with no case variant in ASCII? Such are the dashes, curly quotes,
    bullets and signs of real letters."""
    return regex.match(r"[\w\s\d]", c) is None and \
        not any(x.isascii() for x in c.lower() + c.upper() + c.casefold())


class _Scanned(dict):
    """str.translate's table: plain characters as themselves, punctuation beyond ASCII as one
    byte beyond ASCII (Hyperscan takes it as the regex module does: \\W, \\S, \\D), anything
    else as a mark that the text is not scanned."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        value = c if c in _PLAIN else _WIDE_BYTE if not c.isascii() and _punctuation(c) \
            else _UNSCANNED
        self[code] = value
        return value


_SCANNED = _Scanned()


def _scanned(text: str) -> bytes | None:
    """The bytes Hyperscan scans for `text`, or None where it does not answer for it (a letter
    or digit beyond ASCII, a control character)."""
    if text.isascii():
        if _PLAIN.issuperset(text):
            return text.encode("ascii")
        return None
    mapped = text.translate(_SCANNED)
    return None if _UNSCANNED in mapped else mapped.encode("latin-1")


def _relaxed(source: str) -> str:
    """Bounded repeats made open ("{0,200}" -> "{0,}"): a wider match, a much faster compile."""
    return _BOUNDED.sub(lambda m: "{" + m.group(1) + ",}", source)


def _compiled(expressions: list[tuple[str, int]]) -> hyperscan.Database:
    database = hyperscan.Database()
    database.compile(expressions=[_relaxed(e).encode() for e, _ in expressions],
                     ids=list(range(len(expressions))), flags=[f for _, f in expressions])
    return database


def _compiles(expression: tuple[str, int]) -> bool:
    try:
        _compiled([expression])
    except hyperscan.error:
        return False
    return True


def cache_folder() -> Path:
    if folder := os.environ.get("GUIDELINE_ENGINE_CACHE"):
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "guideline-engine"


def _database(candidates: list[tuple[regex.Pattern, str]], cache: Path | None
              ) -> tuple[list[int], hyperscan.Database]:
    """The indices of the candidates compiled and their database, from the cache if there."""
    expressions = [(source, _flags(p)) for p, source in candidates]
    digest = hashlib.sha256(json.dumps([hyperscan.__version__, expressions]).encode())
    path = (cache or cache_folder()) / f"patterns-{digest.hexdigest()[:24]}.hsdb"
    try:
        stored = path.read_bytes()
        size = int.from_bytes(stored[:4], "big")
        kept = json.loads(stored[4:4 + size])
        return kept, hyperscan.loadb(stored[4 + size:], hyperscan.HS_MODE_BLOCK)
    except (OSError, ValueError, hyperscan.error):
        pass
    kept = list(range(len(expressions)))
    try:
        database = _compiled(expressions)
    except hyperscan.error:
        # one pattern Hyperscan cannot take spoils the lot: find it (slow, and only until
        # the screen in `hyperscan_source` learns its syntax)
        kept = [i for i, e in enumerate(expressions) if _compiles(e)]
        database = _compiled([expressions[i] for i in kept])
    header = json.dumps(kept).encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as out:
            out.write(len(header).to_bytes(4, "big") + header + hyperscan.dumpb(database))
        os.replace(out.name, path)
    except OSError:
        pass
    return kept, database


class Scanner:
    """A Hyperscan database of `patterns` (those it can take) and the scan of a text.

    Compiling the database takes seconds, so it is kept in a cache folder (the environment's
    GUIDELINE_ENGINE_CACHE, else the user's cache folder), named by a digest of the patterns
    and the Hyperscan version: a changed pattern compiles a new one. A folder that cannot be
    written costs only the compile."""

    def __init__(self, patterns: list[regex.Pattern], cache: Path | None = None) -> None:
        candidates = [(p, source) for p in patterns
                      if (source := hyperscan_source(p)) is not None]
        kept, self.database = _database(candidates, cache)
        self.ids = {candidates[i][0]: n for n, i in enumerate(kept)}
        self.scratch = hyperscan.Scratch(self.database) if kept else None

    def matching(self, text: str) -> frozenset[int] | None:
        """The ids of the patterns that may match in `text`; None for text the scan does not
        answer for."""
        scanned = _scanned(text)
        if self.scratch is None or scanned is None:
            return None
        found: set[int] = set()

        def on_match(id_: int, start: int, end: int, flags: int, context: object) -> None:
            found.add(id_)

        self.database.scan(scanned, match_event_handler=on_match,
                           scratch=self.scratch)
        return frozenset(found)


_scanner: Scanner | None = None
_enabled = hyperscan is not None


def _extractor_modules() -> list[object]:
    return [module for name, module in sorted(sys.modules.items())
            if name.startswith("guideline_engine.extract.") and module is not None]


def scanner() -> Scanner | None:
    """The process's scanner of the extractor's patterns (built on first use), or None where
    Hyperscan is not installed or scanning is switched off."""
    global _scanner
    if not _enabled:
        return None
    if _scanner is None:
        _scanner = Scanner(_gathered(_extractor_modules()))
    return _scanner


def set_enabled(on: bool) -> None:
    """Switch the scan on or off (tests compare the answers both ways)."""
    global _enabled
    _enabled = on and hyperscan is not None
    _matching.cache_clear()


# (a letter's sentences are asked about together: a few thousand texts are enough, and more
# would hold memory while a corpus streams)
@lru_cache(maxsize=1 << 12)
def _matching(text: str) -> frozenset[int] | None:
    found = scanner()
    return None if found is None else found.matching(text)


def may_match(pattern: regex.Pattern, text: str) -> bool:
    """False only where `pattern` certainly finds nothing in `text`."""
    found = scanner()
    if found is None:
        return True
    id_ = found.ids.get(pattern)
    if id_ is None:
        return True
    matching = _matching(text)
    return matching is None or id_ in matching
