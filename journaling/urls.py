from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView, TemplateView

from accounts.views import LoginView

from .health import health

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="entries:list", permanent=False)),
    path("health", health, name="health"),
    path("login/", LoginView.as_view(), name="login"),
    path("accounts/", include("accounts.urls")),
    path("journal/", include("entries.urls")),
    path("insights/", include("insights.urls")),
    path("wellbeing/", include("psychology.urls")),
    path("my-data/", include("accounts.data_urls")),
    path("privacy/", TemplateView.as_view(template_name="privacy.html"), name="privacy"),
    path("api/v1/", include(("journaling.api_urls", "api"))),
    path("admin/", admin.site.urls),
]
