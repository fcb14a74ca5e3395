"""The immutable model (entities.py), its fixed choices (choices.py) and the loader that
builds it from the sources (loader.py)."""
