"""Database plumbing: engine, connecting and identity, schema, setup, grants, users."""
