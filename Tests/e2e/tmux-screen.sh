#!/usr/bin/env bash
# Real-terminal test of the guided screening, driven through tmux (send-keys / capture-pane):
# answer some questions, kill the process mid-way, resume and check every answer came back,
# finish the screening and check the result screen.
#   Tests/e2e/tmux-screen.sh path/to/indicia
set -euo pipefail
BIN=$(realpath "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
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
  tmux new-session -d -s "$SESSION" -x 100 -y 50 "INDICIA_PACKS=$ROOT $BIN screen $*; echo EXITED:\$?; sleep 30"
}

# 1. Start, answer the first four questions, then kill the process without warning.
start
wait_for "Question 1 of about"
answer n                          # immediate danger: no
wait_for "Question 2 of about"
answer y                          # can speak alone
wait_for "organisation do you work for?"
answer 13                         # health visiting (not asked about First Responder status: the table says no)
wait_for "On what date"
answer 2026-06-01                 # date of the screening
wait_for "In which council area"
answer 3                          # Kirklees
wait_for "How old is the person?"
answer 2                          # adult
wait_for "Were they under 18"
pid=$(pgrep -f "^$BIN screen" | head -1)
[ -n "$pid" ] || fail "no indicia process"
kill -9 "$pid"
wait_for "EXITED:"
[ -f indicia-screening-draft.json ] || fail "no draft after kill"
[ "$(stat -c %a indicia-screening-draft.json)" = 600 ] || fail "draft is not mode 0600"

# 2. Resume: every answer given must be restored (checked on the review screen).
start --resume indicia-screening-draft.json
wait_for "Were they under 18"
answer r
wait_for "Your answers"
for expected in "immediate danger right now" "Health visiting" "No" "18 or over"; do
  screen_text | grep -qF -- "$expected" || fail "review does not show: $expected"
done
answer ""                          # back to the questions
wait_for "Were they under 18"

# 3. Finish the screening: a few signs, then take the defaults.
answer n                           # under 18 during: no
wait_for "come to the UK"
answer y
wait_for "interpreter or other communication support"
answer n
for reply in y y y n y n y n n n n n n n n n n n n n n n; do   # the 22 signs
  wait_for "Question" 10
  answer "$reply"
done
wait_for "Choose all that apply"
answer 3                           # domestic servitude
wait_for "rarely allowed out"
answer y
wait_for "other people, including children"
answer n
for reply in n n y n; do           # dependent children, in contact, safe tonight, care and support needs
  wait_for "Question" 10
  answer "$reply"
done
wait_for "did the person agree"
answer 2                           # declines
wait_for "main thing you have done"
answer 2                           # Duty to Notify
wait_for "what made you concerned"
answer ""                          # skip notes
wait_for "Your professional judgement"
answer ""                          # keep the computed level
wait_for "plain-text summary"
answer ""                          # no summary file
wait_for "EXITED:0"
text=$(screen_text)
for expected in "LEVEL OF CONCERN: ADULT WITH INDICATORS OF MODERN SLAVERY" "08000 121 700" \
                "Identity documents held by someone else" "Signs of domestic servitude" "not a decision"; do
  grep -qF -- "$expected" <<<"$text" || fail "result screen does not show: $expected"
done
# 4. Ctrl-C keeps the draft, says where it is, and exits 130.
mkdir -p "$WORK/ctrl-c" && cd "$WORK/ctrl-c"
start
wait_for "Question 1 of about"
answer n
wait_for "Question 2 of about"
tmux send-keys -t "$SESSION" C-c
wait_for "EXITED:130"
screen_text | grep -qF "Your answers are saved in $WORK/ctrl-c/indicia-screening-draft.json" || fail "Ctrl-C did not say where the draft is"
[ -f indicia-screening-draft.json ] || fail "no draft after Ctrl-C"
echo "tmux test: passed (kill, resume with every answer restored, result screen, Ctrl-C)"
