"""Comparing a source with its snapshot: the content counts, not how its JSON text is written."""

from cms.models import NewsArticlePage
from translations.content import carried

BODY_AS_STORED = '[{"id": "b1", "type": "paragraph", "value": "<p>Clusters met in Brussels.</p>"}]'
BODY_AS_READ = '[{"type": "paragraph", "value": "<p>Clusters met in Brussels.</p>", "id": "b1"}]'


def test_a_stream_field_in_another_key_order_is_the_same_content():
    stored = carried(NewsArticlePage, {"title": "Meeting", "body": BODY_AS_STORED})
    read = carried(NewsArticlePage, {"title": "Meeting", "body": BODY_AS_READ})
    assert stored == read


def test_a_changed_paragraph_is_a_change():
    changed = BODY_AS_STORED.replace("Brussels", "Vienna")
    assert carried(NewsArticlePage, {"body": BODY_AS_STORED}) != carried(NewsArticlePage, {"body": changed})
