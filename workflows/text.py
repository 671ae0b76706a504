"""Free text people type into public forms, made safe to store and to show as theirs.

A single-line value (a name, a title) is NFC-normalised, its whitespace collapsed, and refused when it
holds a line break (which would let it pose as a paragraph of our own in an e-mail), a bidirectional
control (U+202E shows "exe.pdf" for "fdp.exe"), another control or format character, or nothing visible
at all. A multi-line value keeps its line breaks and tabs and loses those characters instead.

Joiners and direction marks (U+200C, U+200D, U+200E, U+200F, U+061C) and the soft hyphen stay: scripts
such as Persian, Hindi or Hebrew need them; they never count as visible text, though.
"""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Embeddings, overrides and isolates: they reorder what follows them on screen.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Invisible characters copy and paste brings along, with no meaning in a name: dropped silently.
DROPPED = frozenset("\u200b\u2060\ufeff\u180e")
# Format characters that writing systems need.
KEPT_FORMAT = frozenset("\u200c\u200d\u200e\u200f\u061c\u00ad")
LINE_BREAKS = ("\r\n", "\r", "\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
_LINE_BREAK_RE = re.compile("|".join(re.escape(mark) for mark in LINE_BREAKS))


def _is_control(char):
    return unicodedata.category(char) == "Cc"


def _is_refused_format(char):
    return char in BIDI_CONTROLS or (
        unicodedata.category(char) == "Cf" and char not in KEPT_FORMAT and char not in DROPPED
    )


def has_visible_text(value):
    """Whether `value` shows anything: not only whitespace, joiners, marks and other format characters."""
    return any(not char.isspace() and unicodedata.category(char) not in ("Cf", "Cc") for char in value)


def _invisible():
    return ValidationError(_("Please enter visible text, not only invisible characters."), code="invisible")


def clean_line(value):
    """A single-line value, normalised; raises ValidationError (translated) for what may not be in it."""
    value = unicodedata.normalize("NFC", str(value or ""))
    if _LINE_BREAK_RE.search(value):
        raise ValidationError(_("Please write this on a single line."), code="line_break")
    if any(char in BIDI_CONTROLS for char in value):
        raise ValidationError(
            _("Please remove the invisible characters that change the direction of the text."), code="bidi"
        )
    if any(_is_control(char) and char != "\t" for char in value) or any(map(_is_refused_format, value)):
        raise ValidationError(
            _("Please remove the invisible control characters from this text."), code="control"
        )
    given = value.strip()
    value = "".join(char for char in value if char not in DROPPED)
    value = " ".join(value.split())
    if given and not has_visible_text(value):
        raise _invisible()
    return value


def clean_text(value):
    """A multi-line value, normalised: line breaks as "\\n", bidirectional and other controls removed.

    Raises ValidationError when nothing visible is left of a value that was not empty.
    """
    value = unicodedata.normalize("NFC", str(value or ""))
    given = value.strip()
    value = _LINE_BREAK_RE.sub("\n", value)
    value = "".join(
        char
        for char in value
        if char in "\n\t" or not (_is_control(char) or _is_refused_format(char) or char in DROPPED)
    )
    # Trailing spaces of each line go; the lines themselves stay as written.
    value = "\n".join(line.rstrip() for line in value.split("\n"))
    value = value.strip()
    if given and not has_visible_text(value):
        raise _invisible()
    return value


class _Cleaned:
    cleaner = None

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        value = type(self).cleaner(value)
        return value if value else self.empty_value


class SingleLineField(_Cleaned, forms.CharField):
    """A CharField for names and titles: see `clean_line`."""

    cleaner = staticmethod(clean_line)


class MultiLineField(_Cleaned, forms.CharField):
    """A CharField for text areas: see `clean_text`."""

    cleaner = staticmethod(clean_text)

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.Textarea)
        super().__init__(**kwargs)


class SingleLineEmailField(_Cleaned, forms.EmailField):
    """An EmailField that refuses line breaks and invisible characters with a clear message first."""

    cleaner = staticmethod(clean_line)


# Showing text people typed (e-mails, exports): tolerant, never raises; for values stored before these
# rules or written by other means.


def as_line(value, max_length=None):
    """`value` as one line: every line break and run of whitespace a single space, no controls or
    direction overrides, at most `max_length` characters (an ellipsis marks a cut)."""
    value = unicodedata.normalize("NFC", str(value or ""))
    value = "".join(" " if char.isspace() else char for char in value)
    value = "".join(char for char in value if not (_is_control(char) or _is_refused_format(char)))
    value = "".join(char for char in value if char not in DROPPED)
    value = " ".join(value.split())
    if max_length and len(value) > max_length:
        value = value[: max_length - 1].rstrip() + "…"
    return value


def as_text(value):
    """`value` with its line breaks as "\\n" and without controls or direction overrides."""
    value = unicodedata.normalize("NFC", str(value or ""))
    value = _LINE_BREAK_RE.sub("\n", value)
    value = "".join(
        char
        for char in value
        if char in "\n\t" or not (_is_control(char) or _is_refused_format(char) or char in DROPPED)
    )
    return "\n".join(line.rstrip() for line in value.split("\n")).strip()


def quoted(value, prefix="> "):
    """`value` (see `as_text`) with every line prefixed, as e-mail quotes it: it cannot pose as our text."""
    return "\n".join(prefix + line if line else prefix.rstrip() for line in as_text(value).split("\n"))


def collation_key(text):
    """Sort key for names shown to people: case and accents ignored, so "Österreich" sorts under O."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
