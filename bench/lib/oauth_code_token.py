#!/usr/bin/env python3
"""Prints an OAuth access token obtained the way a relying party gets one, for the userinfo scenario.

The OAuth userinfo endpoint only accepts tokens issued to a client through a user grant, so a
first-party session token will not do. This registers a confidential client (RFC 7591, open
registration as bench/run.sh starts the server), then plays the browser: authorize with PKCE, the
hosted sign-in page, the consent page, and exchanges the code at the token endpoint.
Standard library only, so the harness needs nothing beyond python3.

    oauth_code_token.py BASE_URL EMAIL PASSWORD
"""
import base64
import hashlib
import html
import http.cookiejar
import json
import re
import secrets
import sys
import urllib.error
import urllib.parse
import urllib.request

REDIRECT_URI = "https://rp.bench.test/callback"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Keeps cookies and stops at every redirect, so the code is read from the Location header."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)

    def request(self, url, data=None, headers=None):
        body = urllib.parse.urlencode(data).encode() if isinstance(data, dict) else data
        req = urllib.request.Request(urllib.parse.urljoin(self.base, url), data=body, headers=headers or {})
        try:
            with self.opener.open(req, timeout=10) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def follow(self, url, data=None):
        """Follows redirects on the server; returns (final url, page html) or (callback url, None)."""
        for _ in range(10):
            status, headers, text = self.request(url, data)
            location = headers.get("Location")
            if status not in (301, 302, 303, 307) or not location:
                return url, text
            url = urllib.parse.urljoin(urllib.parse.urljoin(self.base, url), location)
            data = None
            if url.startswith(REDIRECT_URI):
                return url, None
        raise SystemExit("too many redirects")

    def submit(self, page, fields):
        """Posts the page's first form with its hidden inputs (the antiforgery token) plus fields."""
        form = re.search(r'<form method="post" action="([^"]*)">(.*?)</form>', page, re.S)
        if not form:
            raise SystemExit("no form on the page:\n" + page[:500])
        data = {html.unescape(n): html.unescape(v)
                for n, v in re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)">', form.group(2))}
        data.update(fields)
        return self.follow(html.unescape(form.group(1)), data)


def main():
    base, email, password = sys.argv[1:4]
    browser = Browser(base)
    status, _, text = browser.request("/api/oauth/register", json.dumps({
        "client_name": "latchkey-bench-rp", "redirect_uris": [REDIRECT_URI],
        "grant_types": ["authorization_code"], "token_endpoint_auth_method": "client_secret_basic",
        "scope": "openid profile email"}).encode(), {"Content-Type": "application/json"})
    if status != 201 and status != 200:
        raise SystemExit(f"registration failed: {status} {text}")
    client = json.loads(text)

    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    query = urllib.parse.urlencode({
        "response_type": "code", "client_id": client["client_id"], "redirect_uri": REDIRECT_URI,
        "scope": "openid profile email", "state": secrets.token_urlsafe(16), "nonce": secrets.token_urlsafe(16),
        "code_challenge": challenge, "code_challenge_method": "S256"})
    url, page = browser.follow("/api/oauth/authorize?" + query)
    if page is not None and "/login" in url:
        url, page = browser.submit(page, {"email": email, "password": password})
    if page is not None and "decision" in page:
        url, page = browser.submit(page, {"decision": "approve"})
    code = urllib.parse.parse_qs(urllib.parse.urlparse(url).query).get("code")
    if page is not None or not code:
        raise SystemExit(f"no code at {url}:\n{(page or '')[:500]}")

    basic = base64.b64encode(f'{client["client_id"]}:{client["client_secret"]}'.encode()).decode()
    status, _, text = browser.request("/api/oauth/token", {
        "grant_type": "authorization_code", "code": code[0], "redirect_uri": REDIRECT_URI,
        "code_verifier": verifier}, {"Authorization": "Basic " + basic})
    if status != 200:
        raise SystemExit(f"code exchange failed: {status} {text}")
    print(json.loads(text)["access_token"])


if __name__ == "__main__":
    main()
