using Latchkey.Core.OAuth;
using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class OAuthConsentConfiguration : IEntityTypeConfiguration<OAuthConsent>
{
    public void Configure(EntityTypeBuilder<OAuthConsent> consent)
    {
        consent.ToTable("oauth_consents");
        consent.HasKey(c => c.Id);
        consent.HasIndex(c => new { c.UserId, c.ClientRowId }).IsUnique();
        consent.HasOne<OAuthClient>().WithMany().HasForeignKey(c => c.ClientRowId).OnDelete(DeleteBehavior.Cascade);
        consent.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        consent.Property(c => c.Scope).HasMaxLength(1000);
    }
}
