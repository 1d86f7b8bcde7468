"""API routes of this area, under /api/v1/ (namespace "api"). Wired into journaling/api_urls.py."""

from django.urls import path

from .api import views

urlpatterns = [
    path("entries/<int:pk>/suggestions/", views.EntrySuggestionsView.as_view(), name="entry-suggestions"),
    path(
        "entries/<int:pk>/suggestions/feedback/",
        views.EntrySuggestionFeedbackView.as_view(),
        name="entry-suggestion-feedback",
    ),
    path("techniques/", views.TechniqueListView.as_view(), name="technique-list"),
    path("techniques/<slug:slug>/", views.TechniqueDetailView.as_view(), name="technique-detail"),
    path("prompts/", views.PromptListView.as_view(), name="prompts"),
    path("assessments/", views.AssessmentListCreateView.as_view(), name="assessment-list"),
    path("assessments/<int:pk>/", views.AssessmentDetailView.as_view(), name="assessment-detail"),
]
