"""`guideline-engine diff`: a changed figure lists exactly the affected items and names the
changed rule; `--explore` finds a disagreement that no corpus item shows; git revisions."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import FIXTURES, ROOT, SAMPLE, SEEDS

from guideline_engine.cli import main
from guideline_engine.diff import diff
from guideline_engine.expectations import load_cases


def changed_copy(tmp_path, relative, old, new):
    copy = tmp_path / "rulesets"
    shutil.copytree(ROOT / "rulesets", copy)
    path = copy / relative
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    return copy


def test_unchanged_rulesets_change_nothing(tmp_path):
    copy = changed_copy(tmp_path, "mtus/cpmtg-2009-massage.yaml", "visits: 6", "visits: 6")
    report = diff(str(ROOT / "rulesets"), str(copy), [FIXTURES / "cases", *SAMPLE])
    assert report.changed == [] and report.rules.modified == []
    assert report.items_compared > 100


def test_massage_limit_6_to_4_lists_exactly_the_affected_items(tmp_path):
    copy = changed_copy(tmp_path, "mtus/cpmtg-2009-massage.yaml",
                        "figure: {min_visits: 4, visits: 6}", "figure: {min_visits: 4, visits: 4}")
    report = diff(str(ROOT / "rulesets"), str(copy), [FIXTURES / "cases", *SAMPLE])
    assert "mtus.cpmtg2009.massage.visit_limit_exceeded" in report.rules.modified
    assert all(rule_id.startswith(("mtus.cpmtg2009.massage.", "mtus.acoem2017.massage."))
               for rule_id in report.rules.modified)
    changed = {c.item for c in report.changed}
    # every changed item is a massage item (massage or myofascial release in its title), and
    # names a massage rule as responsible
    for change in report.changed:
        assert "assage" in change.item or "yofascial release" in change.item
        assert change.rules_responsible
        assert all(".massage." in r for r in change.rules_responsible)
    # independently of the engine: every MTUS-era massage case whose total falls between the
    # new and the old limit (5 or 6 visits in all) must be listed
    for case in load_cases(FIXTURES / "cases" / "massage.yaml").cases:
        total = case.facts["requested_visits"] + case.facts.get("prior_sessions", 0)
        if 4 < total <= 6 and "prior_sessions" in case.facts:
            assert any(item.endswith("::" + case.name) for item in changed), case.name
    # non-massage items are untouched
    assert not any("Physical Therapy" in item for item in changed)


def test_explore_finds_a_change_no_corpus_item_touches(tmp_path):
    copy = changed_copy(tmp_path, "mtus/cpmtg-2009-physical-medicine.yaml",
                        "figure: {visits: 24, weeks: 16}", "figure: {visits: 20, weeks: 16}")
    report = diff(str(ROOT / "rulesets"), str(copy), SEEDS, explore=300)
    assert report.changed == []          # no seed letter is about CRPS
    assert report.explored
    found = report.explored[0]
    assert found.facts["diagnosis_category"] == "crps"
    assert any(".pm.crps." in r for r in found.rules)
    assert found.old != found.new


def test_diff_cli_json_and_fail_on_change(tmp_path, capsys):
    copy = changed_copy(tmp_path, "mtus/cpmtg-2009-massage.yaml",
                        "figure: {min_visits: 4, visits: 6}", "figure: {min_visits: 4, visits: 4}")
    args = ["diff", str(ROOT / "rulesets"), str(copy), "--corpus", str(FIXTURES / "cases")]
    assert main(args + ["--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["summary"]["items_changed"] == len(doc["changed"]) > 0
    assert main(args + ["--fail-on-change"]) == 1
    assert "rules responsible: mtus.cpmtg2009.massage" in capsys.readouterr().out


def test_git_revisions(tmp_path, capsys):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "rulesets", repo / "rulesets")
    def git(*args):
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)
    git("init", "-q")
    git("-c", "user.email=t@t", "-c", "user.name=t", "add", ".")
    git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "one")
    massage = repo / "rulesets" / "mtus" / "cpmtg-2009-massage.yaml"
    massage.write_text(massage.read_text().replace("figure: {min_visits: 4, visits: 6}",
                                                   "figure: {min_visits: 4, visits: 4}"))
    git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qam", "two")
    import os
    here = os.getcwd()
    os.chdir(repo)
    try:
        report = diff("HEAD~1:rulesets", "HEAD:rulesets", [FIXTURES / "cases" / "massage.yaml"])
    finally:
        os.chdir(here)
    assert report.changed and "mtus.cpmtg2009.massage.within_guideline" in report.rules.modified


def test_bad_revision_is_a_clear_error(capsys):
    assert main(["diff", "no-such-folder", str(ROOT / "rulesets")]) == 2
    assert "not a folder" in capsys.readouterr().err


@pytest.mark.parametrize("flag", ["--coverage"])
def test_coverage_names_rules_that_never_fired(flag, capsys):
    assert main(["test", str(FIXTURES / "cases" / "massage.yaml"), flag, "--rules",
                 str(ROOT / "rulesets")]) == 0
    out = capsys.readouterr().out
    assert "mtus.cpmtg2009.massage.visit_limit_exceeded" in out.split("never fired")[0]
    never = out.split("never fired")[1]
    assert "mtus.ptg.knee_arthroplasty.within_trial" in never


def test_the_corpus_read_by_workers_gives_the_same_report(tmp_path):
    copy = changed_copy(tmp_path, "mtus/cpmtg-2009-massage.yaml",
                        "figure: {min_visits: 4, visits: 6}", "figure: {min_visits: 4, visits: 4}")
    corpus = [str(p) for p in SEEDS] + [str(FIXTURES / "cases" / "massage.yaml")]
    one = diff(str(ROOT / "rulesets"), str(copy), corpus, jobs=1)
    two = diff(str(ROOT / "rulesets"), str(copy), corpus, jobs=2)
    assert one.model_dump() == two.model_dump()
    assert one.items_compared > len(SEEDS)


def test_a_request_for_two_treatments_is_compared_treatment_by_treatment(tmp_path):
    from test_extract_evidence import NOT_NECESSARY, letter

    from guideline_engine.diff import load_corpus
    path = tmp_path / "two.txt"
    path.write_text(letter("He strained his low back.",
                           ("Physical therapy and chiropractic treatment for the lumbar spine 2 "
                            "times a week for 4 weeks", "Upheld", NOT_NECESSARY)),
                    encoding="utf-8")
    items, errors = load_corpus([path])
    assert errors == []
    assert [(i.label.rsplit(" ", 1)[-1], i.facts.modality.value) for i in items] == [
        ("[physical_therapy]", "physical_therapy"), ("[chiropractic]", "chiropractic")]
