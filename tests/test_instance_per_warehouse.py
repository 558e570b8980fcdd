"""Each warehouse has its own Dagster instance: `make` puts the run history, partitions and pool slots of a
warehouse beside it, so two corpora loaded into two warehouses never share partitions or pool slots."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from newsevents import config


def storage_dir(*settings: str) -> str:
    # As from a shell: not the settings a `make test` running this test exported.
    environment = {k: v for k, v in os.environ.items() if k not in ("DAGSTER_STORAGE_DIR", "WAREHOUSE_PATH", "MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    shown = subprocess.run(
        ["make", "-s", "--no-print-directory", "--eval", "show-storage: ; @echo $$DAGSTER_STORAGE_DIR", "show-storage", *settings],
        cwd=config.PROJECT_ROOT, capture_output=True, text=True, check=True, env=environment,
    )
    return shown.stdout.strip()


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_each_warehouse_has_its_own_instance(tmp_path):
    assert storage_dir() == str(config.PROJECT_ROOT / "data" / "dagster" / "warehouse")
    first = storage_dir(f"WAREHOUSE_PATH={tmp_path}/news/first.duckdb")
    second = storage_dir(f"WAREHOUSE_PATH={tmp_path}/news/second.duckdb")
    assert first == f"{tmp_path}/news/dagster/first" and second == f"{tmp_path}/news/dagster/second"
    # A storage folder set by hand is kept.
    assert storage_dir("DAGSTER_STORAGE_DIR=/srv/dagster") == "/srv/dagster"
