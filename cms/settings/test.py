"""Test settings: fast hashing, in-memory mail, no manifest for static files."""

from .base import *  # noqa: F403
from .base import STORAGES

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105 - used by the test suite only
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"

# A small process model that exercises the generic workflow engine; never installed elsewhere.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.workflows.testapp"]  # noqa: F405
