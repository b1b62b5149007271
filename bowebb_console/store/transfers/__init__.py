"""SFTP transfers: pinned host keys, connection profiles, the transfer log."""
