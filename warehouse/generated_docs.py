"""`make docs`: the documents generated from the bundled sample's warehouse, so they cannot drift: the
data dictionary (docs/data_dictionary.md) and the README's example outputs.

    python -m warehouse.generated_docs WAREHOUSE_PATH
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from warehouse.data_dictionary import DEFAULT_OUTPUT, data_dictionary
from warehouse.readme_examples import DEFAULT_README, examples, with_examples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse", type=Path, help="a warehouse the sample was loaded into (the published copy)")
    args = parser.parse_args(argv)
    if not args.warehouse.exists():
        print(f"error: no warehouse at {args.warehouse}; run `make run` first", file=sys.stderr)
        return 2
    with duckdb.connect(str(args.warehouse), read_only=True) as connection:
        DEFAULT_OUTPUT.write_text(data_dictionary(connection), encoding="utf-8")
        DEFAULT_README.write_text(with_examples(DEFAULT_README.read_text(encoding="utf-8"), examples(connection)), encoding="utf-8")
    print(f"wrote {DEFAULT_OUTPUT} and the examples of {DEFAULT_README}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
