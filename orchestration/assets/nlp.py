"""Language stage: spaCy parse, canonical entity mentions, CAMEO-coded event reports, merged events.

The per-document stages are partitioned by input file version like the document stage. Merging reports
into events crosses documents, so `events` is one asset for the whole warehouse that re-merges only the
reports near those a load added or removed: in their groups (mode, CAMEO root, acting side), the date
windows they fall in.
"""

from __future__ import annotations

import dagster as dg
import pandas as pd
from dagster_duckdb import DuckDBResource

from newsevents.tables import (
    entity_mentions_table,
    event_mentions_table,
    parsed_documents_table,
)
from orchestration.assets.documents import PARTITIONED, REFERENCE_CODE_VERSION
from orchestration.checks import (
    checked_output,
    documents_scope,
    refuse,
    schema_check_result,
    schema_check_spec,
)
from orchestration.metadata import column_schema, markdown_preview
from orchestration.partitions import WAREHOUSE_POOL
from orchestration.resources import SpacyModel
from schemas import (
    EntityMentions,
    EventAssignments,
    EventMentions,
    Events,
    ParsedDocuments,
)
from warehouse.merge import merge_changed, merged_row_counts

GROUP = "nlp"


@dg.asset(
    group_name=GROUP,
    kinds={"spacy", "duckdb"},
    description="Each cleaned document parsed once by spaCy (tags, dependencies, NER with the actor-dictionary ruler), stored as DocBin bytes for the later stages.",
    metadata=column_schema(ParsedDocuments),
    check_specs=[schema_check_spec("staging.parsed_documents")],
    code_version=REFERENCE_CODE_VERSION,
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
    code_version=REFERENCE_CODE_VERSION,
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
    code_version=REFERENCE_CODE_VERSION,
    **PARTITIONED,
)
def event_mentions(
    parsed_documents: pd.DataFrame, cleaned_documents: pd.DataFrame, entity_mentions: pd.DataFrame, spacy_model: SpacyModel
):
    table = event_mentions_table(parsed_documents, cleaned_documents, entity_mentions, spacy_model.pipeline())
    metadata = {"reports by mode": dg.MetadataValue.json(table["mode"].value_counts().to_dict())}
    yield from checked_output("staging.event_mentions", table, documents_scope(table), metadata)


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
    """Merge again the reports whose events this load changed: in the groups it added reports to or
    removed reports from, the date windows of those reports; every other event stays as it is."""
    merged = merge_changed(warehouse.get_connection)
    groups, reports, assignments, events = merged.groups, merged.reports, merged.assignments, merged.events
    scope = f"rows of the {len(reports)} reports merged again, in {len(groups)} groups"
    results = [schema_check_result(f"staging.{name}", frame, scope) for name, frame in (("event_assignments", assignments), ("events", events))]
    if not all(r.passed for r in results):
        yield from refuse(results)  # the merge is not stored: the queue of documents to merge stays
    merged.store(warehouse.get_connection)
    totals = merged_row_counts(warehouse.get_connection)
    for (name, frame), result in zip((("event_assignments", assignments), ("events", events)), results, strict=True):
        yield dg.MaterializeResult(
            asset_key=name,
            metadata={"dagster/row_count": totals[name], "rows rewritten": len(frame), "groups merged again": len(groups), "reports merged again": len(reports), "preview": markdown_preview(frame)},
        )
        yield result
