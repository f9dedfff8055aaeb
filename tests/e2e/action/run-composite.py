#!/usr/bin/env python3
"""Runs the composite GitHub Action in action.yml (at the repository root) here, as a runner would run its steps:
each `run` step with `${{ inputs.X }}` and `${{ github.action_path }}` filled in, its `env`, in bash with
`-eo pipefail`, in the current folder (the workspace). `uses` steps (actions/setup-dotnet) need GitHub's runner:
they are not run, and said so on stderr. Usage: run-composite.py ACTION_DIR [INPUT=VALUE ...]; exits with the
first failing step's code, else 0. Inputs not given take the action's defaults; an unknown input is an error."""
import os
import re
import subprocess
import sys

import yaml

action_dir = os.path.abspath(sys.argv[1])
with open(os.path.join(action_dir, "action.yml"), encoding="utf-8") as f:
    action = yaml.safe_load(f)
declared = action.get("inputs", {})
inputs = {name: str(spec.get("default", "")) for name, spec in declared.items()}
for arg in sys.argv[2:]:
    name, _, value = arg.partition("=")
    if name not in declared:
        sys.exit(f"run-composite: the action has no input '{name}'")
    inputs[name] = value
assert action["runs"]["using"] == "composite", "not a composite action"


def expand(text):
    def value(match):
        expr = match.group(1).strip()
        if expr.startswith("inputs."):
            return inputs[expr[len("inputs."):]]
        if expr == "github.action_path":
            return action_dir
        raise SystemExit(f"run-composite: cannot evaluate ${{{{ {expr} }}}}")
    return re.sub(r"\$\{\{(.*?)\}\}", value, str(text))


for step in action["runs"]["steps"]:
    if "uses" in step:
        print(f"run-composite: not run here: uses {step['uses']}", file=sys.stderr)
        continue
    assert step.get("shell") == "bash", "only bash steps are run"
    env = dict(os.environ)
    env.update({k: expand(v) for k, v in (step.get("env") or {}).items()})
    rc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", expand(step["run"])], env=env).returncode
    if rc != 0:
        sys.exit(rc)
