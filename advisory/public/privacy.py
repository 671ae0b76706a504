"""The requester asks, from the tracking page, for a copy of their data or for its erasure.

Staff handle the request with the data-subject tools (privacy app); here it is only recorded,
the coordinators are told and the requester gets a confirmation.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from privacy.models import Kind

from .. import privacy
from ..forms import PublicForm
from .common import redirect, session_or_refusal, track_url


class PrivacyRequestForm(PublicForm):
    kind = forms.ChoiceField(
        label=gettext_lazy("What would you like?"),
        choices=[
            (Kind.EXPORT, gettext_lazy("A copy of the personal data you hold about me")),
            (Kind.ERASURE, gettext_lazy("The erasure of my personal data")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose a copy of your data or its erasure.")},
    )


CONFIRMATIONS = {
    Kind.EXPORT: lambda: _(
        "We have received your request for a copy of your data. The secretariat will send it to the "
        "address you gave with your request, within one month at the latest."
    ),
    Kind.ERASURE: lambda: _(
        "We have received your request for the erasure of your data. The secretariat will confirm by "
        "e-mail once it is done, within one month at the latest."
    ),
}


def privacy_request(page, request, advisory_request):
    """POST from the tracking page; the caller has found the request this browser opened.

    Returns None when done (the caller redirects to the tracking page), else an error message.
    """
    form = PrivacyRequestForm(request.POST, prefix="privacy")
    if not form.is_valid():
        return " ".join(message for errors in form.errors.values() for message in errors)
    kind = form.cleaned_data["kind"]
    try:
        _subject_request, created = privacy.ask(advisory_request, kind, language=get_language())
    except ValidationError as error:
        return " ".join(error.messages)
    if created:
        messages.success(request, CONFIRMATIONS[kind]())
    else:
        messages.info(request, _("We already have this request of yours and are working on it."))
    return None


def view(page, request):
    """The route `track/privacy/`: only POST, only for a browser opened on a request."""
    if request.method != "POST":
        return redirect(track_url(page, request))
    advisory_request, refusal = session_or_refusal(page, request)
    if refusal is not None:
        return refusal
    error = privacy_request(page, request, advisory_request)
    if error:
        messages.error(request, error)
    return redirect(track_url(page, request) + "#privacy-title")
