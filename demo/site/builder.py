"""Create or update the demo content, publish it through revisions, translate it.

The run is idempotent: objects are found again (pages by slug under their parent,
snippets by English name, documents by title in the Demo collection), compared with the
data, and written only when they differ, so a second run creates no page, revision,
document, snippet or translation. Dates given relative to the day of loading are kept
as long as the page still shows what it was meant to show (an open call is still open,
an upcoming event still upcoming, recent news still recent) and moved forward otherwise.
"""

import hashlib
import json
import uuid
from collections import Counter
from contextlib import contextmanager
from datetime import datetime, time, timedelta
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import Collection, Locale, Page, Site
from wagtail.signals import page_slug_changed

from cms.models.calls import call_status

from ..pdf import make_pdf
from ..report import Report
from . import translations
from .content import DEMO
from .localize import DemoTranslator
from .specs import ALL_TARGETS, BeforeDeadline, Ref, Rel, RelDate, is_relative
from .texts import Catalogue, T

COLLECTION_NAME = "Demo"
BLOCK_ID_NAMESPACE = uuid.UUID("8a0c5a55-2f43-4d2e-9a53-4f1b3c6d7e10")
RECENT_NEWS_DAYS = 90


class DemoError(Exception):
    pass


def _block_id(*parts):
    return str(uuid.uuid5(BLOCK_ID_NAMESPACE, "/".join(parts)))


def targets(spec):
    """The languages a page or snippet is translated into: its own, and every complete language."""
    complete = tuple(language for language in ALL_TARGETS if translations.complete(language))
    return tuple(dict.fromkeys((*spec.locales, *complete)))


def missing_translations(language, demo=DEMO):
    """English segments of the demo without a translation in `language`."""
    catalogue = Catalogue().collect(demo.texts())
    catalogue.add_segments(language, translations.segments(language))
    return catalogue.missing(language, demo.texts())


def _freshness(model_name, values, now):
    """What a page with relative dates is meant to show; its dates are kept while this holds."""
    if model_name == "CallPage":
        return call_status(values["opens_at"], values["closes_at"], now=now)
    if model_name == "EventPage":
        return values["end"] >= now
    if model_name == "NewsArticlePage":
        today = timezone.localdate(now)
        return today - timedelta(days=RECENT_NEWS_DAYS) <= values["date"] <= today
    return None


@contextmanager
def no_redirects_for_new_translations():
    """Keep Wagtail's redirects app from recording redirects for URLs that never existed.

    wagtail-localize creates a translation as a copy carrying the English slug, then renames
    it to the translated slug; the redirects app would take that rename (signalled on
    commit, hence the context spans the transaction) for a moved page and add a redirect
    from e.g. /de/news/ to /de/aktuelles/ for every new translated page and its subtree.
    """
    if not apps.is_installed("wagtail.contrib.redirects"):
        yield
        return
    # Imported only when the app is installed: its module loads the redirects app's models.
    from wagtail.contrib.redirects.signal_handlers import (  # noqa: PLC0415
        autocreate_redirects_on_slug_change,
    )

    disconnected = page_slug_changed.disconnect(autocreate_redirects_on_slug_change)
    try:
        yield
    finally:
        if disconnected:
            page_slug_changed.connect(autocreate_redirects_on_slug_change)


class DemoBuilder:
    def __init__(self, demo=DEMO, now=None, user=None):
        self.demo = demo
        self.now = now or timezone.now()
        self.user = user
        self.catalogue = Catalogue().collect(demo.texts())
        for language in ALL_TARGETS:
            self.catalogue.add_segments(language, translations.segments(language))
        self.report = Report()
        self.refs = {"page": {}, "document": {}, "programme": {}, "topic": {}}
        self.objects = {"programme": {}, "topic": {}}

    # ------------------------------------------------------------------ run

    def run(self) -> Report:
        with self.report.timed(), no_redirects_for_new_translations(), transaction.atomic():
            self.source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
            self.collection = self._collection()
            for spec in self.demo.documents:
                self._document(spec)
            for spec in self.demo.programmes:
                self._snippet("programme", spec)
            for spec in self.demo.topics:
                self._snippet("topic", spec)
            site = Site.objects.get(is_default_site=True)
            self._site_address(site)
            self._site_settings(site)
            site_texts = self._site_texts(site)

            home = site.root_page.specific
            if home.specific_class.__name__ != self.demo.home.model:
                raise DemoError(f"The default site's root page is a {type(home).__name__}, not a HomePage.")
            self.pages = {self.demo.home.key: home}
            self.refs["page"][self.demo.home.key] = home.pk
            self.created_pages = set()
            for parent_spec in self.demo.home.walk():
                for child in parent_spec.children:
                    self._ensure_page(child, self.pages[parent_spec.key])
            for spec in self.demo.home.walk():
                self._publish_page(spec)

            translator = DemoTranslator(self.catalogue, user=self.user)
            for kind, specs in (("programme", self.demo.programmes), ("topic", self.demo.topics)):
                for spec in specs:
                    self._count_translation(
                        f"{kind} translation",
                        translator.translate(self.objects[kind][spec.key], targets(spec)),
                    )
            for spec in self.demo.home.walk():
                self._count_translation(
                    "page translation", translator.translate(self.pages[spec.key], targets(spec))
                )
            if site_texts is not None:
                self._count_translation(
                    "site texts translation", translator.translate(site_texts, targets(self.demo.site_texts))
                )
        pages = live_pages_by_language()
        self.report.facts["live pages"] = ", ".join(f"{code} {count}" for code, count in pages.items())
        return self.report

    def _count_translation(self, kind, result):
        for outcome in ("created", "updated", "unchanged"):
            if getattr(result, outcome):
                self.report.add(kind, outcome, len(getattr(result, outcome)))

    # ------------------------------------------------------------------ values

    def _ref(self, ref):
        if ref is None:
            return None
        try:
            return self.refs[ref.kind][ref.key]
        except KeyError:
            raise DemoError(f"Unknown demo {ref.kind} {ref.key!r}") from None

    def _value(self, value):
        """A data value as it goes into a model field or a raw block value."""
        if isinstance(value, T):
            return value.en
        if isinstance(value, Ref):
            return self._ref(value)
        if isinstance(value, Rel | RelDate):
            return value.resolve(self.now)
        if isinstance(value, time):
            return value.strftime("%H:%M:%S")
        if isinstance(value, dict):
            return {name: self._value(item) for name, item in value.items()}
        if isinstance(value, list | tuple):
            return [self._value(item) for item in value]
        return value

    def _stream(self, key, field_name, blocks):
        return [
            {
                "type": block.type,
                "value": self._value(block.value),
                "id": _block_id(key, field_name, str(index)),
            }
            for index, block in enumerate(blocks)
        ]

    def _page_values(self, spec, model, *, with_streams):
        """Model attribute -> value for a page spec; child relations returned separately."""
        values = {"title": spec.title.en, "show_in_menus": spec.show_in_menus}
        children = {}
        for name, raw in spec.fields.items():
            field = model._meta.get_field(name)
            if isinstance(field, models.ManyToOneRel) and isinstance(field.remote_field, ParentalKey):
                children[name] = [self._ref(ref) for ref in raw]
            elif isinstance(field, StreamField):
                if with_streams:
                    values[name] = self._stream(spec.key, name, raw)
            elif isinstance(field, models.ForeignKey):
                values[field.attname] = self._ref(raw)
            else:
                values[name] = self._value(raw)
        return values, children

    @staticmethod
    def _normalise(field, value):
        if isinstance(field, StreamField):
            if not isinstance(value, StreamValue):
                value = field.to_python(value)
            list(value)  # convert every block, so both sides serialise the same way
            return json.dumps(field.get_prep_value(value), sort_keys=True, cls=DjangoJSONEncoder)
        if isinstance(field, CountryField):
            if field.multiple:
                return sorted(getattr(country, "code", country) for country in value or [])
            return getattr(value, "code", value) or ""
        return field.get_prep_value(field.to_python(value))

    def _differs(self, obj, values):
        meta = obj._meta
        return [
            name
            for name, value in values.items()
            if self._normalise(meta.get_field(name), getattr(obj, name))
            != self._normalise(meta.get_field(name), value)
        ]

    # ------------------------------------------------------------------ pages

    def _find_child(self, parent, slug):
        return Page.objects.child_of(parent).filter(slug=slug).first()

    def _ensure_page(self, spec, parent):
        """Pass 1: find the page, or create it unpublished and without StreamField content.

        StreamField blocks may point to pages later in the tree; they are filled in pass 2.
        """
        model = _model(spec.model)
        slug = spec.slug_text().en
        page = self._find_child(parent, slug)
        if page is not None:
            page = page.specific
            if not isinstance(page, model):
                raise DemoError(f"{page.url_path} is a {type(page).__name__}, the demo wants a {spec.model}.")
        else:
            values, _children = self._page_values(spec, model, with_streams=False)
            page = model(slug=slug, live=False, **values)
            parent.add_child(instance=page)
            self.created_pages.add(spec.key)
        self.pages[spec.key] = page
        self.refs["page"][spec.key] = page.pk

    def _publish_page(self, spec):
        """Pass 2: bring the page's content up to date; publish a revision if anything differs."""
        page = self.pages[spec.key]
        model = type(page)
        values, children = self._page_values(spec, model, with_streams=True)
        self._keep_relative_dates(spec, page, values)
        if "closes_at" in values:
            values = _before_deadline(values, values["closes_at"])

        changed = self._differs(page, values)
        for name, ids in children.items():
            if [child.topic_id for child in getattr(page, name).all()] != ids:
                changed.append(name)

        if not changed and page.live and not page.has_unpublished_changes:
            self.report.add("page", "unchanged")
            return
        for name, value in values.items():
            setattr(page, name, value)
        for name, ids in children.items():
            related_model = model._meta.get_field(name).related_model
            setattr(page, name, [related_model(topic_id=pk) for pk in ids])
        created = spec.key in self.created_pages
        revision = page.save_revision(user=self.user, log_action=not created)
        revision.publish(user=self.user)
        self.pages[spec.key] = model.objects.get(pk=page.pk)
        self.report.add("page", "created" if created else "updated")

    def _keep_relative_dates(self, spec, page, values):
        relative = [name for name, raw in spec.fields.items() if is_relative(raw)]
        if not relative or not page.live:
            return
        current = {**values, **{name: getattr(page, name) for name in relative}}
        if _freshness(spec.model, current, self.now) == _freshness(spec.model, values, self.now):
            values.update({name: current[name] for name in relative})

    # ------------------------------------------------------------------ snippets, documents, settings

    def _snippet(self, kind, spec):
        model = _model(spec.model)
        values = {name: self._value(raw) for name, raw in spec.fields.items()}
        obj = model.objects.filter(locale=self.source_locale, name=values["name"]).first()
        if obj is None:
            obj = model.objects.create(locale=self.source_locale, **values)
            self.report.add(kind, "created")
        elif self._differs(obj, values):
            for name, value in values.items():
                setattr(obj, name, value)
            obj.save()
            self.report.add(kind, "updated")
        else:
            self.report.add(kind, "unchanged")
        self.objects[kind][spec.key] = obj
        self.refs[kind][spec.key] = obj.pk

    def _collection(self):
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=COLLECTION_NAME).first()
        if collection is None:
            collection = root.add_child(name=COLLECTION_NAME)
            self.report.add("collection", "created")
        return collection

    def _document(self, spec):
        Document = get_document_model()
        data = make_pdf(spec.title, spec.lines)
        digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()
        document = Document.objects.filter(collection=self.collection, title=spec.title).first()
        if document is None:
            document = Document(title=spec.title, collection=self.collection)
            outcome = "created"
        elif (
            document.file_hash == digest
            and document.file
            and document.file.storage.exists(document.file.name)
        ):
            outcome = "unchanged"
        else:
            if document.file:
                document.file.delete(save=False)
            outcome = "updated"
        if outcome != "unchanged":
            document.file.save(spec.filename, ContentFile(data), save=False)
            document._set_document_file_metadata()
            document.save()
        self.report.add("document", outcome)
        self.refs["document"][spec.key] = document.pk

    def _site_address(self, site):
        """Point the default site at the address the site is served on (settings.SITE_URL).

        Full URLs (sitemap, feeds, hreflang, calendar files) are built from the Site record, so
        `make run ADDR=host:port` (which sets SITE_URL) moves them with it. The migration's placeholder
        "localhost:80" and an address a previous run set (a loopback name or an IP address) follow
        SITE_URL; a host name set by hand (www.example.org) is never replaced.
        """
        address = urlsplit(settings.SITE_URL)
        if not address.hostname:
            return
        port = address.port or (443 if address.scheme == "https" else 80)
        if (address.hostname, port) == (site.hostname, site.port):
            return
        hostname = site.hostname or ""
        set_by_a_run = hostname == "localhost" or ":" in hostname or hostname.replace(".", "").isdigit()
        if not set_by_a_run:
            return
        site.hostname, site.port = address.hostname, port
        site.save(update_fields=["hostname", "port"])
        self.report.add("site address", "updated")

    def _site_settings(self, site):
        SiteSettings = apps.get_model("cms", "SiteSettings")
        existed = SiteSettings.objects.filter(site=site).exists()
        site_settings = SiteSettings.for_site(site)
        changed = self._differs(site_settings, self.demo.site_settings)
        if changed:
            for name, value in self.demo.site_settings.items():
                setattr(site_settings, name, value)
            site_settings.save()
        outcome = ("updated" if existed else "created") if changed else "unchanged"
        self.report.add("site settings", outcome)

    def _site_texts(self, site):
        """The organisation's texts of the site in English, found again by site and language."""
        spec = self.demo.site_texts
        if spec is None:
            return None
        model = _model(spec.model)
        values = {name: self._value(raw) for name, raw in spec.fields.items()}
        texts = model.objects.filter(site=site, locale=self.source_locale).first()
        if texts is None:
            texts = model.objects.create(site=site, locale=self.source_locale, **values)
            self.report.add("site texts", "created")
        elif self._differs(texts, values):
            for name, value in values.items():
                setattr(texts, name, value)
            texts.save()
            self.report.add("site texts", "updated")
        else:
            self.report.add("site texts", "unchanged")
        return texts


def _before_deadline(value, closes_at):
    """`value` with every BeforeDeadline inside it resolved against the call's final deadline."""
    if isinstance(value, BeforeDeadline):
        return value.resolve(closes_at)
    if isinstance(value, dict):
        return {name: _before_deadline(item, closes_at) for name, item in value.items()}
    if isinstance(value, list):
        return [_before_deadline(item, closes_at) for item in value]
    return value


def _model(name):
    """A page model named "Model" (of the site) or "app.Model" (the advisory form page)."""
    return apps.get_model(name) if "." in name else apps.get_model("cms", name)


def load_site_demo(*, now: datetime | None = None, user: AbstractBaseUser | None = None) -> Report:
    """Build the site's demo content, as of `now` (default: now); revisions are by `user` (default: none)."""
    return DemoBuilder(now=now, user=user).run()


def live_pages_by_language() -> dict[str, int]:
    """Live pages per language code, for the summary."""
    counts = Counter(
        Page.objects.live().filter(depth__gt=1).values_list("locale__language_code", flat=True).iterator()
    )
    return {code: counts.get(code, 0) for code, _name in settings.LANGUAGES}
