"""`python manage.py load_demo`: the demo site, in six languages, published, then the advisory demo.

Safe to run again.
"""

import logging
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError

from demo.advisory import AdvisoryDemoError, load_advisory_demo
from demo.site.builder import DemoError, live_pages_by_language, load_demo
from demo.site.localize import MissingDemoTranslation

# Wagtail logs every page created, edited and published, and the task backend every task:
# hundreds of lines for one demo load. Shown with --verbosity 2 or more.
CHATTY_LOGGERS = ("wagtail", "django_tasks", "modelsearch")


@contextmanager
def quiet(names, enabled):
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

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        try:
            with quiet(CHATTY_LOGGERS, enabled=verbosity < 2):
                report = load_demo()
                advisory = load_advisory_demo()
        except (DemoError, MissingDemoTranslation, AdvisoryDemoError) as error:
            raise CommandError(str(error)) from error

        if verbosity == 0:
            # A generated demo password is shown once: whatever the verbosity.
            if advisory.logins_box:
                self.stdout.write(advisory.logins_box)
            return
        self.stdout.write(self.style.MIGRATE_HEADING("Demo content"))
        for line in report.lines():
            self.stdout.write(line)
        pages = ", ".join(f"{code} {count}" for code, count in live_pages_by_language().items())
        self.stdout.write(f"  {'live pages':<22} {pages}")
        verdict = (
            f"{report.changed} objects written" if report.changed else "nothing to do, already up to date"
        )
        self.stdout.write(self.style.SUCCESS(f"Done in {report.elapsed:.1f} s: {verdict}."))

        self.stdout.write(self.style.MIGRATE_HEADING("Advisory demo"))
        for line in advisory.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(advisory.verdict()))
        if advisory.logins_box:
            self.stdout.write(advisory.logins_box)
