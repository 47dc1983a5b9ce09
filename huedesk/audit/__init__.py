"""The audit log's writing side: entries appended with each change, hash-chained, verified.

This package sits below the record services and the accounts (it knows tables,
not record kinds or roles): ``record`` appends an entry in the caller's
transaction (``chain_head`` holds the chain's head until that transaction ends;
``AuditBatch`` appends many for a bulk write), ``verify_chain`` finds where the
chain was broken. Reading the log as one user may see it is
``huedesk.records.history``.
"""

from huedesk.audit.chain import (
    GENESIS,
    AuditBatch,
    ChainBreak,
    chain_head,
    diff,
    entry_values,
    jsonable,
    last_hash,
    record,
    verify_chain,
)
from huedesk.audit.head import (  # also keeps the head file after commits
    current_head,
    head_problems,
    history_replaced_at,
    reseal,
    witness_problems,
)

__all__ = [
    "GENESIS",
    "AuditBatch",
    "ChainBreak",
    "chain_head",
    "current_head",
    "diff",
    "entry_values",
    "head_problems",
    "history_replaced_at",
    "jsonable",
    "last_hash",
    "record",
    "reseal",
    "verify_chain",
    "witness_problems",
]
