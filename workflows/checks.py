"""System checks: the private storage is not reachable under a public URL; the business calendar loads."""

from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from .business_days import public_holidays
from .storage import NoPublicURLError, private_storage

INSIDE_PUBLIC_ROOT = "workflows.E001"
HAS_URL = "workflows.E002"
PRIVATE_CLASSES = "workflows.storage.PrivateFileSystemStorage or workflows.storage_s3.PrivateS3Storage"
NOT_CONFIGURED = "workflows.E003"
BAD_CALENDAR = "workflows.E004"


def _resolved(value):
    return Path(value).expanduser().resolve() if value else None


def _inside(path, root):
    return root is not None and (path == root or path.is_relative_to(root))


def _public_roots():
    return {name: _resolved(getattr(settings, name, None)) for name in ("MEDIA_ROOT", "STATIC_ROOT")}


def _private_directories(storage):
    paths = {}
    if getattr(settings, "PRIVATE_MEDIA_ROOT", None):
        paths["PRIVATE_MEDIA_ROOT"] = _resolved(settings.PRIVATE_MEDIA_ROOT)
    location = getattr(storage, "base_location", None)  # file system storages only
    if location and _resolved(location) not in paths.values():
        paths['STORAGES["private"] location'] = _resolved(location)
    return paths


@checks.register(checks.Tags.security, deploy=False)
def check_private_storage(app_configs=None, **kwargs):
    if "private" not in settings.STORAGES:
        return [
            checks.Error(
                'settings.STORAGES has no "private" storage for confidential files.',
                hint="See docs/deployment.md, Confidential files.",
                id=NOT_CONFIGURED,
            )
        ]
    storage = private_storage()
    errors = []
    for label, path in _private_directories(storage).items():
        for root_name, root in _public_roots().items():
            if _inside(path, root):
                errors.append(
                    checks.Error(
                        f"{label} ({path}) is inside {root_name} ({root}): confidential files would be "
                        "served publicly.",
                        hint="Point PRIVATE_MEDIA_ROOT at a directory outside MEDIA_ROOT and STATIC_ROOT.",
                        id=INSIDE_PUBLIC_ROOT,
                    )
                )
    if getattr(storage, "base_url", None) or getattr(storage, "custom_domain", None):
        errors.append(
            checks.Error(
                "The private storage has a base URL or domain: its files must have no URL.",
                hint=f"Use {PRIVATE_CLASSES}.",
                id=HAS_URL,
            )
        )
    else:
        try:
            url = storage.url("check")
        except NoPublicURLError:
            url = None
        except Exception as exc:  # e.g. an S3 storage that cannot sign: still not a refusal
            url = f"{type(exc).__name__} instead of a refusal"
        if url is not None:
            errors.append(
                checks.Error(
                    f"The private storage does not refuse to give its files a URL ({url}).",
                    hint=f"Use {PRIVATE_CLASSES}.",
                    id=HAS_URL,
                )
            )
    return errors


@checks.register()
def check_business_calendar(app_configs=None, **kwargs):
    """An unknown country or a malformed closing day would otherwise fail the first deadline computed."""
    try:
        public_holidays()
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), id=BAD_CALENDAR)]
    return []
