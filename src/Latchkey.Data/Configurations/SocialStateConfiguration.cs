using Latchkey.Core.Social;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class SocialStateConfiguration : IEntityTypeConfiguration<SocialState>
{
    public void Configure(EntityTypeBuilder<SocialState> state)
    {
        state.ToTable("social_states");
        state.HasKey(s => s.Id);
        state.Property(s => s.Provider).HasMaxLength(64);
        state.Property(s => s.Purpose).HasMaxLength(16);
        state.Property(s => s.RedirectUrl).HasMaxLength(2048);
        state.Property(s => s.CallbackUrl).HasMaxLength(2048);
        state.Property(s => s.Nonce).HasMaxLength(64);
        state.Property(s => s.SignUpProfile).HasMaxLength(10240);
        state.HasIndex(s => s.StateHash).IsUnique();
        state.HasIndex(s => s.ExpiresAt);
    }
}
