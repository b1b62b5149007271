"""Qt-free workflows, one module per feature (customers, sessions, transfers, erasure,
subprocessors, review, admin). Each takes the Database and the signed-in Identity, owns its
transaction, returns frozen rows and raises ShownError with a code. Screens and the CLI call
these, never the store."""
