"""The public intake form of a process: what every form a visitor without an account posts shares.

- `IntakeForm`: the base form. Errors as an error summary lists them (`error_summary()`, with
  `summary_labels` for fields whose label is a question), a honeypot (`HoneypotField`, checked by
  `honeypot_filled(data)` before the form is validated), consent (`ConsentField`) and the visitor's
  language preselected (`language_choices`). Free text goes through the fields of `workflows.text`.
- `FormLimits`: the rate limits of one public form, counted in the shared cache: posts and accepted
  actions per client address and hour, accepted actions per e-mail address and day. `admit` runs
  before the body is read (see `page_route_gate`); an invalid form gives its reservation back.
- `page_route_gate`: a `workflows.http.PostGateMiddleware` gate for the routes of a routable page,
  so a client over its limit is refused before its uploads are parsed.

How a second process uses it (an application form for labels, say):

    class ApplicationForm(IntakeForm):
        organisation = SingleLineField(label=_("Organisation"), max_length=200)
        consent = ConsentField(label=..., required_message=...)
        website = HoneypotField()  # the template hides it from people and assistive technology

    applications = FormLimits(
        "labels:application",
        posts=("LABELS_FORM_POSTS_PER_HOUR", 30),
        per_client=("LABELS_APPLICATIONS_PER_HOUR", 5),
        per_email=("LABELS_APPLICATIONS_PER_EMAIL_PER_DAY", 3),
    )
    early_gate = page_route_gate(ApplicationPage, {"form": applications}, refuse=views.refuse_limited)

    # in the view
    if not applications.admit(request): return views.refuse_limited(page, request, "form")
    if ApplicationForm.honeypot_filled(request.POST): ... look like a success, store nothing
    form = ApplicationForm(request.POST, request.FILES)
    if not form.is_valid(): applications.release(request)
    elif not applications.admit_email(form.cleaned_data["email"]): ... 429
"""

from collections.abc import Callable, Mapping
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.views import serve

from . import http
from .text import collation_key

HOUR = 60 * 60
DAY = 24 * HOUR


# The form -------------------------------------------------------------------------------------


class HoneypotField(forms.CharField):
    """A field people never see and naive bots fill in: whatever it holds marks the post as a bot's."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Leave this field empty"))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        # Out of the tab order, never filled in by the browser: a person cannot fill it by accident.
        return {**super().widget_attrs(widget), "tabindex": "-1", "autocomplete": "off"}


class ConsentField(forms.BooleanField):
    """A box the visitor must tick, with the sentence that says why when they did not."""

    def __init__(self, *, label: Any, required_message: Any, **kwargs: Any) -> None:
        kwargs.setdefault("error_messages", {"required": required_message})
        super().__init__(label=label, **kwargs)


def first_input_id(bound: forms.BoundField) -> str:
    """The id a link to a field should point at: the input itself, or the first of a group."""
    if bound.field.widget.use_fieldset:
        return f"{bound.auto_id}_0"
    return bound.auto_id


class IntakeForm(forms.Form):
    """Base of the forms a visitor posts: errors as the error summary lists them, in field order."""

    # Short names for fields whose label is a question or a sentence, as the error summary names them.
    summary_labels: Mapping[str, Any] = {}

    def error_summary(self) -> list[tuple[str | None, Any, Any]]:
        """[(anchor id or None, field name, message)] for the summary at the top of the page."""
        summary = [(None, None, message) for message in self.non_field_errors()]
        for name, field in self.fields.items():
            bound = self[name]
            label = self.summary_labels.get(name, field.label)
            for message in bound.errors:
                summary.append((first_input_id(bound), label, message))
        return summary

    @classmethod
    def honeypot_filled(cls, data: Mapping[str, Any]) -> bool:
        """Whether a field only bots see was filled in (checked on the raw post, before validation)."""
        return any(
            bool((data.get(name) or "").strip())
            for name, field in cls.base_fields.items()
            if isinstance(field, HoneypotField)
        )


def language_choices(choices: list[tuple[str, Any]]) -> tuple[list[tuple[str, Any]], str | None]:
    """(choices sorted by their label as people read them, the active language if it is one of them)."""
    language = (get_language() or "").split("-")[0]
    values = {value for value, _label in choices}
    return sorted(choices, key=lambda choice: collation_key(choice[1])), (
        language if language in values else None
    )


# Rate limits ------------------------------------------------------------------------------------


class ClientRateLimit:
    """At most `limit` actions of one kind per client address and hour, for views that count attempts.

    `hit` increments first and returns the count, so the caller compares afterwards (`> limit`).
    """

    def __init__(self, name: str, setting: str, default: int = 5) -> None:
        self.name = name
        self.setting = setting
        self._counter = http.RateLimit(name, setting, default, HOUR)

    @property
    def limit(self) -> int:
        return self._counter.limit

    def hit(self, request: HttpRequest) -> int:
        return self._counter.count(http.client_key(request))

    def exceeded(self, request: HttpRequest) -> bool:
        return self._counter.used(http.client_key(request)) >= self.limit


def email_key(email: str | None) -> str:
    return http.hashed((email or "").strip().casefold(), "email")


class FormLimits:
    """The limits of one public form: posts and accepted actions per client, accepted actions per e-mail.

    Each of `posts`, `per_client`, `per_email` is (setting name, default).
    """

    def __init__(
        self,
        name: str,
        *,
        posts: tuple[str, int],
        per_client: tuple[str, int],
        per_email: tuple[str, int],
    ) -> None:
        self.name = name
        self.posts = http.RateLimit(f"{name}:posts", *posts, HOUR)
        self.per_client = http.RateLimit(f"{name}:client", *per_client, HOUR)
        self.per_email = http.RateLimit(f"{name}:email", *per_email, DAY)

    def _state(self, request: HttpRequest) -> dict[str, Any]:
        states = request.__dict__.setdefault("_intake_rate_limits", {})
        return states.setdefault(self.name, {})

    def admit(self, request: HttpRequest) -> bool:
        """Count this post against the client's limits; True when it may go on.

        Runs once per request (the early gate, else the view): reads no body. A post that is admitted
        holds one of the client's accepted actions until `release` gives it back.
        """
        state = self._state(request)
        if "admitted" not in state:
            key = http.client_key(request)
            admitted = self.posts.hit(key)
            if admitted:
                admitted = self.per_client.hit(key)
                state["reserved"] = True
                if not admitted:
                    self.per_client.undo(key)
                    state["reserved"] = False
            state["admitted"] = admitted
        return state["admitted"]

    def release(self, request: HttpRequest) -> None:
        """The post stored nothing (invalid form): give the client's accepted action back."""
        state = self._state(request)
        if state.pop("reserved", False):
            self.per_client.undo(http.client_key(request))

    def admit_email(self, email: str) -> bool:
        """Count one accepted action for `email`; True when it is within the address's daily limit."""
        key = email_key(email)
        if self.per_email.hit(key):
            return True
        self.per_email.undo(key)
        return False

    def release_email(self, email: str) -> None:
        self.per_email.undo(email_key(email))


# Refusing before the body is read ------------------------------------------------------------------

Refusal = Callable[[Page, HttpRequest, str], HttpResponse]


def page_route_gate(
    page_class: type[Page], limits: Mapping[str, FormLimits], *, refuse: Refusal
) -> Callable[..., HttpResponse | None]:
    """A PostGateMiddleware gate: posts to the routes of `page_class` named in `limits` are admitted
    by their limits before the body is read, else answered by `refuse(page, request, route name)`.
    """

    def gate(request: HttpRequest, view_func: Callable, view_args: tuple, view_kwargs: dict) -> Any:
        if view_func is not serve:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        # Wagtail caches the route on the request: serve() does not look it up again.
        route = Page.route_for_request(request, path)
        if route is None or not isinstance(route[0], page_class):
            return None
        match = getattr(request, "routable_resolver_match", None)
        route_name = getattr(match, "url_name", None)
        form_limits = limits.get(route_name)
        if form_limits is None or form_limits.admit(request):
            return None
        return refuse(route[0], request, route_name)

    return gate
