"""The actor dictionary is data: a row added to it changes the next run's resolution, with no code change."""

from __future__ import annotations

import shutil

import duckdb

from newsevents import config
from tests.conftest import SAMPLE_DIR, rows, run_all_assets


def resolution_of(warehouse_path, surface: str) -> set[str]:
    with duckdb.connect(str(warehouse_path), read_only=True) as warehouse:
        return {r["entity_id"] for r in rows(warehouse, "select entity_id from staging.entity_mentions where surface_text = ?", [surface])}


def test_an_added_alias_changes_the_next_run(sample_run, tmp_path, monkeypatch):
    _, default_warehouse = sample_run
    # The BBC captioner wrote Nikolai Patrushev as "nikolai patricia": unresolved with the shipped dictionary.
    assert resolution_of(default_warehouse, "Nikolai Patricia") == {"unresolved:person:nikolai-patricia"}

    reference = tmp_path / "reference"
    shutil.copytree(config.REFERENCE_DIR, reference)
    with (reference / "actor_aliases.csv").open("a", encoding="utf-8") as aliases:
        aliases.write("person:nikolai-patrushev,Nikolai Patricia,name,,\n")
    monkeypatch.setenv("REFERENCE_DIR", str(reference))
    warehouse_path = tmp_path / "warehouse.duckdb"
    assert run_all_assets(SAMPLE_DIR, warehouse_path, monkeypatch).success
    assert resolution_of(warehouse_path, "Nikolai Patricia") == {"person:nikolai-patrushev"}
