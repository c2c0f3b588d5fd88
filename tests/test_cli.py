"""The command line: formats, the JSON contract, errors that do not stop the batch, and
deterministic output."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, SAMPLE, SEEDS

from guideline_engine.cli import main


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([*args, "--rules", str(ROOT / "rulesets")])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract(capsys):
    code, out, _ = run(capsys, "audit", *map(str, SEEDS), "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert set(doc) >= {"summary", "letters", "errors"}
    assert set(doc["summary"]) >= {"letters", "items", "agree", "disagree", "undetermined",
                                   "errors"}
    item = doc["letters"][0]["items"][0]
    assert set(item) >= {"title", "recorded_outcome", "facts", "decision", "verdict",
                         "disagreement"}
    assert set(item["decision"]) >= {"outcome", "approvable_visits", "findings"}
    finding = item["decision"]["findings"][0]
    assert set(finding) >= {"rule", "kind", "guideline", "citation", "reason"}
    assert set(finding["citation"]) >= {"guideline", "section", "pages"}
    fact = item["facts"]["requested_visits"]
    assert set(fact) >= {"value", "evidence"}
    assert set(fact["evidence"][0]) >= {"start", "end", "quote"}


def test_jsonl_has_one_item_per_line_with_its_source(capsys):
    code, out, _ = run(capsys, "audit", str(SEEDS[1]), "--format", "jsonl")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    rows = [json.loads(line) for line in lines]
    assert all(row["source"] == str(SEEDS[1]) for row in rows)
    assert [row["title"] for row in rows][1].startswith("Chiropractic")


def test_a_bad_file_is_reported_and_the_batch_goes_on(capsys, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("This is not a determination letter.\n")
    missing = tmp_path / "missing.txt"
    code, out, _ = run(capsys, "audit", str(bad), str(SEEDS[0]), str(missing), "--format",
                       "json")
    doc = json.loads(out)
    assert code == 1
    assert doc["summary"]["items"] == 1 and doc["summary"]["errors"] == 2
    messages = {e["source"]: e["message"] for e in doc["errors"]}
    assert "not an IMR determination in a known layout" in messages[str(bad)]
    assert "no such file or folder" in messages[str(missing)]


def test_table_output(capsys):
    code, out, _ = run(capsys, "audit", str(SEEDS[0]))
    assert code == 0
    assert "AGREE" in out and "visit_limit_exceeded" in out
    assert "1 letters, 1 items: 1 agree" in out


def test_output_is_deterministic(capsys):
    letters = [str(path) for path in SAMPLE]
    first = run(capsys, "audit", *letters, "--format", "json")[1]
    second = run(capsys, "audit", *letters, "--format", "json")[1]
    assert first == second and first.count('"source"') > len(letters) // 2


def test_broken_ruleset_exits_2_naming_file_and_line(capsys, tmp_path):
    (tmp_path / "bad.yaml").write_text("guideline: MTUS\ntopic: [x\n")
    code = main(["audit", str(SEEDS[0]), "--rules", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "bad.yaml:" in err and "YAML syntax error" in err


def test_console_script_help():
    result = subprocess.run([sys.executable, "-m", "guideline_engine", "audit", "--help"],
                            capture_output=True, text=True, check=True)
    assert "--format" in result.stdout and "--rules" in result.stdout


def test_csv_has_a_row_per_item_and_per_error(capsys, tmp_path):
    import csv
    import io
    bad = tmp_path / "bad.txt"
    bad.write_text("not a letter")
    code, out, _ = run(capsys, "audit", str(SEEDS[1]), str(bad), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 1 and len(rows) == 3
    assert [r["verdict"] for r in rows[:2]] == ["agree", "agree"]
    assert "trial_limit_exceeded" in rows[1]["finding_kinds"]
    assert rows[2]["error"] and rows[2]["source"] == str(bad)


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(capsys, tmp_path):
    import csv
    import io

    letter = tmp_path / "formula.txt"
    text = SEEDS[0].read_text(encoding="utf-8")
    title = text[text.index("12- 24 physical"):text.index(":  Upheld")]
    letter.write_text(text.replace(title, "=HYPERLINK(\"http://x\") " + title, 1),
                      encoding="utf-8")
    code, out, _ = run(capsys, "audit", str(letter), "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[1][2].startswith("'=HYPERLINK")


def test_audit_with_two_workers_gives_the_same_bytes_and_keeps_bad_letters(capsys, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("not a letter\n")
    letters = [str(SEEDS[0]), str(bad), str(SEEDS[3]), str(SEEDS[1])]
    one = run(capsys, "audit", *letters, "--format", "json", "--jobs", "1")
    two = run(capsys, "audit", *letters, "--format", "json", "--jobs", "2")
    assert one[0] == two[0] == 1          # the bad letter is an error entry, not a lost batch
    assert one[1] == two[1]
    doc = json.loads(two[1])
    assert [letter["source"] for letter in doc["letters"]] == [letters[0], letters[2], letters[3]]
    assert doc["errors"][0]["source"] == str(bad)


def test_progress_bar_on_request_and_nothing_extra_when_stderr_is_not_a_terminal(capsys, book):
    from guideline_engine.audit import audit

    audit([SEEDS[0], SEEDS[1]], book, progress=True)
    assert "2 files" in capsys.readouterr().err
    code, out, err = run(capsys, "audit", str(SEEDS[0]), "--format", "json")
    assert err == ""                      # stderr captured here is not a terminal


def test_jsonl_and_csv_are_written_file_by_file_in_input_order(capsys, monkeypatch, tmp_path):
    import guideline_engine.audit as audit_module

    bad = tmp_path / "bad.txt"
    bad.write_text("not a letter\n")
    real = audit_module.audit_results
    seen_before_second: list[str] = []

    def spying(paths, book, jobs=1, dask=None):
        for n, result in enumerate(real(paths, book, jobs, dask)):
            if n == 1:
                # the first file's lines are out before the second file is read
                out, _ = capsys.readouterr()
                seen_before_second.append(out)
                print(out, end="")  # give them back to the capture
            yield result

    monkeypatch.setattr(audit_module, "audit_results", spying)
    code, out, _ = run(capsys, "audit", str(SEEDS[1]), str(bad), str(SEEDS[0]),
                       "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [r["source"] for r in rows] == [str(SEEDS[1])] * 2 + [str(bad), str(SEEDS[0])]
    assert "error" in rows[2]
    assert seen_before_second and str(SEEDS[1]) in seen_before_second[0]


def test_streamed_output_is_the_same_bytes_with_workers(capsys, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("not a letter\n")
    letters = [str(SEEDS[0]), str(bad), str(SEEDS[3]), str(SEEDS[1])]
    for fmt in ("jsonl", "csv"):
        one = run(capsys, "audit", *letters, "--format", fmt, "--jobs", "1")
        two = run(capsys, "audit", *letters, "--format", fmt, "--jobs", "2")
        assert one[:2] == two[:2] and one[0] == 1


def test_a_closed_pipe_ends_the_audit_quietly():
    result = subprocess.run(
        f"{sys.executable} -m guideline_engine audit {ROOT / 'fixtures'} --format csv --quiet "
        f"| head -1", shell=True, capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.startswith("source,index,title")
    assert "Traceback" not in result.stderr


HOSTILE_FACTS = {
    # an impossible date, unquoted (YAML would build a date and crash)
    "impossible-date.yaml": ("modality: physical_therapy\nrequest_date: 2014-02-30\n",
                             "request_date: expected a date"),
    # a 300-byte alias bomb
    "alias-bomb.yaml": ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a]\n"
                        "c: &c [*b, *b, *b, *b, *b, *b]\ndiagnosis: [*c, *c, *c, *c, *c]\n",
                        "aliases (*name) are not allowed"),
    "deep.yaml": ("a: " + "[" * 3000 + "]" * 3000 + "\n", "nested more than"),
    "deep.json": ('{"a": ' + "[" * 20000 + "]" * 20000 + "}", "nested too deeply"),
    "huge.yaml": ("diagnosis: " + "x" * 100_000 + "\n", "a facts file is at most"),
}


def test_hostile_facts_files_end_in_a_message_naming_the_file(capsys, tmp_path):
    for name, (content, message) in HOSTILE_FACTS.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        code, out, err = run(capsys, "check", "--facts", str(path))
        assert code == 2, name
        assert message in err, (name, err)
        assert "Traceback" not in err
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(bytes(range(256)) * 2)
    code, _, err = run(capsys, "check", "--facts", str(binary))
    assert code == 2 and "is not UTF-8 text" in err and str(binary) in err


def test_a_letter_over_the_size_limit_is_an_error_entry_and_the_batch_goes_on(capsys):
    import os

    sizes = sorted((p.stat().st_size, str(p)) for p in SEEDS[:2])
    between = (sizes[0][0] + sizes[1][0]) / 2 / 1024 / 1024  # the smaller passes, not the larger
    code, out, _ = run(capsys, "audit", str(SEEDS[0]), str(SEEDS[1]), "--format", "json",
                       "--max-letter-mb", str(between))
    doc = json.loads(out)
    assert code == 1
    assert doc["summary"]["letters"] == 1 and doc["summary"]["errors"] == 1
    assert "more than the" in doc["errors"][0]["message"]
    assert doc["errors"][0]["source"] == sizes[1][1]
    assert "GUIDELINE_ENGINE_MAX_LETTER_MB" not in os.environ  # for this command only


def test_the_fact_match_threshold_is_printed_as_given(capsys):
    # a floor of 0.915 is 91.5%, not a rounded 92%
    assert main(["test", str(ROOT / "fixtures" / "letters" / "real-dev"),
                 "--min-fact-match", "0.915"]) == 0
    out = capsys.readouterr().out
    assert "threshold 91.5%" in out
