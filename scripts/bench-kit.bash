# Sourced by scripts/bench and scripts/bench-scale, from the repository's root:
# sets `bench` to the benchmark kit's folder (gen_corpus.py, compare.sh):
# $BENCH_KIT, or shared/bench beside the repository, or beside its main
# working tree for a linked one. Exits with status 2 when it is not there.
common=$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null || echo "$PWD/.git")
bench=${BENCH_KIT:-$PWD/../shared/bench}
[[ -f $bench/gen_corpus.py || -n ${BENCH_KIT:-} ]] || bench=$(dirname "$(dirname "$common")")/shared/bench
[[ -f $bench/gen_corpus.py ]] || { echo "$(basename "$0"): the benchmark kit is not at $bench (set BENCH_KIT, or put shared/bench beside the repository)" >&2; exit 2; }
