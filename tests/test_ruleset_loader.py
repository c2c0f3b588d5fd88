"""Ruleset loading: safe YAML, schema validation, and errors that name the file and line."""

from __future__ import annotations

import shutil
import textwrap

import pytest
from conftest import ROOT

from guideline_engine.errors import RulesetError
from guideline_engine.precheck import check
from guideline_engine.rules import load_rulebook
from guideline_engine.rules.expand import expand
from guideline_engine.rules.loader import check_ruleset, read_ruleset

GOOD = textwrap.dedent("""\
    guideline: MTUS
    topic: demo
    edition: {name: demo, effective_from: 2009-07-18}
    applies_to:
      modality: {eq: massage}
    rules:
      - id: demo.rule
        kind: visit_limit_exceeded
        effect: deny
        when:
          requested_visits: {gt: 6}
        approvable_visits: {visits: 6}
        reason: "{requested_visits} requested"
        citation: {guideline: MTUS, document: Demo, section: Massage, pages: "60"}
    """)


def write(tmp_path, text, name="rules.yaml"):
    path = tmp_path / name
    path.write_text(text)
    return path


def error_of(tmp_path, text) -> RulesetError:
    with pytest.raises(RulesetError) as err:
        read_ruleset(write(tmp_path, text))
    return err.value


def test_good_file_loads(tmp_path):
    loaded = read_ruleset(write(tmp_path, GOOD))
    assert loaded.ruleset.rules[0].id == "demo.rule"


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    err = error_of(tmp_path, GOOD.replace("topic: demo", "topic: [demo"))
    assert err.path.endswith("rules.yaml")
    assert err.line is not None and err.line >= 2
    assert "YAML syntax error" in err.message


def test_unknown_key_names_its_line(tmp_path):
    err = error_of(tmp_path, GOOD.replace("    effect: deny", "    effect: deny\n"
                                          "    efect: deny"))
    assert "unknown key 'efect'" in err.message
    assert err.line == 10


def test_unknown_fact_is_rejected(tmp_path):
    err = error_of(tmp_path, GOOD.replace("requested_visits: {gt: 6}", "visits_asked: {gt: 6}"))
    assert "unknown fact 'visits_asked'" in err.message
    assert err.line == 11


def test_bad_enum_value_is_rejected(tmp_path):
    err = error_of(tmp_path, GOOD.replace("{eq: massage}", "{eq: massages}"))
    assert "no value 'massages'" in err.message
    assert err.line == 5


def test_unknown_kind(tmp_path):
    err = error_of(tmp_path, GOOD.replace("kind: visit_limit_exceeded", "kind: too_many"))
    assert "rules.0.kind" in err.message
    assert err.line == 8


def test_duplicate_key(tmp_path):
    err = error_of(tmp_path, GOOD.replace("topic: demo", "topic: demo\ntopic: other"))
    assert "duplicate key 'topic'" in err.message
    assert err.line == 3


def test_python_tags_are_never_constructed(tmp_path):
    text = GOOD.replace("topic: demo", "topic: !!python/object/apply:os.system ['echo hi']")
    err = error_of(tmp_path, text)
    assert "YAML syntax error" in err.message


def test_reason_placeholders_must_be_plain_names(tmp_path):
    err = error_of(tmp_path, GOOD.replace("{requested_visits} requested",
                                          "{requested_visits.__class__} requested"))
    assert "placeholder" in err.message


def test_reason_placeholder_must_be_a_fact(tmp_path):
    err = error_of(tmp_path, GOOD.replace("{requested_visits} requested", "{secret} requested"))
    assert "'secret'" in err.message


def test_scope_needs_a_positive_test(tmp_path):
    err = error_of(tmp_path, GOOD.replace("modality: {eq: massage}",
                                          "modality: {known: false}"))
    assert "applies_to" in err.message


def test_every_problem_is_reported(tmp_path):
    text = GOOD.replace("kind: visit_limit_exceeded", "kind: nope").replace(
        "{gt: 6}", "{gt: six}")
    loaded, problems = check_ruleset(write(tmp_path, text))
    assert loaded is None
    assert len(problems) >= 2
    assert all(p.line for p in problems)


def test_duplicate_rule_id_across_files(tmp_path):
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD, "b.yaml")
    with pytest.raises(RulesetError, match="duplicate rule id 'demo.rule'"):
        load_rulebook(tmp_path)


def test_empty_folder(tmp_path):
    with pytest.raises(RulesetError, match="no ruleset files"):
        load_rulebook(tmp_path)


def test_project_rulesets_load_and_every_rule_cites(tmp_path):
    book = load_rulebook(ROOT / "rulesets")
    assert book.rules
    for rule in book.rules:
        assert rule.citation.document and rule.citation.section
        if not rule.verified:
            assert rule.citation.verified is False


def test_a_copy_of_the_rulesets_loads_side_by_side(tmp_path):
    shutil.copytree(ROOT / "rulesets", tmp_path / "rs")
    a = load_rulebook(ROOT / "rulesets")
    b = load_rulebook(tmp_path / "rs")
    assert a.router.name != b.router.name


COURSE = textwrap.dedent("""\
    guideline: MTUS
    topic: demo
    edition: {name: demo, effective_from: 2009-07-18}
    applies_to:
      modality: {eq: physical_therapy}
    courses:
      - id: demo.course
        label: demo condition
        requires_one_of:
          certified_part:
            - {ur_remaining_visits: {known: false}}
            - {functional_improvement: {eq: documented}}
          medication_or_rehabilitation:
            - {medication_reduced_or_not_tolerated: {eq: true}}
            - {adjunct_to_active_treatment: {eq: true}}
        figure: {visits: 10, weeks: 8}
        citation: {guideline: MTUS, document: Demo, section: PM, pages: "99"}
    """)


def test_every_approval_needs_one_alternative_of_each_criterion(tmp_path):
    rules = {r.id: r for r in expand(read_ruleset(write(tmp_path, COURSE)))}
    approve = rules["demo.course.within_guideline"]
    # the course's own alternatives (no earlier sessions, or improvement shown) times the two
    # ways each of the two criteria is met: eight alternatives, each holding one of each
    assert len(approve.any) == 8
    for alternative in approve.any:
        assert "ur_remaining_visits" in alternative or (
            alternative["functional_improvement"].eq == "documented")
        assert "prior_sessions" in alternative or "functional_improvement" in alternative
        assert ("medication_reduced_or_not_tolerated" in alternative
                or "adjunct_to_active_treatment" in alternative)
    # a denial does not need the approval's criteria
    assert rules["demo.course.visit_limit_exceeded"].any == []


def test_applies_to_any_is_an_or_of_scopes(tmp_path):
    # the scope holds when applies_to holds and one of applies_to_any does
    text = GOOD.replace("  modality: {eq: massage}\n",
                        "  modality: {eq: massage}\n"
                        "applies_to_any:\n"
                        "  - postsurgical: {eq: false, or_unknown: true}\n"
                        "  - surgery_category: {eq: surgery_unspecified}\n")
    (rule,) = expand(read_ruleset(write(tmp_path, text)))
    assert [list(c) for c in rule.scope_any] == [["postsurgical"], ["surgery_category"]]
    book = load_rulebook(tmp_path)
    base = {"modality": "massage", "requested_visits": 8, "request_date": "2016-01-04"}
    assert check({**base, "postsurgical": False}, book).findings
    assert check({**base, "postsurgical": True, "surgery_category": "surgery_unspecified"},
                 book).findings
    assert not check({**base, "postsurgical": True, "surgery_category": "ankle_orif"},
                     book).findings


def test_an_empty_applies_to_any_alternative_is_rejected(tmp_path):
    err = error_of(tmp_path, GOOD.replace("  modality: {eq: massage}\n",
                                          "  modality: {eq: massage}\n"
                                          "applies_to_any:\n  - {}\n"))
    assert "applies_to_any" in err.message and err.path.endswith("rules.yaml")
