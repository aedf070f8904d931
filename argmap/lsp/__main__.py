"""``python -m argmap.lsp``: run the language server on stdin/stdout."""

from argmap.lsp import serve

serve()
