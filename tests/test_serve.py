"""`guideline-engine serve`: every endpoint and every error, the decision log, the form page, the
CLI, and schemathesis over the app's own OpenAPI schema."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import httpx2
import pytest
import schemathesis
from conftest import LETTERS, ROOT, SEEDS, pdf_bytes
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from guideline_engine.audit import audit_letter
from guideline_engine.cli import main
from guideline_engine.errors import FactsError
from guideline_engine.precheck import MAX_FACTS_BYTES, build_facts, precheck
from guideline_engine.report import check_json
from guideline_engine.rules.loader import ruleset_paths
from guideline_engine.rules.version import rules_version
from guideline_engine.serve import create_app
from guideline_engine.vocabulary import FACT_TYPES, enum_values

RULES = ROOT / "rulesets"
README_FACTS = {"modality": "physical_therapy", "body_region": "lumbar", "requested_visits": 12,
                "prior_sessions": 0, "injury_date": "2012-03-01", "request_date": "2014-05-01"}
TWO_ITEMS = LETTERS / "synthetic" / "syn_02_cervical_pt_lumbar_chiro.txt"


@pytest.fixture(scope="module")
def decision_log(tmp_path_factory):
    return tmp_path_factory.mktemp("serve") / "decisions.jsonl"


@pytest.fixture(scope="module")
def app(decision_log):
    return create_app(RULES, decision_log=decision_log)


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def log_lines(decision_log):
    """The decision log lines written during the test."""
    start = decision_log.stat().st_size

    def read() -> list[dict]:
        with decision_log.open(encoding="utf-8") as handle:
            handle.seek(start)
            return [json.loads(line) for line in handle.read().splitlines()]
    return read


def facts_error(values: dict) -> FactsError:
    with pytest.raises(FactsError) as info:
        build_facts(values)
    return info.value


# ---------------------------------------------------------------- /v1/check


def test_check_gives_the_cli_json_with_the_rules_version(client, book):
    response = client.post("/v1/check", json=README_FACTS)
    assert response.status_code == 200
    body = response.json()
    assert body["approvable_visits"] == 10
    assert body["outcome"] == "upheld"
    assert body["findings"] and all(f["citation"]["document"] for f in body["findings"])
    assert body["rules_version"] == rules_version(RULES)
    expected = json.loads(check_json(precheck(README_FACTS, book)))
    assert {k: v for k, v in body.items() if k != "rules_version"} == expected


def test_check_takes_the_value_forms_of_a_facts_file(client):
    canonical = client.post("/v1/check", json=README_FACTS).json()
    loose = client.post("/v1/check", json={**README_FACTS, "modality": "Physical Therapy",
                                           "requested_visits": "12"}).json()
    assert loose == canonical
    said_yes = client.post("/v1/check", json={**README_FACTS, "home_exercise_program": "yes"})
    assert said_yes.status_code == 200
    assert said_yes.json()["facts"]["home_exercise_program"]["value"] is True


def test_check_under_a_chosen_guideline(client):
    body = client.post("/v1/check", json={**README_FACTS, "guideline": "ODG"}).json()
    assert body["governing_guideline"] == "ODG"
    bad = client.post("/v1/check", json={**README_FACTS, "guideline": "WHO"})
    assert bad.status_code == 422
    assert [e["field"] for e in bad.json()["errors"]] == ["guideline"]


def test_invalid_facts_are_422_naming_each_field_with_the_cli_message(client):
    values = {**README_FACTS, "requested_visits": -3, "injury_date": "2014-02-30",
              "modality": "yoga"}
    response = client.post("/v1/check", json=values)
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "invalid facts"
    errors = {e["field"]: e["message"] for e in body["errors"]}
    assert set(errors) == {"requested_visits", "injury_date", "modality"}
    for name in errors:
        assert errors[name] == facts_error({name: values[name]}).message
    assert "negative" in errors["requested_visits"]


def test_an_unknown_fact_is_422_naming_it(client):
    response = client.post("/v1/check", json={**README_FACTS, "visits_wanted": 3})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "visits_wanted", "message": facts_error({"visits_wanted": 3}).message}]
    assert response.json()["errors"][0]["message"].startswith("unknown fact; known facts:")


def test_facts_that_contradict_each_other_are_422(client):
    response = client.post("/v1/check", json={**README_FACTS, "request_date": "2011-01-01"})
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["request_date"]
    assert "before the injury date" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize("content", [b"{}", b"[1, 2]", b"{not json", b'{"modality": null}'])
def test_a_body_without_facts_is_422(client, content):
    response = client.post("/v1/check", content=content,
                           headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body"


def test_a_body_over_the_facts_limit_is_413_whether_its_length_is_given_or_not(client):
    big = json.dumps({**README_FACTS, "diagnosis": "x" * MAX_FACTS_BYTES}).encode()
    response = client.post("/v1/check", content=big, headers={"content-type":
                                                              "application/json"})
    assert response.status_code == 413
    assert "bytes" in response.json()["detail"]

    def chunks():
        for start in range(0, len(big), 8192):
            yield big[start:start + 8192]
    streamed = client.post("/v1/check", content=chunks(),
                           headers={"content-type": "application/json"})
    assert streamed.status_code == 413


# ---------------------------------------------------------------- /v1/audit


def test_audit_of_a_text_letter_reports_its_items_as_the_audit_does(client, book):
    response = client.post("/v1/audit", files={"letter": (TWO_ITEMS.name, TWO_ITEMS.read_bytes(),
                                                          "text/plain")})
    assert response.status_code == 200
    body = response.json()
    expected = audit_letter(TWO_ITEMS, book)
    assert len(expected.items) >= 2
    assert body["source"] == TWO_ITEMS.name
    assert body["rules_version"] == rules_version(RULES)
    [letter] = body["letters"]
    assert letter["source"] == TWO_ITEMS.name
    assert len(letter["items"]) == len(expected.items)
    assert [i["title"] for i in letter["items"]] == [i.title for i in expected.items]
    assert [i["decision"] for i in letter["items"]] == \
        [i.decision.model_dump(mode="json") for i in expected.items]
    assert [i["verdict"] for i in letter["items"]] == [i.verdict for i in expected.items]


def test_audit_of_a_pdf_letter(client, book):
    seed = SEEDS[1]
    response = client.post("/v1/audit", files={
        "letter": ("letter.pdf", pdf_bytes(seed.read_text(encoding="utf-8")),
                   "application/pdf")})
    assert response.status_code == 200
    items = response.json()["letters"][0]["items"]
    expected = audit_letter(seed, book).items
    assert [i["title"] for i in items] == [i.title for i in expected]
    assert [i["decision"]["outcome"] for i in items] == [i.decision.outcome for i in expected]


def test_an_upload_without_a_suffix_is_read_by_its_content(client):
    seed = SEEDS[0]
    as_pdf = client.post("/v1/audit", files={"letter": ("scan", pdf_bytes(seed.read_text(
        encoding="utf-8")))})
    as_text = client.post("/v1/audit", files={"letter": ("scan", seed.read_bytes())})
    assert as_pdf.status_code == as_text.status_code == 200
    assert [i["title"] for i in as_pdf.json()["letters"][0]["items"]] == \
        [i["title"] for i in as_text.json()["letters"][0]["items"]]


def test_a_letter_over_the_configured_limit_is_413(decision_log, tmp_path):
    small = create_app(RULES, decision_log=tmp_path / "log.jsonl", max_letter_bytes=2048)
    with TestClient(small) as test_client:
        assert SEEDS[0].stat().st_size > 2048
        response = test_client.post("/v1/audit", files={
            "letter": (SEEDS[0].name, SEEDS[0].read_bytes(), "text/plain")})
        assert response.status_code == 413
        detail = response.json()["detail"]
        assert SEEDS[0].name in detail and "2,048 bytes" in detail
        # far over the limit: refused from its Content-Length, unread
        huge = test_client.post("/v1/audit", files={"letter": ("x.txt", b"a" * 200_000)})
        assert huge.status_code == 413
        fits = test_client.post("/v1/audit", files={"letter": ("x.txt", b"too short")})
        assert fits.status_code == 422
    assert (tmp_path / "log.jsonl").read_text() == ""


def test_an_unreadable_letter_is_422_with_the_readers_message(client, log_lines):
    noise = bytes(range(256)) * 8
    response = client.post("/v1/audit", files={"letter": ("noise.pdf", noise,
                                                          "application/pdf")})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("noise.pdf: cannot read PDF")
    assert response.json()["errors"][0]["field"] == "letter"
    binary = client.post("/v1/audit", files={"letter": ("noise.txt", noise)})
    assert binary.status_code == 422
    assert "binary file" in binary.json()["detail"]
    assert log_lines() == []


def test_a_text_that_is_not_a_letter_is_422_with_the_parsers_message(client):
    response = client.post("/v1/audit", files={"letter": ("memo.txt", b"Dear colleague,\n"
                                                          b"lunch is at noon.\n")})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("memo.txt")
    assert "/tmp" not in response.json()["detail"]


def test_other_file_types_and_a_missing_letter_are_422(client):
    docx = client.post("/v1/audit", files={"letter": ("letter.docx", b"PK\x03\x04")})
    assert docx.status_code == 422
    assert "unsupported file type .docx" in docx.json()["detail"]
    missing = client.post("/v1/audit", data={"file": "x"})
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["field"] == "letter"


def test_uploads_leave_no_temporary_files(client, monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    client.post("/v1/audit", files={"letter": (SEEDS[0].name, SEEDS[0].read_bytes())})
    client.post("/v1/audit", files={"letter": ("bad.pdf", b"%PDF-1.4 broken")})
    assert list(tmp_path.iterdir()) == []


def test_an_upload_named_with_folders_is_reported_by_its_own_name(client):
    response = client.post("/v1/audit", files={"letter": ("../../etc/000.txt",
                                                          SEEDS[0].read_bytes())})
    assert response.status_code == 200
    assert response.json()["source"] == "000.txt"


# ---------------------------------------------------------------- rules, health, vocabulary


def test_rulesets_lists_every_file_with_the_rules_version(client, book):
    body = client.get("/v1/rulesets").json()
    assert body["rules_version"] == rules_version(RULES)
    files = sorted(p.relative_to(RULES).as_posix() for p in ruleset_paths(RULES))
    assert sorted(r["file"] for r in body["rulesets"]) == files
    assert body["rules"] == len(book.rules) == sum(r["rules"] for r in body["rulesets"])
    by_file = {r["file"]: r for r in body["rulesets"]}
    mtus = by_file["mtus/cpmtg-2009-physical-medicine.yaml"]
    assert mtus["guideline"] == "MTUS"
    assert mtus["effective_from"] == "2009-07-18"
    assert mtus["effective_to"] == "2017-11-30"


def test_rules_version_follows_the_files_and_nothing_else(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(RULES, copy)
    assert rules_version(copy) == rules_version(RULES)
    assert len(rules_version(copy)) == 16
    (copy / "notes.txt").write_text("not a ruleset")
    assert rules_version(copy) == rules_version(RULES)
    target = copy / "lc" / "labor-code-4604-5.yaml"
    target.write_bytes(target.read_bytes() + b"\n")
    edited = rules_version(copy)
    assert edited != rules_version(RULES)
    target.rename(copy / "lc" / "labor-code.yaml")
    assert rules_version(copy) != edited


def test_healthz(client):
    assert client.get("/healthz").json() == {"status": "ok", "rules_version": rules_version(RULES)}


def test_vocabulary_lists_every_fact_with_its_choices(client):
    body = client.get("/v1/vocabulary").json()
    assert [f["name"] for f in body["facts"]] == list(FACT_TYPES)
    by_name = {f["name"]: f for f in body["facts"]}
    assert by_name["modality"]["choices"] == enum_values("modality")
    assert by_name["requested_visits"] == {"name": "requested_visits", "kind": "integer",
                                           "choices": None}
    assert body["guidelines"] == ["MTUS", "ODG", "ACOEM"]


def test_openapi_describes_the_facts(client):
    schema = client.get("/openapi.json").json()
    assert set(schema["paths"]) >= {"/v1/check", "/v1/audit", "/v1/rulesets", "/healthz"}
    request = schema["components"]["schemas"]["CheckRequest"]
    assert set(request["properties"]) == set(FACT_TYPES) | {"guideline"}
    assert request["additionalProperties"] is False
    assert request["properties"]["modality"]["enum"] == enum_values("modality")
    assert request["properties"]["injury_date"]["format"] == "date"
    check_422 = schema["paths"]["/v1/check"]["post"]["responses"]["422"]
    assert check_422["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
    assert client.get("/docs").status_code == 200


def test_the_api_docs_load_nothing_from_the_internet(client):
    for page in ("/docs", "/redoc"):
        html = client.get(page).text
        urls = re.findall(r"""(?:src|href)=["']([^"']+)["']|url:\s*['"]([^'"]+)['"]""", html)
        found = [a or b for a, b in urls]
        assert found, page
        # every script and style is the service's own
        assert all(not u.startswith(("http://", "https://", "//")) for u in found), found
        for url in found:
            if url.startswith("/") and not url.startswith("/openapi"):
                assert client.get(url).status_code == 200, url


# ---------------------------------------------------------------- decision log


def test_every_decision_is_a_line_in_the_decision_log(client, log_lines):
    checked = client.post("/v1/check", json=README_FACTS).json()
    audited = client.post("/v1/audit", files={"letter": (TWO_ITEMS.name,
                                                         TWO_ITEMS.read_bytes())}).json()
    client.post("/v1/check", json={"modality": "yoga"})  # refused: no decision, no line
    lines = log_lines()
    items = audited["letters"][0]["items"]
    assert len(lines) == 1 + len(items)
    first = lines[0]
    assert first["endpoint"] == "/v1/check"
    assert first["rules_version"] == rules_version(RULES)
    assert first["outcome"] == checked["outcome"]
    assert first["approvable_visits"] == 10
    assert first["facts"]["requested_visits"] == 12
    assert first["facts"]["modality"] == "physical_therapy"
    assert first["time"].endswith("+00:00")
    for line, item in zip(lines[1:], items, strict=True):
        assert line["endpoint"] == "/v1/audit"
        assert line["source"] == TWO_ITEMS.name
        assert line["item"] == item["index"]
        assert line["outcome"] == item["decision"]["outcome"]
        assert line["approvable_visits"] == item["decision"]["approvable_visits"]


def test_concurrent_decisions_each_write_one_whole_line(client, log_lines):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        codes = list(pool.map(lambda n: client.post("/v1/check", json={
            **README_FACTS, "requested_visits": n}).status_code, range(1, 9)))
    assert codes == [200] * 8
    assert sorted(line["facts"]["requested_visits"] for line in log_lines()) == list(range(1, 9))


def test_a_decision_log_that_cannot_be_written_stops_the_start(tmp_path):
    with pytest.raises(Exception, match="cannot write the decision log"):
        create_app(RULES, decision_log=tmp_path / "no" / "such" / "folder" / "log.jsonl")


# ---------------------------------------------------------------- the form


def test_the_form_page_offers_the_vocabulary_and_loads_nothing_from_elsewhere(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    for element in ("modality", "body_region", "requested_visits", "requested_frequency_per_week",
                    "requested_weeks", "prior_sessions", "functional_improvement", "injury_date",
                    "request_date", "surgery", "surgery_date", "diagnosis", "check", "result"):
        assert f'id="{element}"' in page
        if element not in ("check", "result"):
            assert f'for="{element}"' in page  # a label names it
            assert element in FACT_TYPES or element == "guideline"
    for value in enum_values("modality") + enum_values("body_region") + \
            enum_values("functional_improvement"):
        assert f'<option value="{value}">' in page
    assert "<!--options:" not in page
    assert rules_version(RULES) in page
    assert "fetch(\"/v1/check\"" in page
    assert "http://" not in page and "https://" not in page and "//cdn" not in page
    assert "default-src 'none'" in response.headers["content-security-policy"]


# ---------------------------------------------------------------- the command


def test_serve_without_its_extra_names_what_to_install(capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "fastapi", None)
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert "pip install 'guideline-engine[serve]'" in err
    assert "fastapi" in err


def test_serve_refuses_a_letter_limit_that_is_not_positive(capsys):
    assert main(["serve", "--max-letter-mb", "0"]) == 2
    assert "--max-letter-mb must be positive" in capsys.readouterr().err


def test_serve_with_a_broken_rules_folder_exits_2(capsys, tmp_path):
    assert main(["serve", "--rules", str(tmp_path)]) == 2
    assert "ruleset error" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_command_serves_over_http(tmp_path):
    port = _free_port()
    log = tmp_path / "decisions.jsonl"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "guideline_engine", "serve", "--port", str(port), "--rules",
         str(RULES), "--decision-log", str(log)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx2.get(f"{base}/healthz", timeout=2)
                break
            except httpx2.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(server.stdout.read().decode()) from None
                time.sleep(0.2)
        assert health.json() == {"status": "ok", "rules_version": rules_version(RULES)}
        checked = httpx2.post(f"{base}/v1/check", json=README_FACTS, timeout=30)
        assert checked.json()["approvable_visits"] == 10
        assert json.loads(log.read_text().splitlines()[0])["approvable_visits"] == 10
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stdout.close()


# ---------------------------------------------------------------- schemathesis


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_asgi("/openapi.json", app)


OPERATIONS = [("POST", "/v1/check"), ("POST", "/v1/audit"), ("GET", "/v1/rulesets"),
              ("GET", "/v1/vocabulary"), ("GET", "/healthz")]


def test_the_schema_lists_the_operations_fuzzed_here(api_schema):
    listed = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert listed == set(OPERATIONS)


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_generated_requests_never_meet_a_server_error(api_schema, method, path):
    """Requests generated from the app's own OpenAPI schema (50 per operation, the same ones
    every run): no 5xx, and every answer is one the schema declares."""
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    statuses: list[int] = []

    @given(api_schema[path][method].as_strategy())
    @settings(max_examples=50, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    def run(case):
        response = case.call()
        statuses.append(response.status_code)
        assert response.status_code < 500, response.text
        case.validate_response(response, checks=[not_a_server_error, status_code_conformance,
                                                 content_type_conformance,
                                                 response_schema_conformance])

    run()
    assert statuses
    if path == "/v1/check":  # the generator reaches decisions, not only refusals
        assert 200 in statuses and 422 in statuses
