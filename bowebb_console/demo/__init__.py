"""Demo data for a new database (uses the store; nothing imports it but start-up and the CLI)."""
