"""Views of a Record for people: the terminal view here; HTML and Markdown briefs beside it."""
