"""Multilingual texts of the demo and the catalogue that wagtail-localize segments are looked up in.

A `T` holds one text in English and its translations. Plain texts (titles, summaries,
CharBlocks) are single segments; rich texts (HTML starting with a tag) are split by
wagtail-localize into one segment per paragraph, list item or heading. The catalogue
splits the English and the translated HTML the same way and pairs the pieces, so
translations are keyed on exactly the strings wagtail-localize extracts.
"""

from collections import defaultdict

from wagtail_localize.strings import StringValue, extract_strings

SOURCE_LANGUAGE = "en"


class T:
    """A text in English with its translations, keyed by language code."""

    __slots__ = ("en", "translations", "invariant")

    def __init__(self, en, *, invariant=False, **translations):
        self.en = en
        self.translations = translations
        self.invariant = invariant

    def __repr__(self):
        return f"T({self.en[:40]!r})"

    def get(self, language):
        if language == SOURCE_LANGUAGE or self.invariant:
            return self.en
        return self.translations.get(language)

    def languages(self):
        return set(self.translations)


def same(text):
    """A text that reads the same in every language (names, acronyms, addresses)."""
    return T(text, invariant=True)


def is_html(text):
    return text.lstrip().startswith("<")


def segments_of(text):
    """The strings wagtail-localize extracts from a value, in order."""
    if text == "":
        return []
    if is_html(text):
        _template, strings = extract_strings(text)
        return [string.data for string, _attrs in strings]
    return [StringValue.from_plaintext(text).data]


class CatalogueConflict(ValueError):
    pass


class Catalogue:
    """English segment -> translated segment, per language.

    Translations come from the `T` texts of the content and, for a segment no `T` translates,
    from the language's segment dictionary (`demo.site.translations`).
    """

    def __init__(self):
        self._entries = defaultdict(dict)
        self._segments = defaultdict(dict)
        self._invariants = set()

    def add_segments(self, language, mapping):
        """Translations of single extracted segments, used where no `T` gives one."""
        self._segments[language].update(mapping)
        return self

    def add(self, text):
        if not isinstance(text, T):
            return
        source_segments = segments_of(text.en)
        if text.invariant:
            self._invariants.update(source_segments)
            return
        for language, translated in text.translations.items():
            translated_segments = segments_of(translated)
            if len(translated_segments) != len(source_segments):
                raise CatalogueConflict(
                    f"{language}: {len(translated_segments)} segments where the English has "
                    f"{len(source_segments)}: {text.en[:80]!r}"
                )
            for source, target in zip(source_segments, translated_segments, strict=True):
                known = self._entries[language].get(source)
                if known is not None and known != target:
                    raise CatalogueConflict(
                        f"{language}: two translations of {source[:80]!r}: {known[:60]!r} / {target[:60]!r}"
                    )
                self._entries[language][source] = target

    def collect(self, data):
        """Add every `T` found anywhere in nested lists, tuples, dicts and objects with `texts()`."""
        if isinstance(data, T):
            self.add(data)
        elif isinstance(data, dict):
            for value in data.values():
                self.collect(value)
        elif isinstance(data, list | tuple | set):
            for value in data:
                self.collect(value)
        elif hasattr(data, "texts"):
            for value in data.texts():
                self.collect(value)
        return self

    def translate(self, language, source):
        """The translation of one extracted segment, or None when the demo lacks it."""
        if source.strip() == "" or source in self._invariants:
            return source
        found = self._entries.get(language, {}).get(source)
        if found is None:
            found = self._segments.get(language, {}).get(source)
        return found

    def missing(self, language, data):
        """English segments of `data` (as `collect` walks it) that have no translation in `language`."""
        missing = []
        for text in _texts_in(data):
            if text.invariant:
                continue
            for segment in segments_of(text.en):
                if self.translate(language, segment) is None and segment not in missing:
                    missing.append(segment)
        return missing


def _texts_in(data):
    if isinstance(data, T):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _texts_in(value)
    elif isinstance(data, list | tuple | set):
        for value in data:
            yield from _texts_in(value)
    elif hasattr(data, "texts"):
        for value in data.texts():
            yield from _texts_in(value)
