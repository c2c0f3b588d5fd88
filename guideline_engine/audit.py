"""The audit job: letters -> parse -> extract -> decide -> compare, for every item of every
letter. A letter that cannot be read or parsed becomes an error entry and the batch goes on."""

from __future__ import annotations

import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from .compare import audit_notes, relied_on, verdict
from .decide import as_read, counted_as, prepare, whole_request
from .errors import GuidelineEngineError
from .extract import extract_facts, treatments
from .ingest import NormalText, iter_letter_paths, read_document
from .letters import parse_letters
from .models import (
    AuditReport,
    AuditSummary,
    Determination,
    Document,
    ItemReport,
    LetterError,
    LetterReport,
)
from .rules import RuleBook
from .uncertainty import decide_uncertain


def audit_letter(path: str | Path, book: RuleBook) -> LetterReport:
    """The report of a file that holds one letter (the first, if it holds several)."""
    return audit_document(read_document(path), book)


def audit_document(doc: Document, book: RuleBook) -> LetterReport:
    return audit_letters(doc, book)[0]


def audit_letters(doc: Document, book: RuleBook) -> list[LetterReport]:
    """One report per letter in the document (several when letters are joined end to end)."""
    return [_report(text, determination, book) for text, determination in parse_letters(doc)]


def _report(text: NormalText, determination: Determination, book: RuleBook) -> LetterReport:
    items = []
    for item in determination.items:
        read = extract_facts(text, determination, item)
        facts = prepare(read, book)
        citation = item.reviewer_citation.quote if item.reviewer_citation else ""
        reviewer = relied_on(citation, item.rationale.quote)
        if several := treatments(read):
            # "physical therapy and chiropractic treatment": each treatment read and decided
            # on its own facts; the report shows the first's facts
            decision = whole_request(
                [(name, decide_uncertain(
                    prepare(extract_facts(text, determination, item, treatment=name), book),
                    book, prefer=reviewer, citation=citation)) for name in several],
                what="treatments")
        else:
            decision = decide_uncertain(facts, book, prefer=reviewer, citation=citation)
        outcome, why = verdict(decision, item.recorded_outcome,
                               facts.modality.value if facts.modality.known else None)
        items.append(ItemReport(
            index=item.index, title=" ".join(item.title.quote.split()),
            heading=" ".join(item.heading.quote.split()) if item.heading else None,
            recorded_outcome=item.recorded_outcome, reviewer_guidelines=reviewer,
            facts=as_read(read, facts), counted_as=counted_as(read, facts), decision=decision,
            verdict=outcome, disagreement=why,
            audit_notes=audit_notes(decision, reviewer, citation,
                                    item.rationale.quote)))
    header = {name: field.value.isoformat() if hasattr(field.value, "isoformat")
              else str(field.value) for name, field in sorted(determination.header.items())}
    return LetterReport(source=determination.source, layout=determination.layout,
                        header=header, items=items)


def _audit_path(path: Path | str, book: RuleBook) -> list[LetterReport] | LetterError:
    try:
        return audit_letters(read_document(path), book)
    except GuidelineEngineError as exc:
        return LetterError(source=str(path), message=str(exc))
    except Exception as exc:  # a bug must not stop the batch; report it with the file
        return LetterError(
            source=str(path),
            message=f"{path}: internal error ({type(exc).__name__}: {exc}); please report")


# one rulebook per worker process: loaded once by the pool's initializer
_WORKER_BOOK: RuleBook | None = None


def _init_worker(rules_dir: str) -> None:
    global _WORKER_BOOK
    from .rules import load_rulebook

    _WORKER_BOOK = load_rulebook(rules_dir)


def _audit_in_worker(path: Path) -> list[LetterReport] | LetterError:
    assert _WORKER_BOOK is not None
    return _audit_path(path, _WORKER_BOOK)


# on a Dask worker: one rulebook per worker process and rules folder, loaded on first use; one
# letter at a time in the process (durable-rules' host is not shared between threads)
_DASK_BOOKS: dict[str, RuleBook] = {}
_DASK_LOCK = threading.Lock()


def audit_on_worker(path: str | Path, rules_dir: str) -> list[LetterReport] | LetterError:
    """The per-letter function a Dask worker runs: the same as a local audit of the file."""
    with _DASK_LOCK:
        book = _DASK_BOOKS.get(rules_dir)
        if book is None:
            from .rules import load_rulebook

            book = _DASK_BOOKS[rules_dir] = load_rulebook(rules_dir)
        return _audit_path(path, book)


# letters in flight on the cluster at once: bounded, so a million-letter archive does not
# become a million futures, and results still come back in input order
DASK_WINDOW = 512
DASK_CONNECT_TIMEOUT = "20s"


def _dask_results(letter_paths: list[Path | str], book: RuleBook, address: str
                  ) -> Iterator[list[LetterReport] | LetterError]:
    try:
        from distributed import Client
    except ImportError as exc:
        raise GuidelineEngineError("--dask needs the 'dask' extra: pip install "
                                   "'guideline-engine[dask]'") from exc
    try:
        client = Client(address, timeout=DASK_CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise GuidelineEngineError(f"cannot reach the Dask scheduler at {address}: "
                                   f"{exc}") from exc
    rules_dir = str(book.directory)
    with client:
        pending: deque = deque()
        for path in letter_paths:
            pending.append(client.submit(audit_on_worker, path if isinstance(path, str)
                                         else str(path), rules_dir, pure=False))
            if len(pending) >= DASK_WINDOW:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def audit_results(paths: Iterable[str | Path], book: RuleBook, jobs: int = 1,
                  dask: str | None = None) -> Iterator[list[LetterReport] | LetterError]:
    """Each file's letter reports (or its error), in input order. With jobs > 1 the files are
    audited in that many worker processes, each with its own durable-rules host and rulebook;
    with `dask` (a scheduler address) on the workers of that Dask cluster."""
    letter_paths = list(iter_letter_paths(paths))
    if dask:
        yield from _dask_results(letter_paths, book, dask)
        return
    if jobs <= 1 or len(letter_paths) < 2:
        for path in letter_paths:
            yield _audit_path(path, book)
        return
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with context.Pool(min(jobs, len(letter_paths)), initializer=_init_worker,
                      initargs=(str(book.directory),)) as pool:
        yield from pool.imap(_audit_in_worker, letter_paths, chunksize=4)


def with_progress(results: Iterable[list[LetterReport] | LetterError], progress: bool
                  ) -> Iterator[list[LetterReport] | LetterError]:
    """The results, with a bar on stderr (files/s, errors so far) when `progress`."""
    if not progress:
        yield from results
        return
    from tqdm import tqdm

    errors = 0
    with tqdm(results, unit=" files", file=sys.stderr, smoothing=0.1) as bar:
        for result in bar:
            if isinstance(result, LetterError):
                errors += 1
                bar.set_postfix(errors=errors)
            yield result


def audit(paths: Iterable[str | Path], book: RuleBook, jobs: int = 1,
          progress: bool = False, dask: str | None = None) -> AuditReport:
    """Audit every letter. `progress` shows a bar on stderr (letters/s, errors so far)."""
    letters: list[LetterReport] = []
    errors: list[LetterError] = []
    for result in with_progress(audit_results(paths, book, jobs, dask), progress):
        if isinstance(result, LetterError):
            errors.append(result)
        else:
            letters.extend(result)
    return audit_report(letters, errors)


def audit_report(letters: list[LetterReport], errors: list[LetterError]) -> AuditReport:
    """The audit document of letters already reported, with its counts."""
    items = [item for letter in letters for item in letter.items]
    summary = AuditSummary(
        letters=len(letters), items=len(items),
        agree=sum(i.verdict == "agree" for i in items),
        disagree=sum(i.verdict == "disagree" for i in items),
        undetermined=sum(i.verdict == "undetermined" for i in items),
        out_of_scope=sum(i.verdict == "out_of_scope" for i in items),
        errors=len(errors))
    return AuditReport(summary=summary, letters=letters, errors=errors)
