from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class NetworkCountryQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class NetworkCountry(models.Model):
    """A country the network covers; requests come from, and coordinators are scoped to, these.

    The list is data (27 EU member states by default), so administrators may change it.
    """

    country = CountryField(_("country"), unique=True)
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive countries are not offered on the request form.")
    )

    objects = NetworkCountryQuerySet.as_manager()

    class Meta:
        verbose_name = _("network country")
        verbose_name_plural = _("network countries")
        ordering = ["country"]

    def __str__(self):
        return str(self.country.name)

    @property
    def code(self):
        return self.country.code
