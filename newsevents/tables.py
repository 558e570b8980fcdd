"""Each stage as a function from tables to a table (pandas), with the columns its pandera model declares.

These are what the Dagster assets call (the text stages through `newsevents.textwork`, which runs them in
one pass); they also run on their own, so the whole text pipeline can be used and tested without an
orchestrator.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from datetime import date, datetime, timezone
from itertools import groupby
from operator import itemgetter
from pathlib import Path

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from newsevents.annotate import doc_to_bytes, parse_texts
from newsevents.clean import clean_document, raw_offset
from newsevents.coder import EventMention, code_document
from newsevents.entities import Entity, EntityMention, resolve_entities
from newsevents.ingest import ingest_files
from newsevents.merging import (
    ReportKey,
    assign_event_ids,
    base_actor,
    event_identity,
    is_symmetric,
    representative_code,
    stable_id,
    window_starts,
)
from newsevents.reference import actor_reference, load_cameo_codes, load_plover_crosswalk
from newsevents.tone import document_tone
from newsevents.truecase import recaser_for

ENTITY_FIELDS = tuple(Entity.__dataclass_fields__)
UNKNOWN_SOURCE = "Unknown source"


def optional_text(value: object) -> str | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) or value == "" else str(value)


def optional_offset(value: object) -> str | None:
    """An optional character offset as text, the same whether its column came out as integers or, with a
    missing value among them, as floats (`123.0`, the form the ids of loaded rows were made with)."""
    return None if value is None or pd.isna(value) else str(float(value))


def as_date(value: object) -> date | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


RAW_DOCUMENT_COLUMNS = [
    "document_id", "file_name", "line_number", "input_format", "encoding", "raw_text", "byte_size", "source_name",
    "publisher", "domain", "distributor", "kind", "url", "language", "title", "author", "metadata_published_date",
    "metadata_date_origin", "ingested_at",
]


def ingest_tables(
    corpus_dir: Path,
    file_names: Iterable[str] | None = None,
    known_documents: Mapping[str, str] | None = None,
    ingested_at: datetime | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(raw documents, duplicate inputs, quarantined inputs) of a corpus folder's files (all by default);
    together they account for every input, see `newsevents.ingest.ingest_files`."""
    ingested_at = ingested_at or datetime.now(timezone.utc).replace(tzinfo=None)
    result = ingest_files(corpus_dir, file_names, known_documents)
    raw = pd.DataFrame(
        [
            {
                "document_id": doc.document_id,
                "file_name": doc.file_name,
                "line_number": doc.line_number,
                "input_format": doc.input_format,
                "encoding": doc.encoding,
                "raw_text": doc.raw_text,
                "byte_size": doc.byte_size,
                "source_name": doc.metadata.get("publisher") or doc.metadata.get("domain") or UNKNOWN_SOURCE,
                **{key: doc.metadata.get(key) for key in ("publisher", "domain", "distributor", "kind", "url", "language", "title", "author")},
                "metadata_published_date": doc.metadata.get("published_date"),
                "metadata_date_origin": doc.date_origin if doc.metadata.get("published_date") else None,
                "ingested_at": ingested_at,
            }
            for doc in result.documents
        ],
        columns=RAW_DOCUMENT_COLUMNS,
    ).astype({"line_number": "Int64"})
    duplicates = pd.DataFrame(
        [asdict(d) for d in result.duplicates], columns=["file_name", "line_number", "duplicate_of_document_id"]
    ).astype({"line_number": "Int64"})
    quarantined = pd.DataFrame(
        [asdict(q) for q in result.quarantined], columns=["file_name", "line_number", "reason"]
    ).astype({"line_number": "Int64"})
    return raw, duplicates.assign(ingested_at=ingested_at), quarantined.assign(ingested_at=ingested_at)


def cleaned_documents_table(raw_documents: pd.DataFrame, nlp: Language | None = None) -> pd.DataFrame:
    """Cleaned text and metadata; with a spaCy pipeline, text written without capitals is recased."""
    recaser = recaser_for(nlp) if nlp is not None else None
    rows = []
    for row in raw_documents.itertuples(index=False):
        metadata = {
            key: value
            for key, value in (
                ("title", row.title), ("publisher", row.publisher), ("published_date", row.metadata_published_date), ("kind", row.kind)
            )
            if optional_text(value)
        }
        cleaned = clean_document(row.raw_text, metadata, optional_text(row.metadata_date_origin) or "manifest", recaser)
        rows.append(
            {
                "document_id": row.document_id,
                "title": cleaned.title,
                "clean_text": cleaned.text,
                "published_date": pd.Timestamp(cleaned.published_date) if cleaned.published_date else pd.NaT,
                "published_date_origin": cleaned.published_date_origin,
                "word_count": len(cleaned.text.split()),
                "removed_boilerplate": json.dumps([asdict(span) for span in cleaned.removed], ensure_ascii=False),
                "speakers": "; ".join(cleaned.speakers) or None,
                "speaker_turns": json.dumps([asdict(turn) for turn in cleaned.speaker_turns], ensure_ascii=False),
                "sentence_offsets": json.dumps(cleaned.sentence_spans()),
                "offset_map": json.dumps(cleaned.offset_map),
                "recased": cleaned.recased,
                "tone": document_tone(cleaned.text, cleaned.sentence_spans()),
            }
        )
    return pd.DataFrame(rows, columns=CLEANED_DOCUMENT_COLUMNS)


CLEANED_DOCUMENT_COLUMNS = [
    "document_id", "title", "clean_text", "published_date", "published_date_origin", "word_count",
    "removed_boilerplate", "speakers", "speaker_turns", "sentence_offsets", "offset_map", "recased", "tone",
]


def parse_cleaned_documents(cleaned_documents: pd.DataFrame, nlp: Language) -> list[Doc]:
    """Each cleaned document parsed, with the sentence boundaries the cleaning stage decided."""
    sentence_starts = [[start for start, _ in json.loads(spans)] for spans in cleaned_documents["sentence_offsets"]]
    return list(parse_texts(nlp, cleaned_documents["clean_text"].tolist(), sentence_starts))


def parsed_documents_of_docs(cleaned_documents: pd.DataFrame, docs: list[Doc], model_name: str) -> pd.DataFrame:
    rows = [
        {
            "document_id": document_id,
            "model_name": model_name,
            "sentence_count": sum(1 for _ in doc.sents),
            "token_count": len(doc),
            "doc_bytes": doc_to_bytes(doc),
        }
        for document_id, doc in zip(cleaned_documents["document_id"], docs, strict=True)
    ]
    return pd.DataFrame(rows, columns=["document_id", "model_name", "sentence_count", "token_count", "doc_bytes"])


def entity_mention_row(document_id: str, mention: EntityMention, offset_map: list) -> dict:
    raw_start = raw_offset(offset_map, mention.start_char)
    raw_last = raw_offset(offset_map, mention.end_char - 1)
    return {
        "mention_id": stable_id(document_id, mention.start_char, mention.end_char),
        "document_id": document_id,
        "sentence_index": mention.sentence_index,
        "start_char": mention.start_char,
        "end_char": mention.end_char,
        "raw_start_char": raw_start,
        "raw_end_char": raw_last + 1 if raw_last is not None else None,
        "surface_text": mention.surface_text,
        "ner_label": mention.ner_label,
        "resolution_method": mention.resolution_method,
        **{field: getattr(mention.entity, field) for field in ENTITY_FIELDS},  # asdict would deep-copy each value
    }


ENTITY_MENTION_COLUMNS = [
    "mention_id", "document_id", "sentence_index", "start_char", "end_char", "raw_start_char", "raw_end_char",
    "surface_text", "ner_label",
    "resolution_method", *ENTITY_FIELDS,
]


def published_dates(cleaned_documents: pd.DataFrame) -> list[date | None]:
    return [as_date(value) for value in cleaned_documents["published_date"]]


def entity_mentions_of_docs(cleaned_documents: pd.DataFrame, docs: list[Doc]) -> tuple[pd.DataFrame, list[list[EntityMention]]]:
    """The entity mentions table of parsed documents, and each document's mentions for the event coder."""
    mentions = [resolve_entities(doc, day) for doc, day in zip(docs, published_dates(cleaned_documents), strict=True)]
    rows = [
        entity_mention_row(document_id, mention, offset_map)
        for document_id, offset_map, document_mentions in zip(
            cleaned_documents["document_id"], cleaned_documents["offset_map"].map(json.loads), mentions, strict=True
        )
        for mention in document_mentions
    ]
    table = pd.DataFrame(rows, columns=ENTITY_MENTION_COLUMNS)
    typed = table.astype({"geonames_id": "Int64", "latitude": "Float64", "longitude": "Float64", "raw_start_char": "Int64", "raw_end_char": "Int64"})
    return typed, mentions


def event_mention_row(document_id: str, report: EventMention) -> dict:
    actor2 = report.actor2
    return {
        "document_id": document_id,
        "sentence_index": report.sentence_index,
        "sentence_text": report.sentence_text,
        "event_code": report.event_code,
        "mode": report.mode,
        "actor1_entity_id": report.actor1.entity.entity_id,
        "actor1_text": report.actor1.surface_text,
        "actor1_start_char": report.actor1.start_char,
        "actor1_end_char": report.actor1.end_char,
        "actor2_entity_id": actor2.entity.entity_id if actor2 else None,
        "actor2_text": actor2.surface_text if actor2 else None,
        "actor2_start_char": actor2.start_char if actor2 else None,
        "actor2_end_char": actor2.end_char if actor2 else None,
        "action_text": report.action_text,
        "action_start_char": report.action_start_char,
        "action_end_char": report.action_end_char,
        "location_entity_id": report.location.entity_id if report.location else None,
        "event_date": pd.Timestamp(report.event_date) if report.event_date else pd.NaT,
        "date_precision": report.date_precision,
        "reported_by_entity_id": report.reported_by.entity.entity_id if report.reported_by else None,
        "confidence": report.confidence,
        "tone": report.tone,
        "is_lead": report.is_lead,
    }


EVENT_MENTION_COLUMNS = [
    "mention_id", "group_key", "document_id", "sentence_index", "sentence_text", "event_code", "mode",
    "actor1_entity_id", "actor1_text", "actor1_start_char", "actor1_end_char", "actor2_entity_id", "actor2_text",
    "actor2_start_char", "actor2_end_char", "action_text", "action_start_char", "action_end_char",
    "location_entity_id", "event_date", "date_precision", "reported_by_entity_id", "confidence", "tone", "is_lead",
]
EVENT_ASSIGNMENT_COLUMNS = ["mention_id", "document_id", "event_id", "group_key", "event_date", "window_start", "is_counted"]
EVENT_COLUMNS = [
    "event_id", "group_key", "event_code", "event_root_code", "mode", "actor1_entity_id", "actor2_entity_id",
    "location_entity_id", "event_date", "date_precision", "is_root_event",
]


def identity_of(report) -> tuple:
    return (report.mode, *event_identity(report.event_code, report.actor1_entity_id, optional_text(report.actor2_entity_id)))


def with_report_ids(reports: pd.DataFrame) -> pd.DataFrame:
    """Give each report its id and the key of the group of reports it may merge with.

    The id covers everything that decides which happening a report joins (document, place in the text,
    code, actors, date, place, mode), so a report that changes is a new report. The group key is the
    mode, CAMEO root and acting side: only reports of one group can be one happening, so a load that adds
    or removes reports re-merges only their groups (see `assign_events`).
    """
    reports = reports.copy()
    reports["mention_id"] = [
        stable_id(
            row.document_id, row.sentence_index, row.actor1_start_char, row.action_start_char,
            optional_offset(row.actor2_start_char), row.event_code, row.mode, row.actor1_entity_id,
            optional_text(row.actor2_entity_id), optional_text(row.location_entity_id), as_date(row.event_date),
        )
        for row in reports.itertuples(index=False)
    ]
    reports["group_key"] = [stable_id(*identity_of(row)[:-1]) for row in reports.itertuples(index=False)]
    return sorted_reports(reports)


def event_mentions_of_docs(cleaned_documents: pd.DataFrame, docs: list[Doc], mentions: list[list[EntityMention]]) -> pd.DataFrame:
    """The event reports of parsed documents, from each document's entity mentions."""
    rows = [
        event_mention_row(document_id, report)
        for document_id, doc, document_mentions, day in zip(
            cleaned_documents["document_id"], docs, mentions, published_dates(cleaned_documents), strict=True
        )
        for report in code_document(doc, document_mentions, day)
    ]
    reports = pd.DataFrame(rows, columns=[c for c in EVENT_MENTION_COLUMNS if c not in ("mention_id", "group_key")])
    table = with_report_ids(reports)[EVENT_MENTION_COLUMNS]
    return table.astype({"actor2_start_char": "Int64", "actor2_end_char": "Int64"})


def sorted_reports(reports: pd.DataFrame) -> pd.DataFrame:
    """Event reports in text order (report id last, so the order is the same however they were made)."""
    return reports.sort_values(["document_id", "sentence_index", "action_start_char", "mention_id"], kind="stable").reset_index(drop=True)


def assign_events(reports: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(event assignments, events) for whole groups of reports (see `with_report_ids`).

    Each report gets the id of the happening it reports; one row per happening gives its representative
    code, actors, place and date. The result depends only on the set of reports, not on their order, so
    re-merging a group in a later load gives what a load from scratch gives.
    """
    reports = reports.sort_values(["document_id", "sentence_index", "action_start_char", "mention_id"]).reset_index(drop=True)
    keys = [
        ReportKey(
            row=i,
            identity=identity_of(row),
            event_date=as_date(row.event_date),
            document_id=row.document_id,
            location_id=optional_text(row.location_entity_id),
        )
        for i, row in enumerate(reports.itertuples(index=False))
    ]
    event_of_row = assign_event_ids(keys)
    reports = reports.assign(event_id=[event_of_row[i] for i in range(len(reports))])
    # One sentence can report one event through two words (`intercepted ... and escorted`): count the surest.
    surest = reports.sort_values(["confidence", "action_start_char"], ascending=[False, True])
    counted = ~surest.duplicated(["event_id", "document_id", "sentence_index"])
    reports["is_counted"] = counted.reindex(reports.index)
    reports["window_start"] = window_start_of_reports(reports)
    assignments = reports[EVENT_ASSIGNMENT_COLUMNS].sort_values("mention_id").reset_index(drop=True)
    return assignments, events_table(reports[reports["is_counted"]])


def window_start_of_reports(reports: pd.DataFrame) -> pd.Series:
    """The first date of each report's date window in its group (`window_starts`); none if undated.
    Reports come in whole windows, so their windows are those of the group's whole history."""
    dates = reports["event_date"].map(as_date)
    starts = {group: window_starts(day for day in group_dates if day) for group, group_dates in dates.groupby(reports["group_key"])}
    return pd.Series(
        [starts[group].get(day) if day else None for group, day in zip(reports["group_key"], dates)], index=reports.index, dtype="datetime64[us]"
    )


def events_table(event_mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per happening (reports carry `event_id`): its representative code and, where reports
    differ, the known place. Plain Python over records: a pandas operation per event would cost more
    than the merging itself."""
    records = event_mentions.sort_values(["event_id", "document_id", "sentence_index"], kind="stable").to_dict("records")
    rows = [event_row(event_id, list(reports)) for event_id, reports in groupby(records, key=itemgetter("event_id"))]
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def event_row(event_id: str, reports: list[dict]) -> dict:
    """The event of its reports (sorted by document and sentence)."""
    first = reports[0]
    code = representative_code(report["event_code"] for report in reports)
    representative = next((report for report in reports if optional_text(report["actor2_entity_id"])), first)
    actor1, actor2 = representative["actor1_entity_id"], optional_text(representative["actor2_entity_id"])
    if is_symmetric(code) and actor2 and base_actor(actor2) < base_actor(actor1):
        actor1, actor2 = actor2, actor1  # one stable order for the two sides of a meeting
    dated = [report for report in reports if not pd.isna(report["event_date"])]
    earliest = min(dated, key=itemgetter("event_date")) if dated else first
    places = Counter(place for report in reports if (place := optional_text(report["location_entity_id"])))
    return {
        "event_id": event_id,
        "group_key": first["group_key"],
        "event_code": code,
        "event_root_code": code[:2],
        "mode": first["mode"],
        "actor1_entity_id": most_specific_actor(reports, actor1),
        "actor2_entity_id": most_specific_actor(reports, actor2) if actor2 else None,
        # the most reported place; among equals the first in sort order
        "location_entity_id": min(places, key=lambda place: (-places[place], place)) if places else None,
        "event_date": earliest["event_date"],
        "date_precision": earliest["date_precision"],
        "is_root_event": any(bool(report["is_lead"]) for report in reports),
    }


def most_specific_actor(reports: list[dict], side: str) -> str:
    """Among the reports' actors on one side, the most specific: `Russia (military)` over `Russia`."""
    named = [report["actor1_entity_id"] for report in reports] + [
        actor for report in reports if (actor := optional_text(report["actor2_entity_id"]))
    ]
    with_role = [actor for actor in named if base_actor(actor) == base_actor(side) and "/" in actor]
    return Counter(with_role).most_common(1)[0][0] if with_role else side


def cameo_event_codes_table() -> pd.DataFrame:
    """The CAMEO codebook with each code's PLOVER event type and mode (None where PLOVER has none)."""
    table = pd.DataFrame(load_cameo_codes()).merge(pd.DataFrame(load_plover_crosswalk()), on="event_code", how="left")
    for column in ("plover_event_type", "plover_mode"):
        table[column] = table[column].map(optional_text)
    return table.astype({"goldstein_scale": float, "quad_class": int})


def actor_dictionary_table() -> pd.DataFrame:
    """Every actor the dictionary knows (the countries of the world, the converted and the curated rows)."""
    actors, _ = actor_reference()
    return pd.DataFrame([asdict(actor) for actor in actors.values()]).sort_values("entity_id").reset_index(drop=True)
