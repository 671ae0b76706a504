"""The routes of RequestFormPage: the form, its confirmation, tracking and resend-link pages.

The page serves this URLconf under its own URL in every language (workflows.routing); every view
takes the page first. No route takes a token except the three kept for links sent before tokens
moved to the URL fragment ("track/#<token>"); every fixed "track/<word>/" route comes before
"track/<str:token>/" so that it is never taken for a token.
"""

from django.urls import path

from . import privacy, views

urlpatterns = [
    path("", views.request_form, name="form"),
    path("thanks/", views.thanks, name="thanks"),
    path("track/", views.track, name="track"),
    path("track/resend/", views.resend, name="resend"),
    path("track/open/", views.open_request, name="track_open"),
    path("track/sign-out/", views.sign_out, name="track_sign_out"),
    path("track/replace/", views.replace_link, name="track_replace"),
    path("track/privacy/", privacy.view, name="track_privacy"),
    path("track/deliverables/<int:pk>/", views.download_deliverable, name="deliverable"),
    path("track/files/<int:pk>/", views.download_attachment, name="attachment"),
    # Links sent before: their token is exchanged for a session, then the browser moves on.
    path("track/<str:token>/", views.legacy_link, name="legacy_track"),
    path("track/<str:token>/deliverables/<int:pk>/", views.legacy_deliverable, name="legacy_deliverable"),
    path("track/<str:token>/files/<int:pk>/", views.legacy_attachment, name="legacy_attachment"),
]
