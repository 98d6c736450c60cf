using Latchkey.Core.OAuth;
using Latchkey.Core.Scim;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class ScimTokenConfiguration : IEntityTypeConfiguration<ScimToken>
{
    public void Configure(EntityTypeBuilder<ScimToken> token)
    {
        token.ToTable("scim_tokens");
        token.HasKey(t => t.Id);
        // Deleting the client revokes its tokens.
        token.HasOne<OAuthClient>().WithMany().HasForeignKey(t => t.ClientRowId).OnDelete(DeleteBehavior.Cascade);
        token.Property(t => t.Name).HasMaxLength(ScimTokenService.MaxNameLength);
        token.Property(t => t.Prefix).HasMaxLength(16);
        token.HasIndex(t => t.SecretHash).IsUnique();
        token.HasIndex(t => t.ClientRowId);
    }
}
