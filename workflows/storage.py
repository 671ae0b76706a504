"""Private storage for confidential files (requesters' attachments, deliverables, later applicants' files).

Files on it have no public URL: they are read only by views that check permission and stream them.
Every process that keeps personal documents uses `private_storage`, never the default storage,
whose files are served under MEDIA_URL.
"""

from django.core.files.storage import FileSystemStorage, storages


class NoPublicURLError(RuntimeError):
    """A confidential file was asked for a URL; it must be streamed by a permission-checked view."""


class PrivateFileSystemStorage(FileSystemStorage):
    """A file system storage outside MEDIA_ROOT whose files have no URL."""

    def __init__(self, location=None, **kwargs):
        kwargs["base_url"] = None
        super().__init__(location=location, **kwargs)

    def url(self, name):
        raise NoPublicURLError(
            "Confidential files have no URL: serve them through a permission-checked view."
        )


def private_storage():
    """The storage named "private" in settings.STORAGES (a callable, so migrations do not freeze it)."""
    return storages["private"]
