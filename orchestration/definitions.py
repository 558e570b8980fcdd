"""The Dagster code location: every asset, its pandera check, and the resources."""

import dagster as dg

from orchestration.assets import documents, nlp, reference
from orchestration.assets.warehouse import warehouse_assets
from orchestration.checks import pandera_checks
from orchestration.resources import build_resources


def build_definitions() -> dg.Definitions:
    """Definitions with resources read from the environment now (WAREHOUSE_PATH, CORPUS_DIR, SPACY_MODEL)."""
    return dg.Definitions(
        assets=[*dg.load_assets_from_modules([reference, documents, nlp]), *warehouse_assets],
        asset_checks=pandera_checks,
        resources=build_resources(),
        # One process runs a whole load: DuckDB allows one writer, and spaCy loads once.
        executor=dg.in_process_executor,
    )


defs = build_definitions()
