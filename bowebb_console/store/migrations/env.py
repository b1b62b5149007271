"""Alembic environment: always run programmatically with a connection handed in by
bowebb_console.store.db.schema (config.attributes["connection"])."""

from alembic import context

from bowebb_console.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
