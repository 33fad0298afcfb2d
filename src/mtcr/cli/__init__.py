"""The ``mtcr`` command line: a thin layer over the library."""
