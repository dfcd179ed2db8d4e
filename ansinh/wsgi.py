"""WSGI entry point (served by waitress through ``ansinh serve`` / ``ansinh demo``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ansinh.settings")
application = get_wsgi_application()
