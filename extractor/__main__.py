"""``python -m extractor``: the same as the ``extractor`` command."""

from .cli.main import main

main()
