using Latchkey.Core.Users;
using Latchkey.Core.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class VerificationTicketConfiguration : IEntityTypeConfiguration<VerificationTicket>
{
    public void Configure(EntityTypeBuilder<VerificationTicket> ticket)
    {
        ticket.ToTable("verification_tickets");
        ticket.HasKey(t => t.Id);
        ticket.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        ticket.Property(t => t.Purpose).HasMaxLength(32);
        ticket.Property(t => t.Target).HasMaxLength(UserNormalizer.MaxEmailLength);
        ticket.Property(t => t.Payload).HasMaxLength(UserNormalizer.MaxEmailLength);
        ticket.HasIndex(t => t.SecretHash).IsUnique();
        // Code lookups (newest for an address) and the per-address count.
        ticket.HasIndex(t => new { t.Purpose, t.Target, t.CreatedAt });
        ticket.HasIndex(t => t.UserId);
    }
}
