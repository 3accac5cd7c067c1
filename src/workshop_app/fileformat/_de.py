"""German catalogue of the file format's messages (English source text → German)."""

GERMAN: dict[str, str] = {}
