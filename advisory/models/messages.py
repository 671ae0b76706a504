from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows.actors import roles_of

from .. import matrix
from ..choices import AuthorKind, Visibility
from .requests import AdvisoryRequest


class MessageQuerySet(models.QuerySet):
    def shared(self):
        return self.filter(visibility=Visibility.SHARED)

    def internal(self):
        return self.filter(visibility=Visibility.INTERNAL)


class Message(models.Model):
    """One entry of a request's thread: an internal note among coordinators, or shared with the requester.

    Bodies are plain text, stored as written; templates escape them.
    """

    request = models.ForeignKey(
        AdvisoryRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author_kind = models.CharField(_("written by"), max_length=16, choices=AuthorKind.choices)
    body = models.TextField(_("message"))
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now, editable=False)

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["request", "visibility", "created_at"], name="advisory_message_thread")
        ]

    def __str__(self):
        return f"{self.get_author_kind_display()}: {self.body[:60]}"

    @property
    def is_internal(self):
        return self.visibility == Visibility.INTERNAL

    @staticmethod
    def kind_of(actor, request):
        """How the author of a message by `actor` on `request` is shown."""
        if actor.is_requester:
            return AuthorKind.REQUESTER
        if actor.is_system:
            return AuthorKind.SYSTEM
        # The roles the process grants (advisory.permissions, through the engine's roles hook).
        if matrix.COORDINATOR in roles_of(request, actor):
            return AuthorKind.COORDINATOR
        return AuthorKind.EXPERT
