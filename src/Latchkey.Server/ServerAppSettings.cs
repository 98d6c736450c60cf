using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace Latchkey.Server;

internal static class ServerAppSettings
{
    /// <summary>
    /// `dotnet run --project src/Latchkey.Server` from the repository root makes the root the content
    /// root, where there is no appsettings.json. The copy next to the binary is read as well, placed just
    /// before the unprefixed environment variables so that they and the command line still override it.
    /// </summary>
    public static void AddBinaryAppSettings(this ConfigurationManager configuration)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (!File.Exists(path)) return;
        var sources = configuration.Sources;
        var environment = sources.ToList().FindLastIndex(s => s is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        var source = new JsonConfigurationSource { Path = path, Optional = true };
        source.ResolveFileProvider();
        sources.Insert(environment >= 0 ? environment : sources.Count, source);
    }
}
