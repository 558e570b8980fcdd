"""The warehouse engine runs without Dagster, and the Dagster layer holds no SQL over warehouse tables."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from newsevents import config

WAREHOUSE_MODULES = ("changes", "documents", "entity_descriptions", "ledger", "merge", "sql", "star_schema", "summary", "tables")


def test_the_warehouse_package_imports_without_dagster():
    imports = "; ".join(f"import warehouse.{module}" for module in WAREHOUSE_MODULES)
    check = f"import sys; {imports}; assert not [m for m in sys.modules if m.split('.')[0] in ('dagster', 'dagster_duckdb')], 'dagster imported'"
    subprocess.run([sys.executable, "-c", check], check=True, cwd=config.PROJECT_ROOT)


def test_orchestration_holds_no_sql_over_warehouse_tables():
    # A call that runs SQL, or a string that starts a SQL statement.
    statement = re.compile(
        r"\.execute\(|\.sql\(|[\"'](select|insert into|delete from|update \w+ set|(create|drop|alter)( or replace)?( temporary)? table)\b",
        re.IGNORECASE,
    )
    offending = [
        f"{path.relative_to(config.PROJECT_ROOT)}:{number}: {line.strip()}"
        for path in sorted(Path(config.PROJECT_ROOT / "orchestration").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if statement.search(line) and not line.lstrip().startswith("#")
    ]
    assert offending == []
