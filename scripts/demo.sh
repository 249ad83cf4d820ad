#!/usr/bin/env bash
# `make demo`: the whole sample round end to end (avault demo: two criteria sets, departments and
# districts, with recusals and the survey imported into the round), then an auditor's view of it.
set -euo pipefail
dir=${1:-demo-round}
bin=.build/debug/avault
rm -rf "$dir"   # the demo's own output folder from a previous run
# The secretary's journal pins (spec §11.1) of this throw-away round live with it, not in ~/.local/state.
mkdir -p "$dir"
case "$dir" in /*) export XDG_STATE_HOME="$dir/.state" ;; *) export XDG_STATE_HOME="$PWD/$dir/.state" ;; esac
echo "Demo identities: keys/ (published passphrase, see keys/README.md). Sample data: samples/ (illustrative, not official)."
echo
"$bin" demo --dir "$dir" --samples samples --keys keys
echo
echo "== round show (what members and auditors check by phone): two criteria sets, the recusals =="
"$bin" round show "$dir/round" | grep -E '^(Framework|Cells|Recusals| {12}(huyen \[|tv-[0-9]+: ))'
"$bin" round show "$dir/round" | tail -n 2
echo
echo "== status (who submitted; never a score) =="
"$bin" status --round "$dir/round" | tail -n 1
echo
echo "== verify (the auditor, with the fingerprint read over the phone; without it verify exits 2: not anchored) =="
fp=$("$bin" round show "$dir/round" | sed -n 's/^Round fingerprint: \([A-Z0-9-]*\).*/\1/p')
"$bin" verify "$dir/round" --fingerprint "$fp" | tail -n 1
echo
echo "== the survey inside the round (survey.avq: signed by the secretary, sealed to them; re-checked after release) =="
"$bin" verify "$dir/round" --fingerprint "$fp" | grep -E '^. (survey\.file|results\.survey) '
echo
echo "== one report, a ranking per criteria set (report.json: groups so-nganh on set so, huyen on set huyen) =="
for set in so huyen; do
    grep -q "\"set\":\"$set\"" "$dir/report.json" || { echo "report.json has no ranking for the set $set" >&2; exit 1; }
done
grep -o '"id":"[a-z-]*","name":"[^"]*","set":"[a-z]*"' "$dir/report.json"
echo
echo "== bonus and penalty (điểm thưởng, điểm trừ: outside the 100 points; final = base + bonus − penalty) =="
"$bin" round show "$dir/round" | grep -E '^ +[a-z0-9-]+: bonus |^Index'
grep -o 'PHỤ LỤC IV[^<]*' "$dir/report.html"
echo
echo "== the explanation round (giải trình): each unit saw only its own notice; members only their own cells =="
echo "files that passed: $(ls "$dir/round/notices" | wc -l) notices, $(ls "$dir/round/explanations" | wc -l) explanation files, $(ls "$dir/round/forwarded" | wc -l) forwarded files, $(ls "$dir/round/second" | wc -l) second-round files"
"$bin" verify "$dir/round" --fingerprint "$fp" | grep -E '^. (notice\.files|explanation\.files|forward\.files|second\.files|results\.history) '
grep -o 'PHỤ LỤC V[^<]*' "$dir/report.html"
