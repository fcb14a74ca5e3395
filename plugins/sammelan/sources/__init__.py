"""Reading the sources safely: files, YAML with line:column, Markdown prose, git history."""
