"""De-duplication of persons with Splink (DuckDB backend): settings, source, run, review, gate.

``model_settings_v1.json`` is the versioned, backend-neutral model definition; ``settings`` turns
it into a Splink ``SettingsCreator`` for a dialect (``duckdb`` here, ``spark`` for a national run);
``source`` moves persons from the Django database into DuckDB through Arrow; ``run`` trains (or
reuses the saved model), predicts, clusters and stores candidate pairs; ``actions`` decides and
merges them; ``gate`` checks new persons on every entry path.
"""
