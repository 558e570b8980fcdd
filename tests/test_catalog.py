"""The published warehouse describes itself to BI tools (issue 20): comments on every table, view and
column of the star schema, a primary key on every table, the views for people, and a data dictionary
that is current."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy

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


@pytest.fixture(scope="module")
def inspector(published: Path) -> sqlalchemy.Inspector:
    # As Superset and Metabase read the catalog: SQLAlchemy inspection through duckdb-engine.
    engine = sqlalchemy.create_engine(f"duckdb:///{published}", connect_args={"read_only": True}, poolclass=sqlalchemy.pool.NullPool)
    with engine.connect() as connection:
        yield sqlalchemy.inspect(connection)
    engine.dispose()


def test_every_star_table_and_view_has_its_models_descriptions(inspector):
    assert set(inspector.get_table_names()) >= {table.name for table in WAREHOUSE_TABLES}
    assert set(inspector.get_view_names()) >= {view.name for view in VIEWS}
    for name in STAR_NAMES:
        assert inspector.get_table_comment(name)["text"] == table_description(f"main.{name}"), name
        comments = {column["name"]: column.get("comment") for column in inspector.get_columns(name)}
        assert comments == column_descriptions(f"main.{name}"), name
        assert all(comments.values()), f"{name}: a column without a description"


def test_comments_say_what_the_models_say(inspector):
    comments = {column["name"]: column["comment"] for column in inspector.get_columns("fact_event")}
    assert comments["num_sources"] == "Distinct publishers reporting it"
    assert "grain = one real-world event" in inspector.get_table_comment("fact_event")["text"]


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
