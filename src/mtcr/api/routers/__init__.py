"""One router per domain; each route declares its permission through ``mtcr.api.deps.allow``."""
