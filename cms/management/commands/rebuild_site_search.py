"""`python manage.py rebuild_site_search [--language de]`: rebuild the visitors' search index.

The index follows publishing on its own (cms.search.backends); a rebuild is for after an import
written around Wagtail, a change of the analysis (cms.search.languages), or a new language. It
writes over the entries in place, so the search keeps answering while it runs. Progress goes to
stderr: a bar redrawn in place on a terminal, a line every 10 % in a log.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.search.index import rebuild

BAR_WIDTH = 30
# Without a terminal: one line each time another tenth of the pages is done.
LOG_STEPS = 10


class Progress:
    """Pages done of the total: a bar redrawn on a terminal, a line every tenth in a log.

    `write(text)` writes text as it is (no line ending added).
    """

    def __init__(self, write, tty):
        self.write = write
        self.tty = tty
        self.started = time.monotonic()
        self.logged = 0

    def __call__(self, done, total):
        if self.tty:
            self._draw(done, total)
        else:
            self._log(done, total)

    def _draw(self, done, total):
        share = done / total if total else 1
        filled = round(BAR_WIDTH * share)
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        end = "\n" if done >= total else ""
        self.write(f"\r[{bar}] {share:4.0%} {done}/{total} pages, {self._elapsed():.0f} s{end}")

    def _log(self, done, total):
        step = LOG_STEPS * done // total if total else LOG_STEPS
        if step > self.logged:
            self.logged = step
            self.write(f"{done}/{total} pages ({step * 100 // LOG_STEPS} %), {self._elapsed():.0f} s\n")

    def _elapsed(self):
        return time.monotonic() - self.started


class Command(BaseCommand):
    help = (
        "Rebuild the site search index (the visitors' search) from every live, public page, or from the "
        "pages of one language. Progress on stderr; the search keeps answering meanwhile."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", help="Rebuild only the pages of this language code (e.g. de).")

    def handle(self, *args, **options):
        language = options["language"]
        codes = [code for code, _name in settings.LANGUAGES]
        if language and language not in codes:
            raise CommandError(f"Unknown language {language!r}: one of {', '.join(codes)}.")
        started = time.monotonic()
        progress = None
        if options["verbosity"] > 0:
            progress = Progress(self._write_progress, tty=self.stderr.isatty())
        documents = rebuild(progress, language=language)
        seconds = time.monotonic() - started
        scope = f" ({language})" if language else ""
        self.stdout.write(f"Site search{scope}: {documents} documents indexed in {seconds:.1f} s")

    def _write_progress(self, text):
        self.stderr.write(text, ending="")
        self.stderr.flush()
