"""pandera models, one per table: the single declaration of each table's columns.

Every model is used three ways: as the blocking Dagster asset check of its table, as the column schema
shown in the Dagster UI, and to create a stage table (or, for the star schema, to check that the table
its select makes has the declared columns, tests/test_end_to_end.py). `TABLE_MODELS` maps each DuckDB
table (schema.table) to its model.
"""

from schemas.actor_dictionary import ActorDictionary
from schemas.cameo_event_codes import CameoEventCodes
from schemas.cleaned_documents import CleanedDocuments
from schemas.dim_date import DimDate
from schemas.dim_document import DimDocument
from schemas.dim_entity import DimEntity
from schemas.dim_event_type import DimEventType
from schemas.dim_location import DimLocation
from schemas.dim_source import DimSource
from schemas.duplicate_inputs import DuplicateInputs
from schemas.entity_mentions import EntityMentions
from schemas.event_assignments import EventAssignments
from schemas.event_counts_by_country import EventCountsByCountry
from schemas.event_mentions import EventMentions
from schemas.event_reports_wide import EventReportsWide
from schemas.events import Events
from schemas.events_wide import EventsWide
from schemas.fact_entity_mention import FactEntityMention
from schemas.fact_event import FactEvent
from schemas.fact_event_mention import FactEventMention
from schemas.input_files import InputFiles
from schemas.parsed_documents import ParsedDocuments
from schemas.quarantined_inputs import QuarantinedInputs
from schemas.raw_documents import RawDocuments

TABLE_MODELS = {
    "staging.input_files": InputFiles,
    "staging.raw_documents": RawDocuments,
    "staging.duplicate_inputs": DuplicateInputs,
    "staging.quarantined_inputs": QuarantinedInputs,
    "staging.cleaned_documents": CleanedDocuments,
    "staging.parsed_documents": ParsedDocuments,
    "staging.entity_mentions": EntityMentions,
    "staging.event_mentions": EventMentions,
    "staging.event_assignments": EventAssignments,
    "staging.events": Events,
    "staging.cameo_event_codes": CameoEventCodes,
    "staging.actor_dictionary": ActorDictionary,
    "main.dim_date": DimDate,
    "main.dim_source": DimSource,
    "main.dim_document": DimDocument,
    "main.dim_entity": DimEntity,
    "main.dim_location": DimLocation,
    "main.dim_event_type": DimEventType,
    "main.fact_event": FactEvent,
    "main.fact_event_mention": FactEventMention,
    "main.fact_entity_mention": FactEntityMention,
}
# The views of the star schema (sql/views), for people and BI tools: no rows of their own to check, but
# their columns are declared and described here like a table's.
VIEW_MODELS = {
    "main.events_wide": EventsWide,
    "main.event_reports_wide": EventReportsWide,
    "main.event_counts_by_country": EventCountsByCountry,
}
