"""Draw every process's state diagram from its models, write it to the docs, or check the docs are current.

manage.py process_diagrams                              print the document
manage.py process_diagrams --write docs/processes.md    write it
manage.py process_diagrams --check docs/processes.md    exit 1 when the file differs
"""

from argparse import ArgumentParser
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from workflows.diagrams import COMMAND, document, process_models


class Command(BaseCommand):
    help = "State diagrams (Mermaid) of every process model, from its workflow transitions."

    def add_arguments(self, parser: ArgumentParser) -> None:
        target = parser.add_mutually_exclusive_group()
        target.add_argument("--write", metavar="PATH", help="Write the document to PATH.")
        target.add_argument("--check", metavar="PATH", help="Fail when PATH differs from the models.")
        parser.add_argument(
            "--exclude", metavar="APP_LABEL", action="append", default=[], help="Leave out an app."
        )

    def handle(
        self, *args: object, write: str | None, check: str | None, exclude: list[str], **options: object
    ) -> None:
        text = document(process_models(exclude=exclude))
        if write:
            Path(write).write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {write}.")
        elif check:
            path = Path(check)
            current = path.read_text(encoding="utf-8") if path.exists() else ""
            if current != text:
                raise CommandError(f"{check} is not current: run {COMMAND} {check}")
            self.stdout.write(f"{check} is current.")
        else:
            self.stdout.write(text, ending="")
