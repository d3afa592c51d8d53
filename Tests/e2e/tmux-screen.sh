#!/usr/bin/env bash
# Real-terminal test of the guided session, driven through tmux (send-keys / capture-pane), on the
# test-owned welfare-check pack (Tests/IndiciaCLITests/Fixtures/packs), so editing the shipped packs
# never breaks it: answer some questions, kill the process mid-way, resume and check every answer
# came back, finish the session and check the result screen; Ctrl-C keeps the draft.
#   Tests/e2e/tmux-screen.sh path/to/indicia
set -euo pipefail
BIN=$(realpath "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PACKS="$ROOT/Tests/IndiciaCLITests/Fixtures/packs"
WORK=$(mktemp -d)
SESSION="indicia-e2e-$$"
trap 'tmux kill-session -t "$SESSION" 2>/dev/null || true; rm -rf "$WORK"' EXIT
cd "$WORK"

screen_text() { tmux capture-pane -p -t "$SESSION" -S -2000; }
wait_for() {  # wait_for TEXT [seconds]
  local deadline=$(( $(date +%s) + ${2:-10} ))
  until screen_text | grep -qF -- "$1"; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "tmux test: timed out waiting for: $1" >&2
      screen_text | tail -40 >&2
      exit 1
    fi
    sleep 0.1
  done
}
answer() { tmux send-keys -t "$SESSION" -l -- "$1"; tmux send-keys -t "$SESSION" Enter; }
fail() { echo "tmux test: $*" >&2; screen_text | tail -60 >&2; exit 1; }

start() {
  tmux kill-session -t "$SESSION" 2>/dev/null || true
  tmux new-session -d -s "$SESSION" -x 100 -y 50 "INDICIA_PACKS=$PACKS $BIN screen $*; echo EXITED:\$?; sleep 30"
}

# 1. Start, answer the first six questions, then kill the process without warning.
start
wait_for "If anyone is in danger right now, call 999."   # the pack's emergency line
wait_for "Question 1 of about"
answer n                          # in danger: no
wait_for "Question 2 of about"
answer y                          # can see them alone
wait_for "On what date is the visit?"
answer 2026-06-01
wait_for "In which district"
answer 2                          # South district
wait_for "What is your role?"
answer 3                          # volunteer
wait_for "How old is the person?"
answer 2                          # adult
wait_for "Were they under 18 when it started?"
pid=$(pgrep -f "^$BIN screen" | head -1)
[ -n "$pid" ] || fail "no indicia process"
kill -9 "$pid"
wait_for "EXITED:"
[ -f indicia-welfare-draft.json ] || fail "no draft after kill"
[ "$(stat -c %a indicia-welfare-draft.json)" = 600 ] || fail "draft is not mode 0600"

# 2. Resume: every answer given must be restored (checked on the review screen).
start --resume indicia-welfare-draft.json
wait_for "Were they under 18 when it started?"
answer r
wait_for "Your answers"
for expected in "1. Is anyone in danger right now? — No" "2. Can you see the person on their own? — Yes" \
                "3. On what date is the visit? — 2026-06-01" "4. In which district is the visit? — South district" \
                "5. What is your role? — Volunteer" "6. How old is the person? — 18 or over"; do
  screen_text | grep -qF -- "$expected" || fail "review does not show: $expected"
done
answer ""                          # back to the questions
wait_for "Type a number to change"
wait_for "Question 7 of about"

# 3. Finish: papers held, kitchen work, 50 hours, nothing done yet.
answer n                           # not under 18 when it started
wait_for "taken their papers"
answer y
wait_for "owe money"
answer n
wait_for "What work do they do?"
answer 2                           # kitchen work
wait_for "How many hours"
answer 50
wait_for "What have you done so far?"
answer 3                           # nothing yet
wait_for "Anything else you noticed?"
answer ""                          # skip notes
wait_for "Your professional judgement"
answer ""                          # keep the computed level
wait_for "plain-text summary"
answer ""                          # no summary file
wait_for "EXITED:0"
text=$(screen_text)
for expected in "LEVEL OF CONCERN: ADULT WITH SIGNS OF EXPLOITATION" "Fixture helpline: 01632 960 001" \
                "Papers held by someone else [strong]" "Signs of kitchen work exploitation" "not a finding about anyone"; do
  grep -qF -- "$expected" <<<"$text" || fail "result screen does not show: $expected"
done
grep -qF -- "Owes money they cannot repay" <<<"$text" && fail "the result shows a sign that was answered no"
# 4. Ctrl-C keeps the draft, says where it is, and exits 130.
mkdir -p "$WORK/ctrl-c" && cd "$WORK/ctrl-c"
start
wait_for "Question 1 of about"
answer n
wait_for "Question 2 of about"
tmux send-keys -t "$SESSION" C-c
wait_for "EXITED:130"
screen_text | grep -qF "Your answers are saved in $WORK/ctrl-c/indicia-welfare-draft.json" || fail "Ctrl-C did not say where the draft is"
[ -f indicia-welfare-draft.json ] || fail "no draft after Ctrl-C"
echo "tmux test: passed (kill, resume with every answer restored, result screen, Ctrl-C)"
