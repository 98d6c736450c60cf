using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Storage;

/// <summary>The store behaviours the core relies on, run against the real database of the current provider.</summary>
public sealed class SessionStoreTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<(Guid UserId, Guid SessionId, Guid TokenId, byte[] TokenHash)> SeedAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserStore>();
        var sessions = scope.ServiceProvider.GetRequiredService<ISessionStore>();
        var now = DateTime.UtcNow;
        var email = Accounts.NewEmail("store");
        var user = new User { Id = Ids.New(), Email = email, NormalizedEmail = email.ToUpperInvariant(), CreatedAt = now, UpdatedAt = now };
        users.Add(user);
        var session = new Session { Id = Ids.New(), UserId = user.Id, Kind = SessionKinds.Bearer, AuthMethod = "test", CreatedAt = now, LastActivityAt = now, ExpiresAt = now.AddDays(1) };
        sessions.Add(session);
        var token = new RefreshToken { Id = Ids.New(), SessionId = session.Id, UserId = user.Id, TokenHash = SecretHash.Sha256(RandomSecrets.Base64Url()), CreatedAt = now, ExpiresAt = now.AddDays(1) };
        sessions.Add(token);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(Ct);
        return (user.Id, session.Id, token.Id, token.TokenHash);
    }

    [Fact]
    public async Task Of_fifty_concurrent_rotations_of_one_token_exactly_one_rotates_and_inserts_a_successor()
    {
        // On PostgreSQL rotation is one statement with no explicit transaction: the row lock and the
        // "rotated_at IS NULL" re-check must still let exactly one of them write, and only it insert.
        var (_, sessionId, tokenId, tokenHash) = await SeedAsync();
        var now = DateTime.UtcNow;
        var rotations = Enumerable.Range(0, 50)
            .Select(_ => new RefreshRotation(null, now, Ids.New(), SecretHash.Sha256(RandomSecrets.Base64Url()), now.AddDays(1)))
            .ToList();

        var outcomes = await Task.WhenAll(rotations.Select(async rotation =>
        {
            await using var scope = server.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ISessionStore>().FindAndRotateAsync(tokenHash, rotation, Ct);
        }));

        Assert.All(outcomes, o => Assert.Equal(tokenId, o!.Found.TokenId));
        var winner = Assert.Single(rotations.Zip(outcomes), p => p.Second!.Rotated).First;
        await using var check = server.Services.CreateAsyncScope();
        var store = check.ServiceProvider.GetRequiredService<ISessionStore>();
        foreach (var rotation in rotations)
        {
            var successor = await store.FindRefreshTokenAsync(rotation.SuccessorHash, Ct);
            if (rotation == winner) Assert.Equal(sessionId, successor!.SessionId);
            else Assert.Null(successor);
        }

        var again = await store.FindAndRotateAsync(tokenHash, rotations[0] with { SuccessorId = Ids.New() }, Ct);
        Assert.False(again!.Rotated);
        Assert.NotNull(again.Found.RotatedAt);
    }

    [Fact]
    public async Task An_unusable_token_is_read_but_not_rotated()
    {
        var (_, _, tokenId, tokenHash) = await SeedAsync();
        await using var scope = server.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ISessionStore>();
        var now = DateTime.UtcNow;

        // Another client's family, and a time past the token's expiry: both must leave the token as it was.
        var otherClient = new RefreshRotation(Ids.New(), now, Ids.New(), SecretHash.Sha256(RandomSecrets.Base64Url()), now.AddDays(1));
        var expired = otherClient with { ClientRowId = null, Now = now.AddDays(2), SuccessorId = Ids.New() };
        foreach (var rotation in new[] { otherClient, expired })
        {
            var outcome = await store.FindAndRotateAsync(tokenHash, rotation, Ct);
            Assert.Equal(tokenId, outcome!.Found.TokenId);
            Assert.False(outcome.Rotated);
            Assert.Null(outcome.Found.RotatedAt);
        }

        Assert.Null(await store.FindAndRotateAsync(SecretHash.Sha256(RandomSecrets.Base64Url()), otherClient, Ct));
    }

    [Fact]
    public async Task Revoke_all_keeps_the_named_session_and_reports_the_count()
    {
        var (userId, keep, _, _) = await SeedAsync();
        await using var scope = server.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ISessionStore>();
        var now = DateTime.UtcNow;
        for (var i = 0; i < 2; i++)
            store.Add(new Session { Id = Ids.New(), UserId = userId, Kind = SessionKinds.Cookie, AuthMethod = "test", CreatedAt = now, LastActivityAt = now, ExpiresAt = now.AddDays(1) });
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(Ct);

        Assert.Equal(2, await store.RevokeAllAsync(userId, keep, now, RevokeReasons.RevokeAll, Ct));
        Assert.Equal(0, await store.RevokeAllAsync(userId, keep, now, RevokeReasons.RevokeAll, Ct));
        var active = Assert.Single(await store.ListActiveAsync(userId, now, Ct));
        Assert.Equal(keep, active.Id);
        Assert.True(await store.RevokeAsync(keep, now, RevokeReasons.Logout, Ct));
        Assert.False(await store.RevokeAsync(keep, now, RevokeReasons.Logout, Ct));
        Assert.False(await store.IsActiveAsync(keep, now, Ct));
    }

    [Fact]
    public async Task A_duplicate_email_surfaces_as_a_unique_constraint_violation()
    {
        var email = Accounts.NewEmail("dup");
        async Task AddAsync()
        {
            await using var scope = server.Services.CreateAsyncScope();
            var now = DateTime.UtcNow;
            scope.ServiceProvider.GetRequiredService<IUserStore>().Add(
                new User { Id = Ids.New(), Email = email, NormalizedEmail = email.ToUpperInvariant(), CreatedAt = now, UpdatedAt = now });
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(Ct);
        }

        await AddAsync();
        await Assert.ThrowsAsync<UniqueConstraintException>(AddAsync);
    }

    [Fact]
    public async Task Refresh_lookup_reads_token_session_and_user_in_one_query()
    {
        var (userId, sessionId, _, _) = await SeedAsync();
        await using var scope = server.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ISessionStore>();
        var secret = RandomSecrets.Base64Url();
        var now = DateTime.UtcNow;
        store.Add(new RefreshToken { Id = Ids.New(), SessionId = sessionId, UserId = userId, TokenHash = SecretHash.Sha256(secret), CreatedAt = now, ExpiresAt = now.AddHours(1) });
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(Ct);

        var found = await store.FindRefreshTokenAsync(SecretHash.Sha256(secret), Ct);
        Assert.NotNull(found);
        Assert.Equal(sessionId, found.SessionId);
        Assert.Equal(userId, found.Subject.UserId);
        Assert.Equal(DateTimeKind.Utc, found.TokenExpiresAt.Kind);
        Assert.Null(await store.FindRefreshTokenAsync(SecretHash.Sha256(RandomSecrets.Base64Url()), Ct));
    }
}
