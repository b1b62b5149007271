"""Erasure: a person's request, the purge, scrubbing, journal, certificates."""
