"""Alembic environment: migrations run on the connection that store.db opened."""

from __future__ import annotations

from alembic import context

from explorer.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through explorer.store.db.open_store")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
