"""Renderers: pure functions of the model, one module per output format (see formats.py)."""
