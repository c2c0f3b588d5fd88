"""The audit on a Dask cluster (a LocalCluster of 2 worker processes here): the same per-letter
function, one rulebook per worker, and the same bytes as the local run, bad files included."""

from __future__ import annotations

import distributed  # the 'dask' extra; the 'test' extra installs it
import pytest
from conftest import ROOT, SEEDS

from guideline_engine import audit as audit_module
from guideline_engine.cli import main


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local.scheduler_address


def run(capsys, *args) -> tuple[int, str]:
    code = main([*args, "--rules", str(ROOT / "rulesets"), "--quiet"])
    return code, capsys.readouterr().out


def test_a_dask_audit_gives_the_local_bytes(capsys, tmp_path, cluster):
    bad = tmp_path / "bad.txt"
    bad.write_text("not a letter\n")
    letters = [str(SEEDS[0]), str(bad), str(SEEDS[3]), (SEEDS[1]).resolve().as_uri()]
    for fmt in ("jsonl", "json"):
        local = run(capsys, "audit", *letters, "--format", fmt, "--jobs", "1")
        remote = run(capsys, "audit", *letters, "--format", fmt, "--dask", cluster)
        assert local == remote
        assert local[0] == 1  # the bad file is an error entry, not a lost batch
    assert SEEDS[1].resolve().as_uri() in remote[1]  # a URL is read through fsspec


def test_a_folder_url_and_a_glob_are_expanded(capsys, cluster):
    folder = (ROOT / "fixtures" / "letters").resolve()
    by_url = run(capsys, "audit", folder.as_uri() + "/00*.txt", "--format", "jsonl", "--dask",
                 cluster)
    local = run(capsys, "audit", *map(str, SEEDS), "--format", "jsonl", "--jobs", "1")
    assert by_url[0] == local[0] == 0
    assert len(by_url[1].splitlines()) == len(local[1].splitlines()) == 7


def test_an_unreachable_scheduler_is_a_clear_error(capsys, monkeypatch):
    monkeypatch.setattr(audit_module, "DASK_CONNECT_TIMEOUT", "1s")
    code = main(["audit", str(SEEDS[0]), "--dask", "tcp://127.0.0.1:9", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err
    assert "Traceback" not in err
