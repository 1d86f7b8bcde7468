"""API routes of this area, under /api/v1/insights/ (names are in the "api" namespace: api:insights-summary)."""

from django.urls import path

from .api import views

urlpatterns = [
    path("summary/", views.SummaryView.as_view(), name="insights-summary"),
    path("trends/", views.TrendsView.as_view(), name="insights-trends"),
    path("emotions/", views.EmotionsView.as_view(), name="insights-emotions"),
    path("streaks/", views.StreaksView.as_view(), name="insights-streaks"),
    path("heatmap/", views.HeatmapView.as_view(), name="insights-heatmap"),
    path("on-this-day/", views.OnThisDayView.as_view(), name="insights-on-this-day"),
    path("weekly/", views.WeeklyView.as_view(), name="insights-weekly"),
]
