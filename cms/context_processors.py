from django.conf import settings


def site_languages(request):
    """Enabled languages, for the switcher of pages that are not Wagtail pages."""
    return {"SITE_LANGUAGES": settings.LANGUAGES}
