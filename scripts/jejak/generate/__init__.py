"""Generation: the Archive turned into pages, media, data and feeds; no MkDocs here."""
