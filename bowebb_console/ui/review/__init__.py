"""The team lead's review screen (leads and admins only)."""
