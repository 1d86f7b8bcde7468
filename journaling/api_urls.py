"""REST API v1."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from accounts.api.views import MeView, SafeTokenRefreshView, ThrottledTokenObtainPairView
from entries.api.search import SearchView, SimilarEntriesView
from entries.api.views import EntryViewSet, TopicViewSet

router = DefaultRouter()
router.register("entries", EntryViewSet, basename="entry")
router.register("topics", TopicViewSet, basename="topic")

urlpatterns = [
    path("auth/token/", ThrottledTokenObtainPairView.as_view(), name="token_obtain_pair"),
    path("auth/token/refresh/", SafeTokenRefreshView.as_view(), name="token_refresh"),
    path("me/", MeView.as_view(), name="me"),
    path("search/", SearchView.as_view(), name="search"),
    path("entries/<int:pk>/similar/", SimilarEntriesView.as_view(), name="entry-similar"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("insights/", include("insights.api_urls")),
    path("", include("psychology.api_urls")),
    path("", include("accounts.api.data_urls")),
    *router.urls,
]
