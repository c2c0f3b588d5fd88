"""Every published IMR decision in ../shared/letters parses, with every disputed item: its
title and recorded outcome as a reader wrote them down (fixtures/letters/published-items-*.yaml
for the letters with other services, the dev letters' expectation files for the rest)."""

from __future__ import annotations

import pytest
import yaml
from conftest import LETTERS, ROOT

from guideline_engine.expectations import expectation_path, load_expectation
from guideline_engine.letters import read_letter

SHARED = ROOT.parent / "shared" / "letters"


def _folded(text: str) -> str:
    return " ".join(text.split()).removesuffix(" is").removesuffix(" are")


def _read_by_a_person() -> dict[str, list[tuple[str, str]]]:
    items: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(LETTERS.glob("published-items-*.yaml")):
        for case, listed in yaml.safe_load(path.read_text(encoding="utf-8")).items():
            items[case] = [(_folded(i["title"]), i["recorded"]) for i in listed]
    for path in sorted((LETTERS / "real-dev").glob("*.pdf")):
        expected = load_expectation(expectation_path(path))
        items[path.stem] = [(_folded(i.title), i.recorded.value) for i in expected.items]
    return items


READ = _read_by_a_person()


def test_the_reading_covers_every_shared_letter():
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not beside this checkout")
    on_disk = {p.stem for p in SHARED.rglob("*.pdf")}
    assert len(on_disk) == 146
    assert on_disk == set(READ)


@pytest.mark.parametrize("case", sorted(READ))
def test_every_item_of_a_published_letter_is_read(case):
    found = list(SHARED.rglob(f"{case}.pdf")) if SHARED.is_dir() else []
    path = found[0] if found else LETTERS / "real-dev" / f"{case}.pdf"
    if not path.exists():
        pytest.skip(f"{case}.pdf is not beside this checkout")
    _, determination = read_letter(path)
    got = []
    for item in determination.items:
        heading = _folded((item.heading or item.title).quote)
        got.append((heading, item.recorded_outcome.value))
    assert [outcome for _, outcome in got] == [outcome for _, outcome in READ[case]]
    assert [title for title, _ in got] == [title for title, _ in READ[case]]
