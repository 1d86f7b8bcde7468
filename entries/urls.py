from django.urls import path

from . import search_views, views

app_name = "entries"

urlpatterns = [
    path("", views.entry_list, name="list"),
    path("new/", views.entry_create, name="create"),
    path("search/", search_views.search_page, name="search"),
    path("<int:pk>/", views.entry_detail, name="detail"),
    path("<int:pk>/edit/", views.entry_edit, name="edit"),
    path("<int:pk>/trash/", views.entry_trash, name="trash_entry"),
    path("<int:pk>/restore/", views.entry_restore, name="restore"),
    path("<int:pk>/purge/", views.entry_purge, name="purge"),
    path("trash/", views.trash_list, name="trash"),
    path("trash/empty/", views.trash_empty, name="trash_empty"),
    path("topics/", views.topic_list, name="topics"),
    path("topics/<int:pk>/", views.topic_edit, name="topic_edit"),
    path("topics/<int:pk>/delete/", views.topic_delete, name="topic_delete"),
]
