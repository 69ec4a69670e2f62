"""The Textual review-and-edit app, installed as briefing.tui."""
