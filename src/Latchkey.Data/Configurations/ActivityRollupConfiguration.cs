using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class ActivityRollupConfiguration : IEntityTypeConfiguration<ActivityRollupRow>, IEntityTypeConfiguration<ActivityRollupMark>
{
    public void Configure(EntityTypeBuilder<ActivityRollupRow> row)
    {
        // The key is the read order of a query: one granularity, a range of buckets.
        row.ToTable("activity_rollups");
        row.HasKey(r => new { r.Granularity, r.BucketStart, r.Metric });
        row.Property(r => r.Granularity).HasMaxLength(8);
        row.Property(r => r.Metric).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<ActivityRollupMark> mark)
    {
        mark.ToTable("activity_rollup_marks");
        mark.HasKey(m => m.Granularity);
        mark.Property(m => m.Granularity).HasMaxLength(8);
    }
}
