"""Coverage-guided fuzzing of the text decoder, the normaliser and the letter parser with atheris
(libFuzzer), beside the hypothesis properties of tests/test_fuzz.py.

    pip install atheris
    python scripts/fuzz_atheris.py -max_total_time=600 [corpus_dir]

Any bytes: decoded as a text file is (BOM, strict UTF-8, named fallback), normalised (the offset
map must send every normalised offset back into the raw text and quote it exactly), then parsed.
A parse may fail only with the project's own error naming the source; anything else is a crash
that libFuzzer reports with the input that caused it. The seed letters start the corpus.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from guideline_engine.errors import GuidelineEngineError
    from guideline_engine.ingest.decode import decode_text
    from guideline_engine.ingest.normalise import normalise
    from guideline_engine.letters import parse_letters
    from guideline_engine.models import Document

ROOT = Path(__file__).resolve().parents[1]


def one_input(data: bytes) -> None:
    try:
        text, _note = decode_text(data, "fuzz.txt")
    except GuidelineEngineError:
        return  # binary, or an encoding that cannot be read: a named error
    normal = normalise(text)
    step = max(1, len(normal.clean) // 64)
    for i in range(0, len(normal.clean), step):
        start, end = normal.raw_span(i, i + 1)
        assert 0 <= start < end <= len(text), (i, start, end)
        # a normalised character comes from the raw text it maps to (whitespace is folded)
        assert normal.clean[i].isspace() or normal.clean[i] in text[start:end] or \
            normal.clean[i] == "-", (i, normal.clean[i], text[start:end])
    try:
        parse_letters(Document(source="fuzz.txt", text=text))
    except GuidelineEngineError as exc:
        assert "fuzz.txt" in str(exc), str(exc)


def main() -> None:
    args = list(sys.argv)
    if len(args) == 1 or args[-1].startswith("-"):
        # no corpus folder given: start from the seed letters
        seeds = ROOT / "fixtures" / "letters"
        corpus = Path("/tmp/guideline-engine-atheris-corpus")
        corpus.mkdir(exist_ok=True)
        for letter in sorted(seeds.glob("*.txt")):
            (corpus / letter.name).write_bytes(letter.read_bytes())
        args.append(str(corpus))
    atheris.Setup(args, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
