"""Issue 20: faults lose nothing. The load driver and the checks of scripts/stages/faults.sh.

  faults.py load URL JOURNAL SECONDS PID ADMIN PASSWORD
      sign-ups, sign-ins, refreshes and admin writes from a few threads; after SECONDS of load (counted from
      the end of a warm-up, so a slow start on a busy machine cannot leave the kill with nothing to cut) the
      driver sends SIGKILL to the server PID itself, in the middle of whatever is in flight. Every answer the
      client got (acknowledged) goes to JOURNAL, with what was in flight.
  faults.py verify URL JOURNAL ADMIN PASSWORD
      after the restart: every acknowledged write must be present, no refresh family spent twice.
  faults.py outage URL PHASE_FILE ADMIN PASSWORD
      load on every surface while the stage stops PostgreSQL (PHASE_FILE says up / stopping / down / back / done; the
      driver prints "load running" once its set-up is done, and the stage waits for that line):
      answers while it is down must be 503 in the surface's own error shape (or a success served without the
      database), /health/ready unhealthy, nothing may hang, and service must resume by itself.
Each mode prints PASS/FAIL lines, the counts, and "N passed, N failed". Standard library only.
"""
import base64, json, os, random, signal, sys, threading, time, urllib.error, urllib.request, uuid

PASSWORD = "velvet-Harbor-92-quiet-Lantern"
THREADS = 6
HANG = 10.0          # seconds: an answer slower than this while the database is away counts as a hang
RESUME_LIMIT = 20.0  # seconds after PostgreSQL is back by which every surface must answer again
results = []


def check(name, ok, detail=""):
    results.append(bool(ok))
    print(f"{'PASS' if ok else 'FAIL'} {name} {detail}".rstrip(), flush=True)


def finish():
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed", flush=True)


def call(base, method, path, body=None, bearer=None, form=None, basic=None, timeout=HANG + 5):
    """(status, json body or text, headers, seconds); status 0 when no answer came (refused, reset, timed out)."""
    headers, data = {}, None
    if body is not None:
        data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    if form is not None:
        data = "&".join(f"{k}={urllib.request.quote(v)}" for k, v in form.items()).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if bearer:
        headers["Authorization"] = "Bearer " + bearer
    if basic:
        headers["Authorization"] = basic
    request = urllib.request.Request(base + path, data=data, headers=headers, method=method)
    start = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, text, got = response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        status, text, got = error.code, error.read().decode(), error.headers
    except Exception:  # refused, reset, timed out: no answer, nothing acknowledged
        return 0, None, {}, time.monotonic() - start
    try:
        parsed = json.loads(text) if text[:1] in "{[" else text
    except ValueError:
        parsed = text
    return status, parsed, got, time.monotonic() - start


def admin_token(base, admin, password):
    status, body, _, _ = call(base, "POST", "/api/v1/auth/login", {"username": admin, "password": password})
    assert status == 200, f"admin sign-in {status} {body}"
    return body["token"]


# ---------------------------------------------------------------------------------------------------------
# SIGKILL under load
# ---------------------------------------------------------------------------------------------------------
def load(base, journal_path, seconds, pid, admin, admin_password):
    bearer = admin_token(base, admin, admin_password)
    # Warm-up: one of each request, so the first (slow, compiling) answers are not what the kill cuts.
    email = f"warm-{uuid.uuid4().hex[:12]}@example.com"
    status, body, _, _ = call(base, "POST", "/api/auth/register", {"email": email, "password": PASSWORD})
    assert status == 201, f"warm-up sign-up {status} {body}"
    assert call(base, "PUT", f"/api/admin/users/{body['user']['id']}", {"firstName": "warm"}, bearer=bearer)[0] == 200
    status, body, _, _ = call(base, "POST", "/api/v1/auth/login", {"username": email, "password": PASSWORD})
    assert status == 200, f"warm-up sign-in {status} {body}"
    assert call(base, "POST", "/api/v1/auth/refresh", {"refreshToken": body["refreshToken"]})[0] == 200
    stopped = threading.Event()
    lock = threading.Lock()
    journal = {"signups": [], "families": [], "admin_writes": {}, "double": [], "errors": []}

    def worker(n):
        mine_users, mine_families, rng = [], [], random.Random(n)
        while not stopped.is_set():
            op = rng.choice(["signup", "signin", "refresh", "refresh", "refresh", "admin"] if mine_users else ["signup"])
            if op == "signup":
                email = f"fault-{uuid.uuid4().hex[:16]}@example.com"
                status, body, _, _ = call(base, "POST", "/api/auth/register", {"email": email, "password": PASSWORD})
                if status == 201:
                    mine_users.append({"id": body["user"]["id"], "email": email})
                    with lock: journal["signups"].append({"id": body["user"]["id"], "email": email})
                elif status: journal["errors"].append(f"sign-up {status} {body}")
            elif op == "signin":
                user = rng.choice(mine_users)
                status, body, _, _ = call(base, "POST", "/api/v1/auth/login", {"username": user["email"], "password": PASSWORD})
                if status == 200:
                    family = {"tokens": [body["refreshToken"]], "pending": False}
                    mine_families.append(family)
                    with lock: journal["families"].append(family)
                elif status: journal["errors"].append(f"sign-in {status} {body}")
            elif op == "refresh" and mine_families:
                family = rng.choice([f for f in mine_families if not f["pending"]] or [None])
                if family is None: continue
                token = family["tokens"][-1]
                # Every fifth refresh is sent twice at once: both answers must carry the one successor.
                twice = rng.random() < 0.2
                answers = [None, None]
                def send(i): answers[i] = call(base, "POST", "/api/v1/auth/refresh", {"refreshToken": token})
                threads = [threading.Thread(target=send, args=(i,)) for i in range(2 if twice else 1)]
                for t in threads: t.start()
                for t in threads: t.join()
                successors = {a[1]["refreshToken"] for a in answers if a and a[0] == 200}
                if len(successors) > 1:
                    with lock: journal["double"].append(token[:8])
                if successors:
                    family["tokens"].append(successors.pop())
                elif any(a and a[0] == 0 for a in answers):
                    family["pending"] = True  # in flight when the server died: the retry window covers it
                else:
                    journal["errors"].append(f"refresh {[a[0] for a in answers if a]} {answers[0][1]}")
            elif op == "admin":
                user = rng.choice(mine_users)
                if user.get("pending"): continue
                value = f"f{uuid.uuid4().hex[:10]}"
                status, body, _, _ = call(base, "PUT", f"/api/admin/users/{user['id']}", {"firstName": value}, bearer=bearer)
                with lock:
                    entry = journal["admin_writes"].setdefault(user["id"], {"acked": None, "pending": None, "count": 0})
                    if status == 200: entry["acked"], entry["count"] = value, entry["count"] + 1
                    elif status == 0: entry["pending"], user["pending"] = value, True
                    else: journal["errors"].append(f"admin write {status} {body}")

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    for t in threads: t.start()
    time.sleep(seconds)
    os.kill(pid, signal.SIGKILL)
    print(f"SIGKILL sent to {pid} after {seconds:.1f} s of load", flush=True)
    time.sleep(0.5)  # the requests in flight fail now: unacknowledged
    stopped.set()
    for t in threads: t.join()
    with open(journal_path, "w") as out:
        json.dump(journal, out)
    refreshes = sum(len(f["tokens"]) - 1 for f in journal["families"])
    admin_writes = sum(e["count"] for e in journal["admin_writes"].values())
    print(f"acknowledged: {len(journal['signups'])} sign-ups, {len(journal['families'])} sign-ins, "
          f"{refreshes} refreshes, {admin_writes} admin writes; {len(journal['errors'])} unexpected answers", flush=True)
    for error in journal["errors"][:5]: print(f"  unexpected: {error}", flush=True)


def verify(base, journal_path, admin, admin_password):
    with open(journal_path) as source:
        journal = json.load(source)
    bearer = admin_token(base, admin, admin_password)
    acked = present = 0
    lost = []
    for user in journal["signups"]:
        acked += 1
        status, body, _, _ = call(base, "GET", f"/api/admin/users/{user['id']}", bearer=bearer)
        if status == 200 and body["user"]["email"] == user["email"]: present += 1
        else: lost.append(f"sign-up {user['email']} ({status})")
    for user_id, entry in journal["admin_writes"].items():
        if entry["count"] == 0: continue
        acked += entry["count"]
        status, body, _, _ = call(base, "GET", f"/api/admin/users/{user_id}", bearer=bearer)
        # The last acknowledged value, or a later one whose answer the kill swallowed (it may have committed).
        if status == 200 and body["user"].get("firstName") in (entry["acked"], entry["pending"]): present += entry["count"]
        else: lost.append(f"admin write on {user_id} ({status})")
    double = len(journal["double"])
    for family in journal["families"]:
        tokens = family["tokens"]
        acked += len(tokens)  # the sign-in and each acknowledged rotation
        # The last acknowledged token must still refresh (through the retry window if its own refresh was in
        # flight at the kill): then the sign-in and every rotation of the family survived.
        status, body, _, _ = call(base, "POST", "/api/v1/auth/refresh", {"refreshToken": tokens[-1]})
        if status != 200:
            lost.append(f"refresh family ({status} {body})")
            continue
        present += len(tokens)
        # A spent token (its successor has been used) must never be spent again, restart or not.
        spent = tokens[-2] if len(tokens) >= 2 else tokens[-1]
        if len(tokens) < 2:
            # Use the successor once more so the sign-in token is spent too.
            if call(base, "POST", "/api/v1/auth/refresh", {"refreshToken": body["refreshToken"]})[0] != 200:
                lost.append("refresh family (second refresh)")
                continue
        if call(base, "POST", "/api/v1/auth/refresh", {"refreshToken": spent})[0] == 200:
            double += 1
    print(f"acknowledged writes {acked}, present after restart {present}, lost {acked - present}, "
          f"refresh families spent twice {double}", flush=True)
    for item in lost[:10]: print(f"  lost: {item}", flush=True)
    check("acknowledged writes were made", acked > 0 and len(journal["families"]) > 0, f"({acked})")
    check("no acknowledged write lost", acked == present, f"({acked - present} lost)")
    check("no refresh family spent twice", double == 0, f"({double})")
    check("no unexpected answer under load", not journal["errors"], f"({len(journal['errors'])})")
    print(f"COUNTS acked={acked} present={present} lost={acked - present} double={double}", flush=True)


# ---------------------------------------------------------------------------------------------------------
# PostgreSQL stopped under load
# ---------------------------------------------------------------------------------------------------------
def shape_ok(path, status, body, headers):
    """The 503 of each surface, in that surface's own error shape (docs/surfaces.md), with Retry-After."""
    if status != 503 or not isinstance(body, dict) or not headers.get("Retry-After"): return False
    if path.startswith("/api/scim/"):
        return body.get("schemas") == ["urn:ietf:params:scim:api:messages:2.0:Error"] and body.get("status") == "503"
    if path.startswith("/api/oauth/"): return body.get("error") == "temporarily_unavailable" and "error_description" in body
    if path.startswith("/api/v1/auth/"): return set(body) == {"error"}
    if path.startswith("/api/"): return body.get("success") is False and "code" in body and "error" in body
    if path.startswith("/v1/"): return body.get("status") == 503 and "message" in body and "error" in body
    return "error" in body


def outage(base, phase_path, admin, admin_password):
    def phase():
        with open(phase_path) as source:
            return source.read().strip()

    bearer = admin_token(base, admin, admin_password)
    status, body, _, _ = call(base, "POST", "/api/admin/oauth-clients", {
        "name": "faults stage", "redirectUris": ["https://app.example.com/cb"], "grantTypes": ["client_credentials"],
        "tokenEndpointAuthMethod": "client_secret_basic", "firstParty": True}, bearer=bearer)
    assert status == 201, f"create client {status} {body}"
    basic = "Basic " + base64.b64encode(f"{body['client']['clientId']}:{body['clientSecret']}".encode()).decode()
    status, body, _, _ = call(base, "POST", f"/api/admin/oauth-clients/{body['client']['id']}/scim-tokens", {"name": "faults"}, bearer=bearer)
    assert status == 201, f"create SCIM token {status} {body}"
    scim = body["secretToken"]
    email = f"outage-{uuid.uuid4().hex[:12]}@example.com"
    assert call(base, "POST", "/api/auth/register", {"email": email, "password": PASSWORD})[0] == 201
    refresh = [call(base, "POST", "/api/v1/auth/login", {"username": email, "password": PASSWORD})[1]["refreshToken"]]

    # One request of each surface; the refresh carries its family forward only when it succeeded.
    def ops():
        return [
            ("platform sign-in", "POST", "/api/auth/login", {"body": {"email": email, "password": PASSWORD}}),
            ("platform sign-up", "POST", "/api/auth/register", {"body": {"email": f"o-{uuid.uuid4().hex[:12]}@example.com", "password": PASSWORD}}),
            ("admin list", "GET", "/api/admin/users?limit=5", {"bearer": bearer}),
            ("simple sign-in", "POST", "/api/v1/auth/login", {"body": {"username": email, "password": PASSWORD}}),
            ("simple refresh", "POST", "/api/v1/auth/refresh", {"body": {"refreshToken": refresh[0]}}),
            ("nhost sign-in", "POST", "/v1/signin/email-password", {"body": {"email": email, "password": PASSWORD}}),
            ("oauth token", "POST", "/api/oauth/token", {"form": {"grant_type": "client_credentials"}, "basic": basic}),
            ("scim list", "GET", "/api/scim/v2/Users?count=2", {"bearer": scim}),
            ("nhost health", "GET", "/v1/healthz", {}),
            ("ready", "GET", "/health/ready", {}),
        ]

    lock = threading.Lock()
    records = []  # (name, phase at start, phase at end, status, seconds, shape ok, started)

    def worker(n):
        rng = random.Random(n)
        while phase() != "done":
            name, method, path, kw = rng.choice(ops())
            before, started = phase(), time.monotonic()
            status, body, headers, took = call(base, method, path, **kw)
            if name == "simple refresh" and status == 200:
                with lock: refresh[0] = body["refreshToken"]
            with lock: records.append((name, before, phase(), status, took, shape_ok(path, status, body, headers), started, path))
            time.sleep(0.02)

    marks = {}
    def watch():
        last = None
        while last != "done":
            now = phase()
            if now != last: marks[now], last = time.monotonic(), now
            time.sleep(0.05)

    print("load running", flush=True)
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)] + [threading.Thread(target=watch)]
    for t in threads: t.start()
    for t in threads: t.join()

    up = [r for r in records if r[1] == r[2] == "up"]
    down = [r for r in records if r[1] == r[2] == "down"]
    back = [r for r in records if r[1] == r[2] == "back"]
    check("service answers before the outage", up and all(200 <= r[3] < 300 for r in up),
          f"({len(up)} requests, statuses {sorted({r[3] for r in up})})")
    requests = [r for r in down if r[0] != "ready"]
    unclean = [r for r in requests if not (r[5] or 200 <= r[3] < 300)]
    surfaces = sorted({r[0] for r in requests if r[5]})
    served = sorted({r[0] for r in requests if 200 <= r[3] < 300})
    check("while PostgreSQL is down every answer is a 503 in its surface's shape (or served without it)",
          requests and not unclean, f"({len(requests)} requests; 503 from: {', '.join(surfaces)}; served from memory: "
          f"{', '.join(served) or 'none'}; unclean: {sorted({(r[0], r[3]) for r in unclean})})")
    check("/health/ready unhealthy while it is down", any(r[0] == "ready" for r in down)
          and all(r[3] == 503 for r in down if r[0] == "ready"))
    slowest = max((r[4] for r in records), default=0)
    check("nothing hangs", slowest < HANG and all(r[3] != 0 for r in records), f"(slowest answer {slowest:.2f} s)")
    # Resumed: the first moment after which every request of every surface succeeds.
    back_at = marks.get("back", 0)
    failures_after = [r[6] for r in back if not (200 <= r[3] < 300)]
    resumed = (max(failures_after) if failures_after else back_at) - back_at
    later = [r for r in back if r[6] > back_at + resumed]
    check("service resumes by itself", later and resumed <= RESUME_LIMIT and {r[0] for r in later} >= {"ready", "simple sign-in"},
          f"(all surfaces answer {resumed:.1f} s after PostgreSQL is back; {len(later)} requests since)")
    print(f"COUNTS requests={len(records)} down={len(down)} unclean={len(unclean)} resumed_s={resumed:.1f} "
          f"slowest_s={slowest:.2f}", flush=True)


if __name__ == "__main__":
    mode = sys.argv[1]
    try:
        if mode == "load": load(sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5]), sys.argv[6], sys.argv[7])
        elif mode == "verify": verify(*sys.argv[2:6])
        elif mode == "outage": outage(*sys.argv[2:6])
        else: raise SystemExit(f"unknown mode {mode}")
    except Exception as error:  # a broken setup is a failure, with the reason
        check("setup", False, str(error))
        if mode == "load": print(f"FAIL load: {error}", flush=True)
    if mode != "load": finish()
