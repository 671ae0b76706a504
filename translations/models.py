"""When a translation fell behind its source, and how a site wants outdated translations handled."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class OutdatedTranslationQuerySet(models.QuerySet):
    def open(self):
        """Outdatings not yet resolved, of translations still done with the translation editor."""
        return self.filter(resolved_at__isnull=True, translation__enabled=True)


class OutdatedTranslation(models.Model):
    """One period during which a translation lagged behind its source.

    Opened when the source is published with a change that the translation carries (its text or a
    synchronised field such as a date), resolved when the translation is published again from the
    synced source with every passage translated (translations.services). A row per period, so that
    translators hear once of each: a second change while the translation is still behind only moves
    `source_changed_at`.
    """

    translation = models.ForeignKey(
        "wagtail_localize.Translation",
        verbose_name=_("translation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The translated object, denormalised from the translation so listings find it without joins.
    translation_key = models.UUIDField(_("translation key"))
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("language"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(_("object id"), max_length=255)
    outdated_at = models.DateTimeField(_("outdated since"))
    source_changed_at = models.DateTimeField(_("source last changed"))
    source_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("source revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("source changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    unpublished = models.BooleanField(
        _("taken offline"), default=False, help_text=_("The site's policy unpublished the translation.")
    )
    resolved_at = models.DateTimeField(_("current again since"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("brought up to date by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = OutdatedTranslationQuerySet.as_manager()

    class Meta:
        verbose_name = _("outdated translation")
        verbose_name_plural = _("outdated translations")
        ordering = ["-outdated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["translation"],
                condition=Q(resolved_at__isnull=True),
                name="translations_one_open_outdating",
            )
        ]
        indexes = [models.Index(fields=["translation_key", "locale"], name="translations_outdated_key")]

    def __str__(self):
        return f"{self.translation_id} ({self.locale_id}) since {self.outdated_at:%Y-%m-%d}"


class OutdatedPolicy(models.TextChoices):
    STAY_LIVE = "stay_live", _("Outdated translations stay live")
    UNPUBLISH = "unpublish", _("Outdated translations go back to draft until the translator publishes them")


@register_setting(icon="globe")
class TranslationSettings(BaseSiteSetting):
    """How the site treats a translation whose source changed."""

    visitor_notice = models.BooleanField(
        _("tell visitors when a translation may be behind the English version"),
        default=False,
        help_text=_("Outdated translated pages show a notice with a link to the source page."),
    )
    outdated_policy = models.CharField(
        _("when a source changes"),
        max_length=20,
        choices=OutdatedPolicy.choices,
        default=OutdatedPolicy.STAY_LIVE,
        help_text=_(
            "Going back to draft takes a translated page offline (recorded in its history) until its "
            "translator publishes it again."
        ),
    )

    panels = [FieldPanel("visitor_notice"), FieldPanel("outdated_policy")]

    class Meta:
        verbose_name = _("translation settings")
        verbose_name_plural = _("translation settings")
