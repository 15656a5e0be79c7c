"""Data files: unit surfaces, rate words and gazetteers (loaded with importlib.resources)."""
