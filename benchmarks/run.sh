#!/usr/bin/env bash
# Runs every Lethe benchmark on H2 and PostgreSQL and writes benchmarks/RESULTS.md.
#
#   benchmarks/run.sh                      # the full suite, short settings (about 25 minutes on 2 quiet cores)
#   benchmarks/run.sh ExportBenchmark      # extra arguments go to JMH: a benchmark regex, -p db=h2, ...
#
# JMH_OPTS overrides the iteration settings: e.g. JMH_OPTS="-f 1 -wi 3 -i 5" for steadier numbers.
# PostgreSQL must listen on 127.0.0.1:5432 (user postgres, trust auth, database test); each trial
# creates a schema of its own and drops it.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -pl benchmarks -am package -DskipTests -DskipUnitTests=true
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
OUT=benchmarks/target/jmh
mkdir -p "$OUT"
rm -f "$OUT/results.json" "$OUT/results-avgt.json" "$OUT/extras.tsv"
export LETHE_BENCH_EXTRAS="$PWD/$OUT/extras.tsv"
# Other builds share the machine: the load averages before and after go into RESULTS.md.
echo "before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)" > "$OUT/load.txt"

# Forks and iterations as each benchmark's annotations set them: short (one fork, two for the listener
# overhead, whose target is a few per cent; 1-3 warm-up and 2-5 measured iterations of 1-3 s, or single
# invocations for the single-shot benchmarks).
JMH_OPTS=${JMH_OPTS:-""}
# shellcheck disable=SC2086
# ignoreLock: a JMH run in another checkout must not stop this one; RESULTS.md records the load instead.
java -Djmh.ignoreLock=true -cp "$CP" org.openjdk.jmh.Main $JMH_OPTS -rf json -rff "$OUT/results.json" "$@" | tee "$OUT/jmh.log"

# Small erasures once more, warmed up: single shots after two warm-up invocations mostly time the JIT.
if [ $# -eq 0 ]; then
  java -cp "$CP" org.openjdk.jmh.Main ErasureBenchmark -p rows=10,1000 -bm avgt -f 1 -wi 1 -w 5s -i 3 -r 3s \
    -rf json -rff "$OUT/results-avgt.json" | tee -a "$OUT/jmh.log"
fi
echo "after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)" >> "$OUT/load.txt"

java -cp "$CP" dev.lethe.bench.ResultsReport "$OUT/results.json,$OUT/results-avgt.json" "$OUT/extras.tsv" benchmarks/FINDINGS.md \
  "benchmarks/run.sh $*   # JMH_OPTS=\"$JMH_OPTS\"" > benchmarks/RESULTS.md
echo "Wrote benchmarks/RESULTS.md"
