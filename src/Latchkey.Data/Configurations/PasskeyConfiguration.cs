using Latchkey.Core.Passkeys;
using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class PasskeyConfiguration : IEntityTypeConfiguration<Passkey>
{
    public void Configure(EntityTypeBuilder<Passkey> passkey)
    {
        passkey.ToTable("passkeys");
        passkey.HasKey(p => p.Id);
        passkey.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        passkey.Property(p => p.Name).HasMaxLength(PasskeyOptions.MaxNameLength);
        passkey.Property(p => p.Transports).HasMaxLength(128);
        passkey.HasIndex(p => p.CredentialId).IsUnique();
        passkey.HasIndex(p => p.UserId);
    }
}
