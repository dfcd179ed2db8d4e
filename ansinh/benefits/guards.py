"""The benefits app's merge guard (``registry.dedup.guards``): two persons are not merged while money
is in flight for either of them — a payment line still waiting, sent or failed (not yet retried or
moved to cash) — or while an account change of either awaits approval. Merging then would leave a
payment or an account pointing at a person that no longer exists on its own."""

from __future__ import annotations

from collections.abc import Sequence


def open_payment_guard(person_ids: Sequence[int]) -> str | None:
    from ansinh.benefits.models import BankAccount, PaymentLine

    line = (
        PaymentLine.objects.filter(
            person_id__in=list(person_ids),
            status__in=(PaymentLine.Status.PENDING, PaymentLine.Status.EXPORTED, PaymentLine.Status.FAILED),
        ).select_related("person").order_by("month", "id").first()
    )
    if line is not None:
        return (
            f"Không gộp được: {line.person.full_name} đang có khoản chi trả trợ cấp tháng {line.month:%m/%Y} chưa xong "
            f"(danh sách số {line.payment_list_id}, {line.get_status_display().lower()}); hãy gộp sau khi đối soát xong."
        )
    account = BankAccount.objects.filter(person_id__in=list(person_ids), status=BankAccount.Status.PENDING).select_related("person").first()
    if account is not None:
        return f"Không gộp được: {account.person.full_name} đang có đề nghị đổi tài khoản nhận trợ cấp chờ duyệt."
    return None


def register() -> bool:
    """Register the guard where the registry offers merge guards (False when it does not)."""
    try:
        from ansinh.registry.dedup.guards import register_merge_guard  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return False
    register_merge_guard(open_payment_guard)
    return True
