# shellcheck shell=bash
# scripts/stages/fuzz.sh: the property-based fuzz of every operation in the OpenAPI documents
# (tests/Latchkey.Api.Tests/Robustness/OpenApiFuzzTests.cs), FUZZ_REQUESTS per database.
# Sourced by scripts/test.sh; uses its settings and bookkeeping (run_dotnet_test, STORAGE_DBS).
# The routine dotnet stage runs the same test with a few thousand requests; this stage is the long run.
# A failure prints CsCheck's seed: LATCHKEY_FUZZ_SEED=<seed> replays it.
FUZZ_REQUESTS="${FUZZ_REQUESTS:-50000}"

stage_fuzz() {
  local db FILTER="FullyQualifiedName~Latchkey.Api.Tests.Robustness.OpenApiFuzzTests"
  for db in "${STORAGE_DBS[@]}"; do
    run_dotnet_test tests/Latchkey.Api.Tests/Latchkey.Api.Tests.csproj "fuzz-$db" \
      "LATCHKEY_TEST_DB=$db" "LATCHKEY_FUZZ_REQUESTS=$FUZZ_REQUESTS" ${LATCHKEY_FUZZ_SEED:+"LATCHKEY_FUZZ_SEED=$LATCHKEY_FUZZ_SEED"}
  done
}
