"""Source documents: reading files (formats), extracting plans (parsing), human review."""
