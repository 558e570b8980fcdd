"""Converters of public reference data into seeds/reference/.

Each converter is run by a developer, not by the product: it reads a copy of a public source, writes
the project's own CSV files under `seeds/reference/` (with the source cited in their `#` header lines),
and those files are committed. Re-running a converter on the same input gives byte-identical output.
"""
