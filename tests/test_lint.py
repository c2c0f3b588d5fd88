"""`guideline-engine lint`: each defect kind, shown on deliberately broken rulesets."""

from __future__ import annotations

import textwrap

import pytest
from conftest import ROOT

from guideline_engine.cli import main
from guideline_engine.lint import lint

HEAD = textwrap.dedent("""\
    guideline: MTUS
    topic: demo
    edition: {name: demo, effective_from: 2009-07-18}
    applies_to:
      modality: {eq: massage}
    rules:
    """)
CITE = '    citation: {guideline: MTUS, document: Demo, section: Massage, pages: "60"}\n'


def rule(rule_id, effect, when, kind=None, cite=True):
    kind = kind or ("within_guideline" if effect == "approve" else "visit_limit_exceeded")
    body = (f"  - id: {rule_id}\n    kind: {kind}\n    effect: {effect}\n    when: {when}\n"
            f"    reason: \"{{requested_visits}} requested\"\n")
    return body + (CITE if cite else "")


def lint_text(tmp_path, text, name="r.yaml"):
    (tmp_path / name).write_text(text)
    return lint(tmp_path)


def codes(messages):
    return [m.code for m in messages]


def test_the_project_rulesets_are_clean():
    assert lint(ROOT / "rulesets") == []


def test_a_clean_file(tmp_path):
    assert lint_text(tmp_path, HEAD + rule("a", "deny", "{requested_visits: {gt: 6}}")) == []


def test_schema_error_with_file_and_line(tmp_path):
    messages = lint_text(tmp_path, HEAD + rule("a", "deny", "{requested_visits: {gt: 6}}")
                         .replace("effect: deny", "effect: refuse"))
    assert codes(messages) == ["schema"]
    assert messages[0].path.endswith("r.yaml") and messages[0].line == 9


def test_fact_not_in_the_vocabulary(tmp_path):
    messages = lint_text(tmp_path, HEAD + rule("a", "deny", "{visits_asked: {gt: 6}}"))
    assert codes(messages) == ["unknown-fact"]
    assert "visits_asked" in messages[0].message and messages[0].line == 10


def test_rule_without_citation(tmp_path):
    messages = lint_text(tmp_path, HEAD + rule("a", "deny", "{requested_visits: {gt: 6}}",
                                               cite=False))
    assert codes(messages) == ["no-citation"]
    assert messages[0].line == 7


def test_duplicate_rule_ids(tmp_path):
    text = HEAD + rule("a", "deny", "{requested_visits: {gt: 6}}")
    (tmp_path / "other.yaml").write_text(text)
    messages = lint_text(tmp_path, text)
    assert codes(messages) == ["duplicate-id"]
    assert "other.yaml" in messages[0].message or "other.yaml" in messages[0].path


@pytest.mark.parametrize("when", [
    "{requested_visits: {gt: 10, lt: 5}}",
    "{modality: {eq: chiropractic}}",                 # the file's scope says massage
    "{prior_sessions: {eq: 0}, prior_treatment: {eq: true}}",
    "{total_visits: {lte: 3}, requested_visits: {gte: 4}}",
    "{requested_visits: {known: false}, total_visits: {gt: 1}}",
])
def test_a_rule_that_can_never_hold(tmp_path, when):
    messages = lint_text(tmp_path, HEAD + rule("a", "deny", when))
    assert codes(messages) == ["never-holds"]


def test_overlapping_rules_with_conflicting_effects(tmp_path):
    text = HEAD + rule("deny.many", "deny", "{requested_visits: {gt: 6}}") + \
        rule("approve.some", "approve", "{requested_visits: {lte: 8}}")
    messages = lint_text(tmp_path, text)
    assert codes(messages) == ["conflict"]
    assert "approve.some" in messages[0].message and "deny.many" in messages[0].message


def test_disjoint_rules_do_not_conflict(tmp_path):
    text = HEAD + rule("deny.many", "deny", "{requested_visits: {gt: 6}}") + \
        rule("approve.some", "approve", "{total_visits: {lte: 6}}")
    assert lint_text(tmp_path, text) == []


def test_lint_command_exit_status(tmp_path, capsys):
    never = rule("a", "deny", "{requested_visits: {gt: 10, lt: 5}}")
    (tmp_path / "r.yaml").write_text(HEAD + never)
    assert main(["lint", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "r.yaml:7: error:" in out and "[never-holds]" in out
    (tmp_path / "r.yaml").write_text(HEAD + rule("a", "deny", "{requested_visits: {gt: 10}}"))
    assert main(["lint", str(tmp_path)]) == 0   # (the project's rulesets: the test above)


def _generated_ruleset(folder, count: int, same_condition: bool) -> None:
    import yaml

    rules = [{"id": f"gen.r{i}", "kind": "visit_limit_exceeded", "effect": "deny",
              "when": ({"requested_visits": {"gt": 0}, "prior_sessions": {"lt": 1000 + i}}
                       if same_condition else {"requested_visits": {"gt": i}}),
              "reason": "generated", "citation": {"guideline": "MTUS", "document": "d",
                                                  "section": "s", "verified": False,
                                                  "confidence": "generated"}}
             for i in range(count)]
    folder.mkdir()
    (folder / "gen.yaml").write_text(yaml.safe_dump({
        "guideline": "MTUS", "topic": "generated",
        "edition": {"name": "E", "effective_from": "2009-07-18"},
        "applies_to": {"modality": {"eq": "massage"}}, "rules": rules}))


def test_a_file_durable_rules_cannot_register_fails_lint_and_loading(tmp_path, capsys):
    from guideline_engine.cli import main
    from guideline_engine.rules import MAX_RULES_PER_FILE

    folder = tmp_path / "big"
    _generated_ruleset(folder, MAX_RULES_PER_FILE + 1, same_condition=False)
    messages = lint(folder)
    assert [m.code for m in messages] == ["engine-limit"]
    assert "split the file" in messages[0].message
    code = main(["check", "--modality", "massage", "--requested-visits", "3",
                 "--request-date", "2014-01-01", "--rules", str(folder)])
    err = capsys.readouterr().err
    assert code == 2 and "gen.yaml" in err and "split the file" in err


@pytest.mark.parametrize(("count", "flagged"), [(64, False), (65, True)])
def test_lint_finds_a_file_whose_rules_can_all_hold_at_once(tmp_path, count, flagged):
    folder = tmp_path / "wide"
    _generated_ruleset(folder, count, same_condition=True)
    messages = lint(folder)
    assert [m.code for m in messages] == (["engine-limit"] if flagged else [])
    if flagged:
        assert "65 rules can hold for the same facts" in messages[0].message


def test_many_rules_that_exclude_each_other_pass_lint(tmp_path):
    import yaml

    folder = tmp_path / "narrow"
    folder.mkdir()
    rules = [{"id": f"gen.r{i}", "kind": "visit_limit_exceeded", "effect": "deny",
              "when": {"requested_visits": {"eq": i}}, "reason": "generated",
              "citation": {"guideline": "MTUS", "document": "d", "section": "s"}}
             for i in range(1, 201)]
    (folder / "gen.yaml").write_text(yaml.safe_dump({
        "guideline": "MTUS", "topic": "generated",
        "edition": {"name": "E", "effective_from": "2009-07-18"},
        "applies_to": {"modality": {"eq": "massage"}}, "rules": rules}))
    assert lint(folder) == []


def test_too_many_rules_holding_at_once_is_an_error_naming_the_file(tmp_path, capsys):
    from guideline_engine.cli import main

    folder = tmp_path / "wide"
    _generated_ruleset(folder, 100, same_condition=True)
    code = main(["check", "--modality", "massage", "--requested-visits", "3",
                 "--prior-sessions", "0", "--request-date", "2014-01-01", "--rules", str(folder)])
    err = capsys.readouterr().err
    assert code == 2 and "gen.yaml" in err and "64-deep" in err and "Traceback" not in err


def test_a_file_durable_rules_refuses_is_named_by_lint_and_by_loading(tmp_path):
    # one more alternative in the acupuncture trial's requires_one_of made durable-rules refuse
    # the file ("Could not create ruleset, error code: 113") while lint said 0 errors
    from guideline_engine.errors import RulesetError
    from guideline_engine.rules import load_rulebook
    text = (ROOT / "rulesets/mtus/acupuncture-2009.yaml").read_text()
    anchor = "        - {functional_improvement: {eq: documented}}\n"
    assert anchor in text
    text = text.replace(anchor, anchor + "".join(
        f"        - {{requested_visits: {{lte: {n}, or_unknown: true}}}}\n"
        for n in range(1, 9)), 1)
    (tmp_path / "acupuncture.yaml").write_text(text)
    refused = [m for m in lint(tmp_path) if m.code == "engine-limit"]
    assert [m.path for m in refused] == [str(tmp_path / "acupuncture.yaml")]
    with pytest.raises(RulesetError) as raised:
        load_rulebook(tmp_path)
    assert raised.value.path == str(tmp_path / "acupuncture.yaml")
