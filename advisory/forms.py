"""The public forms of the advisory service: the request, the tracking link, the requester's answers.

Everything is validated here for the person filling in the form and again by the services; labels,
help and errors are translated, choices shown in the visitor's language. Free text goes through
`workflows.text`: names and titles on one line with nothing invisible, text areas without controls.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows.intake import ConsentField, HoneypotField, IntakeForm, language_choices
from workflows.text import MultiLineField, SingleLineEmailField, SingleLineField, collation_key
from workflows.uploads import MultipleFileField

from . import uploads
from .choices import BudgetBand, LanguageCode, ProgrammeLevel, ServiceType
from .models import AdvisoryRequest, ExpertiseArea, NetworkCountry

DESCRIPTION_MAX_LENGTH = 10_000
REASON_MAX_LENGTH = 5_000


class TelInput(forms.TextInput):
    input_type = "tel"


class PublicForm(IntakeForm):
    """The base of advisory's public forms (workflows.intake): the error summary, the honeypot check."""


class AdvisoryRequestForm(PublicForm):
    """The request for advice, as a visitor fills it in on the public site."""

    requester_name = SingleLineField(label=_("Your name"), max_length=200)
    requester_email = SingleLineEmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_(
            "We send the confirmation, with your reference number and the link to your tracking page, "
            "to this address."
        ),
    )
    requester_phone = SingleLineField(
        label=_("Telephone"), max_length=40, required=False, widget=TelInput(attrs={"autocomplete": "tel"})
    )
    organisation = SingleLineField(
        label=_("Organisation"),
        max_length=200,
        help_text=_("The ministry, agency or body that owns or plans the programme."),
    )
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=NetworkCountry.objects.active(),
        empty_label=_("Choose a country"),
    )
    programme_name = SingleLineField(label=_("Name of the programme"), max_length=200)
    programme_level = forms.ChoiceField(
        label=_("Level of the programme"), choices=ProgrammeLevel.choices, widget=forms.RadioSelect
    )
    service_type = forms.ChoiceField(
        label=_("Service you are interested in"),
        choices=[("", _("Choose a service")), *ServiceType.choices],
    )
    description = MultiLineField(
        label=_("What would you like advice on?"),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Describe the programme, where it stands and the questions you would like answered."),
    )
    expertise_areas = forms.ModelMultipleChoiceField(
        label=_("Areas of expertise needed"),
        queryset=ExpertiseArea.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick all that apply, or none if you are not sure."),
    )
    working_language = forms.ChoiceField(
        label=_("Working language"),
        choices=LanguageCode.choices,
        help_text=_("The language the experts should work with you in."),
    )
    budget_band = forms.ChoiceField(
        label=_("Budget available"),
        choices=BudgetBand.choices,
        initial=BudgetBand.UNKNOWN,
        widget=forms.RadioSelect,
    )
    desired_start = forms.DateField(
        label=_("Desired start"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    desired_end = forms.DateField(
        label=_("Desired end"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    attachments = MultipleFileField(
        policy=uploads.policy,
        label=_("Attach documents"),
        help_text=_(
            "Optional: up to 5 files, PDF, DOCX, XLSX or ODT, at most 10 MB each "
            "(for example a programme document or terms of reference)."
        ),
    )
    privacy_consent = ConsentField(
        label=_("I agree that my data is processed to handle this request, as the privacy notice describes."),
        required_message=_("Please agree to the processing of your data to submit the request."),
    )
    # Only bots fill it in; the template hides it from people and assistive technology.
    website = HoneypotField()

    summary_labels = {
        "description": _("Your question"),
        "privacy_consent": _("Consent to the processing of your data"),
    }

    # Shown as groups with a legend, in this order.
    FIELDSETS = (
        (_("About you"), ("requester_name", "requester_email", "requester_phone", "organisation", "country")),
        (_("Your programme"), ("programme_name", "programme_level")),
        (_("What you need"), ("service_type", "description", "expertise_areas", "working_language")),
        (_("Budget and timing"), ("budget_band", "desired_start", "desired_end")),
        (_("Documents"), ("attachments",)),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requester_name"].widget.attrs["autocomplete"] = "name"
        self.fields["requester_email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self._localise_choices()

    def _localise_choices(self):
        countries = self.fields["country"]
        countries.choices = [("", countries.empty_label)] + sorted(
            ((country.pk, str(country.country.name)) for country in countries.queryset),
            key=lambda choice: collation_key(choice[1]),
        )

        languages = self.fields["working_language"]
        languages.choices, active = language_choices(LanguageCode.choices)
        if active:
            languages.initial = active

        # The default-locale rows (those a request links), named in the visitor's language: one query.
        areas = self.fields["expertise_areas"]
        areas.queryset = ExpertiseArea.objects.canonical()
        areas.choices = sorted(
            ((area.pk, area.localised_name) for area in areas.queryset.localised()),
            key=lambda choice: collation_key(choice[1]),
        )

    def fieldsets(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]

    def clean_desired_start(self):
        start = self.cleaned_data.get("desired_start")
        if start and start < timezone.localdate():
            raise ValidationError(_("The desired start cannot be in the past."), code="past")
        return start

    def clean_desired_end(self):
        end = self.cleaned_data.get("desired_end")
        if end and end < timezone.localdate():
            raise ValidationError(_("The desired end cannot be in the past."), code="past")
        return end

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("desired_start"), cleaned.get("desired_end")
        if start and end and end < start:
            self.add_error(
                "desired_end", ValidationError(_("The desired end cannot be before the desired start."))
            )
        return cleaned


class ResendLinkForm(PublicForm):
    email = SingleLineEmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("The address you gave when you submitted your request."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


# The requester's actions on the tracking page ------------------------------------------------


class ActionForm(PublicForm):
    """One action on the tracking page; `state` is the state the page showed when it was drawn."""

    action = None
    state = forms.ChoiceField(choices=AdvisoryRequest.State.choices, widget=forms.HiddenInput)

    def __init__(self, *args, state=None, **kwargs):
        kwargs.setdefault("prefix", self.action)
        super().__init__(*args, **kwargs)
        if state is not None:
            self.fields["state"].initial = state


class ProvideInfoForm(ActionForm):
    action = "provide_info"

    comment = MultiLineField(
        label=_("Your answer"),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    attachments = MultipleFileField(
        policy=uploads.policy,
        label=_("Documents"),
        help_text=_("Optional: up to 5 files, PDF, DOCX, XLSX or ODT, at most 10 MB each."),
    )


class RequesterMessageForm(ActionForm):
    """The requester writes to the secretariat on their own initiative, with documents if they wish."""

    action = "message"
    summary_labels = {"body": _("Your message")}

    body = MultiLineField(
        label=_("Your message"),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    attachments = MultipleFileField(
        policy=uploads.policy,
        label=_("Documents"),
        help_text=_("Optional: up to 5 files, PDF, DOCX, XLSX or ODT, at most 10 MB each."),
    )


class ApproveTeamForm(ActionForm):
    action = "approve_team"


class ObjectTeamForm(ActionForm):
    action = "object_team"
    summary_labels = {"comment": _("Your concerns")}

    comment = MultiLineField(
        label=_("What concerns you about the proposed team?"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class WithdrawForm(ActionForm):
    action = "withdraw"
    summary_labels = {"comment": _("Reason for withdrawing")}

    comment = MultiLineField(
        label=_("Why do you withdraw your request?"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Withdrawing ends the request for good; it cannot be reopened."),
    )


class FeedbackForm(ActionForm):
    action = "feedback"
    summary_labels = {"score": _("Score")}

    score = forms.TypedChoiceField(
        label=_("How satisfied are you with the advice you received?"),
        coerce=int,
        choices=[
            (5, _("5 – very satisfied")),
            (4, _("4 – satisfied")),
            (3, _("3 – neither satisfied nor dissatisfied")),
            (2, _("2 – dissatisfied")),
            (1, _("1 – very dissatisfied")),
        ],
        widget=forms.RadioSelect,
    )
    comment = MultiLineField(
        label=_("Comment"),
        max_length=REASON_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional: what went well, and what could we do better?"),
    )


ACTION_FORMS = {
    form.action: form
    for form in (
        ProvideInfoForm,
        ApproveTeamForm,
        ObjectTeamForm,
        WithdrawForm,
        FeedbackForm,
        RequesterMessageForm,
    )
}
