"""The local web reader: ``create_app(corpus)`` is the FastAPI app ``onrecord serve`` runs."""
