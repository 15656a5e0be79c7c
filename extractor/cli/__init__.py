"""The command line: a thin layer over functions that return data."""
