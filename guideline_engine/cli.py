"""Command line: guideline-engine audit PATH... [--rules DIR] [--format table|json|jsonl]."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .errors import RulesetError
from .rules import default_rules_dir, load_rulebook

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _rules_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", metavar="DIR", default=None,
                        help="ruleset folder (default: $GUIDELINE_ENGINE_RULES, ./rulesets, or "
                             "the rulesets of this checkout)")


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
    audit.add_argument("--format", choices=("table", "json", "jsonl"), default="table",
                       help="output format (default: table)")
    audit.set_defaults(run=_run_audit)
    return parser


def _load(args: argparse.Namespace):
    return load_rulebook(args.rules if args.rules else default_rules_dir())


def _run_audit(args: argparse.Namespace) -> int:
    from .audit import audit
    from .report import RENDERERS

    report = audit(args.paths, _load(args))
    sys.stdout.write(RENDERERS[args.format](report))
    return EXIT_FINDINGS if report.errors else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except RulesetError as exc:
        print(f"guideline-engine: ruleset error: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
