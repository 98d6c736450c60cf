using Latchkey.Core.Cluster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class ChangeVersionConfiguration : IEntityTypeConfiguration<ChangeVersion>
{
    public void Configure(EntityTypeBuilder<ChangeVersion> version)
    {
        // Rows are made by the migration and bumped only by triggers (20261203002000_ChangeVersions).
        version.ToTable("change_versions");
        version.HasKey(v => v.Area);
        version.Property(v => v.Area).HasMaxLength(32);
    }
}
