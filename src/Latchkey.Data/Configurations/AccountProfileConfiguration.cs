using Latchkey.Core.Account;
using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class AccountProfileConfiguration : IEntityTypeConfiguration<AccountProfile>
{
    public void Configure(EntityTypeBuilder<AccountProfile> profile)
    {
        profile.ToTable("user_profiles");
        profile.HasKey(p => p.UserId);
        profile.HasOne<User>().WithOne().HasForeignKey<AccountProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        profile.Property(p => p.Bio).HasMaxLength(ProfileValidator.MaxBioLength);
        profile.Property(p => p.Gender).HasMaxLength(ProfileValidator.MaxShortText);
        profile.Property(p => p.Company).HasMaxLength(ProfileValidator.MaxShortText);
        // Wider than the profile API and SCIM accept (100): titles SCIM stored before decision 78 (up to 256) moved here.
        profile.Property(p => p.JobTitle).HasMaxLength(256);
        profile.Property(p => p.Website).HasMaxLength(ProfileValidator.MaxUrlLength);
        profile.Property(p => p.Location).HasMaxLength(ProfileValidator.MaxLocationLength);
        profile.Property(p => p.Address).HasMaxLength(2000);
        profile.Property(p => p.SocialLinks).HasMaxLength(24000);
        profile.Property(p => p.TimeZone).HasMaxLength(64);
        profile.Property(p => p.DateFormat).HasMaxLength(16);
        profile.Property(p => p.Notifications).HasMaxLength(1000);
    }
}
