"""mtcr: missile-technology export control software built on the MTCR Annex and Guidelines."""

__version__ = "0.1.0"
