"""What a translation takes from its source, and whether the source's snapshot still matches it.

wagtail-localize translates a frozen snapshot of the source (TranslationSource.content_json), taken
when the source is submitted or synced. A translation falls behind when the source is published with
a change in a field the translation carries: a translated field (its text) or a synchronised one (a
date, an image, a link), both named by wagtail-localize's `get_translatable_fields`. Page bookkeeping
(revision ids, publication dates, the tree) is in neither, so publishing without a change is no change.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Page
from wagtail_localize.fields import get_translatable_fields


def serialized(instance):
    """The instance as wagtail-localize serialises it into a snapshot, as plain data."""
    if isinstance(instance, ClusterableModel):
        return json.loads(instance.to_json())
    return json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))


def carried(model, data):
    """The part of serialised `data` a translation of `model` carries."""
    names = [field.field_name for field in get_translatable_fields(model)]
    return {name: _as_data(data.get(name)) for name in names}


def _as_data(value):
    """A StreamField's value as data, not as the JSON text it is serialised to.

    The text's key order depends on how the value was last read: as stored (PostgreSQL's jsonb
    orders keys its own way) or through its blocks (anything that reads the blocks, such as the
    search index, reorders them). The same content must compare equal either way.
    """
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def differs_from_snapshot(instance, source):
    """Whether `instance` (the source object as now published) differs from `source`'s snapshot."""
    if isinstance(instance, Page):
        instance = instance.specific
    model = type(instance)
    return carried(model, serialized(instance)) != carried(model, json.loads(source.content_json))
