"""`python manage.py load_demo`: the demo site, in six languages, published. Safe to run again."""

import logging
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError

from cms.demo.builder import DemoError, live_pages_by_language, load_demo
from cms.demo.localize import MissingDemoTranslation

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
        "site settings), publish it and its translations. Running it again changes nothing."
    )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        try:
            with quiet(CHATTY_LOGGERS, enabled=verbosity < 2):
                report = load_demo()
        except (DemoError, MissingDemoTranslation) as error:
            raise CommandError(str(error)) from error

        if verbosity == 0:
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
