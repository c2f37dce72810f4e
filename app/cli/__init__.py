"""The `motcua` command line: one module per command group, sharing output and secret helpers."""
