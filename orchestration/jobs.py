"""The load job: every asset, run over a range of input-file partitions (the files of one load)."""

import dagster as dg

from orchestration.partitions import input_file_partitions

load_job = dg.define_asset_job(
    "load_inputs",
    selection=dg.AssetSelection.all(),
    partitions_def=input_file_partitions,
    description="Load the input files of the selected partitions (new or changed files) and bring the events, star schema and published warehouse up to date.",
)
