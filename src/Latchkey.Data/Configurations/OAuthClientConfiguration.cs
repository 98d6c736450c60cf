using Latchkey.Core.OAuth;
using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class OAuthClientConfiguration : IEntityTypeConfiguration<OAuthClient>
{
    public void Configure(EntityTypeBuilder<OAuthClient> client)
    {
        client.ToTable("oauth_clients");
        client.HasKey(c => c.Id);
        client.Property(c => c.ClientId).HasMaxLength(100);
        client.Property(c => c.Name).HasMaxLength(100);
        client.Property(c => c.TokenEndpointAuthMethod).HasMaxLength(32);
        client.Property(c => c.BackchannelLogoutUri).HasMaxLength(2000);
        client.Property(c => c.ClientUri).HasMaxLength(2000);
        client.Property(c => c.LogoUri).HasMaxLength(2000);
        client.Property(c => c.IdTokenSignedResponseAlg).HasMaxLength(10);
        client.Ignore(c => c.IsPublic);
        client.HasIndex(c => c.ClientId).IsUnique();
        client.HasIndex(c => c.OwnerUserId);
        client.HasOne<User>().WithMany().HasForeignKey(c => c.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
