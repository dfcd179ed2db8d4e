"""WSGI entry point (served by gunicorn or waitress through ``ansinh serve`` / ``ansinh demo``)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ansinh.settings")
application = get_wsgi_application()
# What is loaded by now (Django, the apps, their modules) lives as long as the process: keep it out
# of the collector's full passes, which otherwise walk ~170k objects a few times a second under load
# (a fifth of the CPU of a national dashboard build). Under gunicorn's preload this runs in the
# master, so the forked workers also keep those pages shared.
gc.freeze()
