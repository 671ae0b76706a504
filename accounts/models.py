from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoLogin(models.Model):
    """A login created by the demo loaders: it may skip two-factor enrolment where the demo allows it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="demo_login", verbose_name=_("user")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("demo login")
        verbose_name_plural = _("demo logins")

    def __str__(self):
        return str(self.user)


class UserSession(models.Model):
    """A session a user signed in to, so that deactivating the user can end it on any session engine."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    session_key = models.CharField(_("session key"), max_length=40, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("user session")
        verbose_name_plural = _("user sessions")

    def __str__(self):
        return f"{self.user_id}:{self.pk}"
