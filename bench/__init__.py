"""Benchmarks: each module runs standalone (`python -m bench.NAME`) and prints one JSON object."""
