"""Search reads: full text (tsvector), by meaning (pgvector HNSW), hybrid (reciprocal rank fusion), similar entries.

Every function takes a queryset already scoped to one user (selectors.entries_for), so nothing can cross users.
"""

import html
import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection, transaction
from django.db.models import F, QuerySet
from pgvector.django import CosineDistance

from .models import Entry

CONFIG = "english"  # the generated search_vector column is built with this configuration
MAX_QUERY_CHARS = 500
CANDIDATES = 100  # per list, before fusion
RRF_K = 60
EXACT_SCAN_BELOW = 20_000  # measured in bench/search_bench.py: exact is faster and always complete below this
_WORD = re.compile(r"\w+$", re.UNICODE)
_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"


@dataclass
class Hit:
    entry: Entry
    score: float
    snippet: str = ""
    text_rank: int | None = None
    semantic_rank: int | None = None


def build_text_query(q: str) -> SearchQuery | None:
    """websearch syntax ("phrase", or, -word) plus prefix matching for the last word being typed."""
    q = q.strip()[:MAX_QUERY_CHARS]
    if not q:
        return None
    query = SearchQuery(q, search_type="websearch", config=CONFIG)
    last = _WORD.search(q)
    # No prefix for an excluded word ("-river"), the OR operator, or a closed phrase.
    excluded = last is not None and last.start() > 0 and q[last.start() - 1] == "-"
    if last and not excluded and last.group(0).lower() != "or" and not q.endswith('"'):
        head = q[: last.start()].rstrip()
        prefix = SearchQuery(f"{last.group(0)}:*", search_type="raw", config=CONFIG)
        query = query | (SearchQuery(head, search_type="websearch", config=CONFIG) & prefix if head else prefix)
    return query


def text_hits(qs: QuerySet[Entry], q: str, limit: int = CANDIDATES, snippets: int = 20) -> list[Hit]:
    """Ranked matches; highlighted snippets (ts_headline re-parses the text, so it is costly) for the top few."""
    query = build_text_query(q)
    if query is None:
        return []
    rows = list(
        qs.filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query, cover_density=True, normalization=1))
        .order_by("-rank", "-entry_date")[:limit]
    )
    headlines = dict(
        qs.filter(pk__in=[e.pk for e in rows[:snippets]])
        .annotate(
            headline=SearchHeadline(
                "content", query, config=CONFIG, start_sel=_MARK_OPEN, stop_sel=_MARK_CLOSE, max_words=30, min_words=12
            )
        )
        .values_list("pk", "headline")
    )
    return [
        Hit(entry=e, score=e.rank, snippet=safe_snippet(headlines.get(e.pk, "")), text_rank=i)
        for i, e in enumerate(rows, 1)
    ]


def safe_snippet(headline: str) -> str:
    """ts_headline returns raw entry text: escape it, then turn our sentinels into <mark>."""
    return html.escape(headline).replace(_MARK_OPEN, "<mark>").replace(_MARK_CLOSE, "</mark>")


def semantic_hits(qs: QuerySet[Entry], vector, limit: int = CANDIDATES, strategy: str = "auto") -> list[Hit]:
    """Nearest entries by cosine distance. Small journals: exact scan. Large: HNSW with iterative scan.

    strategy "exact" or "hnsw" forces one path (the benchmark compares them)."""
    qs = qs.filter(embedding__isnull=False)
    # Rank on (id, distance) alone, then load the winners: the sort stays narrow, whatever the row width.
    ordered = (
        qs.annotate(distance=CosineDistance("embedding", list(map(float, vector))))
        .order_by("distance")
        .values_list("pk", "distance")
    )
    with transaction.atomic():
        available = qs.count()
        if strategy == "exact" or (strategy == "auto" and available <= EXACT_SCAN_BELOW):
            _exact_scan()
            ranked = list(ordered[:limit])
        else:
            with connection.cursor() as cur:
                cur.execute("SET LOCAL hnsw.iterative_scan = relaxed_order")
                cur.execute("SET LOCAL hnsw.ef_search = 200")
                cur.execute("SET LOCAL hnsw.max_scan_tuples = 200000")
            ranked = list(ordered[:limit])
            if len(ranked) < min(limit, available):
                _exact_scan()  # the index gave up before finding enough of this user's rows
                ranked = list(ordered[:limit])
    entries = qs.in_bulk([pk for pk, _ in ranked])
    hits = [(entries[pk], distance) for pk, distance in ranked if pk in entries]
    return [Hit(entry=e, score=1 - distance, semantic_rank=i) for i, (e, distance) in enumerate(hits, 1)]


def _exact_scan() -> None:
    """Keep the planner off the HNSW index (bitmap scans of the per-user index stay available)."""
    with connection.cursor() as cur:
        cur.execute("SET LOCAL enable_indexscan = off")


def fuse(text: list[Hit], semantic: list[Hit]) -> list[Hit]:
    """Reciprocal rank fusion of two ranked lists; the more recent entry wins a tie."""
    merged: dict[int, Hit] = {}
    for hit in text + semantic:
        current = merged.setdefault(hit.entry.pk, Hit(entry=hit.entry, score=0.0, snippet=hit.snippet))
        current.text_rank = current.text_rank or hit.text_rank
        current.semantic_rank = current.semantic_rank or hit.semantic_rank
        current.snippet = current.snippet or hit.snippet
    for hit in merged.values():
        hit.score = sum(1 / (RRF_K + r) for r in (hit.text_rank, hit.semantic_rank) if r)
    return sorted(merged.values(), key=lambda h: (-h.score, -h.entry.entry_date.toordinal(), -h.entry.pk))


def fuzzy_title_hits(qs: QuerySet[Entry], q: str, limit: int = 10) -> list[Hit]:
    """Typo tolerance: titles similar by trigrams (pg_trgm), for when the exact words found nothing."""
    from django.contrib.postgres.search import TrigramWordSimilarity

    q = q.strip()[:100]
    if len(q) < 3:
        return []
    rows = (
        qs.exclude(title="")
        .annotate(sim=TrigramWordSimilarity(q, "title"))
        .filter(sim__gte=0.4)
        .order_by("-sim", "-entry_date")[:limit]
    )
    return [Hit(entry=e, score=e.sim) for e in rows]


def similar_entries(entry: Entry, qs: QuerySet[Entry], k: int = 5) -> list[Hit]:
    """The user's entries nearest in meaning to this one (itself and trashed entries excluded)."""
    if entry.embedding is None:
        return []
    return semantic_hits(qs.exclude(pk=entry.pk), entry.embedding, limit=k)


MODES = ("hybrid", "text", "semantic")
UNAVAILABLE = "Search by meaning is unavailable right now (no worker answered), so these are word matches only."


@dataclass
class SearchResult:
    hits: list[Hit]
    mode: str
    notice: str = ""
    fuzzy: list[Hit] | None = None


def run_search(qs: QuerySet[Entry], q: str, mode: str = "hybrid") -> SearchResult:
    """One search over an already user-scoped (and filtered) queryset."""
    from ml_models.query_embedding import QueryEmbeddingUnavailable, embed_query

    q = q.strip()[:MAX_QUERY_CHARS]
    if not q:
        return SearchResult([], mode)
    text, semantic, notice = [], [], ""
    if mode in ("hybrid", "text"):
        text = text_hits(qs, q)
    if mode in ("hybrid", "semantic"):
        try:
            semantic = semantic_hits(qs, embed_query(q))
        except QueryEmbeddingUnavailable:
            notice = UNAVAILABLE
            if mode == "semantic":
                text = text_hits(qs, q)
    hits = fuse(text, semantic) if text and semantic else (text or semantic)
    if mode == "semantic" and semantic and text:
        hits = semantic
    return SearchResult(hits=hits, mode=mode, notice=notice, fuzzy=None if hits else fuzzy_title_hits(qs, q))
