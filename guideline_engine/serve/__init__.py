"""`guideline-engine serve`: the pre-check and audit HTTP service (needs the 'serve' extra:
FastAPI, uvicorn, python-multipart).

    app.py          the endpoints (create_app)
    schemas.py      request and response models: the OpenAPI schema
    decisionlog.py  every decision appended to a file as a JSON line
    limits.py       the cap on request bodies
    form.py         the pre-check form page (static/form.html) with the vocabulary's choices
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
