using Latchkey.Core.OAuth;
using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class AuthorizationCodeConfiguration : IEntityTypeConfiguration<AuthorizationCode>
{
    public void Configure(EntityTypeBuilder<AuthorizationCode> code)
    {
        code.ToTable("oauth_authorization_codes");
        code.HasKey(c => c.Id);
        code.HasIndex(c => c.CodeHash).IsUnique();
        code.HasOne<OAuthClient>().WithMany().HasForeignKey(c => c.ClientRowId).OnDelete(DeleteBehavior.Cascade);
        code.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        code.Property(c => c.RedirectUri).HasMaxLength(2000);
        code.Property(c => c.Scope).HasMaxLength(1000);
        code.Property(c => c.Nonce).HasMaxLength(2048);
        code.Property(c => c.CodeChallenge).HasMaxLength(128);
    }
}
