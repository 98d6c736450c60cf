using Latchkey.Core.Social;
using Latchkey.Core.Admin;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Users.Import;

/// <summary>
/// Imports accounts in batches: each record is checked with the rules of every surface, then each batch costs one
/// query for conflicts and one insert. An account whose email (or username, or phone) is already present is left
/// as it is, so running the same import twice changes nothing and an interrupted import resumes by running it again.
/// Hashes are stored as they are; the sign-in that first verifies one rehashes it to Argon2id.
/// </summary>
public sealed class UserImportService(IUserImportStore store, RoleService roles, IOptions<UserDefaultsOptions> defaults, TimeProvider clock)
{
    private readonly Dictionary<string, bool> _knownRoles = new(StringComparer.Ordinal);

    public async Task<ImportProgress> ImportAsync(IAsyncEnumerable<ImportRecord> records, ImportOptions options,
        Func<SkippedRecord, ValueTask> report, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var batchSize = Math.Clamp(options.BatchSize, 1, ImportOptions.MaxBatchSize);
        var batch = new ImportBatch();
        var counts = new ImportProgress(0, 0, 0, 0);
        await foreach (var record in records.WithCancellation(ct))
        {
            counts = counts with { Read = counts.Read + 1 };
            var problem = record.Problem ?? await CheckAsync(record, batch, ct);
            if (problem is not null)
            {
                counts = counts with { Failed = counts.Failed + 1 };
                await report(new SkippedRecord(record.Line, record.User?.Email, problem));
                continue;
            }
            if (batch.Count < batchSize) continue;
            counts = await FlushAsync(batch, options, counts, report, ct);
            progress?.Report(counts);
        }
        counts = await FlushAsync(batch, options, counts, report, ct);
        progress?.Report(counts);
        return counts;
    }

    /// <summary>Maps the record and adds it to the batch; the reason it cannot be imported otherwise.</summary>
    private async Task<string?> CheckAsync(ImportRecord record, ImportBatch batch, CancellationToken ct)
    {
        var mapped = ImportedUserMapper.Map(record.User!, defaults.Value, clock.GetUtcNow().UtcDateTime);
        if (!mapped.IsSuccess) return mapped.Error.Message;
        var user = mapped.Value;
        var identities = ImportedIdentities.Map(record.User!.Identities, user.Id, user.UpdatedAt);
        if (!identities.IsSuccess) return identities.Error.Message;
        if (!await RoleExistsAsync(user.Role, ct)) return $"role '{user.Role}' does not exist";
        return batch.TryAdd(record.Line, user, identities.Value) ? null : "the file holds this email, username, phone number or linked identity twice";
    }

    private async Task<bool> RoleExistsAsync(string role, CancellationToken ct)
    {
        if (!_knownRoles.TryGetValue(role, out var exists)) _knownRoles[role] = exists = await roles.ExistsAsync(role, ct);
        return exists;
    }

    private async Task<ImportProgress> FlushAsync(ImportBatch batch, ImportOptions options, ImportProgress counts,
        Func<SkippedRecord, ValueTask> report, CancellationToken ct)
    {
        if (batch.Count == 0) return counts;
        var existing = await store.FindExistingAsync(batch.Emails, batch.Usernames, batch.Phones, batch.Identities, ct);
        var fresh = new List<User>(batch.Count);
        var freshIdentities = new List<UserIdentity>();
        foreach (var (line, user, identities) in batch.Entries)
        {
            var conflict = existing.Emails.Contains(user.NormalizedEmail) ? "an account with this email already exists"
                : user.NormalizedUsername is { } name && existing.Usernames.Contains(name) ? "another account has this username"
                : user.PhoneNumber is { } phone && existing.Phones.Contains(phone) ? "another account has this phone number"
                : identities.FirstOrDefault(i => existing.Identities.Contains(ImportedIdentities.Key(i.Provider, i.ProviderUserId))) is { } taken
                    ? $"another account is linked to {taken.Provider} user {taken.ProviderUserId}"
                : null;
            if (conflict is null)
            {
                fresh.Add(user);
                freshIdentities.AddRange(identities);
                continue;
            }
            counts = counts with { Existing = counts.Existing + 1 };
            await report(new SkippedRecord(line, user.Email, conflict));
        }
        if (!options.DryRun && fresh.Count > 0) await store.InsertAsync(fresh, freshIdentities, ct);
        batch.Clear();
        return counts with { Imported = counts.Imported + fresh.Count };
    }
}
