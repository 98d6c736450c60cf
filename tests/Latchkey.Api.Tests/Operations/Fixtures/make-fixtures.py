#!/usr/bin/env python3
"""Writes the import fixtures from known passwords, with implementations independent of Latchkey's:
bcrypt from the system's crypt(3) (libxcrypt), PBKDF2 from Python's hashlib.

    python3 tests/Latchkey.Api.Tests/Operations/Fixtures/make-fixtures.py

Salts are fixed so that re-running writes the same files. The password of every account with a hash is
PASSWORD below; ImportCommandTests signs in with it after the import.
"""
import base64, crypt, csv, hashlib, io, json, os, warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
HERE = os.path.dirname(os.path.abspath(__file__))
PASSWORD = "Imported-cobalt-Meadow-47"

def bcrypt(prefix, salt22, cost=4):
    h = crypt.crypt(PASSWORD, f"${prefix}${cost:02d}${salt22}")
    assert h and h.startswith(f"${prefix}$"), "crypt(3) has no bcrypt here"
    return h

def keycloak_credential(algorithm, digest, iterations, salt, key_bytes=64):
    key = hashlib.pbkdf2_hmac(digest, PASSWORD.encode("utf-8"), salt, iterations, key_bytes)
    return {
        "type": "password", "createdDate": 1700000000000,
        "secretData": json.dumps({"value": base64.b64encode(key).decode(), "salt": base64.b64encode(salt).decode(), "additionalParameters": {}}),
        "credentialData": json.dumps({"hashIterations": iterations, "algorithm": algorithm, "additionalParameters": {}}),
    }

def write(name, text):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        f.write(text)

# Ours, JSON: a bcrypt account with everything, a password-less one, and three that must be refused.
write("latchkey.json", json.dumps([
    {"email": "json-ada@example.com", "emailVerified": True, "username": "json_ada", "firstName": "Ada", "lastName": "Lovelace",
     "displayName": "Ada L", "phoneNumber": "+15550100001", "phoneNumberVerified": True, "role": "moderator", "locale": "en",
     "metadata": {"plan": "pro", "seats": 3}, "passwordHash": bcrypt("2b", "abcdefghijklmnopqrstuu"), "createdAt": "2024-01-02T03:04:05Z"},
    {"email": "json-nopassword@example.com", "emailVerified": False},
    {"email": "json-plaintext@example.com", "passwordHash": "hunter2hunter2"},
    {"email": "not-an-email", "passwordHash": bcrypt("2b", "abcdefghijklmnopqrstuu")},
    {"email": "json-badrole@example.com", "role": "no-such-role"},
], indent=2) + "\n")

# Ours, CSV: metadata is JSON text (quoted, with commas and doubled quotes), one row with a field missing.
out = io.StringIO()
w = csv.writer(out, lineterminator="\n")
w.writerow(["email", "emailVerified", "firstName", "lastName", "phoneNumber", "role", "metadata", "passwordHash"])
w.writerow(["csv-grace@example.com", "true", "Grace", "Hopper", "+15550100002", "user", json.dumps({"team": "navy, cobol"}), bcrypt("2y", "ABCDEFGHIJKLMNOPQRSTUu")])
w.writerow(["csv-plain@example.com", "false", "", "", "", "", "", ""])
out.write("csv-short@example.com,true\n")
write("latchkey.csv", out.getvalue())

# Auth0: the user export (NDJSON) joined with the password hashes Auth0 support hands over, plus one broken line.
lines = [
    {"_id": {"$oid": "60a1b2c3d4e5f60718293a4b"}, "email": "auth0-linus@example.com", "email_verified": True, "given_name": "Linus",
     "family_name": "Pauling", "user_metadata": {"color": "blue"}, "passwordHash": bcrypt("2b", "0123456789abcdefghijkl", 10),
     "password_set_date": {"$date": "2023-05-06T07:08:09.000Z"}, "created_at": "2023-05-06T07:08:09.000Z", "connection": "Username-Password-Authentication"},
    {"email": "auth0-custom@example.com", "email_verified": False,
     "custom_password_hash": {"algorithm": "bcrypt", "hash": {"value": bcrypt("2a", "zyxwvutsrqponmlkjihgfe")}}},
]
write("auth0.ndjson", "".join(json.dumps(l) + "\n" for l in lines) + "{not json\n")

# Supabase: psql's \copy (select ... from auth.users) to 'users.csv' csv header; bcrypt $2a$ like GoTrue writes.
out = io.StringIO()
w = csv.writer(out, lineterminator="\n")
cols = ["instance_id", "id", "aud", "role", "email", "encrypted_password", "email_confirmed_at", "phone", "phone_confirmed_at",
        "raw_app_meta_data", "raw_user_meta_data", "created_at", "updated_at", "banned_until"]
w.writerow(cols)
w.writerow(["00000000-0000-0000-0000-000000000000", "8d0f0a0e-1111-4a4a-9b9b-000000000001", "authenticated", "authenticated",
            "supa-marie@example.com", bcrypt("2a", "mnopqrstuvwxyzABCDEFGu", 10), "2024-02-03 04:05:06.789+00", "15550100003",
            "2024-02-03 04:05:06.789+00", json.dumps({"provider": "email", "providers": ["email"]}), json.dumps({"full_name": "Marie Curie"}),
            "2024-02-03 04:05:06.789+00", "2024-02-03 04:05:06.789+00", ""])
w.writerow(["00000000-0000-0000-0000-000000000000", "8d0f0a0e-1111-4a4a-9b9b-000000000002", "authenticated", "authenticated",
            "supa-unconfirmed@example.com", "", "", "", "", "{}", "{}", "2024-02-03 04:05:06.789+00", "2024-02-03 04:05:06.789+00", ""])
write("supabase-users.csv", out.getvalue())

# Keycloak: a realm export with PBKDF2-SHA256 (Keycloak's default before 24) and PBKDF2-SHA512 credentials.
write("keycloak-realm.json", json.dumps({"realm": "acme", "enabled": True, "users": [
    {"username": "kc-emmy", "email": "kc-emmy@example.com", "emailVerified": True, "firstName": "Emmy", "lastName": "Noether",
     "enabled": True, "createdTimestamp": 1700000000000, "attributes": {"phoneNumber": ["+15550100004"]},
     "credentials": [keycloak_credential("pbkdf2-sha256", "sha256", 27500, b"keycloak-salt-01")], "realmRoles": ["default-roles-acme"]},
    {"username": "kc-sofia", "email": "kc-sofia@example.com", "emailVerified": False, "enabled": True,
     "credentials": [keycloak_credential("pbkdf2-sha512", "sha512", 30000, b"keycloak-salt-02")]},
    {"username": "kc-unknown", "email": "kc-unknown@example.com", "enabled": True,
     "credentials": [{"type": "password", "secretData": "{\"value\":\"x\",\"salt\":\"y\"}", "credentialData": "{\"hashIterations\":1,\"algorithm\":\"md5\"}"}]},
]}, indent=2) + "\n")
