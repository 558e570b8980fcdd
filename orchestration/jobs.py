"""The load job: every asset, run over one load batch (the new and changed files of one load)."""

import dagster as dg

from orchestration.partitions import load_batch_partitions

load_job = dg.define_asset_job(
    "load_inputs",
    selection=dg.AssetSelection.all(),
    partitions_def=load_batch_partitions,
    description="Load the input files of the selected load batch (new or changed files) and bring the events, star schema and published warehouse up to date.",
)
