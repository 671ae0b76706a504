"""The coordinators' search boxes: requests by reference, organisation, requester and words of the
request; experts by name, country, language and expertise. Case- and accent-insensitive.

What a box holds is cut into words; every word must match somewhere (in any field), so
"müller berlin" finds Maria Müller's request about Berlin and nothing that only names one of them.

Free text is compared as one folded text per row (lowercase, accents stripped): the fields joined
by a separator no word can contain, so a word never matches across two fields. The database builds
it with one function, `advisory_request_text(...)` or `advisory_expert_text(...)`:

- on PostgreSQL, IMMUTABLE SQL functions over `unaccent` made by migration 0009, which also puts a
  trigram (pg_trgm) GIN index on each, so `LIKE '%word%'` is an index scan, not a read of every row;
- on SQLite, the same functions written here in Python and registered on the connection when a query
  uses them: SQLite runs them row by row inside the database (nothing is loaded into Python), over the
  rows the user's scope and the other filters leave; fine for the embedded default's sizes.

Countries, languages and expertise areas are small reference lists: a word is matched against their
names in the admin's language (and in English, and their codes) here in Python, then filtered by id.
"""

import re

from django.conf import settings
from django.db.models import Func, Q, TextField
from django.utils import translation
from django_countries import countries

from cms.search.analysis import fold

from .choices import LanguageCode
from .models import Expert, ExpertiseArea, NetworkCountry

# The most words one search uses (each adds a condition); the rest of a pasted paragraph is ignored.
MAX_WORDS = 8
MAX_WORD_LENGTH = 60
# Joins the fields of a row's text; Python's str.split() splits on it, so no search word holds it.
SEPARATOR = "\x1f"
# Words this short match codes ("DE", "pl") and the start of a name, not the inside of every text.
SHORT_WORD = 2
# Punctuation around a word (quotes, commas, brackets) is not part of it; inner "-", "@", "." are.
_EDGES = re.compile(r"^[^\w@]+|[^\w]+$")


def search_words(text, limit=MAX_WORDS):
    """The folded, distinct words of what was typed, at most `limit`; NUL and control characters go."""
    words = []
    for raw in fold((text or "").replace("\x00", " ")).split():
        word = _EDGES.sub("", raw)[:MAX_WORD_LENGTH]
        if word and word not in words:
            words.append(word)
        if len(words) == limit:
            break
    return words


# The row texts, as the database functions of the same name build them (the PostgreSQL ones are
# in migration 0009 and must stay equal to these).


def request_text(reference, organisation, requester_name, requester_email, programme, description, scope):
    reference = reference or ""
    parts = (
        f"{reference} {reference.replace('-', '')}",
        organisation,
        requester_name,
        requester_email,
        programme,
        description,
        scope,
    )
    return fold(SEPARATOR.join(part or "" for part in parts))


def expert_text(name, email, employer):
    return fold(SEPARATOR.join(part or "" for part in (name, email, employer)))


_SQLITE_FUNCTIONS = {"advisory_request_text": (request_text, 7), "advisory_expert_text": (expert_text, 3)}


class _RowText(Func):
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        # Registering is idempotent and cheap; doing it here, not on connection_created, means no
        # connection opened before this module was imported can lack the function.
        connection.ensure_connection()
        implementation, arity = _SQLITE_FUNCTIONS[self.function]
        connection.connection.create_function(self.function, arity, implementation, deterministic=True)
        return self.as_sql(compiler, connection, **extra_context)


class RequestText(_RowText):
    function = "advisory_request_text"

    def __init__(self, **extra):
        super().__init__(
            "reference",
            "organisation",
            "requester_name",
            "requester_email",
            "programme_name",
            "description",
            "scope_summary",
            **extra,
        )


class ExpertText(_RowText):
    function = "advisory_expert_text"

    def __init__(self, **extra):
        super().__init__("name", "email", "employer", **extra)


def filter_requests(queryset, text):
    """`queryset` (already scoped to the user) narrowed to the requests matching every word of `text`.

    A reference matches typed in full or from its start, with or without "ADV" and the dashes:
    "ADV-2026-0042", "adv20260042", "2026-0042", "2026-00" all find ADV-2026-0042.
    """
    words = search_words(text)
    if not words:
        return queryset
    if all(len(word) <= SHORT_WORD for word in words):
        # A trigram index cannot serve one or two characters: alone, they would fold and read the
        # text of every row in scope. Alone they are most often a piece of a reference ("42"), so
        # that is where they look; beside a longer word they search everything that word narrowed.
        for word in words:
            queryset = queryset.filter(reference__icontains=word)
        return queryset
    queryset = queryset.alias(search_text=RequestText())
    for word in words:
        queryset = queryset.filter(search_text__contains=word)
    return queryset


# Experts ------------------------------------------------------------------------------------------


def _names(label):
    """A name and each of its words, folded, in the active language and in the site's default one.

    `label` is called (or str()-ed, when lazy) under each language, so it is translated there.
    """
    names = set()
    for language in {translation.get_language() or settings.LANGUAGE_CODE, settings.LANGUAGE_CODE}:
        with translation.override(language):
            name = fold(str(label() if callable(label) else label))
        names.add(name)
        names.update(name.split())
    return names


def _name_matches(word, names):
    return any(name.startswith(word) for name in names) if len(word) > SHORT_WORD else False


class ExpertVocabulary:
    """Countries, languages and expertise areas by their names in the admin's language: two queries
    (the network's countries, the areas with their translated names), made once per search."""

    def __init__(self):
        self.countries = [
            (pk, code.lower(), _names(lambda code=code: countries.name(code)))
            for pk, code in NetworkCountry.objects.values_list("pk", "country")
        ]
        self.languages = [(code, _names(label)) for code, label in LanguageCode.choices]
        self.areas = [
            (pk, code, {fold(local), fold(name)})
            for pk, code, local, name in ExpertiseArea.objects.canonical()
            .localised()
            .values_list("pk", "code", "localised_name", "name")
        ]

    def country_ids(self, word):
        return [pk for pk, code, names in self.countries if word == code or _name_matches(word, names)]

    def language_codes(self, word):
        return [code for code, names in self.languages if word == code or _name_matches(word, names)]

    def area_ids(self, word):
        return [
            pk
            for pk, code, names in self.areas
            if word == code or (len(word) > SHORT_WORD and any(word in name for name in names))
        ]


def filter_experts(queryset, text):
    """`queryset` narrowed to the experts matching every word of `text` by their name, e-mail or
    employer, home country (code or name), working language (code or name) or expertise area."""
    words = search_words(text)
    if not words:
        return queryset
    vocabulary = ExpertVocabulary()
    languages = Expert.languages.through.objects
    areas = Expert.expertise_areas.through.objects
    queryset = queryset.alias(search_text=ExpertText())
    for word in words:
        condition = Q(search_text__contains=word) if len(word) > SHORT_WORD else Q(name__istartswith=word)
        if country_ids := vocabulary.country_ids(word):
            condition |= Q(home_country__in=country_ids)
        if codes := vocabulary.language_codes(word):
            condition |= Q(pk__in=languages.filter(language_id__in=codes).values("expert_id"))
        if area_ids := vocabulary.area_ids(word):
            condition |= Q(pk__in=areas.filter(expertisearea_id__in=area_ids).values("expert_id"))
        queryset = queryset.filter(condition)
    return queryset
