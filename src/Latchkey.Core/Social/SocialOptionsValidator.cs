using Microsoft.Extensions.Options;

namespace Latchkey.Core.Social;

/// <summary>Checks provider settings at start, so a half-configured provider stops the server with one clear line.</summary>
public sealed class SocialOptionsValidator : IValidateOptions<SocialOptions>
{
    public ValidateOptionsResult Validate(string? name, SocialOptions options)
    {
        var errors = new List<string>();
        foreach (var (provider, s) in options.Providers)
        {
            var at = $"Latchkey:Social:Providers:{provider}";
            if (!s.Enabled) continue;
            if (string.IsNullOrWhiteSpace(s.ClientId)) errors.Add($"{at}:ClientId is required.");
            var builtIn = ProviderCatalog.BuiltIn.ContainsKey(provider);
            if (!builtIn && !IsHttpUrl(s.Issuer)) errors.Add($"{at}:Issuer must be the provider's https issuer URL (it is not a built-in provider).");
            if (provider.Equals("apple", StringComparison.OrdinalIgnoreCase))
            {
                if (string.IsNullOrWhiteSpace(s.ClientSecret) && (string.IsNullOrWhiteSpace(s.TeamId) || string.IsNullOrWhiteSpace(s.KeyId)
                        || (string.IsNullOrWhiteSpace(s.PrivateKey) && string.IsNullOrWhiteSpace(s.PrivateKeyFile))))
                    errors.Add($"{at} needs TeamId, KeyId and PrivateKey or PrivateKeyFile (the .p8 key) to sign its client secret.");
            }
            else if (string.IsNullOrWhiteSpace(s.ClientSecret) && !provider.Equals("google", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{at}:ClientSecret is required.");
            }
            foreach (var url in new[] { s.AuthorizationEndpoint, s.TokenEndpoint, s.UserInfoEndpoint, s.JwksUri })
                if (url is not null && !IsHttpUrl(url)) errors.Add($"{at}: '{url}' is not an absolute http(s) URL.");
            if (provider.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))) errors.Add($"{at}: provider names use letters, digits, '-' and '_' only.");
        }
        foreach (var url in options.AllowedRedirectUrls)
            if (!IsHttpUrl(url)) errors.Add($"Latchkey:Social:AllowedRedirectUrls: '{url}' is not an absolute http(s) URL.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
