from django.urls import path

from .views import PersonalDataView

app_name = "privacy"
urlpatterns = [path("", PersonalDataView.as_view(), name="index")]
