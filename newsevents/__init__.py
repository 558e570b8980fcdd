"""Dagster-free text processing for the news-to-events warehouse.

Stages, each a plain function over plain data so it can be tested and reused without an orchestrator:
ingest (files -> raw documents), clean (raw -> cleaned text and metadata), annotate (spaCy),
entities (mentions -> canonical actors and places), events (dependency parse -> CAMEO-coded events).
"""
