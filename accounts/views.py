"""Views of staff accounts: the lockout page, the throttled password reset, the lockouts admin."""

import logging

from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.account import PasswordResetView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail_2fa import utils as wagtail_2fa_utils
from wagtail_2fa import views as wagtail_2fa_views

from workflows.http import client_key

from . import throttle
from .forms import VerifyTokenForm

logger = logging.getLogger(__name__)

UNLOCK_PERMISSION = "axes.delete_accessattempt"


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out sign-in: a page in the admin's look, in the user's language."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    # Rendered now: the middleware returns it after the view, past the point where responses are rendered.
    return render(
        request,
        "accounts/lockout.html",
        {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's password reset, sending at most N e-mails per address and per client address a window.

    Over a limit the answer is the same neutral "if the address is known, a mail was sent" page, so the
    throttle tells an attacker nothing about which addresses exist.
    """

    def form_valid(self, form):
        window = settings.ACCOUNTS_PASSWORD_RESET_WINDOW
        address = form.cleaned_data.get("email", "")
        # Both counters count every request (no short-circuit), increment first: races cannot pass.
        by_ip = throttle.hit(
            f"accounts:pwreset:ip:{client_key(self.request)}",
            settings.ACCOUNTS_PASSWORD_RESET_LIMIT_PER_IP,
            window,
        )
        by_address = throttle.hit(
            f"accounts:pwreset:address:{throttle.digest(address)}",
            settings.ACCOUNTS_PASSWORD_RESET_LIMIT_PER_ADDRESS,
            window,
        )
        if not (by_ip and by_address):
            logger.info("Password reset throttled (%s)", "address" if by_ip else "client address")
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


def can_unlock(user):
    return user.is_active and user.has_perm(UNLOCK_PERMISSION)


class LockoutListView(WagtailAdminTemplateMixin, TemplateView):
    """Sign-in lockouts and counted failures, newest first, each with an "Unlock" button."""

    template_name = "accounts/lockouts.html"
    page_title = gettext_lazy("Sign-in lockouts")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not can_unlock(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        since = timezone.now() - settings.AXES_COOLOFF_TIME
        attempts = AccessAttempt.objects.order_by("-attempt_time")[:200]
        context["attempts"] = [
            {
                "attempt": attempt,
                "locked": attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT
                and attempt.attempt_time >= since,
            }
            for attempt in attempts
        ]
        context["failure_limit"] = settings.AXES_FAILURE_LIMIT
        return context


@require_POST
def unlock(request, pk):
    """Forget the failures of one username and client address: they may sign in again at once."""
    if not can_unlock(request.user):
        raise PermissionDenied
    attempt = AccessAttempt.objects.filter(pk=pk).first()
    if attempt is None:
        messages.error(request, _("This lockout no longer exists: it expired or was lifted already."))
        return redirect(reverse("accounts_lockouts"))
    axes_reset(ip=attempt.ip_address, username=attempt.username)
    logger.info("Sign-in lockout %s lifted by user %s", pk, request.user.pk)
    messages.success(request, _("Sign-in unlocked for “%(username)s”.") % {"username": attempt.username})
    return redirect(reverse("accounts_lockouts"))


class VerifyView(wagtail_2fa_views.LoginView):
    """wagtail-2fa's code page with a form that names the device (see VerifyTokenForm)."""

    form_class = VerifyTokenForm

    def get_success_url(self):
        # Without a safe `next`, the admin's dashboard (wagtail-2fa used LOGIN_REDIRECT_URL, not ours).
        return self.get_redirect_url() or reverse("wagtailadmin_home")


class DeviceQRCodeView(wagtail_2fa_views.DeviceQRCodeView):
    """wagtail-2fa's QR code of the device being enrolled; 404 when none is (it raised a 500)."""

    def get(self, request):
        if wagtail_2fa_utils.get_unconfirmed_device(request.user) is None:
            raise Http404
        return super().get(request)


class DeviceDeleteView(wagtail_2fa_views.DeviceDeleteView):
    """wagtail-2fa's device removal, answering 404 for a device that does not exist (it raised a 500)."""

    def dispatch(self, request, *args, **kwargs):
        get_object_or_404(TOTPDevice, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        # wagtail-2fa reads the owner from a hidden field: a POST without it raised a 500.
        return reverse("wagtail_2fa_device_list", kwargs={"user_id": self.object.user_id})
