#!/usr/bin/env bash
# Rebuilds the frequency tables in src/main/resources/frequencies from a fresh Synthea population.
# Done once; the tables are committed, so loading never needs Synthea. Synthea runs in a JVM of its own:
# its HAPI FHIR 6 must never share a classpath with ours.
#
#   ./synthea-frequencies.sh [population] [seed]      (defaults: 5000 people, seed 20260425; about 2 minutes)
#
# Only the patients.csv export is used; -m limits the disease modules to a tiny one, because names, addresses,
# sex and ethnicity come from Synthea's demographics, not from its disease modules.
set -euo pipefail
cd "$(dirname "$0")"
POPULATION="${1:-5000}"
SEED="${2:-20260425}"

mvn -q -B -f synthea/pom.xml package            # Synthea 3.3.0 and its dependencies -> synthea/target/lib
rm -rf synthea/target/run && mkdir -p synthea/target/run
(cd synthea/target/run && java -Xmx2g -cp '../lib/*' App -p "$POPULATION" -s "$SEED" -cs "$SEED" -m spina_bifida \
    --exporter.baseDirectory=./output/ --exporter.csv.export=true --exporter.csv.included_files=patients.csv \
    --exporter.fhir.export=false --exporter.hospital.fhir.export=false --exporter.practitioner.fhir.export=false \
    --exporter.metadata.export=false --exporter.years_of_history=1 \
    --generate.append_numbers_to_person_names=false Massachusetts > synthea.log 2>&1) \
  || { tail -20 synthea/target/run/synthea.log; exit 1; }
mvn -q -B package
java -Xmx1g -jar target/patient-search-bench.jar tables \
    --synthea synthea/target/run/output/csv/patients.csv --synthea-jar synthea/target/lib/synthea-3.3.0.jar \
    --source "Synthea 3.3.0 (-p $POPULATION -s $SEED Massachusetts)"
mvn -q -B package                                # the jar carries the new tables
