"""Errors a user can cause are reported in one line, within seconds, before any work: a missing corpus
folder, an unwritable warehouse or load store, an unknown spaCy model, a number of workers that is not
one, a warehouse another process is writing; `--help`
does not start a load; an empty folder on a new warehouse says so and does not crash."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from orchestration import run

ONE_LINE_SECONDS = 10


@pytest.fixture
def settings(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    monkeypatch.setenv("CORPUS_DIR", str(corpus))
    monkeypatch.setenv("WAREHOUSE_PATH", str(tmp_path / "data" / "warehouse.duckdb"))
    monkeypatch.delenv("PUBLISHED_WAREHOUSE_PATH", raising=False)
    monkeypatch.delenv("SPACY_MODEL", raising=False)
    monkeypatch.delenv("LOAD_WORKERS", raising=False)
    monkeypatch.delenv("LOAD_STORE_DIR", raising=False)
    return tmp_path


def refusal(capsys) -> tuple[int, str]:
    started = time.monotonic()
    code = run.main([])
    assert time.monotonic() - started < ONE_LINE_SECONDS
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1, error
    return code, error


def test_a_missing_corpus_folder(settings, monkeypatch, capsys):
    monkeypatch.setenv("CORPUS_DIR", str(settings / "nowhere"))
    code, error = refusal(capsys)
    assert code == 2 and "CORPUS_DIR" in error and "nowhere" in error


def test_an_unwritable_warehouse(settings, monkeypatch, capsys):
    monkeypatch.setenv("WAREHOUSE_PATH", "/proc/no/warehouse.duckdb")
    code, error = refusal(capsys)
    assert code == 2 and "/proc/no/warehouse.duckdb" in error


def test_an_unknown_spacy_model(settings, monkeypatch, capsys):
    monkeypatch.setenv("SPACY_MODEL", "en_core_web_nonexistent")
    code, error = refusal(capsys)
    assert code == 2 and "en_core_web_nonexistent" in error


@pytest.mark.parametrize("workers", ["two", "0", "-1"])
def test_workers_that_are_not_a_number_of_processes(settings, monkeypatch, capsys, workers):
    monkeypatch.setenv("LOAD_WORKERS", workers)
    code, error = refusal(capsys)
    assert code == 2 and "LOAD_WORKERS" in error and repr(workers) in error


def test_an_unwritable_load_store(settings, monkeypatch, capsys):
    monkeypatch.setenv("LOAD_STORE_DIR", "/proc/no/loads")
    code, error = refusal(capsys)
    assert code == 2 and "LOAD_STORE_DIR /proc/no/loads" in error


def test_a_warehouse_another_process_writes(settings, capsys):
    warehouse = settings / "data" / "warehouse.duckdb"
    warehouse.parent.mkdir(parents=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(warehouse)!r}); print('ready', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        code, error = refusal(capsys)
    finally:
        holder.kill()
        holder.wait()
    assert code == 2
    assert f"PID {holder.pid}" in error and "published copy" in error


def test_help_does_not_load(settings, capsys):
    with pytest.raises(SystemExit) as exit_info:
        run.main(["--help"])
    assert exit_info.value.code == 0
    assert "CORPUS_DIR" in capsys.readouterr().out
    assert not (settings / "data" / "warehouse.duckdb").exists()


def test_an_empty_folder_on_a_new_warehouse(settings, capsys):
    assert run.main([]) == 0
    assert "holds no input files" in capsys.readouterr().out


def test_an_unreadable_manifest(settings, capsys):
    (settings / "corpus" / "a.txt").write_text("Ghana and Togo held talks in Lome on Monday.\n", encoding="utf-8")
    (settings / "corpus" / "manifest.csv").write_text('file_name,title\na.txt,"Talks\nb.txt,x\n', encoding="utf-8")
    code, error = refusal(capsys)
    assert code == 2 and "manifest.csv" in error and "never closed" in error
