"""Journal pages. Thin: parse, authorize (everything is fetched through the user's own querysets), call a service."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, services
from .filters import EntryFilter, any_filter_set
from .forms import EmptyTrashForm, EntryForm, TopicForm
from .models import Topic
from .search import similar_entries

PAGE_SIZE = 20


def _apply_service_errors(form, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@login_required
def entry_list(request):
    entry_filter = EntryFilter(request.GET, queryset=selectors.entries_for(request.user), user=request.user)
    qs = entry_filter.qs if entry_filter.is_valid() else selectors.entries_for(request.user).none()
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    filtering = any_filter_set(request.GET)
    context = {"filter": entry_filter, "page": page, "tags": selectors.tags_for(request.user), "filtering": filtering}
    context["by_relevance"] = bool(entry_filter.is_valid() and entry_filter.form.cleaned_data.get("q"))
    return render(request, "entries/list.html", context, status=200 if entry_filter.is_valid() else 400)


@login_required
def entry_detail(request, pk: int):
    entry = get_object_or_404(selectors.entries_for(request.user), pk=pk)
    # Similar entries come from the user's own journal only (none beside or of a crisis-flagged entry).
    similar = similar_entries(entry, selectors.entries_for(request.user), k=5)
    draft_saved = request.session.pop(DRAFT_SAVED, None)  # the form's draft can go: the server has it now
    context = {"entry": entry, "similar": similar, "draft_saved": draft_saved}
    return render(request, "entries/detail.html", context)


DRAFT_SAVED = "entries:draft-saved"


def _draft_key(user, entry=None) -> str:
    """The browser-side draft's name (static/js/live.js): per account, so nobody else on the browser sees it."""
    return f"draft:{user.pk}:{entry.pk if entry else 'new'}"


@login_required
@require_http_methods(["GET", "POST"])
def entry_create(request):
    form = EntryForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.create_entry(user=request.user, **form.entry_fields())
        except ValidationError as exc:
            _apply_service_errors(form, exc)
        else:
            messages.success(request, "Entry saved. Analysis is on its way.")
            request.session[DRAFT_SAVED] = _draft_key(request.user)
            return redirect("entries:detail", pk=entry.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "is_new": True, "draft_key": _draft_key(request.user)}
    return render(request, "entries/form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request, pk: int):
    entry = get_object_or_404(selectors.entries_for(request.user), pk=pk)
    form = EntryForm(request.POST or None, instance=entry, user=request.user)
    saved_meanwhile = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_entry(entry=entry, expected_revision=form.cleaned_data["revision"], **form.entry_fields())
        except services.EditConflict as conflict:
            # Nothing is saved: the page keeps what was typed, shows what was saved meanwhile, and a second
            # "Save" (now on the latest revision) replaces it knowingly.
            saved_meanwhile = conflict.current
            data = request.POST.copy()
            data["revision"] = saved_meanwhile.revision
            form = EntryForm(data, instance=saved_meanwhile, user=request.user)
            form.is_valid()
            form.add_error(None, CONFLICT)
        except ValidationError as exc:
            _apply_service_errors(form, exc)
        else:
            messages.success(request, "Entry updated.")
            request.session[DRAFT_SAVED] = _draft_key(request.user, entry)
            return redirect("entries:detail", pk=entry.pk)
    status = 409 if saved_meanwhile else 400 if form.errors else 200
    context = {"form": form, "entry": entry, "is_new": False, "draft_key": _draft_key(request.user, entry)}
    context["saved_meanwhile"] = saved_meanwhile
    return render(request, "entries/form.html", context, status=status)


CONFLICT = (
    "This entry was saved somewhere else (another tab or device) after you opened it, so your changes were not "
    "saved. Your text is still here; the version saved meanwhile is shown below. Save again to replace it with yours."
)


@login_required
@require_POST
def entry_trash(request, pk: int):
    entry = get_object_or_404(selectors.entries_for(request.user), pk=pk)
    services.trash_entry(entry=entry)
    messages.success(request, f"“{entry.display_title}” moved to the trash.")
    return redirect("entries:list")


@login_required
def trash_list(request):
    page = Paginator(selectors.entries_for(request.user, trashed=True), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "entries/trash.html", {"page": page, "retention_days": settings.TRASH_RETENTION_DAYS})


@login_required
@require_POST
def entry_restore(request, pk: int):
    entry = get_object_or_404(selectors.entries_for(request.user, trashed=True), pk=pk)
    services.restore_entry(entry=entry)
    messages.success(request, f"“{entry.display_title}” restored.")
    return redirect("entries:detail", pk=entry.pk)


@login_required
@require_POST
def entry_purge(request, pk: int):
    entry = get_object_or_404(selectors.entries_for(request.user, trashed=True), pk=pk)
    services.purge_entry(entry=entry)
    messages.success(request, "Entry deleted for good.")
    return redirect("entries:trash")


@login_required
@require_http_methods(["GET", "POST"])
def trash_empty(request):
    """Asks first (the one irreversible action on the whole trash, pages the reader never saw included), then
    deletes only what was in the trash when the question was asked."""
    form = EmptyTrashForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        count = services.empty_trash(user=request.user, trashed_before=form.cleaned_data["asked_at"])
        messages.success(request, f"Deleted {count} {'entry' if count == 1 else 'entries'} for good.")
        return redirect("entries:trash")
    # In ISO form, to the microsecond and with its offset (the widget's default format keeps neither); a bare
    # POST asks the question again.
    form = EmptyTrashForm(initial={"asked_at": timezone.now().isoformat()})
    context = {"count": selectors.entries_for(request.user, trashed=True).count(), "form": form}
    return render(request, "entries/trash_empty.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def topic_list(request):
    form = TopicForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_topic(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _apply_service_errors(form, exc)
        else:
            messages.success(request, "Topic added.")
            return redirect("entries:topics")
    context = {"topics": selectors.topics_for(request.user), "form": form}
    return render(request, "entries/topics.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def topic_edit(request, pk: int):
    topic = get_object_or_404(Topic, pk=pk, user=request.user)
    form = TopicForm(request.POST or None, instance=topic)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_topic(topic=topic, **form.cleaned_data)
        except ValidationError as exc:
            _apply_service_errors(form, exc)
        else:
            messages.success(request, "Topic updated.")
            return redirect("entries:topics")
    if form.errors:
        topic.refresh_from_db()  # validating the form set the rejected name on it; the heading names the stored one
    return render(
        request, "entries/topic_form.html", {"form": form, "topic": topic}, status=400 if form.errors else 200
    )


@login_required
@require_POST
def topic_delete(request, pk: int):
    topic = get_object_or_404(Topic, pk=pk, user=request.user)
    services.delete_topic(topic=topic)
    messages.success(request, f"Topic “{topic.name}” deleted; its entries are kept.")
    return redirect("entries:topics")
