"""Reading documents and gold, writing results: all I/O lives here."""
