"""Voice profiles and the pronunciation lexicon, shipped as TOML package data."""
