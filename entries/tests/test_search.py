"""Search ranking, isolation and hostile queries on a small fixed corpus with real MiniLM embeddings."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import Value
from django.urls import reverse
from django.utils import timezone

from entries import selectors
from entries.models import Entry
from entries.search import (
    MODES,
    UNAVAILABLE,
    _size_key,
    fuse,
    journal_size,
    run_search,
    semantic_hits,
    semantic_ranking,
    similar_entries,
    text_hits,
    text_ranking,
)
from ml_models.pipeline import get_pipeline

CORPUS = [
    ("Exam", "I was anxious before the exam and my hands were shaking."),
    ("River", "Took the quiet morning walk along the river, herons everywhere."),
    ("Scattered", "Morning coffee. Later a quiet lunch. In the evening a short walk."),
    ("Lighthouse", "Climbed the old lighthouse steps with Sam."),
    ("Pets", "The cats fought over the sofa again; the dog ignored them."),
    ("Budget", "Sorted the household budget and paid the electricity bill."),
]


def embed(texts):
    return get_pipeline().embedder.encode(texts)


@pytest.fixture
def corpus(user, entry_factory):
    vectors = embed([f"{t}.\n{c}" for t, c in CORPUS])
    entries = {}
    for i, ((title, content), vector) in enumerate(zip(CORPUS, vectors)):
        entries[title] = entry_factory(
            user=user, title=title, content=content, embedding=vector.tolist(), analysis_status="done",
            entry_date=datetime.date(2026, 1, 1) + datetime.timedelta(days=i),
        )  # fmt: skip
    return entries


def titles(hits):
    return [h.entry.title for h in hits]


@pytest.mark.django_db
def test_exact_phrase_beats_scattered_words(user, corpus):
    hits = text_hits(selectors.entries_for(user), '"quiet morning walk"')
    assert titles(hits) == ["River"]
    ranked = text_hits(selectors.entries_for(user), "quiet morning walk")
    assert titles(ranked)[:2] == ["River", "Scattered"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query,expected",
    [("lightho", ["Lighthouse"]), ("cats or budget", ["Pets", "Budget"]), ("walk -river", ["Scattered"])],
)
def test_prefix_or_and_exclusion(user, corpus, query, expected):
    assert sorted(titles(text_hits(selectors.entries_for(user), query))) == sorted(expected)


@pytest.mark.django_db
def test_a_hyphenated_word_being_typed_still_matches_by_prefix(user, entry_factory):
    entry_factory(user=user, title="Kindness", content="Practising self-compassion today.")
    entry_factory(user=user, title="Other", content="A self-portrait in charcoal.")
    assert titles(text_hits(selectors.entries_for(user), "self-comp")) == ["Kindness"]
    assert titles(text_hits(selectors.entries_for(user), "charcoal -self")) == []  # a leading dash still excludes


@pytest.mark.django_db
def test_snippets_highlight_matches_and_escape_html(user, entry_factory):
    entry_factory(user=user, title="x", content="<script>alert(1)</script> 1 < 2 & my lighthouse trip <img onerror=x>")
    [hit] = text_hits(selectors.entries_for(user), "lighthouse")
    assert "<mark>lighthouse</mark>" in hit.snippet
    without_marks = hit.snippet.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in without_marks and ">" not in without_marks and "&lt;" in without_marks


@pytest.mark.django_db
def test_semantic_search_finds_meaning_without_shared_words(user, corpus):
    [vector] = embed(["test nerves"])
    assert titles(semantic_hits(selectors.entries_for(user), vector))[0] == "Exam"


@pytest.mark.django_db
def test_hybrid_fusion_puts_entries_found_both_ways_first(user, corpus):
    qs = selectors.entries_for(user)
    [vector] = embed(["walk by the river"])
    fused = fuse(text_ranking(qs, "walk"), semantic_ranking(qs, vector))
    assert fused[0].pk == corpus["River"].pk and fused[0].text_rank and fused[0].semantic_rank


@pytest.mark.django_db
def test_a_user_gets_k_results_when_they_have_k_entries(user, corpus):
    [vector] = embed(["anything at all"])
    assert len(semantic_hits(selectors.entries_for(user), vector, limit=6)) == 6


@pytest.mark.django_db
@pytest.mark.parametrize("cached_size", [0, 10**6])  # too small: exact scan; too large: the HNSW path
def test_a_stale_journal_size_changes_the_path_not_the_results(user, corpus, cached_size):
    qs = selectors.entries_for(user)
    [vector] = embed(["I was anxious before the exam"])
    expected = [r.pk for r in semantic_ranking(qs, vector, strategy="exact")]
    assert journal_size(qs) == len(CORPUS)
    cache.set(_size_key(qs), cached_size)
    assert journal_size(qs) == cached_size  # the hint is read from the cache
    assert [r.pk for r in semantic_ranking(qs, vector)] == expected


@pytest.mark.django_db
def test_result_rows_carry_everything_the_page_and_api_show(user, corpus, django_assert_num_queries):
    from entries.api.search import HitSerializer

    result = run_search(selectors.entries_for(user), "walk", "text")
    hits = result.hits[:20]
    assert hits
    with django_assert_num_queries(0):  # only the fields loaded: a deferred one would cost a query per row
        data = HitSerializer(hits, many=True).data
        shown = [(h.entry.pk, h.entry.display_title, h.entry.content, h.entry.entry_date) for h in hits]  # the page
    assert len(data) == len(shown) == len(hits)


@pytest.mark.django_db
def test_a_filter_that_matches_nothing_searches_nothing(user, corpus):
    [vector] = embed(["walk"])  # a filter can hand search qs.none()
    for mode in MODES:
        assert len(run_search(selectors.entries_for(user).none(), "walk", mode, embed=lambda _q: vector).hits) == 0


@pytest.mark.django_db
@pytest.mark.parametrize("strategy", ["exact", "hnsw"])
def test_planner_settings_end_with_the_search_inside_a_callers_transaction(user, corpus, strategy):
    [vector] = embed(["walk"])
    with connection.cursor() as cur:  # a django_db test already runs inside a transaction
        cur.execute("SHOW random_page_cost")
        before = cur.fetchone()[0]
        assert semantic_ranking(selectors.entries_for(user), vector, strategy=strategy)
        cur.execute("SELECT current_setting('random_page_cost'), current_setting('hnsw.ef_search', true)")
        assert cur.fetchone() == (before, "40")  # pgvector's default ef_search


@pytest.mark.django_db
def test_the_exact_vector_scan_reads_only_what_the_covering_index_holds(user):
    import re

    from entries.search import ExactCosineDistance, _ranked

    [index] = [i for i in Entry._meta.indexes if i.name == "entry_user_vectors"]
    held = {"user_id", "deleted_at", *index.include}  # deleted_at and embedding: the index's condition
    qs = selectors.entries_for(user).filter(embedding__isnull=False)
    captured = []
    with connection.execute_wrapper(lambda run, sql, *a: captured.append(sql) or run(sql, *a)):
        _ranked(qs, ExactCosineDistance("embedding", Value("[" + ",".join(["0.1"] * 384) + "]")), 10)
    # Anything else would send the planner back to the table rows, one per entry (bench/search_bench.py).
    assert set(re.findall(r'"entries_entry"\."(\w+)"', captured[0])) <= held


@pytest.mark.django_db
def test_other_users_and_trashed_entries_never_appear(user, other_user, corpus, entry_factory):
    [vector] = embed(["I was anxious before the exam"])
    theirs = entry_factory(user=other_user, title="Exam too", content="I was anxious before the exam.",
                           embedding=vector.tolist())  # fmt: skip
    Entry.objects.filter(pk=corpus["Lighthouse"].pk).update(deleted_at=timezone.now())
    qs = selectors.entries_for(user)
    for hits in (text_hits(qs, "exam"), semantic_hits(qs, vector), text_hits(qs, "lighthouse")):
        assert theirs.pk not in [h.entry.pk for h in hits]
        assert corpus["Lighthouse"].pk not in [h.entry.pk for h in hits]
    similar = similar_entries(Entry.objects.get(pk=corpus["Exam"].pk), qs, k=10)
    assert corpus["Exam"].pk not in [h.entry.pk for h in similar]
    assert theirs.pk not in [h.entry.pk for h in similar] and len(similar) == 4


@pytest.mark.django_db
def test_without_a_worker_hybrid_search_degrades_to_words_with_a_notice(user, corpus, settings):
    result = run_search(selectors.entries_for(user), "lighthouse", "hybrid")
    assert titles(result.hits) == ["Lighthouse"]
    assert "unavailable" in result.notice


@pytest.mark.django_db
def test_typos_offer_a_fuzzy_title_match(user, corpus):
    result = run_search(selectors.entries_for(user), "lighthose", "text")
    assert len(result.hits) == 0 and titles(result.fuzzy) == ["Lighthouse"]


@pytest.mark.django_db
def test_a_typo_in_hybrid_search_offers_titles_beside_the_closest_in_meaning(user, corpus):
    result = run_search(selectors.entries_for(user), "lighthose", "hybrid", embed=lambda q: embed([q])[0])
    assert len(result.hits) > 0 and titles(result.fuzzy) == ["Lighthouse"]  # meaning always finds something
    found = run_search(selectors.entries_for(user), "lighthouse", "hybrid", embed=lambda q: embed([q])[0])
    assert found.fuzzy is None


HOSTILE = ["'", "&", "|", "!", "()", ":*", "'&|!():*", "a & | b", "the and of", "\\", "--", "%_", "🙂", "\x00x"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_answer_200_in_every_mode(api, corpus, query):
    for mode in ("text", "hybrid", "semantic"):
        response = api.get("/api/v1/search/", {"q": query, "mode": mode})
        assert response.status_code in (200, 400), response.content
        if response.status_code == 400:
            assert "q" in response.json()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params,field", [({"q": ""}, "q"), ({"q": "x" * 10_000}, "q"), ({"q": "x", "mode": "magic"}, "mode"),
                     ({"q": "x", "page": 0}, "page"), ({"q": "x", "date_from": "nope"}, "date_from"),
                     ({"q": "x", "sentiment_min": "2"}, "sentiment_min")],
)  # fmt: skip
def test_bad_search_parameters_are_400_with_a_field_message(api, params, field):
    response = api.get("/api/v1/search/", params)
    assert response.status_code == 400 and field in response.json()


@pytest.mark.django_db
def test_search_api_filters_compose(api, user, corpus):
    Entry.objects.filter(pk=corpus["River"].pk).update(
        dominant_emotion="joy", sentiment_score=0.8, analysis_status="done"
    )
    body = api.get("/api/v1/search/", {"q": "walk", "mode": "text", "emotion": "joy", "sentiment_min": "0.5"}).json()
    assert [r["entry"]["title"] for r in body["results"]] == ["River"]
    body = api.get("/api/v1/search/", {"q": "walk", "mode": "text", "date_from": "2026-01-03"}).json()
    assert [r["entry"]["title"] for r in body["results"]] == ["Scattered"]


@pytest.mark.django_db
def test_similar_endpoint_is_scoped_and_validated(api, user, other_user, corpus, entry_factory):
    response = api.get(f"/api/v1/entries/{corpus['Exam'].pk}/similar/", {"k": 3})
    assert response.status_code == 200 and len(response.json()) == 3
    assert all(0 <= r["similarity"] <= 1 for r in response.json())
    theirs = entry_factory(user=other_user)
    assert api.get(f"/api/v1/entries/{theirs.pk}/similar/").status_code == 404
    assert api.get(f"/api/v1/entries/{corpus['Exam'].pk}/similar/", {"k": 0}).status_code == 400


@pytest.mark.django_db
def test_similar_entries_never_resurface_a_flagged_entry_nor_list_any_for_one(api, user, corpus):
    exam = corpus["Exam"]
    everything = {r["entry"]["id"] for r in api.get(f"/api/v1/entries/{exam.pk}/similar/", {"k": 20}).json()}
    nearest = api.get(f"/api/v1/entries/{exam.pk}/similar/", {"k": 1}).json()[0]["entry"]["id"]
    Entry.objects.filter(pk=nearest).update(crisis_flagged=True)
    after = {r["entry"]["id"] for r in api.get(f"/api/v1/entries/{exam.pk}/similar/", {"k": 20}).json()}
    assert after == everything - {nearest}
    assert api.get(f"/api/v1/entries/{nearest}/similar/").json() == []


@pytest.mark.django_db
def test_an_entry_edited_since_its_analysis_is_neither_matched_nor_matching(api, user, corpus):
    """An edit keeps the old vector and crisis flag until the new analysis lands: the new text is unscreened."""
    exam = corpus["Exam"]
    nearest = api.get(f"/api/v1/entries/{exam.pk}/similar/", {"k": 1}).json()[0]["entry"]["id"]
    Entry.objects.filter(pk=nearest).update(analysis_status="pending")
    assert nearest not in {r["entry"]["id"] for r in api.get(f"/api/v1/entries/{exam.pk}/similar/", {"k": 20}).json()}
    assert api.get(f"/api/v1/entries/{nearest}/similar/").json() == []


@pytest.mark.django_db
def test_search_page_shows_highlighted_results_and_handles_bad_input(browser_client, corpus):
    page = browser_client.get(reverse("entries:search"), {"q": "lighthouse", "mode": "text"})
    assert page.status_code == 200 and "<mark>lighthouse</mark>" in page.content.decode().lower()
    assert browser_client.get(reverse("entries:search"), {"q": "x" * 10_000}).status_code == 400
    assert browser_client.get(reverse("entries:search"), {"q": "'&|!():*", "mode": "text"}).status_code == 200
    assert browser_client.get(reverse("entries:search")).status_code == 200
    # The search form as a browser submits it untouched (closed filters, blank mood) finds what the words find.
    untouched = browser_client.get(reverse("entries:search"), {"q": "lighthouse", "mode": "text", "mood": ""})
    assert '<option value="" selected>Any mood</option>' in untouched.content.decode()
    assert "<mark>lighthouse</mark>" in untouched.content.decode().lower()


@pytest.mark.django_db
def test_results_load_rows_and_snippets_only_for_the_page_shown(user, entry_factory, django_assert_num_queries):
    for i in range(25):
        entry_factory(user=user, title=f"Day {i}", content=f"Walked to the lighthouse again, visit {i}.",
                      entry_date=datetime.date(2026, 1, 1) + datetime.timedelta(days=i))  # fmt: skip
    result = run_search(selectors.entries_for(user), "lighthouse", "text")
    assert len(result.hits) == 25
    with django_assert_num_queries(1):  # the five rows with their snippets
        second_page = result.hits[20:25]
    assert [h.text_rank for h in second_page] == [21, 22, 23, 24, 25]
    assert all("<mark>lighthouse</mark>" in h.snippet for h in second_page)
    assert [h.entry.title for h in result.hits[:2]] == ["Day 24", "Day 23"]  # equal ranks: the newest first


@pytest.mark.django_db
def test_hybrid_asks_for_the_query_vector_while_it_ranks_the_words(user, corpus):
    """The embedding round trip runs beside the word ranking, on no database connection of its own."""
    import threading

    from django.db import connections

    seen = {}
    [vector] = embed(["walk by the river"])

    def embed_query(_q):
        seen["thread"] = threading.get_ident()
        seen["opened_a_connection"] = connections["default"].connection is not None
        return vector

    result = run_search(selectors.entries_for(user), "walk", "hybrid", embed=embed_query)
    assert seen == {"thread": seen["thread"], "opened_a_connection": False}
    assert seen["thread"] != threading.get_ident()
    assert result.hits[0].entry.title == "River" and result.hits[0].text_rank and result.hits[0].semantic_rank


def test_a_cached_query_vector_serves_only_the_user_who_searched(user, other_user, corpus, settings):
    """Shared between users, a cached vector answered while no worker does would tell one user what another
    searched for; it is also keyed by the embedding model, so a new model never serves the old vectors."""
    from ml_models.query_embedding import DOWN_KEY, _cache_key

    [vector] = embed(["a walk by the river"])
    cache.set(_cache_key("river walk", user.pk), vector.tolist(), 60)  # this user searched it a moment ago
    cache.set(DOWN_KEY, 1, 60)  # and now no query worker answers
    try:
        own = run_search(selectors.entries_for(user), "river walk", "hybrid", user_id=user.pk)
        theirs = run_search(selectors.entries_for(other_user), "river walk", "hybrid", user_id=other_user.pk)
        assert own.notice == "" and any(hit.semantic_rank for hit in own.hits)
        assert theirs.notice == UNAVAILABLE  # exactly as for a query nobody searched
        settings.ML_EMBEDDING_MODEL = "some/other-model"
        assert run_search(selectors.entries_for(user), "river walk", "hybrid", user_id=user.pk).notice == UNAVAILABLE
    finally:
        cache.delete(DOWN_KEY)


def test_deleting_an_account_forgets_its_cached_query_vectors(user, other_user, django_capture_on_commit_callbacks):
    from accounts.portability.delete import delete_account
    from ml_models.query_embedding import _cache_key

    for owner in (user, other_user):
        cache.set(_cache_key("my private worry", owner.pk), [0.0] * 384, 60)
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(user=other_user)
    assert cache.get(_cache_key("my private worry", other_user.pk)) is None
    assert cache.get(_cache_key("my private worry", user.pk)) is not None
