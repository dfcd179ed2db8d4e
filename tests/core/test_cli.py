"""The ``ansinh`` console script speaks Vietnamese: command list, usage errors and refusals."""

from __future__ import annotations

import pytest

from ansinh.cli import main


def test_the_command_list_shows_ansinh_commands_with_their_vietnamese_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "Lệnh của ansinh:" in out
    assert "  demo       Tạo hoặc cập nhật" in out
    assert "Lệnh quản trị của Django" in out


def test_an_unknown_command_is_refused_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["khong-co"])
    assert caught.value.code == 1
    assert "Không có lệnh «khong-co»" in capsys.readouterr().err


def test_a_missing_argument_is_reported_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["plan", "parse"])
    err = capsys.readouterr().err
    assert caught.value.code == 2
    assert "cách dùng: ansinh plan parse" in err
    assert "lỗi: thiếu tham số bắt buộc: file" in err


def test_a_wrong_choice_is_reported_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["bench", "khong-co"])
    assert "lựa chọn không hợp lệ: 'khong-co' (chọn một trong:" in capsys.readouterr().err


@pytest.mark.django_db
def test_a_refusal_starts_with_loi_not_commanderror(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["reporting", "cycles", "x", "2025"])
    err = capsys.readouterr().err
    assert caught.value.code == 1
    assert err.startswith("Lỗi: Mã kế hoạch phải là số nguyên dương")
    assert "CommandError" not in err


class _Failing:
    def __init__(self, error: Exception) -> None:
        self.error = error

    def execute(self) -> None:
        raise self.error


def test_a_command_run_before_migrate_says_to_run_migrate_instead_of_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.db import OperationalError, ProgrammingError

    import ansinh.cli

    for error in (OperationalError("no such table: geo_administrativeunit"),
                  ProgrammingError('relation "geo_administrativeunit" does not exist')):
        monkeypatch.setattr(ansinh.cli, "utility", lambda argv, e=error: _Failing(e))
        assert main(["geo", "load"]) == 2
        assert "hãy chạy «ansinh migrate» trước" in capsys.readouterr().err
    monkeypatch.setattr(ansinh.cli, "utility", lambda argv: _Failing(OperationalError("database is locked")))
    with pytest.raises(OperationalError):  # any other database error is not disguised
        main(["geo", "load"])
