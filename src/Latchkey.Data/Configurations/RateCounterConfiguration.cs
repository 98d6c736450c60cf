using Latchkey.Core.Cluster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class RateCounterConfiguration : IEntityTypeConfiguration<RateCounter>
{
    public void Configure(EntityTypeBuilder<RateCounter> counter)
    {
        // Written by SharedCounterStore's upsert; the table exists on SQLite too but stays empty there.
        counter.ToTable("rate_counters");
        counter.HasKey(c => new { c.Key, c.WindowStart });
        counter.Property(c => c.Key).HasMaxLength(400);
        counter.HasIndex(c => c.WindowEnd);
    }
}
