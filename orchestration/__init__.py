"""Dagster layer: thin assets over the `newsevents` package, pandera checks, and the DuckDB warehouse."""
