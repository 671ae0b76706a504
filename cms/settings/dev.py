"""Local development: the embedded defaults, a secret key generated into var/ once."""

import secrets
from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, SITE_URL, VAR_DIR
from .env import env_bool, env_list, env_str

DEBUG = True
# The loopback names, and the host of SITE_URL (`make run ADDR=192.0.2.7:8000` answers that name).
_site_host = urlsplit(SITE_URL).hostname or "127.0.0.1"
if ":" in _site_host:  # an IPv6 address, as ALLOWED_HOSTS spells it
    _site_host = f"[{_site_host}]"
_local_hosts = list(dict.fromkeys(["127.0.0.1", "localhost", "[::1]", _site_host]))
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", _local_hosts)


def _dev_secret_key():
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env_str("SECRET_KEY") or _dev_secret_key()

# The embedded demo's logins may skip two-factor enrolment (a banner says so); never in production.
ACCOUNTS_DEMO_LOGINS_SKIP_2FA = env_bool("DEMO_LOGINS_SKIP_2FA", True)

# The embedded demo (`manage.py load_demo`, `make run`): a top-level app of the checkout, not in the wheel.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
