"""Serving the WSGI application with waitress, a production-grade pure-Python server."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings


def serve(write: Callable[[str], None], host: str | None = None, port: int | None = None) -> None:
    from waitress import serve as waitress_serve

    from ansinh.wsgi import application

    host = host or settings.HOST
    port = port or settings.PORT
    write(f"ansinh đang chạy tại http://{host}:{port}/ — nhấn Ctrl-C để dừng.")
    try:
        # waitress returns normally on Ctrl-C (it catches KeyboardInterrupt and shuts its threads down)
        waitress_serve(application, host=host, port=port, threads=settings.THREADS, ident="ansinh", _quiet=True)
    except KeyboardInterrupt:
        pass
    except OSError as err:
        raise SystemExit(f"Lỗi: không mở được cổng {port} trên {host}: {err.strerror}. Đặt ANSINH_PORT khác.") from None
    write("Đã dừng máy chủ.")
