"""The warehouse's SQL statements, one per file in sql/, read as text for DuckDB."""

from __future__ import annotations

from pathlib import Path

from newsevents.config import SQL_DIR


def statement(path: str | Path) -> str:
    """The statement of a file in sql/ (a path relative to it, or absolute), without its trailing semicolon."""
    return (SQL_DIR / path).read_text(encoding="utf-8").strip().rstrip(";")


def template(name: str) -> str:
    """A statement of sql/templates without its comment lines, ready for `str.format` with identifiers."""
    return "\n".join(line for line in statement(f"templates/{name}.sql").splitlines() if not line.startswith("--"))
