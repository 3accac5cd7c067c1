"""German texts of this part of the UI (English source text → German)."""

GERMAN: dict[str, str] = {}
