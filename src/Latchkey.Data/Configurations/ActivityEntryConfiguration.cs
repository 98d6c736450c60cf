using Latchkey.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class ActivityEntryConfiguration : IEntityTypeConfiguration<ActivityEntry>
{
    public void Configure(EntityTypeBuilder<ActivityEntry> entry)
    {
        // No foreign key to users: the audit trail outlives the account it describes.
        entry.ToTable("activity");
        entry.HasKey(a => a.Id);
        entry.Property(a => a.Type).HasMaxLength(64);
        entry.Property(a => a.IpAddress).HasMaxLength(64);
        entry.Property(a => a.UserAgent).HasMaxLength(512);
        entry.Property(a => a.Details).HasMaxLength(4000);
        entry.HasIndex(a => new { a.UserId, a.CreatedAt });
        entry.HasIndex(a => a.CreatedAt);
    }
}
