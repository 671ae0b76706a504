"""The whole demo, walked in every language: no interface string, content or link left in English.

Every live page of every locale is fetched, with the public URLs that are not pages (search with a
query, the sitemap page, the request form and its routes, a demo request's tracking page, the links
of the news feed, a 404 and the notices a switcher leads to). Each finding names the URL and the
text; a test lists all of them at once:

- an interface string left in English: a visible text (or a title, aria-label, placeholder or alt)
  equal to an English msgid of our catalogues whose translation into the page's language differs;
- content only in English: visible text equal to an English content string (a segment of a
  wagtail-localize source, an English page title, a snippet's name) that is not invariant (the
  demo's `same(...)` texts) and whose translation into the page's language, if any, differs;
- a link into another language that does not say so (no hreflang, outside the switcher).

Text marked as being in another language (`lang="en"` around a title) is honest and not a finding.
"""

import html
import re
from collections import defaultdict
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import String, StringTranslation

from advisory.models import AdvisoryRequest, RequestFormPage
from demo.site.content import DEMO
from demo.site.texts import T, segments_of

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SOURCE = settings.LANGUAGE_CODE
LOCALES = Path(settings.BASE_DIR) / "locales"
NOT_FOUND_PATH = "no-such-page-on-the-walk/"

# Text that is nobody's visible text.
SKIPPED_ELEMENTS = {"script", "style", "template"}
VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input",
    "link", "meta", "param", "source", "track", "wbr",
}  # fmt: skip
TEXT_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
LETTER = re.compile(r"[^\W\d_]")
TAG = re.compile(r"<[^>]+>")
ATOM_LINK = re.compile(r'<link[^>]*\shref="([^"]+)"')


def normal(text):
    """Text as a reader sees it: entities decoded, tags gone, whitespace collapsed."""
    return " ".join(html.unescape(TAG.sub("", text)).split())


# --------------------------------------------------------------------------- reading a page


class Reader(HTMLParser):
    """The visible texts of a page with the language each is in, and its links."""

    def __init__(self, language):
        super().__init__(convert_charrefs=True)
        self.stack = [{"tag": "", "lang": language, "skip": False, "switcher": False, "text": []}]
        self.texts = []  # (text, lang)
        self.links = []  # (href, hreflang or lang given, inside the switcher)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        parent = self.stack[-1]
        lang = attrs.get("lang") or parent["lang"]
        skip = parent["skip"] or tag in SKIPPED_ELEMENTS or (tag == "head")
        if tag == "title":
            skip = False
        switcher = parent["switcher"] or "lang-switch" in (attrs.get("class") or "").split()
        if not skip:
            for name in TEXT_ATTRIBUTES:
                if attrs.get(name):
                    self.texts.append((normal(attrs[name]), lang))
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.texts.append((normal(attrs["value"]), lang))
        if tag == "a" and attrs.get("href"):
            announced = bool(attrs.get("hreflang") or attrs.get("lang")) or lang != self.stack[0]["lang"]
            self.links.append((attrs["href"], announced, switcher))
        if tag in VOID_ELEMENTS:
            return
        self.stack.append({"tag": tag, "lang": lang, "skip": skip, "switcher": switcher, "text": []})

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID_ELEMENTS or not any(item["tag"] == tag for item in self.stack[1:]):
            return
        while True:
            element = self.stack.pop()
            whole = normal(" ".join(element["text"]))
            if whole and not element["skip"]:
                self.texts.append((whole, element["lang"]))
            # The parent's text holds the child's, in the parent's language only.
            if element["lang"] == self.stack[-1]["lang"]:
                self.stack[-1]["text"].append(whole)
            if element["tag"] == tag:
                return

    def handle_data(self, data):
        element = self.stack[-1]
        if element["skip"]:
            return
        text = normal(data)
        if text:
            self.texts.append((text, element["lang"]))
            element["text"].append(data)


def read(response, language):
    reader = Reader(language)
    reader.feed(response.content.decode())
    reader.close()
    return reader


# --------------------------------------------------------------------------- what English looks like


def interface_strings():
    """{language: {English msgid: its translations}} of our catalogues, where a translation differs."""
    found = {}
    for language in LANGUAGES:
        if language == SOURCE:
            continue
        translations = defaultdict(set)
        for entry in polib.pofile(str(LOCALES / language / "LC_MESSAGES" / "django.po")):
            if entry.obsolete or "fuzzy" in entry.flags:
                continue
            pairs = [(entry.msgid, entry.msgstr)]
            if entry.msgid_plural:
                forms = [entry.msgstr_plural[key] for key in sorted(entry.msgstr_plural)]
                pairs = [(entry.msgid, forms[0]), (entry.msgid_plural, forms[-1])]
            for msgid, msgstr in pairs:
                translations[normal(msgid)].add(normal(msgstr))
        found[language] = {
            msgid: targets
            for msgid, targets in translations.items()
            if LETTER.search(msgid) and msgid not in targets and all(targets)
        }
    return found


def demo_invariants():
    """The demo's texts that read the same in every language (`same(...)`), as a reader sees them."""
    invariants = set()

    def walk(data):
        if isinstance(data, T):
            if data.invariant:
                invariants.update(normal(segment) for segment in segments_of(data.en))
        elif isinstance(data, dict):
            for value in data.values():
                walk(value)
        elif isinstance(data, list | tuple | set):
            for value in data:
                walk(value)
        elif hasattr(data, "texts"):
            for value in data.texts():
                walk(value)

    walk(DEMO.texts())
    return invariants


def content_strings():
    """{English content string: {language: its translations}}: segments, page titles, snippet names."""
    english = Locale.objects.get(language_code=SOURCE)
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    content = defaultdict(lambda: defaultdict(set))
    strings = dict(String.objects.filter(locale=english).values_list("pk", "data"))
    for text in strings.values():
        content[normal(text)]
    for string_id, locale_id, data in StringTranslation.objects.filter(
        translation_of__in=list(strings), has_error=False
    ).values_list("translation_of", "locale", "data"):
        content[normal(strings[string_id])][codes[locale_id]].add(normal(data))
    by_key = defaultdict(dict)
    for key, locale_id, title in (
        Page.objects.live().filter(depth__gt=1).values_list("translation_key", "locale", "title")
    ):
        by_key[key][codes[locale_id]] = title
    models = [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]
    for model in models:
        for item in model.objects.all():
            by_key[item.translation_key][codes[item.locale_id]] = str(item)
    for versions in by_key.values():
        if SOURCE in versions:
            for language, text in versions.items():
                content[normal(versions[SOURCE])][language].add(normal(text))
    invariants = demo_invariants()
    return {
        text: translations
        for text, translations in content.items()
        if LETTER.search(text) and len(text) > 1 and text not in invariants
    }


# --------------------------------------------------------------------------- the walk


def tracking_paths(client, language):
    """The tracking page of a demo request in `language`, opened as its requester would."""
    form = RequestFormPage.objects.live().get(locale__language_code=language)
    request = AdvisoryRequest.objects.filter(state="in_progress").order_by("pk").first()
    request = request or AdvisoryRequest.objects.exclude(state="new").order_by("pk").first()
    token = request.issue_tracking_token()
    opened = client.post(form.url + form.reverse_subpage("track_open"), {"link": token})
    assert opened.status_code == 303, (language, opened.status_code)
    return [opened["Location"]]


def non_page_paths(client, language):
    with translation.override(language):
        paths = [
            reverse("search") + "?q=cluster",
            reverse("site_map"),
            f"/{language}/{NOT_FOUND_PATH}",
        ]
        feed = reverse("news_feed")
    form = RequestFormPage.objects.live().get(locale__language_code=language)
    paths += [form.url + form.reverse_subpage("resend"), form.url + form.reverse_subpage("track")]
    paths += tracking_paths(client, language)
    return paths, feed


class Walk:
    def __init__(self):
        self.visited = {}  # path -> status
        self.findings = defaultdict(list)  # kind -> [(path, text)]
        self.interface = interface_strings()
        self.content = content_strings()
        self.notices = set()

    def visit(self, client, path, language, expected=200):
        if path in self.visited:
            return
        response = client.get(path)
        self.visited[path] = response.status_code
        if response.status_code != expected:
            self.findings["status"].append((path, f"{response.status_code}, expected {expected}"))
            return
        if "text/html" not in response.get("Content-Type", ""):
            return
        self.check(path, read(response, language), language)

    def check(self, path, page, language):
        for text, lang in set(page.texts):
            if lang != language or language == SOURCE:
                continue
            if text in self.interface[language]:
                self.findings["interface"].append((path, text))
            translations = self.content.get(text)
            if translations is not None and text not in translations.get(language, ()):
                self.findings["content"].append((path, text))
        for href, announced, in_switcher in page.links:
            target = href.split("?")[0].split("#")[0]
            prefix = target.strip("/").split("/")[0] if target.startswith("/") else ""
            if in_switcher:
                if "/unavailable/" in target:
                    self.notices.add((target, prefix))
                continue
            if prefix in LANGUAGES and prefix != language and not announced:
                self.findings["link"].append((path, href))

    def feed_links(self, client, feed, language):
        response = client.get(feed)
        if response.status_code != 200:
            self.findings["status"].append((feed, str(response.status_code)))
            return []
        links = []
        for href in ATOM_LINK.findall(response.content.decode()):
            path = "/" + html.unescape(href).split("/", 3)[-1]
            if not path.startswith(f"/{language}/"):
                self.findings["link"].append((feed, href))
            links.append(path)
        return links


@pytest.fixture(scope="module")
def walk(django_db_setup, django_db_blocker):
    """The demo, loaded once, walked once; rolled back afterwards."""
    with pytest.MonkeyPatch.context() as patch, django_db_blocker.unblock(), transaction.atomic():
        patch.delenv("DEMO_PASSWORD", raising=False)
        call_command("load_demo", verbosity=0, stdout=StringIO())
        result = Walk()
        pages = Page.objects.live().public().filter(depth__gt=1).select_related("locale").order_by("path")
        for language in LANGUAGES:
            client = Client()
            for page in pages:
                if page.locale.language_code == language:
                    result.visit(client, page.url, language)
            paths, feed = non_page_paths(client, language)
            for path in paths:
                result.visit(client, path, language, expected=404 if path.endswith(NOT_FOUND_PATH) else 200)
            for path in result.feed_links(client, feed, language):
                result.visit(client, path, language)
        for path, language in sorted(result.notices):
            result.visit(Client(), path, language)
        yield result
        transaction.set_rollback(True)


def report(findings):
    lines = [f"{len(findings)} finding(s):"] + [f"  {path}  {text!r}" for path, text in sorted(set(findings))]
    return "\n".join(lines)


def test_the_walk_covers_every_language_and_the_views_that_are_not_pages(walk):
    for language in LANGUAGES:
        assert f"/{language}/" in walk.visited, language
        live = Page.objects.live().public().filter(depth__gt=1, locale__language_code=language).count()
        assert sum(path.startswith(f"/{language}/") for path in walk.visited) > live, language
        if language != SOURCE:
            assert walk.interface[language], language
        assert any(path.startswith(f"/{language}/search/") for path in walk.visited), language
    assert walk.notices or all(
        Page.objects.live().filter(translation_key=key).count() == len(LANGUAGES)
        for key in Page.objects.live().filter(depth__gt=1).values_list("translation_key", flat=True)
    )


def test_the_walk_sees_english_where_there_is_some(walk):
    """The checks are live: an English msgid and an English content string on a Polish page are found."""
    interface = next(iter(walk.interface["pl"]))
    content = next(text for text, found in walk.content.items() if found.get("pl", set()) - {text})
    page = Reader("pl")
    page.feed(
        f'<html lang="pl"><body><p>{html.escape(interface)}</p><h2>{html.escape(content)}</h2>'
        '<a href="/en/">x</a></body></html>'
    )
    page.close()
    findings, walk.findings = walk.findings, defaultdict(list)
    try:
        walk.check("/pl/probe/", page, "pl")
        assert ("/pl/probe/", interface) in walk.findings["interface"]
        assert ("/pl/probe/", content) in walk.findings["content"]
        assert walk.findings["link"] == [("/pl/probe/", "/en/")]
    finally:
        walk.findings = findings


def test_every_url_answers_as_expected(walk):
    assert not walk.findings["status"], report(walk.findings["status"])


def test_no_interface_string_is_left_in_english(walk):
    assert not walk.findings["interface"], report(walk.findings["interface"])


def test_no_content_is_shown_only_in_english(walk):
    assert not walk.findings["content"], report(walk.findings["content"])


def test_no_link_leads_into_another_language_without_saying_so(walk):
    assert not walk.findings["link"], report(walk.findings["link"])


# --------------------------------------------------------------------------- the reader itself


def test_the_reader_skips_text_marked_as_another_language():
    markup = (
        '<html lang="pl"><head><title>Tytuł</title><script>var x = "Read more";</script></head>'
        '<body><p>Czytaj <b>więcej</b></p><a href="/pl/unavailable/1/"><span lang="en">Imprint</span>'
        ' (nieprzetłumaczone)</a><img alt=\'Logo\'><br><nav class="lang-switch"><a href="/en/">English</a>'
        "</nav><a href='/en/x/'>x</a></body></html>"
    )
    reader = Reader("pl")
    reader.feed(markup)
    reader.close()
    polish = {text for text, lang in reader.texts if lang == "pl"}
    assert {"Tytuł", "Czytaj więcej", "(nieprzetłumaczone)", "Logo", "więcej"} <= polish
    assert "Imprint" not in polish and "Read more" not in " ".join(polish)
    assert reader.links == [
        ("/pl/unavailable/1/", False, False),
        ("/en/", False, True),
        ("/en/x/", False, False),
    ]
