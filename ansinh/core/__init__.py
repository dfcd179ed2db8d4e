"""Cross-cutting pieces: the audit log, base templates, the demo, serve and bench commands."""
