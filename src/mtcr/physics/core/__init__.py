"""Compiled physics kernels: SI floats and arrays in, numbers out; no I/O, no units, no settings.

The kernels are numba-compiled; with ``NUMBA_DISABLE_JIT=1`` they run as plain Python (slowly).
Nothing here imports the rest of mtcr.
"""
