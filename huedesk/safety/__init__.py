"""Keeping the user's data safe: the application lock and where-the-file-lives warnings.

Backups and restore live in ``huedesk.backup``; integrity checks on open in
``huedesk.db.integrity``.
"""
