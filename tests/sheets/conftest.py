"""The archive tests' sample records, for round trips through spreadsheets."""

from tests.archive.conftest import filled

__all__ = ["filled"]
