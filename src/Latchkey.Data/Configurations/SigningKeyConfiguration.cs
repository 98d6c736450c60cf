using Latchkey.Core.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> key)
    {
        key.ToTable("signing_keys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).HasMaxLength(32);
        key.Property(k => k.Algorithm).HasMaxLength(16);
        key.Property(k => k.Purpose).HasMaxLength(16);
        // At most one current key per purpose and algorithm, so two nodes starting together create one.
        key.HasIndex(k => new { k.Purpose, k.Algorithm }).IsUnique().HasFilter("retired_at IS NULL");
    }
}
