using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.Messaging;
using Latchkey.Core.Sessions;
using Latchkey.Core.Tokens;
using Latchkey.Core.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Settings;

/// <summary>Which option each runtime setting overrides. Registering these replaces the plain <c>IOptions&lt;T&gt;</c> of those types.</summary>
public static class SettingsOverlays
{
    public static IServiceCollection AddRuntimeSettingsOverlays(this IServiceCollection services)
    {
        Live<SignUpOptions>(services, (o, s) =>
        {
            if (s.SignUpEnabled is { } open) o.Enabled = open;
            if (s.RequireEmailVerification is { } verify) o.RequireEmailVerification = verify;
            if (s.AllowedRedirectUrls is { } urls) o.AllowedRedirectUrls = urls;
        });
        Live<PasswordPolicyOptions>(services, (o, s) =>
        {
            if (s.PasswordMinLength is { } min) o.MinLength = min;
            if (s.PasswordBreachCheck == false) o.BreachCheckSwitchedOff = true;
        });
        Live<LockoutOptions>(services, (o, s) =>
        {
            if (s.LockoutThreshold is { } threshold) o.MaxFailedAttempts = threshold;
            if (s.LockoutDurationSeconds is { } duration) o.Duration = TimeSpan.FromSeconds(duration);
        });
        Live<SessionOptions>(services, (o, s) =>
        {
            if (s.SessionIdleTimeoutSeconds is { } idle) o.IdleTimeout = TimeSpan.FromSeconds(idle);
            if (s.SessionLifetimeSeconds is { } lifetime) o.AbsoluteLifetime = TimeSpan.FromSeconds(lifetime);
        });
        Live<TokenOptions>(services, (o, s) =>
        {
            if (s.AccessTokenLifetimeSeconds is { } lifetime) o.AccessTokenLifetime = TimeSpan.FromSeconds(lifetime);
        });
        Live<EmailOptions>(services, (o, s) =>
        {
            if (s.EmailFrom is { } from) o.From = from;
        });
        Live<LatchkeyOptions>(services, (o, s) =>
        {
            if (s.ProductName is { } name) o.ProductName = name;
        });
        Live<BrandingOptions>(services, (o, s) =>
        {
            if (s.LogoUrl is { } logo) o.LogoUrl = logo;
            if (s.AccentColor is { } accent) o.AccentColor = accent;
        });
        return services;
    }

    /// <summary>Makes <c>IOptions&lt;T&gt;</c> the configured options with <paramref name="overlay"/> applied, rebuilt when the settings change.</summary>
    public static void Live<T>(IServiceCollection services, Action<T, RuntimeSettings> overlay) where T : class =>
        services.AddSingleton<IOptions<T>>(sp => new LiveOptions<T>(sp.GetRequiredService<IOptionsFactory<T>>(), sp.GetRequiredService<SettingsCache>(), overlay));
}
