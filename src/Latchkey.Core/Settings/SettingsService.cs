using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Latchkey.Core.Admin;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.Messaging;
using Latchkey.Core.Sessions;
using Latchkey.Core.Tokens;
using Latchkey.Core.Verification;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Settings;

/// <summary>
/// Reads and changes the runtime settings. A change is a JSON object: a field with a value overrides the
/// configuration, a field set to null goes back to it, an absent field stays. Validated whole before
/// anything is saved; audited with old and new values; in force on this node at once.
/// </summary>
public sealed class SettingsService(
    ISettingsStore store,
    SettingsCache cache,
    AdminAudit audit,
    IUnitOfWork unitOfWork,
    IOptions<SignUpOptions> signUp,
    IOptions<PasswordPolicyOptions> passwords,
    IOptions<LockoutOptions> lockout,
    IOptions<SessionOptions> sessions,
    IOptions<TokenOptions> tokens,
    IOptions<EmailOptions> email,
    IOptions<LatchkeyOptions> latchkey,
    IOptions<BrandingOptions> branding,
    IOptionsFactory<PasswordPolicyOptions> configuredPasswords,
    IRateLimitCatalog rateLimits,
    TimeProvider clock)
{
    private static readonly Dictionary<string, PropertyInfo> Fields = typeof(RuntimeSettings)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.Ordinal);

    public SettingsView Get()
    {
        var overrides = JsonSerializer.SerializeToNode(cache.Current.Settings, JsonSerializerOptions.Web)!.AsObject();
        var overridden = overrides.Where(p => p.Value is not null).Select(p => p.Key).ToList();
        return SettingsView.From(signUp.Value, passwords.Value, lockout.Value, sessions.Value, tokens.Value, email.Value,
            latchkey.Value, branding.Value, RateLimitsInForce(cache.Current.Settings), overridden);
    }

    public async Task<Result<SettingsView>> UpdateAsync(JsonElement change, AdminActor actor, CancellationToken ct)
    {
        if (change.ValueKind != JsonValueKind.Object) return AuthError.Validation("The body must be a JSON object of settings");
        var document = JsonSerializer.SerializeToNode(cache.Current.Settings, JsonSerializerOptions.Web)!.AsObject();
        foreach (var field in change.EnumerateObject())
        {
            if (!Fields.TryGetValue(field.Name, out var property)) return AuthError.Field(field.Name, $"'{field.Name}' is not a setting");
            if (field.Value.ValueKind != JsonValueKind.Null && !Fits(field.Value, property.PropertyType))
                return AuthError.Field(field.Name, $"'{field.Name}' has the wrong type");
            document[field.Name] = JsonNode.Parse(field.Value.GetRawText());
        }
        var merged = document.Deserialize<RuntimeSettings>(JsonSerializerOptions.Web)!;
        var breachSource = configuredPasswords.Create(Options.DefaultName).BreachCheck.Mode != BreachCheckModes.Off;
        if (SettingsValidator.Validate(merged, breachSource, rateLimits.Configured) is { } invalid) return invalid;

        var before = JsonSerializer.SerializeToNode(Get(), JsonSerializerOptions.Web)!.AsObject();
        await SaveAsync(merged, actor, ct);
        await cache.RefreshAsync(ct);
        var after = Get();
        var afterJson = JsonSerializer.SerializeToNode(after, JsonSerializerOptions.Web)!.AsObject();
        var changes = change.EnumerateObject().Select(f => new { field = f.Name, oldValue = before[f.Name]?.ToJsonString(), newValue = afterJson[f.Name]?.ToJsonString() })
            .Where(c => c.oldValue != c.newValue).ToList();
        audit.Record(ActivityTypes.AdminSettingsUpdated, actor, null, changes);
        await unitOfWork.SaveChangesAsync(ct);
        return after;
    }

    /// <summary>Each policy's rule in force: the administrators' override, else the configured one.</summary>
    private SortedDictionary<string, RateLimitSetting> RateLimitsInForce(RuntimeSettings settings)
    {
        var inForce = new SortedDictionary<string, RateLimitSetting>(rateLimits.Configured.ToDictionary(), StringComparer.Ordinal);
        foreach (var (policy, rule) in settings.RateLimits ?? []) inForce[policy] = rule;
        return inForce;
    }

    private async Task SaveAsync(RuntimeSettings merged, AdminActor actor, CancellationToken ct)
    {
        var row = await store.FindAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (row is null)
        {
            row = new StoredSettings { Document = SettingsCache.Serialize(merged), Version = 0 };
            store.Add(row);
        }
        row.Document = SettingsCache.Serialize(merged);
        row.Version++;
        row.UpdatedAt = now;
        row.UpdatedBy = actor.UserId;
        await unitOfWork.SaveChangesAsync(ct);
    }

    private static bool Fits(JsonElement value, Type type)
    {
        try
        {
            return value.Deserialize(type, JsonSerializerOptions.Web) is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
