"""Pages of this area, under /wellbeing/. Wired into journaling/urls.py."""

from django.urls import path

from . import views

app_name = "psychology"

urlpatterns = [
    path("", views.index, name="index"),
    path("help/", views.crisis_help, name="help"),
    path("techniques/<slug:slug>/", views.technique_detail, name="technique"),
    path("assessments/", views.assessment_history, name="assessment_history"),
    path("assessments/results/<int:pk>/", views.assessment_result, name="assessment_result"),
    path("assessments/<slug:instrument>/", views.assessment_take, name="assessment_take"),
    path("entries/<int:entry_pk>/feedback/", views.suggestion_feedback, name="feedback"),
]
