"""Framework-light helpers (no Django imports here): Vietnamese text, numbers, dates."""
