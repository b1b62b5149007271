"""Qt item models: thin adapters over the store's frozen row dataclasses."""
