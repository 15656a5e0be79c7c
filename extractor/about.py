"""Package metadata: the single version source."""

__version__ = "0.1.0"
