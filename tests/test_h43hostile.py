"""What the nineteenth hostile-input audit found (session 43, round 11): what the site serves from the reports
themselves, the GitHub workflow (script injection, the token's permissions, pinned actions, the caches a run
restores), XML and zip inside Word files, and the columns added since session 38 in every sink."""

from __future__ import annotations

import re

import yaml

from .conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40})\s+#\s*v\d+\.\d+\.\d+\s*$")


def _jobs() -> dict[str, dict]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]


def test_no_run_step_of_the_workflow_expands_an_expression():
    """Script injection: a branch or tag name, a pull request's title or head name, or a repository variable
    expanded by ``${{ … }}`` inside ``run:`` becomes shell code (a branch named ``a$(curl …)``). Every value a step's
    shell reads comes through ``env:``, quoted; no ``run:`` holds ``${{`` at all."""
    runs = [(name, step["run"]) for name, job in _jobs().items() for step in job["steps"] if "run" in step]
    assert len(runs) >= 6
    assert [(name, run) for name, run in runs if "${{" in run] == []


def test_each_job_has_its_own_least_permissions_and_the_workflow_grants_none():
    """The token's rights are each job's own: the workflow's default is none, the build (which runs the tests and
    the pipeline over the reports, a pull request's included) may only read the repository, deploying may write
    Pages (and mint the OIDC token Pages asks for), releasing may write releases — nothing else is granted."""
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}
    granted = {name: job.get("permissions") for name, job in workflow["jobs"].items()}
    assert granted == {"build": {"contents": "read"}, "deploy": {"pages": "write", "id-token": "write"},
                       "release": {"contents": "write"}}


def test_every_action_is_pinned_to_a_full_commit_named_by_its_version():
    """A tag (``@v5``) is moved by whoever controls the action's repository, so the workflow runs what it is
    pinned to: a full 40-hex commit, its release named in a comment (for the reader and for update tools)."""
    lines = [line for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if re.match(r"\s*(-\s+)?uses:", line)]
    assert len(lines) >= 9
    assert [line for line in lines if not PINNED.match(line)] == []
    used = [step["uses"] for job in _jobs().values() for step in job["steps"] if "uses" in step]
    assert len(used) == len(lines) and all(re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", u) for u in used)


def test_the_checkout_leaves_no_token_in_git_config():
    """``actions/checkout`` writes the job's token into ``.git/config`` unless told not to; the tests and the build
    that follow read hostile reports and run a pull request's code, and need no git credentials."""
    checkouts = [step for job in _jobs().values() for step in job["steps"]
                 if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)


def test_only_the_default_branchs_own_runs_save_the_caches_it_restores():
    """The parse, page and full-text caches are trusted build state: an entry whose digest matches is taken
    (README, "Incremental builds"), so whoever writes a cache main restores writes main's site. GitHub scopes a
    pull request's caches to it; the workflow also saves only from the default branch's own runs (a push to main,
    the weekly run, a run by hand on main), restoring everywhere: ``actions/cache`` (which saves at every job's end)
    is not used."""
    steps = _jobs()["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert "actions/cache" not in uses
    assert uses.count("actions/cache/restore") == 1 and uses.count("actions/cache/save") == 1
    restore = steps[uses.index("actions/cache/restore")]
    save = steps[uses.index("actions/cache/save")]
    assert uses.index("actions/cache/restore") < uses.index("actions/cache/save")
    assert restore["with"]["path"] == save["with"]["path"] == ".xxgk-cache"
    condition = save["if"]
    assert "github.event_name != 'pull_request'" in condition and "github.ref == 'refs/heads/main'" in condition
    assert "||" not in condition
    assert save["with"]["key"] == "${{ steps." + restore["id"] + ".outputs.cache-primary-key }}"
