#!/usr/bin/env bash
# Side by side: the same workloads against this checkout's release binary and another revision's, in one run on one
# machine, alternating short wrk runs so that drift (thermal, other load) falls on both alike.
# Usage: Benchmarks/side_by_side.sh REV [DURATION] [ROUNDS]     (called by Scripts/bench --against REV)
set -euo pipefail
cd "$(dirname "$0")/.."
REV=$1
DURATION=${2:-5s}
ROUNDS=${3:-4}
THEIRS_DIR=".build/bench-against/$(git rev-parse --short "$REV")"
if [ ! -d "$THEIRS_DIR" ]; then
    git worktree add --detach --force "$THEIRS_DIR" "$REV" >/dev/null
fi
echo "building release binaries (this checkout and $REV)..."
# Each revision as it ships: its Scripts/build-release where it has one.
release() {
    if [ -x Scripts/build-release ]; then
        Scripts/build-release
    else
        swift build -c release --product hikeshi >/dev/null 2>&1 || { echo "release build failed in $PWD" >&2; return 1; }
        echo "$(swift build -c release --show-bin-path)/hikeshi"
    fi
}
OURS="$(release)"
THEIRS="$(cd "$THEIRS_DIR" && release)"
WORK=$(mktemp -d /tmp/hikeshi-ab.XXXXXX)
export HIKESHI_ACCOUNT_ID=111111111111 HIKESHI_ACCESS_KEY_ID=AKIABENCH00000000000 HIKESHI_SECRET_ACCESS_KEY=bench-secret
# The benchmarks measure the server, not its per-key and per-integration rate limits.
export HIKESHI_THROTTLE_RATE=0 HIKESHI_THROTTLE_WEBHOOK_RATE=0
export AWS_ACCESS_KEY_ID=$HIKESHI_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY=$HIKESHI_SECRET_ACCESS_KEY AWS_DEFAULT_REGION=us-east-1
export AWS_DATA_PATH="$PWD/Models"
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# start NAME BIN: a server with 20 contacts, a response plan and a generic integration; request scripts in $WORK/NAME.
start() {
    local dir="$WORK/$1" port
    port=$(free_port)
    mkdir -p "$dir/data"
    "$2" serve --port "$port" --data-dir "$dir/data" --log-level warning >"$dir/log" 2>&1 &
    PIDS+=($!)
    local e="http://127.0.0.1:$port"
    until curl -sf "$e/health" >/dev/null; do sleep 0.05; done
    echo "$e" >"$dir/endpoint"
    for i in $(seq 1 20); do
        aws --endpoint-url "$e" ssm-contacts create-contact --alias "bench-$i" --type PERSONAL --plan '{"Stages":[]}' >/dev/null
    done
    python3 Benchmarks/sign_request.py "$e" "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" GetContact \
        '{"ContactId":"arn:aws:ssm-contacts:us-east-1:111111111111:contact/bench-7"}' >"$dir/GetContact.lua"
    python3 Benchmarks/sign_request.py "$e" "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" ListContacts '{"MaxResults":10}' >"$dir/ListContacts.lua"
    aws --endpoint-url "$e" ssm-incidents create-response-plan --name bench-plan --incident-template '{"title":"bench","impact":3}' >/dev/null
    aws --endpoint-url "$e" hikeshi create-integration --response-plan bench-plan --kind generic --query Url --output text >"$dir/alert-url"
    awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$!/status" >"$dir/rss"
}
cat >"$WORK/alert.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"title":"disk full on db-1","dedupeKey":"bench-disk","status":"firing","impact":3}'
LUA
start ours "$OURS"
start theirs "$THEIRS"
measure() { # NAME WORKLOAD -> req/s
    local dir="$WORK/$1" e
    e=$(cat "$dir/endpoint")
    case $2 in
        health) wrk -t2 -c32 -d"$DURATION" "$e/health" ;;
        alerts) wrk -t2 -c32 -d"$DURATION" -s "$WORK/alert.lua" "$(cat "$dir/alert-url")" ;;
        *) wrk -t2 -c32 -d"$DURATION" -s "$dir/$2.lua" "$e/" ;;
    esac | awk '/Requests\/sec/ {print $2}'
}
echo "side by side, wrk -t2 -c32 -d$DURATION, $ROUNDS alternating rounds; req/s (mean of rounds):"
printf '%-16s %12s %12s %8s\n' workload "this" "$(git rev-parse --short "$REV")" change
for workload in health GetContact ListContacts alerts; do
    ours=0 theirs=0
    for _ in $(seq 1 "$ROUNDS"); do
        ours=$(echo "$ours + $(measure ours "$workload")" | bc -l)
        theirs=$(echo "$theirs + $(measure theirs "$workload")" | bc -l)
    done
    printf '%-16s %12.0f %12.0f %+7.1f%%\n' "$workload" "$(echo "$ours / $ROUNDS" | bc -l)" "$(echo "$theirs / $ROUNDS" | bc -l)" \
        "$(echo "($ours - $theirs) * 100 / $theirs" | bc -l)"
done
printf '%-16s %10s MiB %8s MiB (after set-up)\n' "RSS" "$(cat "$WORK/ours/rss")" "$(cat "$WORK/theirs/rss")"
