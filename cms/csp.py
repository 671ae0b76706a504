"""Content-Security-Policy: the site's strict policy, and the Wagtail admin's own under its URL.

The public site runs no inline script or style at all. Wagtail's admin does (initialisation
scripts of inline panels and date pickers, <style> elements inserted by its React editors), so it
gets a separate, slightly wider policy (docs/deployment.md, "Content-Security-Policy").
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.urls import NoReverseMatch, reverse

# Admin pages a visitor without an account reaches run no inline code: they keep the site's policy.
STRICT_ADMIN_PATHS = ("login/", "password_reset/")


def admin_prefix():
    """Where the Wagtail admin is mounted (its dashboard's URL), or None if it is not."""
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:
        return None


def uses_admin_policy(path):
    prefix = admin_prefix()
    if not prefix or not path.startswith(prefix):
        return False
    return not path[len(prefix) :].startswith(STRICT_ADMIN_PATHS)


class SitePolicyCSPMiddleware(CSPMiddleware):
    """django-csp's middleware choosing CONTENT_SECURITY_POLICY_ADMIN for the admin's pages.

    A view decorated with django-csp's ``@csp`` still sets its own policy; ``@csp_update`` and
    ``@csp_replace`` apply on top of whichever policy the path chose.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and uses_admin_policy(request.path):
            parts.config = dict(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        return parts
