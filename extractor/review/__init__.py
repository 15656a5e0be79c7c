"""Reviewing extracted facts: sentences, filters, gold comparison, totals, labelling sessions.

Pure functions over span records (docs/schema.md); nothing here imports spaCy, so a
saved result opens without loading a model.
"""
