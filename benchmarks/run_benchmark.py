"""Benchmark of a full load and of incremental loads, printed as a table (`make bench`).

Figures:
- full load of BENCH_DOCS generated documents (benchmarks.generate_corpus) into an empty warehouse, through
  Dagster exactly as `make run` does: documents and tokens per second, peak memory;
- spaCy alone over the same texts (`nlp.pipe`, same model): documents and tokens per second, and the ratio
  of the full load's speed to it;
- unless BENCH_INCREMENTAL=0: the time and peak memory of loading 10 new documents into warehouses that
  already hold 0, 1,000 and 5,000 documents (BENCH_WAREHOUSE_SIZES=0,1000,5000,10000 adds sizes), with
  the ratios to the first. The new documents are the
  next ones of the generator's feed, the latest news, as an hourly load of a crawler's folder meets them.

Each measurement runs in a fresh Python process, so peak memory (the process's maximum resident set) is
the measured step's own. Work happens in BENCH_DIR (default: a temporary folder, removed afterwards).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate_corpus import generate_corpus

DEFAULT_DOCS = 1000
NEW_DOCS = 10
WAREHOUSE_SIZES = "0,1000,5000"


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports kilobytes


def measure_load(corpus: Path, warehouse: Path) -> dict:
    """In this process: load what is new in `corpus` into `warehouse` as `make run` does."""
    import dagster as dg
    import duckdb

    os.environ.update({"CORPUS_DIR": str(corpus), "WAREHOUSE_PATH": str(warehouse)})
    from orchestration.run import load_corpus
    from newsevents import config

    started = time.perf_counter()
    with dg.DagsterInstance.ephemeral() as instance:
        outcome = load_corpus(instance)
    seconds = time.perf_counter() - started
    if outcome.problems:
        raise SystemExit(f"the load failed: {outcome.problems}")
    loaded = set(outcome.plan.to_load)
    with duckdb.connect(str(config.published_warehouse_path()), read_only=True) as connection:
        documents, tokens = connection.execute(
            "select count(*), coalesce(sum(parsed.token_count), 0) from staging.parsed_documents as parsed"
            " join staging.raw_documents as raw using (document_id) where raw.file_name in (select unnest($files))",
            {"files": sorted(loaded)},
        ).fetchall()[0]
        held = connection.execute("select count(*) from staging.raw_documents").fetchall()[0][0]
    return {"seconds": seconds, "documents": documents, "tokens": int(tokens), "warehouse_documents": held, "peak_mb": peak_memory_mb()}


def measure_spacy(corpus: Path) -> dict:
    """In this process: the same model, `nlp.pipe` over the raw texts of the corpus, nothing else."""
    import spacy

    from newsevents import config

    texts = [path.read_text(encoding="utf-8") for path in sorted(corpus.glob("*.txt"))]
    nlp = spacy.load(config.spacy_model_name())
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "documents": len(texts), "tokens": tokens, "peak_mb": peak_memory_mb()}


def in_fresh_process(what: str, *paths: Path) -> dict:
    command = [sys.executable, "-m", "benchmarks.run_benchmark", "--measure", what, *map(str, paths)]
    environment = {key: value for key, value in os.environ.items() if key not in ("DAGSTER_HOME", "PUBLISHED_WAREHOUSE_PATH")}
    done = subprocess.run(command, capture_output=True, text=True, env=environment)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def per_second(measurement: dict) -> tuple[float, float]:
    return measurement["documents"] / measurement["seconds"], measurement["tokens"] / measurement["seconds"]


def full_load_figures(work: Path, docs: int) -> list[tuple[str, str]]:
    corpus = work / "full-corpus"
    generate_corpus(corpus, docs)
    load = in_fresh_process("load", corpus, work / "full" / "warehouse.duckdb")
    alone = in_fresh_process("spacy", corpus)
    load_docs, load_tokens = per_second(load)
    spacy_docs, spacy_tokens = per_second(alone)
    return [
        ("documents in the full load", f"{load['documents']:,} ({load['tokens']:,} tokens)"),
        ("full load: wall time", f"{load['seconds']:.1f} s"),
        ("full load: documents / s", f"{load_docs:.1f}"),
        ("full load: tokens / s", f"{load_tokens:,.0f}"),
        ("full load: peak memory", f"{load['peak_mb']:.0f} MB"),
        ("spaCy alone (nlp.pipe): documents / s", f"{spacy_docs:.1f}"),
        ("spaCy alone (nlp.pipe): tokens / s", f"{spacy_tokens:,.0f}"),
        ("spaCy alone: peak memory", f"{alone['peak_mb']:.0f} MB"),
        ("full load speed / spaCy speed (tokens)", f"{load_tokens / spacy_tokens:.2f} (target >= 0.5)"),
    ]


def warehouse_sizes() -> list[int]:
    """The sizes of the warehouses the incremental loads go into: BENCH_WAREHOUSE_SIZES, ascending."""
    return sorted(int(size) for size in (os.environ.get("BENCH_WAREHOUSE_SIZES") or WAREHOUSE_SIZES).split(","))


def incremental_figures(work: Path) -> list[tuple[str, str]]:
    corpus, warehouse = work / "incremental-corpus", work / "incremental" / "warehouse.duckdb"
    corpus.mkdir(parents=True)
    rows, first = [], None
    generated = 0  # documents 0 .. generated - 1 are in the corpus and the warehouse
    for size in warehouse_sizes():
        if size > generated:  # grow the warehouse to `size` documents (not timed)
            generate_corpus(corpus, size - generated, start=generated)
            in_fresh_process("load", corpus, warehouse)
            generated = size
        generate_corpus(corpus, NEW_DOCS, start=generated)
        load = in_fresh_process("load", corpus, warehouse)
        generated += NEW_DOCS
        if load["documents"] != NEW_DOCS or load["warehouse_documents"] != generated:
            raise SystemExit(f"expected {NEW_DOCS} new documents in a warehouse of {generated:,}, got {load}")
        first = first or load
        rows.append((
            f"10 new documents into {size:,}: time",
            f"{load['seconds']:.1f} s (x{load['seconds'] / first['seconds']:.2f}; target <= x1.5 at 5,000)",
        ))
        rows.append((
            f"10 new documents into {size:,}: peak memory",
            f"{load['peak_mb']:.0f} MB (x{load['peak_mb'] / first['peak_mb']:.2f})",
        ))
    return rows


def print_table(rows: list[tuple[str, str]]) -> None:
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", choices=("load", "spacy"), help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.measure == "load":
        print(json.dumps(measure_load(*arguments.paths)))
        return 0
    if arguments.measure == "spacy":
        print(json.dumps(measure_spacy(*arguments.paths)))
        return 0

    docs = int(os.environ.get("BENCH_DOCS") or DEFAULT_DOCS)
    incremental = os.environ.get("BENCH_INCREMENTAL", "1") not in ("0", "")
    work = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="news-bench-"))
    keep = "BENCH_DIR" in os.environ
    started = time.perf_counter()
    try:
        print(f"Benchmark: {docs:,} generated documents{', then incremental loads' if incremental else ''} (work folder {work})\n")
        rows = full_load_figures(work, docs)
        if incremental:
            rows += incremental_figures(work)
        print_table(rows)
        print(f"\nBenchmark finished in {time.perf_counter() - started:.0f} s")
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
