"""ansinh: run a social-policy plan from the document that announces it to the report that closes it."""

__version__ = "0.1.0"
