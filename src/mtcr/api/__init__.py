"""The HTTP API: a FastAPI app factory, one router per domain, bearer-token auth and per-route permissions.

Example::

    from mtcr.api import create_app
    from mtcr.db.engine import make_engine, upgrade

    engine = make_engine()
    upgrade(engine)
    app = create_app(engine)
"""

from mtcr.api.app import create_app

__all__ = ["create_app"]
