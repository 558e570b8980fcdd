"""Benchmark of a full load and of incremental loads, printed as a table (`make bench`).

Figures:
- full load of BENCH_DOCS generated documents (benchmarks.generate_corpus) into an empty warehouse, the way
  `make run` does it (`orchestration.run`, the persistent Dagster instance beside the warehouse), with one
  worker and with LOAD_WORKERS workers (default: the machine's cores): documents and tokens per second,
  peak memory of the load's process, and of it and its workers together (sampled);
- spaCy alone over the same texts (`nlp.pipe`, same model), with one process and with as many as the
  workers: documents and tokens per second, and the ratio of each full load's speed to one-process
  `nlp.pipe`. The last line of the full-load figures reads
  `full load / nlp.pipe: 1 worker R1, N workers RN` for scripts;
- unless BENCH_INCREMENTAL=0: the time and peak memory of loading 10 new documents into warehouses that
  already hold 0, 1,000 and 5,000 documents (BENCH_WAREHOUSE_SIZES=0,1000,5000,10000 adds sizes), with
  the ratios to the first. The new documents are the
  next ones of the generator's feed, the latest news, as an hourly load of a crawler's folder meets them.

Each measurement runs in a fresh Python process, so peak memory (the process's maximum resident set) is
the measured step's own. Work happens in BENCH_DIR (default: a temporary folder, removed afterwards).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.generate_corpus import generate_corpus

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DOCS = 1000
NEW_DOCS = 10
WAREHOUSE_SIZES = "0,1000,5000"


def peak_memory_mb() -> float:
    """The peak resident memory of this process."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports kilobytes


def descendants(pid: int) -> list[int]:
    """The process ids of a process's children, their children and so on (Linux /proc)."""
    children = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children += [int(child) for child in (task / "children").read_text().split()]
        except OSError:  # the task ended
            continue
    return [grandchild for child in children for grandchild in [child, *descendants(child)]]


def resident_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:  # the process ended
        return 0.0
    return next((int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmRSS:")), 0.0)


class PeakTotalMemory:
    """The peak of the resident memory of this process and all its descendants together (the load's
    workers), sampled every 0.2 s. The kernel's maximum for children is no use here: a child started
    by fork and exec keeps its parent's maximum from before the exec."""

    def __init__(self) -> None:
        self.peak_mb = 0.0
        self.stopped = threading.Event()
        self.sampler = threading.Thread(target=self.sample, daemon=True)

    def sample(self) -> None:
        while not self.stopped.wait(0.2):
            pid = os.getpid()
            self.peak_mb = max(self.peak_mb, sum(resident_mb(p) for p in [pid, *descendants(pid)]))

    def __enter__(self) -> PeakTotalMemory:
        self.sampler.start()
        return self

    def __exit__(self, *_) -> None:
        self.stopped.set()
        self.sampler.join()


def measure_load(corpus: Path, warehouse: Path, workers: str) -> dict:
    """In this process: load what is new in `corpus` into `warehouse` as `make run` does, with the
    Dagster instance `make` sets up beside the warehouse, and `workers` worker processes."""
    import duckdb

    os.environ.update(
        {
            "CORPUS_DIR": str(corpus),
            "WAREHOUSE_PATH": str(warehouse),
            "LOAD_WORKERS": workers,
            "DAGSTER_HOME": str(PROJECT_ROOT),
            "DAGSTER_STORAGE_DIR": str(warehouse.parent / "dagster" / warehouse.stem),
        }
    )
    from newsevents import config
    from orchestration.run import (
        dagster_instance,
        load_corpus,
        preflight,
        print_summary,
    )

    started = time.perf_counter()
    preflight()
    with dagster_instance() as instance, PeakTotalMemory() as total:
        outcome = load_corpus(instance)
    if outcome.problems:
        raise SystemExit(f"the load failed: {outcome.problems}")
    with contextlib.redirect_stdout(sys.stderr):
        print_summary(config.published_warehouse_path())
    seconds = time.perf_counter() - started
    loaded = set(outcome.plan.to_load)
    with duckdb.connect(str(config.published_warehouse_path()), read_only=True) as connection:
        documents, tokens = connection.execute(
            "select count(*), coalesce(sum(parsed.token_count), 0) from staging.parsed_documents as parsed"
            " join staging.raw_documents as raw using (document_id) where raw.file_name in (select unnest($files))",
            {"files": sorted(loaded)},
        ).fetchall()[0]
        held = connection.execute("select count(*) from staging.raw_documents").fetchall()[0][0]
    return {
        "seconds": seconds,
        "documents": documents,
        "tokens": int(tokens),
        "warehouse_documents": held,
        "peak_mb": peak_memory_mb(),
        "total_peak_mb": total.peak_mb,
    }


def measure_spacy(corpus: Path, processes: str) -> dict:
    """In this process: the same model, `nlp.pipe` over the raw texts of the corpus with `processes`
    processes (spaCy's `n_process`), nothing else."""
    import spacy

    from newsevents import config

    texts = [path.read_text(encoding="utf-8") for path in sorted(corpus.glob("*.txt"))]
    nlp = spacy.load(config.spacy_model_name())
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32, n_process=int(processes)))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "documents": len(texts), "tokens": tokens, "peak_mb": peak_memory_mb()}


def in_fresh_process(what: str, *arguments: object) -> dict:
    command = [sys.executable, "-m", "benchmarks.run_benchmark", "--measure", what, *map(str, arguments)]
    environment = {key: value for key, value in os.environ.items() if key not in ("PUBLISHED_WAREHOUSE_PATH", "LOAD_STORE_DIR")}
    done = subprocess.run(command, capture_output=True, text=True, env=environment)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def per_second(measurement: dict) -> tuple[float, float]:
    return measurement["documents"] / measurement["seconds"], measurement["tokens"] / measurement["seconds"]


def full_load_figures(work: Path, docs: int) -> list[tuple[str, str]]:
    from newsevents import config

    corpus = work / "full-corpus"
    generate_corpus(corpus, docs)
    workers = config.load_workers()
    counts = [1] if workers == 1 else [1, workers]
    loads = {n: in_fresh_process("load", corpus, work / f"full-{n}" / "warehouse.duckdb", n) for n in counts}
    alone = {n: in_fresh_process("spacy", corpus, n) for n in counts}
    baseline_docs, baseline_tokens = per_second(alone[1])
    rows = [("documents in the full load", f"{loads[1]['documents']:,} ({loads[1]['tokens']:,} tokens)")]
    for n in counts:
        load_docs, load_tokens = per_second(loads[n])
        spacy_docs, _ = per_second(alone[n])
        label = f"{n} worker{'s' if n > 1 else ''}"
        rows += [
            (f"full load, {label}: wall time", f"{loads[n]['seconds']:.1f} s"),
            (f"full load, {label}: documents / s", f"{load_docs:.1f}"),
            (f"full load, {label}: peak memory", f"{loads[n]['peak_mb']:.0f} MB; with its workers, {loads[n]['total_peak_mb']:.0f} MB at most at once"),
            (f"spaCy alone (nlp.pipe, n_process={n}): documents / s", f"{spacy_docs:.1f}"),
            (f"spaCy alone (nlp.pipe, n_process={n}): peak memory", f"{alone[n]['peak_mb']:.0f} MB"),
        ]
    ratios = {n: per_second(loads[n])[1] / baseline_tokens for n in counts}
    rows.append(("spaCy alone (nlp.pipe, n_process=1): tokens / s", f"{baseline_tokens:,.0f}"))
    summary = ", ".join(f"{n} worker{'s' if n > 1 else ''} {ratios[n]:.2f}" for n in counts)
    rows.append(("full load / nlp.pipe", summary))
    return rows


def warehouse_sizes() -> list[int]:
    """The sizes of the warehouses the incremental loads go into: BENCH_WAREHOUSE_SIZES, ascending."""
    return sorted(int(size) for size in (os.environ.get("BENCH_WAREHOUSE_SIZES") or WAREHOUSE_SIZES).split(","))


def incremental_figures(work: Path) -> list[tuple[str, str]]:
    from newsevents import config

    corpus, warehouse = work / "incremental-corpus", work / "incremental" / "warehouse.duckdb"
    corpus.mkdir(parents=True)
    rows, first = [], None
    generated = 0  # documents 0 .. generated - 1 are in the corpus and the warehouse
    for size in warehouse_sizes():
        if size > generated:  # grow the warehouse to `size` documents (not timed)
            generate_corpus(corpus, size - generated, start=generated)
            in_fresh_process("load", corpus, warehouse, config.load_workers())
            generated = size
        generate_corpus(corpus, NEW_DOCS, start=generated)
        load = in_fresh_process("load", corpus, warehouse, config.load_workers())
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


def ratio_line(rows: list[tuple[str, str]]) -> str:
    """The line scripts read: `full load / nlp.pipe: 1 worker R1, N workers RN`."""
    return next(f"{name}: {value}" for name, value in rows if name == "full load / nlp.pipe")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", choices=("load", "spacy"), help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.measure == "load":
        corpus, warehouse, workers = arguments.paths
        print(json.dumps(measure_load(Path(corpus), Path(warehouse), workers)))
        return 0
    if arguments.measure == "spacy":
        corpus, processes = arguments.paths
        print(json.dumps(measure_spacy(Path(corpus), processes)))
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
            print_table(rows + incremental_figures(work))
        else:
            print_table(rows)
        print(f"\nBenchmark finished in {time.perf_counter() - started:.0f} s")
        print(ratio_line(rows))
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
