"""Support sessions: consent, start, notes, end; the desk's lists and timelines."""
