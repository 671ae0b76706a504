"""Confidential files (requesters' attachments, deliverables) live on the private storage only.

They are never under MEDIA_ROOT, have no URL, are not served by the development /media/ route,
and are read only through the permission-checked download views. Files an older install kept
under MEDIA_ROOT are moved by `manage.py move_private_files`.
"""

import importlib
import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import clear_url_caches, reverse

import cms.urls
from advisory.models import AdvisoryRequest, Attachment, RequestFormPage
from tests.advisory.factories import (
    PDF_BYTES,
    AdvisoryRequestFactory,
    CoordinatorFactory,
    DeliverableFactory,
    upload,
)
from tests.advisory.public.conftest import form_data, form_page  # noqa: F401 - the public form page
from workflows.storage import NoPublicURLError, private_storage

pytestmark = pytest.mark.django_db


def files_under(root):
    return sorted(str(path.relative_to(root)) for path in Path(root).rglob("*") if path.is_file())


@pytest.fixture
def roots(settings, tmp_path):
    """Empty public and private roots for this test (the private storage follows the settings)."""
    media, private = tmp_path / "media", tmp_path / "private"
    settings.MEDIA_ROOT = str(media)
    settings.PRIVATE_MEDIA_ROOT = str(private)
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "workflows.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(private)},
        },
    }
    return media, private


@pytest.fixture
def debug_media_route(settings):
    """The project's URLs as the development server has them: /media/ served from MEDIA_ROOT."""

    settings.DEBUG = True
    importlib.reload(cms.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(cms.urls)
    clear_url_caches()


def attachment_of(request, name="brief.pdf", content=PDF_BYTES):
    return Attachment.objects.create(
        request=request,
        file=upload(name, content),
        original_name=name,
        content_type="application/pdf",
        size=len(content),
        uploaded_by="requester",
    )


# Where uploads go ---------------------------------------------------------------------------


@pytest.mark.usefixtures("form_page")
def test_a_file_uploaded_through_the_public_form_lands_under_the_private_root(client, roots):
    media, private = roots
    form = RequestFormPage.objects.live().get()
    response = client.post(form.url, {**form_data(), "attachments": [upload("brief.pdf")]})
    assert response.status_code == 303, response.content.decode()[:1000]

    attachment = Attachment.objects.get()
    assert files_under(private) == [attachment.file.name]
    assert (private / attachment.file.name).read_bytes() == PDF_BYTES
    assert files_under(media) == []


def test_a_confidential_file_has_no_url(roots):
    attachment = attachment_of(AdvisoryRequestFactory())

    with pytest.raises(NoPublicURLError):
        attachment.file.url  # noqa: B018
    with pytest.raises(NoPublicURLError):
        DeliverableFactory().file.url  # noqa: B018


def test_the_development_media_route_does_not_serve_confidential_files(client, roots, debug_media_route):
    media, _private = roots
    attachment = attachment_of(AdvisoryRequestFactory())
    # The route is there and serves the public media (a Wagtail document, say)...
    default_storage.save("documents/programme.pdf", ContentFile(b"public brochure"))
    public = client.get("/media/documents/programme.pdf")
    assert public.status_code == 200
    assert b"".join(public.streaming_content) == b"public brochure"
    # ...but a confidential file is not under MEDIA_ROOT, whatever its name.
    assert client.get(f"/media/{attachment.file.name}").status_code == 404
    assert client.get(f"/media/../private/{attachment.file.name}").status_code in (400, 404)


# Reading them -------------------------------------------------------------------------------


def test_confidential_files_download_only_through_the_checked_views(client, roots):
    coordinator = CoordinatorFactory(countries=["DE"])
    outsider = CoordinatorFactory(countries=["FR"])
    attachment = attachment_of(
        AdvisoryRequestFactory(state=AdvisoryRequest.State.SCREENING, owner=coordinator)
    )
    url = reverse("advisory_files:attachment", args=[attachment.pk])

    client.force_login(coordinator)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    client.force_login(outsider)
    assert client.get(url).status_code in (403, 404)


def test_a_confidential_file_missing_from_storage_is_not_available_not_a_crash(client, roots):
    coordinator = CoordinatorFactory(countries=["DE"])
    attachment = attachment_of(
        AdvisoryRequestFactory(state=AdvisoryRequest.State.SCREENING, owner=coordinator)
    )
    private_storage().delete(attachment.file.name)

    client.force_login(coordinator)
    response = client.get(reverse("advisory_files:attachment", args=[attachment.pk]))
    # The admin answers a missing object like one out of scope (advisory.admin.access.not_found).
    assert response.status_code == 403
    assert "This does not exist, or you may not see it." in response.content.decode()


# Moving an older install's files ------------------------------------------------------------


def move(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("move_private_files", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def legacy(roots):
    """An install from before the private storage: confidential files under MEDIA_ROOT/advisory/."""
    media, private = roots
    attachment = attachment_of(AdvisoryRequestFactory(), content=b"%PDF-1.4 attachment")
    deliverable = DeliverableFactory()
    for stored in (attachment.file, deliverable.file):
        with private_storage().open(stored.name) as handle:
            default_storage.save(stored.name, handle)
        private_storage().delete(stored.name)
    default_storage.save(
        "advisory/2025/03/0f1e2d3c4b5a69788796a5b4c3d2e1f0", ContentFile(b"deleted row's file")
    )
    default_storage.save("documents/programme.pdf", ContentFile(b"public brochure"))
    assert files_under(private) == []
    return attachment, deliverable


def test_moving_an_older_installs_files_to_the_private_storage(legacy, roots):
    media, private = roots
    attachment, deliverable = legacy

    out, err = move()

    assert "moved 2, already private 0, missing 0, renamed 0, orphans 1" in out
    assert "orphan (no row names it): advisory/2025/03/0f1e2d3c4b5a69788796a5b4c3d2e1f0" in out
    assert files_under(private) == sorted([attachment.file.name, deliverable.file.name])
    assert (private / attachment.file.name).read_bytes() == b"%PDF-1.4 attachment"
    # Left under MEDIA_ROOT: the public documents, and the orphan until asked to delete it.
    assert files_under(media) == [
        "advisory/2025/03/0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        "documents/programme.pdf",
    ]
    assert err == ""


def test_moving_twice_changes_nothing_and_orphans_go_on_request(legacy, roots):
    media, private = roots
    move()
    before = files_under(private)

    out, _ = move()
    assert "moved 0, already private 2, missing 0, renamed 0, orphans 1" in out
    assert files_under(private) == before

    out, _ = move("--delete-orphans")
    assert "orphans 1 (deleted)" in out
    assert files_under(media) == ["documents/programme.pdf"]
    assert "orphans 0" in move()[0]


def test_a_dry_run_moves_nothing(legacy, roots):
    media, private = roots

    out, _ = move("--dry-run", "--delete-orphans")

    assert "would move 2, already private 0, missing 0, renamed 0, orphans 1" in out
    assert files_under(private) == []
    assert len(files_under(media)) == 4


def test_a_run_stopped_after_copying_is_completed(legacy, roots):
    media, private = roots
    attachment, _ = legacy
    # The copy was made, the public one not yet deleted.
    with default_storage.open(attachment.file.name) as handle:
        private_storage().save(attachment.file.name, handle)

    out, _ = move()

    assert "moved 1, already private 1" in out
    assert attachment.file.name not in files_under(media)
    assert (private / attachment.file.name).read_bytes() == b"%PDF-1.4 attachment"


def test_a_file_in_neither_storage_is_reported_not_invented(legacy, roots):
    attachment, _ = legacy
    default_storage.delete(attachment.file.name)

    out, err = move()

    assert "moved 1, already private 0, missing 1" in out
    assert f"{attachment.file.name} is in neither storage" in err


def test_the_private_storage_is_not_a_source():
    with pytest.raises(Exception, match="not the private one"):
        move("--from-storage", "private")
