using Latchkey.Core.Challenges;
using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class AuthChallengeConfiguration : IEntityTypeConfiguration<AuthChallenge>
{
    public void Configure(EntityTypeBuilder<AuthChallenge> challenge)
    {
        challenge.ToTable("auth_challenges");
        challenge.HasKey(c => c.Id);
        challenge.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        challenge.Property(c => c.Kind).HasMaxLength(32);
        challenge.Property(c => c.State).HasMaxLength(8192);
        challenge.HasIndex(c => c.TokenHash).IsUnique();
        challenge.HasIndex(c => c.ExpiresAt);
    }
}
