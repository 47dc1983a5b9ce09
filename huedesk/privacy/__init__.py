"""Personal-data protection: masking and redaction, encrypted export, retention review.

Submodules are imported directly (``huedesk.privacy.masking`` …): the record
services use masking, so this package imports nothing on its own.
"""
