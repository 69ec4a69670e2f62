"""Notes export: briefings into a notes vault (Obsidian, Logseq, plain Markdown folders)."""
