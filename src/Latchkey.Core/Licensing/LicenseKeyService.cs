using Latchkey.Core.Audit;
using Latchkey.Core.Common;

namespace Latchkey.Core.Licensing;

/// <summary>
/// What an application does with a license key: validate it (the hot path: one read, or two with a
/// fingerprint), activate a machine (takes a seat with one conditional UPDATE, so N parallel activations of a
/// license with N free seats all succeed and the next fails), and deactivate one (gives the seat back).
/// </summary>
public sealed class LicenseKeyService(ILicenseStore store, ActivityLog activity, IUnitOfWork unitOfWork, TimeProvider clock)
{
    public const int MaxFingerprintLength = 200;
    private static readonly AuthError UnknownKey = new(AuthErrorCodes.NotFound, "No license with this key");

    public async Task<Result<KeyValidation>> ValidateAsync(string? key, string? fingerprint, CancellationToken ct)
    {
        if (CheckInput(key, fingerprint, fingerprintRequired: false) is { } invalid) return invalid;
        if (await FindAsync(key!, ct) is not { } view) return UnknownKey;
        bool? activated = fingerprint is null ? null : await store.FindActivationAsync(view.License.Id, fingerprint, ct) is not null;
        return new KeyValidation(view, activated);
    }

    public async Task<Result<(LicenseActivation Activation, LicenseView License, bool Created)>> ActivateAsync(
        string? key, string? fingerprint, RequestContext context, CancellationToken ct)
    {
        if (CheckInput(key, fingerprint, fingerprintRequired: true) is { } invalid) return invalid;
        if (await FindAsync(key!, ct) is not { } view) return UnknownKey;
        if (!view.Valid) return new AuthError(AuthErrorCodes.Forbidden, $"This license is {view.Status}");
        if (await store.FindActivationAsync(view.License.Id, fingerprint!, ct) is { } existing) return (existing, view, false);

        var activation = new LicenseActivation { Id = Ids.New(), LicenseId = view.License.Id, Fingerprint = fingerprint!, CreatedAt = clock.GetUtcNow().UtcDateTime };
        try
        {
            var taken = await unitOfWork.InTransactionAsync(async token =>
            {
                if (!await store.TryTakeSeatAsync(view.License.Id, token)) return false;
                store.Add(activation);
                activity.Record(ActivityTypes.LicenseActivated, view.License.UserId, context, details: new { licenseId = view.License.Id, activationId = activation.Id });
                await unitOfWork.SaveChangesAsync(token);
                return true;
            }, ct);
            if (!taken) return new AuthError(AuthErrorCodes.Conflict, $"All {view.License.Seats} seats of this license are in use",
                new Dictionary<string, string> { ["reason"] = "seat_limit", ["seats"] = view.License.Seats.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        catch (UniqueConstraintException)
        {
            // The same machine activated at the same moment: its transaction rolled back our seat; answer with theirs.
            if (await store.FindActivationAsync(view.License.Id, fingerprint!, ct) is { } raced) return (raced, view, false);
            throw;
        }
        return (activation, view, true);
    }

    public async Task<Result<Unit>> DeactivateAsync(string? key, string? fingerprint, RequestContext context, CancellationToken ct)
    {
        if (CheckInput(key, fingerprint, fingerprintRequired: true) is { } invalid) return invalid;
        if (await FindAsync(key!, ct) is not { } view) return UnknownKey;
        if (await store.FindActivationAsync(view.License.Id, fingerprint!, ct) is not { } activation)
            return new AuthError(AuthErrorCodes.NotFound, "This machine holds no seat of this license");
        await unitOfWork.InTransactionAsync(async token =>
        {
            store.Remove(activation);
            activity.Record(ActivityTypes.LicenseDeactivated, view.License.UserId, context, details: new { licenseId = view.License.Id, activationId = activation.Id });
            await unitOfWork.SaveChangesAsync(token);
            await store.ReleaseSeatAsync(view.License.Id, token);
            return Unit.Value;
        }, ct);
        return Unit.Value;
    }

    private async Task<LicenseView?> FindAsync(string key, CancellationToken ct) =>
        await store.FindByKeyHashAsync(SecretHash.Sha256(key), ct) is ({ } license, { } plan) ? LicenseView.At(license, plan, clock.GetUtcNow().UtcDateTime) : null;

    private static AuthError? CheckInput(string? key, string? fingerprint, bool fingerprintRequired) =>
        string.IsNullOrEmpty(key) ? AuthError.Field("key", "\"key\" is required")
        : !LicenseKeys.LooksLikeKey(key) ? UnknownKey
        : fingerprint is null ? (fingerprintRequired ? AuthError.Field("fingerprint", "\"fingerprint\" is required") : null)
        : fingerprint.Trim().Length == 0 || fingerprint.Length > MaxFingerprintLength || fingerprint.Any(char.IsControl)
            ? AuthError.Field("fingerprint", $"fingerprint must be 1 to {MaxFingerprintLength} characters without control characters")
            : null;
}
