"""The single source of govinfo's version (read by hatchling and importlib.metadata)."""

__version__ = "0.1.0"
