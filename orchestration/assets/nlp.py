"""Language stage: spaCy parse, canonical entity mentions, CAMEO-coded event reports, merged events."""

import dagster as dg
import pandas as pd

from newsevents.tables import entity_mentions_table, event_mentions_table, events_table, parsed_documents_table
from orchestration.metadata import column_schema, table_metadata
from orchestration.resources import SpacyModel
from schemas import EntityMentions, EventMentions, Events, ParsedDocuments

GROUP = "nlp"


@dg.asset(
    group_name=GROUP,
    kinds={"spacy", "duckdb"},
    description="Each cleaned document parsed once by spaCy (tags, dependencies, NER with the actor-dictionary ruler), stored as DocBin bytes for the later stages.",
    metadata=column_schema(ParsedDocuments),
)
def parsed_documents(cleaned_documents: pd.DataFrame, spacy_model: SpacyModel) -> dg.Output[pd.DataFrame]:
    table = parsed_documents_table(cleaned_documents, spacy_model.pipeline(), spacy_model.model_name)
    metadata = table_metadata(table)
    metadata["model"] = spacy_model.model_name
    metadata["tokens"] = int(table["token_count"].sum())
    return dg.Output(table, metadata=metadata)


@dg.asset(
    group_name=GROUP,
    kinds={"spacy", "duckdb"},
    description="Entity mentions resolved to canonical actors (CAMEO actor code, ISO country, GeoNames place) or kept as unresolved entities with stable ids.",
    metadata=column_schema(EntityMentions),
)
def entity_mentions(
    parsed_documents: pd.DataFrame, cleaned_documents: pd.DataFrame, spacy_model: SpacyModel
) -> dg.Output[pd.DataFrame]:
    table = entity_mentions_table(parsed_documents, cleaned_documents, spacy_model.pipeline())
    metadata = table_metadata(table)
    metadata["resolved share"] = float(table["is_resolved"].mean()) if len(table) else 0.0
    metadata["distinct entities"] = int(table["entity_id"].nunique())
    return dg.Output(table, metadata=metadata)


@dg.asset(
    group_name=GROUP,
    kinds={"spacy", "duckdb"},
    description="Event reports: one row per sentence that reports who did what to whom (CAMEO code from the verb dictionary), with offsets, mode, confidence and tone; each carries the id of the happening it reports.",
    metadata=column_schema(EventMentions),
)
def event_mentions(
    parsed_documents: pd.DataFrame,
    cleaned_documents: pd.DataFrame,
    entity_mentions: pd.DataFrame,
    spacy_model: SpacyModel,
) -> dg.Output[pd.DataFrame]:
    table = event_mentions_table(parsed_documents, cleaned_documents, entity_mentions, spacy_model.pipeline())
    metadata = table_metadata(table)
    metadata["reports by mode"] = dg.MetadataValue.json(table["mode"].value_counts().to_dict())
    return dg.Output(table, metadata=metadata)


@dg.asset(
    group_name=GROUP,
    kinds={"python", "duckdb"},
    description="One row per real-world happening: reports with the same actors, CAMEO root, date and place (or no place) merged.",
    metadata=column_schema(Events),
)
def events(event_mentions: pd.DataFrame) -> dg.Output[pd.DataFrame]:
    table = events_table(event_mentions)
    return dg.Output(table, metadata=table_metadata(table))
