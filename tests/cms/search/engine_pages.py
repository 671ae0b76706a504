"""Pages both search engines are tested on, with words chosen for what each test checks.

Made through the factories (published through revisions) and indexed with `rebuild()`, so the
index holds what the site's own indexing writes. Invented words ("zorblat", "quorvex") keep the
tests independent of any other page.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from wagtail.rich_text import RichText

from cms.search.index import rebuild
from tests.cms.factories import (
    CallPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    PublicationPageFactory,
    PublicationTopicFactory,
    StandardPageFactory,
    TopicFactory,
    home_in,
)


def paragraphs(*texts):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


@dataclass
class Pages:
    open_call: object
    closed_call: object
    study: object
    topic: object
    listing: object
    article: object
    script: object
    phrase: object
    scattered: object
    german: object
    french: object
    polish: object


def make_pages():
    now = timezone.now()
    open_call = CallPageFactory(
        title="Zorblat cluster excellence call",
        summary="Funding for zorblat cluster excellence.",
        opens_at=now - timedelta(days=10),
        closes_at=now + timedelta(days=30),
    )
    closed_call = CallPageFactory(
        title="Zorblat cluster excellence call",
        summary="Funding for zorblat cluster excellence.",
        opens_at=now - timedelta(days=800),
        closes_at=now - timedelta(days=700),
        slug="zorblat-closed",
    )
    study = PublicationPageFactory(
        title="Zorblat study", abstract="<p>What zorblat clusters achieved in 2019.</p>"
    )
    topic = TopicFactory(name="Zorblat topic")
    PublicationTopicFactory(page=study, topic=topic)
    listing = NewsIndexPageFactory(
        title="Quorvex news", slug="quorvex-news", intro="<p>All quorvex news.</p>"
    )
    article = NewsArticlePageFactory(
        parent=listing, title="Quorvex news of the week", summary="Quorvex news in brief."
    )
    # Tags are stripped from page text, but text may hold "<" (a plain summary "a &lt; b"), and
    # titles are text as typed.
    script = NewsArticlePageFactory(
        parent=listing,
        title="Plinkety <b>safety</b>",
        summary="Plinkety pages &lt;script&gt;alert(1)&lt;/script&gt; stay plinkety & safe.",
    )
    phrase = StandardPageFactory(
        title="Frobnic report", body=paragraphs("A regional frobnic innovation strategy for all.")
    )
    scattered = StandardPageFactory(
        title="Frobnic notes", body=paragraphs("Strategy first; innovation later, frobnic always.")
    )
    german = StandardPageFactory(
        parent=home_in("de"),
        title="Zusammenarbeit im Ostseeraum",
        slug="ostseeraum",
        body=paragraphs("Die Konferenz der Clustermanager fand in Brüssel statt."),
    )
    french = StandardPageFactory(
        parent=home_in("fr"),
        title="Étude des pôles de compétitivité",
        slug="etude-poles",
        body=paragraphs("La coopération entre régions européennes."),
    )
    polish = StandardPageFactory(
        parent=home_in("pl"),
        title="Eksperci klastrów w regionach",
        slug="eksperci",
        body=paragraphs("Współpraca ekspertów z Brukseli."),
    )
    rebuild()
    return Pages(
        open_call=open_call,
        closed_call=closed_call,
        study=study,
        topic=topic,
        listing=listing,
        article=article,
        script=script,
        phrase=phrase,
        scattered=scattered,
        german=german,
        french=french,
        polish=polish,
    )
