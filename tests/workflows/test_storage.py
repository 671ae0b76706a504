"""The private storage: no URL on any backend, follows the settings, and a check refuses a public setup."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core import checks
from django.core.files.base import ContentFile
from django.test import override_settings

from workflows.checks import check_private_storage
from workflows.storage import NoPublicURLError, PrivateFileSystemStorage, private_storage

PRIVATE_FS = "workflows.storage.PrivateFileSystemStorage"


def private_at(location, backend=PRIVATE_FS):
    return {**settings.STORAGES, "private": {"BACKEND": backend, "OPTIONS": {"location": str(location)}}}


def error_ids():
    return sorted(error.id for error in check_private_storage())


def test_the_file_system_storage_refuses_urls(tmp_path):
    storage = PrivateFileSystemStorage(location=tmp_path)
    name = storage.save("report.pdf", ContentFile(b"%PDF-1.4 confidential"))

    with pytest.raises(NoPublicURLError, match="permission-checked view"):
        storage.url(name)
    assert storage.base_url is None
    with storage.open(name) as handle:  # reading through the storage still works
        assert handle.read() == b"%PDF-1.4 confidential"


def test_the_s3_storage_refuses_urls_and_keeps_objects_private(settings):
    pytest.importorskip("boto3", reason="the optional `s3` extra is not installed")
    from workflows.storage_s3 import PrivateS3Storage  # noqa: PLC0415 - needs boto3, the optional s3 extra

    # What a careless deployment might set for its public media: none of it may reach this bucket.
    settings.AWS_DEFAULT_ACL = "public-read"
    settings.AWS_S3_FILE_OVERWRITE = True
    settings.AWS_QUERYSTRING_AUTH = True
    settings.AWS_S3_CUSTOM_DOMAIN = "cdn.example.org"
    storage = PrivateS3Storage(bucket_name="confidential", endpoint_url="http://127.0.0.1:9")

    assert (storage.default_acl, storage.file_overwrite) == ("private", False)
    assert (storage.querystring_auth, storage.custom_domain) == (False, None)
    with pytest.raises(NoPublicURLError):
        storage.url("advisory/2026/12/abc")
    with pytest.raises(NoPublicURLError):
        storage.url("advisory/2026/12/abc", expire=60)


def test_the_field_storage_follows_settings_changed_after_import(tmp_path):
    """Models resolve their storage at import; a later STORAGES (a test's, a deployment's) must win."""
    storage = private_storage()
    with override_settings(STORAGES=private_at(tmp_path)):
        name = storage.save("advisory/x/brief.pdf", ContentFile(b"data"))
        assert (tmp_path / name).read_bytes() == b"data"
    assert not Path(storage.path(name)).exists()  # back on the session's own root


def test_the_bucket_setting_switches_the_private_storage_to_s3():
    """PRIVATE_STORAGE_BUCKET (and the usual AWS_S3_* variables) select the private bucket."""
    code = "import json, cms.settings.base as s; print(json.dumps(s.STORAGES['private']))"
    env = {
        **os.environ,
        "PRIVATE_STORAGE_BUCKET": "secretariat-private",
        "PRIVATE_STORAGE_PREFIX": "confidential",
        "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
        "AWS_S3_REGION_NAME": "eu-west-1",
    }
    output = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    ).stdout
    assert '"BACKEND": "workflows.storage_s3.PrivateS3Storage"' in output
    for option in (
        '"bucket_name": "secretariat-private"',
        '"location": "confidential"',
        '"endpoint_url": "https://s3.example.org"',
        '"region_name": "eu-west-1"',
    ):
        assert option in output


def test_the_default_configuration_passes_the_check():
    assert error_ids() == []


def test_a_private_root_inside_media_root_fails_the_check(tmp_path):
    media = tmp_path / "media"
    with override_settings(
        MEDIA_ROOT=str(media),
        PRIVATE_MEDIA_ROOT=str(media / "private"),
        STORAGES=private_at(media / "private"),
    ):
        errors = check_private_storage()
    assert [error.id for error in errors] == ["workflows.E001"]
    assert "inside MEDIA_ROOT" in errors[0].msg


def test_a_private_root_equal_to_static_root_fails_the_check(tmp_path):
    with override_settings(STATIC_ROOT=str(tmp_path), STORAGES=private_at(tmp_path)):
        errors = check_private_storage()
    assert "workflows.E001" in [error.id for error in errors]
    assert any("inside STATIC_ROOT" in error.msg for error in errors)


def test_a_private_storage_that_gives_urls_fails_the_check(tmp_path):
    public_class = "django.core.files.storage.FileSystemStorage"
    with override_settings(STORAGES=private_at(tmp_path / "elsewhere", backend=public_class)):
        assert error_ids() == ["workflows.E002"]


def test_a_missing_private_storage_fails_the_check():
    without = {name: value for name, value in settings.STORAGES.items() if name != "private"}
    with override_settings(STORAGES=without):
        assert error_ids() == ["workflows.E003"]


def test_the_check_runs_with_manage_py_check(tmp_path):
    media = tmp_path / "media"
    with override_settings(MEDIA_ROOT=str(media), STORAGES=private_at(media / "advisory")):
        ids = [error.id for error in checks.run_checks()]
    assert "workflows.E001" in ids
