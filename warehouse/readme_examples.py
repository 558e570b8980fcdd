"""The README's example outputs, generated from the bundled sample's warehouse so they cannot drift:
what `make run` builds, and what the example queries return. `make docs` writes them between the
README's `<!-- generated: examples -->` and `<!-- end of generated examples -->` lines
(`warehouse.generated_docs`); a test checks that they are current.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse.sql import statement
from warehouse.star_schema import WAREHOUSE_TABLES

DEFAULT_README = Path(__file__).resolve().parent.parent / "README.md"
BEGIN = "<!-- generated: examples -->"
END = "<!-- end of generated examples -->"
TOP_EVENTS = 5
GUTERRES_MEETING = """select event_date, actor1_name, event_description, actor2_name, action_geo_full_name,
    action_geo_lat, action_geo_long, num_sources, source_name
from events_wide
where actor1_name = 'António Guterres' and event_root_code = '04'
order by num_sources desc"""


def table(connection: duckdb.DuckDBPyConnection, sql: str, parameters: list | None = None) -> str:
    return connection.execute(sql, parameters or []).df().to_markdown(index=False)


def examples(connection: duckdb.DuckDBPyConnection) -> str:
    counts = {t.name: connection.execute(f"select count(*) from main.{t.name}").fetchone()[0] for t in WAREHOUSE_TABLES}
    sections = [
        "Rows of the star schema after `make run` on the sample:",
        "",
        "| table | rows |\n| --- | --: |\n" + "\n".join(f"| `{name}` | {count:,} |" for name, count in counts.items()),
        "",
        f"**The most widely reported events** (`sql/queries/top_events.sql` with `?` = {TOP_EVENTS}; `make run` prints the top 10):",
        "",
        table(connection, statement("queries/top_events.sql"), [TOP_EVENTS]),
        "",
        "The meeting of UN Secretary-General Guterres and President Putin in Moscow is one event reported by the",
        "BBC, Axios and NPR, not three. In `events_wide`, with its place and first report:",
        "",
        "```sql\n" + GUTERRES_MEETING + "\n```",
        "",
        table(connection, GUTERRES_MEETING),
        "",
        "**The actors named most often** (`sql/queries/most_mentioned_actors.sql`): `Putin`, `Vladimir Putin`,",
        "`President Putin` and the BBC transcript's `putin` are one actor.",
        "",
        table(connection, statement("queries/most_mentioned_actors.sql")),
        "",
        "**Places of events, for a map** (`sql/queries/events_on_the_map.sql`: one row per place, with counts):",
        "",
        table(connection, statement("queries/events_on_the_map.sql")),
    ]
    return "\n".join(sections)


def with_examples(readme: str, generated: str) -> str:
    """The README with its generated block replaced by `generated`."""
    start, end = readme.index(BEGIN) + len(BEGIN), readme.index(END)
    return readme[:start] + "\n" + generated + "\n" + readme[end:]
