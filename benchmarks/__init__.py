"""PEOA's benchmarks: each compares PEOA with a baseline measured in the same run."""
