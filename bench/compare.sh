#!/usr/bin/env bash
# Side-by-side benchmark of vpcepfake and moto (the closest AWS analog, see
# ../shared/bench/README.md): create services up to each N, get by id,
# list all. Two settings, each with runs that ALTERNATE (fake, moto, fake,
# moto, ...) so that machine noise hits both alike, and ratios taken round
# by round, then summed up as min-max over the rounds:
#   loopback:   both run as a server process on 127.0.0.1, driven by one
#               sequential client (vpcepfake over HTTP, moto through boto3);
#   in-process: vpcepfake through srv.Client() in the driver's process,
#               moto through mock_aws() in boto3's.
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
for mode in server inproc; do
  for r in $(seq 1 "$rounds"); do
    echo "$mode round $r: vpcepfake" >&2
    "$out/compare" -mode "$mode" -ns "$ns" >"$out/fake.$mode.$r.json"
    echo "$mode round $r: moto" >&2
    # --endpoints 0: the analog workload is services only.
    python3 "$moto" run --mode "$mode" --ns "$ns" --endpoints 0 --server-log "$out/moto.log" | tail -n 1 >"$out/moto.$mode.$r.json"
  done
done

python3 - "$out" "$rounds" <<'PY'
import json, sys
out, rounds = sys.argv[1], int(sys.argv[2])
for mode, title in (("server", "loopback: both as servers on 127.0.0.1"), ("inproc", "in-process: srv.Client() vs mock_aws")):
    print(f"\n## {title}\n")
    print(f"{'round':>5} {'N':>6} | {'create/s fake':>13} {'moto':>7} {'ratio':>7} | {'get/s fake':>10} {'moto':>7} {'ratio':>7} | {'list-all ms fake':>16} {'moto':>9} {'ratio':>7} | {'peak RSS MiB fake':>17} {'moto':>5}")
    ratios = {}
    for r in range(1, rounds + 1):
        f = json.load(open(f"{out}/fake.{mode}.{r}.json"))
        m = json.load(open(f"{out}/moto.{mode}.{r}.json"))
        mp = {p["n"]: p for p in m["phases"]}
        for p in f["phases"]:
            q = mp.get(p["n"])
            if not q or "get_ops_s" not in q:
                print(f"{r:>5} {p['n']:>6} | moto did not reach N")
                continue
            rs = (p['create_ops_s'] / q['create_ops_s'], p['get_ops_s'] / q['get_ops_s'], q['list_median_ms'] / p['list_median_ms'])
            for k, v in zip(("create", "get", "list"), rs):
                ratios.setdefault((p["n"], k), []).append(v)
            rss = m.get('server_peak_rss_kib', m.get('peak_rss_kib', 0)) / 1024
            print(f"{r:>5} {p['n']:>6} | {p['create_ops_s']:>13.0f} {q['create_ops_s']:>7.0f} {rs[0]:>6.1f}x"
                  f" | {p['get_ops_s']:>10.0f} {q['get_ops_s']:>7.0f} {rs[1]:>6.1f}x"
                  f" | {p['list_median_ms']:>16.2f} {q['list_median_ms']:>9.1f} {rs[2]:>6.1f}x"
                  f" | {f['server_peak_rss_kib']/1024:>17.0f} {rss:>5.0f}")
    print(f"\n{'N':>6} | {'create ratio min-max':>20} | {'get ratio min-max':>18} | {'list ratio min-max':>18}")
    for n in sorted({n for n, _ in ratios}):
        cells = []
        for k in ("create", "get", "list"):
            v = ratios.get((n, k), [])
            cells.append(f"{min(v):.1f}x-{max(v):.1f}x" if v else "-")
        print(f"{n:>6} | {cells[0]:>20} | {cells[1]:>18} | {cells[2]:>18}")
print("\nratio: how many times faster vpcepfake is (list: moto's median over ours). "
      "list-all is one moto call against pages of 1000 for the fake (its maximum limit).")
PY
