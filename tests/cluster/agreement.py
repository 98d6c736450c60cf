"""Issue 20: a change made on one node is in force on the other within a second.

Usage: agreement.py URL_A URL_B ADMIN_EMAIL ADMIN_PASSWORD
Each check makes a change on node A, then asks node B until B shows it (at most LIMIT seconds), and prints
one line with the time it took. Ends with "N passed, N failed". Standard library only.
"""
import base64, http.cookiejar, json, sys, time, urllib.error, urllib.parse, urllib.request, uuid

A, B, ADMIN, ADMIN_PASSWORD = sys.argv[1:5]
LIMIT = 1.0          # seconds: the promise (docs/operations.md)
GIVE_UP = 5.0        # seconds: how long a failing check keeps asking, to report how late it was
PASSWORD = "velvet-Harbor-92-quiet-Lantern"
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
results = []


def call(method, url, body=None, bearer=None, form=None, auth=None, cookies=True):
    headers = {}
    data = None
    if body is not None:
        data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    if form is not None:
        data, headers["Content-Type"] = urllib.parse.urlencode(form).encode(), "application/x-www-form-urlencoded"
    if bearer:
        headers["Authorization"] = "Bearer " + bearer
    if auth:
        headers["Authorization"] = "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with (opener if cookies else urllib.request.build_opener()).open(request, timeout=10) as response:
            text = response.read().decode()
            return response.status, (json.loads(text) if text.startswith(("{", "[")) else text)
    except urllib.error.HTTPError as error:
        text = error.read().decode()
        return error.code, (json.loads(text) if text.startswith(("{", "[")) else text)


def until_b(name, seen):
    """Asks node B (seen() -> bool) until it shows the change; records the time since the change was acknowledged."""
    start = time.monotonic()
    while True:
        if seen():
            took = time.monotonic() - start
            ok = took <= LIMIT
            break
        if time.monotonic() - start > GIVE_UP:
            took, ok = time.monotonic() - start, False
            break
        time.sleep(0.02)
    results.append(ok)
    print(f"{'PASS' if ok else 'FAIL'} {name}: node B agreed after {took * 1000:.0f} ms (limit {LIMIT * 1000:.0f} ms)", flush=True)


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'PASS' if ok else 'FAIL'} {name} {detail}", flush=True)


def user(prefix):
    email = f"{prefix}-{uuid.uuid4().hex[:12]}@example.com"
    status, _ = call("POST", A + "/api/auth/register", {"email": email, "password": PASSWORD}, cookies=False)
    assert status == 201, f"register {status}"
    status, body = call("POST", B + "/api/v1/auth/login", {"username": email, "password": PASSWORD}, cookies=False)
    assert status == 200, f"login {status} {body}"
    token = body["token"]
    sub = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "==="))["sub"]
    return token, sub


def me_on_b(token):
    return call("GET", B + "/api/auth/me", bearer=token, cookies=False)[0]


def client(grant_types):
    status, body = call("POST", A + "/api/admin/oauth-clients", {
        "name": "nodes stage", "redirectUris": ["https://app.example.com/cb"], "grantTypes": grant_types,
        "tokenEndpointAuthMethod": "client_secret_basic", "firstParty": True})
    assert status == 201, f"create client {status} {body}"
    return body["client"]["id"], body["client"]["clientId"], body["clientSecret"]


def token_on_b(client_id, secret):
    return call("POST", B + "/api/oauth/token", form={"grant_type": "client_credentials"}, auth=(client_id, secret), cookies=False)[0]


def main():
    status, body = call("POST", A + "/api/auth/login", {"email": ADMIN, "password": ADMIN_PASSWORD})
    assert status == 200, f"admin login {status} {body}"

    token, sub = user("disabled")
    check("a fresh token works on node B", me_on_b(token) == 200)
    status, _ = call("PUT", f"{A}/api/admin/users/{sub}", {"disabled": True})
    check("node A disables the user", status == 200, f"({status})")
    until_b("disabled user's token refused", lambda: me_on_b(token) == 401)

    token, _ = user("signed-out")
    check("a session's token works on node B", me_on_b(token) == 200)
    status, _ = call("POST", A + "/api/v1/auth/logout", bearer=token, cookies=False)
    check("node A ends the session", status == 200, f"({status})")
    until_b("revoked session's token refused", lambda: me_on_b(token) == 401)

    row, client_id, secret = client(["client_credentials"])
    check("a new client gets a token on node B", token_on_b(client_id, secret) == 200)
    status, _ = call("PATCH", f"{A}/api/admin/oauth-clients/{row}", {"grantTypes": ["authorization_code"]})
    check("node A edits the client's grants", status == 200, f"({status})")
    until_b("edited client's old grant refused", lambda: token_on_b(client_id, secret) != 200)

    row, client_id, secret = client(["client_credentials"])
    check("another client gets a token on node B", token_on_b(client_id, secret) == 200)
    status, _ = call("DELETE", f"{A}/api/admin/oauth-clients/{row}")
    check("node A deletes the client", status in (200, 204), f"({status})")
    until_b("deleted client refused", lambda: token_on_b(client_id, secret) == 401)

    status, body = call("POST", A + "/api/admin/oidc-keys")
    check("node A rotates the signing key", status == 200, f"({status})")
    kid = body.get("keyId", "?") if isinstance(body, dict) else "?"
    until_b("rotated key published", lambda: kid in str(call("GET", B + "/.well-known/jwks.json", cookies=False)[1]))

    status, body = call("GET", B + "/api/admin/settings")
    length = (body["settings"]["passwordMinLength"] if status == 200 else 8) + 3
    status, _ = call("PUT", A + "/api/admin/settings", {"passwordMinLength": length})
    check("node A changes a setting", status == 200, f"({status})")
    until_b("changed setting in force", lambda: call("GET", B + "/api/admin/settings")[1]["settings"]["passwordMinLength"] == length)

    # The Nhost sign-in bucket (10 per 5 minutes per IP) is used by nothing else here: attempts alternate
    # between the nodes, a little slower than the counters' flush, and the shared count must stop them.
    admitted, refused_at = 0, None
    for attempt in range(1, 25):
        node = A if attempt % 2 else B
        status, _ = call("POST", node + "/v1/signin/email-password", {"email": "nobody@example.com", "password": "wrong-password-1"}, cookies=False)
        if status == 429:
            refused_at = attempt
            break
        admitted += 1
        time.sleep(0.3)
    check("shared rate limit", refused_at is not None and admitted <= 11,
          f"(limit 10 per IP over both nodes: {admitted} admitted, first 429 at attempt {refused_at})")

    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # a broken setup is a failure, with the reason
        print(f"FAIL setup: {error}")
        print(f"{sum(results)} passed, {len(results) - sum(results) + 1} failed")
