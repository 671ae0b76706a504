"""Free text made safe to store and to show: single lines, text areas, and text quoted in e-mails."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from workflows import text


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("  Cluster   Excellence\tProgramme  ", "Cluster Excellence Programme"),
        ("Ministe\u0301rio", "Ministério"),  # NFC: one code point, as the keyboard would type it
        ("Cluster\u200bProgramme\ufeff", "ClusterProgramme"),  # zero-width space and BOM dropped
        (
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
        ),
        ("", ""),
    ],
)
def test_a_single_line_is_normalised(given, stored):
    assert text.clean_line(given) == stored


@pytest.mark.parametrize(
    ("given", "code"),
    [
        ("A\nB", "line_break"),
        ("A\r\nB", "line_break"),
        ("A\rB", "line_break"),
        ("A\u2028B", "line_break"),
        ("A\x85B", "line_break"),
        ("report\u202efdp.exe", "bidi"),
        ("\u2066isolated\u2069", "bidi"),
        ("bell\x07", "control"),
        ("tag\U000e0041", "control"),
        ("\u200b\u200b", "invisible"),
        ("\u200d\u200c\u200e", "invisible"),
    ],
)
def test_a_single_line_refuses_what_could_pose_as_our_text(given, code):
    with pytest.raises(ValidationError) as refused:
        text.clean_line(given)
    assert refused.value.code == code


def test_a_text_area_keeps_its_lines_and_loses_controls():
    given = "First\r\nSecond \u202eline\u202c\x07  \r\n\r\n\u200bThird\u2029Fourth"
    assert text.clean_text(given) == "First\nSecond line\n\nThird\nFourth"


def test_a_text_area_of_only_invisible_characters_is_refused():
    with pytest.raises(ValidationError) as refused:
        text.clean_text("\u200b\n\u200d")
    assert refused.value.code == "invisible"


def test_the_messages_are_translated():
    with translation.override("de"), pytest.raises(ValidationError) as refused:
        text.clean_line("A\nB")
    with translation.override("de"):
        assert refused.value.messages == ["Bitte schreiben Sie dies in eine einzige Zeile."]


def test_shown_as_one_line_text_cannot_break_or_turn_around():
    assert text.as_line("Programme\r\n\r\nURGENT: pay\u202e now") == "Programme URGENT: pay now"
    assert text.as_line("abcdefghij", 6) == "abcde…"


def test_quoted_text_has_every_line_marked():
    assert text.quoted("Our answer.\r\n\r\nDear colleagues,\u2028pay now.") == (
        "> Our answer.\n>\n> Dear colleagues,\n> pay now."
    )


def test_the_form_fields_clean_and_refuse():
    field = text.SingleLineField(max_length=10)
    assert field.clean("  a   b ") == "a b"
    with pytest.raises(ValidationError):
        field.clean("a\nb")
    with pytest.raises(ValidationError) as required:
        field.clean("\u200b")
    assert required.value.code == "invisible"
    assert text.MultiLineField(required=False).clean("a\r\nb") == "a\nb"
    email = text.SingleLineEmailField()
    with pytest.raises(ValidationError) as refused:
        email.clean("a@ex\u202eample.org")
    assert refused.value.code == "bidi"
