using Latchkey.Core.OAuth.BackChannel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class BackChannelLogoutNoticeConfiguration : IEntityTypeConfiguration<BackChannelLogoutNotice>
{
    public void Configure(EntityTypeBuilder<BackChannelLogoutNotice> notice)
    {
        // No foreign keys: a notice outlives the account it logs out (deletion queues it) and the sender drops
        // the notices of a client deleted in the meantime.
        notice.ToTable("backchannel_logouts");
        notice.HasKey(n => n.Id);
        notice.Property(n => n.Status).HasMaxLength(16);
        notice.Property(n => n.LastError).HasMaxLength(500);
        // The sender's claim: pending rows that are due.
        notice.HasIndex(n => new { n.Status, n.NextAttemptAt });
    }
}
