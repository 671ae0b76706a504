"""factory_boy factories for the site's content, built the way editors build it.

Pages are added under a parent (by default the English home page that migration 0002
creates, or the English index page of their type) and published through a revision, so
`live_revision`, `first_published_at` and the search index are what they are on the
real site. `translate()` makes a language version with Wagtail's copy-for-translation.
"""

import io
from datetime import timedelta

import factory
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.rich_text import RichText

from cms.models import (
    CallIndexPage,
    CallPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsArticlePage,
    NewsIndexPage,
    Programme,
    PublicationIndexPage,
    PublicationPage,
    PublicationTopic,
    StandardPage,
    Topic,
)

# A minimal but well-formed PDF: what filetype (and any reader) recognises as one.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
# The start of a 64-bit Linux executable: an upload that only pretends to be a PDF.
ELF_BYTES = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 240
TEXT_BYTES = b"Just some text in a file called report.pdf\n"


def locale(language_code):
    return Locale.objects.get(language_code=language_code)


def english_home():
    return HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)


def home_in(language_code):
    """The home page of a language, translated (and published) from English if missing."""
    home = english_home()
    if language_code == settings.LANGUAGE_CODE:
        return home
    existing = home.get_translation_or_none(locale(language_code))
    return existing.specific if existing else translate(home, language_code)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, language_code, publish=True, **changes):
    """A language version of `page` made with copy-for-translation, published by default.

    Missing parents are translated first and always published, so that only the page
    itself is a draft when `publish=False`. Unless given, the title gets the language
    code appended so tests can tell the versions apart.
    """
    target = locale(language_code)
    existing = page.get_translation_or_none(target)
    if existing is not None:
        return existing.specific
    parent = page.get_parent().specific
    if not parent.is_root() and parent.get_translation_or_none(target) is None:
        translate(parent, language_code, publish=True)
    translated = page.specific.copy_for_translation(target).specific
    changes.setdefault("title", f"{page.title} [{language_code}]")
    for name, value in changes.items():
        setattr(translated, name, value)
    revision = translated.save_revision()
    if publish:
        revision.publish()
    translated.refresh_from_db()
    return translated


def index_page(model, parent=None):
    """The (single) index page of a type under a home page, created when missing."""
    parent = parent or english_home()
    existing = model.objects.child_of(parent).first()
    if existing:
        return existing
    factory_class = {
        NewsIndexPage: NewsIndexPageFactory,
        CallIndexPage: CallIndexPageFactory,
        EventIndexPage: EventIndexPageFactory,
        PublicationIndexPage: PublicationIndexPageFactory,
    }[model]
    return factory_class(parent=parent)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = "Alex"
    last_name = "Example"
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        """`UserFactory(groups=["Translators"])` puts the user in existing groups by name."""
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))


class SuperUserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"admin{n}")
    is_staff = True
    is_superuser = True


class DocumentFactory(DjangoModelFactory):
    """A document whose bytes are a PDF unless `file__data` says otherwise."""

    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Report {n}")
    file = factory.django.FileField(filename="report.pdf", data=PDF_BYTES)


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (0, 80, 160)).save(buffer, "PNG")
    return buffer.getvalue()


class ImageFactory(DjangoModelFactory):
    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Photo {n}")
    file = factory.django.FileField(filename="photo.png", from_func=lambda: io.BytesIO(png_bytes()))


class ProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Programme {n}")
    url = "https://programme.example.eu/"
    locale = factory.LazyFunction(lambda: locale(settings.LANGUAGE_CODE))


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    locale = factory.LazyFunction(lambda: locale(settings.LANGUAGE_CODE))


class PageFactory(DjangoModelFactory):
    """Adds the page under `parent` and publishes it through a revision.

    `publish=False` leaves a draft (never live) instead.
    """

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=True, **kwargs):
        parent = parent or cls._default_parent()
        page = model_class(*args, **kwargs)
        if not publish:
            page.live = False
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        page.refresh_from_db()
        return page

    @classmethod
    def _default_parent(cls):
        return english_home()


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"About the network {n}")
    body = factory.LazyFunction(
        lambda: [
            ("heading", {"text": "Who we are", "level": "h2"}),
            ("paragraph", RichText("<p>Cluster experts from 27 countries.</p>")),
            ("quote", {"quote": "Clusters grow regions.", "attribution": "A member"}),
        ]
    )


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "News"
    slug = "news"
    intro = "<p>News, studies and reports.</p>"


class CallIndexPageFactory(PageFactory):
    class Meta:
        model = CallIndexPage

    title = "Calls for proposals"
    slug = "calls"
    intro = "<p>Open and forthcoming calls.</p>"


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Events"
    slug = "events"
    intro = "<p>Workshops and conferences.</p>"


class PublicationIndexPageFactory(PageFactory):
    class Meta:
        model = PublicationIndexPage

    title = "Publications"
    slug = "publications"
    intro = "<p>Studies, benchmarking reports and policy briefs.</p>"


class NewsArticlePageFactory(PageFactory):
    class Meta:
        model = NewsArticlePage

    title = factory.Sequence(lambda n: f"Cluster news {n}")
    date = factory.LazyFunction(timezone.localdate)
    summary = factory.LazyAttribute(lambda o: f"Summary of {o.title}.")
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>Clusters across Europe met in Brussels.</p>"))]
    )

    @classmethod
    def _default_parent(cls):
        return index_page(NewsIndexPage)


class CallPageFactory(PageFactory):
    """An open call by default: opened ten days ago, deadline in thirty days."""

    class Meta:
        model = CallPage

    title = factory.Sequence(lambda n: f"Call for cluster proposals {n}")
    summary = factory.LazyAttribute(lambda o: f"Summary of {o.title}.")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyAttribute(lambda o: o.opens_at + timedelta(days=40))
    call_identifier = factory.Sequence(lambda n: f"SMP-COSME-2026-{n:03d}")
    body = "<p>Who can apply and how.</p>"

    @classmethod
    def _default_parent(cls):
        return index_page(CallIndexPage)


class EventPageFactory(PageFactory):
    """An upcoming one-day workshop by default."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Cluster workshop {n}")
    summary = factory.LazyAttribute(lambda o: f"Summary of {o.title}.")
    start = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=20)).replace(minute=0, second=0, microsecond=0)
    )
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=7))
    venue = "Square Meeting Centre"
    city = "Brussels"
    country = "BE"
    organisers = "ESCA secretariat"
    body = "<p>A day on cluster programme design.</p>"

    @classmethod
    def _default_parent(cls):
        return index_page(EventIndexPage)


class PublicationPageFactory(PageFactory):
    class Meta:
        model = PublicationPage

    title = factory.Sequence(lambda n: f"Cluster study {n}")
    authors = "ESCA secretariat"
    date = factory.LazyFunction(timezone.localdate)
    abstract = "<p>What the benchmarking of 500 cluster organisations shows.</p>"

    @classmethod
    def _default_parent(cls):
        return index_page(PublicationIndexPage)


class PublicationTopicFactory(DjangoModelFactory):
    class Meta:
        model = PublicationTopic

    page = factory.SubFactory(PublicationPageFactory)
    topic = factory.SubFactory(TopicFactory)
