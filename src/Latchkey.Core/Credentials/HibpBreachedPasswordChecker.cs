using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Credentials;

/// <summary>
/// Pwned Passwords range API with k-anonymity: only the first 5 hex digits of the password's SHA-1 are sent,
/// and the response lists every known suffix under that prefix. Padding is requested so the response size
/// does not reveal the prefix either; padding entries carry a count of 0.
/// </summary>
public sealed partial class HibpBreachedPasswordChecker(
    IHttpClientFactory httpClientFactory,
    IOptions<BreachCheckOptions> options,
    ILogger<HibpBreachedPasswordChecker> logger) : IBreachedPasswordChecker
{
    /// <summary>The named HttpClient this checker uses, so hosts can add handlers (proxy, resilience) to it.</summary>
    public const string HttpClientName = "hibp";

    private const int PrefixLength = 5;

    public async Task<bool?> IsBreachedAsync(string password, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var hash = PasswordSha1.UpperHex(password);
        var suffix = hash[PrefixLength..];
        var uri = new Uri($"{settings.HibpBaseUrl.TrimEnd('/')}/range/{hash[..PrefixLength]}");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.TimeoutMs);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Add("Add-Padding", "true");

            var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                LogUnexpectedStatus(logger, (int)response.StatusCode, uri.GetLeftPart(UriPartial.Authority));
                return null;
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var reader = new StreamReader(body);
            while (await reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (IsListed(line, suffix))
                {
                    return true;
                }
            }

            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(logger, settings.TimeoutMs, uri.GetLeftPart(UriPartial.Authority));
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            LogUnreachable(logger, ex, uri.GetLeftPart(UriPartial.Authority));
            return null;
        }
    }

    // A line is "SUFFIX:COUNT"; a count of 0 marks a padding entry, which says nothing about the password.
    private static bool IsListed(string line, string suffix)
    {
        var colon = line.IndexOf(':');
        if (colon < 0 || !line.AsSpan(0, colon).Trim().Equals(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return long.TryParse(line.AsSpan(colon + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count > 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Breach check: {Host} answered HTTP {StatusCode}.")]
    private static partial void LogUnexpectedStatus(ILogger logger, int statusCode, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Breach check: {Host} did not answer within {TimeoutMs} ms.")]
    private static partial void LogTimedOut(ILogger logger, int timeoutMs, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Breach check: could not reach {Host}.")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, string host);
}
