using System.Diagnostics;
using System.Text.Json;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>
/// The Nhost OpenAPI document itself (shared/seeds/nhost-authentication-openapi.yml beside the repository),
/// read through the system python's YAML parser (no YAML package is in the NuGet mirror; scripts/test.sh
/// installs python3-yaml). Loaded once per test run.
/// </summary>
public sealed class NhostSpec
{
    public const string FileName = "nhost-authentication-openapi.yml";
    private static readonly Lazy<NhostSpec> Loaded = new(Load);

    public static NhostSpec Instance => Loaded.Value;

    public JsonElement Root { get; }
    public IReadOnlyList<SpecOperation> Operations { get; }

    private NhostSpec(JsonElement root)
    {
        Root = root;
        var operations = new List<SpecOperation>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
            foreach (var method in path.Value.EnumerateObject())
                operations.Add(new SpecOperation(method.Value.GetProperty("operationId").GetString()!, method.Name.ToUpperInvariant(), path.Name, method.Value));
        Operations = operations;
    }

    public SpecOperation Operation(string operationId) => Operations.Single(o => o.Id == operationId);

    public JsonElement Schema(string name) => Root.GetProperty("components").GetProperty("schemas").GetProperty(name);

    /// <summary>Resolves <c>#/components/schemas/X</c>.</summary>
    public JsonElement Resolve(string reference)
    {
        const string prefix = "#/components/schemas/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal)) throw new NotSupportedException(reference);
        return Schema(reference[prefix.Length..]);
    }

    private static NhostSpec Load()
    {
        var path = Environment.GetEnvironmentVariable("LATCHKEY_NHOST_SPEC") ?? FindBesideRepository();
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python)
        {
            ArgumentList = { "-c", "import sys, json, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)", path },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var json = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Converting {path} to JSON failed (python3-yaml installed?): {errors}");
        return new NhostSpec(JsonDocument.Parse(json).RootElement.Clone());
    }

    private static string FindBesideRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Latchkey.slnx"))) continue;
            var candidate = Path.Combine(dir.FullName, "..", "shared", "seeds", FileName);
            if (File.Exists(candidate)) return Path.GetFullPath(candidate);
            throw new FileNotFoundException($"The Nhost spec is not beside the repository: {candidate}");
        }
        throw new DirectoryNotFoundException("Latchkey.slnx not found above the test binaries");
    }
}

public sealed record SpecOperation(string Id, string Method, string Path, JsonElement Definition)
{
    /// <summary>The schema of the given response ("200" or "default"), or null when the response has no body.</summary>
    public JsonElement? ResponseSchema(string status) =>
        Definition.GetProperty("responses").TryGetProperty(status, out var response)
        && response.TryGetProperty("content", out var content)
        && content.TryGetProperty("application/json", out var json) // a redirect's content is {}
            ? json.GetProperty("schema")
            : null;

    /// <summary>The success status the spec declares: 200 for most, 302 for the provider redirects.</summary>
    public int SuccessStatus => Definition.GetProperty("responses").EnumerateObject()
        .Select(r => int.TryParse(r.Name, out var status) ? status : 0).Single(status => status is >= 200 and < 400);

    public override string ToString() => $"{Id} ({Method} {Path})";
}
