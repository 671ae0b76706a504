"""Forms of the advisory admin. They check what a person typed; the rules stay in the domain, which
validates everything again (the engine, the services, the upload checks)."""

from django import forms
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from workflows.uploads import MultipleFileField

from .. import uploads
from ..choices import AssignmentRole, ServiceType, Visibility
from ..models import AdvisoryRequest, NetworkCountry
from ..roles import COORDINATORS, LEAD_COORDINATORS, user_roles
from ..selectors import QueueFilters

# What the comment of a transition is called in its form: "reason", "question", ...
COMMENT_LABELS = {
    ("advisoryrequest", "ask_info"): _("Your question to the requester"),
    ("advisoryrequest", "decline"): _("Reason for declining"),
    ("advisoryrequest", "hold"): _("Reason for the hold"),
    ("advisoryrequest", "resume"): _("Note on resuming"),
    ("advisoryrequest", "withdraw"): _("Reason for withdrawing"),
    ("assignment", "decline"): _("Reason for declining"),
    ("assignment", "withdraw"): _("Reason for withdrawing the invitation (optional)"),
    ("assignment", "release"): _("Reason for releasing the expert"),
    ("deliverable", "approve"): _("Comment for the expert (optional)"),
    ("deliverable", "request_changes"): _("What should change"),
}

# A sentence above a transition's form saying who learns what.
TRANSITION_HELP = {
    ("advisoryrequest", "screen"): _("You become the owner of this request."),
    ("advisoryrequest", "ask_info"): _(
        "The question is sent to the requester; the decision clock pauses until they answer."
    ),
    ("advisoryrequest", "accept"): _("The requester is told that the request is accepted."),
    ("advisoryrequest", "decline"): _("The reason is sent to the requester."),
    ("advisoryrequest", "propose_team"): _("The requester is asked to agree to the team."),
    ("advisoryrequest", "hold"): _("The requester and the team are told."),
    ("advisoryrequest", "deliver"): _("The request closes by itself after the feedback period."),
    ("advisoryrequest", "withdraw"): _("Withdraw on behalf of the requester; the engagement ends."),
    ("assignment", "accept"): _(
        "By accepting you confirm that neither you nor your employer has a conflict of interest "
        "with the requesting organisation."
    ),
    ("assignment", "release"): _("The expert leaves the team; the reason is sent to them."),
    ("deliverable", "approve"): _("The requester can download the deliverable once approved."),
}

# Form fields for declared transition fields that are not model fields of the object.
DECLARED_FIELDS = {
    "no_conflict": lambda: forms.BooleanField(
        label=_("I declare that I have no conflict of interest with the requesting organisation."),
        required=True,
        error_messages={"required": _("Declare that you have no conflict of interest to accept.")},
    ),
}

# Optional inputs a transition uses besides its declared fields.
OPTIONAL_FIELDS = {
    ("assignment", "accept"): ("conflict_statement",),
}

TEXT_MAX_LENGTH = 5000
# What a search box takes; longer input is cut, not refused (a pasted paragraph still searches).
SEARCH_MAX_LENGTH = 200


def _key(obj, meta):
    return (obj._meta.model_name, meta.name)


def _field_for(obj, name, required):
    if name in DECLARED_FIELDS:
        return DECLARED_FIELDS[name]()
    model_field = obj._meta.get_field(name)
    if isinstance(model_field, models.TextField):
        field = forms.CharField(
            label=capfirst(model_field.verbose_name),
            help_text=model_field.help_text,
            widget=forms.Textarea(attrs={"rows": 4}),
            max_length=TEXT_MAX_LENGTH,
        )
    else:
        field = model_field.formfield()
        field.label = capfirst(model_field.verbose_name)
    field.required = required
    field.initial = getattr(obj, name, None)
    return field


class TransitionForm(forms.Form):
    """The inputs one transition asks for: its comment (reason, question) and its declared fields.

    `expected_state` carries the state the person saw, so a change in between is refused, not applied.
    """

    expected_state = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, obj, meta, **kwargs):
        kwargs.setdefault("prefix", f"{obj._meta.model_name}-{obj.pk}-{meta.name}")
        super().__init__(*args, **kwargs)
        self.obj, self.meta = obj, meta
        self.fields["expected_state"].initial = getattr(obj, meta.field_name)
        key = _key(obj, meta)
        for name in meta.fields:
            self.fields[name] = _field_for(obj, name, required=True)
        for name in OPTIONAL_FIELDS.get(key, ()):
            self.fields[name] = _field_for(obj, name, required=False)
            self.fields[name].initial = ""
        if meta.requires_comment or "comment" in meta.call_arguments:
            default = _("Reason") if meta.requires_comment else _("Comment (optional)")
            self.fields["comment"] = forms.CharField(
                label=COMMENT_LABELS.get(key, default),
                required=meta.requires_comment,
                max_length=TEXT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        self.help = TRANSITION_HELP.get(key, "")

    @property
    def asks_for_input(self):
        """Whether the form has more than the hidden state, so it needs a dialog rather than one button."""
        return len(self.fields) > 1

    def perform_kwargs(self):
        data = {
            name: self.cleaned_data.get(name)
            for name in (*self.meta.fields, *OPTIONAL_FIELDS.get(_key(self.obj, self.meta), ()))
        }
        return {
            "comment": self.cleaned_data.get("comment", ""),
            "data": data,
            "expected_state": self.cleaned_data["expected_state"],
        }

    def add_engine_errors(self, error):
        """Show a TransitionInputError of the engine next to the fields it names."""
        for name, messages in error.message_dict.items():
            for message in messages:
                self.add_error(name if name in self.fields else None, message)


class QueueFilterForm(forms.Form):
    """The queue's filters, from the query string; an invalid value is ignored, not an error page."""

    ORDERING_CHOICES = [
        ("sla", _("Most urgent first")),
        ("newest", _("Newest first")),
        ("oldest", _("Oldest first")),
        ("reference", _("Reference")),
    ]
    # The sort keys of the table's column headers, as the queue names them.
    ORDERING_ALIASES = {
        "submitted": "oldest",
        "-submitted": "newest",
        "-sla": "sla",
        "-reference": "reference",
    }

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        help_text=_(
            "Reference, organisation, requester's name or e-mail, words of the programme or the "
            "description; every word must match."
        ),
    )
    state = forms.ChoiceField(label=_("State"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    service_type = forms.ChoiceField(
        label=_("Service"), required=False, choices=[("", _("All services")), *ServiceType.choices]
    )
    owner = forms.ChoiceField(label=_("Owner"), required=False)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    ordering = forms.CharField(label=_("Sort by"), required=False, widget=forms.Select)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["state"].choices = [("", _("All states"))] + [
            (value, label)
            for value, label in AdvisoryRequest.State.choices
            if value != AdvisoryRequest.State.NEW
        ]
        roles = user_roles(user)
        countries = NetworkCountry.objects.filter(active=True)
        if not (roles.is_lead or roles.is_superuser):
            countries = countries.filter(pk__in=roles.country_ids)
        country_choices = sorted(
            ((c.country.code, c.country.name) for c in countries), key=lambda c: str(c[1])
        )
        self.fields["country"].choices = [("", _("All countries")), *country_choices]
        coordinators = (
            get_user_model()
            .objects.filter(is_active=True, groups__name__in=[COORDINATORS, LEAD_COORDINATORS])
            .exclude(pk=user.pk)
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
        self.fields["owner"].choices = [
            ("", _("Anyone")),
            ("me", _("Mine")),
            ("none", _("Nobody yet")),
            *((str(u.pk), u.get_full_name() or u.get_username()) for u in coordinators),
        ]
        self.fields["ordering"].widget.choices = self.ORDERING_CHOICES

    def visible_selects(self):
        """The select boxes of the filter bar, in their order (search, state and overdue render apart)."""
        return [self[name] for name in ("country", "service_type", "owner", "ordering")]

    def full_clean(self):
        # A long pasted text searches by its first words, and a NUL byte is dropped, instead of the
        # whole filter bar being invalid (and the search silently ignored).
        text = self.data.get("q", "") if self.data else ""
        if len(text) > SEARCH_MAX_LENGTH or "\x00" in text:
            self.data = self.data.copy()
            self.data["q"] = text.replace("\x00", "")[:SEARCH_MAX_LENGTH]
        super().full_clean()

    def clean_ordering(self):
        value = self.cleaned_data.get("ordering") or "sla"
        value = self.ORDERING_ALIASES.get(value, value)
        return value if value in dict(self.ORDERING_CHOICES) else "sla"

    def queue_filters(self):
        """The valid filters as the queue selector takes them."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return QueueFilters(
            state=data.get("state") or "",
            country=data.get("country") or None,
            service_type=data.get("service_type") or "",
            owner=data.get("owner") or None,
            overdue=bool(data.get("overdue")),
            search=(data.get("q") or "").strip(),
            ordering=data.get("ordering") or "sla",
        )


class ExpertSearchForm(forms.Form):
    """The search box of the experts' list."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        help_text=_(
            "Name, e-mail or employer, home country, working language or expertise area, in your "
            "language or in English, or as a code (DE, pl); every word must match."
        ),
    )

    def search_text(self):
        text = self.data.get("q") or "" if self.data else ""
        return text.replace("\x00", "")[:SEARCH_MAX_LENGTH].strip()


class MessageForm(forms.Form):
    """A message on a request's thread: an internal note, or shared with the requester."""

    body = forms.CharField(label=_("Message"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4}))
    visibility = forms.ChoiceField(label=_("Who may read it"), widget=forms.RadioSelect)
    attachments = MultipleFileField(
        policy=uploads.policy,
        label=_("Attachments"),
        help_text=_("PDF, DOCX, XLSX or ODT."),
    )

    def __init__(self, *args, visibilities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visibility"].choices = [
            (value, label) for value, label in Visibility.choices if value in visibilities
        ]
        if len(visibilities) == 1:
            self.fields["visibility"].initial = next(iter(visibilities))
            self.fields["visibility"].widget = forms.HiddenInput()
        else:
            self.fields["visibility"].initial = Visibility.INTERNAL


class InviteForm(forms.Form):
    expert = forms.IntegerField(widget=forms.HiddenInput)
    role = forms.ChoiceField(label=_("Role"), choices=AssignmentRole.choices)


class DeliverableUploadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    file = forms.FileField(label=_("File"), help_text=_("PDF, DOCX, XLSX or ODT, checked by its content."))
