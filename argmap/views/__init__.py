"""Views: read the model and analysis results and present them (terminal, DOT/SVG, HTML, Markdown)."""
