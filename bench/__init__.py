"""Benchmarks (pytest-benchmark); run with `make bench`, see README.md."""
