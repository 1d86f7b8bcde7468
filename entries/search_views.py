"""The search page and the search/similar API: parse, scope to the user, call entries.search."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from . import selectors
from .filters import EntryFilter, any_filter_set
from .search import MAX_QUERY_CHARS, MODES, run_search
from .text_config import search_config_for

PAGE_SIZE = 20


class SearchForm(forms.Form):
    q = forms.CharField(label="Search for", max_length=MAX_QUERY_CHARS, required=False, strip=True)
    mode = forms.ChoiceField(
        choices=[("hybrid", "Words and meaning"), ("text", "Exact words"), ("semantic", "Meaning")],
        initial="hybrid",
        required=False,
    )


def filtered_queryset(request, params):
    """The user's entries narrowed by every filter except the text query itself."""
    data = params.copy()
    data.pop("q", None)
    entry_filter = EntryFilter(data, queryset=selectors.entries_for(request.user), request=request)
    return entry_filter, (entry_filter.qs if entry_filter.is_valid() else None)


@login_required
def search_page(request):
    form = SearchForm(request.GET or None)
    entry_filter, qs = filtered_queryset(request, request.GET)
    result, page = None, None
    valid = form.is_valid() if request.GET else True
    if request.GET and valid and qs is not None and form.cleaned_data["q"]:
        mode = form.cleaned_data["mode"] or "hybrid"
        config = search_config_for(request.user.language)
        mode = mode if mode in MODES else "hybrid"
        result = run_search(qs, form.cleaned_data["q"], mode, config=config, user_id=request.user.pk)
        page = Paginator(result.hits, PAGE_SIZE).get_page(request.GET.get("page"))
    status = 200 if valid and qs is not None else 400
    context = {"form": form, "filter": entry_filter, "result": result, "page": page}
    # Filters folded away only when none is set and none has an error to show.
    context["filters_open"] = bool(entry_filter.form.errors) or any_filter_set(
        request.GET, besides=("q", "mode", "page")
    )
    return render(request, "entries/search.html", context, status=status)
