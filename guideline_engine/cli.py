"""Command line: guideline-engine audit PATH... [--rules DIR] [--format table|json|jsonl|csv|html],
report AUDIT.json, check, test, lint, diff."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TextIO

from . import __version__
from .errors import FactsError, GuidelineEngineError, RulesetError
from .rules import default_rules_dir, load_rulebook
from .vocabulary import FACT_TYPES, GUIDELINE_FAMILIES, enum_values

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
# 128 + SIGPIPE, what a shell reports for a writer whose reader closed the pipe
EXIT_BROKEN_PIPE = 141


def _rules_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", metavar="DIR", default=None,
                        help="ruleset folder (default: $GUIDELINE_ENGINE_RULES, ./rulesets, or "
                             "the rulesets of this checkout)")


def _output_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", default=None,
                        help="write to FILE instead of standard output")


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """Standard output, or FILE (UTF-8, newlines as written); an error names the file."""
    if path is None:
        yield sys.stdout
        return
    try:
        handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise GuidelineEngineError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    with handle:
        yield handle


def _check_output(path: str | None) -> None:
    """Fail before the work, not after it, when FILE's folder does not exist."""
    if path is not None and not os.path.isdir(os.path.dirname(path) or "."):
        raise GuidelineEngineError(f"{path}: cannot write: no such folder")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="guideline-engine",
        description="Check California IMR determination letters against MTUS/ODG rules.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    audit = sub.add_parser(
        "audit", help="decide every disputed item of the letters and compare with the recorded "
                      "outcome",
        description="Read IMR determination letters (.txt or .pdf; folders are searched), "
                    "extract each disputed item's facts, decide it with the rules and report "
                    "whether the recorded outcome agrees. Exit status: 0, or 1 if a letter "
                    "could not be read or parsed (it is listed under errors; the others are "
                    "still reported), or 2 on a usage or ruleset error.")
    audit.add_argument("paths", nargs="+", metavar="PATH", help="letter files or folders")
    _rules_arg(audit)
    audit.add_argument("--format", choices=("table", "json", "jsonl", "csv", "html"),
                       default="table",
                       help="output format (default: table); html is one self-contained page "
                            "(summary, charts, items, each letter's evidence highlighted)")
    _output_arg(audit)
    audit.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                       help="worker processes, each with its own rulebook; the output is the "
                            "same, in input order, whatever N (default: the number of cores)")
    audit.add_argument("--dask", metavar="ADDRESS", default=None,
                       help="audit on a Dask cluster (its scheduler address, e.g. "
                            "tcp://10.0.0.5:8786): the same per-letter work, one rulebook per "
                            "worker, the same output; PATHs may be URLs fsspec reads "
                            "(needs the 'dask' extra)")
    audit.add_argument("--max-letter-mb", type=float, default=None, metavar="MB",
                       help="refuse letter files larger than this (default: 20, or "
                            "$GUIDELINE_ENGINE_MAX_LETTER_MB); a refused file is an error entry")
    audit.add_argument("--quiet", action="store_true",
                       help="no progress bar (it is shown on stderr only when stderr is a "
                            "terminal)")
    audit.set_defaults(run=_run_audit)

    report = sub.add_parser(
        "report", help="the HTML report of an audit saved with `audit --format json`",
        description="Write the HTML report of an audit JSON file: the same page as `audit "
                    "--format html`. Each letter's text is read again from its source (a "
                    "relative path from the working folder, then from the JSON file's "
                    "folder); a letter whose file cannot be read, or has changed since the "
                    "audit, is shown without its text, saying so. Exit status: 0, or 2 if the "
                    "file is not an audit JSON report.")
    report.add_argument("audit_json", metavar="AUDIT.json",
                        help="the output of `guideline-engine audit --format json`")
    _output_arg(report)
    report.set_defaults(run=_run_report)

    check = sub.add_parser(
        "check", help="pre-check a treatment request: would a denial be upheld, and what "
                      "would change that",
        description="Decide a treatment request from its facts, given in a YAML or JSON file "
                    "(--facts) and/or as flags (flags win). Free-text --surgery and --diagnosis "
                    "are mapped to their categories as in letters. Exit status: 0, or 2 on "
                    "invalid facts or a ruleset error.")
    check.add_argument("--facts", metavar="FILE", help="YAML or JSON mapping of fact names to "
                                                       "values")
    for name in sorted(FACT_TYPES):
        flag = "--" + name.replace("_", "-")
        check.add_argument(flag, dest=f"fact_{name}", metavar=_metavar(name), default=None,
                           help=_fact_help(name))
    check.add_argument("--guideline", choices=GUIDELINE_FAMILIES, default=None,
                       help="decide under this guideline instead of the Medical Evidence Search "
                            "Sequence (MTUS first)")
    _rules_arg(check)
    check.add_argument("--format", choices=("table", "json"), default="table",
                       help="output format (default: table)")
    check.set_defaults(run=_run_check)

    test = sub.add_parser(
        "test", help="run every fixture that carries expectations (letters and pre-check cases)",
        description="Run the letters that have a NAME.expected.yaml beside them and the "
                    "pre-check case files (YAML with `cases:`), print each failure with what "
                    "was expected and what came out, and a pass/fail count. Exit status 1 on "
                    "any failure.")
    test.add_argument("paths", nargs="*", metavar="PATH", default=None,
                      help="fixture files or folders (default: ./fixtures)")
    _rules_arg(test)
    test.add_argument("--min-fact-match", type=float, default=0.90, metavar="RATE",
                      help="least share of expected letter facts that must match with their "
                           "evidence, over the letters whose expectations are `fact_policy: "
                           "measured` and the rest (default 0.90, the share issue 7 asks of "
                           "letters the code has never seen; the project's own floors are in "
                           "the README's test command)")
    test.add_argument("--show-fact-differences", action="store_true",
                      help="list every expected fact of a measured letter that did not match")
    test.add_argument("--coverage", action="store_true",
                      help="list, per rule, how many corpus items and cases it fired on, and "
                           "the rules that never fired")
    test.set_defaults(run=_run_test)

    lint = sub.add_parser(
        "lint", help="check a ruleset folder: schema, vocabulary, citations, duplicate ids, "
                     "rules that can never hold, conflicting rules",
        description="Report every defect in a ruleset folder with its file and line. Exit "
                    "status 1 on any error.")
    lint.add_argument("directory", nargs="?", metavar="DIR", default=None,
                      help="ruleset folder (default: as for --rules)")
    lint.set_defaults(run=_run_lint)

    diff = sub.add_parser(
        "diff", help="what changing the rules changes: every corpus item decided differently",
        description="Decide every letter item and pre-check case of the corpus under OLD and "
                    "NEW rulesets (folders, or git revisions such as HEAD~1:rulesets) and list "
                    "each item whose outcome, approvable visits or findings changed, with the "
                    "rules responsible. Exit status 1 with --fail-on-change when anything "
                    "changed.")
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
    diff.add_argument("--corpus", nargs="+", metavar="PATH", default=["fixtures"],
                      help="letters and case files to compare on (default: fixtures)")
    diff.add_argument("--explore", type=int, default=0, metavar="N",
                      help="also search N generated fact sets per changed rule group for the "
                           "smallest on which OLD and NEW disagree")
    diff.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                      help="worker processes that read and extract the corpus letters; the "
                           "report is the same whatever N (default: the number of cores)")
    diff.add_argument("--format", choices=("table", "json"), default="table")
    diff.add_argument("--fail-on-change", action="store_true",
                      help="exit 1 if any item (or explored fact set) changed")
    diff.set_defaults(run=_run_diff)

    serve = sub.add_parser(
        "serve", help="serve the pre-check and letter audit over HTTP, with a form for people",
        description="Start the HTTP service: POST /v1/check (facts as for `check --facts`), "
                    "POST /v1/audit (one letter, multipart field 'letter'), GET /v1/rulesets, "
                    "GET /healthz, the pre-check form at / and the API documentation at /docs. "
                    "The rules are loaded once, at start. Needs the 'serve' extra. Exit "
                    "status 2 on a usage or ruleset error.")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    _rules_arg(serve)
    serve.add_argument("--decision-log", metavar="FILE", default=None,
                       help="append every decision to FILE, one JSON line each (time, rules "
                            "version, facts, outcome, approvable visits)")
    serve.add_argument("--max-letter-mb", type=float, default=None, metavar="MB",
                       help="refuse uploaded letters larger than this (default: 20, or "
                            "$GUIDELINE_ENGINE_MAX_LETTER_MB)")
    serve.set_defaults(run=_run_serve)
    return parser


def _metavar(name: str) -> str:
    typ = FACT_TYPES[name]
    if enum_values(name):
        return "VALUE"
    return {int: "N", bool: "yes|no", dt.date: "YYYY-MM-DD", str: "TEXT"}.get(typ, "VALUE")


def _fact_help(name: str) -> str:
    values = enum_values(name)
    if name == "body_region":
        return ("one of: " + ", ".join(values) + "; or several, comma-separated (elbow,knee): "
                "decided for each, the request stands or falls as a whole")
    if values:
        return "one of: " + ", ".join(values)
    return None


def _load(args: argparse.Namespace):
    return load_rulebook(args.rules if args.rules else default_rules_dir())


def _run_audit(args: argparse.Namespace) -> int:
    saved = os.environ.get("GUIDELINE_ENGINE_MAX_LETTER_MB")
    try:
        return _audit_command(args)
    finally:  # the limit holds for this command only (the API may call main repeatedly)
        if saved is None:
            os.environ.pop("GUIDELINE_ENGINE_MAX_LETTER_MB", None)
        else:
            os.environ["GUIDELINE_ENGINE_MAX_LETTER_MB"] = saved


def _audit_command(args: argparse.Namespace) -> int:
    from .audit import audit, audit_results, with_progress
    from .models import LetterError
    from .report import RENDERERS, STREAMED

    progress = not args.quiet and sys.stderr.isatty()
    if args.max_letter_mb is not None:
        if args.max_letter_mb <= 0:
            print("guideline-engine: --max-letter-mb must be positive", file=sys.stderr)
            return EXIT_USAGE
        # worker processes inherit it
        os.environ["GUIDELINE_ENGINE_MAX_LETTER_MB"] = str(args.max_letter_mb)
    _check_output(args.output)
    if args.format in STREAMED:
        # written file by file, in input order, as the files are done: memory stays constant
        header, rows = STREAMED[args.format]
        book = _load(args)
        with _output(args.output) as out:
            out.write(header())
            errors = 0
            for result in with_progress(audit_results(args.paths, book, args.jobs,
                                                      args.dask), progress):
                errors += isinstance(result, LetterError)
                out.write(rows(result))
                out.flush()
        return EXIT_FINDINGS if errors else EXIT_OK
    report = audit(args.paths, _load(args), jobs=args.jobs, progress=progress, dask=args.dask)
    if args.format == "html":
        from .html_report import render_html

        text = render_html(report)
    else:
        text = RENDERERS[args.format](report)
    with _output(args.output) as out:
        out.write(text)
    return EXIT_FINDINGS if report.errors else EXIT_OK


def _run_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .html_report import read_audit_json, render_html

    _check_output(args.output)
    report = read_audit_json(args.audit_json)
    text = render_html(report, base=Path(args.audit_json).resolve().parent)
    with _output(args.output) as out:
        out.write(text)
    return EXIT_OK


def _run_check(args: argparse.Namespace) -> int:
    from .precheck import precheck, read_facts_file
    from .report import check_json, check_table

    values: dict = read_facts_file(args.facts) if args.facts else {}
    for name in FACT_TYPES:
        value = getattr(args, f"fact_{name}")
        if value is not None:
            values[name] = value
    if not values:
        print("guideline-engine check: give --facts FILE or fact flags (see --help)",
              file=sys.stderr)
        return EXIT_USAGE
    report = precheck(values, _load(args), guideline=args.guideline)
    sys.stdout.write(check_json(report) if args.format == "json" else check_table(report))
    return EXIT_OK


def _run_test(args: argparse.Namespace) -> int:
    from .expectations import FactTally
    from .regression import run

    paths = args.paths or ["fixtures"]
    book = _load(args)
    passed = failed = 0
    fired: Counter[str] = Counter()
    tally = FactTally()
    for outcome in run(paths, book, tally):
        fired.update(outcome.fired)
        if outcome.passed:
            passed += 1
            continue
        failed += 1
        print(f"FAIL {outcome.name}")
        for failure in outcome.failures:
            print(f"  {failure}")
    if passed + failed == 0:
        print(f"guideline-engine test: no fixtures with expectations under {' '.join(paths)}",
              file=sys.stderr)
        return EXIT_USAGE
    if args.coverage:
        never = [rule.id for rule in book.rules if not fired[rule.id]]
        print(f"coverage: {len(book.rules) - len(never)} of {len(book.rules)} rules fired")
        for rule in book.rules:
            if fired[rule.id]:
                print(f"  {fired[rule.id]:>5}  {rule.id}")
        print(f"never fired ({len(never)}):")
        for rule_id in never:
            print(f"         {rule_id}")
    if tally.facts:
        if args.show_fact_differences:
            for difference in tally.differences:
                print(f"  fact difference: {difference}")
        print(f"letter facts: {tally.exact} of {tally.facts} match with their evidence where "
              f"the reader quoted it ({100 * tally.rate:.1f}%; values alone "
              f"{100 * tally.values / tally.facts:.1f}%; {tally.spans} of "
              f"{tally.with_evidence} quoted places found); threshold "
              f"{100 * args.min_fact_match:g}%")
        if tally.decided:
            print(f"letter findings: {tally.all_reasons} of {tally.decided} decided items of "
                  f"measured letters name every reason the reader found in the rationale")
        if tally.approvable:
            print(f"letter approvable visits: {tally.same_approvable} of {tally.approvable} "
                  f"decided items of measured letters give the reader's figure")
        if tally.rate < args.min_fact_match:
            print(f"FAIL fact match {100 * tally.rate:.1f}% is below "
                  f"{100 * args.min_fact_match:g}%"
                  " (--show-fact-differences lists them)")
            failed += 1
    print(f"{passed} passed, {failed} failed")
    return EXIT_FINDINGS if failed else EXIT_OK


def _run_lint(args: argparse.Namespace) -> int:
    from .lint import lint

    directory = args.directory or default_rules_dir()
    messages = lint(directory)
    for message in messages:
        print(message)
    print(f"{directory}: {len(messages)} error(s)")
    return EXIT_FINDINGS if messages else EXIT_OK


def _run_diff(args: argparse.Namespace) -> int:
    from .diff import diff, to_table

    report = diff(args.old, args.new, args.corpus, explore=args.explore, jobs=args.jobs)
    if args.format == "json":
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(to_table(report))
    changed = bool(report.changed or report.explored)
    return EXIT_FINDINGS if args.fail_on_change and changed else EXIT_OK


# what `serve` needs beyond the core: (module, the package that installs it)
SERVE_MODULES = (("fastapi", "fastapi"), ("uvicorn", "uvicorn"),
                 (("python_multipart", "multipart"), "python-multipart"))


def _missing_serve_packages() -> list[str]:
    import importlib.util

    missing = []
    for modules, package in SERVE_MODULES:
        names = modules if isinstance(modules, tuple) else (modules,)
        try:
            found = any(importlib.util.find_spec(name) is not None for name in names)
        except (ImportError, ValueError):  # a module set to None in sys.modules
            found = False
        if not found:
            missing.append(package)
    return missing


def _run_serve(args: argparse.Namespace) -> int:
    missing = _missing_serve_packages()
    if missing:
        print(f"guideline-engine serve needs the 'serve' extra (missing: {', '.join(missing)}): "
              "pip install 'guideline-engine[serve]'", file=sys.stderr)
        return EXIT_USAGE
    if args.max_letter_mb is not None and args.max_letter_mb <= 0:
        print("guideline-engine: --max-letter-mb must be positive", file=sys.stderr)
        return EXIT_USAGE
    if not 0 <= args.port <= 65535:
        print("guideline-engine: --port must be 0 to 65535", file=sys.stderr)
        return EXIT_USAGE
    import uvicorn

    from .serve import create_app

    saved = os.environ.get("GUIDELINE_ENGINE_MAX_LETTER_MB")
    try:
        limit = None
        if args.max_letter_mb is not None:  # the letter reader enforces the same limit
            os.environ["GUIDELINE_ENGINE_MAX_LETTER_MB"] = str(args.max_letter_mb)
            limit = int(args.max_letter_mb * 1024 * 1024)
        app = create_app(args.rules or default_rules_dir(), decision_log=args.decision_log,
                         max_letter_bytes=limit)
        print(f"guideline-engine: rules {app.state.rules_version} "
              f"({len(app.state.book.rules)} rules); the form at "
              f"http://{args.host}:{args.port}/, the API at /docs", file=sys.stderr)
        uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    finally:
        if saved is None:
            os.environ.pop("GUIDELINE_ENGINE_MAX_LETTER_MB", None)
        else:
            os.environ["GUIDELINE_ENGINE_MAX_LETTER_MB"] = saved
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except RulesetError as exc:
        print(f"guideline-engine: ruleset error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except FactsError as exc:
        print(f"guideline-engine: invalid fact: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except GuidelineEngineError as exc:  # e.g. a diff revision that cannot be read
        print(f"guideline-engine: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # the reader went away (`... | head`): stop quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


if __name__ == "__main__":
    sys.exit(main())
