"""The requester's side of the advisory service, served as routes of RequestFormPage.

Thin: forms validate, services and the workflow engine do the work. The page's URLconf
(advisory.public.urls) names the routes; what every route shares is in advisory.public.common.
"""

import logging
import secrets
from base64 import urlsafe_b64decode, urlsafe_b64encode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.utils import ErrorDict
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from workflows.actors import Actor
from workflows.available import available_transitions
from workflows.downloads import serve_private_file
from workflows.engine import perform
from workflows.exceptions import (
    StaleTransition,
    TransitionForbidden,
    TransitionInputError,
    TransitionUnavailable,
)
from workflows.http import client_key

from .. import selectors, services, spam
from ..forms import (
    ACTION_FORMS,
    AdvisoryRequestForm,
    ApproveTeamForm,
    FeedbackForm,
    ObjectTeamForm,
    ProvideInfoForm,
    RequesterMessageForm,
    ResendLinkForm,
    WithdrawForm,
)
from ..models import AdvisoryRequest
from . import access, tracking
from .common import (
    SAME_ORIGIN,
    make_private,
    open_page,
    redirect,
    render,
    session_or_refusal,
    track_url,
)

security_log = logging.getLogger("advisory.security")

SESSION_KEY = "advisory_submission"


def _files_not_kept():
    return _(
        "For your security, files you selected are not kept when the form is shown again: "
        "please select them again."
    )


def _apply_errors(form, error, default_field=None):
    """Put a service's ValidationError onto the form: on the field it names, else `default_field`."""
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else default_field, errors)
    else:
        form.add_error(default_field, error.messages)


# The request form ---------------------------------------------------------------------------


def _limited_message():
    return _(
        "We have received several requests from your network within the last hour. Please try again "
        "later. What you entered was not sent; your browser's back button may still have it."
    )


def _email_limited_message():
    return _(
        "We have received several requests for this e-mail address today. Please try again tomorrow, "
        "or write to the secretariat."
    )


def _unbound_with_error(form, message):
    # The post was not read, so the form is blank: it carries only this error in its summary.
    form.cleaned_data, form._errors = {}, ErrorDict()
    form.add_error(None, message)
    return form


def refuse_limited(page, request, route_name):
    """429 for a client over its limit, decided before the post's body (and its uploads) was read."""
    if route_name == "resend":
        form = _unbound_with_error(
            ResendLinkForm(),
            _("Too many attempts from your network within the last hour. Please try again later."),
        )
        route = page.reverse_subpage("resend")
        return render(
            page, request, "resend", {"form": form}, status=429, route=route, referrer_policy=SAME_ORIGIN
        )
    form = _unbound_with_error(AdvisoryRequestForm(), _limited_message())
    return _render_form(page, request, form, status=429)


def _render_form(page, request, form, status=200):
    privacy_page = page.privacy_page.localized if page.privacy_page_id else None
    return render(
        page,
        request,
        "form",
        {"form": form, "privacy_page": privacy_page if privacy_page and privacy_page.live else None},
        status=status,
        private=False,
    )


def request_form(page, request):
    if request.method != "POST":
        return _render_form(page, request, AdvisoryRequestForm())
    # Before request.POST is touched: a limited client's body is never parsed (the early gate of
    # advisory.spam has usually decided already; this covers a view called without the middleware).
    if not spam.submissions.admit(request):
        return refuse_limited(page, request, "form")
    if AdvisoryRequestForm.honeypot_filled(request.POST):
        # Look like a success, store nothing: the bot learns nothing it could adapt to. It keeps the
        # client's allowance used up.
        security_log.info(
            "Request form: honeypot filled by client %s; nothing stored.", client_key(request)[:12]
        )
        fake = f"ADV-{timezone.localdate().year}-{secrets.randbelow(9000) + 1000:04d}"
        return _to_thanks(page, request, fake, secrets.token_urlsafe(32))
    form = AdvisoryRequestForm(request.POST, request.FILES)
    status = 200
    if not form.is_valid():
        spam.submissions.release(request)
    else:
        email = form.cleaned_data["requester_email"]
        if not spam.submissions.admit_email(email):
            spam.submissions.release(request)
            form.add_error(None, _email_limited_message())
            status = 429
        else:
            try:
                advisory_request, token = services.submit_request(
                    form.cleaned_data, files=form.cleaned_data["attachments"], language=get_language()
                )
            except ValidationError as error:
                spam.submissions.release(request)
                spam.submissions.release_email(email)
                _apply_errors(form, error)
            else:
                return _to_thanks(page, request, advisory_request.reference, token)
    if request.FILES:
        form.add_error("attachments", _files_not_kept())
    return _render_form(page, request, form, status=status)


# The confirmation shows the tracking link once, after a redirect; the raw token must not rest in the
# session store meanwhile. The session keeps it sealed with a one-time pad the browser alone holds, in
# a short-lived cookie limited to the confirmation's path: neither half reveals anything without the other.
THANKS_COOKIE = "advisory_thanks"
THANKS_COOKIE_SECONDS = 10 * 60


def _xor(data, pad):
    return bytes(a ^ b for a, b in zip(data, pad, strict=True))


def _to_thanks(page, request, reference, token):
    raw = token.encode()
    pad = secrets.token_bytes(len(raw))
    request.session[SESSION_KEY] = {
        "reference": reference,
        "sealed": urlsafe_b64encode(_xor(raw, pad)).decode(),
    }
    thanks_path = page.get_url(request) + page.reverse_subpage("thanks")
    response = redirect(thanks_path)
    response.set_cookie(
        THANKS_COOKIE,
        urlsafe_b64encode(pad).decode(),
        max_age=THANKS_COOKIE_SECONDS,
        path=thanks_path,
        secure=request.is_secure(),
        httponly=True,
        samesite="Strict",
    )
    return response


def _unseal(request, submission):
    """The token sealed for the confirmation, or "" (already shown, cookie gone, or tampered)."""
    try:
        sealed = urlsafe_b64decode(submission["sealed"])
        pad = urlsafe_b64decode(request.COOKIES.get(THANKS_COOKIE, ""))
        return _xor(sealed, pad).decode("ascii") if len(sealed) == len(pad) > 0 else ""
    except (KeyError, TypeError, ValueError):
        return ""


def thanks(page, request):
    """The confirmation: reference and tracking link, carried in the session, never in the URL.

    The link is shown once; a reload shows the reference and points to the e-mail. Its token sits in
    the link's fragment (see advisory.public.access), so following it sends no token to any server.
    """
    submission = request.session.get(SESSION_KEY)
    tracking_url = ""
    if isinstance(submission, dict) and submission.get("sealed"):
        token = _unseal(request, submission)
        tracking_url = page.tracking_url(token, request) if token else ""
        request.session[SESSION_KEY] = {"reference": submission.get("reference", "")}
    response = render(
        page,
        request,
        "thanks",
        {"submission": submission, "tracking_url": tracking_url},
        route=page.reverse_subpage("thanks"),
    )
    if THANKS_COOKIE in request.COOKIES:
        response.delete_cookie(THANKS_COOKIE, path=request.path)
    return response


def resend(page, request):
    status = 200
    if request.method == "POST":
        if not spam.resends.admit(request):
            return refuse_limited(page, request, "resend")
        form = ResendLinkForm(request.POST)
        if not form.is_valid():
            spam.resends.release(request)
        elif not spam.resends.admit_email(form.cleaned_data["email"]):
            # Said the same way whether or not the address has requests: nothing to learn from it.
            spam.resends.release(request)
            form.add_error(None, _email_limited_message())
            status = 429
        else:
            services.resend_tracking_link(form.cleaned_data["email"])
            messages.success(
                request,
                _("If we have open requests for this address, we've sent the links again."),
            )
            return redirect(page.get_url(request) + page.reverse_subpage("resend"))
    else:
        form = ResendLinkForm()
    route = page.reverse_subpage("resend")
    return render(
        page, request, "resend", {"form": form}, status=status, route=route, referrer_policy=SAME_ORIGIN
    )


# Tracking -----------------------------------------------------------------------------------
# A browser sees a request through a short session (advisory.public.access), opened by posting the
# link's token or a sign-in code to `track/open/`. No URL below carries a token, except the routes
# of links sent before tokens moved to the fragment: they exchange the token and redirect at once.


def _find(page, request, code, route):
    advisory_request = access.sessions.find(code)
    if advisory_request is None:
        # Never the token itself: logs are read by more people than the requester.
        security_log.warning(
            "Tracking link not valid (%s route, page %s) from client %s",
            route,
            page.pk,
            client_key(request)[:12],
        )
    return advisory_request


def _invalid(page, request):
    return render(page, request, "invalid", {}, status=404, route=page.reverse_subpage("resend"))


def _too_many_opens(page, request):
    security_log.warning(
        "Tracking: too many attempts to open a request (page %s) from client %s",
        page.pk,
        client_key(request)[:12],
    )
    error = _("Too many attempts from your network within the last hour. Please try again later.")
    return open_page(page, request, status=429, error=error)


def open_request(page, request):
    """POST: exchange a tracking token or sign-in code for a session on its request, then show it."""
    if request.method != "POST":
        return redirect(track_url(page, request))
    # Counted before the lookup, whatever its outcome: guessing costs an attempt each time.
    if spam.opens.hit(request) > spam.opens.limit:
        return _too_many_opens(page, request)
    form = access.OpenForm(request.POST)
    if not form.is_valid():
        return open_page(page, request, form=form, status=400)
    advisory_request = _find(page, request, form.cleaned_data["link"], "open")
    if advisory_request is None:
        return _invalid(page, request)
    access.sessions.open(request, advisory_request)
    return redirect(track_url(page, request))


def legacy_link(page, request, token, route=""):
    """A link sent before tokens moved to the fragment: exchange its token, redirect to the URL without it.

    Its first request still names the token in the path (and so may reach an access log); the
    redirect and the page after it do not, and say "no-referrer".
    """
    if spam.opens.hit(request) > spam.opens.limit:
        return _too_many_opens(page, request)
    advisory_request = _find(page, request, token, "legacy")
    if advisory_request is None:
        return _invalid(page, request)
    access.sessions.open(request, advisory_request)
    return make_private(redirect(track_url(page, request, route)))


def legacy_deliverable(page, request, token, pk):
    return legacy_link(page, request, token, f"deliverables/{pk}/")


def legacy_attachment(page, request, token, pk):
    return legacy_link(page, request, token, f"files/{pk}/")


def track(page, request):
    """The request this browser opened, with the requester's actions; without one, the open page."""
    ended = access.sessions.had_session(request)
    advisory_request = access.sessions.current(request)
    if advisory_request is None:
        return open_page(page, request, status=403 if request.method == "POST" else 200, ended=ended)
    actor = Actor.requester(advisory_request)
    route = page.reverse_subpage("track")
    bound, status = None, 200
    if request.method == "POST":
        outcome = _perform_action(request, advisory_request, actor)
        if outcome is None:
            return redirect(track_url(page, request))
        bound, status = outcome
        # Whatever happened, show the request as it is now.
        advisory_request = AdvisoryRequest.objects.get(pk=advisory_request.pk)
    context = _tracking_context(page, request, advisory_request, actor, bound)
    return render(page, request, "track", context, status=status, route=route, referrer_policy=SAME_ORIGIN)


def sign_out(page, request):
    """POST: this browser no longer sees the request (the link keeps working)."""
    if request.method == "POST":
        access.sessions.end(request)
        messages.success(
            request, _("You have signed out of your request. Open the link from our e-mail to see it again.")
        )
    return redirect(track_url(page, request))


def replace_link(page, request):
    """POST: "this link leaked": a new link is e-mailed to the requester; the old one stops working."""
    if request.method != "POST":
        return redirect(track_url(page, request))
    advisory_request, refusal = session_or_refusal(page, request)
    if refusal is not None:
        return refusal
    try:
        services.rotate_tracking_link(advisory_request, actor=Actor.requester(advisory_request))
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect(track_url(page, request))
    # The link this browser was opened with is dead: so is its access, like everyone else's.
    access.sessions.end(request)
    messages.success(
        request,
        _(
            "We have e-mailed a new link to the address you gave with your request. "
            "The old link no longer works."
        ),
    )
    return redirect(track_url(page, request))


SUCCESS_MESSAGES = {
    ProvideInfoForm.action: lambda: _("Thank you: your answer has been sent to the secretariat."),
    ApproveTeamForm.action: lambda: _("Thank you: you agreed to the team, and the engagement can start."),
    ObjectTeamForm.action: lambda: _(
        "Your concerns have been sent to the secretariat, who will come back to you."
    ),
    WithdrawForm.action: lambda: _("Your request has been withdrawn."),
    FeedbackForm.action: lambda: _("Thank you for your feedback."),
    RequesterMessageForm.action: lambda: _(
        "Your message has been sent to the secretariat. We will answer here and tell you by e-mail."
    ),
}


def _messages_limited():
    return _(
        "You have sent several messages within a short time. Please try again later, or write to the "
        "secretariat by e-mail. Your message was not sent."
    )


def _limited(request, form):
    form.add_error(None, _messages_limited())
    if request.FILES:
        form.add_error("attachments", _files_not_kept())
    return form, 429


def _send_message(request, advisory_request, actor, form):
    """The requester's own message: counted against the limits first, given back if it was refused."""
    limits = spam.requester_messages
    if not limits.admit(request):
        return _limited(request, form)
    if not limits.admit_email(advisory_request.requester_email):
        limits.release(request)
        return _limited(request, form)
    data = form.cleaned_data
    try:
        services.add_message(advisory_request, actor=actor, body=data["body"], files=data["attachments"])
    except (ValidationError, PermissionDenied) as error:
        limits.release(request)
        limits.release_email(advisory_request.requester_email)
        if getattr(error, "code", None) == "ended":
            # The request ended while the page was open: nothing to correct in the form.
            messages.error(request, " ".join(error.messages))
            return None, 409
        raise
    return None


def _stale_message(current):
    label = AdvisoryRequest.State(current).label if current in AdvisoryRequest.State.values else current
    return _(
        "Your request changed while you were looking at it: it is now “%(state)s”. "
        "Nothing was changed; please check the page below and try again if you still wish to."
    ) % {"state": label}


def _perform_action(request, advisory_request, actor):
    """Run the posted action; None on success, else (bound form or None, HTTP status) to show."""
    name = request.POST.get("action", "")
    form_class = ACTION_FORMS.get(name)
    if form_class is None:
        messages.error(request, _("This action is not available."))
        return None, 400
    form = form_class(request.POST, request.FILES)
    if not form.is_valid():
        if request.FILES and "attachments" in form.fields:
            form.add_error("attachments", _files_not_kept())
        return form, 200
    data = form.cleaned_data
    shown = data["state"]
    try:
        if name == FeedbackForm.action:
            services.record_feedback(
                advisory_request, actor=actor, score=data["score"], comment=data.get("comment", "")
            )
        elif name == RequesterMessageForm.action:
            refused = _send_message(request, advisory_request, actor, form)
            if refused is not None:
                return refused
        elif name == ProvideInfoForm.action:
            if advisory_request.state != shown:
                raise StaleTransition(_stale_message(advisory_request.state), current=advisory_request.state)
            services.provide_info(
                advisory_request, actor=actor, answer=data["comment"], files=data["attachments"]
            )
        else:
            perform(advisory_request, name, actor, comment=data.get("comment", ""), expected_state=shown)
    except StaleTransition as error:
        current = AdvisoryRequest.objects.values_list("state", flat=True).get(pk=advisory_request.pk)
        messages.warning(request, _stale_message(error.current or current))
        return None, 409
    except TransitionForbidden as error:
        messages.error(request, str(error))
        return None, 403
    except TransitionUnavailable as error:
        messages.error(request, str(error))
        return None, 409
    except TransitionInputError as error:
        _apply_errors(form, error)
        return form, 200
    except PermissionDenied as error:
        messages.error(request, str(error))
        return None, 403
    except ValidationError as error:
        if name == FeedbackForm.action and not hasattr(error, "error_dict"):
            messages.error(request, " ".join(error.messages))
            return None, 409
        with_files = name in (ProvideInfoForm.action, RequesterMessageForm.action)
        _apply_errors(form, error, default_field="attachments" if with_files else None)
        if request.FILES and "attachments" in form.fields:
            form.add_error("attachments", _files_not_kept())
        return form, 200
    messages.success(request, SUCCESS_MESSAGES[name]())
    return None


def _tracking_context(page, request, advisory_request, actor, bound):
    state = advisory_request.state
    available = {meta.name for meta in available_transitions(advisory_request, actor)}
    names = [name for name in tracking.REQUESTER_TRANSITIONS if name in available]
    if tracking.may_give_feedback(actor, advisory_request):
        names.append(FeedbackForm.action)
    if tracking.may_write(actor, advisory_request):
        names.append(RequesterMessageForm.action)
    forms = {}
    for name in names:
        if bound is not None and bound.action == name:
            forms[name] = bound
        else:
            forms[name] = ACTION_FORMS[name](state=state)
    thread = tracking.thread(actor, advisory_request)
    base = track_url(page, request)
    return {
        "advisory_request": advisory_request,
        "state_label": advisory_request.get_state_display(),
        "state_explanation": tracking.STATE_EXPLANATIONS.get(state, ""),
        "next_step": tracking.NEXT_STEPS.get(state, ""),
        "timeline": tracking.timeline(actor, advisory_request),
        "thread": thread,
        "question": tracking.open_question(thread, advisory_request),
        "team": tracking.team(actor, advisory_request),
        "deliverables": list(selectors.deliverables_visible_to(actor, advisory_request)),
        "documents": list(tracking.submitted_documents(actor, advisory_request)),
        "areas": tracking.area_names(advisory_request),
        "action_forms": forms,
        "action_url": base,
        "download_base": base,
        "link_expires_at": advisory_request.tracking_link_expires_at,
        "open_form": access.OpenForm(),
        "open_url": base + "open/",
        "sign_out_url": base + "sign-out/",
        "replace_url": base + "replace/",
    }


def _download(obj):
    return make_private(serve_private_file(obj.file, obj.original_name, obj.content_type))


def download_deliverable(page, request, pk):
    advisory_request, refusal = session_or_refusal(page, request)
    if refusal is not None:
        return refusal
    actor = Actor.requester(advisory_request)
    deliverable = selectors.deliverables_visible_to(actor, advisory_request).filter(pk=pk).first()
    if deliverable is None:
        raise Http404
    return _download(deliverable)


def download_attachment(page, request, pk):
    advisory_request, refusal = session_or_refusal(page, request)
    if refusal is not None:
        return refusal
    actor = Actor.requester(advisory_request)
    attachment = selectors.attachments_visible_to(actor, advisory_request).filter(pk=pk).first()
    if attachment is None:
        raise Http404
    return _download(attachment)
