"""The user's notices: a paged list, mark read (one or all), and the e-mail preference."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from ansinh.notifications.actions import do_set_email, mark_read
from ansinh.notifications.forms import EmailPreferenceForm
from ansinh.notifications.models import Notification, NotificationPreference

PAGE_SIZE = 20


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    notices = Notification.objects.filter(recipient_id=request.user.pk).order_by("-created_at", "-id")
    unread_only = request.GET.get("chua_doc") == "1"
    if unread_only:
        notices = notices.filter(read_at__isnull=True)
    page = Paginator(notices, PAGE_SIZE).get_page(request.GET.get("trang"))
    query = "chua_doc=1" if unread_only else ""
    return render(request, "notifications/list.html", {"page": page, "unread_only": unread_only, "query": query})


@login_required
@require_POST
def read_one(request: HttpRequest, notification_id: int) -> HttpResponse:
    notice = Notification.objects.filter(recipient_id=request.user.pk, pk=notification_id).first()
    if notice is None:
        raise Http404("Không tìm thấy thông báo.")
    mark_read(request.user, notice.pk)
    if request.POST.get("open") and notice.link and url_has_allowed_host_and_scheme(notice.link, allowed_hosts=None):
        return redirect(notice.link)
    return redirect("notifications:list")


@login_required
@require_POST
def read_all(request: HttpRequest) -> HttpResponse:
    count = mark_read(request.user)
    messages.success(request, f"Đã đánh dấu {count} thông báo là đã đọc.")
    return redirect("notifications:list")


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    current = NotificationPreference.objects.filter(user_id=request.user.pk or 0).first()
    enabled = current.email_enabled if current else True
    if request.method == "POST":
        form = EmailPreferenceForm(request.POST)
        if form.is_valid():
            on = form.cleaned_data["email"] == "on"
            do_set_email(request.user, on)
            messages.success(request, "Đã bật thư thông báo." if on else "Đã tắt thư thông báo.")
            return redirect("notifications:preferences")
        status = 400
    else:
        form = EmailPreferenceForm(initial={"email": "on" if enabled else "off"})
        status = 200
    context = {"form": form, "enabled": enabled, "has_email": bool(request.user.email)}  # type: ignore[union-attr]
    return render(request, "notifications/preferences.html", context, status=status)
