"""Benchmark helpers: tools that build inputs for measuring the pipeline at scale."""
