"""Private storage for confidential files (requesters' attachments, deliverables, later applicants' files).

Files on it have no public URL: they are read only by views that check permission and stream them.
Every process that keeps personal documents uses `private_storage`, never the default storage,
whose files are served under MEDIA_URL. The storage is the one named "private" in settings.STORAGES:
a directory outside MEDIA_ROOT (PrivateFileSystemStorage) or a private S3 bucket
(workflows.storage_s3.PrivateS3Storage); `workflows.checks` refuses a configuration that would
publish it.
"""

from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class NoPublicURLError(RuntimeError):
    """A confidential file was asked for a URL; it must be streamed by a permission-checked view."""


def refuse_url(name):
    raise NoPublicURLError(
        f"Confidential files have no URL ({name!r}): serve them through a permission-checked view."
    )


class PrivateFileSystemStorage(FileSystemStorage):
    """A file system storage outside MEDIA_ROOT whose files have no URL."""

    def __init__(self, location=None, **kwargs):
        kwargs["base_url"] = None
        super().__init__(location=location, **kwargs)

    @property
    def base_url(self):
        # FileSystemStorage falls back to MEDIA_URL; a private storage has no base URL at all.
        return None

    def url(self, name):
        refuse_url(name)


class _PrivateStorage(LazyObject):
    """storages["private"], looked up on first use and again after STORAGES changes.

    A FileField evaluates its storage callable once, at import; without this indirection the field
    would keep the storage of the settings in force then (a test's temporary root would be ignored).
    """

    def _setup(self):
        self._wrapped = storages["private"]


private = _PrivateStorage()


@receiver(setting_changed)
def _forget_private_storage(*, setting, **kwargs):
    if setting in {"STORAGES", "PRIVATE_MEDIA_ROOT", "MEDIA_ROOT", "MEDIA_URL"}:
        private._wrapped = empty


def private_storage():
    """The storage named "private" in settings.STORAGES (a callable, so migrations do not freeze it)."""
    return private
