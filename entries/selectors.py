"""Reads of entries and topics, always scoped to one user."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Count, Q, QuerySet

from .models import Entry, Topic


def entries_for(user, *, trashed: bool = False) -> QuerySet[Entry]:
    qs = Entry.objects.filter(user=user, deleted_at__isnull=not trashed).select_related("topic")
    return qs.defer("embedding", "search_vector")


def topics_for(user) -> QuerySet[Topic]:
    return Topic.objects.filter(user=user).annotate(
        entry_count=Count("entries", filter=Q(entries__deleted_at__isnull=True))
    )


def tags_for(user) -> list[str]:
    rows = entries_for(user).exclude(tags=[]).values_list("tags", flat=True)
    return sorted({tag for tags in rows for tag in tags})


def text_search(qs: QuerySet[Entry], query: str, config: str = "english") -> QuerySet[Entry]:
    """Full-text match with websearch syntax ("quotes", or, -exclusion), best match first, in the user's text
    configuration (entries.text_config)."""
    search = SearchQuery(query, search_type="websearch", config=config)
    return qs.filter(search_vector=search).annotate(rank=SearchRank("search_vector", search)).order_by("-rank")
