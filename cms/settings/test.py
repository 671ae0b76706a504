"""Test settings: fast hashing, in-memory mail, no manifest for static files."""

from .base import *  # noqa: F403
from .base import STORAGES
from .env import env_bool, env_str

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105 - used by the test suite only
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# E-mail stays in memory, except in the Celery workers that integration tests start against
# their own SMTP server (they set TEST_SMTP=1 with EMAIL_HOST and EMAIL_PORT).
if not env_bool("TEST_SMTP"):
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The real dispatcher stays on (WORKFLOWS_DISPATCHER): what a unit test commits is published to an
# in-process broker nobody consumes, unless CELERY_BROKER_URL names a real one (integration tests).
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "memory://")
# Not the queue a development worker on the same broker consumes.
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "tests")
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The test client's host: absolute links of e-mails and the demo's site point at it.
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"

# The embedded demo (tests/demo), as in the development settings; and a small process model that
# exercises the generic workflow engine, never installed elsewhere.
INSTALLED_APPS = [*INSTALLED_APPS, "demo", "tests.workflows.testapp"]  # noqa: F405
