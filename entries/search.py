"""Search reads: full text (tsvector), by meaning (pgvector HNSW), hybrid (reciprocal rank fusion), similar entries.

Every function takes a queryset already scoped to one user (selectors.entries_for), so nothing can cross users.
"""

import hashlib
import html
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import Case, F, FloatField, Func, QuerySet, TextField, Value, When
from pgvector import Vector
from pgvector.django import CosineDistance

from .models import AnalysisStatus, Entry

CONFIG = "english"  # the default; callers pass the user's (entries.text_config.search_config_for)
MAX_QUERY_CHARS = 500
CANDIDATES = 100  # per list, before fusion
RRF_K = 60
EXACT_SCAN_BELOW = 20_000  # measured in bench/search_bench.py: exact is faster and always complete below this
SIZE_CACHE_SECONDS = 60
# What a result shows (search page, API, similar entries): loading only these halves the cost of a page of rows.
RESULT_FIELDS = (
    "user_id", "title", "content", "entry_date", "topic_id", "tags", "sentiment_label", "dominant_emotion",
    "analysis_status",
)  # fmt: skip
_WORD = re.compile(r"\w+$", re.UNICODE)
_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"


@dataclass
class Hit:
    entry: Entry
    score: float
    snippet: str = ""
    text_rank: int | None = None
    semantic_rank: int | None = None


@dataclass
class Ranked:
    """One result before its row is loaded: ranking touches (id, score, date) only."""

    pk: int
    score: float
    day: int  # entry_date ordinal, the recency tie-break
    text_rank: int | None = None
    semantic_rank: int | None = None


def build_text_query(q: str, config: str = CONFIG) -> tuple[SearchQuery, SearchQuery] | None:
    """(what matches, what ranks): websearch syntax ("phrase", or, -word) plus prefix matching for the last word
    being typed. The ranking query is the websearch one alone, so a phrase or AND keeps its proximity score."""
    q = q.strip()[:MAX_QUERY_CHARS]
    if not q:
        return None
    query = SearchQuery(q, search_type="websearch", config=config)
    last = _WORD.search(q)
    # No prefix for an excluded word ("-river"), the OR operator, or a closed phrase. A dash inside a word
    # ("self-comp") is a hyphen, as websearch_to_tsquery reads it.
    at = last.start() if last else 0
    excluded = at > 0 and q[at - 1] == "-" and (at == 1 or q[at - 2].isspace())
    if last and not excluded and last.group(0).lower() != "or" and not q.endswith('"'):
        head = q[: last.start()].rstrip()
        prefix = SearchQuery(f"{last.group(0)}:*", search_type="raw", config=config)
        return query | (SearchQuery(head, search_type="websearch", config=config) & prefix if head else prefix), query
    return query, query


def text_ranking(qs: QuerySet[Entry], q: str, limit: int = CANDIDATES, config: str = CONFIG) -> list[Ranked]:
    """The best full-text matches, as (id, rank, date), the query parsed with the user's text configuration."""
    queries = build_text_query(q, config)
    if queries is None:
        return []
    query, ranking = queries
    # ts_rank, not ts_rank_cd: cover density with a prefix term cost ~10 us a row (86 ms for a 10,000-entry
    # journal, bench/search_bench.py), ts_rank under 1 us. ts_rank scores proximity only when the query's top
    # operator is AND or a phrase, so rank by the websearch query alone: an entry matched only by the word being
    # typed ranks below the full matches, newest first. (A second rank by the prefix query to order those cost
    # 3 ms more for a 10,000-entry journal.)
    rows = (
        qs.filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), ranking, normalization=1))
        .order_by("-rank", "-entry_date", "-pk")
        .values_list("pk", "rank", "entry_date")[:limit]
    )
    return [Ranked(pk, score, day.toordinal(), text_rank=i) for i, (pk, score, day) in enumerate(rows, 1)]


def semantic_ranking(
    qs: QuerySet[Entry], vector, limit: int = CANDIDATES, strategy: str = "auto", *, size: int | None = None
) -> list[Ranked]:
    """Nearest entries by cosine distance, as (id, similarity, date). Small journals: exact scan. Large: HNSW
    with iterative scan. strategy "exact" or "hnsw" forces one path (the benchmark compares them). size: how many
    entries the journal has, when the caller knows (default: journal_size(qs))."""
    available = journal_size(qs) if size is None else size
    qs = qs.filter(embedding__isnull=False)
    vector = Vector(list(map(float, vector))).to_text()
    if strategy == "exact" or (strategy == "auto" and available <= EXACT_SCAN_BELOW):
        ranked = _exact_ranking(qs, vector, limit)
    else:
        with _local_settings(
            {"hnsw.iterative_scan": "relaxed_order", "hnsw.ef_search": "200", "hnsw.max_scan_tuples": "200000"}
        ):
            ranked = _ranked(qs, CosineDistance("embedding", Value(vector)), limit)
        if len(ranked) < limit:  # the index gave up early, or the journal is smaller than the (cached) size said
            ranked = _exact_ranking(qs, vector, limit)
    return [Ranked(pk, 1 - d, day.toordinal(), semantic_rank=i) for i, (pk, d, day) in enumerate(ranked, 1)]


def journal_size(qs: QuerySet[Entry]) -> int:
    """How many entries a search over qs can visit, to choose the exact scan or the HNSW index. Cached for a
    minute per query (2.5 ms to count a 10,000-entry journal). A stale count only picks the path: the exact scan
    is complete, and the HNSW path falls back to it whenever it returns fewer than asked; for up to a minute after a
    journal shrinks below EXACT_SCAN_BELOW its results are the index's (approximate) nearest instead of exact."""
    # Counted before the vector filter, so the covering (user, date) index answers it without visiting the rows
    # (5 ms for a 10,000-entry journal otherwise).
    try:
        key = _size_key(qs)
    except EmptyResultSet:  # qs.none(): a caller whose filter can match nothing
        return 0
    size = cache.get(key)
    if size is None:
        size = qs.count()
        cache.set(key, size, SIZE_CACHE_SECONDS)
    return size


def _size_key(qs: QuerySet[Entry]) -> str:
    """One key per filter: the WHERE clause (user, trash, filters) and its parameters."""
    sql, params = qs.order_by().values("pk").query.sql_with_params()
    return "search:size:" + hashlib.sha256(repr((sql, params)).encode()).hexdigest()


@contextmanager
def _local_settings(settings: dict[str, str]):
    """Planner settings for the queries inside, undone at the end even within a caller's transaction (a savepoint's
    release keeps SET LOCAL values until the outer transaction ends)."""
    outer = connection.in_atomic_block
    with transaction.atomic(), connection.cursor() as cur:
        for name, value in settings.items():
            cur.execute("SELECT set_config(%s, %s, true)", [name, value])
        yield
        if outer:
            for name in settings:
                cur.execute(f"SET LOCAL {name} TO DEFAULT")  # names are ours, never user input


class ExactCosineDistance(Func):
    """pgvector's cosine_distance() function: the same value as the <=> operator, which is what the HNSW index
    answers, so the planner reads this journal's vectors from the covering (user) index instead, with no need to
    turn index scans off (which also turned off index-only scans and forced a bitmap scan of the rows)."""

    function = "cosine_distance"
    output_field = FloatField()


def _exact_ranking(qs: QuerySet[Entry], vector: str, limit: int) -> list[tuple]:
    """Every analysed entry of the journal compared with the query, from the covering (user) index of vectors."""
    # The planner prices each index page as a random read (4 by default) and so prefers walking the heap rows in
    # order; one journal's leaf pages are contiguous and cached, and the index-only scan is ~30% faster.
    with _local_settings({"random_page_cost": "1.1"}):
        return _ranked(qs, ExactCosineDistance("embedding", Value(vector)), limit)


def _ranked(qs: QuerySet[Entry], distance, limit: int) -> list[tuple]:
    # Rank on (id, distance) alone: the sort stays narrow, whatever the row width.
    return list(qs.annotate(distance=distance).order_by("distance").values_list("pk", "distance", "entry_date")[:limit])


def fuse(text: list[Ranked], semantic: list[Ranked]) -> list[Ranked]:
    """Reciprocal rank fusion of two ranked lists; the more recent entry wins a tie."""
    merged: dict[int, Ranked] = {}
    for r in text + semantic:
        current = merged.setdefault(r.pk, Ranked(r.pk, 0.0, r.day))
        current.text_rank = current.text_rank or r.text_rank
        current.semantic_rank = current.semantic_rank or r.semantic_rank
    for r in merged.values():
        r.score = sum(1 / (RRF_K + rank) for rank in (r.text_rank, r.semantic_rank) if rank)
    return sorted(merged.values(), key=lambda r: (-r.score, -r.day, -r.pk))


def load_hits(qs: QuerySet[Entry], ranked: list[Ranked], q: str = "", config: str = CONFIG) -> list[Hit]:
    """Rows for the given results, in order, in one query, with highlighted snippets for those that matched the
    words (ts_headline re-parses the text, so only shown results pay for it)."""
    rows = qs.filter(pk__in=[r.pk for r in ranked]).select_related(None).only(*RESULT_FIELDS)
    matched = [r.pk for r in ranked if r.text_rank]
    queries = build_text_query(q, config) if q and matched else None
    if queries:
        # Without our sentinels in the text itself (rows stored before control characters were refused may hold
        # them).
        text = Func(
            F("content"), Value(_MARK_OPEN + _MARK_CLOSE), Value(""), function="translate", output_field=TextField()
        )
        headline = SearchHeadline(
            text, queries[0], config=config, start_sel=_MARK_OPEN, stop_sel=_MARK_CLOSE, max_words=30, min_words=12
        )
        rows = rows.annotate(
            headline=Case(When(pk__in=matched, then=headline), default=Value(""), output_field=TextField())
        )
    entries = {e.pk: e for e in rows}
    return [
        Hit(e, r.score, safe_snippet(getattr(e, "headline", "")), r.text_rank, r.semantic_rank)
        for r in ranked
        if (e := entries.get(r.pk)) is not None  # None: deleted since it was ranked
    ]


class Results(Sequence):
    """Ranked results that load their rows (and snippets) only for the slice a page shows."""

    def __init__(self, qs: QuerySet[Entry], ranked: list[Ranked], q: str = "", config: str = CONFIG):
        self.qs, self.ranked, self.q, self.config = qs, ranked, q, config

    def __len__(self) -> int:
        return len(self.ranked)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return load_hits(self.qs, self.ranked[index], self.q, self.config)
        return load_hits(self.qs, [self.ranked[index]], self.q, self.config)[0]


def text_hits(qs: QuerySet[Entry], q: str, limit: int = CANDIDATES, config: str = CONFIG) -> list[Hit]:
    """Full-text matches with their rows and snippets."""
    return load_hits(qs, text_ranking(qs, q, limit, config), q, config)


def semantic_hits(qs: QuerySet[Entry], vector, limit: int = CANDIDATES, strategy: str = "auto") -> list[Hit]:
    """Entries nearest in meaning, with their rows."""
    return load_hits(qs, semantic_ranking(qs, vector, limit, strategy))


def safe_snippet(headline: str) -> str:
    """ts_headline returns raw entry text: escape it, then turn our sentinels into <mark>."""
    return html.escape(headline).replace(_MARK_OPEN, "<mark>").replace(_MARK_CLOSE, "</mark>")


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
    """The user's entries nearest in meaning to this one (itself and trashed entries excluded). Crisis-flagged
    entries are never resurfaced here, and one gets no list of its own; nor does an entry edited since its analysis
    (an edit keeps the old vector and flag until the new analysis lands), and such an entry is not offered either."""
    if entry.embedding is None or entry.crisis_flagged or entry.analysis_status != AnalysisStatus.DONE:
        return []
    # The journal's size, not the size less this entry: one cached count per journal, not one per entry shown.
    others = qs.exclude(pk=entry.pk).exclude(crisis_flagged=True).filter(analysis_status=AnalysisStatus.DONE)
    return load_hits(others, semantic_ranking(others, entry.embedding, k, size=journal_size(qs)))


MODES = ("hybrid", "text", "semantic")
UNAVAILABLE = "Search by meaning is unavailable right now (no worker answered), so these are word matches only."


@dataclass
class SearchResult:
    hits: Results
    mode: str
    notice: str = ""
    fuzzy: list[Hit] | None = None


def run_search(
    qs: QuerySet[Entry], q: str, mode: str = "hybrid", *, config: str = CONFIG, embed=None, user_id: int | None = None
) -> SearchResult:
    """One search over an already user-scoped (and filtered) queryset, words parsed with the user's text
    configuration. The hits load their rows per page. embed turns the query into a vector (default: ask a query
    worker, its answer cached for `user_id` alone); the benchmark passes its own."""
    from ml_models.query_embedding import QueryEmbeddingUnavailable, embed_query

    embed = embed or partial(embed_query, scope=user_id)
    q = q.strip()[:MAX_QUERY_CHARS]
    if not q:
        return SearchResult(Results(qs, []), mode)
    text, semantic, notice = [], [], ""
    vector = None
    if mode == "hybrid":
        # Ask a query worker for the query's vector (a Redis round trip, no database) while this connection ranks
        # the words. Not a second database connection: a request holding one pooled connection while it waits for
        # another starves the pool under load (200 users: every request timed out at 30 s in bench/load_bench.py).
        pool = ThreadPoolExecutor(max_workers=1)
        vector = pool.submit(embed, q)
        pool.shutdown(wait=False)
    if mode in ("hybrid", "text"):
        text = text_ranking(qs, q, config=config)
    if mode in ("hybrid", "semantic"):
        try:
            semantic = semantic_ranking(qs, vector.result() if vector else embed(q))
        except QueryEmbeddingUnavailable:
            notice = UNAVAILABLE
            if mode == "semantic":
                text = text_ranking(qs, q, config=config)
    ranked = fuse(text, semantic) if text and semantic else (text or semantic)
    # Meaning always finds the nearest entries, so a typo ("lighthose") gets results that are merely the closest:
    # when no entry has the words, titles close in spelling are offered beside them.
    fuzzy = None if text or (ranked and mode == "semantic") else fuzzy_title_hits(qs, q)
    return SearchResult(Results(qs, ranked, q, config), mode=mode, notice=notice, fuzzy=fuzzy)
