#!/usr/bin/env bash
# Duplicate-detection quality of the master patient index (issue 3, point 6). See ../README.md.
#   ./mpi-quality.sh generate <seed> [population]   Synthea in its own JVM, then the labelled set
#   ./mpi-quality.sh evaluate                       blocking + matching + target/mpi-quality-report.md
# Needs org.asclepius:hms-ejb installed: (repository root) mvn -q -B -pl ejb-module install -DskipTests
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p target

case "${1:-}" in
  generate)
    seed="${2:?usage: $0 generate <seed> [population]}"
    population="${3:-10000}"
    rm -rf target/synthea target/labelled-set
    echo "Synthea 3.3.0: seed $seed, population $population alive (own JVM; log in target/synthea-$seed.log)"
    start=$(date +%s)
    mvn -B -q -f synthea/pom.xml exec:exec -Dseed="$seed" -Dsynthea.population="$population" \
      > "target/synthea-$seed.log" 2>&1 || { tail -20 "target/synthea-$seed.log"; exit 1; }
    end=$(date +%s)
    grep -E '^Records: ' "target/synthea-$seed.log" || true
    echo "Synthea took $((end - start)) s (wall clock, including Maven start-up)"
    echo "synthea_seconds=$((end - start))" > target/synthea-time.properties
    mvn -B -q compile exec:java@labelled-set -Dseed="$seed"
    ;;
  evaluate)
    mvn -B -q compile exec:java@evaluate
    ;;
  *)
    sed -n '2,5p' "$0"
    exit 2
    ;;
esac
