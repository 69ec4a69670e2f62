"""Speech: voice profiles, engines and audio rendering."""
