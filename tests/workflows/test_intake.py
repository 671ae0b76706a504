"""The public intake form's shared pieces (workflows.intake): the honeypot, consent, the error summary,
the visitor's language first, and the limits of a form counted before and after validation."""

import uuid

import pytest
from django import forms
from django.test import RequestFactory, override_settings
from django.utils import translation

from workflows.intake import (
    ConsentField,
    FormLimits,
    HoneypotField,
    IntakeForm,
    email_key,
    language_choices,
)
from workflows.text import SingleLineField


class ApplicationForm(IntakeForm):
    organisation = SingleLineField(label="Organisation", max_length=50)
    levels = forms.MultipleChoiceField(
        label="Which levels?",
        choices=[("bronze", "Bronze"), ("gold", "Gold")],
        widget=forms.CheckboxSelectMultiple,
    )
    consent = ConsentField(label="I agree.", required_message="Agree to go on.")
    website = HoneypotField()

    summary_labels = {"levels": "Levels"}


def test_the_honeypot_is_read_from_the_raw_post():
    assert ApplicationForm.honeypot_filled({"website": "http://spam.example"})
    assert not ApplicationForm.honeypot_filled({"website": "   "})
    assert not ApplicationForm.honeypot_filled({})
    # A form without a honeypot is never taken for a bot's.
    assert not IntakeForm.honeypot_filled({"website": "x"})


def test_the_honeypot_is_out_of_the_tab_order_and_never_autofilled():
    html = str(ApplicationForm()["website"])
    assert 'tabindex="-1"' in html and 'autocomplete="off"' in html
    assert ApplicationForm(
        {"organisation": "A", "levels": ["gold"], "consent": "on", "website": ""}
    ).is_valid()


def test_the_error_summary_lists_errors_in_field_order_with_short_names():
    form = ApplicationForm({"organisation": "", "levels": [], "website": ""})
    form.is_valid()
    form.add_error(None, "Try again later.")
    assert form.error_summary() == [
        (None, None, "Try again later."),
        ("id_organisation", "Organisation", "This field is required."),
        ("id_levels_0", "Levels", "This field is required."),  # a group: its first box
        ("id_consent", "I agree.", "Agree to go on."),
    ]


def test_languages_are_sorted_as_people_read_them_and_the_visitors_is_preselected():
    choices = [("pl", "Polski"), ("de", "Deutsch"), ("en", "English"), ("es", "Español")]
    with translation.override("de"):
        assert language_choices(choices) == (
            [("de", "Deutsch"), ("en", "English"), ("es", "Español"), ("pl", "Polski")],
            "de",
        )
    with translation.override("fr"):
        assert language_choices(choices)[1] is None


def request_from(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


@pytest.fixture
def limits():
    name = f"test-intake-{uuid.uuid4().hex[:8]}"  # keys of its own: no other test's counts
    return FormLimits(
        name,
        posts=("TEST_INTAKE_POSTS", 3),
        per_client=("TEST_INTAKE_PER_CLIENT", 2),
        per_email=("TEST_INTAKE_PER_EMAIL", 1),
    )


def test_an_invalid_post_gives_its_reservation_back(limits):
    for _attempt in range(2):
        request = request_from("192.0.2.1")
        assert limits.admit(request)
        limits.release(request)  # the form was invalid: nothing stored
    assert limits.admit(request_from("192.0.2.1"))  # the second accepted action is still there


def test_a_client_gets_its_accepted_actions_then_is_refused(limits):
    assert limits.admit(request_from("192.0.2.1"))
    assert limits.admit(request_from("192.0.2.1"))
    assert not limits.admit(request_from("192.0.2.1"))
    assert limits.admit(request_from("198.51.100.7"))  # another client is not held back


def test_posts_are_counted_even_when_released(limits):
    for _attempt in range(3):
        request = request_from("192.0.2.1")
        assert limits.admit(request)
        limits.release(request)
    assert not limits.admit(request_from("192.0.2.1"))  # the fourth post of the hour


def test_a_request_is_counted_once_however_often_it_is_asked(limits):
    request = request_from("192.0.2.1")
    assert all(limits.admit(request) for _ in range(5))
    assert limits.admit(request_from("192.0.2.1"))


def test_an_address_is_limited_whatever_its_case(limits):
    assert limits.admit_email("Maria@Ministry.example")
    assert not limits.admit_email(" maria@ministry.example ")
    limits.release_email("maria@ministry.example")
    assert limits.admit_email("maria@ministry.example")


def test_limits_follow_the_settings(limits):
    with override_settings(TEST_INTAKE_PER_CLIENT=1):
        assert limits.admit(request_from("192.0.2.1"))
        assert not limits.admit(request_from("192.0.2.1"))


def test_addresses_are_kept_only_as_keyed_hashes():
    key = email_key("maria@ministry.example")
    assert "maria" not in key and len(key) == 32
    with override_settings(SECRET_KEY="another-secret-key-for-this-test-only-0123456789"):
        assert email_key("maria@ministry.example") != key
