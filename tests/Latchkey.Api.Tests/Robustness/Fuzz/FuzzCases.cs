using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Latchkey.Api.Tests.Robustness.Fuzz;

/// <summary>
/// The request generator: an operation of the documents, its path and query parameters, a body shaped by its
/// schema (then sometimes truncated, mislabelled or replaced by bytes), and sometimes a forged credential.
/// </summary>
public static class FuzzCases
{
    private const int MaxUrl = 7 * 1024;

    private static readonly Gen<string> PathValue = Gen.Frequency(
        (3, Gen.Guid.Select(g => g.ToString())),
        (1, Gen.OneOf("1", "0", "-1", "x", "me", "99999999999999999999")),
        (2, HostileValues.String.Select(s => s.Length > 2000 ? s[..2000] : s)));

    private static readonly Gen<(string, string)?> Credential = Gen.Frequency(
        (8, Gen.Const<(string, string)?>(() => null)),
        (1, HostileValues.String.Select(s => ((string, string)?)("Authorization", "Bearer " + Header(s)))),
        (1, Gen.OneOf("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "eyJhbGciOiJIUzI1NiJ9.e30.c2ln", "a.b.c", "....")
            .Select(t => ((string, string)?)("Authorization", "Bearer " + t))),
        (1, HostileValues.String.Select(s => ((string, string)?)("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Header(s) + ":" + Header(s)))))),
        (1, HostileValues.String.Select(s => ((string, string)?)("X-API-Key", Header(s)))));

    public static Gen<FuzzCase> For(IReadOnlyList<ApiOperation> operations) =>
        Gen.OneOf(operations.Select(For).ToArray());

    private static Gen<FuzzCase> For(ApiOperation op)
    {
        var pathParams = op.Parameters.Where(p => p.In == "path").Select(p => PathValue.Select(v => (p.Name, Value: v))).ToArray();
        var queryParams = op.Parameters.Where(p => p.In == "query")
            .Select(p => Gen.Select(Gen.Int[0, 9], SchemaValues.For(p.Schema, op.Refs), (keep, v) => keep < (p.Required ? 9 : 5) ? $"{Escape(p.Name)}={Escape(Scalar(v))}" : null))
            .ToArray();
        var bodySchema = op.BodySchema is { } schema ? SchemaValues.For(schema, op.Refs) : HostileValues.Value();
        var sendsBody = op.Body != BodyKind.None || op.Method is "POST" or "PUT" or "PATCH";
        return Gen.Select(All(pathParams), All(queryParams), bodySchema, Gen.Int[0, 19], Gen.Int[0, 4096], Credential,
            (path, query, body, mutation, cut, credential) =>
            {
                var url = path.Aggregate(op.PathTemplate, (u, p) => u.Replace("{" + p.Name + "}", Escape(p.Value), StringComparison.Ordinal));
                var q = string.Join('&', query.Where(x => x is not null));
                if (q.Length > 0) url += "?" + q;
                // Kestrel answers a request line over 8 KB itself, with a bare 414, before any application code runs
                // (docs/security.md): the fuzz aims at the application, so it keeps below that.
                if (url.Length > MaxUrl) url = url[..MaxUrl]; // a cut escape ("%2") is hostile input too
                if (!sendsBody) return new FuzzCase(op, op.Method, url, null, null, credential);
                var (type, bytes) = Encode(op.Body, body);
                (type, bytes) = mutation switch
                {
                    0 => (type, bytes[..Math.Min(cut, bytes.Length)]),                            // truncated
                    1 => ("text/plain", bytes),                                                  // mislabelled
                    2 => (op.Body == BodyKind.Form ? "application/json" : "application/x-www-form-urlencoded", bytes),
                    3 => (type, Encoding.UTF8.GetBytes(new string('[', 2000))),                // nested past any depth limit
                    4 => (type + "; charset=latin1", bytes),
                    _ => (type, bytes),
                };
                return new FuzzCase(op, op.Method, url, type, bytes, credential);
            });
    }

    private static (string Type, byte[] Bytes) Encode(BodyKind kind, JsonNode? body)
    {
        if (kind != BodyKind.Form) return ("application/json", Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "null"));
        var fields = body is JsonObject obj
            ? obj.Select(f => $"{Escape(f.Key)}={Escape(Scalar(f.Value))}")
            : [Escape(Scalar(body))];
        return ("application/x-www-form-urlencoded", Encoding.UTF8.GetBytes(string.Join('&', fields)));
    }

    /// <summary>A JSON value as a query or form value: strings as they are, anything else as its JSON text.</summary>
    private static string Scalar(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node?.ToJsonString() ?? "";

    /// <summary>Percent-encodes as a browser would; a lone surrogate (which <see cref="Uri"/> refuses) as the UTF-8 of U+FFFD.</summary>
    private static string Escape(string s)
    {
        try
        {
            return Uri.EscapeDataString(s);
        }
        catch (UriFormatException)
        {
            return string.Concat(Encoding.UTF8.GetBytes(s).Select(b => $"%{b:X2}"));
        }
    }

    /// <summary>Header values as the client can send them: printable ASCII and tab (it refuses CR, LF, NUL and non-ASCII).</summary>
    private static string Header(string s) => new(s.Where(c => c is '\t' or >= ' ' and <= '~').Take(4000).ToArray());

    private static Gen<T[]> All<T>(Gen<T>[] gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<T>()), (all, next) => Gen.Select(all, next, (a, n) => a.Append(n).ToArray()));
}
