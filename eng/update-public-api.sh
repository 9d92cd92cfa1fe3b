#!/usr/bin/env bash
# Adds every public symbol that PublicApiAnalyzers reports as undeclared (RS0016) to the project's
# PublicAPI.Unshipped.txt, and drops the ones it reports as removed (RS0017). Usage: eng/update-public-api.sh src/MeshClient
set -euo pipefail
project_dir=${1:?project folder}
log=$(mktemp)
dotnet build "$project_dir" --artifacts-path "${MESH_ARTIFACTS:-$(git rev-parse --show-toplevel)/artifacts}" -p:TreatWarningsAsErrors=false -nologo -v:q -clp:NoSummary >"$log" 2>&1 || true
unshipped="$project_dir/PublicAPI.Unshipped.txt"
python3 - "$log" "$unshipped" <<'PY'
import re, sys
log, path = sys.argv[1], sys.argv[2]
text = open(log).read()
added = set(re.findall(r"RS0016: Symbol '(.+?)' is not part of the declared public API", text))
removed = set(re.findall(r"RS0017: Symbol '(.+?)' is part of the declared API, but is either not public or could not be found", text))
lines = [l.rstrip('\n') for l in open(path)]
header = [l for l in lines if l.startswith('#')] or ['#nullable enable']
body = {l for l in lines if l and not l.startswith('#')}
body = (body | added) - removed
open(path, 'w').write('\n'.join(header + sorted(body, key=str.lower)) + '\n')
print(f"{path}: +{len(added)} -{len(removed)}")
PY
rm -f "$log"
