"""staging.entity_descriptions: the distinct descriptions each entity's mentions give of it, with how many
mentions give each, kept up to date by every write of entity mentions.

dim_entity and dim_location aggregate these rows instead of every entity mention, so bringing them up to
date for the entities a load mentioned reads a few rows per entity, not every mention of a country that
every document names. A write counts the descriptions of the mentions it deletes (negative) and of those
it inserts (positive), adds them to the stored counts of the entities it touched, and queues those
entities for the star schema (`changes.CHANGED_ENTITIES`), all in its own transaction. A description
goes when its last mention does, so the table always holds what counting every mention would give
(sql/staging/create_entity_descriptions.sql), which is how a rebuild, or a warehouse of an earlier
release, gets it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from warehouse import changes
from warehouse.sql import statement, template

MENTIONS = "staging.entity_mentions"
DESCRIPTIONS = "staging.entity_descriptions"
CHANGES = "entity_description_changes"  # temporary: the counts a write changes
RECOUNTED = "recounted_entity_descriptions"  # temporary: the touched entities' descriptions after it
COUNT_COLUMN = "mention_count"


def ensure(connection: duckdb.DuckDBPyConnection) -> None:
    """Create the table, from the mentions already loaded, if it does not exist (the mentions' table
    must)."""
    connection.execute(statement("staging/create_entity_descriptions.sql"))


def count_mentions(connection: duckdb.DuckDBPyConnection, mentions: str, parameters: dict, sign: int) -> None:
    """Add the descriptions of the mentions a select returns to the counted changes, `sign` times."""
    columns = ", ".join(column for column in connection.table(DESCRIPTIONS).columns if column != COUNT_COLUMN)
    connection.execute(template("count_entity_descriptions").format(columns=columns, mentions=mentions), {**parameters, "sign": sign})


def apply_counted_changes(connection: duckdb.DuckDBPyConnection) -> None:
    """Replace the descriptions of the entities the counted changes touch with their recount, and queue
    those entities for the star schema."""
    connection.execute(statement("staging/recount_entity_descriptions.sql"))
    connection.execute(f"delete from {DESCRIPTIONS} where entity_id in (select entity_id from {CHANGES})")
    connection.execute(f"insert into {DESCRIPTIONS} select * from {RECOUNTED}")
    changes.record_selected(connection, changes.CHANGED_ENTITIES, f"select entity_id from {CHANGES}")


@contextmanager
def counted(connection: duckdb.DuckDBPyConnection, table: str, rows: str, parameters: dict) -> Iterator[None]:
    """Around a write of a stage table's rows within a transaction (the rows a select returns: deleted,
    then maybe inserted again), keep the descriptions up to date when they are entity mentions: their
    descriptions are counted out before the block and in after it. Other tables pass through. The queues
    of changes must exist (`changes.ensure_queues`, which every write of a document's rows runs first)."""
    if table != MENTIONS:
        yield
        return
    ensure(connection)
    connection.execute(statement("staging/create_entity_description_changes.sql"))
    count_mentions(connection, rows, parameters, -1)
    yield
    count_mentions(connection, rows, parameters, 1)
    apply_counted_changes(connection)
