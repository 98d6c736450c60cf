using Latchkey.Core.Account;
using Latchkey.Core.Admin;
using Latchkey.Core.ApiKeys;
using Latchkey.Core.Audit;
using Latchkey.Core.Challenges;
using Latchkey.Core.Common;
using Latchkey.Core.Mfa;
using Latchkey.Core.Passkeys;
using Latchkey.Core.Messaging;
using Latchkey.Core.OAuth;
using Latchkey.Core.Scim;
using Latchkey.Core.Sessions;
using Latchkey.Core.Settings;
using Latchkey.Core.Social;
using Latchkey.Core.Tokens;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;
using Latchkey.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data;

/// <summary>One context for both providers; the schema differs only in the migrations assembly.</summary>
public sealed class LatchkeyDbContext(DbContextOptions<LatchkeyDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<ActivityEntry> Activity => Set<ActivityEntry>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<ServerSecret> ServerSecrets => Set<ServerSecret>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UserTwoFactorMethod> TwoFactorMethods => Set<UserTwoFactorMethod>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<AuthChallenge> AuthChallenges => Set<AuthChallenge>();
    public DbSet<Passkey> Passkeys => Set<Passkey>();
    public DbSet<VerificationTicket> VerificationTickets => Set<VerificationTicket>();
    public DbSet<OutgoingMessage> OutgoingMessages => Set<OutgoingMessage>();
    public DbSet<UserIdentity> UserIdentities => Set<UserIdentity>();
    public DbSet<SocialState> SocialStates => Set<SocialState>();
    public DbSet<OAuthClient> OAuthClients => Set<OAuthClient>();
    public DbSet<AuthorizationCode> AuthorizationCodes => Set<AuthorizationCode>();
    public DbSet<OAuthConsent> OAuthConsents => Set<OAuthConsent>();
    public DbSet<DeviceAuthorization> DeviceAuthorizations => Set<DeviceAuthorization>();
    public DbSet<RevokedAccessToken> RevokedAccessTokens => Set<RevokedAccessToken>();
    public DbSet<ApiResource> ApiResources => Set<ApiResource>();
    public DbSet<Role> Roles => Set<Role>();
    public DbSet<StoredSettings> RuntimeSettings => Set<StoredSettings>();
    public DbSet<Core.Cluster.ChangeVersion> ChangeVersions => Set<Core.Cluster.ChangeVersion>();
    public DbSet<Core.Cluster.RateCounter> RateCounters => Set<Core.Cluster.RateCounter>();
    public DbSet<ActivityRollupRow> ActivityRollups => Set<ActivityRollupRow>();
    public DbSet<ActivityRollupMark> ActivityRollupMarks => Set<ActivityRollupMark>();
    public DbSet<ScimUserProfile> ScimUserProfiles => Set<ScimUserProfile>();
    public DbSet<ScimGroup> ScimGroups => Set<ScimGroup>();
    public DbSet<ScimGroupMember> ScimGroupMembers => Set<ScimGroupMember>();
    public DbSet<ScimToken> ScimTokens => Set<ScimToken>();
    public DbSet<AccountProfile> AccountProfiles => Set<AccountProfile>();
    public DbSet<StoredAvatar> Avatars => Set<StoredAvatar>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<Core.OAuth.BackChannel.BackChannelLogoutNotice> BackChannelLogouts => Set<Core.OAuth.BackChannel.BackChannelLogoutNotice>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LatchkeyDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
