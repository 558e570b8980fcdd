"""The warehouse engine, free of Dagster: how stage rows are written (`tables`), the queues of what
changed (`changes`), the counted descriptions of entities (`entity_descriptions`), the re-merge of event
reports (`merge`), the star schema's update (`star_schema`), what a load reads back from the published
copy (`published`), and the SQL files they run (`sql`). `orchestration/` calls it from Dagster assets;
its tests run without Dagster.
"""
