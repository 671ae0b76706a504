"""The early gate of the request form page (settings.EARLY_POST_GATES): a client over the limits of
the request form or the resend form is refused before the body of its post (and its uploads) is read.
"""

from workflows.intake import page_route_gate

from .. import spam
from ..models import RequestFormPage
from .views import refuse_limited

# Route names of RequestFormPage: the limits that guard them.
GATED_ROUTES = {"form": spam.submissions, "resend": spam.resends}

early_gate = page_route_gate(RequestFormPage, GATED_ROUTES, refuse=refuse_limited)
