"""Incremental loads: only new and changed files are read, a changed file replaces its rows everywhere,
the same load twice changes nothing, and a rebuild from scratch gives the same rows."""

from __future__ import annotations

import shutil
from contextlib import nullcontext
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import pytest
from dagster_duckdb import DuckDBResource

from newsevents.loads import plan_load
from orchestration.run import load_corpus
from schemas import TABLE_MODELS
from tests.conftest import SAMPLE_DIR
from warehouse import changes, entity_descriptions
from warehouse.documents import forget_replaced_documents
from warehouse.star_schema import (
    WAREHOUSE_TABLES,
    definition,
    stored_definitions,
    update_star_schema,
    update_star_table,
)
from warehouse.tables import replace_table

# Columns that record when a row was written (and by which load batch), not what it says.
AUDIT_COLUMNS = {"ingested_at", "loaded_at", "partition_key"}
CHANGED_FILE = "003_46898ae6534dde6d.txt"  # NPR: Guterres meets Putin in Moscow
ADDED_SENTENCE = "\nOn Wednesday, Polish President Andrzej Duda met Zelensky in Kyiv.\n"
# The tables of the pandera models, and the counts the dimensions of entities read.
SNAPSHOT_TABLES = [*TABLE_MODELS, entity_descriptions.DESCRIPTIONS]


def test_plan_compares_the_folder_with_what_was_loaded():
    plan = plan_load(current={"a.txt": "v1", "b.txt": "v2", "c.txt": "v3", "d...txt": "v4"}, loaded={"b.txt": "v2", "c.txt": "old", "gone.txt": "v9"})
    assert (plan.new, plan.changed, plan.unchanged, plan.removed) == (["a.txt", "d...txt"], ["c.txt"], ["b.txt"], ["gone.txt"])
    assert plan.to_load == ["a.txt", "c.txt", "d...txt"]
    assert plan.summary().startswith("2 new, 1 changed, 1 unchanged, 1 removed from the folder (their rows are kept)")


def snapshot(path: Path) -> dict[str, pd.DataFrame]:
    """Every table's content, sorted, without audit columns."""
    tables = {}
    with duckdb.connect(str(path), read_only=True) as connection:
        for table in SNAPSHOT_TABLES:
            frame = connection.execute(f"select * from {table}").df()
            frame = frame.drop(columns=[c for c in frame.columns if c in AUDIT_COLUMNS])
            key = [c for c in frame.columns if frame[c].dtype != object or c.endswith(("_id", "_key"))][:1] or list(frame.columns[:1])
            tables[table] = frame.sort_values(list(frame.columns[:3]) if len(frame.columns) >= 3 else key).reset_index(drop=True)
    return tables


def assert_same_tables(before: dict[str, pd.DataFrame], after: dict[str, pd.DataFrame]) -> None:
    for table in SNAPSHOT_TABLES:
        pd.testing.assert_frame_equal(before[table], after[table], check_dtype=False, obj=table)


@pytest.fixture(scope="module")
def loads(tmp_path_factory: pytest.TempPathFactory):
    """The sample loaded, loaded again unchanged, re-run over the same batch, loaded with one
    file changed, and rebuilt from scratch: the outcome and a snapshot of each step."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in SAMPLE_DIR.iterdir():
        shutil.copy(path, folder / path.name)
    warehouse = tmp_path_factory.mktemp("warehouse") / "incremental.duckdb"
    published = warehouse.parent / "published" / warehouse.name
    steps = {}
    with pytest.MonkeyPatch.context() as monkeypatch, dg.DagsterInstance.ephemeral() as instance:
        monkeypatch.setenv("CORPUS_DIR", str(folder))
        monkeypatch.setenv("WAREHOUSE_PATH", str(warehouse))
        monkeypatch.delenv("PUBLISHED_WAREHOUSE_PATH", raising=False)
        first = load_corpus(instance)
        steps["first"] = (first, snapshot(published))
        steps["again"] = (load_corpus(instance), snapshot(published))
        # The same batch materialised a second time, as a re-execution from the UI would.
        from orchestration.definitions import build_definitions

        rerun = build_definitions().resolve_job_def("load_inputs").execute_in_process(
            instance=instance, partition_key=first.results[0].dagster_run.tags["dagster/partition"], raise_on_error=False
        )
        steps["rerun"] = (rerun, snapshot(published))
        with (folder / CHANGED_FILE).open("a", encoding="utf-8") as handle:
            handle.write(ADDED_SENTENCE)
        steps["changed"] = (load_corpus(instance), snapshot(published))
        steps["refresh"] = (load_corpus(instance, full_refresh=True), snapshot(published))
    steps["published"] = published
    return steps


def test_first_load_reads_every_file_in_one_run(loads):
    outcome, tables = loads["first"]
    assert outcome.plan.summary() == "5 new, 0 changed, 0 unchanged"
    assert len(outcome.results) == 1 and not outcome.problems
    assert len(tables["staging.input_files"]) == 5
    assert len(tables["main.dim_document"]) == 5


def test_loading_again_reads_nothing_and_changes_nothing(loads):
    outcome, tables = loads["again"]
    assert outcome.plan.summary() == "0 new, 0 changed, 5 unchanged"
    assert outcome.results == []
    assert_same_tables(loads["first"][1], tables)


def test_materialising_the_same_partitions_twice_leaves_every_table_unchanged(loads):
    rerun, tables = loads["rerun"]
    assert rerun.success
    assert_same_tables(loads["first"][1], tables)
    star = {e.asset_key.to_user_string(): e.materialization.metadata for e in rerun.get_asset_materialization_events()}
    for table in ("fact_event", "fact_event_mention", "dim_document", "fact_entity_mention"):
        assert (star[table]["rows inserted"].value, star[table]["rows updated"].value, star[table]["rows deleted"].value) == (0, 0, 0), table


def test_a_changed_file_replaces_its_rows_everywhere_and_nothing_else(loads):
    outcome, tables = loads["changed"]
    before = loads["first"][1]
    assert outcome.plan.summary() == "0 new, 1 changed, 4 unchanged"
    old_id = before["staging.raw_documents"].set_index("file_name").loc[CHANGED_FILE, "document_id"]
    new_id = tables["staging.raw_documents"].set_index("file_name").loc[CHANGED_FILE, "document_id"]
    assert old_id != new_id
    for table in ("staging.raw_documents", "staging.cleaned_documents", "staging.parsed_documents", "staging.entity_mentions", "staging.event_mentions", "main.dim_document"):
        assert old_id not in set(tables[table]["document_id"]), table
        assert new_id in set(tables[table]["document_id"]), table
    # The added sentence is coded, and the rows of the other documents are untouched.
    duda = tables["staging.event_mentions"].query("document_id == @new_id and sentence_text.str.contains('Duda')")
    assert set(duda["event_code"].str[:2]) == {"04"}
    others = lambda frame: frame[frame["document_id"] != old_id].drop(columns="document_id").reset_index(drop=True)  # noqa: E731
    new_others = tables["staging.entity_mentions"][tables["staging.entity_mentions"]["document_id"] != new_id].drop(columns="document_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(others(before["staging.entity_mentions"]), new_others, check_dtype=False)
    # The Guterres-Putin meeting still has its three sources (NPR's report was replaced, not lost or doubled).
    with_three_sources = tables["main.fact_event"].query("event_code == '040' and num_sources == 3")
    assert len(with_three_sources) == 1


def star_schema_metadata(outcome) -> dict[str, dict]:
    return {
        event.asset_key.to_user_string(): {name: value.value for name, value in event.materialization.metadata.items()}
        for result in outcome.results
        for event in result.get_asset_materialization_events()
        if event.asset_key.to_user_string() in {table.name for table in WAREHOUSE_TABLES}
    }


def test_a_changed_file_rewrites_only_the_facts_of_its_documents_and_events(loads):
    outcome, tables = loads["changed"]
    before = loads["first"][1]
    star = star_schema_metadata(outcome)
    for table in ("dim_document", "dim_entity", "dim_location", "fact_entity_mention", "fact_event_mention", "fact_event"):
        assert star[table]["updated"] == "rows of the changed documents, events and entities", table
    new_id = tables["staging.raw_documents"].set_index("file_name").loc[CHANGED_FILE, "document_id"]
    old_id = before["staging.raw_documents"].set_index("file_name").loc[CHANGED_FILE, "document_id"]
    # The changed document's entity mentions are new rows (its id changed), its old ones deleted; no other row moves.
    entity_facts = star["fact_entity_mention"]
    assert entity_facts["rows inserted"] == (tables["staging.entity_mentions"]["document_id"] == new_id).sum()
    assert entity_facts["rows deleted"] == (before["staging.entity_mentions"]["document_id"] == old_id).sum()
    assert entity_facts["rows updated"] == 0


def sorted_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows in the order of their values, every missing value as None (DuckDB and pandas mark them
    differently)."""
    frame = frame.sort_values(list(frame.columns)).reset_index(drop=True).astype(object)
    return frame.where(frame.notna(), None)


def counted_descriptions(mentions: pd.DataFrame, descriptions: pd.DataFrame) -> pd.DataFrame:
    """The descriptions (with the columns of `descriptions`, staging.entity_descriptions) that counting
    every mention from scratch gives."""
    columns = [column for column in descriptions.columns if column != entity_descriptions.COUNT_COLUMN]
    return sorted_rows(mentions.groupby(columns, dropna=False).size().rename(entity_descriptions.COUNT_COLUMN).reset_index())


def test_every_write_of_entity_mentions_keeps_their_descriptions_counted(loads):
    for step in ("first", "changed", "refresh"):
        tables = loads[step][1]
        stored = tables[entity_descriptions.DESCRIPTIONS]
        recount = counted_descriptions(tables["staging.entity_mentions"], stored)
        pd.testing.assert_frame_equal(sorted_rows(stored), recount, check_dtype=False, obj=step)
    # The changed file's added sentence names Andrzej Duda, whom no other document names: his one
    # description is new, and Zelensky's and Kyiv's counts grew by the sentence's mention of each.
    before, after = (loads[step][1][entity_descriptions.DESCRIPTIONS].groupby("entity_id")["mention_count"].sum() for step in ("first", "changed"))
    assert "person:andrzej-duda" not in before and after["person:andrzej-duda"] == 1
    assert after["person:volodymyr-zelensky"] == before["person:volodymyr-zelensky"] + 1
    assert after["city:kyiv"] == before["city:kyiv"] + 1


@pytest.fixture()
def star_copy(loads, tmp_path: Path) -> duckdb.DuckDBPyConnection:
    """A writable copy of the loaded warehouse (after the rebuild)."""
    copy = tmp_path / "copy.duckdb"
    shutil.copy(loads["published"], copy)
    with duckdb.connect(str(copy)) as connection:
        yield connection


def fact_rows(connection: duckdb.DuckDBPyConnection, table: str) -> int:
    return connection.execute(f"select count(*) from main.{table}").fetchone()[0]


def test_a_load_empties_the_queues_of_changes(star_copy):
    assert changes.pending(star_copy) == dict.fromkeys(changes.STAR_QUEUES, 0)


def test_the_star_schema_is_updated_for_the_queued_documents_only(star_copy):
    document_id, mentions = star_copy.execute(
        "select document_id, count(*) from staging.entity_mentions group by document_id order by document_id limit 1"
    ).fetchone()
    total = fact_rows(star_copy, "fact_entity_mention")
    star_copy.execute("delete from main.fact_entity_mention")  # every row lost, but only one document queued
    changes.record(star_copy, changes.CHANGED_DOCUMENTS, [document_id])
    results = {table.name: (in_full, counts) for table, in_full, counts, _ in update_star_schema(lambda: nullcontext(star_copy))}
    assert results["fact_entity_mention"] == (False, {"INSERT": mentions, "UPDATE": 0, "DELETE": 0})
    assert fact_rows(star_copy, "fact_entity_mention") == mentions < total
    assert changes.pending(star_copy)[changes.CHANGED_DOCUMENTS] == 0


def test_a_scoped_update_rewrites_only_the_rows_that_differ_and_reports_them_as_a_merge_would(star_copy):
    document_key, document_id = star_copy.execute(
        "select document_key, document_id from main.dim_document order by document_id limit 1"
    ).fetchone()
    table = "main.fact_entity_mention"
    original = star_copy.execute(f"select * from {table} order by entity_mention_key").df()
    keys = original.loc[original["document_key"] == document_key, "entity_mention_key"].tolist()
    # One row of the document altered, one lost, and a stray row in its name that no definition gives.
    star_copy.execute(f"update {table} set surface_text = 'altered' where entity_mention_key = ?", [keys[0]])
    star_copy.execute(f"delete from {table} where entity_mention_key = ?", [keys[1]])
    star_copy.execute(f"insert into {table} select -1, * exclude (entity_mention_key) from {table} where entity_mention_key = ?", [keys[2]])
    changes.record(star_copy, changes.CHANGED_DOCUMENTS, [document_id])
    results = {table.name: (in_full, counts, written) for table, in_full, counts, written in update_star_schema(lambda: nullcontext(star_copy))}
    in_full, counts, written = results["fact_entity_mention"]
    assert (in_full, counts) == (False, {"INSERT": 1, "UPDATE": 1, "DELETE": 1})
    assert sorted(written["entity_mention_key"]) == sorted(keys[:2])
    assert written.set_index("entity_mention_key").loc[keys[0], "surface_text"] != "altered"
    pd.testing.assert_frame_equal(star_copy.execute(f"select * from {table} order by entity_mention_key").df(), original)


def test_a_changed_event_has_its_fact_recomputed_from_every_report_and_no_other_event_touched(star_copy):
    # fact_event's scope names each event twice, by event_key and by event_id: both filters must keep it.
    event_id, event_key, mentions = star_copy.execute(
        "select event_id, event_key, num_mentions from main.fact_event order by num_mentions desc, event_key limit 1"
    ).fetchone()
    assert mentions > 1
    original = star_copy.execute("select * from main.fact_event order by event_key").df()
    star_copy.execute("update main.fact_event set num_mentions = 0, num_sources = 0 where event_key = ?", [event_key])
    star_copy.execute("update main.fact_event set num_mentions = 0 where event_key <> ?", [event_key])  # not queued: stays
    changes.record(star_copy, changes.CHANGED_EVENTS, [event_id])
    results = {table.name: (in_full, counts) for table, in_full, counts, _ in update_star_schema(lambda: nullcontext(star_copy))}
    assert results["fact_event"] == (False, {"INSERT": 0, "UPDATE": 1, "DELETE": 0})
    restored = star_copy.execute("select * from main.fact_event order by event_key").df()
    pd.testing.assert_frame_equal(restored[restored["event_key"] == event_key], original[original["event_key"] == event_key])
    assert (restored.loc[restored["event_key"] != event_key, "num_mentions"] == 0).all()


def test_a_changed_definition_brings_its_table_up_to_date_in_full(star_copy):
    total = fact_rows(star_copy, "fact_event")
    star_copy.execute("delete from main.fact_event")
    results = {table.name: in_full for table, in_full, _, _ in update_star_schema(lambda: nullcontext(star_copy))}
    assert not results["fact_event"] and fact_rows(star_copy, "fact_event") == 0  # nothing queued: nothing done
    star_copy.execute("update staging.star_schema_definitions set definition_md5 = 'a former release' where table_name = 'fact_event'")
    results = {table.name: (in_full, counts) for table, in_full, counts, _ in update_star_schema(lambda: nullcontext(star_copy))}
    assert results["fact_event"] == (True, {"INSERT": total, "UPDATE": 0, "DELETE": 0})
    assert not results["fact_event_mention"][0]


def test_a_table_changed_in_full_has_the_tables_reading_it_updated_in_full_even_after_a_failed_update(star_copy):
    dim_document = next(table for table in WAREHOUSE_TABLES if table.name == "dim_document")
    star_copy.execute("update main.dim_document set title = 'stale'")
    star_copy.execute("update staging.star_schema_definitions set definition_md5 = 'a former release' where table_name = 'dim_document'")
    # dim_document alone, as a load that fails right after it would leave the warehouse.
    in_full, counts, _ = update_star_table(lambda: nullcontext(star_copy), dim_document)
    assert in_full and counts["UPDATE"] == fact_rows(star_copy, "dim_document")
    forgotten = {"fact_event_mention", "fact_entity_mention"}
    assert forgotten.isdisjoint(stored_definitions(star_copy))
    results = {table.name: in_full for table, in_full, _, _ in update_star_schema(lambda: nullcontext(star_copy))}
    assert {name for name in forgotten if results[name]} == forgotten
    assert not results["dim_document"]
    assert forgotten <= set(stored_definitions(star_copy))


def assert_dimensions_of_entities_as_defined(connection: duckdb.DuckDBPyConnection) -> None:
    """dim_entity and dim_location hold what their definitions give in full, from descriptions that
    count every mention."""
    stored = connection.execute(f"select * from {entity_descriptions.DESCRIPTIONS}").df()
    recount = counted_descriptions(connection.execute("select * from staging.entity_mentions").df(), stored)
    pd.testing.assert_frame_equal(sorted_rows(stored), recount, check_dtype=False)
    for table in WAREHOUSE_TABLES:
        if table.name in ("dim_entity", "dim_location"):
            stored = connection.execute(f"select * from {table.qualified_name}").df()
            pd.testing.assert_frame_equal(sorted_rows(stored), sorted_rows(connection.execute(definition(table)).df()), obj=table.name)


def test_a_forgotten_document_takes_the_places_only_it_mentioned_out_of_the_dimensions_of_entities(loads, tmp_path: Path):
    copy = tmp_path / "copy.duckdb"
    shutil.copy(loads["published"], copy)
    warehouse = DuckDBResource(database=str(copy))
    with warehouse.get_connection() as connection:
        place, document_id, file_name = connection.execute(
            "select mention.entity_id, min(mention.document_id), min(raw.file_name) from staging.entity_mentions as mention"
            " join staging.raw_documents as raw using (document_id)"
            " where mention.entity_type in ('GPE', 'LOC', 'FAC') and not mention.is_resolved"
            " group by mention.entity_id having count(distinct mention.document_id) = 1 order by mention.entity_id limit 1"
        ).fetchall()[0]
        mentioned_elsewhere = connection.execute(
            "select count(distinct document_id) from staging.entity_mentions where entity_id = 'country:UKR'"
        ).fetchall()[0][0]
    assert mentioned_elsewhere > 1
    # As a changed file's old document is forgotten.
    assert forget_replaced_documents(warehouse.get_connection, [file_name], kept_document_ids=[]) == 1
    with warehouse.get_connection() as connection:
        queued = {row[0] for row in connection.execute(f"select entity_id from {changes.CHANGED_ENTITIES}").fetchall()}
        assert {place, "country:UKR"} <= queued
    results = {table.name: (in_full, counts) for table, in_full, counts, _ in update_star_schema(warehouse.get_connection)}
    assert results["dim_location"][0] is False and results["dim_location"][1]["DELETE"] >= 1
    assert results["dim_entity"][0] is False and results["dim_entity"][1]["DELETE"] >= 1
    with warehouse.get_connection() as connection:
        for table in ("main.dim_entity", "main.dim_location"):
            ids = {row[0] for row in connection.execute(f"select entity_id from {table}").fetchall()}
            assert place not in ids and "country:UKR" in ids, table
        assert_dimensions_of_entities_as_defined(connection)


def test_a_changed_dictionary_row_is_queued_and_brings_its_entity_up_to_date(star_copy):
    dictionary = star_copy.execute("select * from staging.actor_dictionary order by entity_id").df()
    replace_table(star_copy, "staging.actor_dictionary", dictionary)  # the same rows, as every load writes them
    assert changes.pending(star_copy)[changes.CHANGED_ENTITIES] == 0
    unmentioned = star_copy.execute(
        "select min(entity_id) from staging.actor_dictionary"
        " where entity_id like 'country:%' and entity_id not in (select entity_id from staging.entity_mentions)"
    ).fetchall()[0][0]
    dictionary.loc[dictionary["entity_id"] == "person:vladimir-putin", "canonical_name"] = "Vladimir Vladimirovich Putin"
    replace_table(star_copy, "staging.actor_dictionary", dictionary[dictionary["entity_id"] != unmentioned])
    queued = {row[0] for row in star_copy.execute(f"select entity_id from {changes.CHANGED_ENTITIES}").fetchall()}
    assert queued == {"person:vladimir-putin", unmentioned}
    results = {table.name: (in_full, counts) for table, in_full, counts, _ in update_star_schema(lambda: nullcontext(star_copy))}
    assert results["dim_entity"] == (False, {"INSERT": 0, "UPDATE": 1, "DELETE": 1})
    assert star_copy.execute("select canonical_name from main.dim_entity where entity_id = 'person:vladimir-putin'").fetchall() == [("Vladimir Vladimirovich Putin",)]
    assert_dimensions_of_entities_as_defined(star_copy)


def test_a_rebuild_from_scratch_gives_the_same_rows(loads):
    outcome, tables = loads["refresh"]
    assert outcome.plan.summary() == "5 new, 0 changed, 0 unchanged"
    assert_same_tables(loads["changed"][1], tables)


def test_a_report_id_does_not_depend_on_the_other_reports_loaded_with_it():
    # A document whose every report has a target gives an integer offset column; loaded with others that
    # have none, the column is float. The same report must get the same id either way.
    from newsevents.tables import with_report_ids

    report = dict(document_id="d1", sentence_index=0, actor1_start_char=0, action_start_char=6, actor2_start_char=10,
                  event_code="040", mode="asserted", actor1_entity_id="person:a", actor2_entity_id="person:b",
                  location_entity_id=None, event_date=None)
    untargeted = {**report, "document_id": "d2", "actor2_start_char": None, "actor2_entity_id": None}
    alone = with_report_ids(pd.DataFrame([report]))
    together = with_report_ids(pd.DataFrame([report, untargeted]))
    assert alone.loc[0, "mention_id"] == together.set_index("document_id").loc["d1", "mention_id"]
