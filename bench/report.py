#!/usr/bin/env python3
"""Turns bench/run.sh's results TSV into the Markdown tables of docs/benchmarks.md.

    report.py RESULTS.tsv --elapsed S [--update-docs docs/benchmarks.md] [--check-errors]

--check-errors (smoke mode) prints one "SMOKE PASS|FAIL <row>" line per measured scenario and exits 1
when any measured scenario had an error or gave no result. --update-docs replaces the text between
the BEGIN/END markers of the page. The Markdown is always written next to the TSV (.md).
"""
import argparse
import csv
import os
import platform
import re
import sys

BEGIN, END = "<!-- bench:results:begin -->", "<!-- bench:results:end -->"


def load(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def num(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


class Results:
    def __init__(self, rows):
        self.rows = rows

    def get(self, target, db, scenario, conc):
        for r in self.rows:
            if (r["target"], r["db"], r["scenario"], r["connections"]) == (target, db, scenario, str(conc)):
                return r
        return None

    def value(self, target, db, scenario, conc, field="rps"):
        r = self.get(target, db, scenario, conc)
        return num(r[field]) if r else None


def fmt(v, digits=0):
    if v is None:
        return "–"
    return f"{v:,.{digits}f}"


def ratio(a, b):
    return f"{a / b:.2f}×" if a is not None and b else "–"


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(next(line.split()[1] for line in f if line.startswith("MemTotal")))
        mem = f", {kb / 1048576:.0f} GiB RAM"
    except (OSError, StopIteration):
        pass
    # Argon2id's 19 MiB buffer is TLB-bound on 4 KiB pages: the transparent huge page mode moves every hash figure.
    thp = ""
    try:
        with open("/sys/kernel/mm/transparent_hugepage/enabled") as f:
            thp = ", transparent huge pages: " + re.search(r"\[(\w+)\]", f.read()).group(1)
    except (OSError, AttributeError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){mem}, {platform.system()} {platform.release()}{thp}"


# Peers and limits each Latchkey scenario is compared with: (label, target, db or None for same db, scenario).
PEERS = {
    "signin": [("Identity", "identity", None, "signin")],
    "refresh": [("Identity", "identity", None, "refresh"), ("signed-JWT endpoint", "raw", "-", "signed_jwt")],
    "signup": [("Identity", "identity", None, "signup")],
    "client_credentials": [("oidc-provider", "oidc-provider", "-", "client_credentials"),
                           ("signed-JWT endpoint", "raw", "-", "signed_jwt")],
    "verify": [], "nhost_verify": [], "introspection": [], "userinfo": [], "jwks": [],
}


def measured(r):
    """The cells every measured row shares: req/s, p50, p99, errors, peak RSS, CPU per request."""
    return (f"{fmt(num(r['rps']))} | {fmt(num(r['p50_ms']), 1)} | {fmt(num(r['p99_ms']), 1)} "
            f"| {r['errors']} | {r['peak_rss_mb']} | {fmt(num(r.get('cpu_ms')), 3)}")


def scenario_rows(res, concs):
    out = ["| scenario | db | conn. | Latchkey req/s | p50 ms | p99 ms | errors | peak RSS MB | CPU ms/req | compared with |",
           "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    order = ["jwks", "verify", "nhost_verify", "userinfo", "introspection", "client_credentials",
             "refresh", "signin", "signup"]
    argon2 = res.value("raw", "-", "argon2", 2)
    for scenario in order:
        for db in ("sqlite", "postgres"):
            skipped = [r for r in res.rows if r["target"] == "latchkey" and r["db"] == db
                       and r["scenario"] == scenario and r["connections"] == "-"]
            if skipped:
                out.append(f"| {scenario} | {db} | | {skipped[0]['status']} | | | | | | |")
                continue
            for c in concs:
                r = res.get("latchkey", db, scenario, c)
                if not r:
                    continue
                if r["status"] != "ok" or not num(r["rps"]):
                    status = r["status"] if r["status"] != "ok" else "saturated: no answer within wrk's 10 s timeout"
                    out.append(f"| {scenario} | {db} | {c} | {status} | | | {r['errors']} | {r['peak_rss_mb']} | | |")
                    continue
                rps = num(r["rps"])
                notes = []
                for label, target, peer_db, peer_scenario in PEERS.get(scenario, []):
                    peer = res.value(target, peer_db or db, peer_scenario, c)
                    if peer:
                        notes.append(f"{ratio(rps, peer)} {label} ({fmt(peer)}/s, p99 "
                                     f"{fmt(res.value(target, peer_db or db, peer_scenario, c, 'p99_ms'), 1)} ms)")
                if scenario in ("signin", "signup") and argon2:
                    notes.append(f"{rps / argon2:.0%} of raw Argon2id rate ({fmt(argon2, 1)}/s)")
                    hash_cpu, cpu = res.value("raw", "-", "argon2", 2, "cpu_ms"), num(r.get("cpu_ms"))
                    if hash_cpu and cpu:
                        notes.append(f"CPU per request = {cpu / hash_cpu:.2f}× one hash")
                out.append(f"| {scenario} | {db} | {c} | {measured(r)} | {'; '.join(notes)} |")
    return out


def limits_rows(res, concs):
    out = ["| what | conn. | req/s (or ops/s) | p50 ms | p99 ms | errors | peak RSS MB | CPU ms/op |",
           "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for kind, label in (("argon2", "Argon2id t=2 m=19 MiB p=1, libsodium, 2 threads"), ("es256", "ES256 signatures, 2 threads")):
        out.append(f"| {label} | – | {fmt(res.value('raw', '-', kind, 2), 1)} | | | | | {fmt(res.value('raw', '-', kind, 2, 'cpu_ms'), 3)} |")
    for target, scenario, label in (("raw", "signed_jwt", "ASP.NET Core endpoint signing an ES256 JWT, no database"),
                                    ("oidc-provider", "client_credentials", "oidc-provider client_credentials (JWT ES256)")):
        for c in concs:
            r = res.get(target, "-", scenario, c)
            if r and r["status"] == "ok":
                out.append(f"| {label} | {c} | {measured(r)} |")
    return out


def scale_rows(res, top):
    out = ["| scenario | 10 thousand: req/s, p99 ms | 1 million: req/s, p99 ms | p99 ratio (1M / 10k) | peak RSS MB at 1M |",
           "|---|---|---|---:|---:|"]
    for scenario in ("refresh", "nhost_refresh", "signin"):
        small, big = res.get("latchkey", "postgres", scenario, top), res.get("latchkey", "postgres-1M", scenario, top)
        if not small or not big:
            continue
        out.append(f"| {scenario} (c={top}) | {fmt(num(small['rps']))}, {fmt(num(small['p99_ms']), 1)} "
                   f"| {fmt(num(big['rps']))}, {fmt(num(big['p99_ms']), 1)} "
                   f"| {ratio(num(big['p99_ms']), num(small['p99_ms']))} | {big['peak_rss_mb']} |")
    small, big = res.value("latchkey", "postgres-10k", "bytes_per_session", "-"), res.value("latchkey", "postgres-1M", "bytes_per_session", "-")
    out.append(f"| database bytes per session (sessions + refresh_tokens, with indexes) | {fmt(small)} | {fmt(big)} | | |")
    return out


# Scenarios measured only on the million-account database (the scale pass), with the target each has, if any.
MILLION_ONLY = (("admin_search", None), ("admin_stats", None), ("scim_filter", "p99 < 20 ms at 32"), ("scim_page", None),
                ("license_validate", None), ("entitlements", "≥ 10,000/s, p99 < 10 ms at 32"), ("license_usage", None))


def million_rows(res, concs):
    out = ["| scenario (1 M users) | conn. | req/s | p50 ms | p99 ms | errors | peak RSS MB | CPU ms/req | target |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for scenario, target in MILLION_ONLY:
        for c in concs:
            r = res.get("latchkey", "postgres-1M", scenario, c)
            if r:
                out.append(f"| {scenario} | {c} | {measured(r)} | {target or ''} |")
    return out


def targets_rows(res, concs):
    top = concs[-1] if concs else 0
    def v(*key, field="rps"):
        return res.value(*key, field=field)
    rows = []

    def add(name, measured, ok):
        rows.append(f"| {name} | {measured} | {'met' if ok else 'missed' if ok is False else 'not measured'} |")

    cc, cc_peer = v("latchkey", "postgres", "client_credentials", top), v("oidc-provider", "-", "client_credentials", top)
    cc_p99 = v("latchkey", "postgres", "client_credentials", top, field="p99_ms")
    add("client_credentials ≥ 4× oidc-provider, p99 < 20 ms at 64", f"{ratio(cc, cc_peer)}, p99 {fmt(cc_p99, 1)} ms",
        None if cc is None or cc_peer is None else cc >= 4 * cc_peer and cc_p99 < 20)
    for db, scenario, floor in (("postgres", "refresh", 3000), ("postgres", "nhost_refresh", 3000), ("sqlite", "refresh", 1500)):
        r, p99 = v("latchkey", db, scenario, top), v("latchkey", db, scenario, top, field="p99_ms")
        goal = f"{scenario.replace('_', ' ')} on {db} ≥ {floor:,}/s" + (", p99 < 30 ms" if db == "postgres" else "")
        add(goal, f"{fmt(r)}/s, p99 {fmt(p99, 1)} ms",
            None if r is None else r >= floor and (db != "postgres" or p99 < 30))
    argon2 = v("raw", "-", "argon2", 2)
    best_signin = max([x for x in (v("latchkey", db, "signin", c) for db in ("sqlite", "postgres") for c in concs) if x] or [0])
    add("password sign-in ≥ 90% of raw Argon2id", f"{best_signin / argon2:.0%} ({fmt(best_signin, 1)} vs {fmt(argon2, 1)}/s)" if argon2 else "–",
        None if not argon2 or not best_signin else best_signin >= 0.9 * argon2)
    best_signup = max([x for x in (v("latchkey", db, "signup", c) for db in ("sqlite", "postgres") for c in concs) if x] or [0])
    add("sign-up ≥ 60% of raw Argon2id", f"{best_signup / argon2:.0%} ({fmt(best_signup, 1)} vs {fmt(argon2, 1)}/s)" if argon2 else "–",
        None if not argon2 or not best_signup else best_signup >= 0.6 * argon2)
    verify = max([x for x in (v("latchkey", db, s, top) for db in ("sqlite", "postgres") for s in ("nhost_verify", "introspection", "verify")) if x] or [0])
    add("token verification ≥ 8,000/s", f"{fmt(verify)}/s (best of the verification scenarios)", None if not verify else verify >= 8000)
    jwks = max([x for x in (v("latchkey", db, "jwks", c) for db in ("sqlite", "postgres") for c in concs) if x] or [0])
    add("JWKS ≥ 30,000/s", f"{fmt(jwks)}/s", None if not jwks else jwks >= 30000)
    for scenario in ("refresh", "signin"):
        small, big = v("latchkey", "postgres", scenario, top, field="p99_ms"), v("latchkey", "postgres-1M", scenario, top, field="p99_ms")
        add(f"1M sessions: {scenario} p99 within 1.5× of 10k", ratio(big, small), None if not small or not big else big <= 1.5 * small)
    scim_rps, scim_p99 = v("latchkey", "postgres-1M", "scim_filter", 32), v("latchkey", "postgres-1M", "scim_filter", 32, field="p99_ms")
    add("1M users: SCIM filtered get p99 < 20 ms at 32", f"{fmt(scim_rps)}/s, p99 {fmt(scim_p99, 1)} ms",
        None if scim_p99 is None else scim_p99 < 20)
    ent_rps, ent_p99 = v("latchkey", "postgres-1M", "entitlements", 32), v("latchkey", "postgres-1M", "entitlements", 32, field="p99_ms")
    add("1M users: entitlement check ≥ 10,000/s, p99 < 10 ms at 32", f"{fmt(ent_rps)}/s, p99 {fmt(ent_p99, 1)} ms",
        None if ent_rps is None else ent_rps >= 10000 and ent_p99 < 10)
    # Peak RSS is the process's high-water mark, and the scale pass runs the session scenarios first: their rows
    # are the sessions' peak, the later million-account rows add SCIM pages and admin lists on top.
    rss = max([num(r["peak_rss_mb"]) or 0 for r in res.rows if r["target"] == "latchkey" and r["db"] == "postgres-1M"
               and r["scenario"] in ("refresh", "nhost_refresh", "signin")] or [0])
    add("1M sessions: server RSS < 300 MB (refresh and sign-in)", f"{fmt(rss)} MB", None if not rss else rss < 300)
    return ["| target | measured | |", "|---|---|---|"] + rows


def render(res, elapsed):
    concs = sorted({int(r["connections"]) for r in res.rows if r["connections"].isdigit() and r["target"] != "raw" or
                    (r["target"] == "raw" and r["scenario"] == "signed_jwt" and r["connections"].isdigit())})
    top = concs[-1] if concs else 0
    lines = [f"Machine: {machine()}. Whole run: {elapsed // 60} min {elapsed % 60} s.", "",
             "### The limits: raw cost of the work, and oidc-provider", ""] + limits_rows(res, concs)
    lines += ["", "### Latchkey, with ratios to the peers (Identity = ASP.NET Core Identity MapIdentityApi, same database)", ""]
    lines += scenario_rows(res, concs)
    lines += ["", "### Scale: PostgreSQL with 10 thousand versus 1 million users and sessions", ""] + scale_rows(res, top)
    if any(r["db"] == "postgres-1M" and r["scenario"] in dict(MILLION_ONLY) for r in res.rows):
        lines += ["", "### The million-account scenarios (PostgreSQL, 1 M users and sessions)", ""] + million_rows(res, concs)
    lines += ["", "### Targets", ""] + targets_rows(res, concs)
    return "\n".join(lines) + "\n"


def check_errors(res):
    failed = 0
    for r in res.rows:
        if r["status"] == "not available yet":
            continue
        name = f"{r['target']} {r['db']} {r['scenario']} c={r['connections']}"
        ok = r["status"] == "ok" and r["errors"] in ("0", "-") and (num(r["rps"]) or 0) > 0
        failed += not ok
        print(f"SMOKE {'PASS' if ok else 'FAIL'} {name}" + ("" if ok else f" ({r['status']}, errors {r['errors']})"))
    return failed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--elapsed", type=int, default=0)
    parser.add_argument("--update-docs")
    parser.add_argument("--check-errors", action="store_true")
    args = parser.parse_args()
    res = Results(load(args.results))
    markdown = render(res, args.elapsed)
    with open(re.sub(r"\.tsv$", "", args.results) + ".md", "w") as f:
        f.write(markdown)
    if args.update_docs:
        with open(args.update_docs) as f:
            page = f.read()
        if BEGIN not in page or END not in page:
            sys.exit(f"{args.update_docs}: markers {BEGIN} / {END} not found")
        head, rest = page.split(BEGIN, 1)
        with open(args.update_docs, "w") as f:
            f.write(head + BEGIN + "\n" + markdown + END + rest.split(END, 1)[1])
    print(markdown)
    if args.check_errors:
        sys.exit(1 if check_errors(res) else 0)


if __name__ == "__main__":
    main()
