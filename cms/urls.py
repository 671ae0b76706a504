from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.http import require_GET
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import ThrottledPasswordResetView

from . import feeds, missing, site_map, views
from .search import views as search_views
from .sitemaps import SiteSitemap

urlpatterns = [
    # Before Wagtail's own: the same form, at most a few e-mails per address and per client address.
    path("admin/password_reset/", ThrottledPasswordResetView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", require_GET(sitemap), {"sitemaps": {"pages": SiteSitemap}}, name="sitemap"),
    path("robots.txt", views.robots, name="robots"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/autocomplete/", search_views.autocomplete, name="search_autocomplete"),
    # A page missing in the language of the prefix: the notice naming the languages it exists in.
    path("unavailable/<int:page_id>/", missing.missing_translation, name=missing.NOTICE_ROUTE),
    path("sitemap/", site_map.site_map, name="site_map"),
    path("feeds/news/", feeds.NewsFeed(), name="news_feed"),
    path("feeds/events.ics", feeds.events_calendar, name="events_calendar"),
    path("feeds/call-deadlines.ics", feeds.calls_calendar, name="calls_calendar"),
    # Wagtail's page URLs never contain a dot: let an event's calendar file reach its route.
    re_path(r"^((?:[\w\-]+/)+event\.ics)$", wagtail_views.serve, name="event_ics"),
    re_path(r"^((?:[\w\-]+/)+deadline-[\w\-]+\.ics)$", wagtail_views.serve, name="call_deadline_ics"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
