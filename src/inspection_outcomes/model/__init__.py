"""Canonical records and reference data: the vocabulary every other layer speaks."""
