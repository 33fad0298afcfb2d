"""Sign-in throttling: after a few wrong passwords for one username, that username is refused for a
while, so passwords cannot be guessed at the speed of the server. In memory, per process: a restart
forgets it, which is acceptable for a brake (the audit log is the record)."""

from __future__ import annotations

import threading
import time
from collections import deque

MAX_FAILURES = 5
WINDOW_S = 15 * 60.0


class SignInThrottle:
    def __init__(self, max_failures: int = MAX_FAILURES, window_s: float = WINDOW_S) -> None:
        self._max = max_failures
        self._window = window_s
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and now - failures[0] > self._window:
            failures.popleft()
        return failures

    def wait_s(self, username: str) -> float:
        """Seconds until ``username`` may try again (0 when it may now)."""
        key, now = username.casefold(), time.monotonic()
        with self._lock:
            failures = self._recent(key, now)
            if len(failures) < self._max:
                return 0.0
            return max(0.0, self._window - (now - failures[0]))

    def failed(self, username: str) -> None:
        key, now = username.casefold(), time.monotonic()
        with self._lock:
            self._recent(key, now).append(now)
            if len(self._failures) > 100_000:  # bounded memory under a spray of usernames
                self._failures.clear()

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._failures.pop(username.casefold(), None)
