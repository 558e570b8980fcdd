"""The published warehouse describes itself to BI tools (issue 20): comments on every table, view and
column of the star schema, a primary key on every table, the views for people, and a data dictionary
that is current."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from schemas import TABLE_MODELS, VIEW_MODELS
from tests.conftest import rows
from warehouse.catalog import VIEWS, column_descriptions, table_description
from warehouse.data_dictionary import DEFAULT_OUTPUT, data_dictionary
from warehouse.readme_examples import DEFAULT_README as README
from warehouse.readme_examples import examples, with_examples
from warehouse.star_schema import WAREHOUSE_TABLES

STAR_NAMES = [table.name for table in WAREHOUSE_TABLES] + [view.name for view in VIEWS]


@pytest.fixture(scope="module")
def published(sample_run) -> Path:
    result, path = sample_run
    assert result.success
    return path.parent / "published" / path.name


# As Superset and Metabase read the catalog: SQLAlchemy inspection through duckdb-engine. It runs in a
# process of its own: duckdb-engine keeps DuckDB type objects alive to the interpreter's exit, where
# DuckDB's bindings report them as leaks, and that report would end the test run's output.
INSPECTION = """
import json, sys
import sqlalchemy
engine = sqlalchemy.create_engine(f"duckdb:///{sys.argv[1]}", connect_args={"read_only": True})
with engine.connect() as connection:
    inspector = sqlalchemy.inspect(connection)
    names = inspector.get_table_names() + inspector.get_view_names()
    print(json.dumps({
        "tables": inspector.get_table_names(),
        "views": inspector.get_view_names(),
        "comments": {name: inspector.get_table_comment(name)["text"] for name in names},
        "columns": {name: {c["name"]: c.get("comment") for c in inspector.get_columns(name)} for name in names},
    }))
engine.dispose()
"""


@pytest.fixture(scope="module")
def catalog(published: Path) -> dict:
    completed = subprocess.run([sys.executable, "-c", INSPECTION, str(published)], capture_output=True, text=True, check=True)
    return json.loads(completed.stdout)


def test_every_star_table_and_view_has_its_models_descriptions(catalog):
    assert set(catalog["tables"]) >= {table.name for table in WAREHOUSE_TABLES}
    assert set(catalog["views"]) >= {view.name for view in VIEWS}
    for name in STAR_NAMES:
        assert catalog["comments"][name] == table_description(f"main.{name}"), name
        assert catalog["columns"][name] == column_descriptions(f"main.{name}"), name
        assert all(catalog["columns"][name].values()), f"{name}: a column without a description"


def test_comments_say_what_the_models_say(catalog):
    assert catalog["columns"]["fact_event"]["num_sources"] == "Distinct publishers reporting it"
    assert "grain = one real-world event" in catalog["comments"]["fact_event"]


def test_every_star_table_has_a_primary_key(warehouse):
    keys = {
        row["table_name"]: row["constraint_column_names"]
        for row in rows(warehouse, "select table_name, constraint_column_names from duckdb_constraints() where schema_name = 'main' and constraint_type = 'PRIMARY KEY'")
    }
    assert keys == {table.name: [table.key] for table in WAREHOUSE_TABLES}


def test_views_have_the_columns_their_models_declare(warehouse):
    for qualified, model in VIEW_MODELS.items():
        columns = [r["column_name"] for r in rows(warehouse, "select column_name from duckdb_columns() where schema_name = 'main' and table_name = ? order by column_index", [qualified.split(".")[1]])]
        assert columns == list(model.to_schema().columns), qualified
        model.validate(warehouse.execute(f"select * from {qualified}").df())


def test_events_wide_holds_the_guterres_putin_meeting_with_its_evidence(warehouse):
    meetings = rows(
        warehouse,
        "select * from events_wide where actor1_name = 'António Guterres' and actor2_name = 'Vladimir Putin' and event_root_code = '04'",
    )
    assert len(meetings) == 1
    meeting = meetings[0]
    assert meeting["action_geo_full_name"] == "Moscow"
    assert meeting["action_geo_lat"] == pytest.approx(55.75, abs=0.01) and meeting["action_geo_long"] == pytest.approx(37.62, abs=0.01)
    assert meeting["num_sources"] == 3
    assert meeting["actor1_code"] == "IGOUNO" and meeting["actor2_country_code"] == "RUS"
    assert "Putin" in meeting["evidence_sentence"] and meeting["source_name"]


def test_daily_counts_add_up_to_the_dated_events(warehouse):
    counted = warehouse.execute("select sum(num_events) from event_counts_by_country").fetchone()[0]
    dated = warehouse.execute("select count(*) from fact_event where date_key > 0").fetchone()[0]
    assert counted == dated > 0


def test_every_report_is_in_event_reports_wide(warehouse):
    reports = warehouse.execute("select count(*) from fact_event_mention where event_key in (select event_key from fact_event)").fetchone()[0]
    assert warehouse.execute("select count(*) from event_reports_wide").fetchone()[0] == reports


def test_the_data_dictionary_is_current(warehouse):
    # `make docs` writes it from the sample's warehouse; a change to a model or to the sample's rows must
    # be followed by `make docs`.
    assert DEFAULT_OUTPUT.read_text(encoding="utf-8") == data_dictionary(warehouse), "docs/data_dictionary.md is stale: run `make docs`"


def test_every_star_model_is_described():
    for qualified in [f"main.{t.name}" for t in WAREHOUSE_TABLES] + list(VIEW_MODELS):
        assert table_description(qualified), qualified
        assert qualified in TABLE_MODELS or qualified in VIEW_MODELS


def test_the_readmes_example_outputs_are_current(warehouse):
    readme = README.read_text(encoding="utf-8")
    assert with_examples(readme, examples(warehouse)) == readme, "README.md's examples are stale: run `make docs`"
