"""Local accounts and roles: who signs in, and what each role may see and change.

``AccountService`` manages accounts; ``Principal`` is who a service call runs as;
``huedesk.accounts.roles`` holds the rules the record services enforce.
"""

from huedesk.accounts.principal import has_accounts, resolve
from huedesk.accounts.roles import Principal, Role
from huedesk.accounts.service import AccountInfo, AccountService, parse_role

__all__ = [
    "AccountInfo",
    "AccountService",
    "Principal",
    "Role",
    "has_accounts",
    "parse_role",
    "resolve",
]
