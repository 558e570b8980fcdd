"""Language stage: spaCy parse, canonical entity mentions, CAMEO-coded event reports, merged events.

The per-document stages are partitioned by input file version like the document stage. Merging reports
into events crosses documents, so `events` is one asset for the whole warehouse that re-merges only the
groups of reports a load added to or removed from.
"""

from __future__ import annotations

import dagster as dg
import pandas as pd
from dagster_duckdb import DuckDBResource

from newsevents.config import SQL_DIR
from newsevents.tables import assign_events, entity_mentions_table, event_mentions_table, parsed_documents_table
from orchestration.assets.documents import PARTITIONED
from orchestration import changes
from orchestration.checks import checked_output, documents_scope, schema_check_result, schema_check_spec
from orchestration.io_managers import ensure_table, insert_frame, transaction
from orchestration.metadata import column_schema, markdown_preview
from orchestration.partitions import WAREHOUSE_POOL
from orchestration.resources import SpacyModel
from schemas import EntityMentions, EventAssignments, EventMentions, Events, ParsedDocuments

GROUP = "nlp"
STAGING_SQL_DIR = SQL_DIR / "staging"


@dg.asset(
    group_name=GROUP,
    kinds={"spacy", "duckdb"},
    description="Each cleaned document parsed once by spaCy (tags, dependencies, NER with the actor-dictionary ruler), stored as DocBin bytes for the later stages.",
    metadata=column_schema(ParsedDocuments),
    check_specs=[schema_check_spec("staging.parsed_documents")],
    **PARTITIONED,
)
def parsed_documents(cleaned_documents: pd.DataFrame, spacy_model: SpacyModel):
    table = parsed_documents_table(cleaned_documents, spacy_model.pipeline(), spacy_model.model_name)
    metadata = {"model": spacy_model.model_name, "tokens": int(table["token_count"].sum())}
    yield from checked_output("staging.parsed_documents", table, documents_scope(table), metadata)


@dg.asset(
    group_name=GROUP,
    kinds={"spacy", "duckdb"},
    description="Entity mentions resolved to canonical actors (CAMEO actor code, ISO country, GeoNames place) or kept as unresolved entities with stable ids.",
    metadata=column_schema(EntityMentions),
    check_specs=[schema_check_spec("staging.entity_mentions")],
    **PARTITIONED,
)
def entity_mentions(parsed_documents: pd.DataFrame, cleaned_documents: pd.DataFrame, spacy_model: SpacyModel):
    table = entity_mentions_table(parsed_documents, cleaned_documents, spacy_model.pipeline())
    metadata = {
        "resolved share": float(table["is_resolved"].mean()) if len(table) else 0.0,
        "distinct entities": int(table["entity_id"].nunique()),
    }
    yield from checked_output("staging.entity_mentions", table, documents_scope(table), metadata)


@dg.asset(
    group_name=GROUP,
    kinds={"spacy", "duckdb"},
    description="Event reports: one row per sentence that reports who did what to whom (CAMEO code from the verb dictionary), with offsets, mode, confidence and tone; `staging.event_assignments` says which happening each reports.",
    metadata=column_schema(EventMentions),
    check_specs=[schema_check_spec("staging.event_mentions")],
    **PARTITIONED,
)
def event_mentions(
    parsed_documents: pd.DataFrame, cleaned_documents: pd.DataFrame, entity_mentions: pd.DataFrame, spacy_model: SpacyModel
):
    table = event_mentions_table(parsed_documents, cleaned_documents, entity_mentions, spacy_model.pipeline())
    metadata = {"reports by mode": dg.MetadataValue.json(table["mode"].value_counts().to_dict())}
    yield from checked_output("staging.event_mentions", table, documents_scope(table), metadata)


def event_groups_to_merge(connection) -> list[str]:
    for table in ("staging.event_mentions", "staging.event_assignments", "staging.events"):
        ensure_table(connection, table)
    return sorted(row[0] for row in connection.execute((STAGING_SQL_DIR / "event_groups_to_merge.sql").read_text()).fetchall())


def replace_event_groups(connection, groups: list[str], assignments: pd.DataFrame, events: pd.DataFrame) -> None:
    """Replace the assignments and events of `groups` in one transaction; their events, before and after,
    are queued for the star schema (`orchestration.changes`)."""
    changes.ensure_queues(connection)
    in_groups, parameters = "group_key in (select unnest($groups))", {"groups": groups}
    with transaction(connection):
        changes.record_ids_of_rows(connection, changes.CHANGED_EVENTS, "staging.events", in_groups, parameters)
        changes.record(connection, changes.CHANGED_EVENTS, events["event_id"])
        for table, frame in (("staging.event_assignments", assignments), ("staging.events", events)):
            connection.execute(f"delete from {table} where {in_groups}", parameters)
            insert_frame(connection, table, frame)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            "event_assignments",
            group_name=GROUP,
            kinds={"python", "duckdb"},
            deps=["event_mentions"],
            description="One row per event report: the happening it reports, and whether it is the report counted for its sentence.",
            metadata=column_schema(EventAssignments),
        ),
        dg.AssetSpec(
            "events",
            group_name=GROUP,
            kinds={"python", "duckdb"},
            deps=["event_mentions"],
            description="One row per real-world happening: reports with the same actors, CAMEO root, date and place (or no place) merged, across documents and loads.",
            metadata=column_schema(Events),
        ),
    ],
    check_specs=[schema_check_spec("staging.event_assignments"), schema_check_spec("staging.events")],
    pool=WAREHOUSE_POOL,
)
def merged_events(warehouse: DuckDBResource):
    """Merge again the groups of reports that this load changed; every other event stays as it is."""
    with warehouse.get_connection() as connection:
        groups = event_groups_to_merge(connection)
        reports = connection.execute((STAGING_SQL_DIR / "reports_of_event_groups.sql").read_text(), {"groups": groups}).df()
        assignments, events = assign_events(reports)
        replace_event_groups(connection, groups, assignments, events)
        totals = {
            table: connection.execute(f"select count(*) from staging.{table}").fetchone()[0]
            for table in ("event_assignments", "events")
        }
    scope = f"rows of the {len(groups)} groups of reports merged again"
    for name, frame in (("event_assignments", assignments), ("events", events)):
        yield dg.MaterializeResult(
            asset_key=name,
            metadata={"dagster/row_count": totals[name], "rows rewritten": len(frame), "groups merged again": len(groups), "preview": markdown_preview(frame)},
        )
        yield schema_check_result(f"staging.{name}", frame, scope)
