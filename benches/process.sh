#!/bin/sh
# Whole-process figures at 1,000 and 10,000 provider files: the floor (examples/floor.rs: read
# + toml::Table, one thread), `kapguide providers` on 1 thread and on all cores, and
# `compare --all --format json|csv`; then every bundled-data command. Each line: the best of 3
# runs' CPU time (user + sys: steady on a shared machine), wall time and peak RSS.
# Run after `cargo bench --bench scale` has written the files:  nice -n 19 sh benches/process.sh
set -eu
target=${CARGO_TARGET_DIR:-target}
bin=$target/release/kapguide
cargo build --release --quiet --bin kapguide --example floor
export KAPGUIDE_TODAY=2026-11-25

# best of 3 runs of "$@": CPU seconds, wall seconds, peak RSS
measure() {
    label=$1; shift
    for _ in 1 2 3; do
        /usr/bin/time -f "%U %S %e %M" -o "$target/time.out" "$@" >/dev/null 2>&1 || true
        cat "$target/time.out"
    done | awk -v label="$label" '
        { cpu = $1 + $2; if (NR == 1 || cpu < best) best = cpu;
          if (NR == 1 || $3 < wall) wall = $3; if ($4 > rss) rss = $4 }
        END { printf "%-44s cpu %6.2f s  wall %6.2f s  peak %7.1f MB\n", label, best, wall, rss / 1024 }'
}

for count in 1000 10000; do
    data=$target/tmp/bench-data/mixed-$count
    [ -d "$data" ] || { echo "run cargo bench --bench scale first ($data)" >&2; exit 1; }
    echo "$count files, $(du -sb "$data" | cut -f1) bytes"
    measure "floor (read + toml::Table)" "$target/release/examples/floor" "$data"
    measure "providers, 1 thread" env KAPGUIDE_THREADS=1 "$bin" --no-bundled --providers "$data" providers
    measure "providers, all cores" "$bin" --no-bundled --providers "$data" providers
    measure "compare --all --format json" "$bin" --no-bundled --providers "$data" compare --all --format json
    measure "compare --all --format csv" "$bin" --no-bundled --providers "$data" compare --all --format csv
done

echo "bundled data"
for command in guides checklist providers options "compare --all" "compare --all --format json" \
    "explain heron-and-teacup-integrative-therapy" "search integ" validate; do
    # shellcheck disable=SC2086 # the command's words are meant to split
    measure "$command" "$bin" $command
done
