"""The admin's refusal page: one 403 for every area of the admin that turns a user away."""

from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

ACCESS_DENIED = _("Access denied")


def refusal_page(request: HttpRequest, message: str, *, title: str = ACCESS_DENIED) -> TemplateResponse:
    """An admin-styled 403 page saying `message`.

    Wagtail answers PermissionDenied with a redirect to the dashboard; a refusal here stays a 403
    (and says why). Logging the refusal is the caller's part: it knows what was refused.
    """
    return TemplateResponse(
        request,
        "workflows/admin/refused.html",
        {"page_title": title, "message": message},
        status=403,
    )
