"""spaCy components, one per module, each registered with its factory beside it."""
