"""``ansinh bench load``: officers and readers at once against a server of its own, over scratch data.

Starts ``ansinh serve`` on 127.0.0.1 (a free port) over a scratch data directory (or, when
``DATABASE_URL`` names PostgreSQL, a scratch database named after it with ``_bench`` appended, made
afresh), fills it with ``bench_load_data`` (the demo plus one commune officer and open submission per
simulated officer, and supervisors of Hồ Chí Minh City), signs everyone in with a real login, then
for ``--duration`` seconds: each officer opens their submission, thinks, saves a new value, thinks
again; each reader opens the city dashboard and thinks. Every acknowledged save (a redirect back to
the submission) is read back at the end: ``lost`` counts those not stored. ``--saturate`` then
measures the submission page alone with clients that do not think. Nothing leaves 127.0.0.1.
The scratch data, database and server live in :mod:`ansinh.core.bench_load_env`.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import secrets
import threading
import time
from collections.abc import Callable
from typing import Any

from ansinh.core.bench_http import Client, Recorder, cpu_sample, form_fields, parallel, percentile
from ansinh.core.bench_load_env import scratch_env, seed, server

Write = Callable[[str], None]
SUBMISSION_URL = "/bao-cao-dinh-ky/{id}/"
DASHBOARD_URL = "/bao-cao/bang-dieu-khien/{plan}/?unit={city}"
LOGIN_URL = "/dang-nhap/"


def _positive(what: str, upper: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what} phải là số nguyên, không phải «{text}»") from None
        if not 0 <= value <= upper:
            raise argparse.ArgumentTypeError(f"{what} phải từ 0 đến {upper}")
        return value

    return parse


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"thời gian nghĩ phải là số giây, không phải «{text}»") from None
    if not 0 <= value <= 600:
        raise argparse.ArgumentTypeError("thời gian nghĩ phải từ 0 đến 600 giây")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--users", type=_positive("số cán bộ", 2000), default=300, help="số cán bộ xã/phường (mặc định 300)")
    parser.add_argument("--readers", type=_positive("số người xem", 500), default=30, help="số người xem bảng điều khiển (mặc định 30)")
    parser.add_argument("--duration", type=_positive("thời gian đo", 3600), default=60, help="số giây đo (mặc định 60)")
    parser.add_argument(
        "--think", type=_seconds, nargs=2, default=[5.0, 10.0], metavar=("MIN", "MAX"),
        help="thời gian nghĩ giữa hai thao tác, giây (mặc định 5 10)",
    )
    parser.add_argument("--saturate", action="store_true", help="đo thêm trang báo cáo một mình, không nghĩ (yêu cầu/giây)")
    parser.add_argument(
        "--clients", type=_positive("số luồng đo bão hòa", 256), default=8, help="số luồng khi đo bão hòa (mặc định 8)"
    )
    parser.add_argument("--keep", action="store_true", help="giữ lại thư mục dữ liệu/cơ sở dữ liệu tạm")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")


def login(port: int, username: str, password: str, rec: Recorder) -> Client:
    client = Client(port)
    page = client.get(LOGIN_URL)
    fields = dict(form_fields(page.text))
    data = [("csrfmiddlewaretoken", fields.get("csrfmiddlewaretoken", "")), ("username", username), ("password", password)]
    answer = client.post(LOGIN_URL, data)
    rec.add("login", answer.elapsed, ok=answer.status == 302 and "sessionid" in client.cookies, why=str(answer.status))
    return client


def officer_loop(client: Client, submission_id: int, stop_at: float, think: tuple[float, float], rec: Recorder,
                 acked: dict[int, str], rng: random.Random) -> None:
    url = SUBMISSION_URL.format(id=submission_id)
    time.sleep(rng.uniform(0, think[1]))  # arrivals spread over one think time
    n = 0
    while time.monotonic() < stop_at:
        try:
            page = client.get(url)
            rec.add("open", page.elapsed, ok=page.status == 200, why=str(page.status))
            fields = form_fields(page.text, form_index=0)
            target = save_field(fields)
            if page.status != 200 or target is None:
                rec.add("save", 0.0, ok=False, why="no form")
                time.sleep(rng.uniform(*think))
                continue
            time.sleep(rng.uniform(*think))
            if time.monotonic() >= stop_at:
                break
            n += 1
            value = str(n % 90 + 1)
            data = [(k, value if k == target else v) for k, v in fields]
            answer = client.post(url, data)
            ok = answer.status == 302
            rec.add("save", answer.elapsed, ok=ok, why=str(answer.status))
            if ok:
                acked[submission_id] = f"{target}={value}"
        except OSError as err:
            rec.add("request", 0.0, ok=False, why=type(err).__name__)
        time.sleep(rng.uniform(*think))


def save_field(fields: list[tuple[str, str]]) -> str | None:
    """The first plain value field of the form (a row without numerator/denominator)."""
    names = {k for k, _ in fields}
    for name, _ in fields:
        if name.startswith("ind-") and name.endswith("-value"):
            prefix = name[: -len("value")]
            if prefix + "numerator" not in names:
                return name
    return None


def reader_loop(client: Client, url: str, stop_at: float, think: tuple[float, float], rec: Recorder,
                rng: random.Random) -> None:
    time.sleep(rng.uniform(0, think[1]))
    while time.monotonic() < stop_at:
        try:
            page = client.get(url)
            rec.add("dashboard", page.elapsed, ok=page.status == 200, why=str(page.status))
        except OSError as err:
            rec.add("dashboard", 0.0, ok=False, why=type(err).__name__)
        time.sleep(rng.uniform(*think))


def verify(clients: dict[int, Client], acked: dict[int, str]) -> int:
    """How many acknowledged saves are not what the stored submission shows now."""
    lost = 0
    for submission_id, expected in acked.items():
        name, value = expected.split("=", 1)
        page = clients[submission_id].get(SUBMISSION_URL.format(id=submission_id))
        stored = dict(form_fields(page.text, form_index=0)).get(name, "")
        if page.status != 200 or stored.strip() != value:
            lost += 1
    return lost


def saturate(clients: list[Client], urls: list[str], seconds: float) -> tuple[float, Recorder]:
    rec = Recorder()
    stop_at = time.monotonic() + seconds

    def loop(client: Client, url: str) -> None:
        while time.monotonic() < stop_at:
            try:
                page = client.get(url)
                rec.add("submission_page", page.elapsed, ok=page.status == 200, why=str(page.status))
            except OSError as err:
                rec.add("submission_page", 0.0, ok=False, why=type(err).__name__)

    started = time.monotonic()
    threads = [threading.Thread(target=loop, args=(c, u)) for c, u in zip(clients, urls, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    return len(rec.times("submission_page")) / elapsed, rec


def run(options: dict[str, Any], write: Write) -> dict[str, Any]:
    users, readers, duration = options["users"], options["readers"], options["duration"]
    think = (min(options["think"]), max(options["think"]))
    if users < 1:
        raise SystemExit("Lỗi: cần ít nhất một cán bộ (--users).")
    password = f"Thu-tai-{secrets.token_urlsafe(16)}-9x"  # upper, lower, digit and symbol for any password policy
    rng = random.Random(42)
    with scratch_env(options["keep"], write) as env:
        started = time.monotonic()
        data = seed(env, users, readers, password)
        write(f"Đã tạo dữ liệu thử ({time.monotonic() - started:.0f} giây).")
        port = int(env["ANSINH_PORT"])
        with server(env) as proc:
            rec = Recorder()
            officers: dict[int, Client] = {}
            viewers: list[Client] = []
            pool = parallel(8)

            def sign_in_officer(n: int, sid: int) -> None:
                officers[sid] = login(port, f"load_officer_{n}", password, rec)

            def sign_in_reader(n: int) -> None:
                viewers.append(login(port, f"load_reader_{n}", password, rec))

            for n, sid in enumerate(data["submissions"]):
                pool(functools.partial(sign_in_officer, n, sid))
            for n in range(readers):
                pool(functools.partial(sign_in_reader, n))
            pool(None)
            write(f"Đã đăng nhập {len(officers) + len(viewers)} tài khoản; đo trong {duration} giây…")
            acked: dict[int, str] = {}
            before = cpu_sample(proc.pid)
            client_before = time.process_time()  # this process: the load generator itself
            stop_at = time.monotonic() + duration
            phase = Recorder()
            dashboard = DASHBOARD_URL.format(plan=data["plan"], city=data["city"])
            threads = [
                threading.Thread(target=officer_loop, args=(c, sid, stop_at, think, phase, acked, random.Random(rng.random())))
                for sid, c in officers.items()
            ] + [
                threading.Thread(target=reader_loop, args=(c, dashboard, stop_at, think, phase, random.Random(rng.random())))
                for c in viewers
            ]
            t0 = time.monotonic()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.monotonic() - t0
            after = cpu_sample(proc.pid)
            client_cpu = time.process_time() - client_before
            lost = verify(officers, acked)
            result = summary(users, readers, duration, phase, rec, elapsed, before, after, lost, len(acked))
            result["client_cpu_s"] = round(client_cpu, 1)
            result["client_cpu_pct_of_machine"] = round(100 * client_cpu / (elapsed * (os.cpu_count() or 1)), 1)
            if options["saturate"]:
                n = max(1, options["clients"])
                ids = list(officers)[:n]
                clients = [officers[ids[i % len(ids)]] for i in range(n)]
                urls = [SUBMISSION_URL.format(id=ids[i % len(ids)]) for i in range(n)]
                s_before, s_client = cpu_sample(proc.pid), time.process_time()
                rps, srec = saturate(clients, urls, min(max(duration / 2, 5), 30))
                s_after, s_client = cpu_sample(proc.pid), time.process_time() - s_client
                answered = len(srec.times("submission_page"))
                result["saturate_server_cpu_ms_per_request"] = (
                    round(1000 * (s_after["server"] - s_before["server"]) / answered, 1) if answered else None
                )
                result["saturate_client_cpu_ms_per_request"] = round(1000 * s_client / answered, 1) if answered else None
                busy, total = s_after["busy"] - s_before["busy"], s_after["total"] - s_before["total"]
                result["saturate_cpu_busy_pct"] = round(100 * busy / total, 1) if total else None
                result["submission_page_rps"] = round(rps, 1)
                result["submission_page_p50_ms"] = _ms(percentile(srec.times("submission_page"), 50))
                result["saturate_errors"] = srec.errors
                result["saturate_clients"] = n
    report(result, write)
    return result


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)


def summary(users: int, readers: int, duration: int, phase: Recorder, logins: Recorder, elapsed: float,
            before: dict[str, float], after: dict[str, float], lost: int, acked: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "users": users, "readers": readers, "duration_s": duration,
        "requests": phase.requests, "errors": phase.errors + logins.errors, "lost": lost, "acknowledged_saves": acked,
        "error_kinds": {**logins.kinds, **phase.kinds},
        "throughput_rps": round(phase.requests / elapsed, 1) if elapsed else 0.0,
    }
    for action in ("open", "save", "dashboard", "login"):
        times = (logins if action == "login" else phase).times(action)
        result[f"{action}_count"] = len(times)
        for p in (50, 95, 99):
            result[f"{action}_p{p}_ms"] = _ms(percentile(times, p))
    busy = after["busy"] - before["busy"]
    total = after["total"] - before["total"]
    result["cpu_busy_pct"] = round(100 * busy / total, 1) if total else None
    result["server_cpu_s"] = round(after["server"] - before["server"], 1)
    # CPU the server spent per answered request: what bounds throughput on an idle machine
    result["server_cpu_ms_per_request"] = (
        round(1000 * (after["server"] - before["server"]) / phase.requests, 1) if phase.requests else None
    )
    result["cpus"] = os.cpu_count()
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    return result


def report(r: dict[str, Any], write: Write) -> None:
    write(f"{r['users']} cán bộ + {r['readers']} người xem trong {r['duration_s']} giây: {r['requests']} yêu cầu, "
          f"{r['throughput_rps']} yêu cầu/giây, {r['errors']} lỗi, {r['lost']} lần lưu bị mất "
          f"(trên {r['acknowledged_saves']} báo cáo đã xác nhận lưu)")
    if r["error_kinds"]:
        write("  lỗi: " + ", ".join(f"{kind} × {n}" for kind, n in sorted(r["error_kinds"].items())))
    for action, label in (("open", "mở báo cáo"), ("save", "lưu số liệu"), ("dashboard", "bảng điều khiển"), ("login", "đăng nhập")):
        write(f"  {label:<16} n={r[action + '_count']:<6} p50 {r[action + '_p50_ms']} ms  p95 {r[action + '_p95_ms']} ms  "
              f"p99 {r[action + '_p99_ms']} ms")
    write(f"  CPU máy bận {r['cpu_busy_pct']} % ({r['cpus']} lõi), máy chủ dùng {r['server_cpu_s']} giây CPU "
          f"({r['server_cpu_ms_per_request']} ms mỗi yêu cầu), tải trung bình {r['load_average']}")
    if "client_cpu_s" in r:
        write(f"  bộ tạo tải (cùng máy) dùng {r['client_cpu_s']} giây CPU = {r['client_cpu_pct_of_machine']} % CPU của máy")
    if "submission_page_rps" in r:
        write(f"  bão hòa trang báo cáo ({r['saturate_clients']} luồng): {r['submission_page_rps']} yêu cầu/giây, "
              f"p50 {r['submission_page_p50_ms']} ms, {r['saturate_errors']} lỗi; CPU mỗi yêu cầu: máy chủ "
              f"{r['saturate_server_cpu_ms_per_request']} ms, bộ tạo tải {r['saturate_client_cpu_ms_per_request']} ms; "
              f"máy bận {r['saturate_cpu_busy_pct']} %")
