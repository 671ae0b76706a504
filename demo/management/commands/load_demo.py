"""`python manage.py load_demo`: the demo site, in six languages, published, then the advisory demo.

Safe to run again.
"""

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError

from demo.advisory import AdvisoryDemoError, load_advisory_demo
from demo.report import Report
from demo.site.builder import DemoError, load_site_demo, missing_translations
from demo.site.localize import MissingDemoTranslation

# Wagtail logs every page created, edited and published, and the task backend every task:
# hundreds of lines for one demo load. Shown with --verbosity 2 or more.
CHATTY_LOGGERS = ("wagtail", "django_tasks", "modelsearch")


@contextmanager
def quiet(names: tuple[str, ...], *, enabled: bool) -> Iterator[None]:
    loggers = [logging.getLogger(name) for name in names] if enabled else []
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Create or update the demo content (pages, calls, events, publications with PDFs, snippets, "
        "site settings), publish it and its translations; then the advisory demo (coordinators, experts, "
        "requests in every state, demo logins). Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing",
            metavar="LANGUAGE",
            help="Print, as JSON, the English segments of the demo content not yet translated into LANGUAGE.",
        )

    def handle(self, *args, **options):
        if options["missing"]:
            segments = missing_translations(options["missing"])
            self.stdout.write(json.dumps(segments, ensure_ascii=False, indent=1))
            return
        verbosity = options["verbosity"]
        try:
            with quiet(CHATTY_LOGGERS, enabled=verbosity < 2):
                reports = {"Demo content": load_site_demo(), "Advisory demo": load_advisory_demo()}
        except (DemoError, MissingDemoTranslation, AdvisoryDemoError) as error:
            raise CommandError(str(error)) from error
        for heading, report in reports.items():
            if verbosity > 0:
                self._summary(heading, report)
            # A generated demo password is shown once: whatever the verbosity.
            if report.notice:
                self.stdout.write(report.notice)

    def _summary(self, heading: str, report: Report) -> None:
        self.stdout.write(self.style.MIGRATE_HEADING(heading))
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(report.verdict()))
