"""The pre-check form, filled in a real browser (Debian's chromium) as a provider's office would,
against the service running on uvicorn on a free local port."""

from __future__ import annotations

import socket
import threading
import time

import pytest
import uvicorn  # the 'serve' extra is part of the test extra
from conftest import ROOT
from playwright.sync_api import expect

from guideline_engine.precheck import precheck
from guideline_engine.report import check_json


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def service():
    from guideline_engine.serve import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(ROOT / "rulesets"), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the service did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


# the README's example: PT for the low back, 12 visits, none before, injury 2012-03-01, request
# 2014-05-01
README_EXAMPLE = {"modality": "physical_therapy", "body_region": "lumbar",
                  "requested_visits": 12, "prior_sessions": 0, "injury_date": "2012-03-01",
                  "request_date": "2014-05-01"}


def test_the_form_answers_the_readme_example_as_a_person_reads_it(browser_page, service, book):
    import json

    requests = []
    browser_page.on("request", lambda r: requests.append(r.url))
    browser_page.goto(service + "/")
    browser_page.select_option("#modality", "physical_therapy")
    browser_page.select_option("#body_region", "lumbar")
    browser_page.fill("#requested_visits", "12")
    browser_page.fill("#prior_sessions", "0")
    browser_page.fill("#injury_date", "2012-03-01")
    browser_page.fill("#request_date", "2014-05-01")
    browser_page.click("#check")
    expect(browser_page.locator("#outcome")).to_contain_text("up to", timeout=20_000)

    expected = json.loads(check_json(precheck(README_EXAMPLE, book)))
    outcome = browser_page.inner_text("#outcome")
    assert "Not medically necessary" in outcome
    # the answer of `check` on the same facts, in words
    assert expected["approvable_visits"] == 10 and "up to 10" in outcome
    findings = browser_page.inner_text("#findings")
    for finding in expected["findings"]:
        assert finding["rule"] in findings or finding["reason"][:40] in findings
    # the citation of the visit figure is shown beside its reason
    assert "Physical Medicine" in findings and "p. 99" in findings
    # nothing was fetched from anywhere but the service
    assert requests and all(url.startswith(service) for url in requests)


def test_the_form_marks_an_impossible_value_on_its_field(browser_page, service):
    browser_page.goto(service + "/")
    browser_page.select_option("#modality", "physical_therapy")
    browser_page.fill("#requested_visits", "5000")
    browser_page.fill("#request_date", "2014-05-01")
    browser_page.click("#check")
    expect(browser_page.locator("#requested_visits-error")).not_to_be_empty(timeout=20_000)
    assert "365" in browser_page.inner_text("#requested_visits-error")
