"""The pre-check and audit HTTP service (FastAPI).

    POST /v1/check      facts as `check --facts` takes them -> `check --format json`
    POST /v1/audit      one letter (multipart field `letter`) -> its letter reports
    GET  /v1/rulesets   the loaded ruleset files and the rules version
    GET  /v1/vocabulary the fact names, their kinds and choices
    GET  /healthz       liveness, with the rules version
    GET  /              the pre-check form for a person

The rulebook is loaded once, when the app is created; every decision carries the version of
its rules (`rules_version`). Errors are JSON: {"detail": ..., "errors": [{"field", "message"}]}.
"""

from __future__ import annotations

import tempfile
from pathlib import Path, PurePosixPath
from typing import Annotated, Any

from fastapi import FastAPI, File, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi_offline import FastAPIOffline

from .. import __version__
from ..audit import audit_letters
from ..errors import FactsError, GuidelineEngineError, LetterReadError
from ..ingest import LETTER_SUFFIXES, read_document
from ..ingest import max_letter_bytes as reader_limit
from ..precheck import MAX_FACTS_BYTES, build_facts, precheck
from ..rules import RuleBook, default_rules_dir, load_rulebook
from ..rules.version import rules_version
from .decisionlog import DecisionLog, DecisionLogError
from .form import CONTENT_SECURITY_POLICY, render_form
from .limits import BodyLimit
from .schemas import (
    AuditResponse,
    CheckRequest,
    CheckResponse,
    ErrorResponse,
    FieldError,
    Health,
    RulesetInfo,
    RulesetsResponse,
    Vocabulary,
    vocabulary,
)

# room for the multipart framing around an uploaded letter
MULTIPART_SLACK = 64 * 1024

_ERRORS = {"model": ErrorResponse}


class ApiError(Exception):
    def __init__(self, status: int, detail: str, errors: list[FieldError] | None = None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors or []


def _error_response(status: int, detail: str, errors: list[FieldError]) -> JSONResponse:
    body = ErrorResponse(detail=detail, errors=errors)
    return JSONResponse(body.model_dump(mode="json"), status_code=status)


def fact_errors(values: dict[str, Any]) -> list[FieldError]:
    """Every fact that is wrong on its own (unknown name, wrong type, impossible value), each
    with the pre-check's own message."""
    errors = []
    for name, value in values.items():
        try:
            build_facts({name: value})
        except FactsError as exc:
            errors.append(FieldError(field=exc.field, message=exc.message))
    return errors


def _validation_errors(request: Request, exc: RequestValidationError) -> list[FieldError]:
    """A request the models refused, in the service's error form. For /v1/check the facts are
    judged by the pre-check itself, so an unknown fact gets the CLI's message."""
    body = getattr(exc, "body", None)
    facts_judged = request.url.path == "/v1/check" and isinstance(body, dict)
    errors = fact_errors({k: v for k, v in body.items() if k != "guideline"}) \
        if facts_judged else []
    for error in exc.errors():
        loc = [str(part) for part in error.get("loc", ())]
        if facts_judged and error.get("type") == "extra_forbidden":
            continue  # named above, with the pre-check's message
        field = loc[-1] if len(loc) > 1 else "body"
        message = error.get("msg", "invalid")
        if error.get("type") == "missing" and field == "letter":
            message = "no letter: upload it as the multipart form field 'letter'"
        elif error.get("type") in ("model_attributes_type", "dict_type", "model_type"):
            message = ("expected a JSON object of fact names to values, sent as "
                       "Content-Type: application/json")
        elif error.get("type") == "json_invalid":
            field, message = "body", f"not valid JSON: {error.get('ctx', {}).get('error', '')}"
        errors.append(FieldError(field=field, message=message))
    return errors


def _safe_name(filename: str | None) -> str:
    """The uploaded file's own name, without any folders, for messages and reports."""
    name = PurePosixPath((filename or "").replace("\\", "/")).name
    name = "".join(ch for ch in name if ch.isprintable())[:200]
    return name or "letter"


def create_app(rules_dir: str | Path | None = None, decision_log: str | Path | None = None,
               max_letter_bytes: int | None = None) -> FastAPI:
    """The service over the rules in `rules_dir` (default: as for --rules), loaded now.

    `decision_log`: a file every decision is appended to, one JSON line each.
    `max_letter_bytes`: the largest letter /v1/audit takes (default: as `audit`, 20 MB or
    $GUIDELINE_ENGINE_MAX_LETTER_MB; never more than that, which the reader also enforces).
    """
    directory = Path(rules_dir) if rules_dir is not None else default_rules_dir()
    version = rules_version(directory)
    book = load_rulebook(directory)
    log = DecisionLog(decision_log) if decision_log is not None else None

    def letter_limit() -> int:
        limit = reader_limit()
        return limit if max_letter_bytes is None else min(max_letter_bytes, limit)

    # the API docs at /docs and /redoc serve their scripts from the package, not a CDN: the
    # service works on a machine with no internet
    app = FastAPIOffline(
        title="guideline-engine",
        version=__version__,
        description="Pre-check treatment requests and audit IMR determination letters against "
                    f"MTUS / ODG rules. Rules version {version}.")
    app.state.book = book
    app.state.rules_version = version
    app.add_middleware(BodyLimit, limit_for=lambda path: letter_limit() + MULTIPART_SLACK
                       if path == "/v1/audit" else MAX_FACTS_BYTES)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return _error_response(exc.status, exc.detail, exc.errors)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _validation_errors(request, exc)
        detail = "invalid facts" if request.url.path == "/v1/check" else "invalid request"
        return _error_response(422, detail, errors)

    @app.exception_handler(DecisionLogError)
    async def _log_failed(_request: Request, exc: DecisionLogError) -> JSONResponse:
        return _error_response(503, f"{exc}; the decision was not returned", [])

    @app.post("/v1/check", response_model=CheckResponse, tags=["decisions"],
              responses={413: _ERRORS, 422: _ERRORS, 503: _ERRORS},
              summary="Pre-check a treatment request")
    def check(facts: CheckRequest) -> JSONResponse:
        """Decide a treatment request from its facts (the vocabulary of `check --facts`), as
        `guideline-engine check --format json` does."""
        values = {name: value for name, value in facts.model_dump(exclude_unset=True).items()
                  if value is not None}
        guideline = values.pop("guideline", None)
        errors = fact_errors(values)
        if errors:
            raise ApiError(422, "invalid facts", errors)
        if not values:
            raise ApiError(422, "invalid facts", [FieldError(
                field="body", message="no facts given: send a JSON object of fact names to "
                                      "values (GET /v1/vocabulary lists them)")])
        try:
            report = precheck(values, book, guideline=guideline)
        except FactsError as exc:  # facts that contradict each other
            raise ApiError(422, "invalid facts", [FieldError(field=exc.field,
                                                             message=exc.message)]) from exc
        if log is not None:
            log.check(report, version, guideline)
        return JSONResponse({**report.model_dump(mode="json"), "rules_version": version})

    @app.post("/v1/audit", response_model=AuditResponse, tags=["decisions"],
              responses={413: _ERRORS, 422: _ERRORS, 503: _ERRORS},
              summary="Audit one IMR determination letter")
    def audit(letter: Annotated[UploadFile, File(
            description="the letter: a PDF or a text file (.pdf or .txt)")]) -> JSONResponse:
        """Decide every disputed item of the letter and compare with the recorded outcome, as
        `guideline-engine audit --format json` reports each letter."""
        name = _safe_name(letter.filename)
        limit = letter_limit()
        raw = letter.file.read(limit + 1)
        if len(raw) > limit:
            raise ApiError(413, f"{name} is more than the {limit:,} bytes a letter may be "
                                "(--max-letter-mb)",
                           [FieldError(field="letter", message="too large")])
        suffix = PurePosixPath(name).suffix.lower()
        if not suffix:
            suffix = ".pdf" if raw.startswith(b"%PDF-") else ".txt"
        if suffix not in LETTER_SUFFIXES:
            raise ApiError(422, f"{name}: unsupported file type {suffix}; expected .txt or .pdf",
                           [FieldError(field="letter", message="unsupported file type")])
        # the reader takes a path: the upload goes to a private folder, removed at once
        with tempfile.TemporaryDirectory(prefix="guideline-engine-serve-") as folder:
            path = Path(folder) / f"letter{suffix}"
            path.write_bytes(raw)
            try:
                document = read_document(path)
            except LetterReadError as exc:
                raise ApiError(422, f"{name}: {exc.message}",
                               [FieldError(field="letter", message=exc.message)]) from exc
        document = document.model_copy(update={"source": name})
        try:
            letters = audit_letters(document, book)
        except GuidelineEngineError as exc:  # the letter's structure was not found
            raise ApiError(422, str(exc), [FieldError(field="letter", message=str(exc))]) \
                from exc
        if log is not None:
            log.audit(letters, version)
        response = AuditResponse(source=name, rules_version=version, letters=letters)
        return JSONResponse(response.model_dump(mode="json"))

    @app.get("/v1/rulesets", response_model=RulesetsResponse, tags=["rules"],
             summary="The loaded rulesets")
    def rulesets() -> RulesetsResponse:
        return RulesetsResponse(rules_version=version, rules=len(book.rules),
                                rulesets=_rulesets(book, directory))

    @app.get("/v1/vocabulary", response_model=Vocabulary, tags=["rules"],
             summary="The facts /v1/check takes, their kinds and choices")
    def facts_vocabulary() -> Vocabulary:
        return vocabulary()

    @app.get("/healthz", response_model=Health, tags=["service"])
    def healthz() -> Health:
        return Health(status="ok", rules_version=version)

    page = render_form(version)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def form() -> HTMLResponse:
        return HTMLResponse(page, headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY,
                                           "X-Content-Type-Options": "nosniff"})

    return app


def _rulesets(book: RuleBook, directory: Path) -> list[RulesetInfo]:
    counts: dict[str, int] = {}
    for rule in book.rules:
        counts[rule.path] = counts.get(rule.path, 0) + 1
    out = []
    for loaded in book.files:
        ruleset = loaded.ruleset
        path = Path(loaded.path)
        try:
            relative = path.relative_to(directory).as_posix()
        except ValueError:
            relative = path.name
        out.append(RulesetInfo(
            file=relative, guideline=ruleset.guideline, topic=ruleset.topic,
            description=ruleset.description, edition=ruleset.edition.name,
            effective_from=ruleset.edition.effective_from,
            effective_to=ruleset.edition.effective_to, rules=counts.get(loaded.path, 0),
            carried_forward_from=ruleset.carry_forward.source if ruleset.carry_forward
            else None))
    return out
