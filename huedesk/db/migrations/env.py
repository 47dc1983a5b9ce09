"""Alembic environment: runs on the connection HueDesk hands it, in batch mode for SQLite."""

from __future__ import annotations

from alembic import context

import huedesk.db.models  # noqa: F401  (registers every table on the metadata)
from huedesk.db.base import Base
from huedesk.db.migrate import include_object

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("HueDesk migrations run through huedesk.db.migrate, with a connection")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        transaction_per_migration=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline migrations are not supported")
run_migrations_online()
