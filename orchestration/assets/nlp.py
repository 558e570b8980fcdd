"""Language stage: cleaned text, spaCy parse, canonical entity mentions, CAMEO-coded event reports, and
merged events.

The text work is one step, `coded_documents`, in worker processes; it never opens the warehouse: it reads
the batch's documents from the results store and leaves its tables there, and the writer step
`stored_text_tables` checks them and writes them into the warehouse. The per-document stages are
partitioned by load batch like the document stage. Merging reports
into events crosses documents, so `events` is one asset for the whole warehouse that re-merges only the
reports near those a load added or removed: in their groups (mode, CAMEO root, acting side), the date
windows they fall in.
"""

from __future__ import annotations

import dagster as dg
import pandas as pd
from dagster_duckdb import DuckDBResource

from newsevents import config
from newsevents.textwork import process_documents
from orchestration.assets.documents import PARTITIONED, REFERENCE_CODE_VERSION
from orchestration.checks import (
    checked_outputs,
    documents_scope,
    refuse,
    schema_check_result,
    schema_check_spec,
)
from orchestration.metadata import column_schema, markdown_preview
from orchestration.partitions import WAREHOUSE_POOL, load_batch_partitions
from orchestration.resources import SpacyModel
from schemas import (
    CleanedDocuments,
    EntityMentions,
    EventAssignments,
    EventMentions,
    Events,
    ParsedDocuments,
)
from warehouse.merge import merge_changed, merged_row_counts
from warehouse.results import remove_results

GROUP = "nlp"


@dg.asset(
    group_name=GROUP,
    kinds={"spacy", "parquet"},
    io_manager_key="results_io_manager",
    description="The load batch's documents cleaned, parsed, their entities resolved and their events coded in one pass, in up to LOAD_WORKERS processes: the four text tables as Parquet in the results store (LOAD_STORE_DIR), for the writer step.",
    code_version=REFERENCE_CODE_VERSION,
    partitions_def=load_batch_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    # No pool: it never opens the warehouse, so batches can be coded at once, in other processes or on
    # other machines that reach the results store.
)
def coded_documents(batch_documents: pd.DataFrame, spacy_model: SpacyModel) -> dg.Output:
    tables = process_documents(batch_documents, spacy_model.model_name, spacy_model.workers)
    metadata = {
        "documents": len(tables.cleaned_documents),
        "entity mentions": len(tables.entity_mentions),
        "event reports": len(tables.event_mentions),
        "workers": spacy_model.workers,
    }
    return dg.Output(tables.as_dict(), metadata=metadata)


TEXT_TABLES = {
    "staging.cleaned_documents": (
        "documents",
        CleanedDocuments,
        "Text with page boilerplate and transcript noise removed, speaker labels turned into turns, capitals restored to uncased transcripts; title, publication date with its origin, sentence offsets and a map back to the raw text. Removed spans are kept for audit.",
    ),
    "staging.parsed_documents": (
        GROUP,
        ParsedDocuments,
        "Each cleaned document parsed once by spaCy (tags, dependencies, NER with the actor-dictionary ruler), stored as DocBin bytes.",
    ),
    "staging.entity_mentions": (
        GROUP,
        EntityMentions,
        "Entity mentions resolved to canonical actors (CAMEO actor code, ISO country, GeoNames place) or kept as unresolved entities with stable ids.",
    ),
    "staging.event_mentions": (
        GROUP,
        EventMentions,
        "Event reports: one row per sentence that reports who did what to whom (CAMEO code from the verb dictionary), with offsets, mode, confidence and tone; `staging.event_assignments` says which happening each reports.",
    ),
}


@dg.multi_asset(
    outs={
        table.split(".")[1]: dg.AssetOut(
            group_name=group,
            kinds={"spacy", "duckdb"},
            description=description,
            metadata=column_schema(model),
            code_version=REFERENCE_CODE_VERSION,
        )
        for table, (group, model, description) in TEXT_TABLES.items()
    },
    check_specs=[schema_check_spec(table) for table in TEXT_TABLES],
    **PARTITIONED,
)
def stored_text_tables(context, coded_documents: dict[str, pd.DataFrame]):
    """The batch's text tables from the results store, checked, then written into the warehouse; the
    batch's results are removed from the store once its tables are in hand (a refused check keeps them)."""
    cleaned, parsed, entities, events = (coded_documents[table.split(".")[1]] for table in TEXT_TABLES)
    scope = documents_scope(cleaned)
    yield from checked_outputs(
        [
            ("staging.cleaned_documents", cleaned, scope, {"dates by origin": dg.MetadataValue.json(cleaned["published_date_origin"].value_counts().to_dict())}),
            ("staging.parsed_documents", parsed, scope, {"models": dg.MetadataValue.json(sorted(parsed["model_name"].unique().tolist())), "tokens": int(parsed["token_count"].sum())}),
            (
                "staging.entity_mentions",
                entities,
                scope,
                {"resolved share": float(entities["is_resolved"].mean()) if len(entities) else 0.0, "distinct entities": int(entities["entity_id"].nunique())},
            ),
            ("staging.event_mentions", events, scope, {"reports by mode": dg.MetadataValue.json(events["mode"].value_counts().to_dict())}),
        ],
        multi=True,
    )
    remove_results(config.load_store_dir(), ["batch_documents", "coded_documents"], context.partition_keys)


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
