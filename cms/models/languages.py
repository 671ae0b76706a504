"""Where a group's editorial permissions hold: the content languages of a translation team."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class LanguageScope(models.Model):
    """Limits what a group grants on pages and translatable snippets to content in these languages.

    A group without a scope grants everywhere (Editors, Moderators). A scoped group grants only in its
    languages, and nowhere when it lists none: "Translators (de)" edits, publishes and translates German
    pages and snippets and leaves English and French alone. A user in several groups holds the union;
    a grant of an unscoped group is never narrowed by a scoped one.
    """

    group = models.OneToOneField(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="language_scope"
    )
    locales = models.ManyToManyField(
        "wagtailcore.Locale",
        verbose_name=_("languages"),
        blank=True,
        related_name="+",
        help_text=_("The group's page and snippet permissions hold in these languages only."),
    )

    class Meta:
        verbose_name = _("language scope")
        verbose_name_plural = _("language scopes")
        ordering = ["group__name"]

    def __str__(self):
        return self.group.name

    def languages(self):
        return ", ".join(str(locale.get_display_name()) for locale in self.locales.all()) or "—"

    languages.short_description = _("languages")
