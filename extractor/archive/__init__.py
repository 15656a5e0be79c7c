"""The fact archive: every document's spans and facts in one embedded DuckDB file.

- :mod:`.store`: the file, its tables, and writing whole documents in transactions;
- :mod:`.sources`: saved results (span JSONL, CSV, Parquet) as documents to archive;
- :mod:`.places`: one key for every name of a place, through the gazetteer;
- :mod:`.query`: facts by place, indicator, period, speaker, unit, document;
- :mod:`.conflicts`: figures that disagree across documents, and parts above their whole.
"""

from .store import Archive, ArchiveBusyError, ArchiveDocument, ArchiveError, IngestReport

__all__ = ["Archive", "ArchiveBusyError", "ArchiveDocument", "ArchiveError", "IngestReport"]
