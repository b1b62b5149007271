"""Customers and contacts: listing, card, edits, search, CSV import, notices."""
