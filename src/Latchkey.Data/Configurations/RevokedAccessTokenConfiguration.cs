using Latchkey.Core.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class RevokedAccessTokenConfiguration : IEntityTypeConfiguration<RevokedAccessToken>
{
    public void Configure(EntityTypeBuilder<RevokedAccessToken> revoked)
    {
        revoked.ToTable("revoked_access_tokens");
        // The database numbers the rows (identity / autoincrement): the high-water mark nodes poll by.
        revoked.HasKey(r => r.Sequence);
        revoked.Property(r => r.Sequence).ValueGeneratedOnAdd();
        revoked.Property(r => r.TokenId).HasMaxLength(64);
        revoked.HasIndex(r => r.TokenId).IsUnique();
        revoked.HasIndex(r => r.ExpiresAt);
        revoked.HasIndex(r => r.RevokedAt);
    }
}
