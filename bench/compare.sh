#!/usr/bin/env bash
# Side-by-side benchmark of vpcepfake and moto_server (the closest AWS
# analog, see ../shared/bench/README.md): create services up to each N, get
# by id, list all. Both run as a server process on 127.0.0.1 driven by one
# sequential client; runs ALTERNATE (fake, moto, fake, moto, ...) so that
# machine noise hits both alike, and the ratio is taken round by round.
#
#   bench/compare.sh                 # ROUNDS=2 NS=100,1000,10000
#   ROUNDS=3 NS=100,1000 bench/compare.sh
#
# Needs python3 with moto 5.x and boto3. Not run by CI. Every loop is
# bounded (counts and time budgets of both drivers).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${ROUNDS:-2}"
ns="${NS:-100,1000,10000}"
moto="${MOTO_WORKLOAD:-../shared/bench/moto_workload.py}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

go build -o "$out/compare" ./bench/compare
for r in $(seq 1 "$rounds"); do
  echo "round $r: vpcepfake" >&2
  "$out/compare" -ns "$ns" >"$out/fake.$r.json"
  echo "round $r: moto_server" >&2
  # --endpoints 0: the analog workload is services only.
  python3 "$moto" run --mode server --ns "$ns" --endpoints 0 --server-log "$out/moto.log" | tail -n 1 >"$out/moto.$r.json"
done

python3 - "$out" "$rounds" <<'PY'
import json, sys
out, rounds = sys.argv[1], int(sys.argv[2])
print(f"{'round':>5} {'N':>6} | {'create/s fake':>13} {'moto':>7} {'ratio':>7} | {'get/s fake':>10} {'moto':>7} {'ratio':>7} | {'list-all ms fake':>16} {'moto':>9} {'ratio':>7} | {'peak RSS MiB fake':>17} {'moto':>5}")
for r in range(1, rounds + 1):
    f = json.load(open(f"{out}/fake.{r}.json"))
    m = json.load(open(f"{out}/moto.{r}.json"))
    mp = {p["n"]: p for p in m["phases"]}
    for p in f["phases"]:
        q = mp.get(p["n"])
        if not q or "get_ops_s" not in q:
            print(f"{r:>5} {p['n']:>6} | moto did not reach N")
            continue
        print(f"{r:>5} {p['n']:>6} | {p['create_ops_s']:>13.0f} {q['create_ops_s']:>7.0f} {p['create_ops_s']/q['create_ops_s']:>6.1f}x"
              f" | {p['get_ops_s']:>10.0f} {q['get_ops_s']:>7.0f} {p['get_ops_s']/q['get_ops_s']:>6.1f}x"
              f" | {p['list_median_ms']:>16.2f} {q['list_median_ms']:>9.1f} {q['list_median_ms']/p['list_median_ms']:>6.1f}x"
              f" | {f['server_peak_rss_kib']/1024:>17.0f} {m.get('server_peak_rss_kib', 0)/1024:>5.0f}")
print("ratio: how many times faster vpcepfake is (list: moto's median over ours). "
      "list-all is one moto call against pages of 1000 for the fake (its maximum limit).")
PY
