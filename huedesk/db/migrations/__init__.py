"""Alembic migrations shipped inside the package (applied when a database is opened)."""
