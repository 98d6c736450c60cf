using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> session)
    {
        session.ToTable("sessions");
        session.HasKey(s => s.Id);
        session.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        session.Property(s => s.Kind).HasMaxLength(16);
        session.Property(s => s.AuthMethod).HasMaxLength(32);
        session.Property(s => s.IpAddress).HasMaxLength(64);
        session.Property(s => s.UserAgent).HasMaxLength(512);
        session.Property(s => s.DeviceType).HasMaxLength(16);
        session.Property(s => s.RevokedReason).HasMaxLength(32);
        session.HasIndex(s => s.CookieSecretHash).IsUnique();
        session.HasIndex(s => new { s.UserId, s.RevokedAt });
        session.Property(s => s.Scope).HasMaxLength(1000);
        // Grants are found by the browser session that approved them (end-session, back-channel logout).
        session.HasIndex(s => s.BrowserSessionId);
    }
}
