"""What every route of the request form page shares: rendering, private headers, the tracking session.

Pages that carry a tracking token (or show one) are private: never cached, never indexed, never sent
as a referrer.
"""

from django.http import HttpResponseRedirect
from django.utils.cache import add_never_cache_headers

from . import access

TEMPLATES = {
    "form": "advisory/public/request_form_page.html",
    "thanks": "advisory/public/thanks.html",
    "resend": "advisory/public/resend.html",
    "track": "advisory/public/track.html",
    "invalid": "advisory/public/track_invalid.html",
    "open": "advisory/public/track_open.html",
}


def redirect(url):
    # 303: the browser fetches the next page with GET, so a reload never posts again.
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


# Pages with a POST form cannot use "no-referrer": under it browsers send "Origin: null" with the
# form, and Django's CSRF check refuses that. "same-origin" keeps the token from every other site
# just the same (nothing is sent cross-origin) and lets the browser name our origin to ourselves.
NO_REFERRER = "no-referrer"
SAME_ORIGIN = "same-origin"


def make_private(response, referrer_policy=NO_REFERRER):
    """Headers of every page that carries or shows a tracking token."""
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = referrer_policy
    response["X-Robots-Tag"] = "noindex"
    return response


def render(page, request, name, context, *, status=200, route="", private=True, referrer_policy=NO_REFERRER):
    base = page.get_url(request)
    context = {
        "route_path": route,
        "private_page": private,
        "referrer_policy": referrer_policy,
        "form_url": base,
        "resend_url": base + page.reverse_subpage("resend"),
        **context,
    }
    response = page.render(request, template=TEMPLATES[name], context_overrides=context)
    response.status_code = status
    if private:
        make_private(response, referrer_policy)
    else:
        add_never_cache_headers(response)  # the form carries a CSRF token
    return response


def track_url(page, request, route=""):
    return page.get_url(request) + page.reverse_subpage("track") + route


def open_page(page, request, *, form=None, status=200, ended=False, error=""):
    """The page that opens a request from its link: filled in by a script, or by hand."""
    context = {
        "open_form": form or access.OpenForm(),
        "open_url": track_url(page, request, "open/"),
        "session_ended": ended,
        "open_error": error,
    }
    return render(
        page,
        request,
        "open",
        context,
        status=status,
        route=page.reverse_subpage("track"),
        referrer_policy=SAME_ORIGIN,
    )


def session_or_refusal(page, request):
    """(request, None) for a browser opened on a request, else (None, the open page with status 403)."""
    ended = access.sessions.had_session(request)
    advisory_request = access.sessions.current(request)
    if advisory_request is None:
        return None, open_page(page, request, status=403, ended=ended)
    return advisory_request, None
