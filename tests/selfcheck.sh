#!/bin/sh
# Checks the differential scripts against perl alone: each script is run twice
# (same args, stdin, env and cwd as the harness) and must give identical
# stdout, stderr and exit status, within a second or so.
# Usage: tests/selfcheck.sh [substring]
cd "$(dirname "$0")/perl" || exit 1
tmp=$(mktemp -d /tmp/psh-selfcheck.XXXXXX)
bad=0
for f in $(find . -name '*.pl' | sort); do
    case "$f" in *"$1"*) ;; *) continue ;; esac
    d=$(dirname "$f"); b=$(basename "$f" .pl)
    for i in 1 2; do
        (
            cd "$d" || exit 1
            set --
            if [ -f "$b.args" ]; then
                while IFS= read -r a; do set -- "$@" "$a"; done < "$b.args"
            fi
            in=/dev/null; [ -f "$b.stdin" ] && in="$b.stdin"
            env -i PATH="$PATH" HOME=/tmp LC_ALL=C LANG=C TZ=UTC \
                PSH_TEST_GREETING='hello world' PSH_TEST_NUMBER=42 PSH_TEST_EMPTY= \
                timeout 10 /usr/bin/perl "./$b.pl" "$@" < "$in" > "$tmp/out$i" 2> "$tmp/err$i"
            echo "status $?" > "$tmp/st$i"
        )
    done
    if ! cmp -s "$tmp/out1" "$tmp/out2" || ! cmp -s "$tmp/err1" "$tmp/err2" || ! cmp -s "$tmp/st1" "$tmp/st2"; then
        echo "NONDETERMINISTIC $f"; bad=1
    fi
    printf '%-40s %s, %s lines out, %s lines err\n' "$f" "$(cat "$tmp/st1")" "$(wc -l < "$tmp/out1")" "$(wc -l < "$tmp/err1")"
done
rm -rf "$tmp"
exit $bad
