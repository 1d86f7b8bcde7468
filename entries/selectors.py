"""Reads of entries and topics, always scoped to one user."""

from django.contrib.postgres.search import SearchRank
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from .models import Entry, Topic, trash_retention
from .search import build_text_query


def entries_for(user, *, trashed: bool = False) -> QuerySet[Entry]:
    qs = Entry.objects.filter(user=user, deleted_at__isnull=not trashed).select_related("topic")
    if trashed:  # past the retention window an entry is gone, whether or not the hourly purge has run yet
        qs = qs.filter(deleted_at__gte=timezone.now() - trash_retention())
    return qs.defer("embedding", "search_vector")


def topics_for(user) -> QuerySet[Topic]:
    return Topic.objects.filter(user=user).annotate(
        entry_count=Count("entries", filter=Q(entries__deleted_at__isnull=True))
    )


def tags_for(user) -> list[str]:
    rows = entries_for(user).exclude(tags=[]).values_list("tags", flat=True)
    return sorted({tag for tags in rows for tag in tags})


def text_search(qs: QuerySet[Entry], query: str, config: str = "english") -> QuerySet[Entry]:
    """The journal's text filter: the same query as search (websearch syntax, the word being typed as a prefix,
    the user's text configuration), best match first, newest first among equals."""
    queries = build_text_query(query, config)
    if queries is None:
        return qs
    match, ranking = queries
    rank = SearchRank(F("search_vector"), ranking, normalization=1)
    return qs.filter(search_vector=match).annotate(rank=rank).order_by("-rank", "-entry_date", "-pk")
