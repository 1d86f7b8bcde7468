"""API routes of My data, under /api/v1/."""

from django.urls import path

from . import data_views as views

urlpatterns = [
    path("imports/", views.ImportListCreateView.as_view(), name="import-list"),
    path("imports/<int:pk>/", views.ImportDetailView.as_view(), name="import-detail"),
    path("imports/<int:pk>/confirm/", views.ImportConfirmView.as_view(), name="import-confirm"),
    path("export/", views.ExportView.as_view(), name="export"),
    path(
        "me/account/", views.AccountDeleteView.as_view(http_method_names=["delete", "options"]), name="account-delete"
    ),
    path(
        "me/account/delete/",
        views.AccountDeleteView.as_view(http_method_names=["post", "options"]),
        name="account-delete-post",
    ),
]
