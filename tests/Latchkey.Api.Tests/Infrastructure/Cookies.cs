using System.Net;
using System.Runtime.CompilerServices;

namespace Latchkey.Api.Tests.Infrastructure;

/// <summary>Remembers each test client's cookie jar, so a test can read or replay a cookie.</summary>
public static class Cookies
{
    private static readonly ConditionalWeakTable<HttpClient, CookieContainer> Jars = new();

    internal static void Remember(HttpClient client, CookieContainer jar) => Jars.Add(client, jar);

    public static string CookieValue(this HttpClient client, LatchkeyServer server, string name) =>
        (Jars.TryGetValue(client, out var jar) ? jar.GetCookies(server.BaseAddress)[name]?.Value : null)
        ?? throw new InvalidOperationException($"No {name} cookie.");

    public static void SetCookie(this HttpClient client, LatchkeyServer server, string name, string value)
    {
        if (!Jars.TryGetValue(client, out var jar)) throw new InvalidOperationException("Not a test client.");
        jar.Add(server.BaseAddress, new Cookie(name, value));
    }
}
