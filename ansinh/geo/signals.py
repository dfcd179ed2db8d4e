"""Signals of the geo app, so that other apps react to map changes without geo depending on them.

``crosswalk_changed`` is sent once a crosswalk import has committed rows. A receiver may return a
Vietnamese line to report (the reporting app rebuilds the roll-up: old units' approved figures now
land on other current units).
"""

from django.dispatch import Signal

crosswalk_changed = Signal()
