using Latchkey.Core.Account;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

/// <summary>All of one account's rows, for export and erasure. A new table holding a user id belongs in both.</summary>
internal sealed class AccountDataStore(LatchkeyDbContext db) : IAccountDataStore
{
    public async Task<AccountRecords?> LoadAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return null;
        var consents = await (from consent in db.OAuthConsents.AsNoTracking()
                              join client in db.OAuthClients.AsNoTracking() on consent.ClientRowId equals client.Id
                              where consent.UserId == userId
                              orderby consent.CreatedAt
                              select new ConsentRecord(client.ClientId, client.Name, consent.Scope, consent.CreatedAt, consent.UpdatedAt)).ToListAsync(ct);
        return new AccountRecords(
            user,
            await db.AccountProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct),
            await db.Avatars.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId, ct),
            await db.Sessions.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt).ToListAsync(ct),
            await db.Activity.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.CreatedAt).ToListAsync(ct),
            await db.TwoFactorMethods.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.CreatedAt).ToListAsync(ct),
            await db.RecoveryCodes.AsNoTracking().Where(c => c.UserId == userId).ToListAsync(ct),
            await db.Passkeys.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.CreatedAt).ToListAsync(ct),
            await db.UserIdentities.AsNoTracking().Where(i => i.UserId == userId).OrderBy(i => i.CreatedAt).ToListAsync(ct),
            consents,
            await db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId).OrderBy(k => k.CreatedAt).ToListAsync(ct),
            await db.OAuthClients.AsNoTracking().Where(c => c.OwnerUserId == userId).OrderBy(c => c.CreatedAt).ToListAsync(ct),
            await db.VerificationTickets.AsNoTracking().Where(t => t.UserId == userId && t.ConsumedAt == null).OrderBy(t => t.CreatedAt).ToListAsync(ct),
            await db.Set<Core.Licensing.License>().AsNoTracking().Where(l => l.UserId == userId).OrderBy(l => l.CreatedAt).ToListAsync(ct),
            await db.ScimUserProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct),
            await (from member in db.ScimGroupMembers.AsNoTracking()
                   join g in db.ScimGroups.AsNoTracking() on member.GroupId equals g.Id
                   where member.UserId == userId
                   orderby g.DisplayName
                   select g.DisplayName).ToListAsync(ct));
    }

    public async Task<bool> EraseAsync(Guid userId, CancellationToken ct)
    {
        // Tracked copies of the rows about to go would be written back by the next SaveChanges.
        db.ChangeTracker.Clear();
        var contacts = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.PhoneNumber }).FirstOrDefaultAsync(ct);
        if (contacts is null) return false;
        // Tables that refer to the user without a foreign key (audit and short-lived flow state) are cleared by hand...
        await db.Activity.Where(a => a.UserId == userId).ExecuteDeleteAsync(ct);
        await db.SocialStates.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await db.DeviceAuthorizations.Where(d => d.UserId == userId).ExecuteDeleteAsync(ct);
        await db.OutgoingMessages.Where(m => m.Recipient == contacts.Email || m.Recipient == contacts.PhoneNumber).ExecuteDeleteAsync(ct);
        // ...the rest cascade from the account: sessions and refresh tokens, factors, passkeys, keys, identities,
        // consents, codes, tickets, owned OAuth clients, profile and avatar, licenses (with their activations and usage),
        // the SCIM profile and group memberships.
        return await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct) > 0;
    }
}
