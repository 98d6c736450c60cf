using Latchkey.Core.Social;
using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class UserIdentityConfiguration : IEntityTypeConfiguration<UserIdentity>
{
    public void Configure(EntityTypeBuilder<UserIdentity> identity)
    {
        identity.ToTable("user_identities");
        identity.HasKey(i => i.Id);
        identity.HasOne<User>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        identity.Property(i => i.Provider).HasMaxLength(64);
        identity.Property(i => i.ProviderUserId).HasMaxLength(255);
        identity.Property(i => i.Email).HasMaxLength(254);
        identity.HasIndex(i => new { i.Provider, i.ProviderUserId }).IsUnique();
        identity.HasIndex(i => i.UserId);
    }
}
