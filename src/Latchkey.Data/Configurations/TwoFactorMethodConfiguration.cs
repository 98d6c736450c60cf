using Latchkey.Core.Mfa;
using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class TwoFactorMethodConfiguration : IEntityTypeConfiguration<UserTwoFactorMethod>
{
    public void Configure(EntityTypeBuilder<UserTwoFactorMethod> method)
    {
        method.ToTable("two_factor_methods");
        method.HasKey(m => m.Id);
        method.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        method.Property(m => m.Method).HasMaxLength(16);
        method.Property(m => m.ProtectedSecret).HasMaxLength(1024);
        method.HasIndex(m => new { m.UserId, m.Method }).IsUnique();
        method.Ignore(m => m.IsConfirmed);
    }
}
