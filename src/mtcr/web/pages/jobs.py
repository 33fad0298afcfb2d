"""Progress of a background job, polled by the page until its result replaces the bar."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from mtcr.web.deps import UserDep
from mtcr.web.jobs import Job, JobRunner
from mtcr.web.rendering import render

router = APIRouter()


def runner(request: Request) -> JobRunner:
    jobs = request.app.state.jobs
    if not isinstance(jobs, JobRunner):
        raise TypeError("the web app was created without a job runner")
    return jobs


def job_view(request: Request, job: Job) -> Response:
    if not job.finished:
        return render(request, "_progress.html", {"job": job})
    if job.error is not None:
        return render(request, "_alert.html", {"heading": f"{job.title} failed", "message": job.error})
    return render(request, job.template, {"job": job, **(job.result or {})})


@router.get("/jobs/{job_id}")
def job_status(request: Request, user: UserDep, job_id: Annotated[str, Path(max_length=40)]) -> Response:
    return job_view(request, runner(request).get(job_id, user.id))
