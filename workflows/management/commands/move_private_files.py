"""Move confidential files from the public media storage to the private one.

Before the private storage existed, files of fields now on it (requesters' attachments,
deliverables) were saved under MEDIA_ROOT and so served under MEDIA_URL. This moves each file a
row still names, keeping its name, and reports (or, with --delete-orphans, deletes) files left
under the same top-level folders that no row names. Safe to run again: a file already on the
private storage is left alone.
"""

from django.apps import apps
from django.core.files import File
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from django.db import models

from workflows.storage import private_storage


def private_file_fields():
    """(model, field) for every file field stored on the private storage."""
    private = private_storage()
    for model in apps.get_models():
        for field in model._meta.local_concrete_fields:
            if isinstance(field, models.FileField) and (
                field.storage is private or getattr(field, "_storage_callable", None) is private_storage
            ):
                yield model, field


def _top_folder(name):
    head, sep, _ = name.partition("/")
    return head if sep else None


def _upload_folder(field):
    """The first folder of the field's upload path, if it can be known without an instance."""
    upload_to = field.upload_to
    try:
        sample = upload_to(None, "file") if callable(upload_to) else str(upload_to)
    except Exception:  # an upload_to that needs its instance: the stored names tell instead
        return None
    return _top_folder(sample.strip("/") + "/")


def _walk(storage, folder):
    """Every file name under `folder` of `storage`, recursively."""
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}"
    for directory in directories:
        yield from _walk(storage, f"{folder}/{directory}")


class Command(BaseCommand):
    help = (
        "Move confidential files (attachments, deliverables) from the public media storage to the private one"
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what would move; change nothing.")
        parser.add_argument(
            "--from-storage",
            default="default",
            help='The settings.STORAGES name to move from (default: "default").',
        )
        parser.add_argument(
            "--delete-orphans",
            action="store_true",
            help="Delete files left in the moved folders of the public storage that no row names.",
        )

    def handle(self, *args, dry_run=False, from_storage="default", delete_orphans=False, **options):
        if from_storage == "private":
            raise CommandError("The source must be a public storage, not the private one.")
        source, target = storages[from_storage], private_storage()
        counts = {"moved": 0, "already private": 0, "missing": 0, "renamed": 0}
        folders, known = set(), set()

        for model, field in private_file_fields():
            if folder := _upload_folder(field):
                folders.add(folder)
            rows = model._default_manager.exclude(**{field.attname: ""}).values_list("pk", field.attname)
            for pk, name in rows.iterator():
                known.add(name)
                if folder := _top_folder(name):
                    folders.add(folder)
                outcome = self._move(model, field, pk, name, source, target, dry_run)
                counts[outcome] += 1

        orphans = sorted(
            name for folder in sorted(folders) for name in _walk(source, folder) if name not in known
        )
        for name in orphans:
            if delete_orphans and not dry_run:
                source.delete(name)
                self.stdout.write(f"deleted orphan {name}")
            else:
                self.stdout.write(f"orphan (no row names it): {name}")

        verb = "would move" if dry_run else "moved"
        self.stdout.write(
            f"{verb} {counts['moved']}, already private {counts['already private']}, "
            f"missing {counts['missing']}, renamed {counts['renamed']}, orphans {len(orphans)}"
            + (" (deleted)" if delete_orphans and not dry_run and orphans else "")
        )

    def _move(self, model, field, pk, name, source, target, dry_run):
        label = f"{model._meta.label} {pk} {field.name}"
        in_target, in_source = target.exists(name), source.exists(name)
        if in_target:
            if in_source and not dry_run:
                # A run stopped between the copy and the delete: the public copy is the same file.
                if source.size(name) == target.size(name):
                    source.delete(name)
                else:
                    self.stderr.write(f"{label}: {name} differs between the two storages; left in place")
            return "already private"
        if not in_source:
            self.stderr.write(f"{label}: {name} is in neither storage")
            return "missing"
        if dry_run:
            return "moved"
        with source.open(name, "rb") as handle:
            saved = target.save(name, File(handle, name=name))
        if target.size(saved) != source.size(name):
            target.delete(saved)
            raise CommandError(f"{label}: the copy of {name} is incomplete; nothing deleted.")
        outcome = "moved"
        if saved != name:  # only if the storage found the name taken meanwhile
            model._default_manager.filter(pk=pk).update(**{field.attname: saved})
            outcome = "renamed"
        source.delete(name)
        self.stdout.write(f"{label}: moved {name}")
        return outcome
