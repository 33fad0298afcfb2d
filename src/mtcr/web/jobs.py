"""Long work started from a page (Monte Carlo, batch screening) runs in a background thread; the page
polls its progress bar until the result replaces it. Jobs live in memory and belong to the user who
started them: another user's job id is not found."""

from __future__ import annotations

import logging
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from mtcr.errors import InputError, MtcrError, NotFoundError

_LOG = logging.getLogger("mtcr.web")
Progress = Callable[[int], None]  # called with how many more units are done
MAX_KEPT = 200
MAX_RUNNING_PER_USER = 2


@dataclass
class Job:
    id: str
    owner: int  # the user id
    title: str
    total: int
    template: str  # renders ``result`` when done
    done: int = 0
    result: dict[str, Any] | None = None
    error: str | None = None
    finished: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def advance(self, units: int) -> None:
        with self.lock:
            self.done = min(self.total, self.done + units)

    @property
    def percent(self) -> int:
        return 100 if self.total <= 0 else round(100 * self.done / self.total)


class JobRunner:
    """A small thread pool (one worker per core would compete with the server on small machines)."""

    def __init__(self, workers: int = 1) -> None:
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="mtcr-job")
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()

    def start(
        self, owner: int, title: str, total: int, template: str, work: Callable[[Progress], dict[str, Any]]
    ) -> Job:
        with self._lock:
            running = sum(1 for job in self._jobs.values() if job.owner == owner and not job.finished)
            if running >= MAX_RUNNING_PER_USER:
                raise InputError("job", f"you already have {running} jobs running: wait for one to finish")
            job = Job(secrets.token_urlsafe(12), owner, title, total, template)
            self._jobs[job.id] = job
            finished = [key for key, kept in self._jobs.items() if kept.finished]
            for key in finished[: max(0, len(self._jobs) - MAX_KEPT)]:  # oldest finished first; never a running one
                del self._jobs[key]
        self._executor.submit(self._run, job, work)
        return job

    @staticmethod
    def _run(job: Job, work: Callable[[Progress], dict[str, Any]]) -> None:
        try:
            job.result = work(job.advance)
        except MtcrError as exc:  # bad input found while working: shown to the user like a form error
            job.error = f"{exc.field}: {exc.problem}" if isinstance(exc, InputError) else str(exc)
        except Exception as exc:  # a bug: the user sees that it failed, the log gets the traceback
            _LOG.exception("job %s failed", job.id)
            job.error = f"the job failed unexpectedly ({type(exc).__name__}); it has been logged"
        finally:
            job.finished = True

    def get(self, job_id: str, owner: int) -> Job:
        job = self._jobs.get(job_id)
        if job is None or job.owner != owner:
            raise NotFoundError("job", job_id)
        return job

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
