"""A load's text work in one pass: raw documents to cleaned text, spaCy parse, entity mentions and event
reports, each document's `Doc` kept in memory from its parse to its coding (never serialised and read
back in between).

`process_documents` does it in the calling process, or spread over worker processes (`LOAD_WORKERS`),
each loading its own pipeline once and taking chunks of documents in turn; the tables are the same
either way, row for row. The workers only compute: what they return goes to the one process that writes
the warehouse.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, fields
from itertools import repeat
from pathlib import Path

import pandas as pd
from spacy.language import Language

from newsevents import config
from newsevents.annotate import load_pipeline
from newsevents.tables import (
    cleaned_documents_table,
    entity_mentions_of_docs,
    event_mentions_of_docs,
    parse_cleaned_documents,
    parsed_documents_of_docs,
    sorted_reports,
)

# A worker starts a Python process and loads the model (a few seconds): below this many documents a
# worker costs more than it saves, so a small load stays in one process.
MIN_DOCUMENTS_PER_WORKER = 40
# Documents a worker (or the load's process) takes at a time: small enough that the workers finish
# together and that one chunk's parses are all a process holds, large enough that handing chunks over
# costs little beside the parse.
CHUNK_DOCUMENTS = 24


@dataclass(frozen=True)
class TextTables:
    """The four stage tables of a set of documents."""

    cleaned_documents: pd.DataFrame
    parsed_documents: pd.DataFrame
    entity_mentions: pd.DataFrame
    event_mentions: pd.DataFrame

    def as_dict(self) -> dict[str, pd.DataFrame]:
        return {field.name: getattr(self, field.name) for field in fields(self)}

    @classmethod
    def concat(cls, parts: Sequence[TextTables]) -> TextTables:
        """The tables of consecutive chunks of documents as one, as if they had been processed together."""
        tables = {
            field.name: pd.concat([getattr(part, field.name) for part in parts], ignore_index=True) for field in fields(cls)
        }
        return cls(**{**tables, "event_mentions": sorted_reports(tables["event_mentions"])})


def text_tables(raw_documents: pd.DataFrame, nlp: Language, model_name: str) -> TextTables:
    """The stage tables of raw documents, in this process."""
    cleaned = cleaned_documents_table(raw_documents, nlp)
    docs = parse_cleaned_documents(cleaned, nlp)
    entities, mentions = entity_mentions_of_docs(cleaned, docs)
    return TextTables(
        cleaned_documents=cleaned,
        parsed_documents=parsed_documents_of_docs(cleaned, docs, model_name),
        entity_mentions=entities,
        event_mentions=event_mentions_of_docs(cleaned, docs, mentions),
    )


def start_worker(model_name: str, reference_dir: str) -> None:
    """Load the pipeline once, as the worker starts (it is cached for the worker's life)."""
    load_pipeline(model_name, Path(reference_dir))


def work_on_chunk(raw_documents: pd.DataFrame, model_name: str, reference_dir: str) -> TextTables:
    return text_tables(raw_documents, load_pipeline(model_name, Path(reference_dir)), model_name)


def workers_for(documents: int, workers: int) -> int:
    """How many worker processes are worth starting for this many documents (0: none, work in process)."""
    useful = min(workers, documents // MIN_DOCUMENTS_PER_WORKER)
    return useful if useful >= 2 else 0


def chunks(frame: pd.DataFrame, size: int) -> list[pd.DataFrame]:
    """The frame's rows in chunks of `size`; a frame without rows is one empty chunk (its tables are
    empty, with their columns)."""
    return [frame.iloc[start : start + size] for start in range(0, len(frame), size)] or [frame]


def process_documents(raw_documents: pd.DataFrame, model_name: str, workers: int = 1) -> TextTables:
    """The stage tables of raw documents, with up to `workers` processes.

    Workers are started fresh ("spawn"), so each sees the settings of this moment (the reference data
    folder, the model) and none inherits the caller's threads or open database connections."""
    reference_dir = str(config.reference_dir())
    processes = workers_for(len(raw_documents), workers)
    parts = chunks(raw_documents, CHUNK_DOCUMENTS)  # in this process too: one chunk's parses in memory at a time
    if not processes:
        return TextTables.concat([work_on_chunk(part, model_name, reference_dir) for part in parts])
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, mp_context=context, initializer=start_worker, initargs=(model_name, reference_dir)) as pool:
        return TextTables.concat(list(pool.map(work_on_chunk, parts, repeat(model_name), repeat(reference_dir))))
