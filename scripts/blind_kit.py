"""Assemble the kit that helpers writing blind letters read (and nothing else).

    python scripts/blind_kit.py OUT_DIR [--shared ../shared] [--published 41]

The kit holds the design notes, the guideline reference, the fact vocabulary (quoted from
`guideline_engine/vocabulary.py`, never the extraction code), published decisions as text, the
layout fixtures and the real-dev expectations, and one blind letter as a model. Its README is
`docs/blind-kit.md`. Writers see the kit only, so their expectations come from reading letters,
not from the program's output.
"""

from __future__ import annotations

import argparse
import inspect
import shutil
from pathlib import Path

from guideline_engine import models, vocabulary
from guideline_engine.ingest.pdf import read_pdf

ROOT = Path(__file__).resolve().parents[1]
MODEL_LETTER = "blind361_2_achilles_repair_early_postop_pt_partial_cert"


def facts_md() -> str:
    source = inspect.getsource(vocabulary)
    start = source.index("class Modality")
    end = source.index("# Facts computed from other facts")
    kinds = inspect.getsource(models)
    k0 = kinds.index("FindingKind = Literal[")
    k1 = kinds.index("]", k0) + 1
    return ("# The fact vocabulary\n\nFact names, types and allowed values, quoted from the "
            "program's vocabulary module. An enumerated fact takes one of its class's values; "
            "`str` facts are the letter's own wording; dates are YYYY-MM-DD.\n\n```python\n"
            + source[start:end].rstrip() + "\n```\n\n## Kinds of finding\n\n```python\n"
            + kinds[k0:k1] + "\n```\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--published", type=int, default=41,
                        help="how many published decisions to include as text (default 41)")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "docs" / "blind-kit.md", out / "README.md")
    shutil.copy(args.shared / "DESIGN.md", out / "DESIGN.md")
    shutil.copy(args.shared / "guidelines" / "REFERENCE.md", out / "REFERENCE.md")
    (out / "FACTS.md").write_text(facts_md(), encoding="utf-8")
    published = out / "published"
    published.mkdir(exist_ok=True)
    letters = args.shared / "letters"
    pdfs = sorted((letters / "real-dev").glob("*.pdf"))
    pdfs += sorted((letters / "real-other").glob("*.pdf"))[: max(0, args.published - len(pdfs))]
    for pdf in pdfs[: args.published]:
        pages = read_pdf(pdf.read_bytes(), str(pdf))
        (published / f"{pdf.stem}.txt").write_text("\f".join(pages), encoding="utf-8")
    for partial in sorted((letters / "layout-2013").glob("*")):
        shutil.copy(partial, published / partial.name)
    shutil.copytree(ROOT / "fixtures" / "letters" / "layouts", out / "layouts", dirs_exist_ok=True)
    expectations = out / "expectations"
    expectations.mkdir(exist_ok=True)
    for path in sorted((ROOT / "fixtures" / "letters" / "real-dev").glob("*.expected.yaml")):
        shutil.copy(path, expectations / path.name)
    model = out / "model"
    model.mkdir(exist_ok=True)
    for suffix in (".txt", ".expected.yaml"):
        shutil.copy(ROOT / "fixtures" / "letters" / "blind" / (MODEL_LETTER + suffix),
                    model / (MODEL_LETTER + suffix))
    print(f"kit in {out}: {len(pdfs[: args.published])} published letters as text")


if __name__ == "__main__":
    main()
