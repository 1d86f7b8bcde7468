"""My data pages, under /my-data/."""

from django.urls import path

from . import data_views as views

app_name = "data"

urlpatterns = [
    path("", views.index, name="index"),
    path("import/", views.import_start, name="import"),
    path("imports/<int:pk>/", views.import_job, name="import_job"),
    path("imports/<int:pk>/status/", views.import_status, name="import_status"),
    path("imports/<int:pk>/confirm/", views.import_confirm, name="import_confirm"),
    path("export/", views.export_download, name="export"),
    path("book/", views.book, name="book"),
    path("delete/", views.delete_account_view, name="delete_account"),
]
