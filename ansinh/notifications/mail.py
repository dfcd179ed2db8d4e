"""E-mail copies of notices, sent after the transaction that created them has committed.

Django's mail: the console backend on the embedded default, SMTP when ``ANSINH_EMAIL_HOST`` is
set (see ``docs/configuration.md``). A failed sending is logged and leaves ``emailed_at`` empty;
it never undoes or breaks the action that caused the notice.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from ansinh.notifications.models import Notification

log = logging.getLogger(__name__)
CHUNK = 500
PREFERENCES_PATH = "/thong-bao/cai-dat/"


def _message(notice: Notification) -> EmailMessage:
    site = str(getattr(settings, "SITE_URL", "")).rstrip("/")
    lines = [notice.text, ""]
    if notice.link:
        lines.append(f"Xem chi tiết: {site}{notice.link}")
    lines += ["", f"Thư gửi tự động từ ansinh. Tắt thư thông báo tại {site}{PREFERENCES_PATH}"]
    return EmailMessage(
        subject=f"[ansinh] {notice.get_kind_display()}",
        body="\n".join(lines),
        to=[notice.recipient.email],
    )


def send_emails(ids: Sequence[int]) -> int:
    """E-mail the notices ``ids`` whose recipient has an address and has not turned e-mail off."""
    sent = 0
    ids = list(ids)
    for start in range(0, len(ids), CHUNK):
        notices = list(
            Notification.objects.filter(pk__in=ids[start : start + CHUNK], emailed_at__isnull=True)
            .exclude(recipient__email="")
            .exclude(recipient__notification_preference__email_enabled=False)
            .select_related("recipient")
        )
        if not notices:
            continue
        try:
            with get_connection() as connection:
                count = connection.send_messages([_message(n) for n in notices]) or 0
        except Exception:  # an SMTP failure must not break the action that caused the notice
            log.exception("Không gửi được %d thư thông báo", len(notices))
            continue
        Notification.objects.filter(pk__in=[n.pk for n in notices]).update(emailed_at=timezone.now())
        sent += count
    return sent


def send_after_commit(ids: Sequence[int]) -> None:
    """Send the e-mails once the current transaction commits (at once outside a transaction)."""
    if ids:
        transaction.on_commit(functools.partial(send_emails, list(ids)))
