"""Personal-data protection above the record services: encrypted export, retention review.

Masking and redaction belong to the records themselves (``huedesk.records.masking``),
so every reader gets them from there. Submodules are imported directly.
"""
