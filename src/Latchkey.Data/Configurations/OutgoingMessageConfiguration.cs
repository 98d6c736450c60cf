using Latchkey.Core.Messaging;
using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class OutgoingMessageConfiguration : IEntityTypeConfiguration<OutgoingMessage>
{
    public void Configure(EntityTypeBuilder<OutgoingMessage> message)
    {
        message.ToTable("outgoing_messages");
        message.HasKey(m => m.Id);
        message.Property(m => m.Channel).HasMaxLength(16);
        message.Property(m => m.Recipient).HasMaxLength(UserNormalizer.MaxEmailLength);
        message.Property(m => m.Template).HasMaxLength(64);
        message.Property(m => m.Status).HasMaxLength(16);
        message.Property(m => m.LastError).HasMaxLength(1000);
        // The dispatcher's query: pending messages that are due.
        message.HasIndex(m => new { m.Status, m.NextAttemptAt });
        message.HasIndex(m => m.Recipient);
    }
}
