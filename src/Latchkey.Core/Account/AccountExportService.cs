using System.Text.Json;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Core.Account;

/// <summary>Builds the data-portability document of one account (<see cref="AccountExport"/>) and records that it was taken.</summary>
public sealed class AccountExportService(IAccountDataStore data, ActivityLog activity, IUnitOfWork unitOfWork, TimeProvider clock)
{
    public const string Format = "latchkey.account-export/1";

    public async Task<Result<AccountExport>> ExportAsync(Guid userId, RequestContext context, CancellationToken ct)
    {
        var records = await data.LoadAsync(userId, ct);
        if (records is null) return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");
        activity.Record(ActivityTypes.AccountExported, userId, context);
        await unitOfWork.SaveChangesAsync(ct);
        return Build(records, clock.GetUtcNow().UtcDateTime);
    }

    private static AccountExport Build(AccountRecords r, DateTime now)
    {
        var u = r.User;
        var profile = r.Profile ?? AccountProfile.Empty(u.Id);
        return new AccountExport(
            Format, now,
            new ExportedAccount(u.Id, u.Role, u.PasswordHash is not null, u.TwoFactorEnabled, u.IsAnonymous, u.Disabled, u.DefaultRole,
                u.AllowedRoles, Json(u.Metadata), u.CreatedAt, u.UpdatedAt, u.LastSignInAt, u.PasswordChangedAt),
            ProfileFields.From(u, profile),
            PreferenceFields.From(u, profile),
            r.Avatar is { } a ? new ExportedAvatar(AvatarSizes.ContentType, AvatarSizes.Large, Convert.ToBase64String(a.Large), a.UpdatedAt) : null,
            [new ExportedEmail(u.Email, u.EmailVerified, Primary: true)],
            u.PhoneNumber is { } phone ? [new ExportedPhone(phone, u.PhoneNumberVerified)] : [],
            [.. r.Sessions.Select(s => new ExportedSession(s.Id, s.Kind, s.AuthMethod, s.IpAddress, s.UserAgent, s.DeviceType, s.Scope,
                s.CreatedAt, s.LastActivityAt, s.ExpiresAt, s.RevokedAt, s.RevokedReason))],
            [.. r.Activity.Select(e => new ExportedActivity(e.Type, e.Success, e.IpAddress, e.UserAgent, Json(e.Details), e.CreatedAt))],
            [.. r.SecondFactors.Select(f => new ExportedSecondFactor(f.Method, f.IsDefault, f.CreatedAt, f.ConfirmedAt))],
            new ExportedRecoveryCodes(r.RecoveryCodes.Count, r.RecoveryCodes.Count(c => c.UsedAt is null)),
            [.. r.Passkeys.Select(p => new ExportedPasskey(p.Name, Base64UrlEncoder.Encode(p.CredentialId), p.Transports, p.IsBackedUp, p.CreatedAt, p.LastUsedAt))],
            [.. r.ConnectedServices.Select(i => new ExportedConnectedService(i.Provider, i.ProviderUserId, i.Email, i.CreatedAt, i.LastSignInAt))],
            r.Consents,
            [.. r.ApiKeys.Select(k => new ExportedApiKey(k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.ExpiresAt))],
            [.. r.OAuthClients.Select(c => new ExportedOAuthClient(c.ClientId, c.Name, c.RedirectUris, c.Scopes, c.CreatedAt))],
            [.. r.PendingVerifications.Select(t => new ExportedVerification(t.Purpose, t.CreatedAt, t.ExpiresAt))],
            [.. r.Licenses.Select(l => new ExportedLicense(l.Id, l.PlanId, l.StatusAt(now), l.Seats, l.SeatsUsed, l.KeyPrefix,
                l.StartsAt, l.TrialEndsAt, l.EndsAt, l.CreatedAt))],
            r.Directory is { } d ? new ExportedDirectoryProfile(d.ExternalId, d.MiddleName, d.HonorificPrefix, d.HonorificSuffix, d.NickName,
                d.ProfileUrl, d.UserType, d.PreferredLanguage, d.Locale, d.EmployeeNumber, d.CostCenter, d.Organization,
                d.Division, d.Department, d.ManagerId) : null,
            r.Groups);
    }

    private static JsonElement? Json(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
