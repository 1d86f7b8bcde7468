"""My data pages: import, export, the printable book, and deleting the account. Thin: parse, authorize, call."""

import tempfile

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import lockout
from entries.importing import services as imports
from entries.importing.report import ImportReport
from entries.importing.selectors import import_jobs_for, job_state

from .portability import book as book_selectors
from .portability.delete import confirmation_errors, delete_account
from .portability.export import export_filename, write_export
from .portability.forms import DeleteAccountForm, ImportForm
from .portability.uploads import TOO_LARGE_MESSAGE, declared_too_large, limit_uploads

RECENT_JOBS = 10


def _index(request, form, status=200, upload_error=""):
    context = {"form": form, "upload_error": upload_error, "jobs": import_jobs_for(request.user)[:RECENT_JOBS]}
    return render(request, "accounts/data/index.html", context, status=status)


@login_required
@require_GET
def index(request):
    return _index(request, ImportForm())


# csrf_exempt + csrf_protect inside: the size check must be installed before the CSRF check reads the body.
@csrf_exempt
@login_required
@require_POST
def import_start(request):
    if declared_too_large(request):
        return _too_large(request)
    size_check = limit_uploads(request)
    return _import_start(request, size_check)


@csrf_protect
def _import_start(request, size_check):
    form = ImportForm(request.POST, request.FILES)
    if size_check.exceeded:
        return _too_large(request)
    if form.is_valid():
        data = form.cleaned_data
        try:
            job = imports.start_import(
                user=request.user, upload=data["file"], fmt=data["format"], dry_run=data["preview"]
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            return redirect("data:import_job", pk=job.pk)
    return _index(request, form, status=400)


def _too_large(request):
    return _index(request, ImportForm(), status=400, upload_error=TOO_LARGE_MESSAGE)


@login_required
@require_GET
def import_job(request, pk: int):
    job = get_object_or_404(import_jobs_for(request.user), pk=pk)
    context = {"job": job, "report": ImportReport.from_dict(job.report) if job.report else None}
    return render(request, "accounts/data/import_job.html", context)


@login_required
@require_GET
def import_status(request, pk: int):
    job = get_object_or_404(import_jobs_for(request.user), pk=pk)
    return JsonResponse(job_state(job))


@login_required
@require_POST
def import_confirm(request, pk: int):
    job = get_object_or_404(import_jobs_for(request.user), pk=pk)
    try:
        imports.confirm_import(job=job)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("data:import_job", pk=job.pk)


@login_required
@require_GET
def export_download(request):
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes (and so deletes) it when sent
    write_export(user=request.user, fileobj=spool)
    spool.seek(0)
    return FileResponse(
        spool, as_attachment=True, filename=export_filename(request.user), content_type="application/zip"
    )


@login_required
@require_GET
def book(request):
    years = book_selectors.book_years(request.user)
    wanted = request.GET.get("year", "")
    if wanted == "all":
        year = None
    elif wanted in {str(y) for y in years}:  # compared as text: int() fails on "²" and on 5,000 digits
        year = int(wanted)
    else:
        year = years[-1] if years else None
    months = book_selectors.book_months(request.user, year=year) if years else []
    return render(request, "accounts/data/book.html", {"years": years, "year": year, "months": months})


@login_required
@require_http_methods(["GET", "POST"])
def delete_account_view(request):
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        errors = confirmation_errors(
            user=request.user,
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password"],
            ip=lockout.client_ip(request),
        )
        for field, message in errors.items():
            form.add_error(field, message)
        if not errors:
            delete_account(user=request.user)
            logout(request)
            # The tag tells the next page to clear this browser's drafts too (static/js/live.js): only now, once the
            # deletion happened, not on a submit that a mistyped password turns back.
            messages.success(request, "Your account and everything in it have been deleted.", extra_tags="clear-drafts")
            return redirect("login")
    return render(request, "accounts/data/delete.html", {"form": form}, status=400 if form.errors else 200)
